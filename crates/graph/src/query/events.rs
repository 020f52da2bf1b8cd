//! Event clusters by type, mode, place, time, participant, certainty, corroboration and words.

use crate::ClusterRecord;
use crate::clusters::distance_km;
use crate::error::{Doing, GraphError};
use rusqlite::Connection;
use rusqlite::types::Value;

/// The filters of `tessera events`; every one that is set must hold.
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    pub kind: Option<String>,
    pub mode: Option<String>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    /// The gazetteer's admin1 code, or the state's name.
    pub admin1: Option<String>,
    pub near: Option<(f64, f64)>,
    pub km: f64,
    /// YYYY-MM-DD, inclusive.
    pub since: Option<String>,
    pub until: Option<String>,
    /// A graph entity that is an actor of the cluster.
    pub actor: Option<i64>,
    /// confirmed > reported > alleged > denied.
    pub min_certainty: Option<String>,
    pub min_corroboration: Option<u32>,
    /// Words the clusters' documents must contain (full-text syntax of `tessera search`).
    pub query: Option<String>,
    pub limit: usize,
}

/// Where a place entity is, and what kind of place it is: what "events at this place" means.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceScope {
    pub lat: f64,
    pub lon: f64,
    pub country: Option<String>,
    pub admin1: Option<String>,
    /// The gazetteer's feature class: `admin1`, `country`, `city`...
    pub feature: Option<String>,
}

