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
    "into",
    "onto",
    "hasta",
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
    "towns",
    "villages",
    "cities",
    "districts",
    "municipalities",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "municipios",
    "comunidades",
    "localidades",
    "poblados",
    "sindicatura",
    "colonia",
    "colonias",
    "barrio",
    "fraccionamiento",
    "ejido",
    "aldea",
    "caserío",
    "ciudadela",
    "asentamiento",
    "urbanización",
    "reparto",
    "settlement",
    "hamlet",
    "township",
    "ward",
    "provinces",
    "states",
    "regions",
    "departments",
    "counties",
    "provincias",
    "estados",
    "regiones",
    "departamentos",
    "distritos",
    "cantones",
    "parroquias",
    "veredas",
    "aldeas",
];

/// Whether a lower-case word is a noun for a kind of place ("village", "municipio").
pub(crate) fn is_place_noun(word: &str) -> bool {
    PLACE_NOUNS.contains(&word)
}

/// Words for a road, in its name or just around it ("Golden Highway", "la carretera
/// Transístmica", "the Trans-Isthmus highway").
const ROAD_WORDS: &[&str] = &[
    "highway",
    "road",
    "motorway",
    "expressway",
    "freeway",
    "way",
    "route",
    "carretera",
    "autopista",
    "libramiento",
    "ruta",
    "vía",
];

/// Whether the name at index `name` is a road's.
pub(crate) fn is_road(words: &DocView, name: usize) -> bool {
    let Some(name) = words.names().get(name) else {
        return false;
    };
    let before = name.first.checked_sub(1);
    let after = (name.last + 1 < words.len()).then_some(name.last + 1);
    (name.first..=name.last)
        .chain(before)
        .chain(after)
        .any(|i| ROAD_WORDS.contains(&words.lower(i)))
}

/// A run of place names joined by commas and "and"/"y".
#[derive(Clone)]
struct PlaceList {
    first: usize,
    last: usize,
    names: Vec<usize>,
}

/// The places of an event whose trigger spans `head..=last` in the sentence `first..end`,
/// leaving out names already taken as participants (`taken`: name indices). An `incident` (an
/// attack, an arrest, a protest) also takes a town the sentence names without a preposition.
pub(crate) fn event_places(
    words: &DocView,
    head: usize,
    last: usize,
    sentence: std::ops::Range<usize>,
    taken: &[usize],
    objects: &[usize],
    incident: bool,
) -> Vec<EventPlace> {
    let (first, end) = (sentence.start, sentence.end);
    let mut lists = place_lists(words, first, end, taken, Some(objects));
    // Every run of place names, introduced or not.
    let named = place_lists(words, first, end, taken, None);
    if lists.is_empty() && incident {
        // No place is introduced as one ("Transportistas de Tegucigalpa paralizaron"): a town
        // or division the sentence names still says where.
        lists = named.clone();
        lists.retain(|l| {
            l.names.iter().all(|&n| {
                place_of(words, n).is_some_and(|p| {
                    matches!(
                        p.feature,
                        FeatureKind::City | FeatureKind::Admin2 | FeatureKind::Admin1
                    )
                })
            })
        });
    }
    // "la carretera entre Cochabamba y Santa Cruz en Shinahota": the ends of a road are not
    // where the act on it happened when the sentence says where.
    let between =
        |l: &PlaceList| l.first > first && matches!(words.lower(l.first - 1), "entre" | "between");
    if lists.iter().any(|l| !between(l)) {
        lists.retain(|l| !between(l));
    }
    let Some(nearest) = (0..lists.len()).min_by_key(|&i| {
        let l = &lists[i];
        if l.first > last {
            l.first - last
        } else {
            // Before the trigger counts a little farther than after it.
            head.saturating_sub(l.last) + 2
        }
    }) else {
        return Vec::new();
    };
    // "Las Tinajas y El Ceñidor, en el municipio de Buenavista": the places before a
    // containing place are the specific ones.
    let mut chosen = nearest;
    while chosen > 0 && contains_list(words, &lists[chosen - 1], &lists[chosen]) {
        chosen -= 1;
    }
    let mut best = &lists[chosen];
    // "la planta que abastece a Pitiquito, en el noroeste de Sonora": a town named just before
    // the place that holds it, even without a preposition of its own.
    if let Some(inner) = named.iter().find(|inner| {
        inner.last < best.first
            && contains_list(words, inner, best)
            && inner.names.iter().all(|&i| {
                best.names
                    .iter()
                    .any(|&o| contains(place_of(words, o), place_of(words, i)))
            })
    }) {
        best = inner;
    }
    // "arrested four in Rigasa and two more in Zaria": the act told again, elided, at the
    // next place.
    let mut names = best.names.clone();
    let mut tail = best.last;
    for next in lists.iter().filter(|l| l.first > best.last) {
        if !elided_again(words, tail, next.first, last) {
            break;
        }
        names.extend(&next.names);
        tail = next.last;
    }
    let places: Vec<(usize, Option<&Place>)> =
        names.iter().map(|&n| (n, place_of(words, n))).collect();
    places
        .iter()
        .filter(|(n, place)| {
            // Dropped when it contains another place of the list.
            !places
                .iter()
                .any(|(m, other)| m != n && contains(*place, *other))
        })
        .map(|&(n, place)| event_place(words, n, place))
        .collect()
}

