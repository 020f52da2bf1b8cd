use super::Outcome;
use crate::args::{NerArgs, TrainClustersArgs, TrainNerArgs};
use anyhow::Context;
use std::io::Write;
use tessera_ner::{
    ClusterBuilder, ClusterConfig, Model, TrainRequest, read_conll_file, read_raw_text, score,
    train_from_files, write_conll,
};

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
    request.clusters = args.clusters.clone();
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

/// Whether a file holds CoNLL or CoNLL-U columns rather than running text.
fn is_columns(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "conll" | "conllu" | "train" | "dev" | "test"))
}

/// Passes each sentence of a CoNLL (word first) or CoNLL-U (word second) file to `sink`;
/// comments, document markers and multi-word token lines are skipped.
fn read_column_sentences(
    path: &std::path::Path,
    mut sink: impl FnMut(&[String]),
) -> anyhow::Result<()> {
    use std::io::BufRead;
    let conllu = path.extension().is_some_and(|e| e == "conllu");
    let file = std::fs::File::open(path).with_context(|| format!("reading {}", path.display()))?;
    let mut sentence: Vec<String> = Vec::new();
    for (index, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("reading {}:{}", path.display(), index + 1))?;
        let line = line.trim_end();
        if line.is_empty() {
            if !sentence.is_empty() {
                sink(&sentence);
                sentence.clear();
            }
            continue;
        }
        if line.starts_with('#') || line.starts_with("-DOCSTART-") {
            continue;
        }
        let mut columns = line.split(['\t', ' ']);
        let word = if conllu {
            let id = columns.next().unwrap_or("");
            if id.contains(['-', '.']) {
                continue;
            }
            columns.next()
        } else {
            columns.next()
        };
        match word {
            Some(word) if !word.is_empty() => sentence.push(word.to_string()),
            _ => anyhow::bail!("{}:{}: no word column", path.display(), index + 1),
        }
    }
    if !sentence.is_empty() {
        sink(&sentence);
    }
    Ok(())
}

/// `tessera train clusters`.
pub fn train_clusters(args: TrainClustersArgs) -> anyhow::Result<Outcome> {
    let mut builder = ClusterBuilder::new();
    for path in &args.text {
        let before = builder.tokens();
        if is_columns(path) {
            read_column_sentences(path, |sentence| builder.add_sentence(sentence))?;
        } else {
            read_raw_text(path, |text| builder.add_text(text))?;
        }
        eprintln!("{}: {} tokens", path.display(), builder.tokens() - before);
    }
    let config = ClusterConfig {
        min_count: args.min_count,
        max_words: args.max_words,
        contexts: args.contexts,
        depth: args.depth,
        window: args.window,
        ..ClusterConfig::default()
    };
    let started = std::time::Instant::now();
    let clusters = builder.build(&config, |depth, nodes| {
        eprintln!("depth {depth:>2}: {nodes} clusters");
    });
    clusters
        .save(&args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!(
        "wrote {} words to {} in {}",
        clusters.entries.len(),
        args.out.display(),
        crate::output::duration(started.elapsed())
    );
    Ok(Outcome::Success)
}
