//! The one error type of the crate.

use std::path::PathBuf;

/// What went wrong reading data or a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    /// A CoNLL line could not be understood.
    #[error("{origin}:{line}: {message}")]
    Conll {
        /// Where the data came from (a file name or a label).
        origin: String,
        /// One-based line number.
        line: usize,
        /// What was wrong with the line.
        message: String,
    },
    /// Reading a CoNLL stream failed.
    #[error("{origin}: cannot read: {source}")]
    ConllIo {
        /// Where the data came from.
        origin: String,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// A model file could not be read or written.
    #[error("model file {path}: {source}")]
    ModelIo {
        /// The model file.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// A training resource (a CoNLL file, raw text, a gazetteer) could not be read.
    #[error("{path}: cannot read: {source}")]
    ResourceIo {
        /// The file.
        path: PathBuf,
        /// The underlying failure.
        source: std::io::Error,
    },
    /// A line of a training resource could not be understood.
    #[error("{path}:{line}: {message}")]
    Resource {
        /// The file.
        path: PathBuf,
        /// One-based line number.
        line: usize,
        /// What was wrong with the line.
        message: String,
    },
    /// Model bytes are not a valid model.
    #[error("invalid model data: {0}")]
    ModelFormat(String),
}

impl From<tessera_learn::FormatError> for NerError {
    fn from(error: tessera_learn::FormatError) -> NerError {
        NerError::ModelFormat(error.0)
    }
}
