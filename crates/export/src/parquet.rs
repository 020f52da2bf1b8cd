//! Parquet tables for DuckDB, pandas and Spark: `events.parquet` (a row per event cluster) and
//! `entities.parquet` (a row per graph entity), written with Snappy compression into a folder.
//!
//! The tables are flat: lists (actors, aliases, sources) are `; `-joined strings, so every
//! consumer reads them without nested types. Dates that are whole days are Parquet `DATE`s;
//! `event_date` is the first day of the period a cluster's date names (a month's first day),
//! with `date_precision` saying how much of it is known.

use crate::ExportSummary;
use crate::error::ExportError;
use crate::records::{self, Selection};
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, DoubleType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;
use rusqlite::Connection;
use std::fs::File;
use std::io::BufWriter;
use std::path::Path;
use std::sync::Arc;

/// Rows per row group: small enough to keep memory flat, large enough for good compression.
const ROW_GROUP: usize = 65_536;

/// The values of one column, `None` for a missing value.
enum Values {
    Text(Vec<Option<String>>),
    /// Days since 1970-01-01.
    Date(Vec<Option<i32>>),
    Int(Vec<Option<i64>>),
    Double(Vec<Option<f64>>),
}

struct Column {
    name: &'static str,
    values: Values,
}

impl Column {
    fn text(name: &'static str, values: Vec<Option<String>>) -> Self {
        Column {
            name,
            values: Values::Text(values),
        }
    }

    fn date(name: &'static str, values: Vec<Option<i32>>) -> Self {
        Column {
            name,
            values: Values::Date(values),
        }
    }

    fn int(name: &'static str, values: Vec<Option<i64>>) -> Self {
        Column {
            name,
            values: Values::Int(values),
        }
    }

    fn double(name: &'static str, values: Vec<Option<f64>>) -> Self {
        Column {
            name,
            values: Values::Double(values),
        }
    }

    fn schema_line(&self) -> String {
        let kind = match self.values {
            Values::Text(_) => "BYTE_ARRAY",
            Values::Date(_) => "INT32",
            Values::Int(_) => "INT64",
            Values::Double(_) => "DOUBLE",
        };
        let annotation = match self.values {
            Values::Text(_) => " (UTF8)",
            Values::Date(_) => " (DATE)",
            _ => "",
        };
        format!("OPTIONAL {kind} {}{annotation};", self.name)
    }

    fn len(&self) -> usize {
        match &self.values {
            Values::Text(v) => v.len(),
            Values::Date(v) => v.len(),
            Values::Int(v) => v.len(),
            Values::Double(v) => v.len(),
        }
    }
}

/// Writes `events.parquet` and `entities.parquet` into `folder` (made when missing).
pub fn write(
    conn: &Connection,
    selection: &Selection,
    folder: &Path,
) -> Result<ExportSummary, ExportError> {
    std::fs::create_dir_all(folder).map_err(|e| {
        ExportError::Invalid(format!("cannot make the folder {}: {e}", folder.display()))
    })?;
    let events = event_columns(selection);
    write_table(&folder.join("events.parquet"), "event", &events)?;
    let entities = records::entities(conn, selection.entities.as_ref())?;
    let entity_count = entities.len();
    write_table(
        &folder.join("entities.parquet"),
        "entity",
        &entity_columns(entities),
    )?;
    Ok(ExportSummary {
        clusters: selection.clusters.len(),
        entities: entity_count,
        ..ExportSummary::default()
    })
}

