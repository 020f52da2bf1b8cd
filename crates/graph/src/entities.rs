//! Entity resolution across documents, one document at a time as it arrives.
//!
//! Each named entity of a document is looked up by its keys (folded name, shorter forms,
//! aliases, acronyms, gazetteer id). A candidate is accepted by rules that weigh how the names
//! match against what the two share: the other people, organisations and places around them.
//! Places come first, then organisations, then people, so that a person's context already holds
//! the document's places and organisations. Every link records why it was made.

use crate::cache::{GraphCache, Known};
use crate::error::{Doing, GraphError};
use crate::names::{self, NameMatch};
use crate::overrides::Overrides;
use rusqlite::{Transaction, params};
use std::collections::{HashMap, HashSet};
use tessera_doc::{Document, Entity, FeatureKind, MentionKind};

/// The graph entity of each of a document's entities (`None` for unnamed ones).
pub(crate) type Links = Vec<Option<i64>>;

/// How strongly sharing a graph entity ties two mentions together.
pub(crate) fn context_weight(entity: &Entity) -> f64 {
    match entity.kind {
        MentionKind::Per | MentionKind::Org => 1.0,
        MentionKind::Misc => 0.5,
        MentionKind::Loc => match entity.place.as_ref().map(|p| p.feature) {
            Some(FeatureKind::City | FeatureKind::Admin2) | None => 1.0,
            Some(FeatureKind::Admin1) => 0.75,
            Some(FeatureKind::Country) => 0.25,
            Some(FeatureKind::Region | FeatureKind::Continent) => 0.1,
        },
        _ => 0.0,
    }
}

fn order(kind: MentionKind) -> u8 {
    match kind {
        MentionKind::Loc => 0,
        MentionKind::Org | MentionKind::Misc => 1,
        _ => 2,
    }
}

/// Where a document is: the country, state and town it names most (by mentions). A body named
/// only by its kind ("la Policía") is that country's, state's or town's.
#[derive(Debug, Clone, Default)]
pub(crate) struct Setting {
    country: Option<String>,
    state: Option<String>,
    town: Option<i64>,
}

impl Setting {
    pub fn of(doc: &Document) -> Self {
        fn most<T: Ord + Clone>(items: impl Iterator<Item = T>) -> Option<T> {
            let mut counts: std::collections::BTreeMap<T, usize> = Default::default();
            for item in items {
                *counts.entry(item).or_default() += 1;
            }
            counts.into_iter().max_by_key(|(_, n)| *n).map(|(k, _)| k)
        }
        let places = || doc.places.iter().map(|g| &g.place);
        let country = most(places().filter_map(|p| p.country.clone()));
        let in_country = |p: &&tessera_doc::Place| p.country == country;
        let state = most(places().filter(in_country).filter_map(|p| p.admin1.clone()));
        let town = most(
            places()
                .filter(in_country)
                .filter(|p| p.feature == FeatureKind::City)
                .filter_map(|p| p.geonames_id.map(|g| g as i64)),
        );
        Setting {
            country,
            state,
            town,
        }
    }

    /// The suffix that keeps bodies of one kind in different places apart.
    fn scope_key(&self, scope: names::Scope) -> String {
        let country = self.country.as_deref().unwrap_or("?");
        let state = self.state.as_deref().unwrap_or("?");
        match scope {
            names::Scope::Country => format!("@{country}"),
            names::Scope::State => format!("@{country}/{state}"),
            names::Scope::Town => format!(
                "@{country}/{state}/{}",
                self.town.map_or("?".to_string(), |t| t.to_string())
            ),
        }
    }
}

/// The keys an entity is looked up and registered under. A name that names a body only by its
/// kind ("la Policía") is keyed with the place it belongs to (`setting`); its other names (an
/// acronym such as "Mininter") are not.
pub(crate) fn keys_of(entity: &Entity, setting: &Setting) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(id) = entity.place.as_ref().and_then(|p| p.geonames_id) {
        keys.push(format!("g:{id}"));
    }
    let all_names =
        std::iter::once(entity.name.as_str()).chain(entity.aliases.iter().map(|a| a.name.as_str()));
    for name in all_names {
        let start = keys.len();
        match entity.kind {
            MentionKind::Per => {
                keys.extend(names::person_keys(name));
                // Nicknames ("El Chato") are names of their own.
                keys.push(names::name_key(name));
            }
            _ => {
                keys.push(names::name_key(name));
                if names::is_acronym(name) {
                    keys.push(format!("a:{}", names::fold(name).replace(' ', "")));
                } else if let Some(acronym) = names::acronym(name) {
                    keys.push(format!("a:{acronym}"));
                }
                if let Some(scope) = names::institution_scope(name) {
                    let suffix = setting.scope_key(scope);
                    for key in &mut keys[start..] {
                        key.push_str(&suffix);
                    }
                }
            }
        }
    }
    keys.retain(|k| k.len() > 2);
    keys.sort();
    keys.dedup();
    keys
}

