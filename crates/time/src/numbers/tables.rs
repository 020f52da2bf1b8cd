//! Word tables for numbers: quantity words, currencies, vague quantities, and the words that
//! are never a counted noun.

use tessera_doc::TokenKind;

use crate::Quantity;
use crate::words::Lexed as Words;

/// Quantity phrases, longest first where one begins another ("no más de" before "más de").
const QUANTITY_PHRASES: &[(&[&str], Quantity)] = &[
    (&["no", "fewer", "than"], Quantity::AtLeast),
    (&["no", "less", "than"], Quantity::AtLeast),
    (&["not", "less", "than"], Quantity::AtLeast),
    (&["no", "more", "than"], Quantity::AtMost),
    (&["no", "menos", "de"], Quantity::AtLeast),
    (&["no", "mas", "de"], Quantity::AtMost),
    (&["por", "lo", "menos"], Quantity::AtLeast),
    (&["poco", "mas", "de"], Quantity::About),
    (&["en", "torno", "a"], Quantity::About),
    (&["at", "least"], Quantity::AtLeast),
    (&["more", "than"], Quantity::AtLeast),
    (&["upwards", "of"], Quantity::AtLeast),
    (&["al", "menos"], Quantity::AtLeast),
    (&["como", "minimo"], Quantity::AtLeast),
    (&["mas", "de"], Quantity::AtLeast),
    (&["over"], Quantity::AtLeast),
    (&["at", "most"], Quantity::AtMost),
    (&["up", "to"], Quantity::AtMost),
    (&["fewer", "than"], Quantity::AtMost),
    (&["less", "than"], Quantity::AtMost),
    (&["como", "maximo"], Quantity::AtMost),
    (&["menos", "de"], Quantity::AtMost),
    (&["under"], Quantity::AtMost),
    (&["hasta"], Quantity::AtMost),
    (&["close", "to"], Quantity::About),
    (&["an", "estimated"], Quantity::About),
    (&["alrededor", "de"], Quantity::About),
    (&["cerca", "de"], Quantity::About),
    (&["about"], Quantity::About),
    (&["around"], Quantity::About),
    (&["approximately"], Quantity::About),
    (&["roughly"], Quantity::About),
    (&["nearly"], Quantity::About),
    (&["almost"], Quantity::About),
    (&["some"], Quantity::About),
    (&["estimated"], Quantity::About),
    (&["unos"], Quantity::About),
    (&["unas"], Quantity::About),
    (&["aproximadamente"], Quantity::About),
    (&["casi"], Quantity::About),
];

/// The quantity phrase starting at `i`, and the token after it.
pub(super) fn quantity_words(words: &Words, i: usize) -> Option<(Quantity, usize)> {
    let first = words.norm(i);
    QUANTITY_PHRASES
        .iter()
        .filter(|(phrase, _)| phrase.first() == Some(&first))
        .find(|(phrase, _)| words.is_phrase(i + 1, phrase.get(1..).unwrap_or_default()))
        .map(|(phrase, quantity)| (*quantity, i + phrase.len()))
}

/// ISO 4217 codes written as words before or after a figure.
fn currency_code(raw: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "USD", "EUR", "GBP", "MXN", "JPY", "CNY", "COP", "ARS", "CLP", "PEN", "BRL", "CAD", "AUD",
        "CHF", "INR", "RUB", "VES", "UYU", "BOB", "PYG", "GTQ", "HNL", "NIO", "CRC", "DOP", "CUP",
    ];
    CODES.iter().copied().find(|code| *code == raw)
}

/// A currency before a figure at `i`: a sign ("$", "€", "£"), "US$", "MX$", or a code
/// ("USD 3 billion"). Returns the currency and the token after it.
pub(super) fn currency_before(words: &Words, i: usize) -> Option<(String, usize)> {
    let raw = words.text(i);
    if let Some(code) = currency_code(raw) {
        return Some((code.to_string(), i + 1));
    }
    if words.text(i + 1) == "$" {
        let code = match raw {
            "US" | "U.S." => Some("USD"),
            "MX" => Some("MXN"),
            "C" | "CA" => Some("CAD"),
            "A" | "AU" => Some("AUD"),
            "R" => Some("BRL"),
            _ => None,
        };
        if let Some(code) = code {
            return Some((code.to_string(), i + 2));
        }
    }
    let sign = match raw {
        "$" => "$",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "¥",
        "₹" => "INR",
        _ => return None,
    };
    Some((sign.to_string(), i + 1))
}

