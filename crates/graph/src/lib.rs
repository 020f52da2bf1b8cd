//! Tessera across documents: one entity per real person, organisation or place, one cluster per
//! real event, and the queries an analyst asks of them.
//!
//! Documents are resolved incrementally as they arrive ([`resolve_documents`],
//! [`resolve_pending`]): each named entity joins the graph entity its name, aliases, acronym or
//! gazetteer id and its surroundings point to ([`entities`]), and each event joins the cluster of
//! the same real-world event ([`clusters`]), whose record is rebuilt from all its reports
//! ([`aggregate`]). Every link keeps its reason. Merges and splits made by hand are recorded
//! ([`overrides`]) and outlive re-resolution ([`rebuild`]). Sources, corroboration and
//! credibility are in [`sources`]. The queries in [`query`] are what the command line and the
//! server both call.
//!
//! The tables live in the store's SQLite file (schema version 4, created by `tessera-store`).

pub mod aggregate;
mod cache;
pub mod clusters;
pub mod edits;
pub mod entities;
mod error;
pub mod names;
pub mod overrides;
pub mod query;
mod resolve;
pub mod sources;

pub use aggregate::ClusterRecord;
pub use cache::GraphCache;
pub use error::GraphError;
pub use resolve::{ResolveSummary, Resolver, rebuild, resolve_documents, resolve_pending};

pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
