//! Reading and writing CoNLL files.

use std::fs::File;
use std::io::BufReader;
use std::path::PathBuf;

use tessera_ner::{EntityType, NerError, Tag, read_conll, write_conll};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn read(name: &str) -> Result<Vec<tessera_ner::ConllDocument>, NerError> {
    let file = File::open(fixture(name)).unwrap();
    read_conll(BufReader::new(file), name)
}

fn tags(text: &str) -> Vec<Tag> {
    text.split_whitespace()
        .map(|t| t.parse().unwrap())
        .collect()
}

#[test]
fn iob1_is_read_and_normalised_to_iob2() {
    let docs = read("iob1.conll").unwrap();
    assert_eq!(docs.len(), 2);
    let first = &docs[0].sentences[0];
    assert_eq!(first.tokens, vec!["EU", "rejects", "German", "call", "."]);
    assert_eq!(first.gold, tags("B-ORG O B-MISC O O"));
    assert_eq!(first.columns[0], vec!["EU", "NNP", "B-NP", "I-ORG"]);
    assert_eq!(docs[0].sentences[1].gold, tags("B-PER I-PER"));
    // IOB1 "B-PER" marks a second person right after the first.
    assert_eq!(docs[1].sentences[1].gold, tags("B-PER B-PER I-PER"));
}

#[test]
fn iob2_without_document_markers_is_one_document() {
    let docs = read("iob2.conll").unwrap();
    assert_eq!(docs.len(), 1);
    let sentences = &docs[0].sentences;
    assert_eq!(sentences.len(), 2);
    assert_eq!(sentences[1].gold[1], Tag::Begin(EntityType::Org));
    assert_eq!(sentences[1].gold[5], Tag::Inside(EntityType::Org));
    assert_eq!(sentences[1].tokens[1], "Fiscalía");
}

#[test]
fn malformed_lines_are_reported_with_origin_and_line() {
    let message = read("one_column.conll").unwrap_err().to_string();
    assert!(message.starts_with("one_column.conll:4:"), "{message}");
    let message = read("bad_tag.conll").unwrap_err().to_string();
    assert!(message.starts_with("bad_tag.conll:2:"), "{message}");
    assert!(message.contains("X-FOO"), "{message}");
    let message = read("ragged.conll").unwrap_err().to_string();
    assert!(message.starts_with("ragged.conll:2:"), "{message}");
    assert!(message.contains("expected 4 columns"), "{message}");
}

#[test]
fn write_conll_appends_one_prediction_column() {
    let docs = read("iob1.conll").unwrap();
    let predictions: Vec<Vec<Vec<Tag>>> = docs
        .iter()
        .map(|doc| {
            doc.sentences
                .iter()
                .map(|s| vec![Tag::Begin(EntityType::Loc); s.tokens.len()])
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    write_conll(&docs[..1], &predictions[..1], &mut out).unwrap();
    let text = String::from_utf8(out).unwrap();
    let expected = "-DOCSTART- O O O O\n\n\
        EU NNP B-NP I-ORG B-LOC\nrejects VBZ B-VP O B-LOC\nGerman JJ B-NP I-MISC B-LOC\n\
        call NN I-NP O B-LOC\n. . O O B-LOC\n\n\
        Peter NNP B-NP I-PER B-LOC\nBlackburn NNP I-NP I-PER B-LOC\n\n";
    assert_eq!(text, expected);
    // The output reads back, the prediction becoming the tag column.
    let again = read_conll(text.as_bytes(), "written").unwrap();
    assert_eq!(again[0].sentences[1].gold, tags("B-LOC B-LOC"));
}
