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

/// Words for a part of a place, which say the place before lies within it: "Pitiquito, en el
/// noroeste de Sonora", "Analco, en el centro de Guadalajara", "in eastern Uganda".
const PART_WORDS: &[&str] = &[
    "centro",
    "center",
    "centre",
    "central",
    "norte",
    "sur",
    "este",
    "oeste",
    "oriente",
    "poniente",
    "noroeste",
    "noreste",
    "nordeste",
    "suroeste",
    "sureste",
    "sudeste",
    "sudoeste",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "north-east",
    "north-west",
    "south-east",
    "south-west",
    "outskirts",
    "afueras",
    "periferia",
];

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
        // "in Colombia's Arauca province": the possessive names the container's container.
        if words
            .get(r.last + 1)
            .is_some_and(|w| matches!(w.text, "'s" | "’s"))
            && is_place_end(layout, r.last + 2, container)
        {
            continue;
        }
        // Walk back over ", [in the region of]" to the last contained place. "in the Say
        // department", "in Zambezia province": the word after the container says it too.
        let mut j = r.first - 1;
        let mut region_phrase = words.get(r.last + 1).is_some_and(|w| w.is(REGION_WORDS));
        let mut named_kind = false;
        let mut of_place = false;
        while j > 0 && words.same_sentence(j, r.first) && r.first - j < 7 {
            let Some(w) = words.get(j) else {
                break;
            };
            if w.text == "," {
                break;
            }
            if w.is(&["in", "en"]) && r.first - j == 1 {
                // "Masisi and Sake in North Kivu": only where the gazetteer confirms it.
                break;
            }
            if w.is(PLACE_NOUNS_AFTER) && j > 0 && is_place_end(layout, j - 1, container) {
                // "Bang Phli district of": the name before the noun is the contained place.
                named_kind = true;
                break;
            }
            if w.is(&["of"]) && r.first - j == 1 && j > 0 && is_place_end(layout, j - 1, container)
            {
                // "the Zona Romántica of Puerto Vallarta": a place of a place.
                of_place = true;
                break;
            }
            // "Saravena, in Colombia's Arauca province": the country's possessive is part of
            // the phrase.
            if matches!(w.text, "'s" | "’s") && j > 1 && is_place_end(layout, j - 1, container) {
                j = layout.entity_first(j - 1).saturating_sub(1);
                continue;
            }
            // "El Carmen de la ciudad de Huixtla", "Tamou of the Say department": a place
            // of a place, across the words naming the container's kind.
            if j + 1 < r.first
                && words.get(j + 1).is_some_and(|n| n.is(&["de", "del", "of"]))
                && is_place_end(layout, j, container)
            {
                of_place = true;
                j += 1;
                break;
            }
            if w.is(REGION_WORDS) || w.is(PART_WORDS) {
                region_phrase = true;
            } else if !w.is(BETWEEN) {
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
            continue;
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
                    evidence: words.span(layout.entity_first(end), r.last),
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
