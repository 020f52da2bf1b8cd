use crate::{DocId, Entity, Event, Geocoded, Lang, Mention, Relation, Segmentation, Span, Values};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a record was read from: a file path, a URL or `-` for standard input, with the line
/// (JSON Lines) or item (feeds) inside it when there is one. Errors name it so a user can find
/// the offending input.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Origin {
    pub location: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<u64>,
}

impl Origin {
    pub fn file(location: impl Into<String>) -> Self {
        Origin {
            location: location.into(),
            ..Origin::default()
        }
    }

    pub fn with_line(mut self, line: u64) -> Self {
        self.line = Some(line);
        self
    }

    pub fn with_item(mut self, item: u64) -> Self {
        self.item = Some(item);
        self
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.location)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = self.item {
            write!(f, " (item {item})")?;
        }
        Ok(())
    }
}

/// Bibliographic facts about an article, as far as the reader could find them.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    /// The outlet or agency that published the article.
    pub source: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// What a reader yields: the text exactly as found, its metadata and where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceRecord {
    pub origin: Origin,
    pub meta: Metadata,
    pub text: String,
}

/// The language a document was detected to be in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    pub code: Lang,
    /// Detector confidence in `[0, 1]`.
    pub confidence: f32,
}

/// A wire dateline opening the text ("MEXICO CITY, March 3 (Reuters) - ", "Culiacán, Sin., 4
/// de marzo de 2025.- "): where, when and by whom the story was filed. It is metadata, not
/// part of the first sentence's content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The whole dateline, dash included.
    pub span: Span,
    /// The city it was filed from.
    pub place: Span,
    /// The state, province or country after the city ("Sin.", "Ukraine").
    pub regions: Vec<Span>,
    pub date: Option<Span>,
    /// The agency in brackets ("Reuters", "EFE"); not a generic "(Agencias)".
    pub agency: Option<Span>,
}

/// One article and every annotation layer over it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    pub origin: Origin,
    pub meta: Metadata,
    /// The text as read; never altered. Every span in every layer points into it.
    pub text: String,
    pub lang: Option<Language>,
    pub segmentation: Segmentation,
    /// Names and values found in the text, in text order.
    pub mentions: Vec<Mention>,
    /// Place mentions resolved to gazetteer entries (unresolved ones are absent).
    pub places: Vec<Geocoded>,
    /// Nationality adjectives and places named inside other names, resolved (see
    /// [`crate::PlaceReference`]); not entities, not event places.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub place_references: Vec<crate::PlaceReference>,
    /// Mentions grouped into the people, organisations and places they refer to.
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Dates (resolved against the publication date) and numbers found by rules.
    #[serde(default)]
    pub values: Values,
    /// Per-token attributes (forms, shape, sentence), computed once after segmentation.
    #[serde(skip)]
    pub token_table: crate::TokenTable,
    /// The wire dateline opening the text, if there is one.
    #[serde(default)]
    pub dateline: Option<Dateline>,
    /// Dependency syntax of the sentences that were parsed (those with event cues).
    #[serde(skip)]
    pub syntax: crate::Syntax,
    /// Why the recogniser did not run, when it did not (e.g. a language without a model).
    pub unsupported: Option<String>,
}

impl Document {
    /// The detected language, if any.
    pub fn lang(&self) -> Option<Lang> {
        self.lang.as_ref().map(|l| l.code)
    }

    /// Sets the segmentation and computes the token attributes every later stage reads.
    pub fn set_segmentation(&mut self, segmentation: Segmentation) {
        self.token_table = crate::TokenTable::build(&self.text, &segmentation);
        self.segmentation = segmentation;
    }

    /// Links each name mention to the entity that lists its span (for a document whose
    /// mentions and entities were kept apart, as a store keeps them).
    pub fn link_mentions(&mut self) {
        let mut by_span: Vec<(crate::Span, crate::EntityId)> = self
            .entities
            .iter()
            .enumerate()
            .flat_map(|(id, e)| {
                e.mentions
                    .iter()
                    .map(move |span| (*span, id as crate::EntityId))
            })
            .collect();
        by_span.sort_unstable();
        for mention in self.mentions.iter_mut().filter(|m| m.kind.is_name()) {
            let at = by_span.partition_point(|(span, _)| *span < mention.span);
            mention.entity = by_span
                .get(at)
                .filter(|(span, _)| *span == mention.span)
                .map(|(_, id)| *id);
        }
    }

    pub fn from_record(record: SourceRecord) -> Self {
        let id = DocId::compute(
            record.meta.source.as_deref(),
            record.meta.title.as_deref(),
            &record.text,
        );
        Document {
            id,
            origin: record.origin,
            meta: record.meta,
            text: record.text,
            lang: None,
            segmentation: Segmentation::default(),
            mentions: Vec::new(),
            places: Vec::new(),
            place_references: Vec::new(),
            entities: Vec::new(),
            relations: Vec::new(),
            events: Vec::new(),
            values: Values::default(),
            token_table: crate::TokenTable::default(),
            dateline: None,
            syntax: crate::Syntax::default(),
            unsupported: None,
        }
    }
}
