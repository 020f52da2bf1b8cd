//! Tessera's gazetteer and geocoder: each place mention in a document resolved to a GeoNames
//! entry (point, country, first-level region, feature kind and precision), or reported
//! unresolved.
//!
//! The [`Gazetteer`] is compiled from GeoNames (CC BY 4.0) by `tools/gazetteer/` and embedded in
//! the binary; [`Geocoder::resolve_document`] ranks each mention's candidates using the words
//! around it ("Tapalpa, Jalisco", "the state of Colima"), the other places in the same document,
//! the kind of feature, population and the publication's own country;
//! [`Geocoder::resolve_capital_phrases`] resolves "the state capital", "la capital mexicana" and
//! the like. [`eval`] scores it on TR-News-format gold data.

mod abbreviations;
mod capital;
mod context;
pub mod eval;
mod gazetteer;
mod geocoder;
mod geometry;
mod support;

pub use abbreviations::state_for_abbreviation;
pub use capital::{CapitalLevel, CapitalPhrase, find_capital_phrases};
pub use gazetteer::{
    CandidateRef, Gazetteer, Place, ShortCode, for_each_place, read_gazetteer_file,
};
pub use geocoder::{GeoContext, Geocoder, PlaceMention, Resolution};
pub use geometry::haversine_km;
/// Folds a place name to its look-up key: [`tessera_doc::fold_key`], the one folding rule.
pub use tessera_doc::fold_key as fold_name;
pub use tessera_doc::{FeatureKind, PlacePrecision as Precision};

/// Why the gazetteer or an evaluation file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("gazetteer is not gzip-compressed UTF-8 text: {0}")]
    Decompress(#[source] std::io::Error),
    #[error("gazetteer header missing or unsupported (expected `{expected}`, found `{found}`)")]
    Header {
        expected: &'static str,
        found: String,
    },
    #[error("gazetteer line {line}: {reason}")]
    Record { line: usize, reason: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}:{line}: {reason}")]
    Gold {
        path: String,
        line: usize,
        reason: String,
    },
}
