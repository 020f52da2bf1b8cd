//! One module per subcommand; each parses nothing itself, calls the engine and prints.

mod eval;
mod export;
mod extract;
mod graph;
mod ingest;
mod ner;
mod parse;
mod report;
mod search;
mod serve;
mod show;
mod stats;

use crate::args::{Cli, Command};
use crate::output;
use anyhow::Context;
use tessera_engine::SqliteStore;

/// How a command that did not fail outright ended.
pub enum Outcome {
    Success,
    /// Finished, but some inputs were refused.
    Partial,
}

/// Runs the command. Those that print results write them to the `out` that
/// [`output::with_stdout`] lends them and return write errors, so that a closed pipe ends
/// them (see `main`) instead of panicking.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    match cli.command {
        Command::Ingest(args) => ingest::run(&cli.db, args, cli.quiet),
        Command::Search(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| search::run(&store, args, out))
        }
        Command::Show(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| show::run(&store, args, out))
        }
        Command::Stats(args) => {
            let store = open_existing(&cli.db)?;
            match args.what {
                Some(crate::graph_args::StatsCommand::Events { by, json }) => {
                    output::with_stdout(|out| graph::event_stats(&store, by, json, out))
                }
                None => output::with_stdout(|out| stats::run(&store, args, out)),
            }
        }
        Command::Resolve(args) => {
            let mut store = open_existing(&cli.db)?;
            graph::resolve(&mut store, args, cli.quiet)
        }
        Command::Entities(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::entities(&store, args, out))
        }
        Command::Entity(args) => {
            let mut store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::entity(&mut store, args, out))
        }
        Command::Events(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::events(&store, args, out))
        }
        Command::Path(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::path(&store, args, out))
        }
        Command::Timeline(args) => {
            let store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::timeline(&store, args, out))
        }
        Command::Export(args) => {
            let store = open_existing(&cli.db)?;
            export::run(&store, args, cli.quiet)
        }
        Command::Report(args) => {
            let store = open_existing(&cli.db)?;
            report::run(&store, args, cli.quiet)
        }
        Command::Source(command) => {
            let mut store = open_existing(&cli.db)?;
            output::with_stdout(|out| graph::source(&mut store, command, out))
        }
        Command::Serve(args) => serve::run(&cli.db, args),
        Command::Extract(args) => extract::run(args),
        Command::Eval(command) => output::with_stdout(|out| eval::run(command, out)),
        Command::Ner(args) => output::with_stdout(|out| ner::tag(args, out)),
        Command::Train(crate::args::TrainCommand::Ner(args)) => ner::train(args),
        Command::Train(crate::args::TrainCommand::Clusters(args)) => ner::train_clusters(args),
        Command::Train(crate::args::TrainCommand::Parse(args)) => parse::train(args),
    }
}

/// Reader options from the `--format`-style flag (named `flag` in errors) and `--map`.
fn read_options(
    format: Option<&str>,
    flag: &str,
    map: Option<&str>,
) -> anyhow::Result<tessera_engine::ReadOptions> {
    let format = format
        .map(str::parse::<tessera_engine::Format>)
        .transpose()
        .map_err(|e| anyhow::anyhow!("{flag}: {e}"))?;
    let map = match map {
        Some(spec) => spec
            .parse::<tessera_engine::FieldMap>()
            .map_err(|e| anyhow::anyhow!("--map: {e}"))?,
        None => tessera_engine::FieldMap::default(),
    };
    Ok(tessera_engine::ReadOptions {
        format,
        map,
        ..tessera_engine::ReadOptions::default()
    })
}

/// Opens a store that must already exist: querying a mistyped path should not create an
/// empty store and answer "no results".
fn open_existing(path: &std::path::Path) -> anyhow::Result<SqliteStore> {
    if !path.exists() {
        anyhow::bail!(
            "no store at {}: ingest something first (tessera ingest PATH), or point --db / TESSERA_DB at an existing store",
            path.display()
        );
    }
    SqliteStore::open(path).with_context(|| format!("opening {}", path.display()))
}
