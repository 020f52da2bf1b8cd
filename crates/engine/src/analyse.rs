//! The per-document pipeline: an ordered list of stages, each a plain function over the
//! document and the shared resources that adds layers.

use crate::geocode::geocode;
use crate::place_references::find_place_references;
use crate::recognise::{Recognisers, recognise};
use crate::resolve::resolve_entities;
use crate::syntax::{Parsers, parse_sentences};
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
    #[error("loading the syntax models: {0}")]
    Parse(#[from] tessera_parse::ParseError),
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
pub struct Resources {
    recognisers: Recognisers,
    gazetteer: Option<Gazetteer>,
    parsers: Parsers,
}

impl Resources {
    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.gazetteer.as_ref()
    }
}

/// One pipeline stage: a plain function that adds layers to the document, reading the shared
/// resources (spaCy's pipeline components).
#[derive(Clone, Copy)]
pub struct Stage {
    pub name: &'static str,
    pub run: fn(&mut Document, &Resources),
}

impl std::fmt::Debug for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Language detection and segmentation, with the token attributes every later stage reads.
fn segment_stage(doc: &mut Document, _: &Resources) {
    doc.lang = tessera_segment::detect_language(&doc.text);
    let segmentation = tessera_segment::segment(&doc.text, doc.lang());
    doc.set_segmentation(segmentation);
    doc.dateline = tessera_segment::find_dateline(&doc.text);
}

fn recognise_stage(doc: &mut Document, resources: &Resources) {
    recognise(doc, &resources.recognisers, resources.gazetteer.as_ref());
}

fn values_stage(doc: &mut Document, _: &Resources) {
    find_values(doc);
}

fn geocode_stage(doc: &mut Document, resources: &Resources) {
    if let Some(gazetteer) = &resources.gazetteer {
        geocode(doc, gazetteer);
    }
}

fn entities_stage(doc: &mut Document, resources: &Resources) {
    resolve_entities(doc, resources.gazetteer.as_ref());
}

/// Nationality adjectives and places named inside other names, once names have their final
/// kinds.
fn place_references_stage(doc: &mut Document, resources: &Resources) {
    if let Some(gazetteer) = &resources.gazetteer {
        find_place_references(doc, gazetteer);
    }
}

/// Syntax for the sentences the event coder will read.
fn syntax_stage(doc: &mut Document, resources: &Resources) {
    let sentences = tessera_events::sentences_with_cues(doc);
    if !sentences.is_empty() {
        parse_sentences(
            doc,
            &resources.parsers,
            &sentences,
            resources.gazetteer.as_ref(),
        );
    }
}

fn events_stage(doc: &mut Document, _: &Resources) {
    tessera_events::extract_events(doc);
}

/// The stages in order: segmentation, names, dates and numbers, places, entities and
/// relations, place references, syntax, events.
pub const STAGES: [Stage; 8] = [
    Stage {
        name: "segment",
        run: segment_stage,
    },
    Stage {
        name: "recognise",
        run: recognise_stage,
    },
    Stage {
        name: "values",
        run: values_stage,
    },
    Stage {
        name: "geocode",
        run: geocode_stage,
    },
    Stage {
        name: "entities",
        run: entities_stage,
    },
    Stage {
        name: "place references",
        run: place_references_stage,
    },
    Stage {
        name: "syntax",
        run: syntax_stage,
    },
    Stage {
        name: "events",
        run: events_stage,
    },
];

/// An ordered list of stages over shared resources.
#[derive(Debug)]
pub struct Pipeline {
    resources: Resources,
    stages: Vec<Stage>,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

/// Texts beyond this are refused: offsets are 32-bit and one article is never this long.
const MAX_TEXT_BYTES: usize = u32::MAX as usize / 2;

impl Pipeline {
    /// Segmentation only: no models are loaded.
    pub fn new() -> Self {
        Pipeline {
            resources: Resources::default(),
            stages: STAGES[..1].to_vec(),
        }
    }

    /// Every stage, with the models and gazetteer shipped inside the binary.
    pub fn with_models() -> Result<Self, ResourceError> {
        Ok(Pipeline {
            resources: Resources {
                recognisers: Recognisers::embedded()?,
                gazetteer: Some(Gazetteer::embedded()?),
                parsers: Parsers::embedded()?,
            },
            stages: STAGES.to_vec(),
        })
    }

    pub fn gazetteer(&self) -> Option<&Gazetteer> {
        self.resources.gazetteer()
    }

    /// Runs only the stages `keep` says yes to (benchmarks compare the pipeline with and
    /// without one stage); [`Pipeline::all_stages`] brings them back.
    pub fn retain_stages(&mut self, keep: impl Fn(&Stage) -> bool) {
        self.stages.retain(keep);
    }

    /// Runs every stage again after [`Pipeline::retain_stages`].
    pub fn all_stages(&mut self) {
        self.stages = STAGES.to_vec();
    }

    /// The stages this pipeline runs, in order.
    pub fn stages(&self) -> &[Stage] {
        &self.stages
    }

    /// Runs every stage over one record.
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
        for stage in &self.stages {
            (stage.run)(&mut doc, &self.resources);
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
        assert_eq!(doc.lang(), Some(tessera_doc::Lang::EN));
        assert_eq!(doc.token_table.len(), doc.segmentation.tokens.len());
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
