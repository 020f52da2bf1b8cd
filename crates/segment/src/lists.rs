//! Word lists, as data: abbreviations and sentence-starting words for English and Spanish.
//!
//! Every table is sorted by key (byte order) and its keys are lower case without the final
//! dot, so that [`crate::lexicon`] can binary-search a word lower-cased into a stack buffer.
//! The unit tests below check both invariants, so a new entry in the wrong place fails loudly.

use crate::lexicon::{Abbreviation, AbbreviationKind as Kind, Case};

const fn title(key: &'static str, case: Case) -> Abbreviation {
    Abbreviation {
        key,
        kind: Kind::Title,
        case,
    }
}

const fn before_number(key: &'static str, case: Case) -> Abbreviation {
    Abbreviation {
        key,
        kind: Kind::BeforeNumber,
        case,
    }
}

const fn inline(key: &'static str, case: Case) -> Abbreviation {
    Abbreviation {
        key,
        kind: Kind::Inline,
        case,
    }
}

const fn may_end(key: &'static str, case: Case) -> Abbreviation {
    Abbreviation {
        key,
        kind: Kind::MayEndSentence,
        case,
    }
}

use Case::{Any, Capitalised as Cap};

/// English abbreviations: titles and ranks, months, corporate forms, US states and Canadian
/// provinces as wire copy abbreviates them.
pub(crate) const ENGLISH_ABBREVIATIONS: &[Abbreviation] = &[
    may_end("a.k.a", Any),
    may_end("a.m", Any),
    title("adm", Cap),
    may_end("al", Any),
    may_end("ala", Cap),
    inline("approx", Any),
    inline("apr", Cap),
    may_end("ariz", Cap),
    may_end("ark", Cap),
    before_number("art", Any),
    may_end("assn", Cap),
    title("asst", Cap),
    title("atty", Cap),
    inline("aug", Cap),
    may_end("ave", Cap),
    may_end("blvd", Cap),
    title("brig", Cap),
    may_end("bros", Cap),
    may_end("calif", Cap),
    title("capt", Cap),
    inline("cf", Any),
    before_number("ch", Any),
    title("cmdr", Cap),
    may_end("co", Cap),
    title("col", Cap),
    may_end("colo", Cap),
    title("comdr", Cap),
    may_end("conn", Cap),
    may_end("corp", Any),
    may_end("cos", Cap),
    title("cpl", Cap),
    inline("dec", Cap),
    may_end("del", Cap),
    may_end("dept", Cap),
    title("dr", Cap),
    inline("e.g", Any),
    may_end("esq", Cap),
    inline("est", Any),
    may_end("etc", Any),
    inline("feb", Cap),
    before_number("fig", Any),
    may_end("fla", Cap),
    title("ft", Cap),
    may_end("ga", Cap),
    title("gen", Cap),
    title("gov", Cap),
    title("hon", Cap),
    inline("i.e", Any),
    may_end("ill", Cap),
    may_end("inc", Any),
    may_end("ind", Cap),
    inline("jan", Cap),
    may_end("jr", Cap),
    inline("jul", Cap),
    inline("jun", Cap),
    may_end("kan", Cap),
    may_end("ky", Cap),
    may_end("la", Cap),
    title("lt", Cap),
    may_end("ltd", Any),
    title("maj", Cap),
    inline("mar", Cap),
    may_end("mass", Cap),
    may_end("md", Cap),
    title("messrs", Cap),
    may_end("mich", Cap),
    may_end("minn", Cap),
    may_end("miss", Cap),
    may_end("mo", Cap),
    may_end("mont", Cap),
    title("mr", Cap),
    title("mrs", Cap),
    title("ms", Cap),
    title("msgr", Cap),
    title("mt", Cap),
    may_end("neb", Cap),
    may_end("nev", Cap),
    before_number("no", Any),
    before_number("nos", Any),
    inline("nov", Cap),
    inline("oct", Cap),
    may_end("okla", Cap),
    may_end("ont", Cap),
    may_end("ore", Cap),
    before_number("p", Any),
    may_end("p.m", Any),
    may_end("pa", Cap),
    may_end("ph.d", Any),
    before_number("pp", Any),
    title("pres", Cap),
    title("prof", Cap),
    title("pvt", Cap),
    may_end("rd", Cap),
    title("rep", Cap),
    title("reps", Cap),
    title("rev", Cap),
    title("rt", Cap),
    title("sen", Cap),
    title("sens", Cap),
    inline("sep", Cap),
    inline("sept", Cap),
    title("sgt", Cap),
    may_end("sr", Cap),
    title("st", Cap),
    title("supt", Cap),
    may_end("tenn", Cap),
    may_end("tex", Cap),
    may_end("u.k", Any),
    may_end("u.n", Any),
    may_end("u.s", Any),
    may_end("u.s.a", Any),
    may_end("univ", Cap),
    inline("v", Any),
    may_end("va", Cap),
    inline("viz", Any),
    before_number("vol", Any),
    inline("vs", Any),
    may_end("vt", Cap),
    may_end("wash", Cap),
    may_end("wis", Cap),
    may_end("wyo", Cap),
];

