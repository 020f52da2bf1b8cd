use super::Outcome;
use crate::args::{NerArgs, TrainNerArgs};
use anyhow::Context;
use std::io::Write;
use tessera_ner::{Model, TrainRequest, read_conll_file, score, train_from_files, write_conll};

fn load_model(args: &NerArgs) -> anyhow::Result<Model> {
    match &args.model {
        Some(path) => Model::load(path).with_context(|| format!("loading {}", path.display())),
        None => Model::embedded(args.lang)
            .with_context(|| {
                format!(
                    "no shipped model for language {:?} (en and es are shipped)",
                    args.lang
                )
            })?
            .context("loading the shipped model"),
    }
}

/// `tessera ner --conll`: the file back with a predicted IOB2 column.
pub fn tag(args: NerArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let model = load_model(&args)?;
    let documents = read_conll_file(&args.conll)?;
    let predictions: Vec<_> = documents
        .iter()
        .map(|d| model.tag_document(&d.token_slices()))
        .collect();
    write_conll(&documents, &predictions, out).context("writing to standard output")?;
    Ok(Outcome::Success)
}

/// `tessera eval ner`: per-type and overall scores.
pub fn eval(args: NerArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let model = load_model(&args)?;
    let documents = read_conll_file(&args.conll)?;
    let started = std::time::Instant::now();
    let scores = score(&model, &documents);
    let tokens: usize = documents.iter().map(|d| d.token_count()).sum();
    writeln!(out, "{scores}")?;
    out.flush()?;
    eprintln!(
        "{} documents, {tokens} tokens tagged in {}",
        documents.len(),
        crate::output::duration(started.elapsed())
    );
    Ok(Outcome::Success)
}

/// `tessera train ner`.
pub fn train(args: TrainNerArgs) -> anyhow::Result<Outcome> {
    let mut request = TrainRequest::new(args.files.lang, args.files.train.clone());
    request.dev = args.files.dev.clone();
    request.gazetteer = args.gazetteer.clone();
    request.raw_text = args.raw_text.clone();
    request.config.seed = args.seed;
    if let Some(epochs) = args.epochs {
        request.config.epochs = epochs;
    }
    let model = train_from_files(&request, |report| {
        eprintln!(
            "epoch {:>2}: {} training token errors of {}, {} features, dev F1 {:.4} ({:.1} s)",
            report.epoch,
            report.token_errors,
            report.tokens,
            report.features,
            report.dev.overall.f1(),
            report.seconds
        );
    })
    .with_context(|| format!("training on {}", args.files.train.display()))?;
    model.save(&args.files.out)?;
    eprintln!("wrote {}", args.files.out.display());
    Ok(Outcome::Success)
}
