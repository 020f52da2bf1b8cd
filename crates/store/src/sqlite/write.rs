//! Batched, transactional writes: a document and every layer of it go in together or not at all.

use super::layers_write::LayerWriter;
use super::now;
use crate::error::QueryContext;
use crate::{PutOutcome, StoreError};
use rusqlite::{Connection, params};
use tessera_doc::{Document, Origin};

/// Stores `docs` in one transaction; see [`crate::Store::put_batch`].
pub(super) fn put_batch(
    conn: &mut Connection,
    docs: &[Document],
) -> Result<Vec<PutOutcome>, StoreError> {
    let ingested_at = now();
    let tx = conn.transaction().doing("starting a batch")?;
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
        let mut layers = LayerWriter::prepare(&tx)?;
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
            layers.write(rowid, doc)?;
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
