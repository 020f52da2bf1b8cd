//! Geocoding on TR-News-format gold.

use crate::Pipeline;
use std::path::Path;
use tessera_doc::{MentionKind, Metadata, Origin, SourceRecord, Span};
use tessera_geo::eval::{
    GeoScores, RecognitionScores, evaluate_gold_spans, evaluate_predicted_spans, read_tr_news,
};
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
    let gold = read_tr_news(path)?;
    for skipped in gold.skipped.iter().take(MAX_SKIPPED_NAMED) {
        tracing::warn!(
            "{}:{}: toponym `{}` skipped: {}",
            path.display(),
            skipped.line,
            skipped.text,
            skipped.reason
        );
    }
    let documents = gold.documents;
    let geocoder = Geocoder::new(gazetteer);
    let mut scores = if gold_spans {
        evaluate_gold_spans(&geocoder, &documents)
    } else {
        predicted_spans(pipeline, path, &geocoder, &documents)
    };
    scores.skipped = gold.skipped.len();
    Ok(scores)
}

/// Skipped gold toponyms named one by one in the log; the rest are only counted.
const MAX_SKIPPED_NAMED: usize = 20;

fn predicted_spans(
    pipeline: &Pipeline,
    path: &Path,
    geocoder: &Geocoder,
    documents: &[tessera_geo::eval::GoldDocument],
) -> GeoScores {
    let mut names_only = RecognitionScores::default();
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
            let at =
                |span: Span| PlaceMention::at(&doc.text, span.start as usize, span.end as usize);
            let names: Vec<PlaceMention> = doc
                .mentions
                .iter()
                .filter(|m| m.kind == MentionKind::Loc)
                .filter_map(|m| at(m.span))
                .collect();
            names_only.add_document(&names, &gold.toponyms);
            let mut all = names;
            all.extend(doc.place_references.iter().filter_map(|r| at(r.span)));
            all.sort_by_key(|m| (m.start, m.end));
            all
        })
        .collect();
    let mut scores = evaluate_predicted_spans(geocoder, documents, &predicted);
    scores.names_only = Some(names_only);
    scores
}
