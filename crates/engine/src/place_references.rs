//! Words that point at a place without being a place mention of their own: nationality
//! adjectives ("the Russian ambassador", "el gobierno mexicano") and places named inside the
//! names of organisations and facilities ("Ohio State Highway Patrol", "Government of Manitoba",
//! "CBC Vancouver", "Chile-Peru trade talks"). Geoparsing counts them as toponyms and they tell
//! where a story is set, but they make no entity and no event place, so they live in a layer
//! of their own ([`Document::place_references`]).
//!
//! A candidate must resolve in the gazetteer, in the document's context, to a place big enough
//! to be named inside another name: a country, division, region or continent, or a town of at
//! least [`BIG_TOWN`] people, or any town whose name an institution word follows ("Dunmore
//! Police Department", "Avondale Superior Court").

use crate::geocode::to_place;
use crate::truecase::is_common;
use tessera_doc::{
    DocView, Document, FeatureKind, Geocoded, Lang, MentionKind, PlaceReference,
    PlaceReferenceKind, Span,
};
use tessera_geo::{Gazetteer, GeoContext, Geocoder, PlaceMention, Resolution, fold_name};

/// Towns this big are named inside other names without an institution word after them ("CBC
/// Vancouver", "Radio Madrid").
const BIG_TOWN: u64 = 100_000;

/// Words that follow a town's name in the name of its own institutions.
const INSTITUTION_WORDS: &[&str] = &[
    "police",
    "department",
    "council",
    "court",
    "superior",
    "district",
    "county",
    "city",
    "borough",
    "town",
    "township",
    "sheriff",
    "fire",
    "municipal",
    "regional",
    "public",
    "general",
    "memorial",
    "community",
    "university",
    "college",
    "school",
    "schools",
    "hospital",
    "airport",
    "transit",
    "board",
    "library",
    "museum",
    "zoo",
    "chamber",
    "port",
    "harbour",
    "harbor",
    "mayor",
    "detention",
    "jail",
    "prison",
    "correctional",
    "herald",
    "times",
    "post",
    "star",
    "tribune",
    "journal",
    "gazette",
    "news",
    "register",
];

/// Words before "of" that make the place after it the seat of a public body ("Government of
/// Manitoba", "City of Winnipeg", "University of Michigan").
const SEAT_WORDS: &[&str] = &[
    "government",
    "city",
    "town",
    "village",
    "county",
    "state",
    "province",
    "university",
    "diocese",
    "archdiocese",
    "port",
    "mayor",
    "municipality",
    "gobierno",
    "ciudad",
    "municipio",
    "estado",
    "provincia",
    "universidad",
    "ayuntamiento",
];

/// A span to resolve and how it points at its place.
#[derive(Debug, Clone, PartialEq)]
struct Candidate {
    span: Span,
    kind: PlaceReferenceKind,
    /// The words before it are an institution word's town ("Dunmore Police"): any town will do.
    any_town: bool,
    /// A seat word before it ("Universidad de Sonora") vouches for a word that is also common.
    vouched: bool,
}

/// Finds and resolves the document's place references; see the module comment.
pub fn find_place_references(doc: &mut Document, gazetteer: &Gazetteer) {
    let candidates = candidates(doc, gazetteer);
    if candidates.is_empty() {
        doc.place_references.clear();
        return;
    }
    let lang = doc.lang();
    let geocoder = Geocoder::new(gazetteer);
    let context = GeoContext::new(&doc.text);
    // The document's own places go in first, so that they lend their country and division to
    // the references as they do to each other; only the references' resolutions are kept.
    let mut mentions: Vec<PlaceMention> = doc
        .places
        .iter()
        .filter_map(|g| PlaceMention::at(&doc.text, g.span.start as usize, g.span.end as usize))
        .collect();
    let own = mentions.len();
    mentions.extend(
        candidates.iter().filter_map(|c| {
            PlaceMention::at(&doc.text, c.span.start as usize, c.span.end as usize)
        }),
    );
    let resolutions = geocoder.resolve_document(&context, &mentions);
    let mut references: Vec<PlaceReference> = candidates
        .iter()
        .zip(resolutions.into_iter().skip(own))
        .filter_map(|(candidate, resolution)| {
            let resolution = resolution?;
            let text = candidate.span.text(&doc.text).ok()?;
            big_enough(gazetteer, text, &resolution, candidate, lang).then(|| PlaceReference {
                span: candidate.span,
                kind: candidate.kind,
                place: to_place(resolution),
            })
        })
        .collect();
    references.sort_by_key(|r| r.span);
    references.dedup_by_key(|r| r.span);
    doc.place_references = references;
}

