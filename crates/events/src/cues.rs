//! Word lists the argument and context rules read, in English and Spanish. Entries are
//! lowercase; lists ending in `_PREFIXES` match the start of a word.

use crate::lexicon::FastMap;
use std::sync::LazyLock;
use tessera_doc::Mode;

pub(crate) fn is_one_of(word: &str, list: &[&str]) -> bool {
    list.contains(&word)
}

/// A Spanish past participle, by its ending: deten"idas", reten"idos", captur"ado".
pub(crate) fn is_spanish_participle(word: &str) -> bool {
    ["ado", "ada", "ados", "adas", "ido", "ida", "idos", "idas"]
        .iter()
        .any(|ending| word.ends_with(ending))
}

/// Whether a (folded) word starts with one of `starts`.
pub(crate) fn starts_with_any(word: &str, starts: &[&str]) -> bool {
    starts.iter().any(|s| word.starts_with(s))
}

/// Whether some word of a name or phrase, folded, starts with one of `starts`.
pub(crate) fn names_any(text: &str, starts: &[&str]) -> bool {
    tessera_doc::fold(text)
        .split_whitespace()
        .any(|w| starts_with_any(w, starts))
}

/// Word starts (folded) that name courts and judges.
pub(crate) const COURTS: &[&str] = &[
    "court", "corte", "tribunal", "juzgado", "jury", "jurado", "judge", "juez",
];

/// Word starts (folded) that name police forces.
pub(crate) const POLICE: &[&str] = &["polic", "gendarm", "carabiner"];

/// A list of prefixes indexed by their first two bytes, so a word is checked against the few
/// that could match rather than the whole list. An entry ending in `=` is a whole word (with
/// its plural or possessive): "man=" is "man", not "mantienen" or "many".
pub(crate) struct PrefixSet {
    by_start: FastMap<[u8; 2], Vec<&'static str>>,
}

impl PrefixSet {
    pub fn new(prefixes: &[&'static str]) -> Self {
        let mut by_start: FastMap<[u8; 2], Vec<&'static str>> = FastMap::default();
        for prefix in prefixes {
            if let [a, b, ..] = prefix.as_bytes() {
                by_start.entry([*a, *b]).or_default().push(prefix);
            }
        }
        PrefixSet { by_start }
    }

    pub fn matches(&self, word: &str) -> bool {
        let [a, b, ..] = word.as_bytes() else {
            return false;
        };
        self.by_start.get(&[*a, *b]).is_some_and(|list| {
            list.iter().any(|p| match p.strip_suffix('=') {
                Some(whole) => word
                    .strip_prefix(whole)
                    .is_some_and(|rest| matches!(rest, "" | "s" | "'s" | "’s")),
                None => word.starts_with(p),
            })
        })
    }
}

pub(crate) static GROUPS: LazyLock<PrefixSet> = LazyLock::new(|| PrefixSet::new(GROUP_PREFIXES));
pub(crate) static CRIME: LazyLock<PrefixSet> = LazyLock::new(|| PrefixSet::new(CRIME_PREFIXES));
pub(crate) static INFRASTRUCTURE: LazyLock<PrefixSet> =
    LazyLock::new(|| PrefixSet::new(INFRASTRUCTURE_PREFIXES));
pub(crate) static PEOPLE: LazyLock<PrefixSet> = LazyLock::new(|| PrefixSet::new(PEOPLE_PREFIXES));

/// Background causes: "due to threats", "amid fears of", "debido a amenazas".
/// Also events named as background: "after protests", "despite warnings", "tras la protesta".
#[rustfmt::skip]
pub(crate) const CAUSE_MARKERS: &[&str] = &[
    "due", "because", "amid", "owing", "fear", "fears", "debido", "causa", "ante", "temor",
    "after", "following", "despite", "wake", "tras", "pese", "luego", "después",
    // "people familiar with the talks", "fuentes cercanas a la negociación": who knows of it.
    "familiar", "cercanas", "cercanos",
];

/// Words between a subject and its verb that belong to neither.
#[rustfmt::skip]
pub(crate) const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "should", "may", "might", "can", "did",
    "does", "do", "was", "were", "is", "are", "be", "been", "being", "not", "n't", "never",
    "also", "reportedly", "allegedly", "later", "then", "subsequently", "jointly", "again",
    "since", "already", "to", "'s", "’s", "ha", "han", "había", "habían", "habría", "habrían",
    "fue", "fueron", "será", "serán", "va", "van", "a", "se", "no", "también", "ya",
    "presuntamente", "supuestamente", "luego", "finally", "recently", "just", "yet", "still",
    "nunca", "lo", "la", "les", "le", "los", "las", "ayer", "hoy", "yesterday", "today", "had",
    "publicly", "repeatedly", "once", "formally", "officially", "oficialmente", "formalmente",
    "then",
];

