//! Reading a stored document back with every layer.

use super::layers_read::read_layers;
use crate::error::QueryContext;
use crate::{StoreError, StoredDocument};
use rusqlite::Connection;
use tessera_doc::{
    DocId, Document, Language, Mention, MentionKind, Metadata, Origin, Segmentation, Span,
};

/// Looks a document up by id or unique id prefix; see [`crate::Store::get`].
pub(super) fn get(
    conn: &Connection,
    id_or_prefix: &str,
) -> Result<Option<StoredDocument>, StoreError> {
    let Some(prefix) = DocId::from_hex(id_or_prefix) else {
        return Ok(None);
    };
    let mut stmt = conn
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
                stored.document.mentions = mentions(conn, rowid)?;
                read_layers(conn, rowid, &mut stored.document)?;
                stored.document.link_mentions();
                Ok(stored)
            })
            .transpose(),
        _ => Err(StoreError::AmbiguousId {
            prefix: id_or_prefix.to_string(),
        }),
    }
}

fn mentions(conn: &Connection, rowid: i64) -> Result<Vec<Mention>, StoreError> {
    let mut stmt = conn
        .prepare_cached("SELECT start, end, kind FROM mentions WHERE doc = ?1 ORDER BY start, end")
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
            mentions.push(Mention::new(Span { start, end }, kind));
        }
    }
    Ok(mentions)
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
    let token_table = tessera_doc::TokenTable::build(&text, &segmentation);
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
            lang: lang
                .and_then(|code| tessera_doc::Lang::parse(&code))
                .map(|code| Language {
                    code,
                    confidence: confidence.unwrap_or(0.0) as f32,
                }),
            segmentation,
            mentions: Vec::new(),
            places: Vec::new(),
            place_references: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
            events: Vec::new(),
            values: tessera_doc::Values::default(),
            token_table,
            syntax: tessera_doc::Syntax::default(),
            dateline: None,
            unsupported,
        },
        ingested_at,
    })
}
