//! An entity's profile: names, roles, relations, event clusters and documents, each fact with the
//! document and the words that support it; and why each mention was linked.

use super::entities::{EntitySummary, summary_row};
use crate::error::{Doing, GraphError};
use rusqlite::{Connection, params};
use serde::Serialize;

/// SQL for the words at byte offsets `start..end` of a document's text (SQLite's substr counts
/// characters on text, bytes on blobs).
pub fn evidence(start: &str, end: &str) -> String {
    format!("CAST(substr(CAST(d.text AS BLOB), {start} + 1, {end} - {start}) AS TEXT)")
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Name {
    pub name: String,
    pub documents: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ref {
    pub id: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Fact {
    pub document: String,
    pub published: Option<String>,
    pub source: Option<String>,
    pub evidence: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RoleOut {
    pub title: String,
    pub org: Option<Ref>,
    pub country: Option<String>,
    #[serde(flatten)]
    pub fact: Fact,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RelationOut {
    pub predicate: String,
    /// `out` when this entity is the subject, `in` when it is the object.
    pub direction: String,
    pub other: Ref,
    pub certainty: String,
    #[serde(flatten)]
    pub fact: Fact,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ClusterRef {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub role: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub reports: i64,
    pub corroboration: i64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DocumentRef {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Link {
    pub document: String,
    pub name: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Override {
    pub op: String,
    pub a: String,
    pub b: String,
    pub made_at: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Profile {
    #[serde(flatten)]
    pub entity: EntitySummary,
    pub country: Option<String>,
    pub names: Vec<Name>,
    pub roles: Vec<RoleOut>,
    pub relations: Vec<RelationOut>,
    pub clusters: Vec<ClusterRef>,
    /// The documents that name it (`documents`, the count, comes with the summary).
    #[serde(rename = "document_list")]
    pub documents: Vec<DocumentRef>,
    /// Why each mention belongs here (with `--why`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<Vec<Link>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overrides: Option<Vec<Override>>,
}

/// How many facts of each kind a profile lists at most. Facts come from the entity's latest
/// documents (by when they were stored), so a profile costs the same however famous it is.
const LIMIT: i64 = 200;

pub fn profile(conn: &Connection, id: i64, why: bool) -> Result<Profile, GraphError> {
    let entity = conn
        .query_row(
            "SELECT id, kind, name, documents, first_seen, last_seen FROM graph_entities WHERE id = ?1",
            [id],
            summary_row,
        )
        .map_err(|_| GraphError::NoEntity(format!("E{id}")))?;
    let country: Option<String> = conn
        .query_row(
            "SELECT country FROM graph_entities WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .doing("reading an entity")?;
    Ok(Profile {
        entity,
        country,
        names: names(conn, id)?,
        roles: roles(conn, id)?,
        relations: relations(conn, id)?,
        clusters: clusters(conn, id)?,
        documents: documents(conn, id)?,
        why: if why { Some(links(conn, id)?) } else { None },
        overrides: if why {
            Some(overrides(conn, id)?)
        } else {
            None
        },
    })
}

fn collect<T>(
    conn: &Connection,
    sql: &str,
    id: i64,
    doing: &'static str,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, GraphError> {
    let mut stmt = conn.prepare_cached(sql).doing(doing)?;
    let rows = stmt.query_map(params![id, LIMIT], map).doing(doing)?;
    rows.collect::<Result<Vec<_>, _>>().doing(doing)
}

fn names(conn: &Connection, id: i64) -> Result<Vec<Name>, GraphError> {
    collect(
        conn,
        "WITH latest AS (SELECT doc, entity FROM entity_links WHERE graph = ?1
                         ORDER BY doc DESC LIMIT 2000)
         SELECT name, COUNT(DISTINCT doc) AS n FROM (
            SELECT e.name, l.doc FROM latest l
            JOIN entities e ON e.doc = l.doc AND e.idx = l.entity
            UNION ALL
            SELECT a.name, l.doc FROM latest l
            JOIN aliases a ON a.doc = l.doc AND a.entity = l.entity)
         GROUP BY name ORDER BY n DESC, name LIMIT ?2",
        id,
        "reading an entity's names",
        |r| {
            Ok(Name {
                name: r.get(0)?,
                documents: r.get(1)?,
            })
        },
    )
}

fn fact(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Fact> {
    Ok(Fact {
        document: r.get(at)?,
        published: r.get(at + 1)?,
        source: r.get(at + 2)?,
        evidence: r.get::<_, Option<String>>(at + 3)?.unwrap_or_default(),
    })
}

fn roles(conn: &Connection, id: i64) -> Result<Vec<RoleOut>, GraphError> {
    let sql = format!(
        "SELECT r.title, lo.graph, COALESCE(go.name, eo.name), r.country,
                d.id, d.published, gd.outlet, {}
         FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1
               ORDER BY doc DESC LIMIT 1000) l
         JOIN roles r ON r.doc = l.doc AND r.entity = l.entity
         JOIN documents d ON d.rowid = l.doc
         LEFT JOIN graph_documents gd ON gd.doc = l.doc
         LEFT JOIN entity_links lo ON lo.doc = r.doc AND lo.entity = r.org
         LEFT JOIN graph_entities go ON go.id = lo.graph
         LEFT JOIN entities eo ON eo.doc = r.doc AND eo.idx = r.org
         ORDER BY d.published, d.id, r.idx LIMIT ?2",
        evidence("r.evidence_start", "r.evidence_end")
    );
    collect(conn, &sql, id, "reading an entity's roles", |r| {
        let org_id: Option<i64> = r.get(1)?;
        let org_name: Option<String> = r.get(2)?;
        Ok(RoleOut {
            title: r.get(0)?,
            org: org_name.map(|name| Ref {
                id: org_id.map(|g| format!("E{g}")),
                name,
            }),
            country: r.get(3)?,
            fact: fact(r, 4)?,
        })
    })
}

fn relations(conn: &Connection, id: i64) -> Result<Vec<RelationOut>, GraphError> {
    let sql = format!(
        "SELECT * FROM (
            SELECT r.predicate, 'out', lo.graph, COALESCE(go.name, eo.name, r.object_value),
                   r.certainty, d.id, d.published, gd.outlet, {ev}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1
                  ORDER BY doc DESC LIMIT 1000) l
            JOIN relations r ON r.doc = l.doc AND r.subject = l.entity
            JOIN documents d ON d.rowid = l.doc
            LEFT JOIN graph_documents gd ON gd.doc = l.doc
            LEFT JOIN entity_links lo ON lo.doc = r.doc AND lo.entity = r.object_entity
            LEFT JOIN graph_entities go ON go.id = lo.graph
            LEFT JOIN entities eo ON eo.doc = r.doc AND eo.idx = r.object_entity
            UNION ALL
            SELECT r.predicate, 'in', ls.graph, COALESCE(gs.name, es.name),
                   r.certainty, d.id, d.published, gd.outlet, {ev}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1
                  ORDER BY doc DESC LIMIT 1000) l
            JOIN relations r ON r.doc = l.doc AND r.object_entity = l.entity
            JOIN documents d ON d.rowid = l.doc
            LEFT JOIN graph_documents gd ON gd.doc = l.doc
            LEFT JOIN entity_links ls ON ls.doc = r.doc AND ls.entity = r.subject
            LEFT JOIN graph_entities gs ON gs.id = ls.graph
            LEFT JOIN entities es ON es.doc = r.doc AND es.idx = r.subject)
         ORDER BY 7, 6 LIMIT ?2",
        ev = evidence("r.evidence_start", "r.evidence_end")
    );
    collect(conn, &sql, id, "reading an entity's relations", |r| {
        let other: Option<i64> = r.get(2)?;
        Ok(RelationOut {
            predicate: r.get(0)?,
            direction: r.get(1)?,
            other: Ref {
                id: other.map(|g| format!("E{g}")),
                name: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            },
            certainty: r.get(4)?,
            fact: fact(r, 5)?,
        })
    })
}

fn clusters(conn: &Connection, id: i64) -> Result<Vec<ClusterRef>, GraphError> {
    collect(
        conn,
        "SELECT c.id, c.type, p.role, c.date, json_extract(c.record, '$.place.name'),
                c.reports, c.corroboration
         FROM cluster_participants p JOIN clusters c ON c.id = p.cluster
         WHERE p.entity = ?1 ORDER BY c.date, c.id LIMIT ?2",
        id,
        "reading an entity's clusters",
        |r| {
            Ok(ClusterRef {
                id: format!("C{}", r.get::<_, i64>(0)?),
                kind: r.get(1)?,
                role: r.get(2)?,
                date: r.get(3)?,
                place: r.get(4)?,
                reports: r.get(5)?,
                corroboration: r.get(6)?,
            })
        },
    )
}

fn documents(conn: &Connection, id: i64) -> Result<Vec<DocumentRef>, GraphError> {
    collect(
        conn,
        "SELECT d.id, d.title, d.published, gd.outlet
         FROM (SELECT DISTINCT doc FROM entity_links WHERE graph = ?1
               ORDER BY doc DESC LIMIT ?2) l
         JOIN documents d ON d.rowid = l.doc
         LEFT JOIN graph_documents gd ON gd.doc = l.doc
         ORDER BY d.published DESC, d.id",
        id,
        "reading an entity's documents",
        |r| {
            Ok(DocumentRef {
                id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                source: r.get(3)?,
            })
        },
    )
}

fn links(conn: &Connection, id: i64) -> Result<Vec<Link>, GraphError> {
    collect(
        conn,
        "SELECT d.id, e.name, l.reason FROM entity_links l
         JOIN documents d ON d.rowid = l.doc
         JOIN entities e ON e.doc = l.doc AND e.idx = l.entity
         WHERE l.graph = ?1 ORDER BY l.doc, l.entity LIMIT ?2",
        id,
        "reading why an entity was linked",
        |r| {
            Ok(Link {
                document: r.get(0)?,
                name: r.get(1)?,
                reason: r.get(2)?,
            })
        },
    )
}

fn overrides(conn: &Connection, id: i64) -> Result<Vec<Override>, GraphError> {
    collect(
        conn,
        "SELECT o.op, o.a_doc || '#e' || (o.a_entity + 1), o.b_doc || '#e' || (o.b_entity + 1),
                o.made_at
         FROM graph_overrides o WHERE EXISTS (
            SELECT 1 FROM entity_links l JOIN documents d ON d.rowid = l.doc
            WHERE l.graph = ?1 AND ((d.id = o.a_doc AND l.entity = o.a_entity)
                                 OR (d.id = o.b_doc AND l.entity = o.b_entity)))
         ORDER BY o.id LIMIT ?2",
        id,
        "reading an entity's overrides",
        |r| {
            Ok(Override {
                op: r.get(0)?,
                a: r.get(1)?,
                b: r.get(2)?,
                made_at: r.get(3)?,
            })
        },
    )
}