/// Be-forms before a participle that make it passive ("was arrested", "fueron detenidos").
#[rustfmt::skip]
pub(crate) const PASSIVE_BE: &[&str] = &[
    "was", "were", "been", "is", "are", "be", "being", "got", "get", "fue", "fueron", "sido",
    "será", "serán", "resultó", "resultaron", "quedó", "quedaron", "es", "son",
];

/// Verbs that carry a noun trigger ("launched attacks", "engaged in clashes", "llevaron a
/// cabo un operativo"): the subject of the verb is the event's actor.
#[rustfmt::skip]
pub(crate) const LIGHT_VERBS: &[&str] = &[
    "launched", "launch", "launches", "carried", "carry", "carries", "out", "staged", "stage",
    "stages", "held", "hold", "holds", "engaged", "engage", "in", "conducted", "conduct", "led",
    "lead", "leads", "mounted", "mount", "waged", "wage", "took", "take", "part", "perpetrated",
    "made", "make", "makes", "issued", "issue", "imposed", "impose", "announced", "began",
    "begin", "started", "start", "continued", "joined", "called", "filed", "file", "expressed",
    "lanzaron", "lanzó", "realizaron", "realizó", "llevaron", "llevó", "cabo", "protagonizaron",
    "protagonizó", "sostuvieron", "sostuvo", "iniciaron", "inició", "mantienen", "mantuvieron",
    "emprendieron", "presentó", "presentaron", "impuso", "impusieron", "anunció", "anunciaron",
    "convocó", "convocaron", "convoca", "convocan", "declaró", "declararon", "hizo", "hicieron",
    "de", "en", "a", "the", "a", "an", "un", "una", "unos", "unas", "el", "la", "los", "las",
];

/// Words that end a phrase: clause words and conjunctions.
#[rustfmt::skip]
pub(crate) const CLAUSE_WORDS: &[&str] = &[
    "that", "which", "who", "whom", "whose", "when", "where", "while", "after", "before", "if",
    "because", "as", "since", "and", "or", "but", "than", "que", "quien", "quienes", "cuando",
    "donde", "mientras", "tras", "si", "porque", "y", "e", "o", "pero", "aunque", "luego",
    "following", "despite", "although", "during", "durante", "amid", "to", "para", "until",
    "hasta",
    // Reporting verbs end a clause too: "X said the U.S. had shared" has "the U.S." as subject.
    "said", "says", "told", "stated", "added", "confirmed", "reported", "announced", "claimed",
    "dijo", "informó", "afirmó", "aseguró", "señaló", "explicó", "declaró", "indicó", "anunció",
];

/// Prepositions that lead to a place, not a participant.
#[rustfmt::skip]
pub(crate) const LOCATIVES: &[&str] = &[
    "in", "at", "near", "across", "around", "outside", "inside", "throughout", "from", "into",
    "en", "cerca", "desde", "hacia", "por", "sobre",
];

/// Prepositions introducing a recipient after a trigger ("clashed with", "fired on",
/// "contra").
#[rustfmt::skip]
pub(crate) const RECIPIENT_PREPS: &[&str] = &[
    "with", "on", "against", "upon", "at", "to", "con", "contra", "a", "al", "sobre", "of", "de",
    "del",
];

/// Determiners and possessives skipped before a noun phrase.
#[rustfmt::skip]
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "these", "those", "el", "la",
    "los", "las", "un", "una", "unos", "unas", "su", "sus", "este", "esta", "estos", "estas",
    "some", "several", "two", "three", "both", "all", "other", "varios", "varias",
];

