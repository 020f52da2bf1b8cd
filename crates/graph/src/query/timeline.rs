//! Dated clusters and facts about an entity or a place, in order.

use super::profile::evidence;
use crate::error::{Doing, GraphError};
use rusqlite::{Connection, params};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Item {
    pub date: Option<String>,
    /// `event`, `role` or `relation`.
    pub kind: String,
    /// The cluster id for events.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster: Option<String>,
    pub summary: String,
    pub documents: Vec<String>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub evidence: String,
}

const LIMIT: i64 = 500;

/// Everything dated about an entity: the clusters it takes part in (by the event's date) and its
/// roles and relations (by their document's publication date).
pub fn of_entity(conn: &Connection, id: i64) -> Result<Vec<Item>, GraphError> {
    let mut items = clusters(
        conn,
        "SELECT c.id, c.date, c.type, c.mode, json_extract(c.record, '$.place.name'),
                json_extract(c.record, '$.documents'), p.role, c.fatalities
         FROM cluster_participants p JOIN clusters c ON c.id = p.cluster
         WHERE p.entity = ?1 ORDER BY c.date LIMIT ?2",
        params![id, LIMIT],
    )?;
    let sql = format!(
        "SELECT d.published, 'role', r.title || COALESCE(' (' || eo.name || ')', ''), d.id, {role}
         FROM entity_links l JOIN roles r ON r.doc = l.doc AND r.entity = l.entity
         JOIN documents d ON d.rowid = l.doc
         LEFT JOIN entities eo ON eo.doc = r.doc AND eo.idx = r.org
         WHERE l.graph = ?1
         UNION ALL
         SELECT d.published, 'relation', r.predicate || ' ' || COALESCE(eo.name, r.object_value, ''),
                d.id, {rel}
         FROM entity_links l JOIN relations r ON r.doc = l.doc AND r.subject = l.entity
         JOIN documents d ON d.rowid = l.doc
         LEFT JOIN entities eo ON eo.doc = r.doc AND eo.idx = r.object_entity
         WHERE l.graph = ?1 AND r.predicate != 'holds_role'
         LIMIT ?2",
        role = evidence("r.evidence_start", "r.evidence_end"),
        rel = evidence("r.evidence_start", "r.evidence_end"),
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .doing("preparing an entity's facts")?;
    let rows = stmt
        .query_map(params![id, LIMIT], |r| {
            Ok(Item {
                date: r.get(0)?,
                kind: r.get(1)?,
                cluster: None,
                summary: r.get(2)?,
                documents: vec![r.get(3)?],
                evidence: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            })
        })
        .doing("reading an entity's facts")?;
    for row in rows {
        items.push(row.doing("reading a fact")?);
    }
    items.sort_by(|a, b| a.date.cmp(&b.date).then(a.kind.cmp(&b.kind)));
    Ok(items)
}

/// The clusters at a place: within its state when it is a state, its country when a country,
/// else within `km` of it.
pub fn of_place(conn: &Connection, place: i64, km: f64) -> Result<Vec<Item>, GraphError> {
    let super::events::PlaceScope {
        lat,
        lon,
        country,
        admin1,
        feature,
    } = super::events::PlaceScope::of(conn, place)?;
    const COLUMNS: &str =
        "SELECT c.id, c.date, c.type, c.mode, json_extract(c.record, '$.place.name'),
            json_extract(c.record, '$.documents'), NULL, c.fatalities FROM clusters c";
    match feature.as_deref() {
        Some("admin1") => clusters(
            conn,
            &format!("{COLUMNS} WHERE c.country = ?1 AND c.admin1 = ?2 ORDER BY c.date LIMIT ?3"),
            params![country, admin1, LIMIT],
        ),
        Some("country") => clusters(
            conn,
            &format!("{COLUMNS} WHERE c.country = ?1 ORDER BY c.date LIMIT ?2"),
            params![country, LIMIT],
        ),
        _ => {
            let dlat = km / 111.0;
            let dlon = km / (111.0 * lat.to_radians().cos().abs().max(0.01));
            clusters(
                conn,
                &format!(
                    "{COLUMNS} WHERE c.lat BETWEEN ?1 AND ?2 AND c.lon BETWEEN ?3 AND ?4
                     ORDER BY c.date LIMIT ?5"
                ),
                params![lat - dlat, lat + dlat, lon - dlon, lon + dlon, LIMIT],
            )
        }
    }
}

fn clusters(
    conn: &Connection,
    sql: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Item>, GraphError> {
    let mut stmt = conn.prepare_cached(sql).doing("preparing a timeline")?;
    let rows = stmt
        .query_map(params, |r| {
            let kind: String = r.get(2)?;
            let mode: Option<String> = r.get(3)?;
            let place: Option<String> = r.get(4)?;
            let documents: Option<String> = r.get(5)?;
            let role: Option<String> = r.get(6)?;
            let fatalities: Option<i64> = r.get(7)?;
            let summary = summary(
                kind,
                mode.as_deref(),
                place.as_deref(),
                fatalities,
                role.as_deref(),
            );
            Ok(Item {
                date: r.get(1)?,
                kind: "event".into(),
                cluster: Some(format!("C{}", r.get::<_, i64>(0)?)),
                summary,
                documents: documents
                    .and_then(|d| serde_json::from_str(&d).ok())
                    .unwrap_or_default(),
                evidence: String::new(),
            })
        })
        .doing("reading a timeline")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading a timeline")
}

/// "TYPE (mode) in Place, N killed [role]", as a timeline line says what happened.
fn summary(
    kind: String,
    mode: Option<&str>,
    place: Option<&str>,
    fatalities: Option<i64>,
    role: Option<&str>,
) -> String {
    let mut summary = kind;
    if let Some(mode) = mode {
        summary.push_str(&format!(" ({mode})"));
    }
    if let Some(place) = place {
        summary.push_str(&format!(" in {place}"));
    }
    if let Some(n) = fatalities {
        summary.push_str(&format!(", {n} killed"));
    }
    if let Some(role) = role {
        summary.push_str(&format!(" [{role}]"));
    }
    summary
}

/// The clusters a filter selected, as timeline items in date order (undated last).
pub fn of_clusters(records: &[crate::ClusterRecord]) -> Vec<Item> {
    let mut items: Vec<Item> = records
        .iter()
        .map(|c| Item {
            date: c.date.as_ref().map(|d| d.value.clone()),
            kind: "event".into(),
            cluster: Some(c.id.clone()),
            summary: summary(
                c.kind.clone(),
                c.mode.as_deref(),
                c.place.as_ref().map(|p| p.name.as_str()),
                c.fatalities.best.map(i64::from),
                None,
            ),
            documents: c.documents.clone(),
            evidence: String::new(),
        })
        .collect();
    items.sort_by(|a, b| (a.date.is_none(), &a.date).cmp(&(b.date.is_none(), &b.date)));
    items
}
