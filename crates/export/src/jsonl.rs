//! JSON Lines with every field: a line per event cluster (the record `tessera events --json`
//! prints, with `"record": "cluster"`), then a line per entity (`"record": "entity"`).

use crate::ExportSummary;
use crate::error::ExportError;
use crate::records::{self, Selection};
use rusqlite::Connection;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct Tagged<'a, T: Serialize> {
    record: &'a str,
    #[serde(flatten)]
    value: &'a T,
}

pub fn write(
    conn: &Connection,
    selection: &Selection,
    out: &mut dyn Write,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    for cluster in &selection.clusters {
        serde_json::to_writer(
            &mut *out,
            &Tagged {
                record: "cluster",
                value: cluster,
            },
        )?;
        writeln!(out)?;
        summary.clusters += 1;
    }
    for entity in records::entities(conn, selection.entities.as_ref())? {
        serde_json::to_writer(
            &mut *out,
            &Tagged {
                record: "entity",
                value: &entity,
            },
        )?;
        writeln!(out)?;
        summary.entities += 1;
    }
    Ok(summary)
}
