//! The embedded store: one SQLite file in WAL mode.

mod schema;
mod search;

use crate::error::QueryContext;
use crate::{PutOutcome, SearchHit, SearchQuery, Stats, Store, StoreError, StoredDocument};
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};
use tessera_doc::{
    DocId, Document, Language, Mention, MentionKind, Metadata, Origin, Segmentation, Span,
};

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
        conn.busy_timeout(std::time::Duration::from_secs(30))
            .map_err(open_err)?;
        let mut store = SqliteStore {
            conn,
            path: path.to_path_buf(),
        };
        store.migrate()?;
        Ok(store)
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

    fn mentions(&self, rowid: i64) -> Result<Vec<Mention>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT start, end, kind FROM mentions WHERE doc = ?1 ORDER BY start, end",
            )
            .doing("preparing the mention lookup")?;
        let rows = stmt
            .query_map([rowid], |r| {
                Ok((
                    r.get::<_, u32>(0)?,
                    r.get::<_, u32>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .doing("reading mentions")?;
        let mut mentions = Vec::new();
        for row in rows {
            let (start, end, kind) = row.doing("reading a mention")?;
            if let Some(kind) = MentionKind::parse(&kind) {
                mentions.push(Mention {
                    span: Span { start, end },
                    kind,
                });
            }
        }
        Ok(mentions)
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
        let ingested_at = now();
        let tx = self.conn.transaction().doing("starting a batch")?;
        let mut outcomes = Vec::with_capacity(docs.len());
        {
            let mut insert_doc = tx
                .prepare_cached(
                    "INSERT INTO documents (id, title, published, source, url, byline, lang,
                        lang_confidence, origin, text, unsupported, ingested_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                     ON CONFLICT(id) DO NOTHING",
                )
                .doing("preparing the document insert")?;
            let mut insert_seg = tx
                .prepare_cached(
                    "INSERT INTO segmentations (doc, sentence_count, token_count, layer)
                     VALUES (?1, ?2, ?3, ?4)",
                )
                .doing("preparing the segmentation insert")?;
            let mut insert_mention = tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO mentions (doc, start, end, kind) VALUES (?1, ?2, ?3, ?4)",
                )
                .doing("preparing the mention insert")?;
            let mut find_origin = tx
                .prepare_cached("SELECT origin FROM documents WHERE id = ?1")
                .doing("preparing the duplicate lookup")?;
            let mut first_new_rowid = None;
            for doc in docs {
                let origin = serde_json::to_string(&doc.origin).unwrap_or_default();
                let meta = &doc.meta;
                let inserted = insert_doc
                    .execute(params![
                        doc.id.as_str(),
                        meta.title,
                        meta.published.map(|d| d.to_string()),
                        meta.source,
                        meta.url,
                        meta.byline,
                        doc.lang.as_ref().map(|l| l.code.as_str()),
                        doc.lang.as_ref().map(|l| f64::from(l.confidence)),
                        origin,
                        doc.text,
                        doc.unsupported,
                        ingested_at,
                    ])
                    .doing("inserting a document")?;
                if inserted == 0 {
                    let first: String = find_origin
                        .query_row([doc.id.as_str()], |r| r.get(0))
                        .doing("looking up a duplicate")?;
                    let first_origin = serde_json::from_str::<Origin>(&first)
                        .map(|o| o.to_string())
                        .unwrap_or(first);
                    outcomes.push(PutOutcome::Duplicate { first_origin });
                    continue;
                }
                let rowid = tx.last_insert_rowid();
                first_new_rowid.get_or_insert(rowid);
                let seg = &doc.segmentation;
                insert_seg
                    .execute(params![
                        rowid,
                        seg.sentences.len() as i64,
                        seg.tokens.len() as i64,
                        seg.encode()
                    ])
                    .doing("inserting a segmentation")?;
                for mention in &doc.mentions {
                    insert_mention
                        .execute(params![
                            rowid,
                            mention.span.start,
                            mention.span.end,
                            mention.kind.as_str()
                        ])
                        .doing("inserting a mention")?;
                }
                outcomes.push(PutOutcome::Stored);
            }
            if let Some(first) = first_new_rowid {
                tx.execute(
                    "INSERT INTO documents_fts(rowid, title, text)
                     SELECT rowid, title, text FROM documents WHERE rowid >= ?1",
                    [first],
                )
                .doing("indexing a batch for search")?;
            }
        }
        tx.commit().doing("committing a batch")?;
        Ok(outcomes)
    }

    fn get(&self, id_or_prefix: &str) -> Result<Option<StoredDocument>, StoreError> {
        let Some(prefix) = DocId::from_hex(id_or_prefix) else {
            return Ok(None);
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.published, d.source, d.url, d.byline, d.lang,
                        d.lang_confidence, d.origin, d.text, d.ingested_at, s.layer,
                        d.unsupported, d.rowid
                 FROM documents d LEFT JOIN segmentations s ON s.doc = d.rowid
                 WHERE d.id >= ?1 AND d.id < ?1 || 'g' ORDER BY d.id LIMIT 2",
            )
            .doing("preparing a document lookup")?;
        let rows = stmt
            .query_map([prefix.as_str()], row_to_parts)
            .doing("looking up a document")?
            .collect::<Result<Vec<_>, _>>()
            .doing("reading a document")?;
        match rows.len() {
            0 => Ok(None),
            1 => rows
                .into_iter()
                .next()
                .map(|(parts, rowid)| {
                    let mut stored = parts_to_document(parts)?;
                    stored.document.mentions = self.mentions(rowid)?;
                    Ok(stored)
                })
                .transpose(),
            _ => Err(StoreError::AmbiguousId {
                prefix: id_or_prefix.to_string(),
            }),
        }
    }

    fn search(&self, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
        search::search(&self.conn, query)
    }

    fn stats(&self) -> Result<Stats, StoreError> {
        let conn = &self.conn;
        let (documents, text_bytes, earliest, latest, undated): (
            i64,
            i64,
            Option<String>,
            Option<String>,
            i64,
        ) = conn
            .query_row(
                "SELECT COUNT(*), COALESCE(SUM(LENGTH(CAST(text AS BLOB))), 0), MIN(published),
                        MAX(published), SUM(published IS NULL) FROM documents",
                [],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                    ))
                },
            )
            .doing("counting documents")?;
        let (sentences, tokens): (i64, i64) = conn
            .query_row(
                "SELECT COALESCE(SUM(sentence_count), 0), COALESCE(SUM(token_count), 0) FROM segmentations",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .doing("counting tokens")?;
        let grouped = |sql: &str| -> Result<Vec<(String, u64)>, StoreError> {
            let mut stmt = conn.prepare(sql).doing("preparing a breakdown")?;
            stmt.query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64))
            })
            .doing("computing a breakdown")?
            .collect::<Result<Vec<_>, _>>()
            .doing("reading a breakdown")
        };
        let by_lang = grouped(
            "SELECT COALESCE(lang, 'unknown'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1",
        )?;
        let by_source = grouped(
            "SELECT COALESCE(source, '(none)'), COUNT(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20",
        )?;
        let file_bytes = std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0)
            + std::fs::metadata(self.path.with_extension("db-wal"))
                .map(|m| m.len())
                .unwrap_or(0);
        Ok(Stats {
            documents: documents as u64,
            sentences: sentences as u64,
            tokens: tokens as u64,
            text_bytes: text_bytes as u64,
            earliest,
            latest,
            undated: undated as u64,
            by_lang,
            by_source,
            schema_version: self.schema_version()?,
            file_bytes,
        })
    }
}

