//! Counts of what is stored.

use crate::Stats;
use crate::StoreError;
use crate::error::QueryContext;
use rusqlite::Connection;
use std::path::Path;

/// Counts documents, layers, languages and sources; see [`crate::Store::stats`].
pub(super) fn stats(
    conn: &Connection,
    path: &Path,
    schema_version: u32,
) -> Result<Stats, StoreError> {
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
    let count = |table: &str| -> Result<u64, StoreError> {
        conn.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .map(|n| n as u64)
        .doing("counting a layer")
    };
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
    let file_bytes = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(path.with_extension("db-wal"))
            .map(|m| m.len())
            .unwrap_or(0);
    Ok(Stats {
        documents: documents as u64,
        sentences: sentences as u64,
        tokens: tokens as u64,
        text_bytes: text_bytes as u64,
        entities: count("entities")?,
        relations: count("relations")?,
        events: count("events")?,
        places: count("places")?,
        earliest,
        latest,
        undated: undated as u64,
        by_lang,
        by_source,
        schema_version,
        file_bytes,
    })
}
