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
