//! Event clusters as a GeoJSON FeatureCollection (RFC 7946) of points, for QGIS, geopandas and
//! web maps; with `entities`, the places among the entities as well. Clusters with no
//! coordinates cannot be drawn and are skipped (and counted).

use crate::ExportSummary;
use crate::error::ExportError;
use crate::records::{self, Selection};
use rusqlite::Connection;
use serde_json::{Value, json};
use std::io::Write;

/// Writes the collection; features are written one by one, so memory stays flat.
pub fn write(
    conn: &Connection,
    selection: &Selection,
    with_entities: bool,
    out: &mut dyn Write,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    write!(out, "{{\"type\":\"FeatureCollection\",\"features\":[")?;
    let mut first = true;
    let mut feature = |value: Value, out: &mut dyn Write| -> Result<(), ExportError> {
        if !first {
            writeln!(out, ",")?;
        } else {
            writeln!(out)?;
        }
        first = false;
        serde_json::to_writer(&mut *out, &value)?;
        Ok(())
    };
    for c in &selection.clusters {
        let Some((lat, lon)) = c.place.as_ref().and_then(|p| Some((p.lat?, p.lon?))) else {
            summary.skipped += 1;
            continue;
        };
        let sources = crate::records::outlets(c);
        let place = c.place.as_ref();
        feature(
            json!({
                "type": "Feature",
                "id": c.id,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "kind": "event",
                    "type": c.kind,
                    "mode": c.mode,
                    "date": c.date.as_ref().map(|d| &d.value),
                    "date_precision": c.date.as_ref().map(|d| &d.precision),
                    "place": place.map(|p| &p.name),
                    "country": place.and_then(|p| p.country.as_ref()),
                    "admin1": place.and_then(|p| p.admin1.as_ref()),
                    "geo_precision": place.and_then(|p| p.precision.as_ref()),
                    "fatalities": c.fatalities.best,
                    "corroboration": c.corroboration,
                    "credibility": c.credibility,
                    "certainty": c.certainty,
                    "actors": c.actors.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    "recipients": c.recipients.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    "sources": sources,
                    "documents": c.documents.len(),
                }
            }),
            out,
        )?;
        summary.clusters += 1;
    }
    if with_entities {
        for e in records::entities(conn, selection.entities.as_ref())? {
            let (Some(lat), Some(lon)) = (e.lat, e.lon) else {
                continue;
            };
            if e.kind != "LOC" {
                continue;
            }
            feature(
                json!({
                    "type": "Feature",
                    "id": e.id,
                    "geometry": {"type": "Point", "coordinates": [lon, lat]},
                    "properties": {
                        "kind": "place",
                        "name": e.name,
                        "aliases": e.aliases,
                        "country": e.country,
                        "geonames_id": e.geonames_id,
                        "documents": e.documents,
                        "first_seen": e.first_seen,
                        "last_seen": e.last_seen,
                    }
                }),
                out,
            )?;
            summary.entities += 1;
        }
    }
    writeln!(out, "\n]}}")?;
    Ok(summary)
}
