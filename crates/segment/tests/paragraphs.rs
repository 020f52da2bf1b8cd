//! End-to-end checks on abbreviation-heavy paragraphs, through the public API only.

use tessera_doc::{Lang, TokenKind};
use tessera_segment::{detect_language, segment};

fn sentences(text: &str, lang: Option<Lang>) -> Vec<&str> {
    segment(text, lang)
        .sentences
        .iter()
        .map(|sentence| &text[sentence.span.range()])
        .collect()
}

fn tokens(text: &str, lang: Option<Lang>) -> Vec<&str> {
    segment(text, lang)
        .tokens
        .iter()
        .map(|token| &text[token.span.range()])
        .collect()
}

const ENGLISH: &str = "Gen. J. R. Smith of the U.S. Army met Dr. Peña at 10:30 a.m. on Jan. 5. \
    The meeting, held at No. 10 Downing St. in London, lasted two hours. Mr. Brown, a Ph.D. \
    from Acme Corp., said the deal was worth $1,250,000, or 5.93 pct more than in 1987. It was \
    signed in the U.S. The next day, Sen. O'Brien asked: “Why now?” Nobody answered.";

const SPANISH: &str = "El Sr. López, de la Sedena, dijo que el Gral. Ramírez y la Lic. Pérez \
    viajaron a EE.UU. El viaje, según la pág. 3 del informe núm. 27, costó 1.234,56 dólares. \
    ¿Quién lo autorizó? El 1.º de mayo la Dra. Peña respondió: «Fue el Ing. Gómez». ¡Basta ya! \
    dijo el Sr. López.";

#[test]
fn english_paragraph_splits_only_at_real_sentence_ends() {
    let lang = detect_language(ENGLISH).map(|language| language.code);
    assert_eq!(lang, Some(Lang::EN));
    assert_eq!(
        sentences(ENGLISH, lang),
        [
            "Gen. J. R. Smith of the U.S. Army met Dr. Peña at 10:30 a.m. on Jan. 5.",
            "The meeting, held at No. 10 Downing St. in London, lasted two hours.",
            "Mr. Brown, a Ph.D. from Acme Corp., said the deal was worth $1,250,000, or 5.93 pct \
             more than in 1987.",
            "It was signed in the U.S.",
            "The next day, Sen. O'Brien asked: “Why now?”",
            "Nobody answered.",
        ]
    );
}

#[test]
fn english_paragraph_tokens() {
    let words = tokens(ENGLISH, Some(Lang::EN));
    for expected in [
        "Gen.",
        "J.",
        "R.",
        "U.S.",
        "Dr.",
        "Peña",
        "10:30",
        "a.m.",
        "Jan.",
        "No.",
        "St.",
        "Mr.",
        "Ph.D.",
        "Corp.",
        "$",
        "1,250,000",
        "5.93",
        "1987",
        "Sen.",
        "O'Brien",
        "“",
        "?",
        "”",
    ] {
        assert!(
            words.contains(&expected),
            "missing token {expected:?} in {words:?}"
        );
    }
    assert!(!words.contains(&"Jan"), "the dot of Jan. belongs to it");
}

#[test]
fn spanish_paragraph_splits_only_at_real_sentence_ends() {
    let lang = detect_language(SPANISH).map(|language| language.code);
    assert_eq!(lang, Some(Lang::ES));
    assert_eq!(
        sentences(SPANISH, lang),
        [
            "El Sr. López, de la Sedena, dijo que el Gral. Ramírez y la Lic. Pérez viajaron a \
             EE.UU.",
            "El viaje, según la pág. 3 del informe núm. 27, costó 1.234,56 dólares.",
            "¿Quién lo autorizó?",
            "El 1.º de mayo la Dra. Peña respondió: «Fue el Ing. Gómez».",
            "¡Basta ya! dijo el Sr. López.",
        ]
    );
}

#[test]
fn spanish_paragraph_tokens_and_kinds() {
    let seg = segment(SPANISH, Some(Lang::ES));
    let pairs: Vec<(&str, TokenKind)> = seg
        .tokens
        .iter()
        .map(|token| (&SPANISH[token.span.range()], token.kind))
        .collect();
    for expected in [
        ("Sr.", TokenKind::Word),
        ("Gral.", TokenKind::Word),
        ("Lic.", TokenKind::Word),
        ("EE.UU.", TokenKind::Word),
        ("pág.", TokenKind::Word),
        ("núm.", TokenKind::Word),
        ("1.234,56", TokenKind::Number),
        ("1.º", TokenKind::Number),
        ("¿", TokenKind::Punct),
        ("«", TokenKind::Punct),
        ("»", TokenKind::Punct),
        ("¡", TokenKind::Punct),
    ] {
        assert!(
            pairs.contains(&expected),
            "missing {expected:?} in {pairs:?}"
        );
    }
}

#[test]
fn the_language_code_changes_the_abbreviations() {
    // "Sra." is a Spanish title; under English rules it is an ordinary word before a dot.
    let text = "Habló la Sra. Peña.";
    assert!(tokens(text, Some(Lang::ES)).contains(&"Sra."));
    assert!(tokens(text, Some(Lang::EN)).contains(&"Sra"));
    assert!(tokens(text, None).contains(&"Sra."));
}

#[test]
fn empty_and_blank_texts_have_no_sentences() {
    for text in ["", "   ", "\n\n\t"] {
        let seg = segment(text, None);
        assert!(
            seg.tokens.is_empty() && seg.sentences.is_empty(),
            "{text:?}"
        );
    }
}
