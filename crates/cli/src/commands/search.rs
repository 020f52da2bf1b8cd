use super::Outcome;
use crate::args::SearchArgs;
use crate::output;
use std::io::{IsTerminal, Write};
use tessera_engine::{SearchQuery, SqliteStore, Store};

pub fn run(store: &SqliteStore, args: SearchArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let query = SearchQuery {
        text: args.query.join(" "),
        lang: args.lang,
        since: args.since,
        until: args.until,
        source: args.source,
        limit: args.limit,
    };
    let started = std::time::Instant::now();
    let hits = store.search(&query)?;
    if args.json {
        for hit in &hits {
            serde_json::to_writer(&mut *out, hit)?;
            writeln!(out)?;
        }
        return Ok(Outcome::Success);
    }
    let terminal = std::io::stdout().is_terminal();
    for hit in &hits {
        let date = hit
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        writeln!(
            out,
            "{}  {}  {}  {}",
            &hit.id.as_str()[..12],
            date,
            hit.source.as_deref().unwrap_or("-"),
            hit.title.as_deref().unwrap_or("(untitled)")
        )?;
        writeln!(
            out,
            "    {}",
            output::highlight(&hit.snippet, &hit.highlights, terminal)
        )?;
    }
    // The results before the count on stderr, as a terminal shows them.
    out.flush()?;
    eprintln!(
        "{} result{} in {}",
        hits.len(),
        if hits.len() == 1 { "" } else { "s" },
        output::duration(started.elapsed())
    );
    Ok(Outcome::Success)
}
