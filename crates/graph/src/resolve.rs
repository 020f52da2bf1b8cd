//! The driver: resolves stored documents across the store, one transaction per chunk, so a kill
//! leaves each document wholly resolved or pending (a `graph_documents` row marks it), and the
//! next run picks up where this one stopped.

use crate::cache::GraphCache;
use crate::error::{Doing, GraphError};
use crate::overrides::{self, Overrides};
use crate::{aggregate, clusters, entities, sources};
use rusqlite::{OptionalExtension, Transaction, params};
use tessera_doc::Document;
use tessera_store::{SqliteStore, Store};

/// What a resolution run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ResolveSummary {
    pub documents: u64,
    /// Document entities linked to a graph entity.
    pub links: u64,
    /// Events placed in a cluster.
    pub reports: u64,
}

impl ResolveSummary {
    fn add(&mut self, other: &ResolveSummary) {
        self.documents += other.documents;
        self.links += other.links;
        self.reports += other.reports;
    }
}

/// Documents resolved per transaction when catching up.
const CHUNK: usize = 2048;

/// Resolves documents as they arrive, remembering across batches what it read and wrote of
/// the graph (see [`GraphCache`]): an ingest keeps one for the whole run.
#[derive(Debug, Default)]
pub struct Resolver {
    cache: GraphCache,
}

impl Resolver {
    pub fn new() -> Self {
        Self::default()
    }

    /// Resolves documents that are stored but not yet resolved, given in memory (as ingest has
    /// them), in one transaction. Documents already resolved, or not stored, are skipped.
    pub fn resolve_documents(
        &mut self,
        store: &mut SqliteStore,
        docs: &[&Document],
    ) -> Result<ResolveSummary, GraphError> {
        // Resolution only writes rows that point at what it has just read or written (the
        // document, the entity, the cluster), so the store's checks of those references would
        // cost a look-up per row and find nothing; they are off for its transactions only.
        set_foreign_keys(store, false)?;
        let done = self.resolve_in_transaction(store, docs);
        set_foreign_keys(store, true)?;
        if done.is_err() {
            // The transaction rolled back: what the cache holds may no longer be stored.
            self.cache.clear();
        }
        self.cache.trim();
        done
    }

    fn resolve_in_transaction(
        &mut self,
        store: &mut SqliteStore,
        docs: &[&Document],
    ) -> Result<ResolveSummary, GraphError> {
        let overrides = Overrides::load(store.connection())?;
        let tx = store
            .connection_mut()
            .transaction()
            .doing("starting a resolution")?;
        let mut summary = ResolveSummary::default();
        for doc in docs {
            summary.add(&resolve_one(&tx, &mut self.cache, doc, &overrides)?);
        }
        self.cache.flush(&tx)?;
        tx.commit().doing("committing a resolution")?;
        Ok(summary)
    }

