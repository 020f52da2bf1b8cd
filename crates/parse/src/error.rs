//! The one error type of the crate.

use std::path::PathBuf;

/// What went wrong reading a treebank or a model.
#[derive(Debug, thiserror::Error)]
pub enum ParseError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    /// A treebank line could not be understood.
    #[error("{path}:{line}: {message}")]
    Treebank {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// Model bytes are not a valid model.
    #[error(transparent)]
    Format(#[from] tessera_learn::FormatError),
    /// No model ships for the language.
    #[error("no parsing model for language {0}")]
    NoModel(String),
}
