//! The most common words of a few languages written in the Latin script, as data: function
//! words, numerals, months and days, and frequent newswire words (English and Spanish, the
//! project's first languages, get the longest lists).
//!
//! [`crate::language`] counts them to decide long texts without running the trigram detector
//! and to settle short or telegraphic ones (all-capitals headlines, earnings tables) on which
//! the trigram detector is unsure. Every list is sorted (byte order) and lower case, as the
//! tests below check.

use std::sync::OnceLock;

/// A set of languages, as bits: bit `i` stands for `COMMON_WORDS[i]`.
pub(crate) type LanguageSet = u8;

/// `(ISO 639-1 code, sorted common words)` for each language the vote knows (at most eight,
/// to fit a [`LanguageSet`]).
pub(crate) const COMMON_WORDS: &[(&str, &[&str])] = &[
    ("en", EN),
    ("es", ES),
    ("fr", FR),
    ("de", DE),
    ("pt", PT),
    ("it", IT),
    ("nl", NL),
];

/// English.
#[rustfmt::skip]
const EN: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "april", "are", "army", "as",
    "at", "august", "avg", "bank", "be", "been", "billion", "but", "buys", "by", "can", "cent",
    "company", "could", "cts", "cuts", "december", "dlr", "dlrs", "down", "eight", "february",
    "fell", "first", "five", "for", "four", "friday", "from", "government", "had", "has",
    "have", "he", "her", "his", "hundred", "in", "into", "is", "it", "its", "january", "july",
    "june", "last", "loss", "march", "market", "may", "million", "minister", "mln", "monday",
    "month", "more", "net", "new", "nine", "no", "not", "november", "october", "of", "official",
    "officials", "oil", "on", "one", "or", "other", "our", "over", "pct", "per", "percent",
    "plans", "police", "president", "price", "prices", "profit", "qtr", "quarter", "raises",
    "record", "reported", "revs", "rose", "said", "sales", "saturday", "say", "says", "sees",
    "sells", "september", "seven", "shares", "she", "should", "shr", "six", "some", "state",
    "states", "stock", "sunday", "tax", "ten", "than", "that", "the", "their", "there", "they",
    "this", "thousand", "three", "thursday", "to", "today", "told", "trade", "tuesday", "two",
    "under", "up", "ups", "vs", "was", "we", "wednesday", "week", "were", "what", "when",
    "which", "while", "who", "will", "with", "would", "year", "years", "yesterday", "you",
];

/// Spanish.
#[rustfmt::skip]
const ES: &[&str] = &[
    "a", "abril", "agosto", "al", "algo", "algunas", "algunos", "ante", "antes", "aseguró",
    "ayer", "año", "años", "cien", "ciento", "cinco", "ciudad", "como", "con", "contra", "cual",
    "cuando", "cuatro", "de", "del", "desde", "después", "diciembre", "diez", "dijo", "domingo",
    "donde", "dos", "durante", "e", "el", "elementos", "ella", "ellos", "en", "enero", "entre",
    "era", "es", "esa", "ese", "eso", "esta", "estado", "estar", "estas", "este", "esto",
    "estos", "está", "están", "febrero", "fue", "gobierno", "ha", "han", "hasta", "hay", "hoy",
    "informó", "jueves", "julio", "junio", "la", "las", "le", "les", "lo", "los", "lunes",
    "martes", "marzo", "mayo", "me", "mil", "millones", "miércoles", "mucho", "muchos",
    "municipio", "muy", "más", "nada", "ni", "no", "nos", "noviembre", "nueve", "o", "ocho",
    "octubre", "otra", "otras", "otro", "otros", "para", "parte", "país", "pero", "personas",
    "poco", "policía", "por", "porque", "presidente", "que", "quien", "quienes", "qué", "se",
    "secretario", "seguridad", "según", "seis", "septiembre", "será", "señaló", "siete", "sin",
    "sobre", "son", "su", "sus", "sábado", "también", "tanto", "todo", "todos", "tres", "un",
    "una", "uno", "unos", "viernes", "y", "ya", "él",
];

/// French.
#[rustfmt::skip]
const FR: &[&str] = &[
    "a", "année", "ans", "après", "au", "aussi", "aux", "avec", "avoir", "ce", "cette", "comme",
    "dans", "de", "des", "deux", "du", "elle", "en", "entre", "est", "et", "fait",
    "gouvernement", "il", "ils", "jeudi", "la", "le", "les", "leur", "leurs", "lundi", "mais",
    "mardi", "mercredi", "ne", "nous", "ont", "ou", "par", "pas", "plus", "pour", "président",
    "que", "qui", "sa", "sans", "selon", "ses", "son", "sont", "sur", "tout", "trois", "un",
    "une", "vendredi", "vous", "à", "été", "être",
];

