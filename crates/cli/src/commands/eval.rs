use super::Outcome;
use crate::args::{EvalCommand, EvalEventsArgs, EvalGeoArgs};
use anyhow::Context;
use std::io::Write;
use tessera_engine::Pipeline;

pub fn run(command: EvalCommand, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match command {
        EvalCommand::Geo(args) => geo(args, out),
        EvalCommand::Ner(args) => super::ner::eval(args, out),
        EvalCommand::Events(args) => events(args, out),
        EvalCommand::Parse(args) => super::parse::eval(args, out),
    }
}

fn geo(args: EvalGeoArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::geo(&pipeline, &args.jsonl, args.gold_spans)
        .with_context(|| format!("evaluating geocoding on {}", args.jsonl.display()))?;
    writeln!(out, "{scores}")?;
    Ok(Outcome::Success)
}

fn events(args: EvalEventsArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::events(&pipeline, &args.plover)
        .with_context(|| format!("evaluating events on {}", args.plover.display()))?;
    writeln!(out, "{scores}")?;
    Ok(Outcome::Success)
}
