//! What an analyst changes by hand: merging two entities, splitting a document's mentions off
//! an entity, and grading a source. Merges and splits are recorded (see [`crate::overrides`]).

use crate::error::{Doing, GraphError};
use crate::overrides::{self, Member};
use crate::resolve::merge_into;
use crate::{aggregate, entities, sources};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use tessera_store::SqliteStore;

/// Merges entity `b` into `a` and records it. Returns the id kept.
pub fn merge(store: &mut SqliteStore, a: i64, b: i64) -> Result<i64, GraphError> {
    if a == b {
        return Err(GraphError::Invalid(format!(
            "E{a} and E{b} are the same entity"
        )));
    }
    let tx = store
        .connection_mut()
        .transaction()
        .doing("starting a merge")?;
    let (Some(anchor_a), Some(anchor_b)) =
        (overrides::anchor_of(&tx, a)?, overrides::anchor_of(&tx, b)?)
    else {
        return Err(GraphError::NoEntity(format!("E{a} or E{b}")));
    };
    overrides::record(&tx, "merge", &anchor_a, &anchor_b)?;
    merge_into(&tx, a, b)?;
    tx.commit().doing("committing a merge")?;
    Ok(a)
}

/// Moves the mentions of entity `id` in one document (an id or unique prefix) to a new entity,
/// and records that they must stay apart. Returns the new entity's id.
pub fn split(store: &mut SqliteStore, id: i64, document: &str) -> Result<i64, GraphError> {
    let tx = store
        .connection_mut()
        .transaction()
        .doing("starting a split")?;
    let doc: Option<(i64, String)> = tx
        .query_row(
            "SELECT rowid, id FROM documents WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
            [document.to_ascii_lowercase()],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .doing("looking up a document")?;
    let Some((doc_row, doc_id)) = doc else {
        return Err(GraphError::NoDocument(document.to_string()));
    };
    let members: Vec<(i64, String, String)> = {
        let mut stmt = tx
            .prepare(
                "SELECT l.entity, e.kind, e.name FROM entity_links l
                 JOIN entities e ON e.doc = l.doc AND e.idx = l.entity
                 WHERE l.graph = ?1 AND l.doc = ?2 ORDER BY l.entity",
            )
            .doing("preparing a split")?;
        stmt.query_map(params![id, doc_row], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .doing("reading mentions to split")?
        .collect::<Result<_, _>>()
        .doing("reading mentions to split")?
    };
    let Some((_, _, name)) = members.first().cloned() else {
        return Err(GraphError::NotInDocument {
            entity: format!("E{id}"),
            document: doc_id,
        });
    };
    let anchor: Option<Member> = tx
        .query_row(
            "SELECT d.id, l.entity FROM entity_links l JOIN documents d ON d.rowid = l.doc
             WHERE l.graph = ?1 AND l.doc != ?2 ORDER BY l.doc, l.entity LIMIT 1",
            params![id, doc_row],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
        .doing("finding what stays")?;
    let Some(anchor) = anchor else {
        return Err(GraphError::Invalid(format!(
            "E{id} is only in document {doc_id}: there is nothing to split it from"
        )));
    };
    tx.execute(
        "INSERT INTO graph_entities (kind, name, country, geonames_id, lat, lon)
         SELECT kind, ?2, country, geonames_id, lat, lon FROM graph_entities WHERE id = ?1",
        params![id, name],
    )
    .doing("adding the split entity")?;
    let new = tx.last_insert_rowid();
    for (entity, _, _) in &members {
        overrides::record(&tx, "split", &anchor, &(doc_id.clone(), *entity))?;
        tx.execute(
            "UPDATE entity_links SET graph = ?1, reason = 'split off by hand' WHERE doc = ?2 AND entity = ?3",
            params![new, doc_row, entity],
        )
        .doing("moving a split mention")?;
    }
    // Found by search (word keys) but under no key another mention could join it by.
    for word in crate::names::fold(&name)
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
    {
        tx.execute(
            "INSERT OR IGNORE INTO graph_names (key, entity) VALUES (?1, ?2)",
            params![format!("w:{word}"), new],
        )
        .doing("naming the split entity")?;
    }
    entities::refresh(&tx, id)?;
    entities::refresh(&tx, new)?;
    // The document's clusters name participants by entity: rebuild them.
    let clusters: Vec<i64> = {
        let mut stmt = tx
            .prepare("SELECT DISTINCT cluster FROM cluster_reports WHERE doc = ?1")
            .doing("preparing a split's clusters")?;
        stmt.query_map([doc_row], |r| r.get(0))
            .doing("reading a split's clusters")?
            .collect::<Result<_, _>>()
            .doing("reading a split's clusters")?
    };
    for cluster in clusters {
        aggregate::rebuild(&tx, cluster)?;
    }
    tx.commit().doing("committing a split")?;
    Ok(new)
}

/// An outlet or wire and its documents and grade.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceRow {
    pub name: String,
    pub documents: i64,
    pub grade: Option<String>,
}

/// Sets a source's Admiralty reliability grade (A–F) and updates the credibility of every
/// cluster it reports.
pub fn set_grade(store: &mut SqliteStore, name: &str, grade: char) -> Result<usize, GraphError> {
    let grade = grade.to_ascii_uppercase();
    if !sources::GRADES.contains(&grade) {
        return Err(GraphError::Invalid(format!(
            "grade {grade:?} is not one of A, B, C, D, E, F"
        )));
    }
    let name = sources::wire(name).map_or_else(|| name.trim().to_string(), str::to_string);
    let tx = store
        .connection_mut()
        .transaction()
        .doing("starting a grade")?;
    tx.execute(
        "INSERT INTO sources (name, reliability) VALUES (?1, ?2)
         ON CONFLICT (name) DO UPDATE SET reliability = excluded.reliability",
        params![name, grade.to_string()],
    )
    .doing("setting a grade")?;
    let clusters: Vec<i64> = {
        let mut stmt = tx
            .prepare(
                "SELECT DISTINCT cr.cluster FROM cluster_reports cr
                 JOIN graph_documents g ON g.doc = cr.doc
                 WHERE g.outlet = ?1 COLLATE NOCASE OR g.agency = ?1 COLLATE NOCASE",
            )
            .doing("preparing a source's clusters")?;
        stmt.query_map([&name], |r| r.get(0))
            .doing("reading a source's clusters")?
            .collect::<Result<_, _>>()
            .doing("reading a source's clusters")?
    };
    for cluster in &clusters {
        aggregate::rebuild(&tx, *cluster)?;
    }
    tx.commit().doing("committing a grade")?;
    Ok(clusters.len())
}

/// Every outlet and wire with its document count and grade, most documents first.
pub fn list_sources(store: &SqliteStore) -> Result<Vec<SourceRow>, GraphError> {
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT name, SUM(n), (SELECT reliability FROM sources s WHERE s.name = x.name)
             FROM (SELECT outlet AS name, COUNT(*) AS n FROM graph_documents
                   WHERE outlet IS NOT NULL GROUP BY outlet
                   UNION ALL
                   SELECT agency, COUNT(*) FROM graph_documents
                   WHERE agency IS NOT NULL GROUP BY agency
                   UNION ALL
                   SELECT name, 0 FROM sources) x
             GROUP BY name COLLATE NOCASE ORDER BY 2 DESC, 1",
        )
        .doing("preparing the sources")?;
    let rows = stmt
        .query_map([], |r| {
            Ok(SourceRow {
                name: r.get(0)?,
                documents: r.get(1)?,
                grade: r.get(2)?,
            })
        })
        .doing("listing sources")?;
    rows.collect::<Result<Vec<_>, _>>().doing("listing sources")
}
