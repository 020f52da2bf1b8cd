//! Publication dates as articles and feeds write them.

use chrono::{DateTime, NaiveDate};

/// Reads a publication date: `YYYY-MM-DD` (also with `/`), any ISO 8601 / RFC 3339 datetime
/// that starts with one (`1987-02-26T15:01:01`, `2024-05-01 10:00:00+02:00`), or an RFC 2822
/// date (`Tue, 24 Feb 2026 10:00:00 +0000`). The date is the calendar day as written, not moved
/// to UTC: that is the day the outlet says it published. `None` when nothing fits.
pub(crate) fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Some(date) = iso_date_prefix(text) {
        return Some(date);
    }
    DateTime::parse_from_rfc2822(text)
        .ok()
        .map(|datetime| datetime.date_naive())
}

/// A `YYYY-MM-DD` or `YYYY/MM/DD` date at the start of `text`, followed by nothing, a `T` or a
/// space (a time), as ISO 8601 writes it.
fn iso_date_prefix(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let date_part = bytes.get(..10)?;
    let separator = date_part[4];
    let shape_ok = (separator == b'-' || separator == b'/')
        && date_part[7] == separator
        && date_part
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return None;
    }
    match bytes.get(10) {
        None | Some(b'T' | b't' | b' ') => {}
        Some(_) => return None,
    }
    let number = |range: std::ops::Range<usize>| -> Option<u32> { text.get(range)?.parse().ok() };
    NaiveDate::from_ymd_opt(
        i32::try_from(number(0..4)?).ok()?,
        number(5..7)?,
        number(8..10)?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn accepts_iso_dates_and_datetimes() {
        assert_eq!(parse_date("2026-02-24"), ymd(2026, 2, 24));
        assert_eq!(parse_date("1987-02-26T15:01:01"), ymd(1987, 2, 26));
        assert_eq!(parse_date("2024-05-01T23:30:00-05:00"), ymd(2024, 5, 1));
        assert_eq!(parse_date("2024-05-01 10:00:00"), ymd(2024, 5, 1));
        assert_eq!(parse_date(" 2024/12/31 "), ymd(2024, 12, 31));
    }

    #[test]
    fn accepts_rfc2822_as_written() {
        assert_eq!(
            parse_date("Tue, 24 Feb 2026 23:10:00 -0600"),
            ymd(2026, 2, 24)
        );
        assert_eq!(parse_date("24 Feb 2026 10:00:00 GMT"), ymd(2026, 2, 24));
    }

    #[test]
    fn rejects_what_is_not_a_date() {
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2026-02-245"), None);
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2026-2-4"), None);
        assert_eq!(parse_date("ünïcödé-x"), None);
    }
}
