//! Development driver: trains a model on the shared CoNLL data with the shipped settings of the
//! language ([`tessera_ner::default_config`]) changed by the options, prints dev F1 after each
//! epoch and the final per-type table, and writes the model.
//!
//! ```text
//! cargo run --release -p tessera-ner --example train -- en|es [--epochs N] [--seed S]
//!     [--min-count N] [--no-document-case] [--no-history] [--no-lexicon | --lexicon]
//!     [--no-context-aggregation] [--no-second-pass] [--no-raw-text] [--predictions FILE]
//!     [--gazetteer FILE] [--min-population N] [--no-gazetteer] [--no-topic]
//!     [--no-place-context] [--clusters FILE | --no-clusters]
//!     [--out assets/ner/en.model.gz] [--data ../shared/data]
//! ```

use std::fs::File;
use std::path::PathBuf;

use tessera_ner::{
    DEFAULT_MIN_CITY_POPULATION, TrainRequest, default_config, read_conll_file, score,
    train_from_files, write_conll,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lang = args.next().ok_or("usage: train en|es [options]")?;
    let mut config = default_config(tessera_doc::Lang::parse(&lang).ok_or("bad language")?);
    let mut out: Option<PathBuf> = None;
    let mut data = PathBuf::from("../shared/data");
    let mut raw_text = true;
    let mut predictions: Option<PathBuf> = None;
    let mut gazetteer =
        Some(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/geo/gazetteer.tsv.gz"));
    let mut min_city_population = DEFAULT_MIN_CITY_POPULATION;
    // The shipped English model uses the shipped clusters; Spanish has none.
    let mut clusters = (lang == "en")
        .then(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/ner/en.clusters.gz"));
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--epochs" => config.epochs = value()?.parse()?,
            "--seed" => config.seed = value()?.parse()?,
            "--min-count" => config.min_feature_count = value()?.parse()?,
            "--no-document-case" => config.features.document_case = false,
            "--no-history" => config.features.history = false,
            "--no-lexicon" => config.features.lexicon = false,
            "--lexicon" => config.features.lexicon = true,
            "--no-context-aggregation" => config.features.context_aggregation = false,
            "--no-second-pass" => config.features.second_pass = false,
            "--no-raw-text" => raw_text = false,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--predictions" => predictions = Some(PathBuf::from(value()?)),
            "--gazetteer" => gazetteer = Some(PathBuf::from(value()?)),
            "--min-population" => min_city_population = value()?.parse()?,
            "--no-gazetteer" => gazetteer = None,
            "--no-topic" => config.features.topic = false,
            "--no-place-context" => config.features.place_context = false,
            "--clusters" => clusters = Some(PathBuf::from(value()?)),
            "--no-clusters" => clusters = None,
            "--data" => data = PathBuf::from(value()?),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    let stem = match lang.as_str() {
        "en" => "conll2003-en",
        "es" => "conll2002-es",
        other => return Err(format!("no corpus for language {other:?}").into()),
    };
    let raw_files: &[&str] = match lang.as_str() {
        "en" => &["reuters21578.jsonl"],
        _ => &["spanish-news-mx.train.jsonl", "spanish-news-mx.dev.jsonl"],
    };
    let dev = data.join("ner").join(format!("{stem}.dev"));
    let request = TrainRequest {
        lang: tessera_doc::Lang::parse(&lang).ok_or("bad language")?,
        train: data.join("ner").join(format!("{stem}.train")),
        dev: Some(dev.clone()),
        raw_text: if raw_text {
            raw_files
                .iter()
                .map(|f| data.join("news").join(f))
                .collect()
        } else {
            Vec::new()
        },
        gazetteer,
        min_city_population,
        clusters,
        config,
    };
    let model = train_from_files(&request, |report| {
        println!(
            "epoch {:>2}: train token errors {:>6}/{} features {:>8} dev F1 {:.4} ({:.1}s)",
            report.epoch,
            report.token_errors,
            report.tokens,
            report.features,
            report.dev.overall.f1(),
            report.seconds
        );
    })?;
    let dev_docs = read_conll_file(&dev)?;
    println!(
        "dev scores of the final model:\n{}",
        score(&model, &dev_docs)
    );
    if let Some(path) = predictions {
        let tagged: Vec<_> = dev_docs
            .iter()
            .map(|doc| model.tag_document(&doc.token_slices()))
            .collect();
        write_conll(
            &dev_docs,
            &tagged,
            std::io::BufWriter::new(File::create(&path)?),
        )?;
        println!("wrote dev predictions to {}", path.display());
    }
    if let Some(path) = out {
        model.save(&path)?;
        let size = std::fs::metadata(&path)?.len();
        println!("wrote {} ({:.1} MB)", path.display(), size as f64 / 1e6);
    }
    Ok(())
}
