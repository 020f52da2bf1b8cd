//! Phrases that refer to a capital without naming it: "the state capital", "the Mexican
//! capital", "Jalisco's capital", "the capital of Sonora", "la capital del estado", "la capital
//! mexicana". Each is resolved to the national capital or the seat of a first-level division,
//! where the phrase itself or the document makes clear which country or division is meant.

mod resolve;

use crate::fold_name;
use crate::gazetteer::{FeatureKind, Gazetteer};
use tessera_doc::nearby::{Word, words_after, words_before};

/// Whose capital a phrase means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapitalLevel {
    /// A country's: "the capital", "the nation's capital", "la capital del país".
    Country,
    /// A state's or province's: "the state capital", "la capital estatal".
    Division,
}

/// A capital phrase found in a text: its byte span, the level it names and, when the phrase
/// names it ("the Mexican capital", "capital of Jalisco"), the gazetteer index of the area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CapitalPhrase {
    pub start: usize,
    pub end: usize,
    pub level: CapitalLevel,
    pub area: Option<u32>,
}

/// Modifiers between "the" and "capital" that say a division's capital is meant.
const DIVISION_MODIFIERS: [&str; 5] = [
    "state",
    "provincial",
    "regional",
    "departmental",
    "territorial",
];
/// Modifiers that say the country's capital is meant.
const COUNTRY_MODIFIERS: [&str; 6] = [
    "national",
    "nation's",
    "nation’s",
    "country's",
    "country’s",
    "federal",
];
/// Spanish words after "la capital" that say a division's capital is meant.
const DIVISION_SPANISH: [&[&str]; 7] = [
    &["del", "estado"],
    &["estatal"],
    &["provincial"],
    &["de", "la", "provincia"],
    &["regional"],
    &["departamental"],
    &["del", "departamento"],
];
/// Spanish words after "la capital" that say the country's capital is meant.
const COUNTRY_SPANISH: [&[&str]; 4] = [
    &["del", "país"],
    &["nacional"],
    &["federal"],
    &["del", "pais"],
];
/// Nouns after "capital" that make it money, not a city ("capital markets", "capital gains").
const MONEY_NOUNS: [&str; 24] = [
    "market",
    "markets",
    "gain",
    "gains",
    "requirement",
    "requirements",
    "expenditure",
    "expenditures",
    "spending",
    "investment",
    "investments",
    "flows",
    "flight",
    "controls",
    "account",
    "ratio",
    "ratios",
    "base",
    "costs",
    "budget",
    "injection",
    "reserves",
    "buffers",
    "punishment",
];
/// Verbs before "the capital" that make it money ("raise the capital").
const MONEY_VERBS: [&str; 6] = [
    "raise",
    "raised",
    "raising",
    "inject",
    "injected",
    "injecting",
];

/// Every capital phrase in `text`, in text order.
pub fn find_capital_phrases(gazetteer: &Gazetteer, text: &str) -> Vec<CapitalPhrase> {
    text.match_indices("capital")
        .filter_map(|(at, word)| {
            let end = at + word.len();
            let bounded = !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            bounded
                .then(|| phrase_at(gazetteer, text, at, end))
                .flatten()
        })
        .collect()
}