/// Words that name a part of somewhere else before they name a place of their own.
const COMPASS_WORDS: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "upper", "lower", "new", "old", "great", "greater", "norte", "sur", "este",
    "oeste", "centro",
];

/// Words that open the names of institutions ("Supreme Court", "Justice Department") and that
/// news writes with a capital, so the case lexicon does not list them as common.
const INSTITUTION_OPENERS: &[&str] = &[
    "supreme", "justice", "federal", "national", "royal", "state", "homeland", "interior",
    "treasury", "defence", "defense", "foreign", "labor", "labour", "suprema", "nacional",
];

/// A place that can be named inside another name (see the module comment). A lone word that
/// the language also writes in lower case ("Day", "South", "Centre") must name a country.
fn big_enough(
    gazetteer: &Gazetteer,
    text: &str,
    resolution: &Resolution,
    candidate: &Candidate,
    lang: Option<Lang>,
) -> bool {
    let any_town = candidate.any_town;
    let one_word = !text.contains(' ');
    let lower = text.to_lowercase();
    let common = one_word
        && ((!candidate.vouched && is_common(&lower, lang))
            || COMPASS_WORDS.contains(&lower.as_str())
            || INSTITUTION_OPENERS.contains(&lower.as_str())
            || (text.chars().count() < 3 && !is_all_caps(text)));
    match resolution.feature {
        FeatureKind::Country | FeatureKind::Region | FeatureKind::Continent => true,
        FeatureKind::Admin1 => !common,
        FeatureKind::Admin2 => !common && (any_town || text.ends_with(" County")),
        FeatureKind::City => {
            !common
                && (any_town || {
                    // A big town by its own name, not by a variant spelling.
                    let key = fold_name(text);
                    gazetteer.lookup_folded(&key).iter().any(|c| {
                        c.place.geonames_id == resolution.geonames_id
                            && c.place.population >= BIG_TOWN
                            && (c.primary_name || fold_name(&c.place.name) == key)
                    })
                })
        }
    }
}

fn candidates(doc: &Document, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let words = DocView::new(doc);
    let resolved = |span: Span| doc.places.iter().any(|g| g.span == span);
    // Tokens inside a name that is not a one-word MISC (which is how the tagger marks a
    // nationality: "Russian").
    let mut in_name = vec![false; words.len()];
    let mut found = Vec::new();
    let lang = doc.lang();
    for mention in &doc.mentions {
        let Some(range) = words.token_range(mention.span) else {
            continue;
        };
        if mention.kind == MentionKind::Misc && range.len() == 1 {
            continue;
        }
        // "South African", "Southeast Asian": a nationality of more than one word.
        if mention.kind == MentionKind::Misc
            && let Ok(text) = mention.span.text(&doc.text)
            && is_demonym(gazetteer, text)
        {
            found.push(Candidate {
                span: mention.span,
                kind: PlaceReferenceKind::Adjective,
                any_town: false,
                vouched: false,
            });
            continue;
        }
        for slot in in_name.get_mut(range.clone()).into_iter().flatten() {
            *slot = true;
        }
        let is_place = mention.kind == MentionKind::Loc && resolved(mention.span);
        if is_place || range.len() < 2 {
            continue;
        }
        // A person's name is left whole: too many first names are places ("Jordan").
        if mention.kind != MentionKind::Per {
            let loose_kind = matches!(mention.kind, MentionKind::Loc | MentionKind::Misc);
            let ends = (range.start, range.end - 1);
            within_name(&words, ends, loose_kind, gazetteer, lang, &mut found);
        }
    }
    for (at, &named) in in_name.iter().enumerate() {
        hyphen_parts(&words, at, &doc.places, gazetteer, &mut found);
        if !named {
            adjective(&words, at, lang, gazetteer, &mut found);
        }
    }
    found.sort_by_key(|c| c.span);
    found.dedup_by_key(|c| c.span);
    found
}