/// Spanish abbreviations: tratamientos, ranks, Mexican place and name forms, references.
pub(crate) const SPANISH_ABBREVIATIONS: &[Abbreviation] = &[
    may_end("a.c", Any),
    may_end("a.m", Any),
    before_number("apdo", Any),
    inline("aprox", Any),
    title("arq", Any),
    before_number("art", Any),
    before_number("arts", Any),
    title("av", Any),
    title("avda", Any),
    may_end("c.v", Any),
    before_number("cap", Any),
    title("cd", Any),
    inline("cfr", Any),
    title("cnel", Any),
    title("col", Any),
    may_end("corp", Any),
    may_end("cía", Any),
    may_end("d.f", Any),
    title("dip", Any),
    title("dr", Any),
    title("dra", Any),
    title("dña", Any),
    title("edo", Any),
    may_end("ee.uu", Any),
    inline("ej", Any),
    may_end("etc", Any),
    title("fco", Any),
    title("gob", Any),
    title("gpe", Any),
    title("gral", Any),
    may_end("hnos", Any),
    may_end("inc", Any),
    title("ing", Any),
    title("lic", Any),
    may_end("ltd", Any),
    may_end("ltda", Any),
    title("ma", Cap),
    title("mpio", Any),
    title("mtra", Any),
    title("mtro", Any),
    before_number("no", Cap),
    before_number("núm", Any),
    before_number("núms", Any),
    inline("p", Any),
    may_end("p.m", Any),
    title("pbro", Any),
    title("pdte", Any),
    title("prof", Any),
    title("profa", Any),
    before_number("pág", Any),
    before_number("págs", Any),
    may_end("s.a", Any),
    may_end("s.l", Any),
    title("sgto", Any),
    title("sr", Any),
    title("sra", Any),
    title("sras", Any),
    title("sres", Any),
    title("srta", Any),
    title("sta", Any),
    title("sto", Any),
    before_number("tel", Any),
    title("tte", Any),
    inline("ud", Any),
    inline("uds", Any),
    before_number("vol", Any),
    inline("vs", Any),
];

/// English words that clearly begin a sentence when capitalised, used to decide whether an
/// abbreviation that may end a sentence (`U.S.`, `Inc.`) did end one.
pub(crate) const ENGLISH_SENTENCE_STARTERS: &[&str] = &[
    "a",
    "after",
    "also",
    "an",
    "and",
    "as",
    "at",
    "before",
    "both",
    "but",
    "by",
    "during",
    "each",
    "for",
    "from",
    "he",
    "her",
    "his",
    "however",
    "i",
    "if",
    "in",
    "it",
    "its",
    "many",
    "meanwhile",
    "most",
    "on",
    "other",
    "our",
    "she",
    "since",
    "so",
    "some",
    "that",
    "the",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "under",
    "we",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "with",
    "yet",
    "you",
];

/// Spanish words that clearly begin a sentence when capitalised.
pub(crate) const SPANISH_SENTENCE_STARTERS: &[&str] = &[
    "a", "además", "al", "ante", "así", "aunque", "ayer", "como", "con", "cuando", "de", "del",
    "desde", "después", "durante", "el", "ella", "ellas", "ellos", "en", "entre", "esa", "ese",
    "eso", "esta", "estas", "este", "esto", "estos", "hoy", "la", "las", "lo", "los", "mientras",
    "no", "para", "pero", "por", "se", "según", "sin", "sobre", "su", "sus", "también", "tras",
    "un", "una", "unas", "uno", "unos", "y", "ya", "él",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_sorted_lowercase(name: &str, keys: &[&str]) {
        for pair in keys.windows(2) {
            assert!(
                pair[0] < pair[1],
                "{name}: {:?} must sort before {:?}",
                pair[0],
                pair[1]
            );
        }
        for key in keys {
            assert_eq!(
                *key,
                key.to_lowercase(),
                "{name}: {key:?} must be lower case"
            );
            assert!(
                !key.ends_with('.'),
                "{name}: {key:?} must not end with a dot"
            );
            assert!(
                key.len() <= 24,
                "{name}: {key:?} is longer than the look-up buffer"
            );
        }
    }

    #[test]
    fn abbreviation_tables_are_sorted_lowercase_and_dotless() {
        let english: Vec<&str> = ENGLISH_ABBREVIATIONS.iter().map(|a| a.key).collect();
        let spanish: Vec<&str> = SPANISH_ABBREVIATIONS.iter().map(|a| a.key).collect();
        assert_sorted_lowercase("ENGLISH_ABBREVIATIONS", &english);
        assert_sorted_lowercase("SPANISH_ABBREVIATIONS", &spanish);
    }

    #[test]
    fn starter_tables_are_sorted_and_lowercase() {
        assert_sorted_lowercase("ENGLISH_SENTENCE_STARTERS", ENGLISH_SENTENCE_STARTERS);
        assert_sorted_lowercase("SPANISH_SENTENCE_STARTERS", SPANISH_SENTENCE_STARTERS);
    }
}
