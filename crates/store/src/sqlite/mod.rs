//! The embedded store: one SQLite file in WAL mode.

mod layers_read;
mod layers_write;
mod read;
mod schema;
mod search;
mod stats;
mod write;

use crate::error::QueryContext;
use crate::{PutOutcome, SearchHit, SearchQuery, Stats, Store, StoreError, StoredDocument};
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use tessera_doc::Document;

pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let open_err = |source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(open_err)?;
        // WAL: readers never block the writer, and a killed writer loses only its open
        // transaction. NORMAL sync is durable against process crashes, which is what we promise.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(open_err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(open_err)?;
        // Resolution reads back the entities and clusters it just wrote; SQLite's default
        // 2 MB page cache sends most of those reads to the file. 64 MB keeps them in memory.
        conn.pragma_update(None, "cache_size", -65536)
            .map_err(open_err)?;
        // Each batch rewrites the same hot pages (the graph's entities, clusters, indexes);
        // copying the log into the file every 4 MB (the default) copies them again and again.
        conn.pragma_update(None, "wal_autocheckpoint", 16384)
            .map_err(open_err)?;
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(open_err)?;
        // Room for every statement of a batch (documents, search and all layers), of resolution
        // across documents and of a lookup, so none is prepared again between batches.
        conn.set_prepared_statement_cache_capacity(256);
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// The connection, for crates that keep their own tables in this store (the graph across
    /// documents). Their tables are created by this crate's migrations.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    pub fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The latest documents passing `query`'s filters (its words are not used), skipping
    /// `offset`: what a browser lists before anything is searched for.
    pub fn latest(&self, query: &SearchQuery, offset: usize) -> Result<Vec<SearchHit>, StoreError> {
        search::latest(&self.conn, query, offset)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32, StoreError> {
        self.conn
            .query_row(
                "SELECT COALESCE(MAX(version), 0) FROM schema_migrations",
                [],
                |r| r.get(0),
            )
            .doing("reading the schema version")
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let migrate_err = |version: u32| {
            let path = path.clone();
            move |source| StoreError::Migrate {
                path,
                version,
                source,
            }
        };
        self.conn
            .execute_batch(
                "CREATE TABLE IF NOT EXISTS schema_migrations (
                    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)",
            )
            .map_err(migrate_err(0))?;
        let current = self.schema_version()?;
        let known = MIGRATIONS_LATEST;
        if current > known {
            return Err(StoreError::TooNew {
                path,
                found: current,
                known,
            });
        }
        for &(version, name, sql) in schema::MIGRATIONS.iter().filter(|m| m.0 > current) {
            let tx = self.conn.transaction().map_err(migrate_err(version))?;
            tx.execute_batch(sql).map_err(migrate_err(version))?;
            tx.execute(
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
                params![version, name, now()],
            )
            .map_err(migrate_err(version))?;
            tx.commit().map_err(migrate_err(version))?;
            tracing::info!(version, name, "applied schema migration");
        }
        Ok(())
    }
}

const MIGRATIONS_LATEST: u32 = schema::MIGRATIONS.len() as u32;

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store for SqliteStore {
    fn put_batch(&mut self, docs: &[Document]) -> Result<Vec<PutOutcome>, StoreError> {
        write::put_batch(&mut self.conn, docs)
    }

    fn get(&self, id_or_prefix: &str) -> Result<Option<StoredDocument>, StoreError> {
        read::get(&self.conn, id_or_prefix)
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        search::search(&self.conn, query)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        stats::stats(&self.conn, &self.path, self.schema_version()?)
    }
}
