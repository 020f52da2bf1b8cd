//! Names compared across documents: folded (case and accents), split into words, and the keys
//! under which an entity is looked up. A key only proposes a candidate; [`compare_people`] and
//! the context decide.

/// Case, accents, dots and apostrophes aside; other punctuation as one space (the store-wide
/// name key of `tessera_doc::fold_key`). "José  Gómez-Ruiz" → "jose gomez ruiz".
pub fn fold(name: &str) -> String {
    tessera_doc::fold_key(name)
}

/// Titles and honorifics that come before a name and say nothing of who it is.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sr", "sra", "srta", "don", "dona", "lic", "ing", "gen", "col",
    "capt", "sir", "dame", "prof",
];

/// Particles inside Spanish and Portuguese surnames ("de la Cruz"): kept in names, but neither a
/// given name nor a surname on their own.
const PARTICLES: &[&str] = &[
    "de", "del", "la", "las", "los", "y", "da", "dos", "van", "von",
];

/// The words of a person's folded name, honorifics and initials dropped.
pub fn person_words(name: &str) -> Vec<String> {
    let folded = fold(name);
    let mut words: Vec<String> = folded.split(' ').map(str::to_string).collect();
    while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
        words.remove(0);
    }
    words.retain(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_numeric()));
    words
}

/// The words that carry identity (particles left out).
fn core_words(words: &[String]) -> Vec<&str> {
    words
        .iter()
        .map(String::as_str)
        .filter(|w| !PARTICLES.contains(w))
        .collect()
}

/// How two person names relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// They cannot be the same person by name.
    Conflict,
    /// One is the other with a second surname left out ("María Pérez" and "María Pérez Ruiz").
    Shorter,
    /// The same words.
    Same,
}

/// Compares two people's names. A shared surname or a shared given name alone is a conflict:
/// both the first word (given name) and the first surname must agree, and every word of the
/// shorter must appear, in order, in the longer.
pub fn compare_people(a: &str, b: &str) -> NameMatch {
    let (wa, wb) = (person_words(a), person_words(b));
    let (ca, cb) = (core_words(&wa), core_words(&wb));
    if ca.is_empty() || cb.is_empty() {
        return NameMatch::Conflict;
    }
    if ca == cb {
        return NameMatch::Same;
    }
    let (short, long) = if ca.len() <= cb.len() {
        (&ca, &cb)
    } else {
        (&cb, &ca)
    };
    // One word alone ("Pérez") is a surname or a given name: never enough.
    if short.len() < 2 || short[0] != long[0] {
        return NameMatch::Conflict;
    }
    let mut rest = long[1..].iter();
    let in_order = short[1..].iter().all(|w| rest.any(|l| l == w));
    // The first surname must be there: "María Ruiz" is not "María Pérez Ruiz" (Ruiz is her
    // mother's surname, shared by her siblings' children and many others). English middle
    // names ("Joseph Robert Mulenga") are rare in news beside initials, which are dropped.
    if in_order && short[1] == long[1] {
        NameMatch::Shorter
    } else {
        NameMatch::Conflict
    }
}

/// The keys a person is found under: the whole folded name, and for longer names the shorter
/// form that [`compare_people`] accepts (given name with first surname).
pub fn person_keys(name: &str) -> Vec<String> {
    let words = person_words(name);
    let core = core_words(&words);
    let mut keys = Vec::new();
    if core.is_empty() {
        return keys;
    }
    keys.push(format!("p:{}", core.join(" ")));
    if core.len() >= 3 {
        keys.push(format!("p:{} {}", core[0], core[1]));
    }
    keys.dedup();
    keys
}

/// The key of an organisation's, place's or other thing's name.
pub fn name_key(name: &str) -> String {
    format!("n:{}", fold(name))
}

