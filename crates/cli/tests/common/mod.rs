//! Helpers for running the `tessera` binary against a temporary store.

#![allow(dead_code)] // each test file uses a different subset

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Run {
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn command(db: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tessera"));
    cmd.arg("--db")
        .arg(db)
        .env_remove("TESSERA_DB")
        .env_remove("TESSERA_LOG");
    cmd
}

pub fn tessera(db: &Path, args: &[&str]) -> Run {
    let output: Output = command(db).args(args).output().expect("run tessera");
    Run {
        status: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Ingest with a JSON summary; returns (exit status, parsed summary object).
pub fn ingest_json(db: &Path, args: &[&str]) -> (Option<i32>, serde_json::Value) {
    let mut all = vec!["ingest", "--json"];
    all.extend_from_slice(args);
    let run = tessera(db, &all);
    let value = serde_json::from_str(run.stdout.trim()).unwrap_or_else(|e| {
        panic!(
            "ingest --json printed no JSON ({e}): {}\n{}",
            run.stdout, run.stderr
        )
    });
    (run.status, value)
}

pub fn count(summary: &serde_json::Value, field: &str) -> u64 {
    summary["summary"][field]
        .as_u64()
        .unwrap_or_else(|| panic!("no {field} in {summary}"))
}

pub fn stored_documents(db: &Path) -> u64 {
    let run = tessera(db, &["stats", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("stats JSON");
    value["documents"].as_u64().expect("documents count")
}