/// The event place of the name at index `n`, resolved to `place`.
fn event_place(words: &DocView, n: usize, place: Option<&Place>) -> EventPlace {
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
}

/// The place names after "to" (past "the") from `from` to the clause's end: where forces or
/// aid are sent (name indices, leaving out those in `taken`).
pub(crate) fn destinations(
    words: &DocView,
    from: usize,
    end: usize,
    taken: &[usize],
) -> Vec<usize> {
    let start = words.names().partition_point(|n| n.first < from);
    words.names()[start..]
        .iter()
        .enumerate()
        .take_while(|(_, n)| n.first < end)
        .filter(|(_, n)| n.kind == MentionKind::Loc)
        .map(|(k, n)| (start + k, n))
        .filter(|(index, n)| {
            let mut before = n.first;
            while before > from && matches!(words.lower(before - 1), "the" | "la" | "el") {
                before -= 1;
            }
            !taken.contains(index) && before > from && words.lower(before - 1) == "to"
        })
        .map(|(index, _)| index)
        .collect()
}

/// Where a body that acts sits when the words name it with the body: "a federal judge in
/// McAllen", "the Supreme Court of Appeal in Bloemfontein", "un juez de Culiacán": the place
/// right after the actor's words, past "in", "en", "de" or "at".
pub(crate) fn seat_of(
    words: &DocView,
    actor: std::ops::Range<usize>,
    end: usize,
) -> Option<EventPlace> {
    // Inside the actor's words ("a federal grand jury in Houston") or right after them, past
    // a bracketed short form ("the Court of Arbitration for Sport (CAS) in Lausanne").
    let mut after = actor.end;
    if after < end && words.lower(after) == "(" {
        after = (after + 1..end.min(after + 4))
            .find(|&i| words.lower(i) == ")")
            .map_or(after, |close| close + 1);
    }
    let prep = (actor.start + 1..actor.end)
        .chain(std::iter::once(after))
        .filter(|&i| i < end)
        .find(|&i| {
            matches!(words.lower(i), "in" | "en" | "at") || (i == after && words.lower(i) == "de")
        })?;
    let mut at = prep + 1;
    while at < end && matches!(words.lower(at), "the" | "la" | "el") {
        at += 1;
    }
    let index = words.name_starting(at)?;
    let name = &words.names()[index];
    if name.kind != MentionKind::Loc {
        return None;
    }
    let place = place_of(words, index);
    if place.is_some_and(|p| p.feature == FeatureKind::Country) {
        return None;
    }
    Some(event_place(words, index, place))
}

/// Whether the words between a place list ending at `tail` and the next one starting at
/// `next` repeat the act for another place: "and", a short phrase and its own preposition
/// ("and two more in Zaria", "y otros tres en Choloma"), no clause of its own.
fn elided_again(words: &DocView, tail: usize, next: usize, trigger_last: usize) -> bool {
    if tail < trigger_last || next <= tail + 2 || next - tail > 8 {
        return false;
    }
    let between = tail + 1..next;
    let mut joined = false;
    for i in between.clone() {
        let w = words.lower(i);
        if matches!(w, "and" | "y" | "e") {
            joined = true;
        } else if matches!(
            w,
            ";" | "where"
                | "which"
                | "who"
                | "that"
                | "when"
                | "while"
                | "after"
                | "before"
                | "donde"
                | "que"
                | "cuando"
                | "mientras"
                | "tras"
                | "said"
                | "dijo"
        ) || tessera_claims::is_reporting_verb(w)
            || words.name_at(i).is_some()
        {
            return false;
        }
    }
    joined && PLACE_PREPS.contains(&words.lower(next - 1))
}

/// The runs of place names in the sentence; with `introduced`, only those after a place
/// preposition or place noun, or named as what the event was done to (name indices).
fn place_lists(
    words: &DocView,
    first: usize,
    end: usize,
    taken: &[usize],
    introduced: Option<&[usize]>,
) -> Vec<PlaceList> {
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
        if introduced.is_none_or(|objects| {
            objects.contains(&index) || introduced_as_place(words, name.first, first)
        }) {
            lists.push(PlaceList {
                first: name.first,
                last: name.last,
                names: vec![index],
            });
        }
    }
    lists
}

