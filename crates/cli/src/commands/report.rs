//! `tessera report`: a situation brief as one HTML page, and, with `--pdf`, the same page
//! printed by headless Chromium.

use super::Outcome;
use crate::graph_args::ReportArgs;
use anyhow::{Context, bail};
use std::path::{Path, PathBuf};
use std::process::Command;
use tessera_engine::SqliteStore;
use tessera_report::{Request, Scope};

pub fn run(store: &SqliteStore, args: ReportArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let scope = match (args.place, args.entity, args.query) {
        (Some(place), None, None) => Scope::Place(place),
        (None, Some(entity), None) => Scope::Entity(entity),
        (None, None, Some(words)) => Scope::Query(words),
        _ => bail!("give one of --place, --entity or --query"),
    };
    if args.km.is_nan() || args.km <= 0.0 {
        bail!("--km must be a positive distance, not {}", args.km);
    }
    let request = Request {
        scope,
        since: args.since.map(|d| d.to_string()),
        until: args.until.map(|d| d.to_string()),
        km: args.km,
        limit: args.limit.max(1),
    };
    let brief = tessera_report::build(store.connection(), &request)?;
    let generated = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string();
    let html = tessera_report::render(&brief, &generated)?;
    crate::output::write_atomically(&args.output, |out| {
        out.write_all(html.as_bytes())?;
        Ok(())
    })?;
    if !quiet {
        eprintln!(
            "wrote {}: {} events ({} listed), {} actors, {} sources",
            args.output.display(),
            brief.items.len() + brief.unlisted,
            brief.items.len(),
            brief.actors.len(),
            brief.sources.len()
        );
    }
    if let Some(pdf) = &args.pdf {
        print_pdf(&args.output, pdf)?;
        if !quiet {
            eprintln!("printed {}", pdf.display());
        }
    }
    Ok(Outcome::Success)
}

/// The Chromium to print with: TESSERA_CHROMIUM, else the first of the usual names on the PATH.
pub fn chromium() -> Option<PathBuf> {
    if let Some(program) = std::env::var_os("TESSERA_CHROMIUM").filter(|p| !p.is_empty()) {
        return Some(PathBuf::from(program));
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|candidate| candidate.is_file())
}

fn print_pdf(html: &Path, pdf: &Path) -> anyhow::Result<()> {
    let Some(program) = chromium() else {
        bail!(
            "--pdf needs headless Chromium and none was found: install `chromium` (Debian, \
             Ubuntu), or set TESSERA_CHROMIUM to its program; the HTML brief is written at {}",
            html.display()
        );
    };
    let html =
        std::fs::canonicalize(html).with_context(|| format!("finding {}", html.display()))?;
    let profile = tempfile::tempdir().context("creating a profile folder for Chromium")?;
    // Chromium writes the PDF where told; a partial file under the asked name is avoided by
    // printing beside it and renaming.
    let dir = pdf
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let staging = tempfile::Builder::new()
        .suffix(".pdf")
        .tempfile_in(dir)
        .with_context(|| format!("creating a file in {}", dir.display()))?;
    let output = Command::new(&program)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", staging.path().display()))
        .arg(format!("file://{}", html.display()))
        .output()
        .with_context(|| format!("running {}", program.display()))?;
    let printed = std::fs::metadata(staging.path())
        .map(|m| m.len())
        .unwrap_or(0);
    if !output.status.success() || printed == 0 {
        bail!(
            "{} could not print {} ({}): {}",
            program.display(),
            html.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    staging
        .persist(pdf)
        .with_context(|| format!("writing {}", pdf.display()))?;
    Ok(())
}
