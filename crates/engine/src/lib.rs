//! Tessera's engine: the pipeline from inputs to stored, annotated documents, and the queries
//! over them.
//!
//! The engine knows nothing of terminals or HTTP (as Meilisearch's `milli` knows nothing of its
//! server): the `tessera` command line and any server are thin layers over this API. The
//! [`Pipeline`] is an ordered list of [`Stage`]s, plain functions over a
//! [`tessera_doc::Document`]; one driver ([`run`]) reads inputs, analyses them in parallel and
//! hands finished documents to a [`Sink`]: the store ([`StoreSink`], `ingest`) or the output
//! contract as JSON Lines ([`JsonSink`], `extract`). [`ingest_and_resolve`] also links each
//! stored document across the store as it arrives ([`tessera_graph`]).

mod analyse;
mod contract;
mod drive;
pub mod eval;
mod facility_names;
mod geocode;
mod org_names;
mod place_names;
mod place_references;
mod recognise;
mod resolve;
mod stored;
mod syntax;
mod truecase;
mod unit_names;
mod unit_splits;
mod values;

pub use analyse::{AnalyseError, Pipeline, ResourceError, Resources, STAGES, Stage};

/// The stages one by one, for benchmarks and tools that run part of the pipeline.
pub mod stages {
    pub use crate::place_references::find_place_references;
    pub use crate::resolve::resolve_entities;
    pub use tessera_events::extract_events;
}
pub use contract::{Entity, Extraction, JsonSink, JsonStyle, TextSpan, extraction};
pub use drive::{
    IngestEvent, IngestOptions, IngestSummary, ResolvingSink, Sink, StoreSink, ingest,
    ingest_and_resolve, run,
};
pub use stored::stored_document_json;
pub use tessera_doc as doc;
pub use tessera_graph as graph;
pub use tessera_ner::NerError;
pub use tessera_read::{FieldMap, Format, ReadError, ReadOptions, read_inputs};
pub use tessera_store::{
    PutOutcome, SearchHit, SearchQuery, SqliteStore, Stats, Store, StoreError, StoredDocument,
};

/// Errors that stop a whole run (as opposed to one bad input, which is reported and skipped).
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("resolving across documents: {0}")]
    Graph(#[from] tessera_graph::GraphError),
    #[error("the reader thread stopped unexpectedly")]
    ReaderPanicked,
    #[error("writing the output")]
    Output(#[source] std::io::Error),
}
