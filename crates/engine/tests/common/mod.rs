//! What the fixture tests share: the articles, their expected JSON, the extraction of each,
//! one folding rule for names, and precision/recall counts.

#![allow(dead_code)]

use serde_json::Value;
use std::path::{Path, PathBuf};
use tessera_engine::{Extraction, Pipeline, extraction};

/// Lowercase without accents, whitespace collapsed.
pub fn fold(s: &str) -> String {
    tessera_engine::doc::fold(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Items matched one to one, predicted and expected.
#[derive(Default, Clone, Copy, Debug)]
pub struct Count {
    pub matched: usize,
    pub predicted: usize,
    pub expected: usize,
}

impl Count {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.expected)
    }
    pub fn add(&mut self, other: Count) {
        self.matched += other.matched;
        self.predicted += other.predicted;
        self.expected += other.expected;
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// The fixture articles in number order; `TESSERA_FIXTURE_RANGE=89-114` keeps a range.
pub fn fixture_paths() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixtures/articles is readable")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    if let Some((from, to)) = std::env::var("TESSERA_FIXTURE_RANGE").ok().and_then(|r| {
        let (a, b) = r.split_once('-')?;
        Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?))
    }) {
        paths.retain(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.split('-').next())
                .and_then(|n| n.parse::<u32>().ok())
                .is_some_and(|n| (from..=to).contains(&n))
        });
    }
    paths
}

/// The expected extraction beside an article.
pub fn expected(path: &Path) -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(path.with_extension("json"))
            .expect("expected JSON beside the article"),
    )
    .expect("valid JSON")
}

/// What the pipeline extracts from an article.
pub fn analyse(pipeline: &Pipeline, path: &Path) -> Extraction {
    let record = tessera_engine::read_inputs(
        vec![path.display().to_string()],
        tessera_engine::ReadOptions::default(),
    )
    .next()
    .expect("one record")
    .expect("a readable article");
    extraction(&pipeline.analyse(record).expect("analysed"))
}

/// What the pipeline extracts from a text of our own, with no metadata.
pub fn analyse_text(pipeline: &Pipeline, text: &str) -> Extraction {
    let record = tessera_engine::doc::SourceRecord {
        origin: tessera_engine::doc::Origin::file("test.txt".to_string()),
        meta: tessera_engine::doc::Metadata::default(),
        text: text.to_string(),
    };
    extraction(&pipeline.analyse(record).expect("analysed"))
}

/// Prints an article's misses when `TESSERA_FIXTURE_MISSES` is set.
pub fn print_misses(path: &Path, misses: &[String]) {
    if std::env::var_os("TESSERA_FIXTURE_MISSES").is_some() && !misses.is_empty() {
        println!(
            "== {}\n  {}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
            misses.join("\n  ")
        );
    }
}

/// Fails when a precision or recall falls under its floor.
pub fn assert_floor(label: &str, precision: f64, recall: f64, floor: (f64, f64)) {
    assert!(
        precision >= floor.0 && recall >= floor.1,
        "{label}: precision {precision:.3} (floor {}), recall {recall:.3} (floor {})",
        floor.0,
        floor.1
    );
}
