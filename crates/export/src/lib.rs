//! Tessera's graph written out for the tools analysts already use: ACLED-style CSV for R, pandas
//! and DuckDB ([`acled`]), GeoJSON for QGIS and geopandas ([`geojson`]), GraphML and GEXF for
//! Gephi and networkx ([`network`]), FollowTheMoney for Aleph ([`ftm`]), Parquet tables for
//! DuckDB and pandas ([`parquet`]), and JSON Lines with every field ([`jsonl`]).
//!
//! Every format takes the event clusters that the filters of `tessera events` select (all of
//! them when none is set) and the entities taking part in them (every entity when none is set).
//! Writers stream to any `Write` (Parquet, being columnar, writes a folder of tables); nothing
//! here knows of HTTP.

pub mod acled;
mod error;
pub mod ftm;
pub mod geojson;
pub mod jsonl;
pub mod network;
pub mod parquet;
mod records;
mod text;

pub use error::ExportError;
pub use records::{EntityRecord, Selection};

use rusqlite::Connection;
use std::io::Write;
use tessera_graph::query::EventFilter;

/// A format `tessera export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Acled,
    Geojson,
    Graphml,
    Gexf,
    Ftm,
    Parquet,
    Jsonl,
}

impl Format {
    pub const ALL: &'static [Format] = &[
        Format::Acled,
        Format::Geojson,
        Format::Graphml,
        Format::Gexf,
        Format::Ftm,
        Format::Parquet,
        Format::Jsonl,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Acled => "acled",
            Format::Geojson => "geojson",
            Format::Graphml => "graphml",
            Format::Gexf => "gexf",
            Format::Ftm => "ftm",
            Format::Parquet => "parquet",
            Format::Jsonl => "jsonl",
        }
    }

    /// Whether the format is a folder of files (`-o DIR`) rather than one stream.
    pub fn writes_folder(self) -> bool {
        self == Format::Parquet
    }

    /// The usual file name ending.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Acled => "csv",
            Format::Jsonl => "jsonl",
            Format::Ftm => "ftm.json",
            other => other.as_str(),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = ExportError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.as_str().eq_ignore_ascii_case(text))
            .ok_or_else(|| {
                ExportError::Invalid(format!(
                    "unknown export format {text:?}; one of {}",
                    Format::ALL
                        .iter()
                        .map(|f| f.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
            })
    }
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct ExportSummary {
    /// Rows or features written for event clusters.
    pub clusters: usize,
    pub entities: usize,
    pub edges: usize,
    /// Clusters the format cannot hold (no coordinates for GeoJSON, a type ACLED does not code).
    pub skipped: usize,
}

/// Options beyond the filters.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// GeoJSON: also a feature for each place entity.
    pub entities: bool,
}

/// Writes the clusters `filter` selects (and the entities in them) as `format`.
pub fn export(
    conn: &Connection,
    format: Format,
    filter: &EventFilter,
    options: &Options,
    out: &mut dyn Write,
) -> Result<ExportSummary, ExportError> {
    let selection = Selection::load(conn, filter)?;
    let summary = match format {
        Format::Acled => acled::write(conn, &selection, out)?,
        Format::Geojson => geojson::write(conn, &selection, options.entities, out)?,
        Format::Graphml => network::write_graphml(&network::Network::load(conn, &selection)?, out)?,
        Format::Gexf => network::write_gexf(&network::Network::load(conn, &selection)?, out)?,
        Format::Ftm => ftm::write(conn, &selection, out)?,
        Format::Parquet => {
            return Err(ExportError::Invalid(
                "parquet writes a folder of tables; give it a folder (export_folder)".into(),
            ));
        }
        Format::Jsonl => jsonl::write(conn, &selection, out)?,
    };
    out.flush()?;
    Ok(summary)
}

/// Writes the formats that are a folder of files (Parquet) into `folder`.
pub fn export_folder(
    conn: &Connection,
    format: Format,
    filter: &EventFilter,
    folder: &std::path::Path,
) -> Result<ExportSummary, ExportError> {
    match format {
        Format::Parquet => parquet::write(conn, &Selection::load(conn, filter)?, folder),
        other => Err(ExportError::Invalid(format!(
            "{} is one stream, not a folder of files",
            other.as_str()
        ))),
    }
}
