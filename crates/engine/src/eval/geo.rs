//! Geocoding on TR-News-format gold.

use crate::Pipeline;
use std::path::Path;
use tessera_doc::{MentionKind, Metadata, Origin, SourceRecord};
use tessera_geo::eval::{GeoScores, evaluate_gold_spans, evaluate_predicted_spans, read_tr_news};
use tessera_geo::{GeoError, Geocoder, PlaceMention};

#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Geo(#[from] GeoError),
    #[error("the pipeline has no gazetteer loaded")]
    NoGazetteer,
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

/// Geocoding on a TR-News-format file: with `gold_spans`, resolution of the gold toponyms;
/// otherwise end to end, with place mentions from the recogniser.
pub fn geo(pipeline: &Pipeline, path: &Path, gold_spans: bool) -> Result<GeoScores, EvalError> {
    let gazetteer = pipeline.gazetteer().ok_or(EvalError::NoGazetteer)?;
    let documents = read_tr_news(path)?;
    let geocoder = Geocoder::new(gazetteer);
    if gold_spans {
        return Ok(evaluate_gold_spans(&geocoder, &documents));
    }
    let predicted: Vec<Vec<PlaceMention>> = documents
        .iter()
        .map(|gold| {
            let record = SourceRecord {
                origin: Origin::file(path.display().to_string()),
                meta: Metadata::default(),
                text: gold.text.clone(),
            };
            let Ok(doc) = pipeline.analyse(record) else {
                return Vec::new();
            };
            doc.mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Loc)
                .filter_map(|m| {
                    PlaceMention::at(&doc.text, m.span.start as usize, m.span.end as usize)
                })
                .collect()
        })
        .collect();
    Ok(evaluate_predicted_spans(&geocoder, &documents, &predicted))
}
