//! Ranked full-text search with snippets.

use crate::error::QueryContext;
use crate::{SearchHit, SearchQuery, StoreError, fts_expression};
use rusqlite::{Connection, params};
use tessera_doc::DocId;

// Control characters cannot occur in stored text as snippet delimiters would be ambiguous
// otherwise; they are stripped back out into highlight ranges below.
const OPEN: char = '\u{1}';
const CLOSE: char = '\u{2}';
/// Title matches count five times a body match: a headline says what the article is about.
const TITLE_WEIGHT: f64 = 5.0;

pub(crate) fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>, StoreError> {
    let expression = fts_expression(&query.text).ok_or_else(|| StoreError::EmptyQuery {
        query: query.text.clone(),
    })?;
    let mut stmt = conn
        .prepare_cached(
            "SELECT d.id, d.title, d.published, d.source, d.lang,
                    snippet(documents_fts, 1, char(1), char(2), '…', 24),
                    bm25(documents_fts, ?7, 1.0) AS rank
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
             WHERE documents_fts MATCH ?1
               AND (?2 IS NULL OR d.lang = ?2)
               AND (?3 IS NULL OR d.published >= ?3)
               AND (?4 IS NULL OR d.published <= ?4)
               AND (?5 IS NULL OR d.source = ?5 COLLATE NOCASE)
             ORDER BY rank LIMIT ?6",
        )
        .doing("preparing a search")?;
    let rows = stmt.query_map(
        params![
            expression,
            query.lang,
            query.since.map(|d| d.to_string()),
            query.until.map(|d| d.to_string()),
            query.source,
            query.limit.max(1) as i64,
            TITLE_WEIGHT,
        ],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, f64>(6)?,
            ))
        },
    );
    let rows = match rows {
        Ok(rows) => rows.collect::<Result<Vec<_>, _>>(),
        Err(e) => Err(e),
    };
    let rows = rows.map_err(|e| match e {
        rusqlite::Error::SqliteFailure(_, Some(message)) if message.contains("fts5") => {
            StoreError::BadQuery {
                query: query.text.clone(),
                message,
            }
        }
        source => StoreError::Query {
            doing: "searching",
            source,
        },
    })?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, title, published, source, lang, snippet, rank)| {
            let (snippet, highlights) = split_highlights(&snippet.unwrap_or_default());
            let mut hit = hit(&id, title, published, source, lang)?;
            (hit.snippet, hit.highlights, hit.score) = (snippet, highlights, -rank);
            Some(hit)
        })
        .collect())
}

/// The latest documents (by publication date, then by when they were stored) that pass the
/// query's filters, its words aside: a listing, not a search, so snippets are empty.
pub(crate) fn latest(
    conn: &Connection,
    query: &SearchQuery,
    offset: usize,
) -> Result<Vec<SearchHit>, StoreError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT d.id, d.title, d.published, d.source, d.lang FROM documents d
             WHERE (?1 IS NULL OR d.lang = ?1)
               AND (?2 IS NULL OR d.published >= ?2)
               AND (?3 IS NULL OR d.published <= ?3)
               AND (?4 IS NULL OR d.source = ?4 COLLATE NOCASE)
             ORDER BY d.published IS NULL, d.published DESC, d.rowid DESC LIMIT ?5 OFFSET ?6",
        )
        .doing("preparing a document listing")?;
    let rows = stmt
        .query_map(
            params![
                query.lang,
                query.since.map(|d| d.to_string()),
                query.until.map(|d| d.to_string()),
                query.source,
                query.limit.max(1) as i64,
                offset as i64,
            ],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, Option<String>>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                    r.get::<_, Option<String>>(4)?,
                ))
            },
        )
        .doing("listing documents")?;
    let mut hits = Vec::new();
    for row in rows {
        let (id, title, published, source, lang) = row.doing("reading a document row")?;
        hits.extend(hit(&id, title, published, source, lang));
    }
    Ok(hits)
}

/// A hit from a document row, without snippet or score (`None` for an id that is not hex).
fn hit(
    id: &str,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
    lang: Option<String>,
) -> Option<SearchHit> {
    Some(SearchHit {
        id: DocId::from_hex(id)?,
        title,
        published: published.and_then(|p| p.parse().ok()),
        source,
        lang,
        snippet: String::new(),
        highlights: Vec::new(),
        score: 0.0,
    })
}

/// Removes the snippet markers, returning clean text and the byte ranges they enclosed.
fn split_highlights(marked: &str) -> (String, Vec<(usize, usize)>) {
    let mut clean = String::with_capacity(marked.len());
    let mut highlights = Vec::new();
    let mut open_at = None;
    for c in marked.chars() {
        match c {
            OPEN => open_at = Some(clean.len()),
            CLOSE => {
                if let Some(start) = open_at.take() {
                    highlights.push((start, clean.len()));
                }
            }
            // Reuters wraps lines mid-sentence; a snippet reads better on one line.
            '\n' | '\r' | '\t' => {
                if !clean.ends_with(' ') {
                    clean.push(' ');
                }
            }
            ' ' if clean.ends_with(' ') => {}
            _ => clean.push(c),
        }
    }
    (clean, highlights)
}

#[cfg(test)]
mod tests {
    use super::split_highlights;

    #[test]
    fn markers_become_ranges() {
        let (text, ranges) = split_highlights("a \u{1}cocoa\u{2}\n  crop \u{1}Bahía\u{2}");
        assert_eq!(text, "a cocoa crop Bahía");
        assert_eq!(ranges, vec![(2, 7), (13, 19)]);
        assert_eq!(&text[13..19], "Bahía");
    }
}
