//! Times loading the embedded gazetteer several times and prints the medians: the whole load,
//! and its two stages (decompression, then parsing and indexing), so a noisy machine still gives
//! a fair figure.
//!
//! `cargo run --release -p tessera-geo --example geo_load -- [RUNS]` (default 7 runs)

use flate2::read::GzDecoder;
use std::io::Read;
use std::time::{Duration, Instant};
use tessera_geo::Gazetteer;

static EMBEDDED: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../assets/geo/gazetteer.tsv.gz"
));

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let runs: usize = match std::env::args().nth(1) {
        Some(arg) => arg
            .parse()
            .map_err(|_| format!("RUNS must be a number, not `{arg}`"))?,
        None => 7,
    };
    let (mut whole, mut decompress, mut parse) = (Vec::new(), Vec::new(), Vec::new());
    let mut places = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        places = Gazetteer::embedded()?.len();
        whole.push(started.elapsed());

        let started = Instant::now();
        let mut text = String::with_capacity(EMBEDDED.len() * 4);
        GzDecoder::new(EMBEDDED).read_to_string(&mut text)?;
        decompress.push(started.elapsed());
        let started = Instant::now();
        let parsed = Gazetteer::from_text(&text)?;
        parse.push(started.elapsed());
        drop(parsed);
    }
    println!(
        "{places} places; median of {} loads: {:.3} s (decompress {:.3} s, parse and index {:.3} s)",
        whole.len(),
        median(whole).as_secs_f64(),
        median(decompress).as_secs_f64(),
        median(parse).as_secs_f64()
    );
    Ok(())
}