impl PlaceScope {
    pub fn of(conn: &Connection, place: i64) -> Result<Self, GraphError> {
        let found = conn.query_row(
            "SELECT g.lat, g.lon, p.country, p.admin1, p.feature FROM graph_entities g
             LEFT JOIN places p ON p.geonames_id = g.geonames_id
             WHERE g.id = ?1 LIMIT 1",
            [place],
            |r| {
                Ok((
                    r.get::<_, Option<f64>>(0)?,
                    r.get::<_, Option<f64>>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            },
        );
        match found {
            Ok((Some(lat), Some(lon), country, admin1, feature)) => Ok(PlaceScope {
                lat,
                lon,
                country,
                admin1,
                feature,
            }),
            Ok(_) | Err(rusqlite::Error::QueryReturnedNoRows) => Err(GraphError::Invalid(format!(
                "E{place} is not a place with coordinates; give a geocoded place"
            ))),
            Err(source) => Err(GraphError::Query {
                doing: "looking up a place",
                source,
            }),
        }
    }
}

impl EventFilter {
    /// The clusters at a place: within its state when it is a state, its country when a
    /// country, else within `km` of it.
    pub fn at_place(conn: &Connection, place: i64, km: f64) -> Result<Self, GraphError> {
        let scope = PlaceScope::of(conn, place)?;
        let mut filter = EventFilter {
            limit: usize::MAX,
            km,
            ..EventFilter::default()
        };
        match (scope.feature.as_deref(), scope.country, scope.admin1) {
            (Some("admin1"), Some(country), Some(admin1)) => {
                filter.admin1 = Some(admin1);
                filter.country = Some(country);
            }
            (Some("country"), Some(country), _) => filter.country = Some(country),
            _ => filter.near = Some((scope.lat, scope.lon)),
        }
        Ok(filter)
    }
}

const CERTAINTY_ORDER: &[&str] = &["confirmed", "reported", "alleged", "denied"];

/// The SQL condition (over `clusters c`) that `filter` sets, its parameters numbered from 1;
/// the radius of `near` is a box here, checked exactly by the caller.
pub(crate) fn condition(
    conn: &Connection,
    filter: &EventFilter,
) -> Result<(String, Vec<Value>), GraphError> {
    let mut clauses: Vec<String> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    let mut push = |clause: &str, value: Value, clauses: &mut Vec<String>| {
        values.push(value);
        clauses.push(clause.replace('?', &format!("?{}", values.len())));
    };
    if let Some(kind) = &filter.kind {
        push("c.type = ?", Value::Text(kind.to_uppercase()), &mut clauses);
    }
    if let Some(mode) = &filter.mode {
        push("c.mode = ?", Value::Text(mode.to_lowercase()), &mut clauses);
    }
    if let Some(country) = &filter.country {
        push(
            "c.country = ?",
            Value::Text(country.to_uppercase()),
            &mut clauses,
        );
    }
    if let Some(admin1) = &filter.admin1 {
        match admin1_code(conn, admin1)? {
            Some((country, code)) => {
                push("c.country = ?", Value::Text(country), &mut clauses);
                push("c.admin1 = ?", Value::Text(code), &mut clauses);
            }
            None => push("c.admin1 = ?", Value::Text(admin1.clone()), &mut clauses),
        }
    }
    if let Some((lat, lon)) = filter.near {
        let dlat = filter.km / 111.0;
        let dlon = filter.km / (111.0 * lat.to_radians().cos().abs().max(0.01));
        // The grid cells the box covers (an indexed look-up), then the box, then the radius.
        let cells: Vec<i64> = {
            let (lat0, lat1) = ((lat - dlat).max(-90.0), (lat + dlat).min(89.999));
            let (lon0, lon1) = ((lon - dlon).max(-180.0), (lon + dlon).min(179.999));
            let rows = (lat0.floor() as i64)..=(lat1.floor() as i64);
            let cols = (lon0.floor() as i64)..=(lon1.floor() as i64);
            rows.flat_map(|r| {
                cols.clone()
                    .map(move |c| crate::clusters::cell(r as f64, c as f64))
            })
            .collect()
        };
        if cells.len() <= 400 {
            clauses.push(format!(
                "c.cell IN ({})",
                cells
                    .iter()
                    .map(i64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        push("c.lat >= ?", Value::Real(lat - dlat), &mut clauses);
        push("c.lat <= ?", Value::Real(lat + dlat), &mut clauses);
        push("c.lon >= ?", Value::Real(lon - dlon), &mut clauses);
        push("c.lon <= ?", Value::Real(lon + dlon), &mut clauses);
    }
    if let Some(since) = &filter.since {
        push("c.date >= ?", Value::Text(since.clone()), &mut clauses);
    }
    if let Some(until) = &filter.until {
        // A day, month or year that starts on or before `until`.
        push(
            "c.date <= ? || '~'",
            Value::Text(until.clone()),
            &mut clauses,
        );
    }
    if let Some(actor) = filter.actor {
        push(
            "c.id IN (SELECT cluster FROM cluster_participants WHERE entity = ? AND role = 'actor')",
            Value::Integer(actor),
            &mut clauses,
        );
    }
    if let Some(min) = &filter.min_certainty {
        let at = CERTAINTY_ORDER
            .iter()
            .position(|c| *c == min.to_lowercase())
            .ok_or_else(|| {
                GraphError::Invalid(format!(
                    "certainty {min:?} is not one of confirmed, reported, alleged, denied"
                ))
            })?;
        let allowed = CERTAINTY_ORDER[..=at]
            .iter()
            .map(|c| format!("'{c}'"))
            .collect::<Vec<_>>()
            .join(", ");
        clauses.push(format!("c.certainty IN ({allowed})"));
    }
    if let Some(min) = filter.min_corroboration {
        push(
            "c.corroboration >= ?",
            Value::Integer(min as i64),
            &mut clauses,
        );
    }
    if let Some(words) = &filter.query {
        let expression = tessera_store::fts_expression(words).ok_or_else(|| {
            GraphError::Invalid(format!("query {words:?} has nothing to search for"))
        })?;
        push(
            "c.id IN (SELECT cluster FROM cluster_reports WHERE doc IN
                (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?))",
            Value::Text(expression),
            &mut clauses,
        );
    }
    let condition = if clauses.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", clauses.join(" AND "))
    };
    Ok((condition, values))
}

/// Clusters matching `filter`, latest first.
pub fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<ClusterRecord>, GraphError> {
    let (condition, values) = condition(conn, filter)?;
    let sql = format!(
        "SELECT c.record, c.lat, c.lon FROM clusters c {condition} ORDER BY c.date DESC, c.id DESC LIMIT {}",
        // The radius is checked after the box, so fetch more when it is set.
        // SQLite's LIMIT is a signed 64-bit integer; "no limit" (usize::MAX) must stay inside.
        if filter.near.is_some() {
            filter.limit.saturating_mul(4).max(100)
        } else {
            filter.limit
        }
        .min(i64::MAX as usize)
    );
    let mut stmt = conn.prepare(&sql).doing("preparing an event query")?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values), |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<f64>>(1)?,
                r.get::<_, Option<f64>>(2)?,
            ))
        })
        .doing("querying events")?;
    let mut out = Vec::new();
    for row in rows {
        let (record, lat, lon) = row.doing("reading an event cluster")?;
        if let (Some((clat, clon)), Some(lat), Some(lon)) = (filter.near, lat, lon)
            && distance_km((clat, clon), (lat, lon)) > filter.km
        {
            continue;
        }
        let record: ClusterRecord = serde_json::from_str(&record)
            .map_err(|e| GraphError::Invalid(format!("a stored cluster is unreadable: {e}")))?;
        out.push(record);
        if out.len() >= filter.limit {
            break;
        }
    }
    Ok(out)
}

