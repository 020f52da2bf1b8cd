//! Facility names the tagger cut short: "San Luis Port | of Entry", "Aeropuerto Internacional
//! de la Ciudad | de | México", "Zona | 9". The mention is stretched over the words that finish
//! the name, taking in a place named inside it, so that an event at the facility is placed at
//! the facility and not at the town its name happens to hold.

use crate::place_names::{FACILITY_TAIL_PHRASES, is_spanish_facility};
use tessera_doc::{DocView, Mention, MentionKind, Token};

/// Words for a numbered part of a city, written before the number ("Zona 9", "Sector 4").
const NUMBERED_AREAS: &[&str] = &["zona", "zone", "sector", "distrito", "district", "ward"];

/// Most words of a place taken into a Spanish facility's name after "de".
const MAX_INNER_PLACE_WORDS: usize = 3;

/// Stretches place mentions over the words that complete a facility name (`mentions` sorted by
/// start, and kept so).
pub(crate) fn complete_facility_names(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let words = DocView::of_tokens(text, tokens);
    let mut index = 0;
    while index < mentions.len() {
        let mention = mentions[index];
        let Some(range) = words.token_range(mention.span) else {
            index += 1;
            continue;
        };
        if range.is_empty() || mention.kind != MentionKind::Loc {
            index += 1;
            continue;
        }
        let (first, last) = (range.start, range.end - 1);
        let lower: Vec<&str> = (first..=last).map(|i| words.lower(i)).collect();
        let stretched = tail_phrase_end(&words, &lower, last)
            .or_else(|| numbered_area_end(&words, &lower, last))
            .or_else(|| inner_place_end(&words, &lower, last, mentions, index));
        if let Some(end) = stretched.filter(|&end| words.same_sentence(first, end)) {
            let span = words.span(first, end);
            mentions[index].span = span;
            // A place the stretched name now holds is part of it, not a mention of its own.
            let next = index + 1;
            while next < mentions.len() && mentions[next].span.start < span.end {
                mentions.remove(next);
            }
        }
        index += 1;
    }
}

/// "San Luis Port" before "of Entry": the last word of the name where the words after it
/// complete a facility phrase the name began.
fn tail_phrase_end(words: &DocView, lower: &[&str], last: usize) -> Option<usize> {
    FACILITY_TAIL_PHRASES.iter().find_map(|phrase| {
        (1..phrase.len()).find_map(|held| {
            let opened = lower.len() > held && lower[lower.len() - held..] == phrase[..held];
            let rest = &phrase[held..];
            let follows = rest
                .iter()
                .enumerate()
                .all(|(k, w)| last + 1 + k < words.len() && words.lower(last + 1 + k) == *w);
            (opened && follows).then_some(last + rest.len())
        })
    })
}

/// "Zona" before "9": the number of a numbered part of a city.
fn numbered_area_end(words: &DocView, lower: &[&str], last: usize) -> Option<usize> {
    let next = last + 1;
    (lower.last().is_some_and(|w| NUMBERED_AREAS.contains(w))
        && next < words.len()
        && words.text(next).len() <= 3
        && words.text(next).chars().all(|c| c.is_ascii_digit()))
    .then_some(next)
}

/// "Aeropuerto Internacional de la Ciudad" before "de México", "Centro de Reinserción Social"
/// before "de Tijuana": a Spanish facility name goes on through "de" and the place it serves.
fn inner_place_end(
    words: &DocView,
    lower: &[&str],
    last: usize,
    mentions: &[Mention],
    index: usize,
) -> Option<usize> {
    if !is_spanish_facility(lower) {
        return None;
    }
    let joiner = last + 1;
    if joiner >= words.len() || !matches!(words.lower(joiner), "de" | "del") {
        return None;
    }
    let next = mentions.get(index + 1)?;
    let place = words.token_range(next.span)?;
    (next.kind == MentionKind::Loc
        && place.start == joiner + 1
        && place.len() <= MAX_INNER_PLACE_WORDS)
        .then(|| place.end - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::{Lang, Span};

    fn stretched(text: &str, names: &[&str]) -> Vec<String> {
        let tokens = tessera_segment::segment(text, Some(Lang::ES)).tokens;
        let mut mentions: Vec<Mention> = names
            .iter()
            .filter_map(|name| {
                let start = text.find(name)?;
                Some(Mention::new(
                    Span::new(start, start + name.len()),
                    MentionKind::Loc,
                ))
            })
            .collect();
        complete_facility_names(text, &tokens, &mut mentions);
        mentions
            .iter()
            .map(|m| text[m.span.range()].to_string())
            .collect()
    }

    #[test]
    fn facility_phrases_are_finished() {
        assert_eq!(
            stretched(
                "Agents stopped the car at the Lukeville Port of Entry on Friday.",
                &["Lukeville Port"]
            ),
            ["Lukeville Port of Entry"]
        );
        assert_eq!(
            stretched("La marcha llegó a la Zona 4 de la capital.", &["Zona"]),
            ["Zona 4"]
        );
    }

    #[test]
    fn a_spanish_facility_takes_in_the_place_it_serves() {
        assert_eq!(
            stretched(
                "Los internos del Centro de Reinserción Social de Mexicali protestaron.",
                &["Centro de Reinserción Social", "Mexicali"]
            ),
            ["Centro de Reinserción Social de Mexicali"]
        );
        // A town after a body that is no facility stays a place of its own.
        assert_eq!(
            stretched(
                "La Universidad de Sonora y Hermosillo firmaron.",
                &["Universidad", "Sonora"]
            ),
            ["Universidad", "Sonora"]
        );
    }
}