/// Heads of noun phrases that name people or groups (prefixes, so plurals match).
#[rustfmt::skip]
pub(crate) const GROUP_PREFIXES: &[&str] = &[
    "forces", "force", "troop", "soldier", "army", "armies", "military", "militar", "police",
    "policía", "policia", "officer", "official", "authorit", "government", "gobierno", "gunm",
    "gunman", "militant", "rebel", "insurgent", "fighter", "guerrill", "jihadist", "terrorist",
    "cartel", "cártel", "gang", "pandill", "member", "miembro", "integrante", "protester",
    "protestor", "demonstrator", "manifestant", "worker", "trabajador", "union", "sindicato",
    "resident", "habitante", "vecino", "poblador", "civilian", "civil", "people", "persona",
    "student", "estudiant", "farmer", "campesin", "teacher", "maestro", "docente", "driver",
    "transportista", "minister", "ministr", "president", "presidente", "leader", "líder", "lider",
    "agent", "agente", "elemento", "efectivo", "sicario", "comando", "desconocid", "criminal", "delincuent", "suspect",
    "sospechos", "detainee", "prisoner", "hostage", "rehén", "rehen", "administration",
    "ministry", "ministerio", "secretaría", "fiscal", "prosecutor", "court", "tribunal", "juez", "jury",
    "juries", "jurado",
    "judge", "intelligence", "agency", "agencia", "guard", "guardia", "marine", "marina", "navy",
    "commander", "comandant", "group", "grupo", "faction", "facción", "militia", "milicia",
    "coalition", "coalición", "party", "partido", "company", "compañía", "empresa", "firm",
    "opposition", "oposición", "lawmaker", "legislador", "diputad", "senador", "senator", "mayor",
    "alcald", "governor", "gobernador", "activist", "activista", "journalist", "periodista",
    "employee", "empleado", "staff", "personal", "controller", "controlador", "pilot", "piloto",
    "crew", "tripulación", "attacker", "atacante", "assailant", "agresor", "smuggler",
    "trafficker", "narcotraficant", "contrabandist", "man=", "men=", "hombre", "woman", "women",
    "mujer", "child", "children", "niño", "menor", "victim", "víctima", "state", "country",
    "nation", "regime", "régimen", "council", "consejo", "board", "junta", "federation",
    "federación", "ombudsman", "defensoría", "convoy", "organization", "organisation",
    "organización", "body", "department", "departamento", "unit", "unidad", "squad", "escuadr",
    "brigade", "brigada", "battalion", "batallón", "division", "división", "migrant", "migrante",
    "refugee", "refugiad", "agricultor", "villager", "aldean", "supporter", "seguidor", "fans",
    "aficionad", "hincha", "youth", "joven", "mob", "turba", "contingent", "trader",
    "comerciante", "vendor", "vendedor", "miner=", "minero", "fisherm", "pescador", "nurse",
    "enfermer", "doctor", "médico", "medico", "taxista", "chofer", "choferes", "motorist",
    "inconforme", "pensioner", "jubilad", "indigenous", "indígena", "comunero", "relatives",
    "familiares", "parents", "padres", "striker", "huelguist", "marcher", "marchist",
    "tourist", "turista", "inmate", "recluso", "reos", "sujeto",
    "individu", "niña", "muchach", "teenager", "adolescent", "boys", "girls", "worshipper",
    "feligres", "patient", "paciente", "pedestrian", "peatón", "peaton", "voter", "votante",
];

/// Crime: the sentence speaks of organised crime, drugs or common crime.
#[rustfmt::skip]
pub(crate) const CRIME_PREFIXES: &[&str] = &[
    "cartel", "cártel", "narco", "drug", "traffick", "gang", "criminal", "crime", "smuggl",
    "cocaine", "cocaína", "fentanyl", "fentanilo", "heroin", "heroína", "methamphetamine",
    "metanfetamina", "extortion", "extorsión", "sicario", "delincuen", "crimen", "droga",
    "contraband", "contrabando", "mafia", "pandill", "marijuana", "marihuana", "hashish",
    "hachís", "robbery", "robo", "theft", "huachicol", "laundering", "lavado", "cable theft",
    "kidnapping ring", "illegal", "ilegal", "ilícit", "illicit",
];

