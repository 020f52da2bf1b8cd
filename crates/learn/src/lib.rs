//! Plumbing shared by Tessera's trained models (the name tagger, the part-of-speech tagger and
//! the dependency parser): stable 64-bit feature hashing, and the little-endian binary codec
//! their model files are written in.

pub mod codec;
pub mod hash;

/// Model bytes that are not a valid model.
#[derive(Debug, thiserror::Error)]
#[error("invalid model data: {0}")]
pub struct FormatError(pub String);