/// A currency after a figure at `j`: a code, or a currency word, after "of"/"de" when
/// `takes_of` ("5 millones de pesos", "millions of dollars"). Returns it and its last token.
pub(super) fn currency_after(words: &Words, j: usize, takes_of: bool) -> Option<(String, usize)> {
    if let Some(code) = currency_code(words.text(j)) {
        return Some((code.to_string(), j));
    }
    let at = if takes_of && words.is_any(j, &["of", "de"]) {
        j + 1
    } else {
        j
    };
    let folded = words.norm(at);
    let currency = match folded {
        "dollars" | "dollar" | "dolares" | "dolar" | "dlrs" | "dlr" => "USD",
        "euros" | "euro" => "EUR",
        "yen" => "JPY",
        "yuan" => "CNY",
        "rupees" | "rupias" => "INR",
        "rubles" | "rublos" => "RUB",
        "pesos" | "peso" => {
            if words.is_any(at + 1, &["mexicanos", "mexicano"]) {
                return Some(("MXN".to_string(), at + 1));
            }
            "pesos"
        }
        _ => return None,
    };
    Some((currency.to_string(), at))
}

/// Words that stand for a number without stating one.
pub(super) fn vague_word(word: &str, words: &Words) -> bool {
    let english = words.english
        && matches!(
            word,
            "dozens" | "scores" | "hundreds" | "thousands" | "millions" | "billions" | "several"
        );
    let spanish = words.spanish
        && matches!(
            word,
            "decenas"
                | "docenas"
                | "cientos"
                | "centenares"
                | "miles"
                | "millones"
                | "varios"
                | "varias"
        );
    english || spanish
}

/// Determiners before an ordinal word: "the first", "su segundo", "la tercera".
pub(super) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "el", "la", "los",
    "las", "lo", "su", "sus", "un", "una", "este", "esta", "del", "al",
];

/// Function words and others that never name what a figure counts.
const NOT_UNITS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "were",
    "was",
    "are",
    "is",
    "be",
    "been",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "can",
    "may",
    "might",
    "should",
    "did",
    "do",
    "does",
    "than",
    "as",
    "per",
    "this",
    "these",
    "those",
    "it",
    "they",
    "them",
    "their",
    "he",
    "she",
    "we",
    "you",
    "i",
    "his",
    "her",
    "its",
    "our",
    "not",
    "no",
    "so",
    "if",
    "when",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "into",
    "over",
    "under",
    "about",
    "around",
    "up",
    "out",
    "down",
    "off",
    "again",
    "ago",
    "el",
    "la",
    "los",
    "las",
    "lo",
    "un",
    "una",
    "unos",
    "unas",
    "de",
    "del",
    "al",
    "en",
    "con",
    "por",
    "para",
    "y",
    "o",
    "que",
    "se",
    "su",
    "sus",
    "es",
    "son",
    "fue",
    "fueron",
    "era",
    "eran",
    "han",
    "ha",
    "habia",
    "mas",
    "menos",
    "como",
    "entre",
    "sin",
    "sobre",
    "desde",
    "hasta",
    "hacia",
    "segun",
    "cuando",
    "donde",
    "este",
    "esta",
    "estos",
    "estas",
    "ese",
    "esa",
    "esos",
    "esas",
    "le",
    "les",
    "ya",
    "ni",
    "e",
    "u",
    "muy",
    "tambien",
    "percent",
    "pct",
    "porciento",
    "said",
    "says",
    "say",
    "told",
    "died",
    "fled",
    "left",
    "went",
    "came",
    "got",
    "dijo",
    "dijeron",
    "murieron",
];

/// Whether a word has a past-tense verb ending ("killed", "llegaron", "murieron"): a verb
/// after a figure ("5 were killed", "14 llegaron") is not what it counts.
fn looks_like_past_verb(word: &str, words: &Words) -> bool {
    (words.english && word.len() > 4 && word.ends_with("ed"))
        || (words.spanish && (word.ends_with("aron") || word.ends_with("ieron")))
}

/// Whether token `j` cannot be a counted noun: a function word, a number word, a month or a
/// weekday, or a currency.
pub(super) fn is_not_a_unit(words: &Words, j: usize) -> bool {
    if words.kind(j) != Some(TokenKind::Word) {
        return true;
    }
    let folded = words.norm(j);
    let word = folded;
    NOT_UNITS.contains(&word)
        || looks_like_past_verb(word, words)
        || {
            let lex = words.lex(j);
            lex.number.is_some() || lex.month.is_some() || lex.weekday.is_some()
        }
        || currency_code(words.text(j)).is_some()
}