/// Infrastructure whose disruption analysts watch.
#[rustfmt::skip]
pub(crate) const INFRASTRUCTURE_PREFIXES: &[&str] = &[
    "airport", "aeropuerto", "flight", "vuelo", "road", "highway", "carretera", "autopista",
    "camino", "ruta", "bridge", "puente", "power", "electric", "eléctric", "energía", "luz",
    "pylon", "torre", "school", "escuela", "clase", "rail", "train", "tren", "ferrocarril",
    "port", "puerto", "terminal", "subway", "metro", "transport", "transporte", "traffic",
    "tránsito", "grid", "water supply", "border crossing",
];

#[rustfmt::skip]
pub(crate) const NEGATORS: &[&str] = &[
    "not", "n't", "never", "no", "nunca", "ni", "without", "sin", "jamás", "neither", "nor",
];

/// Modal and conditional cues before a trigger.
#[rustfmt::skip]
pub(crate) const HYPOTHETICAL_BEFORE: &[&str] = &[
    "would", "could", "might", "may", "potential", "possible", "possibly", "podría", "podrían",
    "posible", "posibles", "eventual", "eventuales", "unless", "threatened", "amenazó",
    "amenazaron",
];

/// Conditional cues in the words after a trigger ("intervention if necessary").
#[rustfmt::skip]
pub(crate) const HYPOTHETICAL_AFTER: &[&str] = &[
    "if", "unless", "si", "potential", "possible", "posible", "eventual",
];

/// Future cues before a trigger ("will strike", "plans to", "va a", "convocó a").
#[rustfmt::skip]
pub(crate) const FUTURE_BEFORE: &[&str] = &[
    "will", "'ll", "shall", "plans", "planned", "plan", "planning", "going", "scheduled",
    "upcoming", "next", "would", "intends", "intend", "expected", "set", "prepares", "preparing",
    "va", "van", "planea", "planean", "prevé", "prevén", "próximo", "próxima", "convocó",
    "convocaron", "convoca", "convocan", "anunció", "anunciaron", "called", "programad", "seek",
    "seeks", "sought",
];

/// Deaths, injuries and arrests counted by numbers near them.
#[rustfmt::skip]
pub(crate) const DEATH_WORDS: &[&str] = &[
    "dead", "killed", "died", "deaths", "death", "killing", "fatalities", "lives", "bodies",
    "muertos", "muertas", "muerto", "murieron", "murió", "fallecidos", "fallecieron",
    "asesinados", "asesinadas", "vida", "sin", "cadáveres", "cuerpos", "ejecutados", "perdieron",
    "víctimas", "mortales",
];
#[rustfmt::skip]
pub(crate) const INJURY_WORDS: &[&str] = &[
    "injured", "wounded", "hurt", "injuries", "heridos", "heridas", "lesionados", "lesionadas",
    "herido", "herida",
];
#[rustfmt::skip]
pub(crate) const ARREST_WORDS: &[&str] = &[
    "arrested", "detained", "arrests", "detentions", "captured", "apprehended", "detenidos",
    "detenidas", "arrestados", "capturados", "aprehendidos", "aprehendidas", "detuvieron",
    "arrestaron", "capturaron",
];

/// Units that count people.
#[rustfmt::skip]
pub(crate) const PEOPLE_PREFIXES: &[&str] = &[
    "people", "person", "civilian", "soldier", "troop", "officer", "police", "member", "militant",
    "fighter", "rebel", "gunm", "attacker", "suspect", "worker", "protester", "demonstrator",
    "student", "child", "men", "women", "resident", "passenger", "persona", "civil", "soldado",
    "militar", "policía", "policia", "elemento", "integrante", "agente", "sospechos", "presunt",
    "trabajador", "manifestant", "estudiant", "niño", "menor", "hombre", "mujer", "habitante",
    "pasajero", "víctima", "victim", "sicario", "delincuent", "individu", "guard", "marine",
    "journalist", "reporter", "periodista", "activist", "activista", "migrant", "migrante",
    "refugee", "refugiado", "prisoner", "preso", "hostage", "rehén", "rehenes", "detainee",
    "combatiente", "guerriller", "farmer", "campesin", "villager", "teacher", "maestr", "docente",
    "driver", "chofer", "conductor", "miner=", "minero", "nurse", "doctor", "médic", "medic",
    "official", "funcionari", "boy", "girl", "joven", "jóvenes", "youth", "adult", "adolescent",
    "relative", "familiar", "vecino", "neighbour", "neighbor", "commander", "comandante",
    "insurgent", "jihadist", "bandit", "herder", "pastor", "deputy", "mayor", "alcalde",
    "candidat", "indígena", "indigenous", "comunero",
];

