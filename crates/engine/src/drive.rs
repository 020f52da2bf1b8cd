//! The one driver: read → analyse (in parallel) → hand each batch, in input order, to a
//! [`Sink`]. `ingest` runs it into the store, `extract` into JSON Lines; later sinks (exports,
//! PostgreSQL) slot in beside them, as Vector keeps sources and sinks apart from transforms.
//!
//! A reader thread streams records and analyses each chunk on the rayon pool while the calling
//! thread writes the previous chunk, so reading, analysis and writing overlap. With the store
//! sink a batch is one transaction and documents are keyed by content hash, so a run killed at
//! any point leaves whole batches only, and running it again stores each document exactly once.

use crate::{EngineError, Pipeline};
use crossbeam_channel::bounded;
use rayon::prelude::*;
use std::time::{Duration, Instant};
use tessera_doc::{DocId, Document, Origin};
use tessera_read::{ReadOptions, read_inputs};
use tessera_store::{PutOutcome, Store};

/// Where analysed documents go. A batch comes in input order; the sink says what became of
/// each document, in the same order.
pub trait Sink {
    fn write_batch(&mut self, batch: &[Document]) -> Result<Vec<PutOutcome>, EngineError>;

    /// Called once after the last batch (flush buffers, close files).
    fn finish(&mut self) -> Result<(), EngineError> {
        Ok(())
    }
}

/// The store as a sink: one transaction per batch, duplicates recognised by content hash.
pub struct StoreSink<'s>(pub &'s mut dyn Store);

impl Sink for StoreSink<'_> {
    fn write_batch(&mut self, batch: &[Document]) -> Result<Vec<PutOutcome>, EngineError> {
        Ok(self.0.put_batch(batch)?)
    }
}

/// The SQLite store as a sink that also resolves each stored batch across documents (entities,
/// event clusters) in the transaction after it: a kill between the two leaves the batch pending,
/// and the next ingest or `tessera resolve` finishes it. One resolver serves every batch, so
/// what it read of the graph for one batch serves the next.
pub struct ResolvingSink<'s> {
    store: &'s mut tessera_store::SqliteStore,
    resolver: tessera_graph::Resolver,
}

impl<'s> ResolvingSink<'s> {
    pub fn new(store: &'s mut tessera_store::SqliteStore) -> Self {
        ResolvingSink {
            store,
            resolver: tessera_graph::Resolver::new(),
        }
    }
}

impl Sink for ResolvingSink<'_> {
    fn write_batch(&mut self, batch: &[Document]) -> Result<Vec<PutOutcome>, EngineError> {
        let outcomes = self.store.put_batch(batch)?;
        let stored: Vec<&Document> = batch
            .iter()
            .zip(&outcomes)
            .filter(|(_, outcome)| matches!(outcome, PutOutcome::Stored))
            .map(|(doc, _)| doc)
            .collect();
        self.resolver.resolve_documents(self.store, &stored)?;
        Ok(outcomes)
    }
}

#[derive(Debug, Clone)]
pub struct IngestOptions {
    pub read: ReadOptions,
    /// Documents per transaction: larger is faster; smaller loses less work to a crash.
    pub batch_size: usize,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            read: ReadOptions::default(),
            batch_size: 512,
        }
    }
}

