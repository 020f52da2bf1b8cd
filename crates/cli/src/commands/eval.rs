use super::Outcome;
use crate::args::{EvalCommand, EvalEventsArgs, EvalGeoArgs, EvalStoriesArgs};
use anyhow::Context;
use std::io::Write;
use tessera_engine::Pipeline;

pub fn run(command: EvalCommand, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match command {
        EvalCommand::Geo(args) => geo(args, out),
        EvalCommand::Ner(args) => super::ner::eval(args, out),
        EvalCommand::Events(args) => events(args, out),
        EvalCommand::Parse(args) => super::parse::eval(args, out),
        EvalCommand::Stories(args) => stories(args, out),
    }
}

fn geo(args: EvalGeoArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::geo(&pipeline, &args.jsonl, args.gold_spans)
        .with_context(|| format!("evaluating geocoding on {}", args.jsonl.display()))?;
    writeln!(out, "{scores}")?;
    if args.misses {
        writeln!(out, "\nmisses ({}):", scores.misses.len())?;
        for miss in &scores.misses {
            writeln!(out, "{miss}")?;
        }
    }
    Ok(Outcome::Success)
}

fn events(args: EvalEventsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::events(&pipeline, &args.plover)
        .with_context(|| format!("evaluating events on {}", args.plover.display()))?;
    writeln!(out, "{scores}")?;
    Ok(Outcome::Success)
}

fn stories(args: EvalStoriesArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let temp;
    let db = match &args.keep_db {
        Some(path) => {
            anyhow::ensure!(!path.exists(), "{} exists; give a new file", path.display());
            path.clone()
        }
        None => {
            temp = tempfile::tempdir().context("making a temporary folder")?;
            temp.path().join("stories.db")
        }
    };
    let scores = tessera_engine::eval::stories(&pipeline, &args.dir, &db)
        .with_context(|| format!("evaluating stories under {}", args.dir.display()))?;
    writeln!(out, "{scores}")?;
    if args.misses {
        for miss in &scores.misses {
            writeln!(out, "  {miss}")?;
        }
    }
    Ok(Outcome::Success)
}