/// Word starts that name a crowd or its members (English and Spanish).
pub(crate) const CROWDS: &[&str] = &[
    "protest",
    "demonstrat",
    "crowd",
    "marcher",
    "rioter",
    "striker",
    "manifestant",
    "protestant",
    "multitud",
    "huelguista",
    "estudiant",
    "student",
];

/// Word starts (folded) of the civilians who, besides a protesting crowd ([`CROWDS`]), riot
/// when they loot and burn: residents, youths, workers.
pub(crate) const CIVILIAN_GROUPS: &[&str] = &[
    "youth",
    "resident",
    "worker",
    "villager",
    "mob",
    "vecino",
    "joven",
    "poblador",
    "comunero",
    "habitante",
    "turba",
    "trabajador",
    "inconforme",
    "aficionad",
    "hincha",
    "fans",
];

/// Word starts that name state security forces (English and Spanish).
pub(crate) const SECURITY_FORCES: &[&str] = &[
    "police",
    "polici",
    "soldier",
    "troop",
    "army",
    "military",
    "militar",
    "soldado",
    "ejercito",
    "guardia",
    "gendarm",
    "carabiner",
    "security",
    "agent",
    "elemento",
    "uniformad",
    "antidisturb",
    "granader",
];

/// Word starts (folded) that name a natural hazard or an accident.
pub(crate) static HAZARDS: LazyLock<PrefixSet> = LazyLock::new(|| {
    PrefixSet::new(&[
        "earthquake",
        "rain",
        "lluvia",
        "plunge",
        "ravine",
        "barranc",
        "precipit",
        "volco",
        "volca",
        "fire",
        "burn",
        "smoke",
        "quake",
        "flood",
        "landslide",
        "mudslide",
        "slide",
        "deslizamiento",
        "storm",
        "hurricane",
        "typhoon",
        "cyclone",
        "tornado",
        "wildfire",
        "blaze",
        "inferno",
        "crash",
        "rolled",
        "overturn",
        "collision",
        "collided",
        "derail",
        "accident",
        "capsiz",
        "collapse",
        "avalanche",
        "eruption",
        "drown",
        "electrocut",
        "stampede",
        "heatwave",
        "lightning",
        "leak",
        "sismo",
        "terremoto",
        "temblor",
        "inundaci",
        "deslave",
        "derrumbe",
        "huracan",
        "tormenta",
        "incendio",
        "accidente",
        "choque",
        "volcadura",
        "colision",
        "descarril",
        "naufrag",
        "ahog",
        "alud",
        "desbord",
        "fuga",
        "pipa",
        "tromba",
    ])
});

/// Word starts (folded) that name an attacker, a weapon or an attack.
pub(crate) static VIOLENCE: LazyLock<PrefixSet> = LazyLock::new(|| {
    PrefixSet::new(&[
        "gunm",
        "firefight",
        "torch",
        "gunfire",
        "attack",
        "shot",
        "shoot",
        "gun",
        "bomb",
        "armed",
        "militant",
        "rebel",
        "insurgent",
        "jihad",
        "assail",
        "ambush",
        "murder",
        "assassin",
        "kidnap",
        "arson",
        "sicari",
        "ataque",
        "atac",
        "armad",
        "dispar",
        "balacera",
        "balea",
        "agresor",
        "atentado",
        "asesin",
        "emboscad",
        "homicid",
        "secuestr",
        "provocad",
        "grenade",
        "granada",
        "explosive",
        "explosivo",
        "drone",
        "dron",
        "militia",
        "miliciano",
        "cartel",
        "narco",
        "criminal",
        "terror",
    ])
});

/// Definite words before a noun that refers back to an event already told.
pub(crate) const DEFINITES: &[&str] = &[
    "the", "this", "that", "these", "those", "el", "la", "los", "las", "del", "al", "dicho",
    "dicha", "este", "esta", "ese", "esa", "aquel", "aquella",
];

