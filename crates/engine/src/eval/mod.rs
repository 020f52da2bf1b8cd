//! Evaluation against annotated data, shared by the command line and benchmarks.

mod events;
mod geo;
mod stories;

pub use events::{EventScores, events};
pub use geo::{EvalError, geo};
pub use stories::{Pairs, StoriesError, StoryScores, stories};
