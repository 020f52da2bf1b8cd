//! Tagging throughput of the embedded models on the CoNLL dev files (tokens per second).
//! Skips a language when the shared data is absent. `TESSERA_NER_BASELINE=FILE` adds an
//! English model file to the same run (`en_baseline`), to compare a new model with an old one
//! on one machine at one time.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main};
use tessera_ner::{ConllDocument, Model, read_conll};

fn data_dir() -> PathBuf {
    std::env::var_os("TESSERA_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"))
}

fn dev_documents(file: &str) -> Option<Vec<ConllDocument>> {
    let path = data_dir().join("ner").join(file);
    let reader = BufReader::new(File::open(&path).ok()?);
    read_conll(reader, &path.display().to_string()).ok()
}

/// Tags every dev document with `model`, named `{name}_dev_{tokens}_tokens`.
fn bench_model(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    model: &Model,
    documents: &[ConllDocument],
) {
    let documents: Vec<Vec<Vec<&str>>> =
        documents.iter().map(ConllDocument::token_slices).collect();
    let tokens: usize = documents.iter().flatten().map(Vec::len).sum();
    group.throughput(Throughput::Elements(tokens as u64));
    group.bench_function(format!("{name}_dev_{tokens}_tokens"), |b| {
        b.iter(|| {
            documents
                .iter()
                .map(|sentences| model.tag_document(sentences).len())
                .sum::<usize>()
        })
    });
}

fn tagging(c: &mut Criterion) {
    let mut group = c.benchmark_group("tag");
    group.sample_size(10);
    for (lang, file) in [("en", "conll2003-en.dev"), ("es", "conll2002-es.dev")] {
        let Some(documents) = dev_documents(file) else {
            eprintln!(
                "skipping {lang}: {file} not found under {}",
                data_dir().display()
            );
            continue;
        };
        let model =
            match Model::embedded(tessera_doc::Lang::parse(lang).unwrap_or(tessera_doc::Lang::UND))
            {
                Some(Ok(model)) => model,
                _ => {
                    eprintln!("skipping {lang}: no usable embedded model");
                    continue;
                }
            };
        bench_model(&mut group, lang, &model, &documents);
    }
    if let (Some(path), Some(documents)) = (
        std::env::var_os("TESSERA_NER_BASELINE"),
        dev_documents("conll2003-en.dev"),
    ) {
        match Model::load(std::path::Path::new(&path)) {
            Ok(model) => bench_model(&mut group, "en_baseline", &model, &documents),
            Err(error) => eprintln!("skipping the baseline model: {error}"),
        }
    }
    group.finish();
}

criterion_group!(benches, tagging);
criterion_main!(benches);