/// The acronym of a multi-word organisation name, from the initials of its words that are not
/// function words: "Fiscalía General del Estado" → "fge", "Electoral Commission of Zambia" →
/// "ecz". `None` when it would be shorter than two letters.
pub fn acronym(name: &str) -> Option<String> {
    const SKIP: &[&str] = &[
        "of", "the", "and", "for", "de", "del", "la", "las", "los", "el", "y", "e", "en", "para",
        "por", "a", "an",
    ];
    let folded = fold(name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !SKIP.contains(w)).collect();
    if words.len() < 2 {
        return None;
    }
    let letters: String = words.iter().filter_map(|w| w.chars().next()).collect();
    (letters.chars().count() >= 2).then_some(letters)
}

/// Whether a name is written as an acronym ("FGE", "CJNG", "U.N."), which alone is weak
/// evidence: many bodies share one.
pub fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty()
        && letters.len() <= 6
        && letters.iter().all(|c| c.is_uppercase())
        && !name.contains(' ')
}

/// How far a generically named body reaches: "Policía Nacional" is one per country, "Fiscalía
/// General del Estado" one per state, "Policía Municipal" one per town.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Country,
    State,
    Town,
}

/// Words that name kinds of public bodies rather than one body (folded).
const INSTITUTION_WORDS: &[&str] = &[
    // English
    "police",
    "army",
    "navy",
    "air",
    "force",
    "forces",
    "ministry",
    "department",
    "national",
    "federal",
    "office",
    "prosecutor",
    "prosecutors",
    "attorney",
    "general",
    "court",
    "supreme",
    "congress",
    "senate",
    "parliament",
    "assembly",
    "government",
    "council",
    "commission",
    "electoral",
    "ombudsman",
    "ombudsmans",
    "guard",
    "interior",
    "defence",
    "defense",
    "health",
    "education",
    "finance",
    "foreign",
    "affairs",
    "justice",
    "security",
    "public",
    "civil",
    "protection",
    "service",
    "services",
    "agency",
    "authority",
    "secretariat",
    "presidency",
    "human",
    "rights",
    "institute",
    "coast",
    "border",
    "customs",
    "immigration",
    "fire",
    "brigade",
    "battalion",
    "division",
    "command",
    "military",
    "armed",
    "ministry",
    "tax",
    "state",
    "provincial",
    "regional",
    "municipal",
    "city",
    "county",
    "local",
    "mayors",
    "governors",
    "unit",
    "preventive",
    // Spanish
    "policia",
    "ejercito",
    "armada",
    "fuerza",
    "fuerzas",
    "aerea",
    "ministerio",
    "secretaria",
    "nacional",
    "estatal",
    "estado",
    "fiscalia",
    "procuraduria",
    "tribunal",
    "corte",
    "suprema",
    "congreso",
    "senado",
    "asamblea",
    "gobierno",
    "consejo",
    "comision",
    "defensoria",
    "pueblo",
    "guardia",
    "alcaldia",
    "ayuntamiento",
    "gobernacion",
    "departamental",
    "interior",
    "defensa",
    "salud",
    "educacion",
    "hacienda",
    "exteriores",
    "relaciones",
    "justicia",
    "seguridad",
    "publica",
    "ciudadana",
    "proteccion",
    "servicio",
    "agencia",
    "autoridad",
    "presidencia",
    "oficina",
    "derechos",
    "humanos",
    "instituto",
    "marina",
    "migracion",
    "bomberos",
    "brigada",
    "batallon",
    "division",
    "comando",
    "militar",
    "policial",
    "preventiva",
    "investigadora",
    "unidad",
    "cuerpo",
    "departamento",
    "direccion",
    "seccion",
    "municipio",
    "provincial",
    "regional",
    "local",
];

const FUNCTION_WORDS: &[&str] = &[
    "de", "del", "la", "las", "los", "el", "y", "of", "the", "and", "for", "en", "a",
];

const STATE_WORDS: &[&str] = &[
    "estado",
    "estatal",
    "state",
    "provincial",
    "gobernacion",
    "departamental",
    "regional",
    "county",
];

