//! Counts of event clusters grouped for charts: `tessera stats events --by admin1,week,type`.

use crate::error::{Doing, GraphError};
use rusqlite::Connection;
use serde::Serialize;

/// What clusters can be grouped by.
pub const DIMENSIONS: &[(&str, &str)] = &[
    ("type", "c.type"),
    ("mode", "COALESCE(c.mode, '')"),
    ("country", "COALESCE(c.country, '')"),
    ("admin1", "COALESCE(c.country || '.' || c.admin1, '')"),
    ("day", "COALESCE(substr(c.date, 1, 10), '')"),
    (
        "week",
        "COALESCE(strftime('%Y-W%W', c.date), substr(c.date, 1, 7), '')",
    ),
    ("month", "COALESCE(substr(c.date, 1, 7), '')"),
    ("year", "COALESCE(substr(c.date, 1, 4), '')"),
    ("certainty", "c.certainty"),
    ("credibility", "c.credibility"),
];

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    pub key: Vec<String>,
    pub clusters: i64,
    pub reports: i64,
    pub fatalities: i64,
}

/// Clusters, their reports and best fatality counts per group.
pub fn event_counts(conn: &Connection, by: &[String]) -> Result<Vec<Group>, GraphError> {
    let mut columns = Vec::new();
    for name in by {
        let Some((_, sql)) = DIMENSIONS.iter().find(|(n, _)| n == name) else {
            return Err(GraphError::Invalid(format!(
                "cannot group by {name:?}; use {}",
                DIMENSIONS
                    .iter()
                    .map(|d| d.0)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        };
        columns.push(format!("CAST({sql} AS TEXT)"));
    }
    let key = if columns.is_empty() {
        "''".to_string()
    } else {
        columns.join(" || char(31) || ")
    };
    let sql = format!(
        "SELECT {key} AS k, COUNT(*), SUM(c.reports), COALESCE(SUM(c.fatalities), 0)
         FROM clusters c GROUP BY k ORDER BY k"
    );
    let mut stmt = conn.prepare(&sql).doing("preparing event counts")?;
    let rows = stmt
        .query_map([], |r| {
            let key: String = r.get(0)?;
            Ok(Group {
                key: if by.is_empty() {
                    Vec::new()
                } else {
                    key.split('\u{1f}').map(str::to_string).collect()
                },
                clusters: r.get(1)?,
                reports: r.get(2)?,
                fatalities: r.get(3)?,
            })
        })
        .doing("counting events")?;
    rows.collect::<Result<Vec<_>, _>>().doing("counting events")
}

/// What [`event_totals`] groups by.
pub const TOTALS_BY: &[&str] = &["country", "admin1", "week", "month", "type"];

/// One group of [`event_totals`]: its clusters, their reports and best fatality counts, and the
/// mean of their points (where a count layer draws it).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Total {
    /// The country code, the state's name, the Monday of the week or the first of the month
    /// (YYYY-MM-DD), or the type.
    pub key: String,
    /// The state's country, for `admin1`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub clusters: u64,
    pub reports: u64,
    pub fatalities: u64,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    #[serde(skip)]
    points: u64,
}

/// The clusters `filter` selects (its limit aside), counted by `by` (one of [`TOTALS_BY`]).
/// Only a few columns of each cluster are read, never its whole record, so memory stays with
/// the number of groups.
pub fn event_totals(
    conn: &Connection,
    filter: &super::EventFilter,
    by: &str,
) -> Result<Vec<Total>, GraphError> {
    if !TOTALS_BY.contains(&by) {
        return Err(GraphError::Invalid(format!(
            "cannot count by {by:?}; use {}",
            TOTALS_BY.join(", ")
        )));
    }
    let (condition, values) = super::events::condition(conn, filter)?;
    // The state's name is in the record only: read it (a JSON parse per cluster) only when
    // it is the key.
    let admin1 = if by == "admin1" {
        "json_extract(c.record, '$.place.admin1')"
    } else {
        "NULL"
    };
    let sql = format!(
        "SELECT c.type, c.country, {admin1}, c.date, c.lat, c.lon, c.reports, c.fatalities
         FROM clusters c {condition}"
    );
    let mut stmt = conn.prepare(&sql).doing("preparing event totals")?;
    let mut rows = stmt
        .query(rusqlite::params_from_iter(values))
        .doing("counting events")?;
    let mut groups: std::collections::BTreeMap<(String, Option<String>), Total> =
        std::collections::BTreeMap::new();
    while let Some(r) = rows.next().doing("counting events")? {
        let kind: String = r.get(0).doing("reading a cluster")?;
        let country: Option<String> = r.get(1).doing("reading a cluster")?;
        let admin1: Option<String> = r.get(2).doing("reading a cluster")?;
        let date: Option<String> = r.get(3).doing("reading a cluster")?;
        let point = match (r.get::<_, Option<f64>>(4), r.get::<_, Option<f64>>(5)) {
            (Ok(Some(lat)), Ok(Some(lon))) => Some((lat, lon)),
            _ => None,
        };
        if let (Some(centre), Some(p)) = (filter.near, point)
            && crate::clusters::distance_km(centre, p) > filter.km
        {
            continue;
        }
        let day = date
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
        let (key, group_country) = match by {
            "country" => (country, None),
            "admin1" => (admin1, country),
            "week" => (day.map(|d| period_start(d, true)), None),
            "month" => (day.map(|d| period_start(d, false)), None),
            _ => (Some(kind), None),
        };
        let Some(key) = key else { continue };
        let total = groups
            .entry((key.clone(), group_country.clone()))
            .or_insert_with(|| Total {
                key,
                country: group_country,
                ..Total::default()
            });
        total.clusters += 1;
        total.reports += r.get::<_, i64>(6).unwrap_or(0).max(0) as u64;
        total.fatalities += r
            .get::<_, Option<i64>>(7)
            .ok()
            .flatten()
            .unwrap_or(0)
            .max(0) as u64;
        if let Some((lat, lon)) = point {
            let n = total.points as f64;
            total.lat = Some((total.lat.unwrap_or(0.0) * n + lat) / (n + 1.0));
            total.lon = Some((total.lon.unwrap_or(0.0) * n + lon) / (n + 1.0));
            total.points += 1;
        }
    }
    Ok(groups.into_values().collect())
}

/// The Monday of `date`'s ISO week, or the first of its month, as YYYY-MM-DD.
fn period_start(date: chrono::NaiveDate, week: bool) -> String {
    use chrono::Datelike;
    let start = if week {
        date - chrono::Days::new(u64::from(date.weekday().num_days_from_monday()))
    } else {
        date.with_day(1).unwrap_or(date)
    };
    start.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_start_on_monday_and_the_first() {
        let sunday = chrono::NaiveDate::from_ymd_opt(2026, 2, 22).unwrap_or_default();
        assert_eq!(period_start(sunday, true), "2026-02-16");
        assert_eq!(period_start(sunday, false), "2026-02-01");
    }
}
