//! Throughput of the geocoder (place mentions resolved per second, one core) and the time to
//! load the embedded gazetteer.
//!
//! Uses TR-News (`../shared/data/geo/tr_news.jsonl` beside the repository, or the file named
//! by `TESSERA_TR_NEWS`) when present, else a built-in set of documents.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::PathBuf;
use tessera_geo::eval::{GoldDocument, read_tr_news};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention};

fn documents() -> Vec<(String, Vec<PlaceMention>)> {
    let path = std::env::var_os("TESSERA_TR_NEWS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/geo/tr_news.jsonl")
        });
    if let Ok(gold) = read_tr_news(&path) {
        return gold
            .documents
            .iter()
            .map(|d: &GoldDocument| (d.text.clone(), d.gold_mentions()))
            .collect();
    }
    let text = "Clashes in Jalisco, Michoacán, Tamaulipas, Zacatecas, Colima and Oaxaca after the \
                operation in Tapalpa, Jalisco. Airports in Puerto Vallarta and Guadalajara closed. \
                Officials in Washington, Paris, Texas, and Ukraine commented; the Middle East too.";
    let names = [
        "Jalisco",
        "Michoacán",
        "Tamaulipas",
        "Zacatecas",
        "Colima",
        "Oaxaca",
        "Tapalpa",
        "Puerto Vallarta",
        "Guadalajara",
        "Washington",
        "Paris",
        "Texas",
        "Ukraine",
        "Middle East",
    ];
    let mentions = PlaceMention::every_occurrence(text, &names);
    vec![(text.to_string(), mentions); 50]
}

fn bench(c: &mut Criterion) {
    let mut load = c.benchmark_group("gazetteer");
    load.sample_size(10);
    load.bench_function("load embedded", |b| {
        b.iter(|| black_box(Gazetteer::embedded().map(|g| g.len()).unwrap_or(0)))
    });
    load.finish();

    let Ok(gazetteer) = Gazetteer::embedded() else {
        eprintln!("embedded gazetteer failed to load; nothing to bench");
        return;
    };
    let geocoder = Geocoder::new(&gazetteer);
    let docs = documents();
    let mention_count: usize = docs.iter().map(|(_, m)| m.len()).sum();
    let mut group = c.benchmark_group("geocoder");
    group.throughput(Throughput::Elements(mention_count as u64));
    group.bench_function("resolve documents (elements = place mentions)", |b| {
        b.iter(|| {
            for (text, mentions) in &docs {
                black_box(geocoder.resolve_document(&GeoContext::new(text), mentions));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
