//! `tessera export`: the event clusters the filters select, and their entities, in a format
//! another tool opens.

use super::Outcome;
use crate::graph_args::ExportArgs;
use anyhow::Context;
use std::io::Write;
use tessera_engine::SqliteStore;
use tessera_export::{ExportSummary, Format, Options};

pub fn run(store: &SqliteStore, args: ExportArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let format: Format = args.format.parse()?;
    let filter = super::graph::event_filter(store, args.filter, usize::MAX)?;
    let options = Options {
        entities: args.entities,
    };
    let write = |out: &mut dyn Write| -> anyhow::Result<ExportSummary> {
        Ok(tessera_export::export(
            store.connection(),
            format,
            &filter,
            &options,
            out,
        )?)
    };
    let summary = match &args.output {
        Some(folder) if format.writes_folder() => {
            tessera_export::export_folder(store.connection(), format, &filter, folder)
                .with_context(|| {
                    format!("exporting {} into {}", format.as_str(), folder.display())
                })?
        }
        None if format.writes_folder() => anyhow::bail!(
            "{} writes a folder of tables: give one with -o DIR",
            format.as_str()
        ),
        None => crate::output::with_stdout(write)?,
        Some(path) => crate::output::write_atomically(path, write)?,
    };
    if !quiet {
        let mut line = format!(
            "exported {} event clusters, {} entities, {} edges as {}",
            summary.clusters,
            summary.entities,
            summary.edges,
            format.as_str()
        );
        if summary.skipped > 0 {
            line.push_str(&format!(
                " ({} clusters skipped: {})",
                summary.skipped,
                match format {
                    Format::Acled => "types ACLED does not record, or no date",
                    _ => "no coordinates",
                }
            ));
        }
        eprintln!("{line}");
    }
    Ok(Outcome::Success)
}