    /// Resolves every stored document not yet resolved, oldest first. `progress(done, total)`.
    pub fn resolve_pending(
        &mut self,
        store: &mut SqliteStore,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ResolveSummary, GraphError> {
        let pending: Vec<String> = {
            let conn = store.connection();
            let mut stmt = conn
                .prepare(
                    "SELECT id FROM documents
                     WHERE rowid > (SELECT COALESCE(MAX(doc), 0) FROM graph_documents)
                     ORDER BY rowid",
                )
                .doing("preparing the pending documents")?;
            stmt.query_map([], |r| r.get(0))
                .doing("listing pending documents")?
                .collect::<Result<_, _>>()
                .doing("listing pending documents")?
        };
        let total = pending.len() as u64;
        let mut summary = ResolveSummary::default();
        for chunk in pending.chunks(CHUNK) {
            let mut docs = Vec::with_capacity(chunk.len());
            for id in chunk {
                if let Some(stored) = store.get(id)? {
                    docs.push(stored.document);
                }
            }
            let refs: Vec<&Document> = docs.iter().collect();
            summary.add(&self.resolve_documents(store, &refs)?);
            progress(summary.documents, total);
        }
        Ok(summary)
    }
}

fn set_foreign_keys(store: &SqliteStore, on: bool) -> Result<(), GraphError> {
    store
        .connection()
        .pragma_update(None, "foreign_keys", if on { "ON" } else { "OFF" })
        .doing("setting the foreign-key checks")
}

/// [`Resolver::resolve_documents`] with a resolver of its own.
pub fn resolve_documents(
    store: &mut SqliteStore,
    docs: &[&Document],
) -> Result<ResolveSummary, GraphError> {
    Resolver::new().resolve_documents(store, docs)
}

/// [`Resolver::resolve_pending`] with a resolver of its own.
pub fn resolve_pending(
    store: &mut SqliteStore,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ResolveSummary, GraphError> {
    Resolver::new().resolve_pending(store, progress)
}

/// Throws away every resolved entity and cluster (never the hand-made overrides or the source
/// grades) and resolves the whole store again, then applies the merges made by hand.
pub fn rebuild(
    store: &mut SqliteStore,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ResolveSummary, GraphError> {
    store
        .connection()
        .execute_batch(
            "BEGIN;
             DELETE FROM cluster_participants; DELETE FROM cluster_reports; DELETE FROM clusters;
             DELETE FROM entity_links; DELETE FROM graph_names; DELETE FROM graph_entities;
             DELETE FROM graph_documents;
             COMMIT;",
        )
        .doing("clearing the resolved graph")?;
    let summary = resolve_pending(store, progress)?;
    apply_merges(store)?;
    Ok(summary)
}

/// Applies every recorded merge whose two members are now in different entities.
pub(crate) fn apply_merges(store: &mut SqliteStore) -> Result<(), GraphError> {
    let overrides = Overrides::load(store.connection())?;
    let tx = store
        .connection_mut()
        .transaction()
        .doing("starting the merges")?;
    for (a, b) in &overrides.merges {
        if let (Some(keep), Some(gone)) =
            (overrides::graph_of(&tx, a)?, overrides::graph_of(&tx, b)?)
            && keep != gone
        {
            merge_into(&tx, keep, gone)?;
        }
    }
    tx.commit().doing("committing the merges")?;
    Ok(())
}

fn resolve_one(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    doc: &Document,
    overrides: &Overrides,
) -> Result<ResolveSummary, GraphError> {
    let row: Option<(i64, Option<String>, bool)> = tx
        .prepare_cached(
            "SELECT d.rowid, d.published, g.doc IS NOT NULL
             FROM documents d LEFT JOIN graph_documents g ON g.doc = d.rowid WHERE d.id = ?1",
        )
        .doing("preparing a document lookup")?
        .query_row([doc.id.as_str()], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()
        .doing("looking up a document")?;
    let Some((rowid, published, done)) = row else {
        return Ok(ResolveSummary::default());
    };
    if done {
        return Ok(ResolveSummary::default());
    }
    // A document read back from the store has no dateline layer; find it again.
    let dateline = doc
        .dateline
        .clone()
        .or_else(|| tessera_segment::find_dateline(&doc.text));
    let agency = sources::agency(doc, dateline.as_ref());
    let scene = clusters::scene(doc, dateline.as_ref());
    tx.prepare_cached(
        "INSERT INTO graph_documents (doc, outlet, agency, resolved_at, scene_geonames_id,
            scene_lat, scene_lon, scene_country, scene_admin1, scene_precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )
    .doing("preparing a resolved mark")?
    .execute(params![
        rowid,
        sources::outlet(doc),
        agency,
        crate::now(),
        scene.geonames_id,
        scene.lat,
        scene.lon,
        scene.country,
        scene.admin1,
        scene.precision
    ])
    .doing("marking a document resolved")?;
    let links = entities::resolve(tx, cache, doc, rowid, published.as_deref(), overrides)?;
    clusters::assign(tx, cache, doc, rowid, published.as_deref(), &links, &scene)?;
    Ok(ResolveSummary {
        documents: 1,
        links: links.iter().flatten().count() as u64,
        reports: doc.events.len() as u64,
    })
}

/// Moves everything of `gone` to `keep`, then rebuilds the clusters either took part in.
pub(crate) fn merge_into(tx: &Transaction<'_>, keep: i64, gone: i64) -> Result<(), GraphError> {
    tx.execute(
        "UPDATE entity_links SET graph = ?1, reason = reason || ' (merged by hand)' WHERE graph = ?2",
        params![keep, gone],
    )
    .doing("moving links")?;
    tx.execute(
        "INSERT OR IGNORE INTO graph_names (key, entity) SELECT key, ?1 FROM graph_names WHERE entity = ?2",
        params![keep, gone],
    )
    .doing("moving names")?;
    let names: (String, String) = tx
        .query_row(
            "SELECT (SELECT name FROM graph_entities WHERE id = ?1),
                    (SELECT name FROM graph_entities WHERE id = ?2)",
            params![keep, gone],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .doing("reading names")?;
    if names.1.len() > names.0.len() {
        tx.execute(
            "UPDATE graph_entities SET name = ?2 WHERE id = ?1",
            params![keep, names.1],
        )
        .doing("renaming a merged entity")?;
    }
    let clusters = clusters_of(tx, gone)?;
    tx.execute(
        "UPDATE OR IGNORE cluster_participants SET entity = ?1 WHERE entity = ?2",
        params![keep, gone],
    )
    .doing("moving participants")?;
    entities::refresh(tx, gone)?;
    entities::refresh(tx, keep)?;
    for cluster in clusters {
        aggregate::rebuild(tx, cluster)?;
    }
    Ok(())
}

pub(crate) fn clusters_of(tx: &Transaction<'_>, graph: i64) -> Result<Vec<i64>, GraphError> {
    let mut stmt = tx
        .prepare_cached("SELECT DISTINCT cluster FROM cluster_participants WHERE entity = ?1")
        .doing("preparing an entity's clusters")?;
    let rows = stmt
        .query_map([graph], |r| r.get(0))
        .doing("reading an entity's clusters")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading an entity's clusters")
}
