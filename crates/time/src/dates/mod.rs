//! Date expressions: finding them ([`patterns`]) and resolving them against the publication
//! date ([`calendar`], with past/future cues from [`cues`]).

pub(crate) mod calendar;
mod cues;
pub(crate) mod patterns;

#[cfg(test)]
mod tests_en;
#[cfg(test)]
mod tests_es;

use chrono::{Datelike, NaiveDate};
use tessera_doc::{DocView, Lang, Token};

use crate::words::Lexed as Words;
use crate::{DateMention, Direction, ResolvedDate};
use calendar::{Pick, add_days, monday_of, shift_month, weekday_from, year_for};

/// Finds the date expressions in `text` and resolves each against `published`.
///
/// `tokens` are the segmentation layer's tokens of `text`; `lang` is `"en"`, `"es"`, or
/// anything else (or `None`) for both languages' words.
///
/// What is found (both languages unless said):
/// - explicit dates: "February 22, 2026", "Feb. 22", "22 February 2026", "22nd of February",
///   "3 de marzo (de 2025)", "1987-02-26", "22/02/2026", "22.02.2026"; months with a year
///   ("March 2025", "marzo de 2025"); years in a date context ("in 2009", "since 2009",
///   "desde 2009", "a principios de 2025", "el año 2009") — never a bare number;
/// - a month alone only after "in", "en", "de", "since", "until", "by", "early", "mid", ... or
///   a modifier ("last March", "el pasado marzo"); English month names must be capitalised and
///   abbreviations need a day or a year, so "may have" and "Theresa May" are not dates;
/// - weekdays, bare or with "last", "next", "this", "el pasado", "el próximo", "este",
///   "lunes pasado", "el lunes que viene", or with a date ("Monday, Feb. 23", "el domingo 22");
/// - "yesterday", "today", "tonight", "last night", "this morning", "tomorrow", "the day
///   before yesterday", "ayer", "hoy", "anoche", "anteayer", "esta mañana", "mañana" (as
///   "tomorrow" only when no article or determiner precedes it: "por la mañana" is not a
///   date), "pasado mañana";
/// - "last/this/next week|month|year", "earlier/later this week|month|year", "la semana
///   pasada", "el mes próximo", "el año que viene", "esta semana", "three days ago", "hace
///   dos semanas".
///
/// Spans: prepositions ("on", "in", "el" before a bare weekday or a day) are left out; words
/// that change the meaning ("last", "next", "este", "el pasado", "la semana que viene") are
/// in. Times of day ("10:30 a.m.", "a las 10:30") are not reported.
///
/// Resolution (needs `published` for anything `relative`; without it `resolved` is `None`):
/// - a bare weekday is the most recent one, the publication day itself when it is that
///   weekday ("on Tuesday" in a Tuesday article is that day); with a future cue (a planning
///   verb such as "will", "called for", "convocó", or a Spanish future-tense verb, in the same
///   clause) it is the next one strictly after; "last"/"el pasado" is strictly before,
///   "next"/"el próximo" strictly after, "this"/"este" the nearest (past on a tie);
/// - a month or a day of a month without a year is the nearest occurrence on or before the
///   publication date, or on or after it with a future cue;
/// - weeks resolve to their Monday with [`crate::Precision::Week`].
pub fn find_dates(
    text: &str,
    tokens: &[Token],
    lang: Option<Lang>,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let view = DocView::of_tokens(text, tokens);
    dates_in(&Words::new(&view, lang), published)
}

/// [`find_dates`] over an already folded token view.
pub(crate) fn dates_in(words: &Words, published: Option<NaiveDate>) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match patterns::date_at(words, i) {
            Some(found) => {
                mentions.push(mention(words, &found, published));
                i = found.last + 1;
            }
            None => i += 1,
        }
    }
    mentions
}

/// A date expression as the patterns read it, before resolution.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Found {
    /// First and last token (inclusive).
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) value: Value,
    /// The direction the expression's own words state ("last", "ayer"), if any.
    pub(crate) stated: Option<Direction>,
}

