//! Training, determinism, persistence and the shipped models.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use tessera_ner::{ConllDocument, EntityType, Model, Tag, TrainConfig, read_conll, score, train};

fn tiny_corpus() -> Vec<ConllDocument> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny_train.conll");
    read_conll(
        BufReader::new(File::open(path).unwrap()),
        "tiny_train.conll",
    )
    .unwrap()
}

fn tiny_config() -> TrainConfig {
    TrainConfig {
        epochs: 8,
        seed: 7,
        ..TrainConfig::default()
    }
}

#[test]
fn training_learns_a_tiny_corpus_and_reports_every_epoch() {
    let corpus = tiny_corpus();
    let mut epochs = Vec::new();
    let model = train(&corpus, &corpus, &tiny_config(), |report| {
        epochs.push((report.epoch, report.dev.overall.f1()));
    });
    assert_eq!(
        epochs.iter().map(|e| e.0).collect::<Vec<_>>(),
        (1..=8).collect::<Vec<_>>()
    );
    let scores = score(&model, &corpus);
    assert!(scores.overall.f1() > 0.99, "{scores}");
}

#[test]
fn training_is_deterministic_for_a_seed() {
    let corpus = tiny_corpus();
    let first = train(&corpus, &[], &tiny_config(), |_| {});
    let second = train(&corpus, &[], &tiny_config(), |_| {});
    assert_eq!(first.to_bytes(), second.to_bytes());
    let other_seed = TrainConfig {
        seed: 8,
        ..tiny_config()
    };
    let third = train(&corpus, &[], &other_seed, |_| {});
    assert_ne!(first.to_bytes(), third.to_bytes(), "the seed should matter");
}

#[test]
fn models_round_trip_through_a_file() {
    let corpus = tiny_corpus();
    let model = train(&corpus, &[], &tiny_config(), |_| {});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tiny.model.gz");
    model.save(&path).unwrap();
    let loaded = Model::load(&path).unwrap();
    assert!(loaded == model, "the loaded model differs");
    assert_eq!(loaded.to_bytes(), model.to_bytes());
    let sentences = corpus[0].token_slices();
    assert_eq!(
        loaded.tag_document(&sentences),
        model.tag_document(&sentences)
    );
}

#[test]
fn bad_model_data_is_an_error() {
    assert!(Model::from_bytes(b"not gzip at all").is_err());
    let corpus = tiny_corpus();
    let bytes = train(&corpus, &[], &tiny_config(), |_| {}).to_bytes();
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    let missing = Model::load(std::path::Path::new("no/such/model.gz")).unwrap_err();
    assert!(
        missing.to_string().contains("no/such/model.gz"),
        "{missing}"
    );
}

#[test]
fn embedded_models_load_and_tag() {
    assert!(Model::embedded(tessera_doc::Lang::parse("de").unwrap()).is_none());
    let english = Model::embedded(tessera_doc::Lang::EN).unwrap().unwrap();
    let sentence = vec![vec![
        "Prime", "Minister", "Tony", "Blair", "arrived", "in", "Paris", "on", "Monday", ".",
    ]];
    let tags = english.tag_document(&sentence);
    assert_eq!(tags[0][2], Tag::Begin(EntityType::Per));
    assert_eq!(tags[0][3], Tag::Inside(EntityType::Per));
    assert_eq!(tags[0][6], Tag::Begin(EntityType::Loc));
    assert_eq!(tags[0][8], Tag::Outside);
    let spanish = Model::embedded(tessera_doc::Lang::ES).unwrap().unwrap();
    let sentence = vec![vec![
        "El",
        "presidente",
        "Vicente",
        "Fox",
        "viajó",
        "a",
        "Madrid",
        "el",
        "lunes",
        ".",
    ]];
    let tags = spanish.tag_document(&sentence);
    assert_eq!(tags[0][2], Tag::Begin(EntityType::Per));
    assert_eq!(tags[0][6], Tag::Begin(EntityType::Loc));
}
