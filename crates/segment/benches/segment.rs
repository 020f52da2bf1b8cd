//! Throughput of `segment` and `detect_language`, in MB/s of input text.
//!
//! Run with `cargo bench -p tessera-segment --bench segment`. Besides a text built here from
//! a few paragraphs, it measures the first 2,000 Reuters-21578 bodies when
//! `shared/data/news/reuters21578.jsonl` exists in the repository root or a folder above it.
//!
//! Every benchmark runs twice: against the wall clock (criterion's default), and, where Linux
//! exposes it, against the CPU time of the benchmarking thread (`cpu_time/...`), which stays
//! meaningful on a machine shared with other work.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::measurement::{Measurement, ValueFormatter, WallTime};
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use tessera_doc::Lang;
use tessera_segment::{detect_language, segment};

const PARAGRAPHS: &[&str] = &[
    "Gen. J. R. Smith of the U.S. Army met Dr. Peña at 10:30 a.m. on Jan. 5. The meeting, held \
     at No. 10 Downing St. in London, lasted two hours. Mr. Brown, a Ph.D. from Acme Corp., said \
     the deal was worth $1,250,000, or 5.93 pct more than in 1987.\n",
    "Heavy rain fell across the northern wheat belt for a third\nday, easing fears of a poor \
     harvest after a dry spell in\nMarch and raising hopes for the late barley crop,\nalthough \
     soil moisture is still below normal,\nthe growers' association said in its weekly report.\n    \
     The wet weather means planting will be a week late this year.\n",
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
        eprintln!("reuters21578.jsonl not found; skipping the Reuters benchmarks");
        return Vec::new();
    };
    let Ok(contents) = std::fs::read_to_string(&path) else {
        eprintln!(
            "cannot read {}; skipping the Reuters benchmarks",
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

/// CPU time of the calling thread in nanoseconds, from `/proc/thread-self/schedstat`.
fn thread_cpu_nanos() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}

/// A criterion measurement of thread CPU time rather than wall-clock time.
struct ThreadCpuTime {
    /// Only lends its nanosecond formatter.
    wall: WallTime,
}

impl Measurement for ThreadCpuTime {
    type Intermediate = u64;
    type Value = u64;

    fn start(&self) -> u64 {
        thread_cpu_nanos().unwrap_or(0)
    }

    fn end(&self, started: u64) -> u64 {
        thread_cpu_nanos().unwrap_or(0).saturating_sub(started)
    }

    fn add(&self, a: &u64, b: &u64) -> u64 {
        a + b
    }

    fn zero(&self) -> u64 {
        0
    }

    fn to_f64(&self, value: &u64) -> f64 {
        *value as f64
    }

    fn formatter(&self) -> &dyn ValueFormatter {
        self.wall.formatter()
    }
}

fn segment_benches<M: Measurement>(
    group: &mut BenchmarkGroup<'_, M>,
    text: &str,
    bodies: &[String],
) {
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("segment/built_paragraphs", |b| {
        b.iter(|| segment(black_box(text), Some(Lang::EN)))
    });
    if bodies.is_empty() {
        return;
    }
    let bytes: usize = bodies.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment/reuters_2000_bodies", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(segment(black_box(body), Some(Lang::EN)));
            }
        })
    });
    group.bench_function("detect_language/reuters_2000_bodies", |b| {
        b.iter(|| {
            for body in bodies {
                black_box(detect_language(black_box(body)));
            }
        })
    });
}

fn wall_clock(c: &mut Criterion) {
    let (text, bodies) = (built_text(), reuters_bodies());
    segment_benches(&mut c.benchmark_group("wall_clock"), &text, &bodies);
}

fn cpu_time(c: &mut Criterion<ThreadCpuTime>) {
    if thread_cpu_nanos().is_none() {
        eprintln!("no /proc/thread-self/schedstat; skipping the CPU-time benchmarks");
        return;
    }
    let (text, bodies) = (built_text(), reuters_bodies());
    segment_benches(&mut c.benchmark_group("cpu_time"), &text, &bodies);
}

criterion_group!(wall_clock_benches, wall_clock);
criterion_group! {
    name = cpu_time_benches;
    config = Criterion::default().with_measurement(ThreadCpuTime { wall: WallTime });
    targets = cpu_time
}
criterion_main!(wall_clock_benches, cpu_time_benches);
