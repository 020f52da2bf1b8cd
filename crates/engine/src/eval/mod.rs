//! Evaluation against annotated data, shared by the command line and benchmarks.

mod events;
mod geo;

pub use events::{EventScores, events};
pub use geo::{EvalError, geo};
