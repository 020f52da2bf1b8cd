//! Scores a model on a CoNLL file: the embedded model of a language, or a model file.
//!
//! ```text
//! cargo run --release -p tessera-ner --example evaluate -- en ../shared/data/ner/conll2003-en.dev
//! cargo run --release -p tessera-ner --example evaluate -- path/to/model.gz FILE
//! ```

use std::fs::File;
use std::io::BufReader;
use std::path::Path;

use tessera_ner::{Model, read_conll, score, split_at_datelines};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: evaluate en|es|MODEL_FILE CONLL_FILE";
    let which = args.next().ok_or(usage)?;
    let path = args.next().ok_or(usage)?;
    let model = match Model::embedded(&which) {
        Some(model) => model?,
        None => Model::load(Path::new(&which))?,
    };
    let documents = read_conll(BufReader::new(File::open(&path)?), &path)?;
    // Files without document markers (CoNLL-2002) are cut into articles at datelines.
    let documents = if documents.len() == 1 {
        split_at_datelines(documents)
    } else {
        documents
    };
    print!("{}", score(&model, &documents));
    Ok(())
}
