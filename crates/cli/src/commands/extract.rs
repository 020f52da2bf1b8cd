use super::Outcome;
use crate::args::{ExtractArgs, OutputFormat};
use anyhow::Context;
use tessera_engine::{
    IngestEvent, IngestOptions, JsonSink, JsonStyle, Pipeline, SqliteStore, ingest_and_resolve,
};

/// Documents analysed together; output order is input order.
const CHUNK: usize = 64;

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let read = super::read_options(
        args.input_format.as_deref(),
        "--input-format",
        args.map.as_deref(),
    )?;
    let options = IngestOptions {
        read,
        batch_size: CHUNK,
    };
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let mut on_event = |event: IngestEvent<'_>| {
        if let IngestEvent::Failed { origin, message } = event {
            eprintln!("error: {origin}: {message}");
        }
    };
    let failed = match args.format.export().filter(|_| !args.pretty) {
        Some(format) => {
            // The articles go through a store of their own, so each format says exactly what
            // `tessera export` would; the store is gone when the command ends.
            let folder = tempfile::tempdir().context("making a scratch folder")?;
            let mut store = SqliteStore::open(&folder.path().join("extract.db"))
                .context("opening a scratch store")?;
            let summary =
                ingest_and_resolve(&mut store, &pipeline, args.inputs, &options, &mut on_event)
                    .context("extract stopped")?;
            let filter = tessera_engine::graph::query::EventFilter {
                limit: usize::MAX,
                ..Default::default()
            };
            let options = tessera_export::Options { entities: true };
            crate::output::with_stdout(|out| {
                Ok(tessera_export::export(
                    store.connection(),
                    format,
                    &filter,
                    &options,
                    out,
                )?)
            })?;
            summary.failed
        }
        None => {
            let style = match (args.format, args.pretty) {
                (OutputFormat::Json | OutputFormat::Jsonl, false) => JsonStyle::Lines,
                _ => JsonStyle::Pretty,
            };
            let stdout = std::io::stdout();
            let mut sink = JsonSink::new(std::io::BufWriter::new(stdout.lock()), style);
            tessera_engine::run(&pipeline, args.inputs, &options, &mut sink, &mut on_event)
                .context("extract stopped")?
                .failed
        }
    };
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
