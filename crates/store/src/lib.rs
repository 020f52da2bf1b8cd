//! Storage for Tessera documents and their annotation layers.
//!
//! The pipeline talks only to the [`Store`] trait, so a PostgreSQL store can slot in beside the
//! embedded SQLite one ([`SqliteStore`]) without touching it. Every write is transactional:
//! a crash or `kill -9` leaves either the whole batch or none of it, and documents are keyed by
//! their content hash, so re-running an ingest stores nothing twice.

mod error;
mod query;
mod sqlite;
mod types;

pub use error::StoreError;
pub use query::fts_expression;
pub use sqlite::SqliteStore;
pub use types::{PutOutcome, SearchHit, SearchQuery, Stats, StoredDocument};

use tessera_doc::Document;

/// What the pipeline and the query layer need from a store.
pub trait Store: Send {
    /// Stores a batch of documents, each with every annotation layer, in one transaction.
    /// Outcomes are in input order; a document whose id is already stored (or earlier in the
    /// batch) is reported as a duplicate and nothing of it is written again.
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError>;

    /// Looks a document up by its id or by a unique prefix of it, with every layer read back.
    fn get(&self, id_or_prefix: &str) -> Result<Option<StoredDocument>, StoreError>;

    /// Full-text search over titles and texts, best match first.
    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError>;

    fn stats(&self) -> Result<Stats, StoreError>;
}
