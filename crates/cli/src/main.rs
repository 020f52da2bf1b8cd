//! `tessera`: the command line over Tessera's engine. Each subcommand lives in its own module
//! under `commands/` and only parses, calls the engine and prints.

mod args;
mod commands;
mod graph_args;
mod output;

use clap::Parser;
use std::process::ExitCode;

/// Exit status when the run finished but some inputs were refused.
const EXIT_PARTIAL: u8 = 3;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    // A server's log is its requests: shown unless --quiet.
    let serving = matches!(cli.command, args::Command::Serve(_));
    init_logging(cli.verbose + u8::from(serving), cli.quiet);
    match commands::run(cli) {
        Ok(commands::Outcome::Success) => ExitCode::SUCCESS,
        Ok(commands::Outcome::Partial) => ExitCode::from(EXIT_PARTIAL),
        // The reader of standard output closed early (`tessera search x | head -1`): it has
        // what it wanted, so end quietly and successfully, as `cat` or `rg` would.
        Err(err) if output::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(verbose: u8, quiet: bool) {
    let default = match (quiet, verbose) {
        (true, _) => "error",
        (false, 0) => "warn",
        (false, 1) => "info",
        (false, _) => "debug",
    };
    let filter = tracing_subscriber::EnvFilter::try_from_env("TESSERA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .without_time()
        .init();
}
