use super::Outcome;
use crate::args::ExtractArgs;
use anyhow::Context;
use rayon::prelude::*;
use std::io::Write;
use tessera_engine::{Pipeline, extraction};

/// Documents analysed together; output order is input order.
const CHUNK: usize = 64;

pub fn run(args: ExtractArgs) -> anyhow::Result<Outcome> {
    let options = super::read_options(
        args.input_format.as_deref(),
        "--input-format",
        args.map.as_deref(),
    )?;
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let mut records = tessera_engine::read_inputs(args.inputs, options).peekable();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    while records.peek().is_some() {
        let chunk: Vec<_> = records.by_ref().take(CHUNK).collect();
        let results: Vec<_> = chunk
            .into_par_iter()
            .map(|record| {
                let record = record.map_err(|e| e.to_string())?;
                let doc = pipeline.analyse(record).map_err(|e| e.to_string())?;
                let value = extraction(&doc);
                if args.pretty {
                    serde_json::to_string_pretty(&value)
                } else {
                    serde_json::to_string(&value)
                }
                .map_err(|e| e.to_string())
            })
            .collect();
        for result in results {
            match result {
                Ok(json) => writeln!(out, "{json}").context("writing to stdout")?,
                Err(message) => {
                    failed += 1;
                    eprintln!("error: {message}");
                }
            }
        }
    }
    out.flush().context("writing to stdout")?;
    Ok(if failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
