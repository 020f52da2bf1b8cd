//! Property tests: for any text, `segment` never panics and its output keeps the invariants
//! the rest of the pipeline relies on.

use proptest::prelude::*;
use tessera_doc::{Lang, Segmentation};
use tessera_segment::segment;

/// Checks every invariant `segment` promises for `text`.
fn check_invariants(text: &str, seg: &Segmentation) -> Result<(), TestCaseError> {
    let mut cursor = 0usize;
    for token in &seg.tokens {
        let (start, end) = (token.span.start as usize, token.span.end as usize);
        prop_assert!(start < end, "empty token at {start}");
        prop_assert!(
            start >= cursor,
            "token {start}..{end} overlaps or precedes {cursor}"
        );
        let gap = text.get(cursor..start);
        prop_assert!(
            gap.is_some(),
            "token start {start} is not on a char boundary"
        );
        prop_assert!(
            gap.is_some_and(|gap| gap.chars().all(char::is_whitespace)),
            "non-whitespace left out between {cursor} and {start}: {:?}",
            gap
        );
        let body = text.get(start..end);
        prop_assert!(
            body.is_some(),
            "token {start}..{end} is not on char boundaries"
        );
        prop_assert!(
            body.is_some_and(|body| !body.chars().any(char::is_whitespace)),
            "token {:?} holds whitespace",
            body
        );
        cursor = end;
    }
    let tail = text.get(cursor..);
    prop_assert!(
        tail.is_some_and(|tail| tail.chars().all(char::is_whitespace)),
        "non-whitespace left out at the end: {:?}",
        tail
    );

    let mut next_token = 0u32;
    for sentence in &seg.sentences {
        prop_assert_eq!(
            sentence.first_token,
            next_token,
            "sentences skip or repeat tokens"
        );
        prop_assert!(sentence.token_count > 0, "empty sentence");
        let tokens = seg.sentence_tokens(sentence);
        prop_assert_eq!(tokens.len(), sentence.token_count as usize);
        let first = tokens.first().map(|t| t.span.start);
        let last = tokens.last().map(|t| t.span.end);
        prop_assert_eq!(first, Some(sentence.span.start));
        prop_assert_eq!(last, Some(sentence.span.end));
        next_token += sentence.token_count;
    }
    prop_assert_eq!(
        next_token as usize,
        seg.tokens.len(),
        "sentences miss tokens"
    );
    Ok(())
}

/// Pieces that exercise the tricky paths, glued together in random order.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "U.S.",
        "EE.UU.",
        "Gen.",
        "No.",
        "núm.",
        "J.",
        "a.m.",
        "etc.",
        "Inc.",
        "e.",
        ".",
        "...",
        "…",
        "!",
        "?!",
        "¿",
        "¡",
        "“",
        "”",
        "«",
        "»",
        "\"",
        "'",
        "’s",
        "'S",
        "’",
        "(",
        ")",
        "-",
        "--",
        "—",
        "–",
        "$",
        "%",
        "€",
        "1,250,000",
        "5.93",
        "1.234,56",
        "3-1",
        "10:30",
        "1.º",
        "https://a.b/c(d).",
        "www.x.mx",
        "j@x.com",
        "@h_1",
        "#tag",
        "#",
        "@",
        "&",
        "AT&T",
        "O'Brien",
        "don't",
        "Michoacán",
        "Michoa\u{301}n",
        "\u{301}",
        "\u{200D}",
        "👍🏽",
        "我们",
        "。",
        "The",
        "the",
        "El",
        "REUTER",
        "said",
        " ",
        " ",
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\u{00A0}",
        "\u{2029}",
        "\u{2028}",
        "\u{FEFF}",
        "\u{AD}",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|pieces| pieces.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn arbitrary_printable_text_keeps_the_invariants(text in any::<String>()) {
        for lang in [None, Some(Lang::EN), Some(Lang::ES)] {
            check_invariants(&text, &segment(&text, lang))?;
        }
    }

    #[test]
    fn arbitrary_chars_including_controls_keep_the_invariants(
        text in prop::collection::vec(any::<char>(), 0..200).prop_map(String::from_iter)
    ) {
        for lang in [None, Some(Lang::EN), Some(Lang::ES)] {
            check_invariants(&text, &segment(&text, lang))?;
        }
    }

    #[test]
    fn tricky_text_keeps_the_invariants(text in tricky_text()) {
        for lang in [None, Some(Lang::EN), Some(Lang::ES)] {
            check_invariants(&text, &segment(&text, lang))?;
        }
    }

    #[test]
    fn detection_never_panics(text in any::<String>()) {
        if let Some(language) = tessera_segment::detect_language(&text) {
            prop_assert!(!language.code.as_str().is_empty());
            prop_assert!((0.0..=1.0).contains(&language.confidence));
        }
    }
}
