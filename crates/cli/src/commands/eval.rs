use super::Outcome;
use crate::args::{EvalCommand, EvalEventsArgs, EvalGeoArgs};
use anyhow::Context;
use tessera_engine::Pipeline;

pub fn run(command: EvalCommand) -> anyhow::Result<Outcome> {
    match command {
        EvalCommand::Geo(args) => geo(args),
        EvalCommand::Ner(args) => super::ner::eval(args),
        EvalCommand::Events(args) => events(args),
    }
}

fn geo(args: EvalGeoArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::geo(&pipeline, &args.jsonl, args.gold_spans)
        .with_context(|| format!("evaluating geocoding on {}", args.jsonl.display()))?;
    println!("{scores}");
    Ok(Outcome::Success)
}

fn events(args: EvalEventsArgs) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::with_models().context("loading the shipped models")?;
    let scores = tessera_engine::eval::events(&pipeline, &args.plover)
        .with_context(|| format!("evaluating events on {}", args.plover.display()))?;
    println!("{scores}");
    Ok(Outcome::Success)
}
