//! What an export writes: the selected event clusters, and the graph entities with their names.

use crate::error::{Doing, ExportError};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use tessera_graph::ClusterRecord;
use tessera_graph::query::{self, EventFilter};

/// The clusters a filter selects, and which entities go with them.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Latest first, as `tessera events` lists them.
    pub clusters: Vec<ClusterRecord>,
    /// The entities taking part in those clusters; `None` when no filter was set (every entity).
    pub entities: Option<BTreeSet<i64>>,
}

impl Selection {
    pub fn load(conn: &Connection, filter: &EventFilter) -> Result<Self, ExportError> {
        let everything = filter.kind.is_none()
            && filter.mode.is_none()
            && filter.country.is_none()
            && filter.admin1.is_none()
            && filter.near.is_none()
            && filter.since.is_none()
            && filter.until.is_none()
            && filter.actor.is_none()
            && filter.min_certainty.is_none()
            && filter.min_corroboration.is_none()
            && filter.query.is_none();
        let all = EventFilter {
            limit: i64::MAX as usize,
            ..filter.clone()
        };
        let clusters = query::events(conn, &all)?;
        let entities = (!everything).then(|| {
            clusters
                .iter()
                .flat_map(|c| c.actors.iter().chain(&c.recipients))
                .filter_map(|p| p.entity.as_deref().and_then(entity_number))
                .collect()
        });
        Ok(Selection { clusters, entities })
    }
}

/// `E12` → 12.
/// The outlets a cluster's reports come from, sorted, each once.
pub(crate) fn outlets(c: &ClusterRecord) -> Vec<&str> {
    let mut outlets: Vec<&str> = c
        .reports
        .iter()
        .filter_map(|r| r.source.as_deref())
        .collect();
    outlets.sort_unstable();
    outlets.dedup();
    outlets
}

pub(crate) fn entity_number(id: &str) -> Option<i64> {
    id.strip_prefix('E')?.parse().ok()
}

/// `C12` → 12.
pub(crate) fn cluster_number(id: &str) -> Option<i64> {
    id.strip_prefix('C')?.parse().ok()
}

/// A graph entity with the names the documents give it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntityRecord {
    pub id: String,
    pub kind: String,
    pub name: String,
    /// Other names it goes by in the documents, the commonest first.
    pub aliases: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    pub documents: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first_seen: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_seen: Option<String>,
}

/// The most aliases kept per entity.
const ALIASES: usize = 12;

/// The selected entities (every one when `only` is `None`), in id order.
pub(crate) fn entities(
    conn: &Connection,
    only: Option<&BTreeSet<i64>>,
) -> Result<Vec<EntityRecord>, ExportError> {
    // The ids go in as a JSON array, so one statement serves any selection.
    let list = only
        .map(|ids| serde_json::Value::from(ids.iter().copied().collect::<Vec<_>>()).to_string());
    let within = |column: &str| match &list {
        Some(_) => format!("WHERE {column} IN (SELECT value FROM json_each(?1))"),
        None => "WHERE ?1 IS NULL".to_string(),
    };
    let mut names: BTreeMap<i64, Vec<(String, i64)>> = BTreeMap::new();
    {
        let mut stmt = conn
            .prepare(&format!(
                "SELECT l.graph, e.name, COUNT(*) FROM entity_links l
                 JOIN entities e ON e.doc = l.doc AND e.idx = l.entity
                 {} GROUP BY l.graph, e.name",
                within("l.graph")
            ))
            .doing("preparing entity names")?;
        let rows = stmt
            .query_map([&list], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .doing("reading entity names")?;
        for row in rows {
            let (graph, name, n): (i64, String, i64) = row.doing("reading entity names")?;
            names.entry(graph).or_default().push((name, n));
        }
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT id, kind, name, country, geonames_id, lat, lon, documents, first_seen,
                    last_seen
             FROM graph_entities {} ORDER BY id",
            within("id")
        ))
        .doing("preparing entities")?;
    let rows = stmt
        .query_map([&list], |r| {
            Ok(EntityRecord {
                id: format!("E{}", r.get::<_, i64>(0)?),
                kind: r.get(1)?,
                name: r.get(2)?,
                aliases: Vec::new(),
                country: r.get(3)?,
                geonames_id: r.get(4)?,
                lat: r.get(5)?,
                lon: r.get(6)?,
                documents: r.get(7)?,
                first_seen: r.get(8)?,
                last_seen: r.get(9)?,
            })
        })
        .doing("reading entities")?;
    let mut out = Vec::new();
    for row in rows {
        let mut entity = row.doing("reading entities")?;
        if let Some(mut seen) = entity_number(&entity.id).and_then(|id| names.remove(&id)) {
            seen.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            entity.aliases = seen
                .into_iter()
                .map(|(name, _)| name)
                .filter(|name| *name != entity.name)
                .take(ALIASES)
                .collect();
        }
        out.push(entity);
    }
    Ok(out)
}

/// The words of a report's evidence (`event` as the record names it, `v1`...), on one line.
pub(crate) fn evidence(
    conn: &Connection,
    document: &str,
    event: &str,
) -> Result<Option<String>, ExportError> {
    Ok(query::report_evidence(conn, document, event)?.map(|w| crate::text::one_line(&w)))
}

/// One relation a document states, between graph entities (or a graph entity and a value).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct RelationRow {
    pub subject: i64,
    pub predicate: String,
    /// The object, when it is an entity.
    pub object: Option<i64>,
    /// The object, when it is a value (a title, a year).
    pub value: Option<String>,
    pub role: Option<String>,
    pub document: String,
    pub published: Option<String>,
    pub evidence: String,
}

/// Every relation the documents state, in document order, with its evidence on one line.
pub(crate) fn relations(conn: &Connection) -> Result<Vec<RelationRow>, ExportError> {
    let sql = format!(
        "SELECT ls.graph, r.predicate, lo.graph, r.object_value, r.role, d.id, d.published, {}
         FROM relations r
         JOIN documents d ON d.rowid = r.doc
         JOIN entity_links ls ON ls.doc = r.doc AND ls.entity = r.subject
         LEFT JOIN entity_links lo ON lo.doc = r.doc AND lo.entity = r.object_entity
         WHERE r.object_entity IS NULL OR lo.graph IS NOT NULL
         ORDER BY r.doc, r.idx",
        query::evidence("r.evidence_start", "r.evidence_end")
    );
    let mut stmt = conn.prepare(&sql).doing("preparing relations")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(RelationRow {
                subject: r.get(0)?,
                predicate: r.get(1)?,
                object: r.get(2)?,
                value: r.get(3)?,
                role: r.get(4)?,
                document: r.get(5)?,
                published: r.get(6)?,
                evidence: crate::text::one_line(
                    r.get::<_, Option<String>>(7)?
                        .as_deref()
                        .unwrap_or_default(),
                ),
            })
        })
        .doing("reading relations")?;
    rows.collect::<Result<_, _>>().doing("reading relations")
}
