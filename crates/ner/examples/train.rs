//! Development driver: trains a model on the shared CoNLL data, prints dev F1 after each epoch
//! and the final per-type table, and writes the model.
//!
//! ```text
//! cargo run --release -p tessera-ner --example train -- en [--epochs N] [--seed S]
//!     [--min-count N] [--no-document-case] [--no-history] [--no-lexicon]
//     [--no-context-aggregation] [--no-second-pass]
//!     [--out assets/ner/en.model.gz] [--data ../shared/data]
//! ```

use std::fs::File;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tessera_ner::{
    ConllDocument, Lexicon, LexiconBuilder, TrainConfig, read_conll, split_at_datelines, train,
    write_conll,
};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let lang = args.next().ok_or("usage: train en|es [options]")?;
    let mut config = TrainConfig::default();
    let mut out: Option<PathBuf> = None;
    let mut data = PathBuf::from("../shared/data");
    let mut raw_text = true;
    let mut train_case = true;
    let mut predictions: Option<PathBuf> = None;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--epochs" => config.epochs = value()?.parse()?,
            "--seed" => config.seed = value()?.parse()?,
            "--min-count" => config.min_feature_count = value()?.parse()?,
            "--no-document-case" => config.features.document_case = false,
            "--no-history" => config.features.history = false,
            "--no-lexicon" => config.features.lexicon = false,
            "--no-context-aggregation" => config.features.context_aggregation = false,
            "--no-second-pass" => config.features.second_pass = false,
            "--no-raw-text" => raw_text = false,
            "--out" => out = Some(PathBuf::from(value()?)),
            "--predictions" => predictions = Some(PathBuf::from(value()?)),
            "--no-train-case" => train_case = false,
            "--data" => data = PathBuf::from(value()?),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    let (train_docs, dev_docs) = load_corpus(&data, &lang)?;
    println!(
        "{lang}: {} training documents, {} dev documents",
        train_docs.len(),
        dev_docs.len()
    );
    if config.features.lexicon {
        let started = Instant::now();
        config.lexicon = build_lexicon(&data, &lang, &train_docs, raw_text, train_case)?;
        let (bins, clusters) = config.lexicon.sizes();
        println!(
            "lexicon: {bins} case bins, {clusters} clusters ({:.1}s)",
            started.elapsed().as_secs_f64()
        );
    }
    let mut last_table = String::new();
    let model = train(&train_docs, &dev_docs, &config, |report| {
        println!(
            "epoch {:>2}: train token errors {:>6}/{} features {:>8} dev F1 {:.4} ({:.1}s)",
            report.epoch,
            report.token_errors,
            report.tokens,
            report.features,
            report.dev.overall.f1(),
            report.seconds
        );
        last_table = report.dev.to_string();
    });
    println!("dev scores after the last epoch:\n{last_table}");
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

fn load_corpus(
    data: &Path,
    lang: &str,
) -> Result<(Vec<ConllDocument>, Vec<ConllDocument>), Box<dyn std::error::Error>> {
    let stem = match lang {
        "en" => "conll2003-en",
        "es" => "conll2002-es",
        other => return Err(format!("no corpus for language {other:?}").into()),
    };
    let read = |split: &str| -> Result<Vec<ConllDocument>, Box<dyn std::error::Error>> {
        let path = data.join("ner").join(format!("{stem}.{split}"));
        let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let docs = read_conll(BufReader::new(file), &path.display().to_string())?;
        // CoNLL-2002 has no document markers: cut it into articles at the datelines.
        Ok(if docs.len() == 1 {
            split_at_datelines(docs)
        } else {
            docs
        })
    };
    Ok((read("train")?, read("dev")?))
}

/// Word lists, plus case statistics from the training tokens and, unless disabled, from raw
/// news text in the same language.
fn build_lexicon(
    data: &Path,
    lang: &str,
    train_docs: &[ConllDocument],
    raw_text: bool,
    train_case: bool,
) -> Result<Lexicon, Box<dyn std::error::Error>> {
    let mut builder = LexiconBuilder::new();
    for document in train_docs.iter().filter(|_| train_case) {
        for sentence in &document.sentences {
            builder.add_sentence(&sentence.tokens);
        }
    }
    if raw_text {
        let (files, fields): (&[&str], &[&str]) = match lang {
            "en" => (&["reuters21578.jsonl"], &["title", "body"]),
            _ => (
                &["spanish-news-mx.train.jsonl", "spanish-news-mx.dev.jsonl"],
                &["Text"],
            ),
        };
        for name in files {
            let path = data.join("news").join(name);
            let file = File::open(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            for line in BufReader::new(file).lines() {
                let record: serde_json::Value = serde_json::from_str(&line?)?;
                for field in fields {
                    if let Some(text) = record.get(field).and_then(|v| v.as_str()) {
                        builder.add_text(text);
                    }
                }
            }
        }
    }
    let mut lexicon = Lexicon::with_word_lists();
    builder.build_into(&mut lexicon, 3);
    Ok(lexicon)
}
