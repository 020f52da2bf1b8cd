//! The output contract of DESIGN.md: one JSON object per document with its entities, relations
//! and events. Users pipe this into their own tools, so names here are stable: add fields,
//! never rename them.

use serde::Serialize;
use tessera_doc::{
    Attribution, Certainty, Claim, Context, DatePrecision, Document, EntityId, Event, Lang, Mode,
    Participant, Place, PlacePrecision, PlaceReferenceKind, Relation, RelationObject, Span,
};

#[derive(Debug, Serialize)]
pub struct Extraction {
    pub document: DocumentInfo,
    pub entities: Vec<Entity>,
    /// Dates and numbers found by rules (kind DATE or NUM).
    pub values: Vec<Value>,
    /// Nationality adjectives and places named inside other names ("Russian", "Ohio State
    /// Highway Patrol"), each with the place it points at; not entities.
    pub place_references: Vec<PlaceReferenceOut>,
    pub relations: Vec<RelationOut>,
    pub events: Vec<EventOut>,
}

#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: Option<Lang>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
    /// Why names were not recognised, when they were not (e.g. a language without a model).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct Role {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub org: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    pub evidence: TextSpan,
}

#[derive(Debug, Serialize)]
pub struct AliasOut {
    pub name: String,
    pub evidence: TextSpan,
}

#[derive(Debug, Serialize)]
pub struct Entity {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub aliases: Vec<String>,
    /// Each alias with the words that introduced it.
    pub alias_evidence: Vec<AliasOut>,
    pub roles: Vec<Role>,
    pub unnamed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    pub mentions: Vec<TextSpan>,
}

