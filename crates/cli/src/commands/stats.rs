use super::Outcome;
use crate::args::StatsArgs;
use tessera_engine::{SqliteStore, Store};

pub fn run(store: &SqliteStore, args: StatsArgs) -> anyhow::Result<Outcome> {
    let stats = store.stats()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stats)?);
        return Ok(Outcome::Success);
    }
    println!(
        "store        {} (schema v{}, {:.1} MB)",
        store.path().display(),
        stats.schema_version,
        stats.file_bytes as f64 / 1e6
    );
    println!("documents    {}", stats.documents);
    println!("sentences    {}", stats.sentences);
    println!("tokens       {}", stats.tokens);
    println!("text         {:.1} MB", stats.text_bytes as f64 / 1e6);
    println!(
        "facts        {} entities, {} relations, {} events, {} places",
        stats.entities, stats.relations, stats.events, stats.places
    );
    match (&stats.earliest, &stats.latest) {
        (Some(first), Some(last)) => {
            println!("published    {first} to {last} ({} undated)", stats.undated)
        }
        _ => println!("published    no dates ({} undated)", stats.undated),
    }
    let list = |pairs: &[(String, u64)]| {
        pairs
            .iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("languages    {}", list(&stats.by_lang));
    println!("sources      {}", list(&stats.by_source));
    Ok(Outcome::Success)
}
