//! When whatever reads `tessera`'s standard output stops early (`tessera search x | head -1`),
//! every command ends quietly with exit status 0, as `rg` or `cat` do: no panic, no "Broken
//! pipe" error, no status 101, 1 or 141.
//!
//! Each case spawns the binary with its standard output piped and drops the read end at once,
//! so the pipe is closed before the command writes its first byte.

mod common;

use common::*;
use std::path::Path;
use std::process::Stdio;

/// Runs `tessera ARGS` with a standard output nobody reads; `Err` says how it did not end
/// quietly.
fn into_closed_pipe(db: &Path, args: &[&str]) -> Result<(), String> {
    let mut child = command(db)
        .args(args)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tessera");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("wait for tessera");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let mut problems = Vec::new();
    if !output.status.success() {
        problems.push(format!("ended with {}", output.status));
    }
    if stderr.contains("panicked") {
        problems.push("panicked".to_string());
    }
    if stderr.to_lowercase().contains("broken pipe") {
        problems.push("reported the broken pipe".to_string());
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "tessera {}: {}\n{}",
            args.join(" "),
            problems.join(", "),
            stderr.trim_end()
        ))
    }
}

/// Runs every case and fails with the list of those that did not end quietly.
fn all_quiet(db: &Path, cases: &[Vec<&str>]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|args| into_closed_pipe(db, args).err())
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} commands did not end quietly on a closed pipe:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

fn path(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn store_commands_end_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let articles = fixtures().join("articles");
    let (status, summary) = ingest_json(&db, &[path(&articles)]);
    assert_eq!(status, Some(0), "{summary}");

    // The cases must have something to print.
    let found = tessera(&db, &["search", "--json", "said"]);
    assert!(found.stdout.lines().count() >= 2, "{}", found.stdout);
    let hit: serde_json::Value =
        serde_json::from_str(found.stdout.lines().next().unwrap_or_default()).expect("hit");
    let id = hit["id"].as_str().expect("document id").to_string();

    all_quiet(
        &db,
        &[
            vec!["search", "said"],
            vec!["search", "said", "--json"],
            vec!["show", &id],
            vec!["show", &id, "--sentences"],
            vec!["show", &id, "--json"],
            vec!["stats"],
            vec!["stats", "--json"],
        ],
    );
}

#[test]
fn ingest_json_ends_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = fixtures().join("articles");
    all_quiet(
        &dir.path().join("t.db"),
        &[vec!["ingest", "--json", "--segment-only", path(&articles)]],
    );
}

#[test]
fn extract_ends_quietly_with_much_left_to_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    // The project's 36 fixture articles: far more JSON than a pipe buffer holds (64 KiB).
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let db = dir.path().join("t.db");
    let full = tessera(&db, &["extract", path(&articles)]);
    assert_eq!(full.status, Some(0), "{}", full.stderr);
    assert!(full.stdout.len() > 64 * 1024, "{} bytes", full.stdout.len());

    all_quiet(
        &db,
        &[
            vec!["extract", path(&articles)],
            vec!["extract", path(&articles), "--pretty"],
        ],
    );
}

#[test]
fn ner_eval_and_help_end_quietly() {
    let dir = tempfile::tempdir().expect("temp dir");
    let conll = dir.path().join("tiny.conll");
    std::fs::write(
        &conll,
        "-DOCSTART- O\n\nDock O\nworkers O\nin O\nRotterdam B-LOC\nwalked O\nout O\n. O\n\n\
         Maria B-PER\nJansen I-PER\nof O\nthe O\nFNV B-ORG\nunion O\nspoke O\n. O\n",
    )
    .expect("write CoNLL");
    let text = "Flooding closed roads in Lyon on Monday, officials said.";
    let start = text.find("Lyon").expect("toponym");
    let geo = dir.path().join("geo.jsonl");
    let geo_gold = serde_json::json!({
        "id": "1", "text": text,
        "toponyms": [{
            "start": start, "end": start + 4, "text": "Lyon", "geonames_id": "2996944",
            "lat": 45.748, "lon": 4.847, "country_geonames_id": "3017382",
        }],
    });
    std::fs::write(&geo, format!("{geo_gold}\n")).expect("write geo gold");
    let plover = dir.path().join("plover.jsonl");
    let plover_gold = serde_json::json!({
        "text": "Dock workers protested outside the port authority on Tuesday.",
        "event": "PROTEST",
        "source": [{"actorText": "Dock workers"}],
        "target": [{"actorText": "port authority"}],
    });
    std::fs::write(&plover, format!("{plover_gold}\n")).expect("write events gold");

    let db = dir.path().join("t.db");
    all_quiet(
        &db,
        &[
            vec!["ner", "--conll", path(&conll), "--lang", "en"],
            vec!["eval", "ner", "--conll", path(&conll), "--lang", "en"],
            vec!["eval", "geo", "--jsonl", path(&geo), "--gold-spans"],
            vec!["eval", "events", "--plover", path(&plover)],
            vec!["--help"],
            vec!["show", "--help"],
            vec!["--version"],
        ],
    );
}