fn event_columns(selection: &Selection) -> Vec<Column> {
    let clusters = &selection.clusters;
    let text = |f: &dyn Fn(&tessera_graph::ClusterRecord) -> Option<String>| {
        clusters.iter().map(f).collect::<Vec<_>>()
    };
    let names = |side: &[tessera_graph::aggregate::ParticipantOut]| {
        (!side.is_empty()).then(|| {
            side.iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        })
    };
    vec![
        Column::text("id", text(&|c| Some(c.id.clone()))),
        Column::text("type", text(&|c| Some(c.kind.clone()))),
        Column::text("mode", text(&|c| c.mode.clone())),
        Column::text(
            "contexts",
            text(&|c| (!c.contexts.is_empty()).then(|| c.contexts.join("; "))),
        ),
        Column::date(
            "event_date",
            clusters
                .iter()
                .map(|c| c.date.as_ref().and_then(|d| first_day(&d.value)))
                .collect(),
        ),
        Column::text("date", text(&|c| c.date.as_ref().map(|d| d.value.clone()))),
        Column::text(
            "date_precision",
            text(&|c| c.date.as_ref().map(|d| d.precision.clone())),
        ),
        Column::text("place", text(&|c| c.place.as_ref().map(|p| p.name.clone()))),
        Column::text(
            "country",
            text(&|c| c.place.as_ref().and_then(|p| p.country.clone())),
        ),
        Column::text(
            "admin1",
            text(&|c| c.place.as_ref().and_then(|p| p.admin1.clone())),
        ),
        Column::int(
            "geonames_id",
            clusters
                .iter()
                .map(|c| c.place.as_ref().and_then(|p| p.geonames_id))
                .collect(),
        ),
        Column::double(
            "latitude",
            clusters
                .iter()
                .map(|c| c.place.as_ref().and_then(|p| p.lat))
                .collect(),
        ),
        Column::double(
            "longitude",
            clusters
                .iter()
                .map(|c| c.place.as_ref().and_then(|p| p.lon))
                .collect(),
        ),
        Column::text(
            "geo_precision",
            text(&|c| c.place.as_ref().and_then(|p| p.precision.clone())),
        ),
        Column::text("actors", text(&|c| names(&c.actors))),
        Column::text("recipients", text(&|c| names(&c.recipients))),
        Column::int(
            "fatalities",
            clusters
                .iter()
                .map(|c| c.fatalities.best.map(i64::from))
                .collect(),
        ),
        Column::int(
            "injured",
            clusters
                .iter()
                .map(|c| c.injured.best.map(i64::from))
                .collect(),
        ),
        Column::int(
            "arrested",
            clusters
                .iter()
                .map(|c| c.arrested.best.map(i64::from))
                .collect(),
        ),
        Column::text("certainty", text(&|c| Some(c.certainty.clone()))),
        Column::int(
            "corroboration",
            clusters
                .iter()
                .map(|c| i64::try_from(c.corroboration).ok())
                .collect(),
        ),
        Column::int(
            "credibility",
            clusters
                .iter()
                .map(|c| Some(i64::from(c.credibility)))
                .collect(),
        ),
        Column::int(
            "contradictions",
            clusters
                .iter()
                .map(|c| i64::try_from(c.contradictions.len()).ok())
                .collect(),
        ),
        Column::text("documents", text(&|c| Some(c.documents.join("; ")))),
        Column::text(
            "sources",
            text(&|c| {
                let outlets = crate::records::outlets(c);
                (!outlets.is_empty()).then(|| outlets.join("; "))
            }),
        ),
    ]
}

fn entity_columns(entities: Vec<records::EntityRecord>) -> Vec<Column> {
    let mut id = Vec::new();
    let mut kind = Vec::new();
    let mut name = Vec::new();
    let mut aliases = Vec::new();
    let mut country = Vec::new();
    let mut geonames_id = Vec::new();
    let mut lat = Vec::new();
    let mut lon = Vec::new();
    let mut documents = Vec::new();
    let mut first_seen = Vec::new();
    let mut last_seen = Vec::new();
    for e in entities {
        id.push(Some(e.id));
        kind.push(Some(e.kind));
        name.push(Some(e.name));
        aliases.push((!e.aliases.is_empty()).then(|| e.aliases.join("; ")));
        country.push(e.country);
        geonames_id.push(e.geonames_id);
        lat.push(e.lat);
        lon.push(e.lon);
        documents.push(Some(e.documents));
        first_seen.push(e.first_seen.as_deref().and_then(first_day));
        last_seen.push(e.last_seen.as_deref().and_then(first_day));
    }
    vec![
        Column::text("id", id),
        Column::text("kind", kind),
        Column::text("name", name),
        Column::text("aliases", aliases),
        Column::text("country", country),
        Column::int("geonames_id", geonames_id),
        Column::double("latitude", lat),
        Column::double("longitude", lon),
        Column::int("documents", documents),
        Column::date("first_seen", first_seen),
        Column::date("last_seen", last_seen),
    ]
}

