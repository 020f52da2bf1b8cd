use chrono::NaiveDate;
use serde::Serialize;
use tessera_doc::{DocId, Document};

/// What happened to one document of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PutOutcome {
    Stored,
    /// Already stored; `first_origin` is where the stored copy was read from.
    Duplicate {
        first_origin: String,
    },
}

/// A document as stored, with when it was stored.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDocument {
    pub document: Document,
    pub ingested_at: String,
}

#[derive(Debug, Clone, Default)]
pub struct SearchQuery {
    /// The user's query: words, "quoted phrases", OR, -excluded, prefix*.
    pub text: String,
    pub lang: Option<String>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    pub source: Option<String>,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub id: DocId,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub lang: Option<String>,
    /// A short passage of the text around the best match (the title is given apart).
    pub snippet: String,
    /// Byte ranges of matched terms within `snippet`.
    pub highlights: Vec<(usize, usize)>,
    /// BM25 relevance; larger is better.
    pub score: f64,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub sentences: u64,
    pub tokens: u64,
    pub text_bytes: u64,
    /// Entities within documents (not yet merged across documents).
    pub entities: u64,
    pub relations: u64,
    pub events: u64,
    /// Place mentions resolved to a gazetteer entry.
    pub places: u64,
    pub earliest: Option<String>,
    pub latest: Option<String>,
    pub undated: u64,
    pub by_lang: Vec<(String, u64)>,
    pub by_source: Vec<(String, u64)>,
    pub schema_version: u32,
    pub file_bytes: u64,
}
