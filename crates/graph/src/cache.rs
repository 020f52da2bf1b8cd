//! What entity resolution has read or written of the graph during one run (an ingest, a
//! `tessera resolve`), so that the look-ups of each mention (the entities filed under a name,
//! each candidate, the surroundings of each) are answered from memory after the first time.
//!
//! The cache mirrors the tables exactly for what it holds, so that resolving with it gives the
//! same graph as resolving without it, whatever the batch size. Entities' counts and dates are
//! written once per transaction ([`GraphCache::flush`]) rather than once per mention. A cache
//! that saw a transaction fail may no longer match the store: [`GraphCache::clear`] it.

use crate::error::{Doing, GraphError};
use rusqlite::{OptionalExtension, Transaction, params};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet, VecDeque};

/// The entities a name look-up returns: the first ones filed under a key, which are the
/// established ones (a name that never merges, such as a wire's sign-off, must not make every
/// look-up of it longer).
pub(crate) const NAME_LIMIT: usize = 16;
/// An entity's surroundings are read from the documents of its latest links.
pub(crate) const RECENT_LINKS: usize = 16;
/// Past this many cached items of one kind, the cache starts again (memory stays bounded on a
/// long ingest; what is dropped is read again when needed).
const MAX_ITEMS: usize = 250_000;

/// A graph entity as resolution needs it.
#[derive(Debug, Clone)]
pub(crate) struct Known {
    pub kind: String,
    pub name: String,
    pub country: Option<String>,
    pub geonames_id: Option<i64>,
    pub documents: i64,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
}

/// The entities filed under one key, in id order, as far as the store's first [`NAME_LIMIT`].
#[derive(Debug, Default)]
struct Filed {
    ids: Vec<i64>,
    /// Whether `ids` is every entity under the key (fewer than the limit).
    complete: bool,
}

/// See the module documentation.
#[derive(Debug, Default)]
pub struct GraphCache {
    names: HashMap<String, Filed>,
    entities: HashMap<i64, Known>,
    /// Entities whose counts or dates changed since the last flush.
    dirty: HashSet<i64>,
    /// The documents of an entity's latest links, newest first (one per link, as stored).
    recent: HashMap<i64, VecDeque<i64>>,
    /// The distinct graph entities each document links to.
    linked: HashMap<i64, Vec<i64>>,
}

