//! Fatalities, injured and arrested counts stated in a sentence: a number of people next to a
//! word of death, injury or arrest ("at least 12 people dead", "killing five", "14 detenidos").
//! Vague quantities follow ACLED's convention: "dozens" counts 12, "hundreds" 100.

use crate::cues::{ARREST_WORDS, DEATH_WORDS, INJURY_WORDS, PEOPLE, is_one_of};
use tessera_doc::DocView;
use tessera_doc::{Document, Span};
use tessera_doc::{NumberKind, NumberMention, Quantity};

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Counts {
    pub fatalities: Option<u32>,
    pub injured: Option<u32>,
    pub arrested: Option<u32>,
}

/// How far from a number its death, injury or arrest word may lie.
const WINDOW_AFTER: usize = 5;
const WINDOW_BEFORE: usize = 2;

/// The numbers of sentence `index`, from the document's values.
pub(crate) fn sentence_numbers(doc: &Document, index: usize) -> Vec<NumberMention> {
    crate::when::within_sentence(doc, index, &doc.values.numbers)
        .cloned()
        .collect()
}

pub(crate) fn counts(
    words: &DocView,
    numbers: &[NumberMention],
    first: usize,
    end: usize,
) -> Counts {
    let tokens = &words.tokens;
    let mut out = Counts::default();
    for number in numbers {
        if !matches!(number.kind, NumberKind::Count) {
            continue;
        }
        let Some(value) = figure(number) else {
            continue;
        };
        // A number of things is no toll; "siete muertos" counts the dead themselves.
        if let Some(unit) = &number.unit
            && !PEOPLE.matches(&tessera_doc::fold::lower(unit))
            && ![DEATH_WORDS, INJURY_WORDS, ARREST_WORDS]
                .iter()
                .any(|cues| is_one_of(&unit.to_lowercase(), cues))
        {
            continue;
        }
        let span = Span::new(number.start, number.end);
        let at = tokens.partition_point(|t| t.span.end <= span.start);
        let last = tokens
            .partition_point(|t| t.span.start < span.end)
            .saturating_sub(1);
        let from = at.saturating_sub(WINDOW_BEFORE).max(first);
        let to = (last + 1 + WINDOW_AFTER).min(end);
        // The nearest cue word decides what the number counts.
        let nearest = (from..to)
            .filter(|&i| i < at || i > last)
            .filter_map(|i| {
                let word = words.lower(i);
                let slot = if is_one_of(word, DEATH_WORDS) {
                    0
                } else if is_one_of(word, INJURY_WORDS) {
                    1
                } else if is_one_of(word, ARREST_WORDS) {
                    2
                } else {
                    return None;
                };
                Some((i.abs_diff(at).min(i.abs_diff(last)), slot, i))
            })
            .min();
        // "300 killed so far this year", "bringing to 45 the number killed", "suman 40
        // detenidos": a running total, not the count of this event.
        let cue_at = nearest.map_or(last, |(_, _, i)| i);
        let before = at.saturating_sub(3).max(first)..at;
        let after = last + 1..(cue_at.max(last) + 5).min(end);
        if is_cumulative(words, before) || is_cumulative(words, after) {
            continue;
        }
        let slot = match nearest {
            Some((_, 0, _)) => &mut out.fatalities,
            Some((_, 1, _)) => &mut out.injured,
            Some(_) => &mut out.arrested,
            None => continue,
        };
        *slot = Some(slot.unwrap_or(0).saturating_add(value));
    }
    out
}

/// Words that make a count a running total (folded): "so far", "this year", "in total",
/// "since", "en lo que va", "suman", "acumula", "a la fecha".
fn is_cumulative(words: &DocView, range: std::ops::Range<usize>) -> bool {
    range.into_iter().any(|i| {
        let w = words.norm(i);
        matches!(
            w,
            "since"
                | "total"
                | "cumulative"
                | "bringing"
                | "brings"
                | "raising"
                | "cifra"
                | "suman"
                | "suma"
                | "acumula"
                | "acumulan"
                | "acumulado"
                | "desde"
        ) || words.matches_norm(i, &["so", "far"])
            || words.matches_norm(i, &["this", "year"])
            || words.matches_norm(i, &["lo", "que", "va"])
            || words.matches_norm(i, &["a", "la", "fecha"])
            || words.matches_norm(i, &["en", "total"])
    })
}

/// The figure a number states; ACLED's 12 for "dozens" and 100 for "hundreds".
fn figure(number: &NumberMention) -> Option<u32> {
    if number.quantity == Quantity::Vague {
        let text = tessera_doc::fold::lower(&number.text);
        return if text.contains("dozen") || text.contains("decena") {
            Some(12)
        } else if text.contains("hundred") || text.contains("ciento") || text.contains("centenar") {
            Some(100)
        } else {
            None
        };
    }
    let value = number.value?;
    (value >= 0.0 && value < f64::from(u32::MAX) && value.fract() == 0.0).then_some(value as u32)
}