/// Days since 1970-01-01 of the first day `YYYY`, `YYYY-MM` or `YYYY-MM-DD…` names.
fn first_day(text: &str) -> Option<i32> {
    i32::try_from(crate::text::epoch_days(text)?).ok()
}

fn parquet_error(path: &Path) -> impl Fn(parquet::errors::ParquetError) -> ExportError + '_ {
    move |e| ExportError::Invalid(format!("writing {} failed: {e}", path.display()))
}

/// Writes `columns` as one table; the file appears whole or not at all.
fn write_table(path: &Path, message: &str, columns: &[Column]) -> Result<(), ExportError> {
    let rows = columns.first().map_or(0, Column::len);
    let schema = format!(
        "message {message} {{ {} }}",
        columns
            .iter()
            .map(Column::schema_line)
            .collect::<Vec<_>>()
            .join(" ")
    );
    let failed = parquet_error(path);
    let schema = Arc::new(parse_message_type(&schema).map_err(&failed)?);
    let properties = Arc::new(
        WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_created_by(format!("Tessera {}", env!("CARGO_PKG_VERSION")))
            .build(),
    );
    let partial = path.with_extension("parquet.partial");
    let file = File::create(&partial)?;
    let mut writer =
        SerializedFileWriter::new(BufWriter::new(file), schema, properties).map_err(&failed)?;
    let mut start = 0;
    while start < rows || (rows == 0 && start == 0) {
        let end = (start + ROW_GROUP).min(rows);
        let mut group = writer.next_row_group().map_err(&failed)?;
        for column in columns {
            let Some(mut out) = group.next_column().map_err(&failed)? else {
                break;
            };
            match &column.values {
                Values::Text(v) => {
                    let (values, levels) = present(&v[start..end], |s| ByteArray::from(s.as_str()));
                    out.typed::<ByteArrayType>()
                        .write_batch(&values, Some(&levels), None)
                }
                Values::Date(v) => {
                    let (values, levels) = present(&v[start..end], |d| *d);
                    out.typed::<Int32Type>()
                        .write_batch(&values, Some(&levels), None)
                }
                Values::Int(v) => {
                    let (values, levels) = present(&v[start..end], |n| *n);
                    out.typed::<Int64Type>()
                        .write_batch(&values, Some(&levels), None)
                }
                Values::Double(v) => {
                    let (values, levels) = present(&v[start..end], |n| *n);
                    out.typed::<DoubleType>()
                        .write_batch(&values, Some(&levels), None)
                }
            }
            .map_err(&failed)?;
            out.close().map_err(&failed)?;
        }
        group.close().map_err(&failed)?;
        if end == rows {
            break;
        }
        start = end;
    }
    writer.close().map_err(&failed)?;
    std::fs::rename(&partial, path)?;
    Ok(())
}

/// The values that are there, and a definition level per row (1 there, 0 missing).
fn present<T, V>(values: &[Option<T>], convert: impl Fn(&T) -> V) -> (Vec<V>, Vec<i16>) {
    let mut out = Vec::with_capacity(values.len());
    let levels = values
        .iter()
        .map(|v| match v {
            Some(v) => {
                out.push(convert(v));
                1
            }
            None => 0,
        })
        .collect();
    (out, levels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_days_count_from_the_epoch() {
        assert_eq!(first_day("1970-01-01"), Some(0));
        assert_eq!(first_day("2000-03-01"), Some(11_017));
        assert_eq!(first_day("2024-02-29"), Some(19_782));
        assert_eq!(first_day("2026-03"), first_day("2026-03-01"));
        assert_eq!(first_day("1969-12-31"), Some(-1));
        assert_eq!(first_day("2026-13"), None);
        assert_eq!(first_day("soon"), None);
    }

    #[test]
    fn missing_values_get_level_zero() {
        let (values, levels) = present(&[Some(3), None, Some(5)], |n| *n);
        assert_eq!(values, vec![3, 5]);
        assert_eq!(levels, vec![1, 0, 1]);
    }
}