/// The place a name begins with ("Ohio State Highway Patrol"), names after "of" ("Government of
/// Manitoba") or ends with ("CBC Vancouver", "Radio Canada"). In a name the tagger called
/// a place or MISC, the rest must be common words ("Polk County Detention Center", "Western
/// Canada"), so that a person the tagger misread ("Victoria Hale") gives nothing.
fn within_name(
    words: &DocView,
    (first, last): (usize, usize),
    loose_kind: bool,
    gazetteer: &Gazetteer,
    lang: Option<Lang>,
    out: &mut Vec<Candidate>,
) {
    let known = |a: usize, b: usize| is_name_run(words, a, b) && knows(gazetteer, words, a, b);
    let common = |at: usize| is_common(words.lower(at).trim_end_matches("'s"), lang);
    let mut push = |a: usize, b: usize, any_town: bool, vouched: bool| {
        out.push(Candidate {
            span: words.span(a, b),
            kind: PlaceReferenceKind::WithinName,
            any_town,
            vouched,
        })
    };
    // The longest known beginning.
    if let Some(end) = (first..last).rev().find(|&end| known(first, end))
        && (!loose_kind || common(end + 1))
    {
        let next = words.lower(end + 1);
        let any_town = INSTITUTION_WORDS.contains(&next.trim_end_matches("'s"));
        push(first, end, any_town, false);
    }
    // After "of"/"de": the longest known run of capitalised words.
    for of in first + 1..last {
        if !matches!(words.lower(of), "of" | "de" | "del") {
            continue;
        }
        let start = of + 1;
        let run_end = (start..=last)
            .take_while(|&i| words.is_capitalised(i))
            .last();
        if let Some(end) = run_end.and_then(|r| (start..=r).rev().find(|&e| known(start, e))) {
            let seat = of
                .checked_sub(1)
                .is_some_and(|before| SEAT_WORDS.contains(&words.lower(before)));
            push(start, end, seat, seat);
            return;
        }
    }
    // The longest known ending.
    if let Some(start) = (first + 1..=last).find(|&start| known(start, last))
        && (!loose_kind || common(start - 1))
    {
        push(start, last, false, false);
    }
}

/// Words `first..=last` are capitalised words (a place name inside a name is written so).
fn is_name_run(words: &DocView, first: usize, last: usize) -> bool {
    (first..=last).all(|i| words.is_capitalised(i) && words.is_word(i))
}

/// The gazetteer has a place of that name.
fn knows(gazetteer: &Gazetteer, words: &DocView, first: usize, last: usize) -> bool {
    let text = words.slice(first, last);
    let key = fold_name(text.trim_end_matches("'s").trim_end_matches("’s"));
    if key.is_empty() {
        return false;
    }
    // The geocoder reads "Metcalfe County" as the county of Metcalfe.
    let county = key
        .strip_suffix(" county")
        .is_some_and(|rest| gazetteer.contains_folded(rest));
    county || gazetteer.contains_folded(&key)
}