/// What a date expression denotes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value {
    /// A day of a month; the year may be missing ("March 3").
    Day {
        year: Option<i32>,
        month: u32,
        day: u32,
    },
    /// A month; the year may be missing ("in March"). `pick` comes from a modifier.
    Month {
        year: Option<i32>,
        month: u32,
        pick: Option<Pick>,
    },
    Year(i32),
    /// A weekday (Monday = 0); `pick` comes from a modifier.
    Weekday {
        weekday: u32,
        pick: Option<Pick>,
    },
    /// A weekday with a day of the month but no month: "el domingo 22".
    WeekdayAndDay {
        weekday: u32,
        day: u32,
    },
    /// Days, weeks, months or years from the publication date.
    Days(i64),
    Weeks(i64),
    Months(i32),
    Years(i32),
    /// Clearly a date but not resolvable: "02/03/2026" in English.
    Ambiguous,
}

impl Value {
    fn is_relative(self) -> bool {
        match self {
            Value::Day { year, .. } | Value::Month { year, .. } => year.is_none(),
            Value::Year(_) | Value::Ambiguous => false,
            _ => true,
        }
    }
}

fn mention(words: &Words, found: &Found, published: Option<NaiveDate>) -> DateMention {
    let direction = found
        .stated
        .unwrap_or_else(|| cues::tense_near(words, found.first, found.last));
    let resolved = resolve(found.value, direction, published);
    DateMention {
        start: words.start(found.first),
        end: words.end(found.last),
        text: words.slice(found.first, found.last).to_string(),
        resolved,
        direction,
        relative: found.value.is_relative(),
    }
}

fn resolve(
    value: Value,
    direction: Direction,
    published: Option<NaiveDate>,
) -> Option<ResolvedDate> {
    // Absolute values first: they need no publication date.
    match value {
        Value::Day {
            year: Some(year),
            month,
            day,
        } => {
            return NaiveDate::from_ymd_opt(year, month, day).map(ResolvedDate::day);
        }
        Value::Month {
            year: Some(year),
            month,
            ..
        } => {
            return Some(ResolvedDate::month(year, month));
        }
        Value::Year(year) => return Some(ResolvedDate::year(year)),
        Value::Ambiguous => return None,
        _ => {}
    }
    let anchor = published?;
    let default_pick = if direction == Direction::Future {
        Pick::OnOrAfter
    } else {
        Pick::OnOrBefore
    };
    match value {
        Value::Day { month, day, .. } => {
            let year = year_for(anchor, month, Some(day), default_pick);
            NaiveDate::from_ymd_opt(year, month, day).map(ResolvedDate::day)
        }
        Value::Month { month, pick, .. } => {
            let year = year_for(anchor, month, None, pick.unwrap_or(default_pick));
            Some(ResolvedDate::month(year, month))
        }
        Value::Weekday { weekday, pick } => {
            let pick = match (pick, direction) {
                (Some(Pick::Nearest), Direction::Future) => Pick::OnOrAfter,
                (Some(Pick::Nearest), Direction::Past) => Pick::OnOrBefore,
                (Some(pick), _) => pick,
                (None, Direction::Future) => Pick::After,
                (None, _) => Pick::OnOrBefore,
            };
            weekday_from(anchor, weekday, pick).map(ResolvedDate::day)
        }
        Value::WeekdayAndDay { weekday, day } => {
            weekday_and_day(anchor, weekday, day).map(ResolvedDate::day)
        }
        Value::Days(days) => add_days(anchor, days).map(ResolvedDate::day),
        Value::Weeks(weeks) => monday_of(anchor)
            .and_then(|monday| add_days(monday, weeks * 7))
            .map(ResolvedDate::week),
        Value::Months(months) => {
            let (year, month) = shift_month(anchor.year(), anchor.month(), months);
            Some(ResolvedDate::month(year, month))
        }
        Value::Years(years) => Some(ResolvedDate::year(anchor.year() + years)),
        Value::Year(_) | Value::Ambiguous => None,
    }
}

/// The date nearest `anchor` (within a month either way) that has day-of-month `day` and falls
/// on `weekday`: "el domingo 22" in an article of Tuesday 24 February is Sunday 22 February.
fn weekday_and_day(anchor: NaiveDate, weekday: u32, day: u32) -> Option<NaiveDate> {
    [0, -1, 1]
        .into_iter()
        .filter_map(|delta| {
            let (year, month) = shift_month(anchor.year(), anchor.month(), delta);
            NaiveDate::from_ymd_opt(year, month, day)
        })
        .filter(|date| date.weekday().num_days_from_monday() == weekday)
        .min_by_key(|date| (*date - anchor).num_days().abs())
}
