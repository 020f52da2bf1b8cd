//! Named-entity recognition for Tessera: finds persons, organisations, places and other names
//! (PER, ORG, LOC, MISC) in tokenised text.
//!
//! The tagger is an averaged structured perceptron over BILOU labels with first-order Viterbi
//! decoding, trained here in pure Rust on CoNLL data. Its features look at the token and its
//! neighbours (forms, affixes, shapes), at word lists and raw-text statistics carried in the
//! model ([`Lexicon`]), and at the rest of the document: how a word is capitalised elsewhere
//! and how it was tagged earlier. Models are saved as gzip-compressed binary files; the English
//! and Spanish models ship inside the library ([`Model::embedded`]).

mod codec;
mod conll;
mod decode;
mod error;
mod eval;
pub mod features;
mod hash;
mod lexicon;
mod model;
mod tag;
mod train;

pub use conll::{ConllDocument, ConllSentence, read_conll, split_at_datelines, write_conll};
pub use error::NerError;
pub use eval::{EntitySpan, Prf, Scores, entity_spans, evaluate};
pub use features::FeatureSet;
pub use lexicon::{Lexicon, LexiconBuilder, simple_sentences, simple_tokens};
pub use model::Model;
pub use tag::{EntityType, Tag};
pub use train::{EpochReport, TrainConfig, score, train};
