//! The word tables of attribution: reporting verbs and phrases, the kinds of source they name,
//! and the hedges that lower certainty, in English and Spanish. All entries are lowercase.

/// What a reporting cue says about the fact it introduces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueKind {
    /// "said", "dijo": neutral; the source decides.
    Say,
    /// "confirmed", "confirmó": confirmed unless the source is anonymous.
    Confirm,
    /// "reported", "reportó": reported when the source is media or anonymous.
    Report,
    /// "alleged", "claimed", "credited", "acusó": alleged.
    Allege,
    /// "denied", "negó": the source denies the fact.
    Deny,
}

/// Reporting verbs: every inflected form looked for, with its kind.
pub(crate) const VERB_CUES: &[(&str, CueKind)] = &[
    // English.
    ("said", CueKind::Say),
    ("says", CueKind::Say),
    ("say", CueKind::Say),
    ("saying", CueKind::Say),
    ("told", CueKind::Say),
    ("tells", CueKind::Say),
    ("stated", CueKind::Say),
    ("states", CueKind::Say),
    ("added", CueKind::Say),
    ("adds", CueKind::Say),
    ("announced", CueKind::Confirm),
    ("announces", CueKind::Confirm),
    ("noted", CueKind::Say),
    ("explained", CueKind::Say),
    ("insisted", CueKind::Say),
    ("declared", CueKind::Say),
    ("wrote", CueKind::Say),
    ("posted", CueKind::Say),
    ("tweeted", CueKind::Say),
    ("confirmed", CueKind::Confirm),
    ("confirms", CueKind::Confirm),
    ("acknowledged", CueKind::Confirm),
    ("admitted", CueKind::Confirm),
    ("reported", CueKind::Report),
    ("reports", CueKind::Report),
    ("claimed", CueKind::Allege),
    ("claims", CueKind::Allege),
    ("alleged", CueKind::Allege),
    ("alleges", CueKind::Allege),
    ("credited", CueKind::Allege),
    ("credit", CueKind::Allege),
    ("denied", CueKind::Deny),
    ("denies", CueKind::Deny),
    ("deny", CueKind::Deny),
    ("denying", CueKind::Deny),
];

/// Spanish reporting verbs (their listener follows "a": "dijo a Noticias Caracol").
pub(crate) const SPANISH_VERB_CUES: &[(&str, CueKind)] = &[
    ("dijo", CueKind::Say),
    ("dijeron", CueKind::Say),
    ("dice", CueKind::Say),
    ("dicen", CueKind::Say),
    ("afirmó", CueKind::Say),
    ("afirmaron", CueKind::Say),
    ("aseguró", CueKind::Say),
    ("aseguraron", CueKind::Say),
    ("declaró", CueKind::Say),
    ("declararon", CueKind::Say),
    ("señaló", CueKind::Say),
    ("señalaron", CueKind::Say),
    ("indicó", CueKind::Say),
    ("indicaron", CueKind::Say),
    ("explicó", CueKind::Say),
    ("añadió", CueKind::Say),
    ("agregó", CueKind::Say),
    ("sostuvo", CueKind::Say),
    ("precisó", CueKind::Say),
    ("detalló", CueKind::Say),
    ("manifestó", CueKind::Say),
    ("expresó", CueKind::Say),
    ("informó", CueKind::Say),
    ("informaron", CueKind::Say),
    ("anunció", CueKind::Confirm),
    ("anunciaron", CueKind::Confirm),
    ("confirmó", CueKind::Confirm),
    ("confirmaron", CueKind::Confirm),
    ("reconoció", CueKind::Confirm),
    ("admitió", CueKind::Confirm),
    ("reportó", CueKind::Report),
    ("reportaron", CueKind::Report),
    ("publicó", CueKind::Report),
    ("publicaron", CueKind::Report),
    ("denunció", CueKind::Allege),
    ("denunciaron", CueKind::Allege),
    ("atribuyó", CueKind::Allege),
    ("atribuye", CueKind::Allege),
    ("negó", CueKind::Deny),
    ("negaron", CueKind::Deny),
    ("niega", CueKind::Deny),
    ("niegan", CueKind::Deny),
    ("desmintió", CueKind::Deny),
    ("desmintieron", CueKind::Deny),
];

/// Phrases that name the source after them: "according to X", "según X", "citing X".
pub(crate) const SOURCE_PREPOSITIONS: &[&[&str]] = &[
    &["according", "to"],
    &["citing"],
    &["según"],
    &["de", "acuerdo", "con"],
    &["citando", "a"],
    &["citando"],
];

