//! Finding entities by name, and naming one unambiguously.

use crate::error::{Doing, GraphError};
use crate::names;
use rusqlite::{Connection, params};
use serde::Serialize;

/// An entity in a list.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct EntitySummary {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub documents: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// Entities whose name, alias, acronym or a word of whose name starts with the query's folded
/// form, most documents first. `kind` keeps one kind (PER, ORG, LOC, MISC).
pub fn search(
    conn: &Connection,
    query: &str,
    kind: Option<&str>,
    limit: usize,
) -> Result<Vec<EntitySummary>, GraphError> {
    let folded = names::fold(query);
    if folded.is_empty() {
        return Err(GraphError::Invalid(format!(
            "entity query {query:?} has nothing to search for"
        )));
    }
    let compact = folded.replace(' ', "");
    let mut stmt = conn
        .prepare_cached(
            "SELECT g.id, g.kind, g.name, g.documents, g.first_seen, g.last_seen
             FROM graph_entities g WHERE g.id IN (
                 SELECT entity FROM graph_names WHERE
                    (key >= 'n:' || ?1 AND key < 'n:' || ?1 || x'ff')
                 OR (key >= 'p:' || ?1 AND key < 'p:' || ?1 || x'ff')
                 OR (key >= 'w:' || ?1 AND key < 'w:' || ?1 || x'ff')
                 OR key = 'a:' || ?2)
             AND (?3 IS NULL OR g.kind = ?3)
             ORDER BY g.documents DESC, g.name LIMIT ?4",
        )
        .doing("preparing an entity search")?;
    let rows = stmt
        .query_map(params![folded, compact, kind, limit as i64], summary_row)
        .doing("searching entities")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading entities")
}

pub(crate) fn summary_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntitySummary> {
    Ok(EntitySummary {
        id: format!("E{}", r.get::<_, i64>(0)?),
        kind: r.get(1)?,
        name: r.get(2)?,
        documents: r.get(3)?,
        first_seen: r.get(4)?,
        last_seen: r.get(5)?,
    })
}

/// Parses an entity id: `E12` or `12`.
pub fn parse_id(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['E', 'e']).unwrap_or(text);
    digits.parse().ok().filter(|&n: &i64| n > 0)
}

/// The one entity a user means by an id or a name: an id that exists; else the entities whose
/// whole name (or alias) is the name; else those a search finds. More than one is an error that
/// lists them, unless one of them is the only one with that exact name.
pub fn resolve_name(conn: &Connection, name_or_id: &str) -> Result<i64, GraphError> {
    if let Some(id) = parse_id(name_or_id) {
        let exists: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM graph_entities WHERE id = ?1)",
                [id],
                |r| r.get(0),
            )
            .doing("looking up an entity id")?;
        if exists {
            return Ok(id);
        }
    }
    let folded = names::fold(name_or_id);
    let mut stmt = conn
        .prepare_cached(
            "SELECT g.id, g.kind, g.name, g.documents, g.first_seen, g.last_seen
             FROM graph_entities g WHERE g.id IN (
                SELECT entity FROM graph_names WHERE key IN ('n:' || ?1, 'p:' || ?1))
             ORDER BY g.documents DESC",
        )
        .doing("preparing an entity lookup")?;
    let exact: Vec<EntitySummary> = stmt
        .query_map([&folded], summary_row)
        .doing("looking up an entity")?
        .collect::<Result<_, _>>()
        .doing("reading entities")?;
    let whole: Vec<&EntitySummary> = exact
        .iter()
        .filter(|e| names::fold(&e.name) == folded)
        .collect();
    let found = match (whole.len(), exact.len()) {
        (1, _) => {
            return parse_id(&whole[0].id).ok_or_else(|| GraphError::NoEntity(name_or_id.into()));
        }
        (_, 0) => {
            // An entity under no look-up key (split off by hand) is still found by its name.
            let named = by_stored_name(conn, name_or_id)?;
            if named.is_empty() {
                search(conn, name_or_id, None, 20)?
            } else {
                named
            }
        }
        _ => exact,
    };
    match found.len() {
        0 => Err(GraphError::NoEntity(name_or_id.to_string())),
        1 => parse_id(&found[0].id).ok_or_else(|| GraphError::NoEntity(name_or_id.into())),
        count => Err(GraphError::AmbiguousEntity {
            query: name_or_id.to_string(),
            count,
            examples: found
                .iter()
                .take(5)
                .map(|e| format!("{} {} {}", e.id, e.kind, e.name))
                .collect::<Vec<_>>()
                .join("; "),
        }),
    }
}

fn by_stored_name(conn: &Connection, name: &str) -> Result<Vec<EntitySummary>, GraphError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT id, kind, name, documents, first_seen, last_seen FROM graph_entities
             WHERE name = ?1 COLLATE NOCASE ORDER BY documents DESC LIMIT 20",
        )
        .doing("preparing a name lookup")?;
    let rows = stmt
        .query_map([name.trim()], summary_row)
        .doing("looking up a name")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading entities")
}