/// German.
#[rustfmt::skip]
const DE: &[&str] = &[
    "aber", "am", "auch", "auf", "aus", "bei", "das", "dem", "den", "der", "des", "die",
    "diese", "dieser", "drei", "durch", "ein", "eine", "einen", "er", "es", "für", "haben",
    "hat", "ich", "ihr", "im", "ist", "jahr", "jahren", "mit", "nach", "nicht", "noch", "nur",
    "oder", "regierung", "sagte", "sich", "sie", "sind", "um", "und", "von", "vor", "war",
    "werden", "wie", "wir", "wird", "wurde", "zu", "zum", "zur", "zwei", "über",
];

/// Portuguese.
#[rustfmt::skip]
const PT: &[&str] = &[
    "a", "ainda", "anos", "ao", "após", "as", "até", "com", "como", "da", "das", "de", "disse",
    "do", "dois", "dos", "e", "em", "entre", "essa", "esse", "está", "foi", "governo", "isso",
    "já", "mais", "mas", "muito", "na", "nas", "no", "nos", "não", "o", "os", "ou", "para",
    "pela", "pelas", "pelo", "pelos", "por", "quando", "que", "se", "segundo", "ser", "seu",
    "sobre", "sua", "são", "também", "ter", "três", "um", "uma", "é",
];

/// Italian.
#[rustfmt::skip]
const IT: &[&str] = &[
    "al", "alla", "anche", "anni", "che", "come", "con", "da", "dal", "degli", "dei", "del",
    "della", "delle", "detto", "di", "dopo", "due", "e", "essere", "fra", "gli", "governo",
    "ha", "hanno", "i", "il", "in", "la", "le", "lo", "ma", "nei", "nel", "nella", "non", "per",
    "più", "questa", "questo", "secondo", "si", "sono", "stato", "sul", "sulla", "tra", "tre",
    "un", "una", "è",
];

/// Dutch.
#[rustfmt::skip]
const NL: &[&str] = &[
    "aan", "als", "bij", "dan", "dat", "de", "deze", "die", "door", "drie", "een", "en", "er",
    "hebben", "heeft", "het", "in", "is", "jaar", "maar", "met", "naar", "niet", "nog", "om",
    "ook", "op", "over", "te", "twee", "uit", "van", "voor", "was", "werd", "wordt", "zei",
    "zijn",
];

/// The languages among [`COMMON_WORDS`] that list `word` (lower case); empty for most words.
pub(crate) fn languages_using(word: &str) -> LanguageSet {
    static INDEX: OnceLock<Vec<(&'static str, LanguageSet)>> = OnceLock::new();
    let index = INDEX.get_or_init(merged_index);
    index
        .binary_search_by(|&(listed, _)| listed.cmp(word))
        .ok()
        .and_then(|position| index.get(position))
        .map_or(0, |&(_, languages)| languages)
}

/// Every listed word once, sorted, with the set of languages that list it.
fn merged_index() -> Vec<(&'static str, LanguageSet)> {
    let mut index: Vec<(&'static str, LanguageSet)> = COMMON_WORDS
        .iter()
        .enumerate()
        .flat_map(|(bit, &(_, words))| words.iter().map(move |&word| (word, 1 << bit)))
        .collect();
    index.sort_unstable();
    index.dedup_by(|later, earlier| {
        let same = later.0 == earlier.0;
        if same {
            earlier.1 |= later.1;
        }
        same
    });
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shared_words_belong_to_every_language_that_lists_them() {
        let bit = |code: &str| {
            COMMON_WORDS
                .iter()
                .position(|&(listed, _)| listed == code)
                .map_or(0, |position| 1u8 << position)
        };
        assert_eq!(languages_using("the"), bit("en"));
        assert_eq!(
            languages_using("de"),
            bit("es") | bit("fr") | bit("pt") | bit("nl")
        );
        assert_eq!(languages_using("según"), bit("es"));
        assert_eq!(languages_using("cocoa"), 0);
        assert!(COMMON_WORDS.len() <= LanguageSet::BITS as usize);
    }

    #[test]
    fn word_lists_are_sorted_lowercase_and_short() {
        for (code, words) in COMMON_WORDS {
            for pair in words.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{code}: {:?} must sort before {:?}",
                    pair[0],
                    pair[1]
                );
            }
            for word in *words {
                assert_eq!(
                    *word,
                    word.to_lowercase(),
                    "{code}: {word:?} must be lower case"
                );
                assert!(
                    word.len() <= 24,
                    "{code}: {word:?} is longer than the look-up buffer"
                );
            }
        }
    }
}
