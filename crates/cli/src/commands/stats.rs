use super::Outcome;
use crate::args::StatsArgs;
use std::io::Write;
use tessera_engine::{SqliteStore, Store};

pub fn run(store: &SqliteStore, args: StatsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let stats = store.stats()?;
    if args.json {
        serde_json::to_writer_pretty(&mut *out, &stats)?;
        writeln!(out)?;
        return Ok(Outcome::Success);
    }
    writeln!(
        out,
        "store        {} (schema v{}, {:.1} MB)",
        store.path().display(),
        stats.schema_version,
        stats.file_bytes as f64 / 1e6
    )?;
    writeln!(out, "documents    {}", stats.documents)?;
    writeln!(out, "sentences    {}", stats.sentences)?;
    writeln!(out, "tokens       {}", stats.tokens)?;
    writeln!(out, "text         {:.1} MB", stats.text_bytes as f64 / 1e6)?;
    writeln!(
        out,
        "facts        {} entities, {} relations, {} events, {} places",
        stats.entities, stats.relations, stats.events, stats.places
    )?;
    match (&stats.earliest, &stats.latest) {
        (Some(first), Some(last)) => writeln!(
            out,
            "published    {first} to {last} ({} undated)",
            stats.undated
        )?,
        _ => writeln!(out, "published    no dates ({} undated)", stats.undated)?,
    }
    let list = |pairs: &[(String, u64)]| {
        pairs
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    writeln!(out, "languages    {}", list(&stats.by_lang))?;
    writeln!(out, "sources      {}", list(&stats.by_source))?;
    Ok(Outcome::Success)
}
