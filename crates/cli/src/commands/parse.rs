//! `tessera train parse` and `tessera eval parse`.

use super::Outcome;
use crate::args::{EvalParseArgs, TrainParseArgs};
use anyhow::Context;
use std::io::Write;
use tessera_parse::{ParseScores, SyntaxModel, TrainSettings, evaluate, read_conllu};

fn report(scores: &ParseScores) -> String {
    format!(
        "words {}  UPOS {:.4}  UAS {:.4}  LAS {:.4}",
        scores.words,
        scores.upos(),
        scores.uas(),
        scores.las()
    )
}

/// `tessera train parse`.
pub fn train(args: TrainParseArgs) -> anyhow::Result<Outcome> {
    let sentences = read_conllu(&args.files.train)?;
    let dev = args.files.dev.as_deref().map(read_conllu).transpose()?;
    let mut extra = Vec::new();
    for path in &args.extra_tags {
        extra.extend(tessera_parse::read_ptb_tagged(path)?);
    }
    if !extra.is_empty() {
        eprintln!("{} more tagged sentences for the tagger", extra.len());
    }
    let mut clusters = tessera_parse::WordClusters::default();
    if let Some(path) = &args.clusters {
        clusters.extend(tessera_ner::Clusters::load(path)?.marked_paths());
        eprintln!(
            "{} words with clusters from {}",
            clusters.len(),
            path.display()
        );
    }
    let words: usize = sentences.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "{}: training on {} sentences, {words} words from {}",
        args.files.lang,
        sentences.len(),
        args.files.train.display()
    );
    let settings = TrainSettings {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        labeller_epochs: args.labeller_epochs,
        min_updates: args.min_updates,
        seed: args.seed.max(1),
        ..TrainSettings::default()
    };
    let started = std::time::Instant::now();
    let model = tessera_parse::train(&sentences, &extra, clusters, settings, &mut |step| {
        eprintln!("  {step} ({})", crate::output::duration(started.elapsed()));
    });
    let [tagger, parser, labeller] = model.sizes();
    eprintln!("features kept: tagger {tagger}, parser {parser}, labeller {labeller}");
    if let Some(dev) = dev {
        println!("dev: {}", report(&evaluate(&model, &dev)));
    }
    model
        .save(&args.files.out)
        .with_context(|| format!("writing {}", args.files.out.display()))?;
    eprintln!("model written to {}", args.files.out.display());
    Ok(Outcome::Success)
}

/// `tessera eval parse`.
pub fn eval(args: EvalParseArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let model = match &args.model {
        Some(path) => SyntaxModel::load(path)?,
        None => SyntaxModel::embedded(args.lang)?,
    };
    if let Some(path) = &args.tagged {
        let sentences = tessera_parse::read_ptb_tagged(path)?;
        let scores = tessera_parse::evaluate_tags(&model, &sentences);
        writeln!(out, "words {}  UPOS {:.4}", scores.words, scores.upos())?;
        return Ok(Outcome::Success);
    }
    let Some(path) = &args.conllu else {
        anyhow::bail!("give --conllu or --tagged");
    };
    let sentences = read_conllu(path)?;
    let started = std::time::Instant::now();
    let scores = evaluate(&model, &sentences);
    writeln!(out, "{}", report(&scores))?;
    out.flush()?;
    eprintln!(
        "{} sentences parsed in {}",
        sentences.len(),
        crate::output::duration(started.elapsed())
    );
    Ok(Outcome::Success)
}
