//! Ingest and search throughput over Reuters-21578: read, segment and store into a fresh SQLite
//! file (the foundation's measure), the same with every stage, and search latency.
//!
//! Run: `cargo bench -p tessera-engine --bench ingest`. The corpus is looked up at
//! `$TESSERA_BENCH_REUTERS`, else `../shared/data/news/reuters21578.jsonl` beside the repository;
//! the bench says so and exits when it is absent. Reported figures are medians over the runs,
//! since this machine is shared and noisy.

mod common;

use common::{median, reuters as corpus};
use std::time::{Duration, Instant};
use tessera_engine::{IngestOptions, Pipeline, SearchQuery, SqliteStore, Store, ingest};

const INGEST_RUNS: usize = 5;
const SEARCH_ROUNDS: usize = 20;
const FULL_RUNS: usize = 3;
const QUERIES: &[&str] = &[
    "oil",
    "cocoa",
    "\"interest rates\"",
    "dollar OR yen",
    "bank -japan",
    "wheat export*",
    "opec production quota",
    "Bundesbank",
];

/// Ingests `input` into a fresh store at `db`; returns the store, the records read (stored,
/// duplicate or refused) and the seconds it took.
fn timed_ingest(pipeline: &Pipeline, db: &std::path::Path, input: &str) -> (SqliteStore, f64, f64) {
    let mut store = SqliteStore::open(db).expect("open store");
    let started = Instant::now();
    let summary = ingest(
        &mut store,
        pipeline,
        vec![input.to_string()],
        &IngestOptions::default(),
        &mut |_| {},
    )
    .expect("ingest");
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{} read, {} new, {} duplicate, {} failed in {secs:.2} s",
        summary.read, summary.new, summary.duplicate, summary.failed
    );
    (store, summary.read as f64, secs)
}

fn main() {
    let Some(corpus) = corpus() else {
        eprintln!("reuters21578.jsonl not found; set TESSERA_BENCH_REUTERS to run this benchmark");
        return;
    };
    let input = corpus.to_string_lossy().into_owned();
    let file_mb = std::fs::metadata(&corpus).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    let pipeline = Pipeline::new();
    let dir = tempfile::tempdir().expect("temp dir");

    let mut docs_per_s = Vec::new();
    let mut mb_per_s = Vec::new();
    let mut last_db = None;
    for run in 0..INGEST_RUNS {
        let db = dir.path().join(format!("bench-{run}.db"));
        let (store, read, secs) = timed_ingest(&pipeline, &db, &input);
        docs_per_s.push(read / secs);
        mb_per_s.push(file_mb / secs);
        last_db = Some(store);
    }
    println!(
        "ingest reuters21578.jsonl ({file_mb:.1} MB): median {:.0} documents/s, {:.2} MB/s over {INGEST_RUNS} runs",
        median(docs_per_s),
        median(mb_per_s)
    );

    // The whole pipeline (recognition, dates and numbers, geocoding) on top, for reference.
    let full = Pipeline::with_models().expect("shipped models");
    let full_docs_per_s = (0..FULL_RUNS)
        .map(|run| {
            let db = dir.path().join(format!("bench-full-{run}.db"));
            let (_, read, secs) = timed_ingest(&full, &db, &input);
            read / secs
        })
        .collect();
    println!(
        "ingest with every stage: median {:.0} documents/s over {FULL_RUNS} runs",
        median(full_docs_per_s)
    );

    let store = last_db.expect("at least one run");
    for query in QUERIES {
        let search = SearchQuery {
            text: query.to_string(),
            limit: 10,
            ..SearchQuery::default()
        };
        let mut times = Vec::new();
        let mut hits = 0;
        for _ in 0..SEARCH_ROUNDS {
            let started = Instant::now();
            hits = store.search(&search).expect("search").len();
            times.push(started.elapsed());
        }
        let ms: Vec<f64> = times
            .iter()
            .map(Duration::as_secs_f64)
            .map(|s| s * 1e3)
            .collect();
        let worst = ms.iter().copied().fold(0.0, f64::max);
        println!(
            "search {query:<24} median {:>6.2} ms  max {worst:>6.2} ms  ({hits} hits)",
            median(ms.clone())
        );
    }
}