impl GraphCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// Forgets everything (after a failed transaction, or to bound memory).
    pub fn clear(&mut self) {
        *self = Self::default();
    }

    /// Drops what was read (never what is still to be written) once the cache grows large.
    pub(crate) fn trim(&mut self) {
        if self.names.len() > MAX_ITEMS {
            self.names.clear();
        }
        if self.recent.len() > MAX_ITEMS || self.linked.len() > MAX_ITEMS {
            self.recent.clear();
            self.linked.clear();
        }
        if self.entities.len() > MAX_ITEMS {
            let dirty = &self.dirty;
            self.entities.retain(|id, _| dirty.contains(id));
        }
    }

    /// The entities filed under `key` (at most [`NAME_LIMIT`], lowest ids first).
    pub(crate) fn filed(&mut self, tx: &Transaction<'_>, key: &str) -> Result<&[i64], GraphError> {
        if !self.names.contains_key(key) {
            let ids = tx
                .prepare_cached(&format!(
                    "SELECT entity FROM graph_names WHERE key = ?1 ORDER BY entity LIMIT {NAME_LIMIT}"
                ))
                .doing("preparing a name lookup")?
                .query_map([key], |r| r.get::<_, i64>(0))
                .doing("looking up a name")?
                .collect::<Result<Vec<_>, _>>()
                .doing("reading a name lookup")?;
            let complete = ids.len() < NAME_LIMIT;
            self.names.insert(key.to_string(), Filed { ids, complete });
        }
        Ok(self.names.get(key).map_or(&[], |f| f.ids.as_slice()))
    }

    /// Files `graph` under `key`, writing only what the store does not have yet.
    pub(crate) fn file(
        &mut self,
        tx: &Transaction<'_>,
        key: &str,
        graph: i64,
    ) -> Result<(), GraphError> {
        if let Some(filed) = self.names.get(key)
            && filed.complete
            && filed.ids.contains(&graph)
        {
            return Ok(());
        }
        tx.prepare_cached("INSERT OR IGNORE INTO graph_names (key, entity) VALUES (?1, ?2)")
            .doing("preparing a name key")?
            .execute(params![key, graph])
            .doing("adding a name key")?;
        if let Some(filed) = self.names.get_mut(key)
            && let Err(at) = filed.ids.binary_search(&graph)
        {
            // Only the first NAME_LIMIT ids are mirrored; one past them is not.
            if filed.complete || at < filed.ids.len() {
                filed.ids.insert(at, graph);
            }
            if filed.ids.len() > NAME_LIMIT {
                filed.ids.truncate(NAME_LIMIT);
                filed.complete = false;
            }
        }
        Ok(())
    }

    /// An entity as it stands now; `None` when it does not exist.
    pub(crate) fn entity(
        &mut self,
        tx: &Transaction<'_>,
        id: i64,
    ) -> Result<Option<&mut Known>, GraphError> {
        let vacant = match self.entities.entry(id) {
            Entry::Occupied(known) => return Ok(Some(known.into_mut())),
            Entry::Vacant(vacant) => vacant,
        };
        let known = tx
            .prepare_cached(
                "SELECT kind, name, country, geonames_id, documents, first_seen, last_seen
                     FROM graph_entities WHERE id = ?1",
            )
            .doing("preparing an entity lookup")?
            .query_row([id], |r| {
                Ok(Known {
                    kind: r.get(0)?,
                    name: r.get(1)?,
                    country: r.get(2)?,
                    geonames_id: r.get(3)?,
                    documents: r.get(4)?,
                    first_seen: r.get(5)?,
                    last_seen: r.get(6)?,
                })
            })
            .optional()
            .doing("reading an entity")?;
        Ok(known.map(|known| vacant.insert(known)))
    }

    /// Records an entity just created (its row is already written).
    pub(crate) fn created(&mut self, id: i64, known: Known) {
        self.entities.insert(id, known);
        self.recent.insert(id, VecDeque::new());
    }

    /// Marks an entity's counts and dates as changed, to be written by [`GraphCache::flush`].
    pub(crate) fn touch(&mut self, id: i64) {
        self.dirty.insert(id);
    }

    /// A document about to be resolved: it links to nothing yet.
    pub(crate) fn begin_document(&mut self, doc: i64) {
        self.linked.insert(doc, Vec::new());
    }

    /// Records a link just written.
    pub(crate) fn linked(&mut self, doc: i64, graph: i64) {
        if let Some(recent) = self.recent.get_mut(&graph) {
            recent.push_front(doc);
            recent.truncate(RECENT_LINKS);
        }
        if let Some(graphs) = self.linked.get_mut(&doc)
            && !graphs.contains(&graph)
        {
            graphs.push(graph);
        }
    }

    /// The graph entities (other than `graph` itself) linked in the documents of `graph`'s
    /// latest links.
    pub(crate) fn surroundings(
        &mut self,
        tx: &Transaction<'_>,
        graph: i64,
    ) -> Result<HashSet<i64>, GraphError> {
        if let Entry::Vacant(vacant) = self.recent.entry(graph) {
            let docs = tx
                .prepare_cached(&format!(
                    "SELECT doc FROM entity_links WHERE graph = ?1 ORDER BY doc DESC LIMIT {RECENT_LINKS}"
                ))
                .doing("preparing a context lookup")?
                .query_map([graph], |r| r.get::<_, i64>(0))
                .doing("reading an entity's documents")?
                .collect::<Result<VecDeque<_>, _>>()
                .doing("reading an entity's documents")?;
            vacant.insert(docs);
        }
        let mut docs: Vec<i64> = self
            .recent
            .get(&graph)
            .map(|d| d.iter().copied().collect())
            .unwrap_or_default();
        docs.dedup();
        let mut around = HashSet::new();
        for doc in docs {
            if let Entry::Vacant(vacant) = self.linked.entry(doc) {
                let graphs = tx
                    .prepare_cached("SELECT DISTINCT graph FROM entity_links WHERE doc = ?1")
                    .doing("preparing a context lookup")?
                    .query_map([doc], |r| r.get::<_, i64>(0))
                    .doing("reading a document's entities")?
                    .collect::<Result<Vec<_>, _>>()
                    .doing("reading a document's entities")?;
                vacant.insert(graphs);
            }
            if let Some(graphs) = self.linked.get(&doc) {
                around.extend(graphs.iter().copied().filter(|&g| g != graph));
            }
        }
        Ok(around)
    }

    /// Writes the counts and dates of every entity changed since the last flush.
    pub fn flush(&mut self, tx: &Transaction<'_>) -> Result<(), GraphError> {
        let mut dirty: Vec<i64> = self.dirty.drain().collect();
        dirty.sort_unstable();
        let mut stmt = tx
            .prepare_cached(
                "UPDATE graph_entities SET documents = ?2, country = ?3, first_seen = ?4,
                    last_seen = ?5 WHERE id = ?1",
            )
            .doing("preparing an entity update")?;
        for id in dirty {
            if let Some(known) = self.entities.get(&id) {
                stmt.execute(params![
                    id,
                    known.documents,
                    known.country,
                    known.first_seen,
                    known.last_seen
                ])
                .doing("updating an entity")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    fn names_table() -> Connection {
        let conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE TABLE graph_names (key TEXT NOT NULL, entity INTEGER NOT NULL,
                PRIMARY KEY (key, entity)) WITHOUT ROWID;",
        )
        .expect("table");
        conn
    }

    fn stored(tx: &Transaction<'_>, key: &str) -> Vec<i64> {
        let mut stmt = tx
            .prepare(&format!(
                "SELECT entity FROM graph_names WHERE key = ?1 ORDER BY entity LIMIT {NAME_LIMIT}"
            ))
            .expect("prepare");
        stmt.query_map([key], |r| r.get(0))
            .expect("query")
            .map(|r| r.expect("row"))
            .collect()
    }

    #[test]
    fn a_key_mirrors_the_first_entities_filed_under_it() {
        let mut conn = names_table();
        let tx = conn.transaction().expect("tx");
        let mut cache = GraphCache::new();
        assert!(cache.filed(&tx, "n:ana").expect("filed").is_empty());
        // Filed out of order, past the limit, and twice: the cache keeps what the store
        // would answer.
        for id in (1..=40).rev().step_by(2).chain([7, 2, 2, 100]) {
            cache.file(&tx, "n:ana", id).expect("file");
            assert_eq!(
                cache.filed(&tx, "n:ana").expect("filed"),
                stored(&tx, "n:ana")
            );
        }
        assert_eq!(stored(&tx, "n:ana").len(), NAME_LIMIT);
        // A key never looked up is written all the same.
        cache.file(&tx, "n:bo", 3).expect("file");
        assert_eq!(stored(&tx, "n:bo"), vec![3]);
    }

    #[test]
    fn surroundings_follow_links_as_they_are_made() {
        let mut conn = Connection::open_in_memory().expect("memory");
        conn.execute_batch(
            "CREATE TABLE entity_links (doc INTEGER, entity INTEGER, graph INTEGER,
                PRIMARY KEY (doc, entity)) WITHOUT ROWID;
             INSERT INTO entity_links VALUES (1, 0, 10), (1, 1, 11), (2, 0, 10), (2, 1, 12);",
        )
        .expect("links");
        let tx = conn.transaction().expect("tx");
        let mut cache = GraphCache::new();
        let around = cache.surroundings(&tx, 10).expect("read");
        assert_eq!(around, HashSet::from([11, 12]));
        // A new document links 10 and 13: both caches learn it without reading again.
        cache.begin_document(3);
        tx.execute("INSERT INTO entity_links VALUES (3, 0, 10), (3, 1, 13)", [])
            .expect("insert");
        cache.linked(3, 10);
        cache.linked(3, 13);
        assert_eq!(
            cache.surroundings(&tx, 10).expect("read"),
            HashSet::from([11, 12, 13])
        );
        assert_eq!(
            cache.surroundings(&tx, 13).expect("read"),
            HashSet::from([10])
        );
    }
}