/// Words a search finds an entity by (not used to resolve).
fn word_keys(entity: &Entity) -> Vec<String> {
    let mut keys: Vec<String> = names::fold(&entity.name)
        .split(' ')
        .filter(|w| w.chars().count() >= 3)
        .map(|w| format!("w:{w}"))
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What linking to a candidate takes: how firmly the names match (`strength`), how much shared
/// context (`needed`, see [`context_weight`]) they still need, and what to say of it.
struct Requirement {
    strength: u8,
    needed: f64,
    what: String,
}

/// What a candidate needs to be linked; `None` when it must not be, whatever the context.
fn requirement(entity: &Entity, candidate: &Known, by_name: bool) -> Option<Requirement> {
    let kind = entity.kind.as_str();
    let same_kind = candidate.kind == kind
        || matches!(
            (kind, candidate.kind.as_str()),
            ("ORG", "MISC") | ("MISC", "ORG")
        );
    if !same_kind {
        return None;
    }
    let firm = |strength, what: String| {
        Some(Requirement {
            strength,
            needed: 0.0,
            what,
        })
    };
    match entity.kind {
        MentionKind::Loc => {
            let id = entity.place.as_ref().and_then(|p| p.geonames_id);
            match (id, candidate.geonames_id) {
                (Some(a), Some(b)) if a as i64 == b => {
                    firm(3, format!("same gazetteer place (GeoNames {a})"))
                }
                (Some(_), Some(_)) => None,
                _ if names::fold(&entity.name) == names::fold(&candidate.name) => {
                    firm(2, format!("same place name {:?}", candidate.name))
                }
                _ => None,
            }
        }
        MentionKind::Per => {
            if let (Some(a), Some(b)) = (&entity.country, &candidate.country)
                && a != b
            {
                return None;
            }
            let how = names::compare_people(&entity.name, &candidate.name);
            let words = names::person_words(&entity.name)
                .len()
                .min(names::person_words(&candidate.name).len());
            let needed = match (how, words) {
                (NameMatch::Conflict, _) => return None,
                (NameMatch::Same, 3..) => 0.0,
                (NameMatch::Same, 2) => 0.5,
                (NameMatch::Same, _) => 1.5,
                (NameMatch::Shorter, _) => 0.75,
            };
            let what = match how {
                NameMatch::Same => "same name",
                _ => "shorter form of the name",
            };
            Some(Requirement {
                strength: if how == NameMatch::Same { 3 } else { 2 },
                needed,
                what: format!("{what} as {:?}", candidate.name),
            })
        }
        _ => {
            let (a, b) = (names::fold(&entity.name), names::fold(&candidate.name));
            let acronym_like =
                names::is_acronym(&entity.name) || names::is_acronym(&candidate.name);
            // (A body named only by its kind was found under a key of its place already.)
            if a == b && !acronym_like {
                return firm(3, format!("same name as {:?}", candidate.name));
            }
            // Otherwise a name or alias of one is a name or alias of the other (`by_name`: the
            // key that found it was a name), or one is written as an acronym that the other's
            // initials spell; and even then the surroundings must agree: many bodies share
            // three letters. Two long names that only share initials are two bodies.
            let written_as_acronym =
                acronym_like || entity.aliases.iter().any(|x| names::is_acronym(&x.name));
            let related = by_name || written_as_acronym;
            related.then(|| Requirement {
                strength: 2,
                needed: 0.25,
                what: format!("name, alias or acronym matches {:?}", candidate.name),
            })
        }
    }
}

/// Why and how firmly a candidate fits given the context shared and what it needs; `None`
/// when that is too little.
fn accept(needs: Requirement, context: f64) -> Option<(u8, String)> {
    if context < needs.needed {
        return None;
    }
    let mut reason = needs.what;
    if context > 0.0 {
        reason.push_str(&format!(" and shares context (weight {context:.2})"));
    }
    Some((needs.strength, reason))
}

/// Resolves every named entity of `doc` (stored as `rowid`, published on `published`).
pub(crate) fn resolve(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    doc: &Document,
    rowid: i64,
    published: Option<&str>,
    overrides: &Overrides,
) -> Result<Links, GraphError> {
    let mut links: Links = vec![None; doc.entities.len()];
    let mut indices: Vec<usize> = (0..doc.entities.len())
        .filter(|&i| {
            let e = &doc.entities[i];
            !e.unnamed
                && matches!(
                    e.kind,
                    MentionKind::Per | MentionKind::Org | MentionKind::Loc | MentionKind::Misc
                )
        })
        .collect();
    indices.sort_by_key(|&i| (order(doc.entities[i].kind), i));
    // Graph entities of this document so far, with the weight of sharing each.
    let mut context: HashMap<i64, f64> = HashMap::new();
    cache.begin_document(rowid);
    let doc_id = doc.id.to_string();
    let setting = Setting::of(doc);
    for i in indices {
        let entity = &doc.entities[i];
        // (graph entity, why, the keys to file it under, the name it had)
        let (graph, reason, keys, known_name) = if overrides.is_split(&doc_id, i) {
            // Split off by hand: alone, and under no key another mention could find.
            let graph = create(tx, cache, entity)?;
            (graph, "split off by hand".to_string(), Vec::new(), None)
        } else {
            let keys = keys_of(entity, &setting);
            match best_candidate(tx, cache, entity, &keys, &context)? {
                Some((graph, reason, name)) => (graph, reason, keys, Some(name)),
                None => (
                    create(tx, cache, entity)?,
                    "first seen here".to_string(),
                    keys,
                    None,
                ),
            }
        };
        // A mention that brings no new name (the same name, no alias) adds no key.
        let new_names = known_name
            .as_deref()
            .is_none_or(|name| names::fold(name) != names::fold(&entity.name))
            || !entity.aliases.is_empty();
        let plan = LinkPlan {
            new_document: !context.contains_key(&graph),
            keys: if new_names { Some(&keys) } else { None },
            name: known_name.as_deref().unwrap_or(&entity.name),
        };
        link(
            tx, cache, rowid, i, graph, &reason, entity, &plan, published,
        )?;
        let weight = context_weight(entity);
        let slot = context.entry(graph).or_insert(0.0);
        *slot = slot.max(weight);
        links[i] = Some(graph);
    }
    Ok(links)
}

/// How many candidates' surroundings one mention may read.
const CONTEXT_READS: usize = 4;

/// The best graph entity for `entity`: its id, why, and its name now.
fn best_candidate(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    entity: &Entity,
    keys: &[String],
    context: &HashMap<i64, f64>,
) -> Result<Option<(i64, String, String)>, GraphError> {
    let mut seen = HashSet::new();
    let mut context_reads = 0;
    let mut best: Option<(u8, f64, i64, String, String)> = None;
    for key in keys {
        let ids = cache.filed(tx, key)?.to_vec();
        for id in ids {
            if !seen.insert(id) {
                continue;
            }
            let Some(candidate) = cache.entity(tx, id)? else {
                continue;
            };
            // The surroundings are read only when the names alone do not decide.
            let by_name = !key.starts_with("a:");
            let Some(needs) = requirement(entity, candidate, by_name) else {
                continue;
            };
            let candidate_name = candidate.name.clone();
            // At most a few candidates' surroundings are read per mention: a name that rarely
            // merges ("Reuter" signing each wire story) has many candidates, and reading each
            // one's documents would make every mention of it slower than the last.
            let shared = if needs.needed > 0.0 && context_reads < CONTEXT_READS {
                context_reads += 1;
                shared_context(tx, cache, id, context)?
            } else {
                0.0
            };
            if let Some((strength, reason)) = accept(needs, shared) {
                let better = best
                    .as_ref()
                    .is_none_or(|b| (strength, shared) > (b.0, b.1));
                if better {
                    best = Some((strength, shared, id, reason, candidate_name));
                }
            }
        }
    }
    Ok(best.map(|(_, _, id, reason, name)| (id, reason, name)))
}

/// The weight of the graph entities that appear both around `graph` (in its latest documents)
/// and in the document being resolved.
fn shared_context(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    graph: i64,
    context: &HashMap<i64, f64>,
) -> Result<f64, GraphError> {
    if context.is_empty() {
        return Ok(0.0);
    }
    // Summed in id order, so that the total does not depend on a hash order.
    let mut around: Vec<i64> = cache.surroundings(tx, graph)?.into_iter().collect();
    around.sort_unstable();
    Ok(around
        .iter()
        .map(|other| context.get(other).copied().unwrap_or(0.0))
        .sum())
}

fn create(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    entity: &Entity,
) -> Result<i64, GraphError> {
    let place = entity.place.as_ref();
    let country = entity
        .country
        .clone()
        .or_else(|| place.and_then(|p| p.country.clone()));
    let geonames_id = place.and_then(|p| p.geonames_id).map(|g| g as i64);
    tx.prepare_cached(
        "INSERT INTO graph_entities (kind, name, country, geonames_id, lat, lon)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )
    .doing("preparing a new entity")?
    .execute(params![
        entity.kind.as_str(),
        entity.name,
        country,
        geonames_id,
        place.map(|p| p.lat),
        place.map(|p| p.lon),
    ])
    .doing("adding an entity")?;
    let id = tx.last_insert_rowid();
    cache.created(
        id,
        Known {
            kind: entity.kind.as_str().to_string(),
            name: entity.name.clone(),
            country,
            geonames_id,
            documents: 0,
            first_seen: None,
            last_seen: None,
        },
    );
    Ok(id)
}

/// Whether `new` is a fuller name than `old` for the same entity.
fn fuller(kind: MentionKind, new: &str, old: &str) -> bool {
    match kind {
        MentionKind::Per => names::person_words(new).len() > names::person_words(old).len(),
        _ => names::is_acronym(old) && !names::is_acronym(new),
    }
}

/// What linking a mention changes besides the link itself.
struct LinkPlan<'a> {
    /// The entity's first mention in this document (it counts one more document).
    new_document: bool,
    /// Keys to file the entity under, when the mention brings a name it did not have.
    keys: Option<&'a [String]>,
    /// The entity's name before this mention.
    name: &'a str,
}

/// Writes the link and files the entity under the mention's names; its counts and dates change
/// in the cache, which writes them at the end of the transaction.
#[allow(clippy::too_many_arguments)]
fn link(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    rowid: i64,
    index: usize,
    graph: i64,
    reason: &str,
    entity: &Entity,
    plan: &LinkPlan<'_>,
    published: Option<&str>,
) -> Result<(), GraphError> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO entity_links (doc, entity, graph, reason) VALUES (?1, ?2, ?3, ?4)",
    )
    .doing("preparing a link")?
    .execute(params![rowid, index as i64, graph, reason])
    .doing("linking an entity")?;
    cache.linked(rowid, graph);
    if let Some(keys) = plan.keys {
        for key in keys.iter().cloned().chain(word_keys(entity)) {
            cache.file(tx, &key, graph)?;
        }
    }
    let renamed = fuller(entity.kind, &entity.name, plan.name);
    let name = if renamed {
        entity.name.as_str()
    } else {
        plan.name
    };
    let Some(known) = cache.entity(tx, graph)? else {
        return Ok(());
    };
    if known.name != name {
        // At once: the records of clusters rebuilt later in this transaction show names.
        known.name = name.to_string();
        tx.prepare_cached("UPDATE graph_entities SET name = ?2 WHERE id = ?1")
            .doing("preparing an entity rename")?
            .execute(params![graph, name])
            .doing("renaming an entity")?;
    }
    known.documents += plan.new_document as i64;
    if known.country.is_none() {
        known.country = entity.country.clone();
    }
    if let Some(day) = published {
        if known.first_seen.as_deref().is_none_or(|first| day < first) {
            known.first_seen = Some(day.to_string());
        }
        if known.last_seen.as_deref().is_none_or(|last| day > last) {
            known.last_seen = Some(day.to_string());
        }
    }
    cache.touch(graph);
    Ok(())
}

