//! The output contract of DESIGN.md: one JSON object per document with its entities, relations
//! and events. Users pipe this into their own tools, so names here are stable: add fields,
//! never rename them.

use serde::Serialize;
use std::collections::HashMap;
use tessera_doc::{Document, MentionKind, Place, Span};

#[derive(Debug, Serialize)]
pub struct Extraction {
    pub document: DocumentInfo,
    pub entities: Vec<Entity>,
    /// Dates and numbers found by rules (kind DATE or NUM).
    pub values: Vec<Value>,
    pub relations: Vec<serde_json::Value>,
    pub events: Vec<serde_json::Value>,
}

#[derive(Debug, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
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
}

#[derive(Debug, Serialize)]
pub struct Entity {
    pub id: String,
    pub kind: &'static str,
    pub name: String,
    pub aliases: Vec<String>,
    pub roles: Vec<Role>,
    pub unnamed: bool,
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

/// Builds the contract object for an analysed document. Within the document, mentions of the
/// same kind with the same words are one entity.
pub fn extraction(doc: &Document) -> Extraction {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<(MentionKind, &str), usize> = HashMap::new();
    let places: HashMap<Span, &Place> = doc.places.iter().map(|g| (g.span, &g.place)).collect();
    for mention in doc.mentions.iter().filter(|m| m.kind.is_name()) {
        let Ok(words) = mention.span.text(&doc.text) else {
            continue;
        };
        let index = *by_name.entry((mention.kind, words)).or_insert_with(|| {
            entities.push(Entity {
                id: format!("e{}", entities.len() + 1),
                kind: mention.kind.as_str(),
                name: collapse_whitespace(words),
                aliases: Vec::new(),
                roles: Vec::new(),
                unnamed: false,
                place: None,
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        let entity = &mut entities[index];
        if entity.place.is_none() {
            entity.place = places.get(&mention.span).map(|p| (*p).clone());
        }
        entity.mentions.push(TextSpan::of(mention.span, &doc.text));
    }
    Extraction {
        document: DocumentInfo {
            id: doc.id.to_string(),
            title: doc.meta.title.clone(),
            published: doc.meta.published.map(|d| d.to_string()),
            lang: doc.lang.as_ref().map(|l| l.code.clone()),
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
                text: m.span.text(&doc.text).unwrap_or_default().to_string(),
            })
            .collect(),
        relations: Vec::new(),
        events: Vec::new(),
    }
}

/// Names broken over a line in the source ("Jalisco New\nGeneration Cartel") read as one line.
fn collapse_whitespace(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}
