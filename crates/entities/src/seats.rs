//! Where a title that names no organisation is held: the document's country for a national
//! post ("Defence Minister X", "the army spokesman"), the state or town for a governor or mayor.

use crate::lexicon;
use std::collections::HashMap;
use tessera_doc::{Dateline, Entity, FeatureKind};

/// Portfolios of a national government: with "secretary" they make a cabinet post ("Interior
/// Secretary", "Home Secretary"), not a union's or a party's secretary.
const PORTFOLIOS: &[&str] = &[
    "interior",
    "defence",
    "defense",
    "foreign",
    "home",
    "finance",
    "treasury",
    "health",
    "education",
    "energy",
    "justice",
    "trade",
    "labour",
    "labor",
    "transport",
    "agriculture",
    "environment",
    "petroleum",
    "security",
];

/// Whether a title is a national post, held in the country the document is about.
pub(crate) fn is_national_title(title: &str) -> bool {
    let folded = tessera_doc::fold(title);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
    has(lexicon::NATIONAL_TITLES)
        || has(PORTFOLIOS) && has(&["secretary"])
        || has(lexicon::ARMED_FORCES)
}

/// The country entity of the document's country. With one country named, the one most of the
/// document's places are in; with several, the country of the dateline's city, else the one
/// country the headline names, else the one most places are in (with none of these, a bare
/// "President X" may be a visiting head of state: no anchor).
pub(crate) fn main_country(
    entities: &[Entity],
    dateline: Option<&Dateline>,
    title: Option<&str>,
) -> Option<usize> {
    let named = entities
        .iter()
        .filter(|e| {
            e.place
                .as_ref()
                .is_some_and(|p| p.feature == FeatureKind::Country)
        })
        .count();
    let country_entity = |code: &str| {
        entities.iter().position(|e| {
            e.place.as_ref().is_some_and(|p| {
                p.feature == FeatureKind::Country && p.country.as_deref() == Some(code)
            })
        })
    };
    if named > 1 {
        if let Some(city) = dateline.map(|d| d.place) {
            let filed_from = entities
                .iter()
                .find(|e| e.mentions.iter().any(|m| city.contains(m)))?;
            return country_entity(filed_from.place.as_ref()?.country.as_deref()?);
        }
        // Else the one country the headline names, else the one most of the places are in.
        return title
            .and_then(|title| country_in_title(entities, title))
            .or_else(|| country_of_most_places(entities, &country_entity));
    }
    if named == 0 {
        return None;
    }
    country_of_most_places(entities, &country_entity)
}

/// The country entity of the country most of the document's places are in, when one leads.
fn country_of_most_places(
    entities: &[Entity],
    country_entity: &dyn Fn(&str) -> Option<usize>,
) -> Option<usize> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for e in entities {
        if let Some(code) = e.place.as_ref().and_then(|p| p.country.as_deref()) {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut ranked: Vec<(&str, usize)> = counts.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let (code, n) = *ranked.first()?;
    if ranked.get(1).is_some_and(|&(_, m)| m == n) {
        return None;
    }
    country_entity(code)
}

/// The one country entity whose name the headline holds as whole words.
fn country_in_title(entities: &[Entity], title: &str) -> Option<usize> {
    let title = format!(" {} ", tessera_doc::fold_key(title));
    let mut named = entities.iter().enumerate().filter(|(_, e)| {
        e.place
            .as_ref()
            .is_some_and(|p| p.feature == FeatureKind::Country)
            && title.contains(&format!(" {} ", tessera_doc::fold_key(&e.name)))
    });
    match (named.next(), named.next()) {
        (Some((only, _)), None) => Some(only),
        _ => None,
    }
}

/// "Governor Rosalía Ochoa" or "Mayor Federico Aréchiga" with no place named in the title: the
/// state or the town the document names most (a governor's state, a mayor's town).
pub(crate) fn local_seat(role: &tessera_doc::Role, entities: &[Entity]) -> Option<usize> {
    if role.country.is_some() {
        return None;
    }
    let words: Vec<String> = role
        .title
        .split_whitespace()
        .map(tessera_doc::fold::lower)
        .collect();
    let feature = if words
        .iter()
        .any(|w| lexicon::GOVERNOR_TITLES.contains(&w.as_str()))
    {
        FeatureKind::Admin1
    } else if words
        .iter()
        .any(|w| lexicon::MAYOR_TITLES.contains(&w.as_str()))
    {
        FeatureKind::City
    } else {
        return None;
    };
    entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.place.as_ref().is_some_and(|p| p.feature == feature))
        .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))
        .map(|(i, _)| i)
}