/// Recounts an entity's documents, dates and keys after links moved (merge, split).
pub(crate) fn refresh(tx: &Transaction<'_>, graph: i64) -> Result<bool, GraphError> {
    let documents: i64 = tx
        .query_row(
            "SELECT COUNT(DISTINCT doc) FROM entity_links WHERE graph = ?1",
            [graph],
            |r| r.get(0),
        )
        .doing("counting an entity's documents")?;
    if documents == 0 {
        tx.execute("DELETE FROM graph_names WHERE entity = ?1", [graph])
            .doing("removing an empty entity's names")?;
        tx.execute("DELETE FROM graph_entities WHERE id = ?1", [graph])
            .doing("removing an empty entity")?;
        return Ok(false);
    }
    tx.execute(
        "UPDATE graph_entities SET documents = ?2,
            first_seen = (SELECT MIN(d.published) FROM entity_links l JOIN documents d
                          ON d.rowid = l.doc WHERE l.graph = ?1),
            last_seen = (SELECT MAX(d.published) FROM entity_links l JOIN documents d
                         ON d.rowid = l.doc WHERE l.graph = ?1)
         WHERE id = ?1",
        params![graph, documents],
    )
    .doing("recounting an entity")?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why and how firmly a candidate fits given the context shared; `None` when it must not be
    /// linked.
    fn judge(
        entity: &Entity,
        candidate: &Known,
        by_name: bool,
        context: f64,
    ) -> Option<(u8, String)> {
        accept(requirement(entity, candidate, by_name)?, context)
    }

    fn person(name: &str) -> Entity {
        Entity::new(MentionKind::Per, name)
    }

    fn candidate(kind: &str, name: &str) -> Known {
        Known {
            kind: kind.into(),
            name: name.into(),
            country: None,
            geonames_id: None,
            documents: 1,
            first_seen: None,
            last_seen: None,
        }
    }

    #[test]
    fn people_need_more_context_the_less_the_name_says() {
        let full = candidate("PER", "María Pérez Ruiz");
        assert!(judge(&person("María Pérez Ruiz"), &full, true, 0.0).is_some());
        assert!(judge(&person("María Pérez"), &full, true, 0.0).is_none());
        assert!(judge(&person("María Pérez"), &full, true, 1.0).is_some());
        let two = candidate("PER", "José Martínez");
        // Sharing only a country is not enough for a two-word name.
        assert!(judge(&person("José Martínez"), &two, true, 0.25).is_none());
        assert!(judge(&person("José Martínez"), &two, true, 1.0).is_some());
        assert!(judge(&person("Ana Martínez"), &two, true, 5.0).is_none());
    }

    #[test]
    fn organisations_by_name_and_acronyms_with_context() {
        let org = Entity::new(MentionKind::Org, "FGE");
        let full = candidate("ORG", "Fiscalía General del Estado");
        assert!(judge(&org, &full, true, 0.0).is_none());
        assert!(judge(&org, &full, true, 0.25).is_some());
        let same = Entity::new(MentionKind::Org, "fiscalia general del estado");
        assert!(judge(&same, &full, true, 0.0).is_some());
        assert!(judge(&Entity::new(MentionKind::Loc, "FGE"), &full, true, 9.0).is_none());
        // Two long names that only share initials, found by an acronym key.
        let other = Entity::new(MentionKind::Org, "Frente de Guerrilla Estudiantil");
        assert!(judge(&other, &full, false, 9.0).is_none());
    }

    #[test]
    fn keys_cover_acronyms_and_shorter_forms() {
        let nowhere = Setting::default();
        let keys = keys_of(
            &Entity::new(MentionKind::Org, "Fiscalía General del Estado"),
            &nowhere,
        );
        assert!(keys.contains(&"a:fge@?/?".to_string()));
        let keys = keys_of(&Entity::new(MentionKind::Org, "FGE"), &nowhere);
        assert!(keys.contains(&"a:fge".to_string()));
        let keys = keys_of(&person("María Pérez Ruiz"), &nowhere);
        assert!(keys.contains(&"p:maria perez".to_string()));
        let sinaloa = Setting {
            country: Some("MX".into()),
            state: Some("Sinaloa".into()),
            town: None,
        };
        let keys = keys_of(&Entity::new(MentionKind::Org, "la Policía"), &sinaloa);
        assert_eq!(keys, vec!["n:la policia@MX".to_string()]);
    }
}