/// Whether `outer` follows `inner` as the place that holds it: only a comma, a preposition, an
/// article or a place noun between them ("Altata, en el municipio de Navolato", "Masisi and
/// Sake in North Kivu province").
fn contains_list(words: &DocView, inner: &PlaceList, outer: &PlaceList) -> bool {
    outer.first > inner.last + 1
        && outer.first - inner.last <= 6
        && (inner.last + 1..outer.first).all(|i| {
            let w = words.lower(i);
            matches!(
                w,
                "," | "in" | "en" | "of" | "de" | "del" | "the" | "el" | "la" | "los" | "las"
            ) || PLACE_NOUNS.contains(&w)
                || tessera_doc::place_words::is_direction(w)
        })
}

/// Whether only commas, "and", "y", "e", "or" lie between two names, and a place preposition
/// after the conjunction ("en San Cristóbal y en Tuxtla", "in Leeds and in York").
fn joins(words: &DocView, last: usize, next: usize) -> bool {
    let conjunction = |w: &str| matches!(w, "," | "and" | "y" | "e" | "or" | "o");
    next > last + 1
        && next - last <= 4
        && (last + 1..next).enumerate().all(|(k, i)| {
            let w = words.lower(i);
            conjunction(w)
                || (k > 0
                    && i + 1 == next
                    && matches!(w, "in" | "en" | "at")
                    && matches!(words.lower(i - 1), "and" | "y" | "e"))
        })
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
        // "a la altura de Bailén": where on a road.
        let on_road = before >= 2 && words.lower(before - 2) == "altura";
        return on_road
            || before >= 2 && PLACE_NOUNS.contains(&words.lower(before - 2))
            || before >= 3 && PLACE_NOUNS.contains(&words.lower(before - 3));
    }
    // "close to Tapalpa", "next to the border".
    if prep == "to" {
        return before >= 2 && matches!(words.lower(before - 2), "close" | "next" | "near");
    }
    // "el asentamiento humano Santa Rosa": a settlement's kind in two words.
    if prep == "humano" && before >= 2 && words.lower(before - 2) == "asentamiento" {
        return true;
    }
    // "la colonia Las Juntas", "the village Kutum".
    PLACE_PREPS.contains(&prep) || PLACE_NOUNS.contains(&prep) && words.text(before - 1) == prep
}

/// The place of the name at index `name`: its own geocode, else its entity's.
pub(crate) fn place_of<'a>(words: &'a DocView, name: usize) -> Option<&'a Place> {
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

/// Words that count the places of a phrase that names them again ("the three cities").
fn place_count(word: &str) -> Option<usize> {
    Some(match word {
        "both" | "two" | "2" | "ambas" | "ambos" | "dos" => 2,
        "three" | "3" | "tres" => 3,
        "four" | "4" | "cuatro" => 4,
        "five" | "5" | "cinco" => 5,
        _ => return None,
    })
}

/// Plural nouns of places counted again ("the two towns", "las tres ciudades").
const COUNTED_PLACES: &[&str] = &[
    "cities",
    "towns",
    "states",
    "provinces",
    "districts",
    "municipalities",
    "villages",
    "regions",
    "ciudades",
    "municipios",
    "estados",
    "provincias",
    "localidades",
    "comunidades",
    "departamentos",
    "regiones",
    "poblaciones",
];

/// "detained in the three cities", "el despliegue en ambas ciudades": an event told in places
/// counted again happened in the places of the last event told in that many places.
pub(crate) fn places_counted_again(
    words: &DocView,
    first: usize,
    end: usize,
    events: &[tessera_doc::Event],
) -> Vec<EventPlace> {
    let count = (first + 1..end.saturating_sub(1)).find_map(|i| {
        let noun = COUNTED_PLACES.contains(&words.lower(i + 1));
        let mut before = i;
        if before > first && matches!(words.lower(before - 1), "the" | "las" | "los") {
            before -= 1;
        }
        let introduced = before > first
            && matches!(
                words.lower(before - 1),
                "in" | "en" | "across" | "at" | "throughout" | "de"
            );
        (noun && introduced)
            .then(|| place_count(words.lower(i)))
            .flatten()
    });
    let Some(count) = count else {
        return Vec::new();
    };
    // Events of one trigger sit together, one per place.
    let mut at = events.len();
    while at > 0 {
        let trigger = events[at - 1].trigger;
        let start = events[..at]
            .iter()
            .rposition(|e| e.trigger != trigger)
            .map_or(0, |i| i + 1);
        let group: Vec<&EventPlace> = events[start..at]
            .iter()
            .filter_map(|e| e.place.as_ref())
            .collect();
        if group.len() == count {
            return group.into_iter().cloned().collect();
        }
        at = start;
    }
    Vec::new()
}
