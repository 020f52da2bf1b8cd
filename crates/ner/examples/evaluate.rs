//! Scores a model on a CoNLL file: the embedded model of a language, or a model file.
//!
//! ```text
//! cargo run --release -p tessera-ner --example evaluate -- en ../shared/data/ner/conll2003-en.dev
//! cargo run --release -p tessera-ner --example evaluate -- path/to/model.gz FILE
//! ```

use std::path::Path;

use tessera_ner::{Model, read_conll_file, score};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: evaluate en|es|MODEL_FILE CONLL_FILE";
    let which = args.next().ok_or(usage)?;
    let path = args.next().ok_or(usage)?;
    let model = match tessera_doc::Lang::parse(&which).and_then(Model::embedded) {
        Some(model) => model?,
        None => Model::load(Path::new(&which))?,
    };
    // Files without document markers (CoNLL-2002) are cut into articles at datelines.
    let documents = read_conll_file(Path::new(&path))?;
    print!("{}", score(&model, &documents));
    Ok(())
}
