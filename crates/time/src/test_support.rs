//! Helpers for the unit tests: run the real segmenter, then the finders.

use chrono::NaiveDate;

use crate::{DateMention, NumberMention, find_dates, find_numbers};

pub(crate) fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Tuesday 24 February 2026, the publication date most tests use.
pub(crate) fn tuesday() -> Option<NaiveDate> {
    day(2026, 2, 24)
}

pub(crate) fn dates_in(text: &str, lang: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    let tokens = tessera_segment::segment(text, tessera_doc::Lang::parse(lang)).tokens;
    let mentions = find_dates(text, &tokens, tessera_doc::Lang::parse(lang), published);
    for m in &mentions {
        assert_eq!(
            text.get(m.start..m.end),
            Some(m.text.as_str()),
            "span and text disagree"
        );
    }
    mentions
}

/// `(text, resolved value)` of each date in `text`.
pub(crate) fn dates(
    text: &str,
    lang: &str,
    published: Option<NaiveDate>,
) -> Vec<(String, Option<String>)> {
    dates_in(text, lang, published)
        .into_iter()
        .map(|m| (m.text, m.resolved.map(|r| r.value)))
        .collect()
}

/// The one date in `text` as `(text, resolved value)`; fails when there is not exactly one.
pub(crate) fn one_date(
    text: &str,
    lang: &str,
    published: Option<NaiveDate>,
) -> (String, Option<String>) {
    let mut found = dates(text, lang, published);
    assert_eq!(
        found.len(),
        1,
        "expected one date in {text:?}, got {found:?}"
    );
    found.remove(0)
}

pub(crate) fn pair(text: &str, value: &str) -> (String, Option<String>) {
    (text.to_string(), Some(value.to_string()))
}

pub(crate) fn numbers(text: &str, lang: &str) -> Vec<NumberMention> {
    let tokens = tessera_segment::segment(text, tessera_doc::Lang::parse(lang)).tokens;
    let mentions = find_numbers(text, &tokens, tessera_doc::Lang::parse(lang));
    for m in &mentions {
        assert_eq!(
            text.get(m.start..m.end),
            Some(m.text.as_str()),
            "span and text disagree"
        );
    }
    mentions
}