const TOWN_WORDS: &[&str] = &[
    "municipal",
    "city",
    "alcaldia",
    "ayuntamiento",
    "local",
    "municipio",
    "mayors",
];

/// The scope of a body named only by kind (every word a kind of body or a function word), or
/// `None` for a name that says which one ("Policía Estatal de Sinaloa", "Interpol").
pub fn institution_scope(name: &str) -> Option<Scope> {
    let folded = fold(name);
    let words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    let generic = !words.is_empty()
        && words
            .iter()
            .all(|w| INSTITUTION_WORDS.contains(w) || FUNCTION_WORDS.contains(w));
    if !generic {
        return None;
    }
    Some(if words.iter().any(|w| TOWN_WORDS.contains(w)) {
        Scope::Town
    } else if words.iter().any(|w| STATE_WORDS.contains(w)) {
        Scope::State
    } else {
        Scope::Country
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_accents_and_punctuation() {
        assert_eq!(fold("José  Gómez-Ruiz"), "jose gomez ruiz");
        assert_eq!(fold("O'Neill"), "oneill");
        assert_eq!(fold("  Ñandú, S.A. "), "nandu sa");
    }

    #[test]
    fn spanish_two_surnames_initials_and_honorifics() {
        use NameMatch::*;
        assert_eq!(compare_people("María Pérez Ruiz", "María Pérez"), Shorter);
        assert_eq!(compare_people("Maria Perez", "MARÍA PÉREZ"), Same);
        assert_eq!(compare_people("Joseph R. Mulenga", "Joseph Mulenga"), Same);
        assert_eq!(
            compare_people("Joseph Robert Mulenga", "Joseph Robert"),
            Shorter
        );
        assert_eq!(compare_people("Dr. Ana Ortiz", "Ana Ortiz"), Same);
        assert_eq!(
            compare_people("Juan de la Cruz Ortiz", "Juan de la Cruz"),
            Shorter
        );
    }

    #[test]
    fn a_shared_surname_or_given_name_is_not_enough() {
        use NameMatch::*;
        assert_eq!(compare_people("Luis Herrera", "Ana Herrera"), Conflict);
        assert_eq!(compare_people("Luis Herrera", "Luis Gómez"), Conflict);
        assert_eq!(compare_people("Herrera", "Luis Herrera"), Conflict);
        assert_eq!(
            compare_people("María Pérez Ruiz", "María Pérez Gómez"),
            Conflict
        );
        assert_eq!(compare_people("María Pérez Ruiz", "María Ruiz"), Conflict);
    }

    #[test]
    fn keys_reach_the_shorter_forms() {
        let keys = person_keys("María Pérez Ruiz");
        assert!(keys.contains(&"p:maria perez".to_string()));
        assert!(keys.contains(&"p:maria perez ruiz".to_string()));
        assert_eq!(
            person_keys("María Pérez"),
            vec!["p:maria perez".to_string()]
        );
    }

    #[test]
    fn bodies_named_only_by_kind_have_a_scope() {
        assert_eq!(institution_scope("Policía"), Some(Scope::Country));
        assert_eq!(
            institution_scope("Defensoría del Pueblo"),
            Some(Scope::Country)
        );
        assert_eq!(
            institution_scope("Fiscalía General del Estado"),
            Some(Scope::State)
        );
        assert_eq!(institution_scope("municipal police"), Some(Scope::Town));
        assert_eq!(institution_scope("Policía Estatal de Sinaloa"), None);
        assert_eq!(institution_scope("Interpol"), None);
    }

    #[test]
    fn acronyms_of_organisations() {
        assert_eq!(
            acronym("Fiscalía General del Estado").as_deref(),
            Some("fge")
        );
        assert_eq!(
            acronym("Electoral Commission of Zambia").as_deref(),
            Some("ecz")
        );
        assert_eq!(acronym("Interpol"), None);
        assert!(is_acronym("CJNG") && is_acronym("U.N.") && !is_acronym("Sedena"));
    }
}
