//! Where an event happened: the place names after a locative preposition nearest the trigger,
//! one event per listed place ("clashes in Jalisco, Michoacán and Oaxaca" gives three), with a
//! place that contains another of its list dropped ("Tapalpa, Jalisco" is one place).

use tessera_doc::{DocView, EventPlace, FeatureKind, MentionKind, Place};

/// Prepositions after which a place name says where.
const PLACE_PREPS: &[&str] = &[
    "in",
    "at",
    "near",
    "across",
    "around",
    "outside",
    "inside",
    "throughout",
    "en",
    "cerca",
    "entre",
    "between",
    "from",
    "desde",
    "of",
    "de",
    "del",
    "toward",
    "towards",
    "hacia",
];

/// Nouns before "of"/"de" that introduce a place ("the town of", "el municipio de").
const PLACE_NOUNS: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "district",
    "municipality",
    "county",
    "department",
    "ciudad",
    "municipio",
    "estado",
    "provincia",
    "región",
    "departamento",
    "vereda",
    "comunidad",
    "localidad",
    "poblado",
    "corregimiento",
    "pueblo",
    "distrito",
    "alcaldía",
    "cantón",
    "parroquia",
    "outskirts",
    "afueras",
    "periphery",
    "capital",
    "centro",
    "center",
    "centre",
];

/// A run of place names joined by commas and "and"/"y".
struct PlaceList {
    first: usize,
    last: usize,
    names: Vec<usize>,
}

/// The places of an event whose trigger spans `head..=last` in the sentence `first..end`,
/// leaving out names already taken as participants (`taken`: name indices).
pub(crate) fn event_places(
    words: &DocView,
    head: usize,
    last: usize,
    first: usize,
    end: usize,
    taken: &[usize],
) -> Vec<EventPlace> {
    let lists = place_lists(words, first, end, taken);
    let Some(best) = lists.iter().min_by_key(|l| {
        if l.first > last {
            l.first - last
        } else {
            // Before the trigger counts a little farther than after it.
            head.saturating_sub(l.last) + 2
        }
    }) else {
        return Vec::new();
    };
    let places: Vec<(usize, Option<&Place>)> = best
        .names
        .iter()
        .map(|&n| (n, place_of(words, n)))
        .collect();
    places
        .iter()
        .filter(|(n, place)| {
            // Dropped when it contains another place of the list.
            !places
                .iter()
                .any(|(m, other)| m != n && contains(*place, *other))
        })
        .map(|&(n, place)| {
            let name = &words.names()[n];
            let entity_name = name
                .entity
                .and_then(|id| words.entity(id))
                .map(|e| e.name.clone());
            EventPlace {
                entity: name.entity,
                name: entity_name.unwrap_or_else(|| words.slice(name.first, name.last).to_string()),
                span: Some(name.span),
                place: place.cloned(),
            }
        })
        .collect()
}

fn place_lists(words: &DocView, first: usize, end: usize, taken: &[usize]) -> Vec<PlaceList> {
    let mut lists: Vec<PlaceList> = Vec::new();
    let start = words.names().partition_point(|n| n.first < first);
    for index in start..words.names().len() {
        let name = &words.names()[index];
        if name.first >= end {
            break;
        }
        if name.kind != MentionKind::Loc || taken.contains(&index) {
            continue;
        }
        if let Some(list) = lists.last_mut()
            && joins(words, list.last, name.first)
        {
            list.last = name.last;
            list.names.push(index);
            continue;
        }
        if introduced_as_place(words, name.first, first) {
            lists.push(PlaceList {
                first: name.first,
                last: name.last,
                names: vec![index],
            });
        }
    }
    lists
}

/// Whether only commas, "and", "y", "e", "or" lie between two names.
fn joins(words: &DocView, last: usize, next: usize) -> bool {
    next > last + 1
        && next - last <= 3
        && (last + 1..next).all(|i| matches!(words.lower(i), "," | "and" | "y" | "e" | "or" | "o"))
}

/// A place preposition before the name, or "the town of", "el municipio de".
fn introduced_as_place(words: &DocView, at: usize, first: usize) -> bool {
    let mut before = at;
    while before > first && matches!(words.lower(before - 1), "the" | "el" | "la" | "los" | "las") {
        before -= 1;
    }
    if before == first {
        return false;
    }
    let prep = words.lower(before - 1);
    if matches!(prep, "of" | "de" | "del") {
        return before >= 2 && PLACE_NOUNS.contains(&words.lower(before - 2))
            || before >= 3 && PLACE_NOUNS.contains(&words.lower(before - 3));
    }
    PLACE_PREPS.contains(&prep)
}

fn place_of<'a>(words: &'a DocView, name: usize) -> Option<&'a Place> {
    let name = words.names().get(name)?;
    words.place_at(name.span).or_else(|| {
        name.entity
            .and_then(|id| words.entity(id))
            .and_then(|e| e.place.as_ref())
    })
}

/// Whether `outer` contains `inner`: a state holding a city, a country holding a place in it.
fn contains(outer: Option<&Place>, inner: Option<&Place>) -> bool {
    let (Some(outer), Some(inner)) = (outer, inner) else {
        return false;
    };
    match outer.feature {
        FeatureKind::Country => {
            inner.feature != FeatureKind::Country
                && inner.country.is_some()
                && inner.country == outer.country
        }
        FeatureKind::Admin1 => {
            inner.feature != FeatureKind::Admin1
                && inner.feature != FeatureKind::Country
                && inner.admin1.is_some()
                && inner.admin1 == outer.admin1
                && inner.country == outer.country
        }
        _ => false,
    }
}
