//! What the engine's benches share: where the Reuters corpus is, and medians.

use std::path::PathBuf;

/// Reuters-21578 at `$TESSERA_BENCH_REUTERS`, else `../shared/data/news/reuters21578.jsonl`
/// beside the repository; `None` when absent (the bench then says so and exits).
pub fn reuters() -> Option<PathBuf> {
    let path = std::env::var_os("TESSERA_BENCH_REUTERS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/data/news/reuters21578.jsonl")
        });
    path.exists().then_some(path)
}

/// The median of some timings (the machine is shared and noisy).
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(f64::NAN)
}