/// The phrase around the word "capital" at `at..end`, if it is one.
fn phrase_at(gazetteer: &Gazetteer, text: &str, at: usize, end: usize) -> Option<CapitalPhrase> {
    let before = words_before(text, at, 4);
    let after = words_after(text, end, 4);
    let lower = |w: &Word| tessera_doc::fold::lower(w.text);
    let determiner = before.first().map(lower);
    if matches!(determiner.as_deref(), Some("la")) {
        return spanish_phrase(gazetteer, before[0].start, end, &after);
    }
    // English: "the [modifiers] capital" or "Name's [state] capital".
    let the_at = before.iter().position(|w| lower(w) == "the");
    let modifiers: &[Word] = match the_at {
        Some(i) => &before[..i],
        None => &before[..before.len().min(3)],
    };
    let (mut level, mut area, start) = match (the_at, modifiers) {
        (Some(i), []) => {
            let verb = before.get(i + 1).map(lower);
            if verb.is_some_and(|v| MONEY_VERBS.contains(&v.as_str())) {
                return None;
            }
            (CapitalLevel::Country, None, before[i].start)
        }
        (Some(i), [single]) if DIVISION_MODIFIERS.contains(&lower(single).as_str()) => {
            (CapitalLevel::Division, None, before[i].start)
        }
        (Some(i), [single]) if COUNTRY_MODIFIERS.contains(&lower(single).as_str()) => {
            (CapitalLevel::Country, None, before[i].start)
        }
        (Some(i), named) => {
            let (level, area) = named_area(gazetteer, named, true)?;
            (level, Some(area), before[i].start)
        }
        (None, named) => {
            // "Jalisco's capital", "Saudi Arabia's capital", "Texas's state capital".
            let possessive = named.iter().position(|w| is_possessive(w.text))?;
            let division_word = &named[..possessive];
            if division_word.len() > 1
                || division_word.iter().any(|w| {
                    !DIVISION_MODIFIERS.contains(&tessera_doc::fold::lower(w.text).as_str())
                })
            {
                return None;
            }
            let (level, area) = longest_named_area(gazetteer, &named[possessive..])?;
            let level = if division_word.is_empty() {
                level
            } else {
                CapitalLevel::Division
            };
            let first_word = named.len().min(possessive + 3);
            let start = named[possessive..first_word]
                .iter()
                .rev()
                .find(|w| w.capitalised())
                .map_or(named[possessive].start, |w| w.start);
            (level, Some(area), start)
        }
    };
    let mut end = end;
    match after.first().map(lower).as_deref() {
        Some("city") => end = after[0].end,
        Some("of") if area.is_none() => {
            let (named_level, named) = area_after(gazetteer, &after[1..])?;
            (level, area, end) = (named_level, Some(named.0), named.1);
        }
        Some(word) if MONEY_NOUNS.contains(&word) => return None,
        _ => {}
    }
    Some(CapitalPhrase {
        start,
        end,
        level,
        area,
    })
}

/// "la capital" followed by what it qualifies.
fn spanish_phrase(
    gazetteer: &Gazetteer,
    start: usize,
    end: usize,
    after: &[Word],
) -> Option<CapitalPhrase> {
    let lowered: Vec<String> = after
        .iter()
        .map(|w| tessera_doc::fold::lower(w.text))
        .collect();
    let starts_with = |words: &[&str]| {
        words.len() <= lowered.len() && words.iter().zip(&lowered).all(|(a, b)| a == b)
    };
    let mut phrase = CapitalPhrase {
        start,
        end,
        level: CapitalLevel::Country,
        area: None,
    };
    let mut rest = after;
    if let Some(words) = DIVISION_SPANISH.iter().find(|w| starts_with(w)) {
        phrase.level = CapitalLevel::Division;
        phrase.end = after[words.len() - 1].end;
        rest = &after[words.len()..];
    } else if let Some(words) = COUNTRY_SPANISH.iter().find(|w| starts_with(w)) {
        phrase.end = after[words.len() - 1].end;
        return Some(phrase);
    } else if let Some(first) = after.first().filter(|w| w.lower_case()) {
        // An adjective of nationality ("la capital mexicana"), or nothing that is a place.
        if first.text != "de" {
            let (level, area) = named_area(gazetteer, std::slice::from_ref(first), false)
                .filter(|(level, _)| *level == CapitalLevel::Country)
                .map_or((phrase.level, None), |(level, area)| (level, Some(area)));
            if area.is_some() {
                phrase.end = first.end;
            }
            phrase.level = level;
            phrase.area = area;
            return Some(phrase);
        }
    }
    if rest.first().is_some_and(|w| w.text == "de") {
        let (level, (area, end)) = area_after(gazetteer, &rest[1..])?;
        phrase.level = level;
        phrase.area = Some(area);
        phrase.end = end;
    }
    Some(phrase)
}

fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// The country or division that words name ("Mexican", "Jalisco's", "New South Wales"),
/// possibly with a division word after the name ("Texas state"), and the level it gives.
/// `words` are nearest first, as [`words_before`] gives them; with `capitalised`, each word of
/// the name must start with a capital letter.
fn named_area(
    gazetteer: &Gazetteer,
    words: &[Word],
    capitalised: bool,
) -> Option<(CapitalLevel, u32)> {
    let (names, division_word) = match words.split_first() {
        Some((first, rest))
            if !rest.is_empty()
                && DIVISION_MODIFIERS.contains(&tessera_doc::fold::lower(first.text).as_str()) =>
        {
            (rest, true)
        }
        _ => (words, false),
    };
    let joiner = |w: &Word| matches!(w.text, "de" | "del" | "and" | "y" | "of");
    if names.is_empty() || (capitalised && names.iter().any(|w| !w.capitalised() && !joiner(w))) {
        return None;
    }
    let name: Vec<&str> = names
        .iter()
        .rev()
        .map(|w| w.text.trim_end_matches("'s").trim_end_matches("’s"))
        .collect();
    let found = gazetteer.lookup_folded(&fold_name(&name.join(" ")));
    let best = found
        .iter()
        .filter(|c| match c.place.kind {
            FeatureKind::Country => !division_word,
            FeatureKind::Admin1 => true,
            _ => false,
        })
        .max_by_key(|c| (c.place.kind == FeatureKind::Country, c.place.population))?;
    let level = match best.place.kind {
        FeatureKind::Country => CapitalLevel::Country,
        _ => CapitalLevel::Division,
    };
    Some((level, best.index))
}

/// The longest run of the nearest words (up to three) that names an area: "Saudi Arabia's".
fn longest_named_area(gazetteer: &Gazetteer, words: &[Word]) -> Option<(CapitalLevel, u32)> {
    (1..=words.len().min(3))
        .rev()
        .find_map(|count| named_area(gazetteer, &words[..count], true))
}

/// A capitalised name after "of"/"de": the area, its level and where the name ends.
fn area_after(gazetteer: &Gazetteer, words: &[Word]) -> Option<(CapitalLevel, (u32, usize))> {
    let mut best = None;
    for count in 1..=words.len().min(3) {
        let named = &words[..count];
        if named
            .iter()
            .any(|w| w.lower_case() && !matches!(w.text, "de" | "del"))
        {
            break;
        }
        let nearest_first: Vec<Word> = named.iter().rev().copied().collect();
        if let Some((level, area)) = named_area(gazetteer, &nearest_first, true) {
            best = Some((level, (area, named[count - 1].end)));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::tests::sample;

    fn found(text: &str) -> Vec<(&str, CapitalLevel, Option<String>)> {
        let g = sample();
        find_capital_phrases(&g, text)
            .into_iter()
            .map(|p| {
                let area = p.area.and_then(|i| g.place(i)).map(|p| p.name.to_string());
                (&text[p.start..p.end], p.level, area)
            })
            .collect()
    }

    #[test]
    fn finds_english_phrases_and_their_level() {
        use CapitalLevel::{Country, Division};
        assert_eq!(
            found("Troops reached the state capital on Monday."),
            [("the state capital", Division, None)]
        );
        assert_eq!(
            found("The capital was calm; the nation's capital too."),
            [
                ("The capital", Country, None),
                ("the nation's capital", Country, None)
            ]
        );
        assert_eq!(
            found("in the Mexican capital and in Jalisco's capital"),
            [
                ("the Mexican capital", Country, Some("Mexico".into())),
                ("Jalisco's capital", Division, Some("Jalisco".into()))
            ]
        );
        assert_eq!(
            found("the capital of Colima and the capital city"),
            [
                ("the capital of Colima", Division, Some("Colima".into())),
                ("the capital city", Country, None)
            ]
        );
    }

    #[test]
    fn finds_spanish_phrases() {
        use CapitalLevel::{Country, Division};
        assert_eq!(
            found("llegaron a la capital del estado y a la capital mexicana"),
            [
                ("la capital del estado", Division, None),
                ("la capital mexicana", Country, Some("Mexico".into()))
            ]
        );
        assert_eq!(
            found("en la capital de Jalisco; en la capital."),
            [
                ("la capital de Jalisco", Division, Some("Jalisco".into())),
                ("la capital", Country, None)
            ]
        );
    }

    #[test]
    fn money_names_and_figures_of_speech_are_not_capitals() {
        for text in [
            "the capital markets rallied",
            "banks must raise the capital they lack",
            "the working capital of the firm",
            "Capital One said",
            "the capital of Coptic Christianity",
            "la capital de la moda",
            "capitalism and capitals",
        ] {
            assert_eq!(found(text), [], "{text}");
        }
    }
}
