// TEMPORARY timing, to be deleted.
use std::time::Instant;
fn main() {
    let path = "/work/shared/data/news/reuters21578.jsonl";
    let bodies: Vec<String> = std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .take(2000)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("body")?.as_str().map(str::to_owned))
        .collect();
    let bytes: usize = bodies.iter().map(|b| b.len()).sum();
    if std::env::var("SEGONLY").is_ok() {
        let mut n = 0;
        for _ in 0..60 {
            for b in &bodies {
                n += tessera_segment::segment(b, Some("en")).tokens.len()
            }
        }
        println!("{n}");
        return;
    }
    for round in 0..3 {
        let t = Instant::now();
        let mut n = 0;
        for b in &bodies {
            if whatlang::detect(b).is_some() {
                n += 1
            }
        }
        let w = t.elapsed();
        let t = Instant::now();
        for b in &bodies {
            if tessera_segment::detect_language(b).is_some() {
                n += 1
            }
        }
        let d = t.elapsed();
        let t = Instant::now();
        for b in &bodies {
            n += tessera_segment::segment(b, Some("en")).tokens.len()
        }
        let s = t.elapsed();
        println!(
            "round {round}: whatlang {:?} ({:.1} MB/s), detect_language {:?}, segment {:?} ({:.1} MB/s) {n}",
            w,
            bytes as f64 / w.as_secs_f64() / 1e6,
            d,
            s,
            bytes as f64 / s.as_secs_f64() / 1e6
        );
    }
}
