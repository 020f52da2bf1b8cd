//! Named-entity recognition for Tessera: finds persons, organisations, places and other names
//! (PER, ORG, LOC, MISC) in tokenised text.
//!
//! The tagger is an averaged structured perceptron over BILOU labels with first-order Viterbi
//! decoding, trained here in pure Rust on CoNLL data. Its features look at the token and its
//! neighbours (forms, affixes, shapes), at word lists, place names from Tessera's gazetteer and
//! raw-text statistics carried in the model ([`Lexicon`]), and at the rest of the document: how
//! a word is capitalised elsewhere, how it was tagged earlier, whether the document is sports
//! reporting. [`train_from_files`] trains a model from files with the shipped settings. Models are saved as gzip-compressed binary files; the English
//! and Spanish models ship inside the library ([`Model::embedded`]).

mod clusters;
mod conll;
use tessera_learn::{codec, hash};
mod decode;
mod error;
mod eval;
pub mod features;
mod lexicon;
mod model;
pub mod places;
mod setup;
mod tag;
mod train;

pub use clusters::{ClusterBuilder, ClusterConfig, ClusterPath, Clusters};
pub use conll::{ConllDocument, ConllSentence, read_conll, split_at_datelines, write_conll};
pub use error::NerError;
pub use eval::{EntitySpan, Prf, Scores, entity_spans, evaluate};
pub use features::FeatureSet;
pub use lexicon::{Lexicon, LexiconBuilder, PlaceKind, simple_sentences, simple_tokens};
pub use model::Model;
pub use setup::{
    DEFAULT_MIN_CITY_POPULATION, TrainRequest, default_config, read_conll_file, read_raw_text,
    train_from_files,
};
pub use tag::{EntityType, Tag};
pub use train::{EpochReport, TrainConfig, score, train};
