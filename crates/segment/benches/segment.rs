//! Throughput of `segment` (and `detect_language`) in MB/s of input text.
//!
//! Run with `cargo bench -p tessera-segment --bench segment`. Besides a text built here from
//! a few paragraphs, it measures the first 2,000 Reuters-21578 bodies when
//! `shared/data/news/reuters21578.jsonl` exists in the repository root or a folder above it.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use tessera_segment::{detect_language, segment};

const PARAGRAPHS: &[&str] = &[
    "Gen. J. R. Smith of the U.S. Army met Dr. Peña at 10:30 a.m. on Jan. 5. The meeting, held \
     at No. 10 Downing St. in London, lasted two hours. Mr. Brown, a Ph.D. from Acme Corp., said \
     the deal was worth $1,250,000, or 5.93 pct more than in 1987.\n",
    "Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought \
     since early\nJanuary and improving prospects for the coming temporao,\nalthough normal \
     humidity levels have not been restored,\nComissaria Smith said in its weekly review.\n    \
     The dry period means the temporao will be late this year.\n",
    "El Sr. López, de la Sedena, dijo que el Gral. Ramírez y la Lic. Pérez viajaron a EE.UU. El \
     viaje, según la pág. 3 del informe núm. 27, costó 1.234,56 dólares. ¿Quién lo autorizó? \
     «Fue el Ing. Gómez», respondió la Dra. Peña el 1.º de mayo.\n\n",
    "The Pentagon-led JITF-CC, an anti-cartel task force, said the company’s shares rose 15% to \
     $5.25 (see https://www.reuters.com/world/ or e-mail desk@reuters.com). “It’s over,” said \
     O'Brien… — #Jalisco @Reuters\n",
];

/// Several copies of the paragraphs above: about 1 MB.
fn built_text() -> String {
    let round: String = PARAGRAPHS.concat();
    round.repeat(1_000_000 / round.len() + 1)
}

/// The Reuters-21578 file, looked for in the repository root and the folders above it.
fn reuters_path() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .map(|dir| dir.join("shared/data/news/reuters21578.jsonl"))
        .find(|path| path.is_file())
}

/// The bodies of the first 2,000 Reuters records (empty bodies skipped).
fn reuters_bodies() -> Vec<String> {
    let Some(path) = reuters_path() else {
        eprintln!("reuters21578.jsonl not found; skipping the Reuters benchmark");
        return Vec::new();
    };
    let Ok(contents) = std::fs::read_to_string(&path) else {
        eprintln!(
            "cannot read {}; skipping the Reuters benchmark",
            path.display()
        );
        return Vec::new();
    };
    contents
        .lines()
        .take(2_000)
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|record| record.get("body")?.as_str().map(str::to_owned))
        .filter(|body| !body.is_empty())
        .collect()
}

fn bench_segment(c: &mut Criterion) {
    let text = built_text();
    let mut group = c.benchmark_group("segment");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("built_paragraphs", |b| {
        b.iter(|| segment(black_box(&text), Some("en")))
    });

    let bodies = reuters_bodies();
    if !bodies.is_empty() {
        let bytes: usize = bodies.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("reuters_2000_bodies", |b| {
            b.iter(|| {
                for body in &bodies {
                    black_box(segment(black_box(body), Some("en")));
                }
            })
        });
        group.bench_function("reuters_2000_detect_and_segment", |b| {
            b.iter(|| {
                for body in &bodies {
                    let lang = detect_language(black_box(body));
                    black_box(segment(body, lang.as_ref().map(|l| l.code.as_str())));
                }
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_segment);
criterion_main!(benches);
