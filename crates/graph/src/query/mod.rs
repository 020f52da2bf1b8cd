//! The queries over the graph, shared by the command line and the server.

pub mod entities;
pub mod events;
pub mod neighbourhood;
pub mod path;
pub mod profile;
pub mod stats;
pub mod timeline;

pub use entities::{EntitySummary, resolve_name, search};
pub use events::{EventFilter, cluster, cluster_ids, events, report_evidence};
pub use neighbourhood::{DocumentLinks, Neighbourhood, document_links, neighbourhood};
pub use path::{Step, path};
pub use profile::{Profile, evidence, profile};
pub use stats::{Group, Total, event_counts, event_totals};