/// What happened to one input record, as it happens (for progress and reports).
#[derive(Debug)]
pub enum IngestEvent<'a> {
    Stored {
        origin: &'a Origin,
        id: &'a DocId,
    },
    Duplicate {
        origin: &'a Origin,
        id: &'a DocId,
        first_origin: &'a str,
    },
    Failed {
        origin: &'a Origin,
        message: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct IngestSummary {
    pub read: u64,
    pub new: u64,
    pub duplicate: u64,
    pub failed: u64,
    /// Bytes of document text analysed.
    pub bytes: u64,
    #[serde(serialize_with = "seconds")]
    pub elapsed: Duration,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

type Analysed = Result<Document, (Origin, String)>;

/// Reads every input, analyses and stores it. Bad inputs are reported through `on_event` and
/// skipped; only a store failure stops the run.
pub fn ingest(
    store: &mut dyn Store,
    pipeline: &Pipeline,
    inputs: Vec<String>,
    options: &IngestOptions,
    on_event: &mut dyn FnMut(IngestEvent<'_>),
) -> Result<IngestSummary, EngineError> {
    run(pipeline, inputs, options, &mut StoreSink(store), on_event)
}

/// As [`ingest`], and resolves every stored document across the store (first any left pending
/// by an earlier run that was stopped).
pub fn ingest_and_resolve(
    store: &mut tessera_store::SqliteStore,
    pipeline: &Pipeline,
    inputs: Vec<String>,
    options: &IngestOptions,
    on_event: &mut dyn FnMut(IngestEvent<'_>),
) -> Result<IngestSummary, EngineError> {
    let mut sink = ResolvingSink::new(store);
    sink.resolver.resolve_pending(sink.store, &mut |_, _| {})?;
    run(pipeline, inputs, options, &mut sink, on_event)
}

/// Reads every input, analyses it and hands it to `sink`. Bad inputs are reported through
/// `on_event` and skipped; only a sink failure stops the run.
pub fn run(
    pipeline: &Pipeline,
    inputs: Vec<String>,
    options: &IngestOptions,
    sink: &mut dyn Sink,
    on_event: &mut dyn FnMut(IngestEvent<'_>),
) -> Result<IngestSummary, EngineError> {
    let started = Instant::now();
    let batch_size = options.batch_size.max(1);
    let records = read_inputs(inputs, options.read.clone());
    let (sender, receiver) = bounded::<Vec<Analysed>>(2);
    let mut summary = IngestSummary::default();

    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut records = records.peekable();
            while records.peek().is_some() {
                let chunk: Vec<_> = records.by_ref().take(batch_size).collect();
                let analysed: Vec<Analysed> = chunk
                    .into_par_iter()
                    .map(|record| match record {
                        Ok(record) => pipeline.analyse(record).map_err(|e| (e.origin, e.reason)),
                        Err(e) => Err((e.origin.clone(), e.kind.to_string())),
                    })
                    .collect();
                if sender.send(analysed).is_err() {
                    break; // the writer stopped on a store error
                }
            }
        });

        let written = write_chunks(sink, receiver, &mut summary, on_event);
        let joined = reader.join().map_err(|_| EngineError::ReaderPanicked);
        written.and(joined)
    })?;
    sink.finish()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn write_chunks(
    sink: &mut dyn Sink,
    receiver: crossbeam_channel::Receiver<Vec<Analysed>>,
    summary: &mut IngestSummary,
    on_event: &mut dyn FnMut(IngestEvent<'_>),
) -> Result<(), EngineError> {
    for chunk in receiver {
        let mut documents = Vec::with_capacity(chunk.len());
        for item in chunk {
            summary.read += 1;
            match item {
                Ok(doc) => {
                    summary.bytes += doc.text.len() as u64;
                    documents.push(doc);
                }
                Err((origin, message)) => {
                    summary.failed += 1;
                    on_event(IngestEvent::Failed {
                        origin: &origin,
                        message,
                    });
                }
            }
        }
        let outcomes = sink.write_batch(&documents)?;
        for (doc, outcome) in documents.iter().zip(&outcomes) {
            match outcome {
                PutOutcome::Stored => {
                    summary.new += 1;
                    on_event(IngestEvent::Stored {
                        origin: &doc.origin,
                        id: &doc.id,
                    });
                }
                PutOutcome::Duplicate { first_origin } => {
                    summary.duplicate += 1;
                    on_event(IngestEvent::Duplicate {
                        origin: &doc.origin,
                        id: &doc.id,
                        first_origin,
                    });
                }
            }
        }
    }
    Ok(())
}
