//! Loads both embedded models and prints load time and resident memory (Linux: VmRSS).
//!
//! ```text
//! cargo run --release -p tessera-ner --example footprint
//! ```

use std::time::Instant;

use tessera_ner::Model;

fn resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let before = resident_kib();
    let mut models = Vec::new();
    for lang in ["en", "es"] {
        let started = Instant::now();
        let model = Model::embedded(tessera_doc::Lang::parse(lang).ok_or("bad language")?)
            .ok_or("no embedded model")??;
        println!(
            "{lang}: loaded in {:.3}s, {} features",
            started.elapsed().as_secs_f64(),
            model.feature_count()
        );
        models.push(model);
    }
    match (before, resident_kib()) {
        (Some(before), Some(after)) => println!(
            "resident memory: {:.1} MB before loading, {:.1} MB with both models",
            before as f64 / 1024.0,
            after as f64 / 1024.0
        ),
        _ => println!("resident memory: /proc/self/status not available"),
    }
    Ok(())
}
