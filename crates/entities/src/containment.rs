//! Places within places, from the words between their names: "Tapalpa, Jalisco", "Aguililla
//! y Coalcomán, Michoacán", "Altata, en el municipio de Navolato", "the Zona Romántica of
//! Puerto Vallarta", "el barrio El Carmen de la ciudad de Huixtla" (checked against the
//! gazetteer when both are resolved and the words do not say it).

use crate::Layout;
use crate::links::Link;
use tessera_doc::{
    DocView, EntityId, FeatureKind, MentionKind, Place, Predicate, RelationObject, fold,
};

/// Region words that introduce the containing place: ", en la región de Tierra Caliente".
const REGION_WORDS: &[&str] = &[
    "state",
    "province",
    "region",
    "department",
    "county",
    "district",
    "municipality",
    "capital",
    "estado",
    "provincia",
    "región",
    "departamento",
    "municipio",
    "distrito",
    "comarca",
    "ciudad",
    "commune",
    "comuna",
    "canton",
    "cantón",
    "parish",
    "parroquia",
    "governorate",
    "prefecture",
];

/// Words for the edge of a place, which say the place before lies within it, as the
/// directions of [`tessera_doc::place_words`] do: "Pitiquito, en el noroeste de Sonora",
/// "on the outskirts of Goma".
const OUTSKIRTS: &[&str] = &["outskirts", "afueras", "periferia"];

/// Nouns that introduce a place as a part of another: "el barrio San Miguel", "the village of
/// Tamou", "la colonia Las Juntas".
pub(crate) const PART_PLACE_NOUNS: &[&str] = &[
    "barrio",
    "colonia",
    "ciudadela",
    "vereda",
    "aldea",
    "caserío",
    "comunidad",
    "distrito",
    "fraccionamiento",
    "sector",
    "village",
    "hamlet",
    "neighbourhood",
    "neighborhood",
    "district",
    "suburb",
    "commune",
    "ward",
    "township",
    "town",
    "city",
    "municipality",
    "municipio",
    "community",
];

/// Words that say what kind of place a name just before them is: "Bang Phli district of Samut
/// Prakan", "Datu Piang town in Maguindanao".
const PLACE_NOUNS_AFTER: &[&str] = &[
    "district",
    "town",
    "village",
    "city",
    "municipality",
    "county",
    "region",
    "province",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "area",
];

/// Words that may stand between a contained place and its container.
const BETWEEN: &[&str] = &[
    "in",
    "en",
    "of",
    "de",
    "del",
    "the",
    "la",
    "el",
    "vecino",
    "vecina",
    "neighbouring",
    "neighboring",
    "also",
    "también",
];

/// "Tapalpa, Jalisco", "Aguililla y Coalcomán, Michoacán", "Altata, en el municipio de
/// Navolato", "Makassar, the capital of South Sulawesi", "Bang Phli district of Samut Prakan":
/// places before a place that contains them (checked against the gazetteer when both are
/// resolved).
pub(crate) fn located(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    out: &mut Vec<Link>,
) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(container) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[container as usize] != MentionKind::Loc || r.first < 2 {
            continue;
        }
        contained_before(words, layout, places, (r.first, r.last), container, out);
    }
    // "en la colonia Tierra Blanca de esta capital": the city the story is filed from.
    let Some(filed_from) = filed_from(words, layout) else {
        return;
    };
    for (at, w) in words.iter().enumerate() {
        if at >= 2 && w.is(&["esta", "this"]) && words.get(at + 1).is_some_and(|n| n.is(THIS_CITY))
        {
            contained_before(words, layout, places, (at, at + 1), filed_from, out);
        }
    }
}