/// Words between a subject and its reporting verb that are not part of the subject.
pub(crate) const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "also",
    "later",
    "previously",
    "further",
    "then",
    "had",
    "ha",
    "han",
    "había",
    "habían",
    "también",
    "ya",
    "luego",
    "después",
    "have",
    "publicly",
    "officially",
    "formally",
    "oficialmente",
];

/// Words that end a subject noun phrase when reading backwards from a verb.
pub(crate) const PHRASE_BREAKS: &[&str] = &[
    "that", "que", "who", "which", "quien", "quienes", "when", "while", "but", "pero", "and", "y",
    "after", "before", "as", "tras", "mientras", "cuando", "donde", "where", "because", "porque",
];

/// Pronoun subjects: the source is the previous sentence's.
pub(crate) const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "él", "ella", "ellos", "ellas", "we", "i",
];

/// Listeners that are not sources: "told reporters", "dijo a los periodistas".
pub(crate) const AUDIENCES: &[&str] = &[
    "reporters",
    "journalists",
    "the",
    "press",
    "periodistas",
    "prensa",
    "medios",
    "him",
    "her",
    "them",
    "lawmakers",
    "parliament",
    "supporters",
    "a",
    "an",
];

/// Head words of sources that are not identified ("a former official", "residents").
pub(crate) const ANONYMOUS_HEADS: &[&str] = &[
    "source",
    "sources",
    "fuente",
    "fuentes",
    "person",
    "people",
    "persona",
    "personas",
    "witness",
    "witnesses",
    "testigo",
    "testigos",
    "resident",
    "residents",
    "habitante",
    "habitantes",
    "vecino",
    "vecinos",
    "pobladores",
    "locals",
];

/// Words that make an official source anonymous ("a former US official", "people familiar").
pub(crate) const ANONYMOUS_MARKS: &[&str] = &[
    "familiar",
    "anonymity",
    "anonimato",
    "unnamed",
    "anonymous",
    "anónimo",
    "anónima",
    "former",
    "exfuncionario",
];

/// Officials named by an indefinite article are anonymous: "an official", "un funcionario".
pub(crate) const OFFICIAL_HEADS: &[&str] = &[
    "official",
    "officials",
    "officer",
    "funcionario",
    "funcionarios",
    "diplomat",
    "diplomats",
    "diplomático",
];

/// Determiners that may open an inverted speaker ("said the spokesman", "dijo el general").
pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "el", "la", "los", "las", "un", "una", "its", "his", "her", "their", "su",
    "sus",
];

pub(crate) const INDEFINITE: &[&str] = &["a", "an", "un", "una", "unos", "unas", "some", "two"];

/// Words that mark a source as the press: its reports are `reported`.
pub(crate) const MEDIA_WORDS: &[&str] = &[
    "media",
    "outlets",
    "outlet",
    "newspaper",
    "newspapers",
    "broadcaster",
    "agency",
    "reports",
    "press",
    "medios",
    "prensa",
    "diario",
    "periódico",
    "periódicos",
    "televisora",
    "agencia",
];

/// News organisations often credited in text: what they report is `reported`.
pub(crate) const OUTLETS: &[&str] = &[
    "reuters",
    "ap",
    "associated press",
    "afp",
    "agence france-presse",
    "bloomberg",
    "efe",
    "bbc",
    "cnn",
    "al jazeera",
    "the new york times",
    "new york times",
    "the washington post",
    "washington post",
    "the wall street journal",
    "wall street journal",
    "the guardian",
    "financial times",
    "el país",
    "el universal",
    "milenio",
    "reforma",
    "xinhua",
    "tass",
    "dpa",
    "ansa",
    "europa press",
    "noticias caracol",
    "el tiempo",
    "infobae",
    "clarín",
];

/// Hedges read anywhere in the clause of the fact.
pub(crate) const REPORTED_HEDGES: &[&str] = &[
    "reportedly",
    "purportedly",
    "supposedly",
    "apparently",
    "aparentemente",
];

pub(crate) const ALLEGED_HEDGES: &[&str] = &[
    "allegedly",
    "alleged",
    "suspected",
    "presunto",
    "presunta",
    "presuntos",
    "presuntas",
    "presuntamente",
    "supuesto",
    "supuesta",
    "supuestos",
    "supuestas",
    "supuestamente",
    "habría",
    "habrían",
];
