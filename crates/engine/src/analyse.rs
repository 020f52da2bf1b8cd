//! The per-document pipeline: each stage is a plain function that adds a layer.

use crate::geocode::geocode;
use crate::recognise::{Recognisers, recognise};
use crate::resolve::resolve_entities;
use crate::values::find_values;
use tessera_doc::{Document, Origin, SourceRecord};
use tessera_geo::{Gazetteer, GeoError};
use tessera_ner::NerError;

/// A shipped model or gazetteer that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    #[error("loading the named-entity models: {0}")]
    Ner(#[from] NerError),
    #[error("loading the gazetteer: {0}")]
    Geo(#[from] GeoError),
}

/// Why one record could not become a document. The rest of the batch goes on.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct AnalyseError {
    pub origin: Origin,
    pub reason: String,
}

/// Shared, read-only resources for the stages (models, gazetteer), loaded once and used from
/// every worker thread.
#[derive(Debug, Default)]
pub struct Pipeline {
    recognisers: Recognisers,
    gazetteer: Option<Gazetteer>,
}

/// Texts beyond this are refused: offsets are 32-bit and one article is never this long.
const MAX_TEXT_BYTES: usize = u32::MAX as usize / 2;

impl Pipeline {
    /// Segmentation only: no models are loaded.
    pub fn new() -> Self {
        Pipeline::default()
    }

    /// Every stage, with the models and gazetteer shipped inside the binary.
    pub fn with_models() -> Result<Self, ResourceError> {
        Ok(Pipeline {
            recognisers: Recognisers::embedded()?,
            gazetteer: Some(Gazetteer::embedded()?),
        })
    }

    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref()
    }

    /// Runs every stage over one record: identity, language, segmentation.
    pub fn analyse(&self, record: SourceRecord) -> Result<Document, AnalyseError> {
        if record.text.trim().is_empty() {
            return Err(AnalyseError {
                origin: record.origin,
                reason: "the document has no text".into(),
            });
        }
        if record.text.len() > MAX_TEXT_BYTES {
            return Err(AnalyseError {
                reason: format!(
                    "the text is {} bytes, over the {MAX_TEXT_BYTES}-byte limit for one document",
                    record.text.len()
                ),
                origin: record.origin,
            });
        }
        let mut doc = Document::from_record(record);
        doc.lang = tessera_segment::detect_language(&doc.text);
        let lang = doc.lang.as_ref().map(|l| l.code.as_str());
        doc.segmentation = tessera_segment::segment(&doc.text, lang);
        let values = if self.recognisers.is_empty() {
            None
        } else {
            recognise(&mut doc, &self.recognisers);
            Some(find_values(&mut doc))
        };
        if let Some(gazetteer) = &self.gazetteer {
            geocode(&mut doc, gazetteer);
        }
        if let Some((dates, numbers)) = values {
            resolve_entities(&mut doc, self.gazetteer.as_ref());
            let known = tessera_events::KnownValues {
                dates: &dates,
                numbers: &numbers,
            };
            tessera_events::extract_events_with(&mut doc, known);
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::Metadata;

    fn record(text: &str) -> SourceRecord {
        SourceRecord {
            origin: Origin::file("a.txt"),
            meta: Metadata::default(),
            text: text.into(),
        }
    }

    #[test]
    fn analyse_adds_language_and_segmentation() {
        let text = "The Jalisco New Generation Cartel launched attacks. Airports closed on Sunday.";
        let doc = Pipeline::new().analyse(record(text)).expect("analysed");
        assert_eq!(doc.lang.as_ref().map(|l| l.code.as_str()), Some("en"));
        assert_eq!(doc.segmentation.sentences.len(), 2);
        assert_eq!(doc.text, text, "the text is never altered");
    }

    #[test]
    fn empty_text_is_refused_with_its_origin() {
        let err = Pipeline::new()
            .analyse(record(" \n\t "))
            .expect_err("refused");
        assert_eq!(err.to_string(), "a.txt: the document has no text");
    }
}
