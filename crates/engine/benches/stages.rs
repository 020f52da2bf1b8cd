//! The cost of the stages after recognition on a typical 600-word article: entity resolution
//! (aliases, coreference, roles, relations with their claims), place references and event
//! coding.
//!
//! The article is made of the project's own fixture articles joined until it reaches 600
//! words, analysed once with every stage; each stage is then timed alone on copies of it.
//! Run: `cargo bench -p tessera-engine --bench stages`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use tessera_engine::doc::{Document, Metadata, Origin, SourceRecord};
use tessera_engine::{Pipeline, stages};

fn six_hundred_words() -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/articles");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    let mut body = String::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        // Skip the date line; keep English articles so one model tags the whole text.
        let article: String = text.lines().skip(1).collect::<Vec<_>>().join("\n");
        if article.contains(" the ") {
            body.push_str(&article);
            body.push_str("\n\n");
        }
        if body.split_whitespace().count() >= 600 {
            break;
        }
    }
    body
}

fn analysed(pipeline: &Pipeline) -> Document {
    let record = SourceRecord {
        origin: Origin::file("bench.txt"),
        meta: Metadata {
            published: chrono::NaiveDate::from_ymd_opt(2026, 2, 24),
            ..Metadata::default()
        },
        text: six_hundred_words(),
    };
    pipeline
        .analyse(record)
        .expect("the bench article analyses")
}

fn stages_bench(c: &mut Criterion) {
    let pipeline = Pipeline::with_models().expect("shipped models load");
    let doc = analysed(&pipeline);
    println!(
        "article: {} words, {} tokens, {} entities, {} relations, {} events",
        doc.text.split_whitespace().count(),
        doc.segmentation.tokens.len(),
        doc.entities.len(),
        doc.relations.len(),
        doc.events.len()
    );
    let mut group = c.benchmark_group("stages_600_words");
    group.bench_function("resolve_entities", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut d| {
                stages::resolve_entities(&mut d, pipeline.gazetteer());
                black_box(d.relations.len())
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("find_place_references", |b| {
        let Some(gazetteer) = pipeline.gazetteer() else {
            return;
        };
        b.iter_batched(
            || doc.clone(),
            |mut d| {
                stages::find_place_references(&mut d, gazetteer);
                black_box(d.place_references.len())
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("extract_events", |b| {
        b.iter_batched(
            || doc.clone(),
            |mut d| {
                stages::extract_events(&mut d);
                black_box(d.events.len())
            },
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("analyse_all_stages", |b| {
        b.iter(|| {
            let record = SourceRecord {
                origin: Origin::file("bench.txt"),
                meta: doc.meta.clone(),
                text: doc.text.clone(),
            };
            black_box(
                pipeline
                    .analyse(record)
                    .map(|d| d.events.len())
                    .unwrap_or(0),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, stages_bench);
criterion_main!(benches);