/// The words a report of a cluster rests on: `event` as the record names it (`v1` is the
/// document's first event). `None` when the document or event is gone.
pub fn report_evidence(
    conn: &Connection,
    document: &str,
    event: &str,
) -> Result<Option<String>, GraphError> {
    let Some(index) = event.strip_prefix('v').and_then(|n| n.parse::<i64>().ok()) else {
        return Ok(None);
    };
    let sql = format!(
        "SELECT {} FROM events e JOIN documents d ON d.rowid = e.doc WHERE d.id = ?1 AND e.idx = ?2",
        super::profile::evidence("e.evidence_start", "e.evidence_end")
    );
    let found = conn
        .prepare_cached(&sql)
        .doing("preparing an evidence look-up")?
        .query_row(rusqlite::params![document, index - 1], |r| {
            r.get::<_, Option<String>>(0)
        });
    match found {
        Ok(words) => Ok(words),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(source) => Err(GraphError::Query {
            doing: "reading evidence",
            source,
        }),
    }
}

/// One cluster by id (`C12` or `12`).
pub fn cluster(conn: &Connection, id: &str) -> Result<Option<ClusterRecord>, GraphError> {
    let Some(n) = id
        .strip_prefix(['C', 'c'])
        .unwrap_or(id)
        .parse::<i64>()
        .ok()
    else {
        return Ok(None);
    };
    let record: Option<String> = conn
        .query_row("SELECT record FROM clusters WHERE id = ?1", [n], |r| {
            r.get(0)
        })
        .ok();
    record
        .map(|r| {
            serde_json::from_str(&r)
                .map_err(|e| GraphError::Invalid(format!("a stored cluster is unreadable: {e}")))
        })
        .transpose()
}

/// The country and admin1 code of a first-level division named `name` in the store (a state
/// the documents mention), or `None` when the name is not one (it is then taken as a code).
fn admin1_code(conn: &Connection, name: &str) -> Result<Option<(String, String)>, GraphError> {
    let key = format!("n:{}", crate::names::fold(name));
    conn.query_row(
        "SELECT p.country, p.admin1 FROM graph_names n
         JOIN graph_entities g ON g.id = n.entity
         JOIN places p ON p.geonames_id = g.geonames_id
         WHERE n.key = ?1 AND g.kind = 'LOC' AND p.feature = 'admin1'
           AND p.country IS NOT NULL AND p.admin1 IS NOT NULL
         LIMIT 1",
        [key],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .map(Some)
    .or_else(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => Ok(None),
        e => Err(e),
    })
    .doing("looking up a state")
}

/// The ids (`C12`) of every cluster `filter` selects, its limit aside, without reading their
/// records: to narrow another list (a timeline) to the clusters a filter keeps.
pub fn cluster_ids(
    conn: &Connection,
    filter: &EventFilter,
) -> Result<std::collections::HashSet<String>, GraphError> {
    let (condition, values) = condition(conn, filter)?;
    let sql = format!("SELECT c.id, c.lat, c.lon FROM clusters c {condition}");
    let mut stmt = conn.prepare(&sql).doing("preparing an event query")?;
    let rows = stmt
        .query_map(rusqlite::params_from_iter(values), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, Option<f64>>(1)?,
                r.get::<_, Option<f64>>(2)?,
            ))
        })
        .doing("querying events")?;
    let mut ids = std::collections::HashSet::new();
    for row in rows {
        let (id, lat, lon) = row.doing("reading an event cluster")?;
        if let (Some(centre), Some(lat), Some(lon)) = (filter.near, lat, lon)
            && distance_km(centre, (lat, lon)) > filter.km
        {
            continue;
        }
        ids.insert(format!("C{id}"));
    }
    Ok(ids)
}