type Parts = (
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<f64>,
    String,
    String,
    String,
    Option<Vec<u8>>,
    Option<String>,
);

fn row_to_parts(r: &rusqlite::Row<'_>) -> rusqlite::Result<(Parts, i64)> {
    Ok((
        (
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
        ),
        r.get(13)?,
    ))
}

fn parts_to_document(parts: Parts) -> Result<StoredDocument, StoreError> {
    let (
        id,
        title,
        published,
        source,
        url,
        byline,
        lang,
        confidence,
        origin,
        text,
        ingested_at,
        layer,
        unsupported,
    ) = parts;
    let corrupt = |message: String| StoreError::Corrupt {
        id: id.clone(),
        message,
    };
    let segmentation = match layer {
        Some(bytes) => Segmentation::decode(&bytes).map_err(|e| corrupt(e.to_string()))?,
        None => Segmentation::default(),
    };
    let published = published
        .map(|p| {
            p.parse()
                .map_err(|_| corrupt(format!("bad published date {p:?}")))
        })
        .transpose()?;
    let origin = serde_json::from_str(&origin).unwrap_or_else(|_| Origin::file(origin));
    let doc_id = DocId::from_hex(&id).ok_or_else(|| corrupt("bad id".into()))?;
    Ok(StoredDocument {
        document: Document {
            id: doc_id,
            origin,
            meta: Metadata {
                title,
                published,
                source,
                url,
                byline,
            },
            text,
            lang: lang.map(|code| Language {
                code,
                confidence: confidence.unwrap_or(0.0) as f32,
            }),
            segmentation,
            mentions: Vec::new(),
            places: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
            events: Vec::new(),
            unsupported,
        },
        ingested_at,
    })
}
