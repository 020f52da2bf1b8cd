use super::Outcome;
use crate::args::{ExtractArgs, OutputFormat};
use anyhow::Context;
use tessera_engine::{IngestEvent, IngestOptions, JsonSink, JsonStyle, Pipeline};

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
    let style = match (args.format, args.pretty) {
        (OutputFormat::Pretty, _) | (_, true) => JsonStyle::Pretty,
        (OutputFormat::Json | OutputFormat::Jsonl, false) => JsonStyle::Lines,
    };
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let stdout = std::io::stdout();
    let mut sink = JsonSink::new(std::io::BufWriter::new(stdout.lock()), style);
    let summary = tessera_engine::run(&pipeline, args.inputs, &options, &mut sink, &mut |event| {
        if let IngestEvent::Failed { origin, message } = event {
            eprintln!("error: {origin}: {message}");
        }
    })
    .context("extract stopped")?;
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
