//! Numbered units and locals, which the tagger misses or cuts at the number: "the 103rd Infantry
//! Brigade", "51st Infantry Battalion", "la 43 Zona Militar", "el 19 Batallón de Infantería",
//! "Local 1702" of a union. Each becomes one organisation mention, replacing what overlapped it.

use tessera_doc::{DocView, Mention, MentionKind, Span, Token};

/// Words that make a numbered name a military or police unit.
const UNIT_NOUNS: &[&str] = &[
    "brigade",
    "battalion",
    "division",
    "regiment",
    "corps",
    "squadron",
    "fleet",
    "army",
    "brigada",
    "batallón",
    "batallon",
    "división",
    "regimiento",
    "zona",
    "región",
    "cuerpo",
    "escuadrón",
];

/// The most capitalised words a unit's name runs to after its number.
const MAX_UNIT_WORDS: usize = 5;

/// "103rd", "51st", "43", "3er", "19o": a unit's number, written short.
fn is_unit_number(word: &str) -> bool {
    let digits = word.chars().take_while(char::is_ascii_digit).count();
    let suffix = &word[digits..];
    (1..=3).contains(&digits)
        && [
            "", "st", "nd", "rd", "th", "er", "a", "o", "ª", "º", "va", "ra",
        ]
        .contains(&suffix)
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Adds the numbered units and union locals in `tokens` to `mentions` (kept sorted by start).
pub(crate) fn add_numbered_units(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let words = DocView::of_tokens(text, tokens);
    let mut found: Vec<Span> = Vec::new();
    let mut i = 0;
    while i + 1 < words.len() {
        let text_at = |k: usize| words.get(k).map_or("", |w| w.text);
        // "Local 1702".
        if text_at(i) == "Local"
            && text_at(i + 1).len() <= 5
            && text_at(i + 1).chars().all(|c| c.is_ascii_digit())
            && words.same_sentence(i, i + 1)
        {
            found.push(words.span(i, i + 1));
            i += 2;
            continue;
        }
        if !is_unit_number(text_at(i)) || !capitalised(text_at(i + 1)) {
            i += 1;
            continue;
        }
        // The capitalised run after the number, through "de"/"of" inside it.
        let mut last = i;
        let mut unit = false;
        let mut k = i + 1;
        while k <= i + MAX_UNIT_WORDS + 1 && words.same_sentence(i, k) {
            let w = text_at(k);
            if capitalised(w) {
                unit |= words.get(k).is_some_and(|t| t.is(UNIT_NOUNS));
                last = k;
            } else if !(["de", "of"].contains(&w) && capitalised(text_at(k + 1))) {
                break;
            }
            k += 1;
        }
        if unit && last > i {
            found.push(words.span(i, last));
            i = last + 1;
        } else {
            i += 1;
        }
    }
    if found.is_empty() {
        return;
    }
    mentions.retain(|m| {
        !found
            .iter()
            .any(|f| m.span.start < f.end && f.start < m.span.end)
    });
    mentions.extend(
        found
            .into_iter()
            .map(|span| Mention::new(span, MentionKind::Org)),
    );
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

#[cfg(test)]
mod tests {
    use super::is_unit_number;

    #[test]
    fn unit_numbers_are_short_and_ordinal() {
        assert!(is_unit_number("103rd"));
        assert!(is_unit_number("43"));
        assert!(is_unit_number("3er"));
        assert!(!is_unit_number("2026"));
        assert!(!is_unit_number("12km"));
    }
}
