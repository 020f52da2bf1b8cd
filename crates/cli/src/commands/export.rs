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
        None => crate::output::with_stdout(write)?,
        Some(path) => {
            // Written beside the target and renamed into place: a failed or killed export
            // leaves no half-written file under the name asked for.
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(std::path::Path::new("."));
            let mut file = tempfile::NamedTempFile::new_in(dir)
                .with_context(|| format!("creating a file in {}", dir.display()))?;
            let summary = {
                let mut out = std::io::BufWriter::new(file.as_file_mut());
                let summary = write(&mut out)?;
                out.flush()
                    .with_context(|| format!("writing {}", path.display()))?;
                summary
            };
            file.persist(path)
                .with_context(|| format!("writing {}", path.display()))?;
            summary
        }
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