/// "Chile-Peru", "Chilean-Peruvian", "Lima-area": each capitalised part of hyphenated token
/// `at` that names a country, region or continent, or a big town.
fn hyphen_parts(
    words: &DocView,
    at: usize,
    places: &[Geocoded],
    gazetteer: &Gazetteer,
    out: &mut Vec<Candidate>,
) {
    let text = words.text(at);
    if !text.contains('-') {
        return;
    }
    let Some(span) = words.token_span(at) else {
        return;
    };
    // "Guinea-Bissau", "Winston-Salem": the whole is the place.
    let in_place = places.iter().any(|g| g.span.contains(&span));
    if in_place || gazetteer.contains_folded(&fold_name(text)) {
        return;
    }
    let mut offset = 0usize;
    for part in text.split('-') {
        let start = span.start as usize + offset;
        offset += part.len() + 1;
        if !part.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let key = fold_name(part);
        if key.is_empty() || !gazetteer.contains_folded(&key) {
            continue;
        }
        let kind = if is_demonym(gazetteer, part) {
            PlaceReferenceKind::Adjective
        } else {
            PlaceReferenceKind::WithinName
        };
        out.push(Candidate {
            span: Span::new(start, start + part.len()),
            kind,
            any_town: false,
            vouched: false,
        });
    }
}

/// "Russian", "South African", "mexicano", "European": a word or two, outside any other name,
/// that the gazetteer gives as another name of a country, region or continent and that reads
/// as an adjective of nationality rather than the place's name.
fn adjective(
    words: &DocView,
    at: usize,
    lang: Option<Lang>,
    gazetteer: &Gazetteer,
    out: &mut Vec<Candidate>,
) {
    if !words.is_word(at) || words.text(at).contains('-') {
        return;
    }
    let lower_case_allowed = lang == Some(Lang::ES);
    if !words.is_capitalised(at) && !lower_case_allowed {
        return;
    }
    for last in (at..(at + 3).min(words.len())).rev() {
        if last > at && !is_name_run(words, at, last) {
            continue;
        }
        if !words.same_sentence(at, last) {
            continue;
        }
        let text = words.slice(at, last);
        // "Americans", "Russians": people, not an adjective of the country (English only:
        // Spanish adjectives agree in number).
        let people = lang != Some(Lang::ES)
            && text
                .strip_suffix('s')
                .is_some_and(|one| is_demonym(gazetteer, one));
        if !people && is_demonym(gazetteer, text) {
            out.push(Candidate {
                span: words.span(at, last),
                kind: PlaceReferenceKind::Adjective,
                any_town: false,
                vouched: false,
            });
            return;
        }
    }
}

/// Endings of nationality adjectives and nouns, English and Spanish ("Russian", "Chinese",
/// "Turkish", "Iraqi", "Greek", "Swiss", "Dutch", "Briton"; "mexicano", "canadiense",
/// "francés", "belga").
const DEMONYM_ENDINGS: &[&str] = &[
    "an", "ans", "ese", "ish", "i", "is", "ic", "ch", "ss", "ek", "eks", "ai", "er", "ers", "ot",
    "ots", "on", "ons", "ite", "ites", "o", "a", "os", "as", "es", "e", "és", "án", "ín", "ú",
];

/// `text` is another name than the primary of a country, region or continent, written as a
/// nationality is (a demonym ending, no full stops, not all capitals).
fn is_demonym(gazetteer: &Gazetteer, text: &str) -> bool {
    if is_all_caps(text) || text.contains('.') {
        return false;
    }
    let lower = text.to_lowercase();
    if !DEMONYM_ENDINGS.iter().any(|e| lower.ends_with(e)) {
        return false;
    }
    let key = fold_name(text);
    let found = gazetteer.lookup_folded(&key);
    let wide = |kind: FeatureKind| {
        matches!(
            kind,
            FeatureKind::Country | FeatureKind::Region | FeatureKind::Continent
        )
    };
    // The place's own name, or its short form before a comma ("Iran, Islamic Republic of"),
    // is no adjective ("irán" is a Spanish verb too).
    let own_name = |name: &str| {
        fold_name(name) == key
            || name
                .split(',')
                .next()
                .is_some_and(|short| fold_name(short) == key)
    };
    found.iter().any(|c| wide(c.place.kind) && !c.primary_name)
        && !found
            .iter()
            .any(|c| wide(c.place.kind) && (c.primary_name || own_name(&c.place.name)))
}

/// Every letter of `text` is a capital ("UK", "PRC").
fn is_all_caps(text: &str) -> bool {
    text.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
}

#[cfg(test)]
mod tests;