#[derive(Debug, Serialize)]
pub struct Value {
    pub kind: &'static str,
    pub start: u32,
    pub end: u32,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct PlaceReferenceOut {
    pub start: u32,
    pub end: u32,
    pub text: String,
    /// "adjective" or "within_name".
    pub kind: PlaceReferenceKind,
    pub place: Place,
}

#[derive(Debug, Clone, Serialize)]
pub struct TextSpan {
    pub start: u32,
    pub end: u32,
    pub text: String,
}

impl TextSpan {
    pub fn of(span: Span, text: &str) -> Self {
        TextSpan {
            start: span.start,
            end: span.end,
            text: span.text(text).unwrap_or_default().to_string(),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct Source {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub name: String,
}

#[derive(Debug, Serialize)]
pub struct RelationOut {
    pub subject: String,
    pub predicate: &'static str,
    /// An entity id, or a value (a year, a bare title).
    pub object: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    pub evidence: TextSpan,
    pub certainty: Certainty,
    pub attribution: Vec<Source>,
}

#[derive(Debug, Serialize)]
pub struct EventPlaceOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<PlacePrecision>,
}

#[derive(Debug, Serialize)]
pub struct EventDateOut {
    pub value: String,
    pub precision: DatePrecision,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct EventOut {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub mode: Option<Mode>,
    pub contexts: Vec<Context>,
    pub actors: Vec<Source>,
    pub recipients: Vec<Source>,
    pub place: Option<EventPlaceOut>,
    pub date: Option<EventDateOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fatalities: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub injured: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arrested: Option<u32>,
    pub certainty: Certainty,
    pub attribution: Vec<Source>,
    pub trigger: TextSpan,
    pub evidence: TextSpan,
}

/// The contract id of an entity.
fn entity_id(index: EntityId) -> String {
    format!("e{}", index + 1)
}

/// Builds the contract object for an analysed document.
pub fn extraction(doc: &Document) -> Extraction {
    let text = doc.text.as_str();
    let name_of = |id: EntityId| {
        doc.entities
            .get(id as usize)
            .map(|e| e.name.clone())
            .unwrap_or_default()
    };
    let entities = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| Entity {
            id: entity_id(i as EntityId),
            kind: e.kind.as_str(),
            name: e.name.clone(),
            aliases: e.aliases.iter().map(|a| a.name.clone()).collect(),
            alias_evidence: e
                .aliases
                .iter()
                .map(|a| AliasOut {
                    name: a.name.clone(),
                    evidence: TextSpan::of(a.evidence, text),
                })
                .collect(),
            roles: e
                .roles
                .iter()
                .map(|r| Role {
                    title: r.title.clone(),
                    org: r.org.map(&name_of),
                    country: r.country.clone(),
                    evidence: TextSpan::of(r.evidence, text),
                })
                .collect(),
            unnamed: e.unnamed,
            country: e.country.clone(),
            place: e.place.clone(),
            mentions: e.mentions.iter().map(|s| TextSpan::of(*s, text)).collect(),
        })
        .collect();
    Extraction {
        document: DocumentInfo {
            id: doc.id.to_string(),
            title: doc.meta.title.clone(),
            published: doc.meta.published.map(|d| d.to_string()),
            lang: doc.lang(),
            source: doc.meta.source.clone(),
            url: doc.meta.url.clone(),
            byline: doc.meta.byline.clone(),
            unsupported: doc.unsupported.clone(),
        },
        entities,
        values: doc
            .mentions
            .iter()
            .filter(|m| !m.kind.is_name())
            .map(|m| Value {
                kind: m.kind.as_str(),
                start: m.span.start,
                end: m.span.end,
                text: m.span.text(text).unwrap_or_default().to_string(),
            })
            .collect(),
        place_references: doc
            .place_references
            .iter()
            .map(|r| PlaceReferenceOut {
                start: r.span.start,
                end: r.span.end,
                text: r.span.text(text).unwrap_or_default().to_string(),
                kind: r.kind,
                place: r.place.clone(),
            })
            .collect(),
        relations: doc.relations.iter().map(|r| relation(r, text)).collect(),
        events: doc
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| event(i, e, text))
            .collect(),
    }
}

fn relation(r: &Relation, text: &str) -> RelationOut {
    RelationOut {
        subject: entity_id(r.subject),
        predicate: r.predicate.as_str(),
        object: match &r.object {
            RelationObject::Entity(id) => entity_id(*id),
            RelationObject::Value(v) => v.clone(),
        },
        role: r.role.clone(),
        evidence: TextSpan::of(r.evidence, text),
        certainty: r.claim.certainty,
        attribution: sources(&r.claim),
    }
}

fn sources(claim: &Claim) -> Vec<Source> {
    claim.attribution.iter().map(source_of).collect()
}

fn source_of(a: &Attribution) -> Source {
    Source {
        entity: a.entity.map(entity_id),
        name: a.name.clone(),
    }
}

fn participant(p: &Participant) -> Source {
    Source {
        entity: p.entity.map(entity_id),
        name: p.name.clone(),
    }
}

fn event(index: usize, e: &Event, text: &str) -> EventOut {
    EventOut {
        id: format!("v{}", index + 1),
        kind: e.kind.as_str(),
        mode: e.mode,
        contexts: e.contexts.clone(),
        actors: e.actors.iter().map(participant).collect(),
        recipients: e.recipients.iter().map(participant).collect(),
        place: e.place.as_ref().map(|p| EventPlaceOut {
            entity: p.entity.map(entity_id),
            name: p.name.clone(),
            geonames_id: p.place.as_ref().and_then(|g| g.geonames_id),
            lat: p.place.as_ref().map(|g| g.lat),
            lon: p.place.as_ref().map(|g| g.lon),
            country: p.place.as_ref().and_then(|g| g.country.clone()),
            admin1: p.place.as_ref().and_then(|g| g.admin1.clone()),
            precision: p.place.as_ref().map(|g| g.precision),
        }),
        date: e.date.as_ref().map(|d| EventDateOut {
            value: d.value.clone(),
            precision: d.precision,
            text: d.text.clone(),
        }),
        fatalities: e.fatalities,
        injured: e.injured,
        arrested: e.arrested,
        certainty: e.claim.certainty,
        attribution: sources(&e.claim),
        trigger: TextSpan::of(e.trigger, text),
        evidence: TextSpan::of(e.evidence, text),
    }
}

/// How `extract` writes the contract: one compact object per line (`json`, `jsonl`) or
/// indented objects (`pretty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonStyle {
    Lines,
    Pretty,
}

/// The output contract as a sink: each document rendered by [`extraction`] and written to
/// `out`, in input order.
pub struct JsonSink<W: std::io::Write> {
    out: W,
    style: JsonStyle,
}

impl<W: std::io::Write> JsonSink<W> {
    pub fn new(out: W, style: JsonStyle) -> Self {
        JsonSink { out, style }
    }
}

impl<W: std::io::Write> crate::Sink for JsonSink<W> {
    fn write_batch(
        &mut self,
        batch: &[Document],
    ) -> Result<Vec<tessera_store::PutOutcome>, crate::EngineError> {
        for doc in batch {
            let value = extraction(doc);
            match self.style {
                JsonStyle::Lines => serde_json::to_writer(&mut self.out, &value),
                JsonStyle::Pretty => serde_json::to_writer_pretty(&mut self.out, &value),
            }
            .map_err(std::io::Error::from)
            .map_err(crate::EngineError::Output)?;
            self.out
                .write_all(b"\n")
                .map_err(crate::EngineError::Output)?;
        }
        Ok(vec![tessera_store::PutOutcome::Stored; batch.len()])
    }

    fn finish(&mut self) -> Result<(), crate::EngineError> {
        self.out.flush().map_err(crate::EngineError::Output)
    }
}