/// "Gusau, the state capital", "Quelimane, the provincial capital", "Ikeja, la capital
/// estatal": a city in the state (or province) the document named last before it.
pub(crate) fn state_capitals(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    out: &mut Vec<Link>,
) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(city) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[city as usize] != MentionKind::Loc || words.text(r.last + 1) != "," {
            continue;
        }
        let mut at = r.last + 2;
        if words.get(at).is_some_and(|w| w.is(&["the", "la"])) {
            at += 1;
        }
        let stated = words.matches_lower(at, &["state", "capital"])
            || words.matches_lower(at, &["provincial", "capital"])
            || words.matches_lower(at, &["regional", "capital"])
            || words.matches_lower(at, &["capital", "estatal"])
            || words.matches_lower(at, &["capital", "provincial"])
            || words.matches_lower(at, &["capital", "del", "estado"]);
        // "the state capital of X" names its state.
        if !stated || (at + 2..at + 4).any(|k| words.get(k).is_some_and(|w| w.is(&["of", "de"]))) {
            continue;
        }
        let state = (0..r.first).rev().find_map(|k| {
            let e = layout.entity_at[k]?;
            places[e as usize]
                .is_some_and(|p| p.feature == FeatureKind::Admin1)
                .then_some(e)
        });
        if let Some(state) = state.filter(|&s| s != city) {
            out.push(Link {
                subject: city,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(state),
                evidence: words.span(r.first, at + 1),
            });
        }
    }
}

/// Nouns by which a story names the city it is filed from: "de esta capital", "in this city".
const THIS_CITY: &[&str] = &["capital", "ciudad", "city", "localidad"];

/// The place entity of the dateline's city.
fn filed_from(words: &DocView, layout: &Layout) -> Option<EntityId> {
    let city = words.doc()?.dateline.as_ref()?.place;
    let at = words.starting_at(city.start)?;
    let e = layout.entity_at.get(at).copied().flatten()?;
    (layout.kinds[e as usize] == MentionKind::Loc).then_some(e)
}