/// What a request or refusal is about, by word starts (folded), English and Spanish.
#[rustfmt::skip]
pub(crate) const REQUEST_MODES: &[(&[&str], Mode)] = &[
    (&["aid", "help", "assistance", "support", "funding", "fund", "money", "resources", "supplies",
       "food", "reinforcement", "protection", "equipment", "ayuda", "apoyo", "recurso", "insumo",
       "viveres", "refuerzo", "proteccion", "asistencia", "financ", "presupuesto", "medicin",
       "medicamento", "donation", "donativo"], Mode::Assist),
    (&["release", "free", "lift", "withdraw", "ceasefire", "cease-fire", "truce", "access", "return",
       "halt", "liberacion", "liberar", "libertad", "levant", "retir", "tregua", "cese", "acceso",
       "devol", "suspend", "call off", "desist"], Mode::Yield),
    (&["talk", "meeting", "dialogue", "negotiat", "meet", "dialogo", "reunion", "mesa", "negocia",
       "audiencia", "encuentro"], Mode::Meet),
    (&["resign", "reform", "change", "investigat", "inquiry", "probe", "punish", "dismiss", "sack",
       "wage", "salar", "pay", "raise", "renuncia", "destitu", "cambio", "reforma", "investiga",
       "castig", "justicia", "aumento", "esclarec", "remocion", "cese de", "policy", "politica",
       "ley", "law"], Mode::Change),
];

/// What a threat is of, by word starts (folded).
#[rustfmt::skip]
pub(crate) const THREAT_MODES: &[(&[&str], Mode)] = &[
    (&["kill", "attack", "retaliat", "war", "violen", "bomb", "destroy", "consequence", "revenge",
       "vengeance", "matar", "atac", "represalia", "guerra", "violencia", "ejecutar", "vengan",
       "asesin", "muerte"], Mode::Violence),
    (&["arrest", "prosecut", "jail", "detain", "charge", "imprison", "arrest", "detener", "encarcel",
       "proces", "carcel", "prision", "denunciar penal"], Mode::Arrest),
    (&["close", "block", "shut", "cut off", "cerrar", "bloque", "cortar", "paralizar", "curfew",
       "toque"], Mode::Restrict),
    (&["ban", "outlaw", "prohib", "proscrib", "ilegaliz"], Mode::Ban),
    (&["expel", "deport", "expuls", "deporta"], Mode::Expel),
    (&["ties", "relations", "relacion", "talks", "dialogo"], Mode::Relations),
    (&["annex", "occupy", "anexa", "ocupa", "territor"], Mode::Territory),
];

/// What aid is, by word starts (folded).
#[rustfmt::skip]
pub(crate) const AID_MODES: &[(&[&str], Mode)] = &[
    (&["food", "medicine", "medical", "water", "shelter", "relief", "tent", "blanket",
       "humanitarian", "rations", "hygiene", "viveres", "despensa", "alimento", "medicamento",
       "agua", "albergue", "cobija", "humanitari", "kits", "victuals", "rescue", "rescate",
       "evacua"], Mode::Humanitarian),
    (&["weapon", "arms", "military", "ammunition", "armas", "militar", "municion"],
     Mode::Military),
    (&["million", "loan", "grant", "fund", "money", "dollar", "euro", "pesos", "prestamo", "fondo",
       "dinero", "millones", "subsid", "compensation", "indemniza", "budget"], Mode::Economic),
];

/// Word starts (folded) that make an arrest political rather than criminal.
pub(crate) const POLITICAL: &[&str] = &[
    "activist",
    "activista",
    "opposition",
    "oposic",
    "opositor",
    "journalist",
    "periodista",
    "dissident",
    "disident",
    "politic",
    "party",
    "partido",
    "union",
    "sindica",
    "leader",
    "dirigente",
    "lider",
    "candidat",
    "lawmaker",
    "diputad",
    "senador",
    "senator",
    "ngo",
    "ong",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_word_entry_matches_the_word_and_its_plural_only() {
        let set = PrefixSet::new(&["man=", "polic"]);
        for word in ["man", "mans", "man's", "policía", "policemen"] {
            assert!(set.matches(word), "{word}");
        }
        for word in ["mantienen", "many", "manager", "ma"] {
            assert!(!set.matches(word), "{word}");
        }
        assert!(GROUPS.matches("men") && !GROUPS.matches("menos") && !GROUPS.matches("mention"));
        assert!(GROUPS.matches("miners") && GROUPS.matches("mineros"));
        assert!(!GROUPS.matches("minera") && !GROUPS.matches("mineral"));
    }
}
