//! Merges and splits made by hand. They are stored by document id and entity position, which
//! re-resolution does not change, and are applied again whenever the graph is rebuilt: a merge
//! joins the two entities that hold its two members; a split member stands alone in an entity
//! that no other mention joins (its anchor, the first member of the entity it left, is kept for
//! the record).

use crate::error::{Doing, GraphError};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::HashSet;

/// A document entity by the document's id and its position in the document's entity layer.
pub type Member = (String, i64);

#[derive(Debug, Default)]
pub(crate) struct Overrides {
    pub merges: Vec<(Member, Member)>,
    /// Members split off by hand: each stands alone, in an entity no other mention joins.
    split: HashSet<Member>,
}

impl Overrides {
    pub fn load(conn: &Connection) -> Result<Self, GraphError> {
        let mut stmt = conn
            .prepare("SELECT op, a_doc, a_entity, b_doc, b_entity FROM graph_overrides ORDER BY id")
            .doing("preparing the overrides")?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (r.get::<_, String>(1)?, r.get::<_, i64>(2)?),
                    (r.get::<_, String>(3)?, r.get::<_, i64>(4)?),
                ))
            })
            .doing("reading the overrides")?;
        let mut overrides = Overrides::default();
        for row in rows {
            let (op, a, b) = row.doing("reading an override")?;
            if op == "merge" {
                overrides.merges.push((a, b));
            } else {
                overrides.split.insert(b);
            }
        }
        Ok(overrides)
    }

    /// Whether this member was split off by hand.
    pub fn is_split(&self, doc_id: &str, index: usize) -> bool {
        self.split.contains(&(doc_id.to_string(), index as i64))
    }
}

/// The graph entity a member is linked to now.
pub(crate) fn graph_of(conn: &Connection, member: &Member) -> Result<Option<i64>, GraphError> {
    conn.prepare_cached(
        "SELECT l.graph FROM entity_links l JOIN documents d ON d.rowid = l.doc
         WHERE d.id = ?1 AND l.entity = ?2",
    )
    .doing("preparing a member lookup")?
    .query_row(params![member.0, member.1], |r| r.get(0))
    .optional()
    .doing("looking up a member")
}

/// The first member (lowest document, then position) of a graph entity: its anchor.
pub(crate) fn anchor_of(conn: &Connection, graph: i64) -> Result<Option<Member>, GraphError> {
    conn.prepare_cached(
        "SELECT d.id, l.entity FROM entity_links l JOIN documents d ON d.rowid = l.doc
         WHERE l.graph = ?1 ORDER BY l.doc, l.entity LIMIT 1",
    )
    .doing("preparing an anchor lookup")?
    .query_row([graph], |r| Ok((r.get(0)?, r.get(1)?)))
    .optional()
    .doing("looking up an anchor")
}

pub(crate) fn record(
    tx: &Transaction<'_>,
    op: &str,
    a: &Member,
    b: &Member,
) -> Result<(), GraphError> {
    tx.execute(
        "INSERT INTO graph_overrides (op, a_doc, a_entity, b_doc, b_entity, made_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![op, a.0, a.1, b.0, b.1, crate::now()],
    )
    .doing("recording an override")?;
    Ok(())
}
