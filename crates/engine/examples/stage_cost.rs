//! Where ingest time goes: `cargo run --release -p tessera-engine --example stage_cost -- FILE MODE`
//! with MODE one of `read`, `analyse`, `lang`, `segment`, `store`.
use rayon::prelude::*;
use std::time::Instant;
use tessera_engine::{Pipeline, ReadOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(mode)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: stage_cost FILE read|analyse|lang|segment");
        return;
    };
    let started = Instant::now();
    let records: Vec<_> = tessera_read::read_inputs(vec![file.clone()], ReadOptions::default())
        .filter_map(Result::ok)
        .collect();
    let read = started.elapsed();
    let started = Instant::now();
    let pipeline = Pipeline::new();
    let n: usize = match mode.as_str() {
        "analyse" => records
            .into_par_iter()
            .filter_map(|r| pipeline.analyse(r).ok())
            .count(),
        "lang" => records
            .iter()
            .filter_map(|r| tessera_segment::detect_language(&r.text))
            .count(),
        "store" => {
            let docs: Vec<_> = records
                .into_par_iter()
                .filter_map(|r| pipeline.analyse(r).ok())
                .collect();
            let analysed = started.elapsed();
            let dir = std::env::temp_dir().join(format!("stage-cost-{}.db", std::process::id()));
            let mut store = tessera_engine::SqliteStore::open(&dir).expect("store");
            let t = Instant::now();
            use tessera_engine::Store;
            for chunk in docs.chunks(512) {
                store.put_batch(chunk).expect("put");
            }
            println!("analysed in {analysed:?}, stored in {:?}", t.elapsed());
            let _ = std::fs::remove_file(&dir);
            docs.len()
        }
        "segment" => records
            .iter()
            .map(|r| {
                tessera_segment::segment(&r.text, Some(tessera_engine::doc::Lang::EN))
                    .tokens
                    .len()
            })
            .sum(),
        _ => records.len(),
    };
    println!("read {:?}, {mode} {:?} ({n})", read, started.elapsed());
}