/// The places named before the words `first..=last` that name `container` and that those
/// words say lie within it.
fn contained_before(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    (first, last): (usize, usize),
    container: EntityId,
    out: &mut Vec<Link>,
) {
    // "in Colombia's Arauca province": the possessive names the container's container.
    if words.get(last + 1).is_some_and(|w| w.is_possessive())
        && is_place_end(layout, last + 2, container)
    {
        return;
    }
    // Walk back over ", [in the region of]" to the last contained place. "in the Say
    // department", "in Zambezia province": the word after the container says it too.
    let mut j = first - 1;
    let mut region_phrase = words.get(last + 1).is_some_and(|w| w.is(REGION_WORDS));
    let mut named_kind = false;
    let mut of_place = false;
    while j > 0 && words.same_sentence(j, first) && first - j < 7 {
        let Some(w) = words.get(j) else {
            break;
        };
        if w.text == "," {
            break;
        }
        if w.is(&["in", "en"]) && first - j == 1 {
            // "Masisi and Sake in North Kivu": only where the gazetteer confirms it.
            break;
        }
        if w.is(PLACE_NOUNS_AFTER) && j > 0 && is_place_end(layout, j - 1, container) {
            // "Bang Phli district of": the name before the noun is the contained place.
            named_kind = true;
            break;
        }
        if w.is(&["of"]) && first - j == 1 && j > 0 && is_place_end(layout, j - 1, container) {
            // "the Zona Romántica of Puerto Vallarta": a place of a place.
            of_place = true;
            break;
        }
        // "Saravena, in Colombia's Arauca province": the country's possessive is part of
        // the phrase.
        if w.is_possessive() && j > 1 && is_place_end(layout, j - 1, container) {
            j = layout.entity_first(j - 1).saturating_sub(1);
            // "Tarkwa and Bogoso in Ghana's Western Region": only where the gazetteer
            // confirms it, as right before the container.
            if words.get(j).is_some_and(|w| w.is(&["in", "en"])) {
                break;
            }
            continue;
        }
        // "El Carmen de la ciudad de Huixtla", "Tamou of the Say department": a place
        // of a place, across the words naming the container's kind.
        if j + 1 < first
            && words.get(j + 1).is_some_and(|n| n.is(&["de", "del", "of"]))
            && is_place_end(layout, j, container)
        {
            of_place = true;
            j += 1;
            break;
        }
        // "en la provincia ecuatoriana de Manabí": an adjective after the region word.
        let describes_region = j > 0
            && w.text.chars().all(char::is_lowercase)
            && !w.is(&["and", "y", "e", "or", "o"])
            && layout.entity_at[j - 1].is_none()
            && words.get(j - 1).is_some_and(|p| p.is(REGION_WORDS));
        if w.is(REGION_WORDS) || w.is(OUTSKIRTS) || w.is(tessera_doc::place_words::DIRECTIONS) {
            region_phrase = true;
        } else if !w.is(BETWEEN) && !describes_region {
            j = 0;
            break;
        }
        j -= 1;
    }
    let by_in = words.get(j).is_some_and(|w| w.is(&["in", "en"]));
    // "Tame, also in Arauca".
    if by_in && j > 1 && words.get(j - 1).is_some_and(|w| w.is(&["also", "también"])) {
        j -= 1;
    }
    // "San Jerónimo, en Cusco": the comma before "en" is part of the phrase.
    if by_in && j > 1 && words.text(j - 1) == "," {
        j -= 1;
    }
    // "Datu Piang town in Maguindanao": step over the place noun.
    if by_in && j > 1 && words.get(j - 1).is_some_and(|w| w.is(PLACE_NOUNS_AFTER)) {
        named_kind = true;
        j -= 1;
    }
    if j == 0 || !(words.text(j) == "," || by_in || named_kind || of_place) {
        return;
    }
    let mut k = j;
    while k > 0 {
        let end = k - 1;
        let Some(inner) = layout.entity_at[end] else {
            break;
        };
        if layout.kinds[inner as usize] != MentionKind::Loc || inner == container {
            break;
        }
        // "el barrio San Miguel, en Tlapa", "the village of Tamou, in ...": a place
        // introduced as a part of a town is in the place named after it.
        let first_of_inner = layout.entity_first(end);
        let introduced_as_part = first_of_inner > 0
            && words
                .get(first_of_inner - 1)
                .is_some_and(|w| w.is(PART_PLACE_NOUNS))
            || first_of_inner > 1
                && words
                    .get(first_of_inner - 1)
                    .is_some_and(|w| w.is(&["of", "de"]))
                && words
                    .get(first_of_inner - 2)
                    .is_some_and(|w| w.is(PART_PLACE_NOUNS));
        let stated = region_phrase || named_kind || introduced_as_part && (by_in || of_place);
        let contained = match (places[inner as usize], places[container as usize]) {
            // "Masisi and Sake in North Kivu": "in" between places says it, unless the
            // gazetteer puts them in different countries or the container is a town.
            // "aldea El Naranjo, municipio de La Libertad": the words say it, whatever
            // same-named place the gazetteer took the smaller one for.
            (Some(a), Some(_)) if stated => a.feature != FeatureKind::Country,
            (Some(a), Some(b)) if by_in => {
                within(a, b)
                    || a.country == b.country
                        && a.feature != FeatureKind::Country
                        && b.feature != FeatureKind::City
            }
            // "the Zona Romántica of Puerto Vallarta": the words say it, whatever same-named
            // place the gazetteer took the smaller one for.
            (Some(a), Some(b)) if of_place => {
                within(a, b) || !matches!(a.feature, FeatureKind::Country | FeatureKind::Admin1)
            }
            (Some(a), Some(b)) => within(a, b),
            // A neighbourhood or zone the gazetteer does not know, "of" a known town.
            (None, Some(_)) if of_place => true,
            _ => stated || by_in,
        };
        if contained {
            out.push(Link {
                subject: inner,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(container),
                evidence: words.span(layout.entity_first(end), last),
            });
        }
        let first = layout.entity_first(end);
        if named_kind
            || first == 0
            || !words
                .get(first - 1)
                .is_some_and(|w| w.is(&[",", "y", "and", "e"]))
        {
            break;
        }
        k = first - 1;
    }
}

/// Whether token `at` ends the name of a place other than `container`.
fn is_place_end(layout: &Layout, at: usize, container: EntityId) -> bool {
    layout
        .entity_at
        .get(at)
        .copied()
        .flatten()
        .is_some_and(|e| e != container && layout.kinds[e as usize] == MentionKind::Loc)
}

/// Whether place `a` lies within place `b` by the gazetteer's hierarchy.
fn within(a: &Place, b: &Place) -> bool {
    match b.feature {
        FeatureKind::Country => {
            a.feature != FeatureKind::Country && a.country.is_some() && a.country == b.country
        }
        FeatureKind::Admin1 => {
            a.feature != FeatureKind::Admin1
                && a.country == b.country
                && a.admin1.as_deref().map(fold) == b.admin1.as_deref().or(Some(&b.name)).map(fold)
        }
        _ => false,
    }
}
