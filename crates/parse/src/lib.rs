//! Syntax for Tessera: a part-of-speech tagger, a dependency parser and a relation labeller,
//! each an averaged perceptron trained here in Rust on Universal Dependencies treebanks
//! (English EWT, Spanish GSD). The events and claims stages read the result to find who did
//! what to whom: subjects, objects, obliques and passive agents.
//!
//! [`train`] builds a [`SyntaxModel`] from CoNLL-U sentences ([`read_conllu`]) and [`evaluate`]
//! scores it (UPOS accuracy, UAS, LAS). The English and Spanish models ship inside the library
//! ([`SyntaxModel::embedded`]).

mod conllu;
mod error;
mod labeller;
mod model;
mod parser;
mod perceptron;
mod ptb;
mod tagger;
mod train;
mod words;

pub use conllu::{TreeSentence, TreeWord, read_conllu};
pub use error::ParseError;
pub use model::{Analysis, SyntaxModel};
pub use ptb::{TaggedSentence, read_ptb_tagged};
pub use train::{ParseScores, TrainSettings, evaluate, evaluate_tags, train};
pub use words::{UPOS, WordClusters};
