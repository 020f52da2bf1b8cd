//! The values layer: dates (resolved against the publication date) and numbers found by rules,
//! kept in the document so every later stage reads the same ones.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::DatePrecision as Precision;

/// The dates and numbers of one document, in text order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Values {
    pub dates: Vec<DateMention>,
    pub numbers: Vec<NumberMention>,
}

/// `date` moved by `days` (none past the calendar's range).
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Duration::days(days))
}

/// `(year, month)` moved by `delta` months.
pub fn shift_month(year: i32, month: u32, delta: i32) -> (i32, u32) {
    let index = year * 12 + (month as i32 - 1) + delta;
    (index.div_euclid(12), index.rem_euclid(12) as u32 + 1)
}

/// A date resolved to the calendar. `value` is `YYYY-MM-DD` for [`Precision::Day`] and
/// [`Precision::Week`] (the week's Monday), `YYYY-MM` for a month and `YYYY` for a year.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResolvedDate {
    pub value: String,
    pub precision: Precision,
}

/// Why a [`ResolvedDate`] could not be read back into calendar days.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("resolved date {value:?} is not a valid {precision:?}-precision value")]
pub struct ResolvedDateError {
    pub value: String,
    pub precision: Precision,
}

impl ResolvedDate {
    pub fn day(date: NaiveDate) -> ResolvedDate {
        ResolvedDate {
            value: date.format("%Y-%m-%d").to_string(),
            precision: Precision::Day,
        }
    }

    /// The week holding `monday` (which the caller has made a Monday).
    pub fn week(monday: NaiveDate) -> ResolvedDate {
        ResolvedDate {
            value: monday.format("%Y-%m-%d").to_string(),
            precision: Precision::Week,
        }
    }

    pub fn month(year: i32, month: u32) -> ResolvedDate {
        ResolvedDate {
            value: format!("{year:04}-{month:02}"),
            precision: Precision::Month,
        }
    }

    pub fn year(year: i32) -> ResolvedDate {
        ResolvedDate {
            value: format!("{year:04}"),
            precision: Precision::Year,
        }
    }

    /// The first and last calendar day the value covers (inclusive), for comparing dates of
    /// different precision (a day falls inside a month, two weeks overlap or not).
    pub fn day_range(&self) -> Result<(NaiveDate, NaiveDate), ResolvedDateError> {
        let error = || ResolvedDateError {
            value: self.value.clone(),
            precision: self.precision,
        };
        let mut parts = self.value.splitn(3, '-');
        let year: i32 = parts
            .next()
            .and_then(|p| p.parse().ok())
            .ok_or_else(error)?;
        let month: Option<u32> = parts
            .next()
            .map(|p| p.parse().map_err(|_| error()))
            .transpose()?;
        let day: Option<u32> = parts
            .next()
            .map(|p| p.parse().map_err(|_| error()))
            .transpose()?;
        let range = match (self.precision, month, day) {
            (Precision::Day, Some(m), Some(d)) => {
                NaiveDate::from_ymd_opt(year, m, d).map(|date| (date, date))
            }
            (Precision::Week, Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d)
                .filter(|date| date.weekday() == chrono::Weekday::Mon)
                .and_then(|date| Some((date, add_days(date, 6)?))),
            (Precision::Month, Some(m), None) => {
                let (next_year, next_month) = shift_month(year, m, 1);
                NaiveDate::from_ymd_opt(year, m, 1).zip(
                    NaiveDate::from_ymd_opt(next_year, next_month, 1)
                        .and_then(|first| add_days(first, -1)),
                )
            }
            (Precision::Year, None, None) => {
                NaiveDate::from_ymd_opt(year, 1, 1).zip(NaiveDate::from_ymd_opt(year, 12, 31))
            }
            _ => None,
        };
        range.ok_or_else(error)
    }
}

/// Whether the words place a date before or after the moment of writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Past,
    Future,
    Unknown,
}

/// A date expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// Byte span into the text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The calendar date, when it can be known (relative expressions need a publication date).
    pub resolved: Option<ResolvedDate>,
    /// What the words say about past or future ("last", "el próximo", "will", tense).
    pub direction: Direction,
    /// Whether the value depends on the publication date ("Sunday", "ayer", "March 3").
    pub relative: bool,
}

/// How exactly a number is stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    Exact,
    /// "at least 14", "more than 300", "al menos", "más de".
    AtLeast,
    /// "up to 20", "less than 5", "hasta", "menos de".
    AtMost,
    /// "about 40", "some 40", "unos 40", "alrededor de", "casi".
    About,
    /// No figure: "dozens", "decenas", "hundreds", "several", "varios".
    Vague,
}

/// What a number measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumberKind {
    Count,
    /// An amount of money. `currency` is an ISO 4217 code where the words settle it ("USD",
    /// "EUR", "GBP", "MXN", ...), else the sign or word as written, lower-cased (`"$"`,
    /// `"pesos"`): `$` alone is dollars in US text and pesos in much Latin American text.
    Money {
        currency: String,
    },
    Percent,
    Ordinal,
    /// A calendar year in a date context ("in 2009", "marzo de 2025", "the 2009 election").
    Year,
}

/// A number or amount expression found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// Byte span into the text: the quantity words, the currency and the figure, not the noun.
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The figure (`None` for vague quantities).
    pub value: Option<f64>,
    pub quantity: Quantity,
    pub kind: NumberKind,
    /// The counted noun when it follows: "people", "elementos", "cartuchos".
    pub unit: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn day_ranges_cover_the_precision() {
        let month = ResolvedDate::month(2024, 2);
        assert_eq!(month.day_range(), Ok((date(2024, 2, 1), date(2024, 2, 29))));
        let week = ResolvedDate::week(date(2025, 12, 29));
        assert_eq!(week.day_range(), Ok((date(2025, 12, 29), date(2026, 1, 4))));
        let year = ResolvedDate::year(2009);
        assert_eq!(year.day_range(), Ok((date(2009, 1, 1), date(2009, 12, 31))));
        let day = ResolvedDate::day(date(2026, 2, 22));
        assert_eq!(day.value, "2026-02-22");
        assert_eq!(day.day_range(), Ok((date(2026, 2, 22), date(2026, 2, 22))));
    }

    #[test]
    fn malformed_values_are_errors() {
        let bad = ResolvedDate {
            value: "2026-13".into(),
            precision: Precision::Month,
        };
        assert!(bad.day_range().is_err());
        let not_monday = ResolvedDate {
            value: "2026-02-24".into(),
            precision: Precision::Week,
        };
        assert!(not_monday.day_range().is_err());
        let mismatch = ResolvedDate {
            value: "2026".into(),
            precision: Precision::Day,
        };
        let error = mismatch.day_range().unwrap_err();
        assert!(error.to_string().contains("\"2026\""));
    }

    #[test]
    fn enums_serialise_lowercase() {
        let resolved = ResolvedDate::week(date(2026, 2, 23));
        let json = serde_json::to_string(&resolved).unwrap_or_default();
        assert_eq!(json, r#"{"value":"2026-02-23","precision":"week"}"#);
        let kind = NumberKind::Money {
            currency: "USD".into(),
        };
        assert_eq!(
            serde_json::to_string(&kind).unwrap_or_default(),
            r#"{"money":{"currency":"USD"}}"#
        );
        assert_eq!(
            serde_json::to_string(&Quantity::AtLeast).unwrap_or_default(),
            r#""at_least""#
        );
    }
}
