use super::Outcome;
use crate::args::IngestArgs;
use crate::output;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::time::Duration;
use tessera_engine::{
    IngestEvent, IngestOptions, Pipeline, ReadOptions, SqliteStore, ingest, ingest_and_resolve,
};

pub fn run(db: &Path, args: IngestArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let base = super::read_options(args.format.as_deref(), "--format", args.map.as_deref())?;
    let options = IngestOptions {
        read: ReadOptions {
            source: args.source.clone(),
            include: args.include.clone(),
            exclude: args.exclude.clone(),
            max_document_bytes: args.max_doc_bytes,
            ..base
        },
        batch_size: args.batch_size,
    };
    if let Some(threads) = args.threads {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build_global()
            .context("setting the number of worker threads")?;
    }
    let mut store =
        SqliteStore::open(db).with_context(|| format!("opening the store {}", db.display()))?;
    let pipeline = if args.segment_only {
        Pipeline::new()
    } else {
        Pipeline::with_models().context("loading the shipped models")?
    };

    let progress = (!quiet && !args.json && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template("{spinner} {elapsed} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(Duration::from_millis(120));
        bar
    });
    let (mut new, mut duplicate, mut failed) = (0u64, 0u64, 0u64);
    let mut failures = Vec::new();
    let mut duplicates = Vec::new();
    let json = args.json;
    let list_duplicates = args.list_duplicates;
    let report = |line: String| match &progress {
        Some(bar) => bar.println(line),
        None => eprintln!("{line}"),
    };
    let resolve = !args.no_resolve && !args.segment_only;
    let mut on_event = |event: IngestEvent<'_>| {
        match event {
            IngestEvent::Stored { .. } => new += 1,
            IngestEvent::Duplicate {
                origin,
                id,
                first_origin,
            } => {
                duplicate += 1;
                if json {
                    duplicates.push(serde_json::json!({
                        "origin": origin.to_string(), "id": id, "first_origin": first_origin }));
                } else if list_duplicates {
                    report(format!(
                        "duplicate: {origin}: same as {id}, first read from {first_origin}"
                    ));
                }
            }
            IngestEvent::Failed { origin, message } => {
                failed += 1;
                if json {
                    failures.push(
                        serde_json::json!({ "origin": origin.to_string(), "error": message }),
                    );
                } else {
                    report(format!("error: {origin}: {message}"));
                }
            }
        }
        if let Some(bar) = &progress {
            let done = new + duplicate + failed;
            if done % 64 == 0 {
                bar.set_message(format!(
                    "{done} read: {new} new, {duplicate} duplicate, {failed} failed"
                ));
            }
        }
    };
    let summary = if resolve {
        ingest_and_resolve(&mut store, &pipeline, args.inputs, &options, &mut on_event)
    } else {
        ingest(&mut store, &pipeline, args.inputs, &options, &mut on_event)
    }
    .context("ingest stopped")?;
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }

    if json {
        let value = serde_json::json!({ "summary": summary, "failures": failures, "duplicates": duplicates });
        let mut out = std::io::stdout().lock();
        writeln!(out, "{value}")
            .and_then(|()| out.flush())
            .context("writing to standard output")?;
    } else if !quiet {
        let secs = summary.elapsed.as_secs_f64().max(1e-9);
        eprintln!(
            "read {}, new {}, duplicate {}, failed {} in {} ({:.0} documents/s, {:.1} MB/s) into {}",
            summary.read,
            summary.new,
            summary.duplicate,
            summary.failed,
            output::duration(summary.elapsed),
            summary.read as f64 / secs,
            summary.bytes as f64 / secs / 1e6,
            db.display()
        );
        if summary.duplicate > 0 && !list_duplicates {
            eprintln!("(--list-duplicates names each duplicate and where it was first read)");
        }
    }
    Ok(if summary.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Success
    })
}
