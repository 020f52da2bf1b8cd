//! The full extract pipeline (segmentation, NER, dates and numbers, geocoding, entities and
//! relations, syntax, events) over Reuters-21578 on one thread: tokens per second, the same
//! without the syntax stage (and their ratio, measured in the same run), and the share of time
//! each stage after recognition takes.
//!
//! Run: `cargo bench -p tessera-engine --bench extract`. The corpus is looked up at
//! `$TESSERA_BENCH_REUTERS`, else `../shared/data/news/reuters21578.jsonl` beside the repository;
//! `TESSERA_BENCH_DOCS` limits how many articles are used (default: all). Figures are medians
//! over three passes, since this machine is shared and noisy. CPU time of the process is printed
//! too: on a loaded machine it is the better measure of one core's throughput.

mod common;

use common::{median, reuters as corpus};
use std::time::Instant;
use tessera_engine::doc::SourceRecord;
use tessera_engine::{Pipeline, ReadOptions, read_inputs};

const PASSES: usize = 3;

/// CPU seconds this process has used (user + system), from /proc on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit(')').next()?;
    let fields: Vec<&str> = after.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn main() {
    let Some(path) = corpus() else {
        eprintln!("Reuters-21578 not found; set TESSERA_BENCH_REUTERS to run this bench");
        return;
    };
    let limit = std::env::var("TESSERA_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    let records: Vec<SourceRecord> =
        read_inputs(vec![path.display().to_string()], ReadOptions::default())
            .filter_map(Result::ok)
            .take(limit)
            .collect();
    let mut pipeline = Pipeline::with_models().expect("shipped models load");
    let mut wall = Vec::new();
    let mut cpu = Vec::new();
    let mut tokens = 0usize;
    let mut events = 0usize;
    let mut relations = 0usize;
    let mut parsed = 0usize;
    for _ in 0..PASSES {
        let (started, cpu_start) = (Instant::now(), cpu_seconds());
        tokens = 0;
        events = 0;
        relations = 0;
        parsed = 0;
        for record in &records {
            if let Ok(doc) = pipeline.analyse(record.clone()) {
                tokens += doc.segmentation.tokens.len();
                parsed += doc.syntax.tokens.iter().filter(|t| t.is_some()).count();
                events += doc.events.len();
                relations += doc.relations.len();
            }
        }
        wall.push(started.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu_start, cpu_seconds()) {
            cpu.push(b - a);
        }
    }
    // The same pipeline without syntax, passes taken in turn with the full one above.
    pipeline.retain_stages(|stage| stage.name != "syntax");
    let mut wall_without = Vec::new();
    for _ in 0..PASSES {
        let started = Instant::now();
        for record in &records {
            let _ = pipeline.analyse(record.clone());
        }
        wall_without.push(started.elapsed().as_secs_f64());
    }
    pipeline.all_stages();
    // The stages after recognition, timed alone on the analysed documents.
    let analysed: Vec<_> = records
        .iter()
        .filter_map(|r| pipeline.analyse(r.clone()).ok())
        .collect();
    let mut resolve_secs = Vec::new();
    let mut events_secs = Vec::new();
    for _ in 0..PASSES {
        let mut docs = analysed.clone();
        let started = Instant::now();
        for doc in &mut docs {
            tessera_engine::stages::resolve_entities(doc, pipeline.gazetteer());
        }
        resolve_secs.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        for doc in &mut docs {
            tessera_engine::stages::extract_events(doc);
        }
        events_secs.push(started.elapsed().as_secs_f64());
    }
    let segment_only = Pipeline::new();
    let mut segment_secs = Vec::new();
    for _ in 0..PASSES {
        let started = Instant::now();
        for record in &records {
            let _ = segment_only.analyse(record.clone());
        }
        segment_secs.push(started.elapsed().as_secs_f64());
    }
    let wall = median(wall);
    let share = |secs: Vec<f64>| 100.0 * median(secs) / wall;
    println!(
        "extract, one thread: {} documents, {tokens} tokens, {relations} relations, {events} events",
        records.len()
    );
    println!(
        "  wall {wall:.2} s → {:.0} tokens/s (median of {PASSES})",
        tokens as f64 / wall
    );
    let without = median(wall_without);
    println!(
        "  without the syntax stage: wall {without:.2} s → {:.0} tokens/s; with it keeps {:.3} of that ({:.1}% of tokens parsed)",
        tokens as f64 / without,
        without / wall,
        100.0 * parsed as f64 / tokens.max(1) as f64
    );
    if !cpu.is_empty() {
        let cpu = median(cpu);
        println!("  cpu  {cpu:.2} s → {:.0} tokens/s", tokens as f64 / cpu);
    }
    println!(
        "  share of wall time: language and segmentation {:.1}%, entities and relations {:.1}%, events {:.1}%; the rest is NER, dates and numbers, geocoding",
        share(segment_secs),
        share(resolve_secs),
        share(events_secs)
    );
}
