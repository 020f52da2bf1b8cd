//! Calendar arithmetic for resolution: weekdays before or after a date, month and week
//! shifts. All functions are total: a result that would leave chrono's range is `None`.

use chrono::{Datelike, Duration, NaiveDate};

/// Which occurrence of a weekday or month to take relative to the publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pick {
    /// Strictly before ("last Monday", "el pasado lunes").
    Before,
    /// The same day or before: the default for a bare weekday or month.
    OnOrBefore,
    /// Strictly after ("next Monday", "will ... on Monday").
    After,
    /// The same day or after (future cue for a month or a day of a month).
    OnOrAfter,
    /// Whichever is closer, past or future, the same day included ("this Sunday").
    Nearest,
}

/// The date of `weekday` (Monday = 0) relative to `anchor` as `pick` says.
pub(crate) fn weekday_from(anchor: NaiveDate, weekday: u32, pick: Pick) -> Option<NaiveDate> {
    let today = anchor.weekday().num_days_from_monday();
    let back = i64::from((today + 7 - weekday) % 7);
    let ahead = i64::from((weekday + 7 - today) % 7);
    let offset = match pick {
        Pick::OnOrBefore => -back,
        Pick::Before => -(if back == 0 { 7 } else { back }),
        Pick::OnOrAfter => ahead,
        Pick::After => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        Pick::Nearest => {
            if back <= ahead {
                -back
            } else {
                ahead
            }
        }
    };
    anchor.checked_add_signed(Duration::days(offset))
}

/// The Monday of the ISO week holding `date`.
pub(crate) fn monday_of(date: NaiveDate) -> Option<NaiveDate> {
    let back = i64::from(date.weekday().num_days_from_monday());
    date.checked_sub_signed(Duration::days(back))
}

pub(crate) use tessera_doc::{add_days, shift_month};

/// The year in which `month` (and `day`, when given) falls relative to `anchor` as `pick` says.
/// For `Nearest` the past is preferred, as for a bare month.
pub(crate) fn year_for(anchor: NaiveDate, month: u32, day: Option<u32>, pick: Pick) -> i32 {
    use std::cmp::Ordering::{Greater, Less};
    let order = match day {
        Some(day) => (month, day).cmp(&(anchor.month(), anchor.day())),
        None => month.cmp(&anchor.month()),
    };
    let year = anchor.year();
    match pick {
        Pick::OnOrBefore | Pick::Nearest => {
            if order != Greater {
                year
            } else {
                year - 1
            }
        }
        Pick::Before => {
            if order == Less {
                year
            } else {
                year - 1
            }
        }
        Pick::OnOrAfter => {
            if order != Less {
                year
            } else {
                year + 1
            }
        }
        Pick::After => {
            if order == Greater {
                year
            } else {
                year + 1
            }
        }
    }
}

/// A two-digit year read in a 1950–2049 window.
pub(crate) fn expand_two_digit_year(year: i32) -> i32 {
    if year < 50 { 2000 + year } else { 1900 + year }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn weekdays_across_month_and_year_boundaries() {
        // Thursday 2026-01-01: the previous Monday is in 2025.
        assert_eq!(
            weekday_from(date(2026, 1, 1), 0, Pick::OnOrBefore),
            Some(date(2025, 12, 29))
        );
        // Saturday 2026-02-28: the next Monday is in March.
        assert_eq!(
            weekday_from(date(2026, 2, 28), 0, Pick::After),
            Some(date(2026, 3, 2))
        );
        // Same weekday: kept for OnOrBefore/OnOrAfter/Nearest, a week away for Before/After.
        let tuesday = date(2026, 2, 24);
        assert_eq!(weekday_from(tuesday, 1, Pick::OnOrBefore), Some(tuesday));
        assert_eq!(
            weekday_from(tuesday, 1, Pick::Before),
            Some(date(2026, 2, 17))
        );
        assert_eq!(
            weekday_from(tuesday, 1, Pick::After),
            Some(date(2026, 3, 3))
        );
        assert_eq!(weekday_from(tuesday, 1, Pick::Nearest), Some(tuesday));
        // Nearest Sunday from a Tuesday is two days back, nearest Thursday two days ahead.
        assert_eq!(
            weekday_from(tuesday, 6, Pick::Nearest),
            Some(date(2026, 2, 22))
        );
        assert_eq!(
            weekday_from(tuesday, 3, Pick::Nearest),
            Some(date(2026, 2, 26))
        );
    }

    #[test]
    fn month_shifts_wrap_years() {
        assert_eq!(shift_month(2026, 1, -1), (2025, 12));
        assert_eq!(shift_month(2025, 12, 1), (2026, 1));
        assert_eq!(shift_month(2026, 3, -15), (2024, 12));
    }

    #[test]
    fn years_for_months_without_one() {
        let anchor = date(2026, 2, 24);
        assert_eq!(year_for(anchor, 3, None, Pick::OnOrBefore), 2025);
        assert_eq!(year_for(anchor, 2, None, Pick::OnOrBefore), 2026);
        assert_eq!(year_for(anchor, 3, None, Pick::OnOrAfter), 2026);
        assert_eq!(year_for(anchor, 2, None, Pick::Before), 2025);
        assert_eq!(year_for(anchor, 2, None, Pick::After), 2027);
        assert_eq!(year_for(anchor, 2, Some(25), Pick::OnOrBefore), 2025);
        assert_eq!(year_for(anchor, 2, Some(24), Pick::OnOrBefore), 2026);
        assert_eq!(year_for(anchor, 1, Some(5), Pick::OnOrAfter), 2027);
    }

    #[test]
    fn monday_of_a_sunday_is_six_days_back() {
        assert_eq!(monday_of(date(2026, 3, 1)), Some(date(2026, 2, 23)));
    }
}
