//! Place names the tagger missed or mistyped, repaired from the words around them and the
//! gazetteer: "colonia Rivera Hernández" (a neighbourhood, not a person), "Arequipa, Camaná and
//! Mollendo" (a list of places, not two organisations), "una protesta en Timbúes" (a town the
//! tagger called MISC), "Puente Internacional Dos" (a bridge). A name becomes a place only when
//! the words say so (a facility word, a place noun, a locative preposition, a list of places)
//! and, for the last two, when the gazetteer knows it in a country the document already names.

use std::collections::HashSet;
use tessera_doc::{DocView, FeatureKind, Mention, MentionKind, Span, Token};
use tessera_geo::Gazetteer;

/// Lower-case nouns that name the kind of place whose name follows ("colonia Las Juntas", "the
/// village of Kutum", "las comunidades de Las Tinajas").
const PLACE_NOUNS: &[&str] = &[
    "colonia",
    "colonias",
    "ciudadela",
    "asentamiento",
    "urbanización",
    "barrio",
    "barrios",
    "fraccionamiento",
    "municipio",
    "municipios",
    "comunidad",
    "comunidades",
    "localidad",
    "localidades",
    "sindicatura",
    "ejido",
    "poblado",
    "poblados",
    "vereda",
    "veredas",
    "corregimiento",
    "caserío",
    "mina",
    "rancho",
    "paraje",
    "aldea",
    "parroquia",
    "cantón",
    "distrito",
    "provincia",
    "departamento",
    "town",
    "towns",
    "village",
    "villages",
    "city",
    "district",
    "districts",
    "municipality",
    "municipalities",
    "neighbourhood",
    "neighborhood",
    "suburb",
    "township",
    "province",
    "county",
];

/// Nouns that, written in lower case at the start of a name, are not part of it: the tagger's
/// "colonia Las Juntas" is the place "Las Juntas".
const LEADING_NOUNS: &[&str] = &[
    "colonia",
    "barrio",
    "fraccionamiento",
    "municipio",
    "comunidad",
    "localidad",
    "sindicatura",
    "ejido",
    "poblado",
    "vereda",
    "corregimiento",
];

/// Prepositions after which a known place name is where something is.
const LOCATIVE: &[&str] = &["in", "at", "near", "en", "cerca", "outside", "around"];

/// Names longer than this are left alone: long names are organisations and events.
const MAX_WORDS: usize = 4;

/// Repairs the kinds and spans of place mentions in `mentions` (sorted by start), reading the
/// words of `text` through `tokens`.
pub(crate) fn repair_place_mentions(
    text: &str,
    tokens: &[Token],
    mentions: &mut [Mention],
    gazetteer: Option<&Gazetteer>,
) {
    let words = DocView::of_tokens(text, tokens);
    for mention in mentions.iter_mut() {
        trim_leading_noun(&words, mention);
        trim_leading_group_noun(&words, mention);
        trim_trailing_group_noun(&words, mention);
    }
    let countries = gazetteer.map(|g| document_countries(text, mentions, g));
    // In text order, so that a list repaired at its head carries on ("A, B y C").
    for index in 0..mentions.len() {
        let mention = mentions[index];
        if mention.kind == MentionKind::Loc {
            continue;
        }
        let Some(range) = words.token_range(mention.span) else {
            continue;
        };
        if range.is_empty() {
            continue;
        }
        let (first, last) = (range.start, range.end - 1);
        if is_facility(&words, first, last) {
            mentions[index].kind = MentionKind::Loc;
            continue;
        }
        if range.len() > MAX_WORDS {
            continue;
        }
        // "Burkina Faso's army spokesman", "en el centro de Nuevo León": the name of a country,
        // or of a state of a country the document is about, in two words or more is no person.
        if mention.kind == MentionKind::Per
            && range.len() > 1
            && gazetteer.is_some_and(|g| {
                let name = words.slice(first, last);
                names_country(g, name)
                    || countries
                        .as_ref()
                        .is_some_and(|countries| names_state_in(g, countries, name))
            })
        {
            mentions[index].kind = MentionKind::Loc;
            continue;
        }
        let place = after_place_noun(&words, first)
            || before_division_noun(&words, first, last)
            || range.len() > 1 && NAME_OPENING_PLACE_NOUNS.contains(&words.lower(first))
            || match (gazetteer, countries.as_ref()) {
                (Some(gazetteer), Some(countries)) => {
                    (neighbour_is_place(&words, mentions, index, first, last)
                        || after_locative(&words, first))
                        && known_in(gazetteer, countries, words.slice(first, last))
                }
                _ => false,
            };
        if place {
            mentions[index].kind = MentionKind::Loc;
        }
    }
}

/// Last words of English facility names ("Moi International Airport", "Golden Highway").
const FACILITY_TAILS: &[&str] = &[
    "airport",
    "bridge",
    "highway",
    "motorway",
    "expressway",
    "road",
    "avenue",
    "street",
    "square",
    "stadium",
    "prison",
    "palace",
    "hospital",
    "terminal",
    "penitentiary",
    "jail",
];

/// Last words of English facility names that may hold "of" ("Mariposa Port of Entry", "Fresno
/// County Hall of Records") or that need the word before them ("Yuma Regional Medical Center").
pub(crate) const FACILITY_TAIL_PHRASES: &[&[&str]] = &[
    &["port", "of", "entry"],
    &["hall", "of", "records"],
    &["medical", "center"],
    &["processing", "center"],
    &["detention", "center"],
    &["government", "center"],
    &["correctional", "facility"],
    &["correctional", "center"],
];

/// First words of English facility names followed by "of" ("Bridge of the Americas", "Port of
/// Savannah").
const FACILITY_HEADS_OF: &[&str] = &["bridge", "port"];

/// First words of Spanish facility names ("Puente Internacional Dos", "Palacio de Gobierno",
/// "Hospital Civil de Culiacán", "Garita El Chaparral").
const FACILITY_HEADS: &[&str] = &[
    "aeropuerto",
    "puente",
    "carretera",
    "autopista",
    "avenida",
    "calle",
    "plaza",
    "estadio",
    "penal",
    "palacio",
    "libramiento",
    "hospital",
    "garita",
    "cereso",
    "reclusorio",
    "prisión",
    "zona",
];

/// Spanish facility names that open with a phrase ("Centro de Reinserción Social", "Estación
/// Migratoria Siglo XXI").
const FACILITY_HEAD_PHRASES: &[&[&str]] = &[
    &["centro", "de", "reinserción"],
    &["centro", "federal", "de"],
    &["centro", "penitenciario"],
    &["estación", "migratoria"],
    &["central", "de", "abasto"],
];

/// Facility names are longer than other place names ("Centro Federal de Readaptación Social
/// número 1").
const MAX_FACILITY_WORDS: usize = 8;

/// Whether the lower-cased words `lower` begin (or end) with `phrase`.
fn starts_with(lower: &[&str], phrase: &[&str]) -> bool {
    lower.len() > phrase.len() && lower[..phrase.len()] == *phrase
}

fn ends_with(lower: &[&str], phrase: &[&str]) -> bool {
    lower.len() >= phrase.len() && lower[lower.len() - phrase.len()..] == *phrase
}

/// Whether lower-cased name words open like a Spanish facility's name ("Aeropuerto
/// Internacional", "Centro de Reinserción Social").
pub(crate) fn is_spanish_facility(lower: &[&str]) -> bool {
    lower.first().is_some_and(|w| FACILITY_HEADS.contains(w))
        || FACILITY_HEAD_PHRASES.iter().any(|p| starts_with(lower, p))
}

/// Whether lower-cased name words name a facility: a named road, bridge, airport, port of
/// entry, prison, hospital, square or building. An English name with "of", "for" or "and" in
/// it is a body ("Office of Rail and Road") unless a facility phrase says otherwise.
pub(crate) fn is_facility_name(lower: &[&str]) -> bool {
    if lower.len() < 2 || lower.len() > MAX_FACILITY_WORDS {
        return false;
    }
    let last = lower[lower.len() - 1];
    let tail =
        FACILITY_TAILS.contains(&last) && !lower.iter().any(|w| matches!(*w, "of" | "for" | "and"));
    let tail_phrase = FACILITY_TAIL_PHRASES.iter().any(|p| ends_with(lower, p))
        && !lower.iter().any(|w| matches!(*w, "for" | "and"));
    let head = FACILITY_HEADS.contains(&lower[0]);
    let head_of = FACILITY_HEADS_OF.contains(&lower[0]) && lower[1] == "of";
    let head_phrase = FACILITY_HEAD_PHRASES.iter().any(|p| starts_with(lower, p));
    tail || tail_phrase || head || head_of || head_phrase
}

/// A named road, bridge, airport, square or building is a place, not the organisation the
/// tagger may take it for.
fn is_facility(words: &DocView, first: usize, last: usize) -> bool {
    let lower: Vec<&str> = (first..=last).map(|i| words.lower(i)).collect();
    is_facility_name(&lower)
}

/// "colonia Las Juntas" as one mention becomes the place "Las Juntas".
fn trim_leading_noun(words: &DocView, mention: &mut Mention) {
    let Some(range) = words.token_range(mention.span) else {
        return;
    };
    if range.len() < 2 || !LEADING_NOUNS.contains(&words.text(range.start)) {
        return;
    }
    let rest = range.start + 1;
    let rest = if matches!(words.lower(rest), "de" | "del") && rest + 1 < range.end {
        rest + 1
    } else {
        rest
    };
    if !words.is_capitalised(rest) {
        return;
    }
    if let Some(start) = words.token_span(rest) {
        mention.span = Span {
            start: start.start,
            end: mention.span.end,
        };
        mention.kind = MentionKind::Loc;
    }
}

/// Lower-case nouns for a group that the tagger sometimes takes into the group's name.
pub(crate) const GROUP_NOUNS: &[&str] = &[
    "banda",
    "gang",
    "grupo",
    "group",
    "cártel",
    "cartel",
    "pandilla",
    "célula",
    "facción",
    "faction",
    "clan",
    "red",
    "organización",
];

/// "banda Los Correcaminos", "gang Sabon Daji": the group noun is not part of the name, and
/// says the name is an organisation's.
fn trim_leading_group_noun(words: &DocView, mention: &mut Mention) {
    let Some(range) = words.token_range(mention.span) else {
        return;
    };
    if range.len() < 2
        || !GROUP_NOUNS.contains(&words.text(range.start))
        || !words.is_capitalised(range.start + 1)
    {
        return;
    }
    if let Some(start) = words.token_span(range.start + 1) {
        mention.span = Span {
            start: start.start,
            end: mention.span.end,
        };
        mention.kind = MentionKind::Org;
    }
}

/// "the Kachalla Dauda group", "the Sabon Daji gang": a group noun in lower case after the name
/// is not part of it either, and says the name is an organisation's.
fn trim_trailing_group_noun(words: &DocView, mention: &mut Mention) {
    let Some(range) = words.token_range(mention.span) else {
        return;
    };
    let last = range.end - 1;
    if range.len() < 2 || !GROUP_NOUNS.contains(&words.text(last)) {
        return;
    }
    if let Some(end) = words.token_span(last - 1) {
        mention.span = Span {
            start: mention.span.start,
            end: end.end,
        };
        mention.kind = MentionKind::Org;
    }
}

/// A place noun right before the name, or before "de"/"of" and an article ("the town of",
/// "el municipio de", "la colonia").
/// "colonia Rivera Hernández de San Pedro Sula" tagged as one name: a neighbourhood (named
/// after a place noun) and the town that holds it, after "de", when the gazetteer knows the
/// town, the document names it as a place elsewhere, and the whole is no known place itself
/// ("Tlajomulco de Zúñiga"). Both become places (`mentions` sorted by start, and kept so).
pub(crate) fn split_town_from_neighbourhood(
    text: &str,
    tokens: &[Token],
    mentions: &mut Vec<Mention>,
    gazetteer: Option<&Gazetteer>,
) {
    let Some(gazetteer) = gazetteer else {
        return;
    };
    let words = DocView::of_tokens(text, tokens);
    let places: HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Loc)
        .filter_map(|m| m.span.text(text).ok())
        .map(tessera_geo::fold_name)
        .collect();
    let mut towns = Vec::new();
    for mention in mentions.iter_mut() {
        let Some(range) = words.token_range(mention.span) else {
            continue;
        };
        if range.len() < 3
            || !after_place_noun(&words, range.start)
            || !gazetteer
                .lookup(words.slice(range.start, range.end - 1))
                .is_empty()
        {
            continue;
        }
        let last = range.end - 1;
        let split = (range.start + 1..last).find_map(|at| {
            if !matches!(words.lower(at), "de" | "del") {
                return None;
            }
            let mut town = at + 1;
            if matches!(words.lower(town), "la" | "el" | "los" | "las") && town < last {
                town += 1;
            }
            let known = last + 1 - town <= MAX_WORDS
                && places.contains(&tessera_geo::fold_name(words.slice(town, last)))
                && gazetteer.lookup(words.slice(town, last)).iter().any(|c| {
                    matches!(
                        c.place.kind,
                        FeatureKind::City | FeatureKind::Admin2 | FeatureKind::Admin1
                    )
                });
            known.then_some((at, town))
        });
        if let Some((at, town)) = split {
            mention.span = words.span(range.start, at - 1);
            mention.kind = MentionKind::Loc;
            towns.push(Mention::new(words.span(town, last), MentionKind::Loc));
        }
    }
    if !towns.is_empty() {
        mentions.extend(towns);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
    }
}

fn after_place_noun(words: &DocView, first: usize) -> bool {
    let mut at = first;
    let step = |at: &mut usize, accepted: &[&str]| {
        if *at > 0 && accepted.contains(&words.lower(*at - 1)) {
            *at -= 1;
        }
    };
    step(&mut at, &["the", "el", "la", "los", "las"]);
    step(&mut at, &["of", "de", "del"]);
    at > 0 && PLACE_NOUNS.contains(&words.text(at - 1))
}

/// Place nouns that open a name written with a capital: "Barangay Bubong", "Colonia Juárez",
/// "Aldea El Naranjo".
const NAME_OPENING_PLACE_NOUNS: &[&str] = &["barangay", "colonia", "aldea", "caserío", "purok"];

/// Nouns written after a division's name: "in Pakistan's North Waziristan district", "the Say
/// department", "in Zambezia province".
const DIVISION_NOUNS_AFTER: &[&str] = &[
    "district",
    "province",
    "region",
    "department",
    "county",
    "governorate",
    "prefecture",
    "municipality",
];

/// Whether a name stands between a locative word or possessive and a division noun.
fn before_division_noun(words: &DocView, first: usize, last: usize) -> bool {
    let noun = words.lower(last + 1);
    // "the Ansar district" in lower case after the name; in all-caps text, any case.
    let lower_case =
        words.text(last + 1) == noun || words.text(first).chars().all(|c| !c.is_lowercase());
    first > 0
        && lower_case
        && DIVISION_NOUNS_AFTER.contains(&noun)
        && matches!(
            words.lower(first - 1),
            "in" | "the" | "'s" | "’s" | "of" | "near" | "en" | "el" | "la"
        )
}

fn after_locative(words: &DocView, first: usize) -> bool {
    let mut at = first;
    if at > 0 && matches!(words.lower(at - 1), "the" | "el" | "la" | "los" | "las") {
        at -= 1;
    }
    if at == 0 {
        return false;
    }
    match words.lower(at - 1) {
        // "cerca de Caborca".
        "de" => at >= 2 && words.lower(at - 2) == "cerca",
        "cerca" => false,
        prep => LOCATIVE.contains(&prep),
    }
}

/// Whether the mention stands in a list ("A, B and C", "A y B") beside a place name.
fn neighbour_is_place(
    words: &DocView,
    mentions: &[Mention],
    index: usize,
    first: usize,
    last: usize,
) -> bool {
    let joined = |a: usize, b: usize| {
        b > a + 1
            && b - a <= 3
            && (a + 1..b).all(|i| matches!(words.lower(i), "," | "and" | "y" | "e" | "or" | "o"))
    };
    let place_token_range = |m: &Mention| {
        (m.kind == MentionKind::Loc)
            .then(|| words.token_range(m.span))
            .flatten()
            .filter(|r| !r.is_empty())
    };
    let before = index
        .checked_sub(1)
        .and_then(|i| mentions.get(i))
        .and_then(place_token_range)
        .is_some_and(|r| joined(r.end - 1, first));
    let after = mentions
        .get(index + 1)
        .and_then(place_token_range)
        .is_some_and(|r| joined(last, r.start));
    before || after
}

/// The countries of the places the document names, each taken as its most populous reading.
fn document_countries(text: &str, mentions: &[Mention], gazetteer: &Gazetteer) -> HashSet<String> {
    mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Loc)
        .filter_map(|m| m.span.text(text).ok())
        .filter_map(|name| {
            gazetteer
                .lookup(name)
                .into_iter()
                .filter(|c| !c.place.country().is_empty())
                .max_by_key(|c| {
                    (
                        c.place.kind == FeatureKind::Country,
                        c.primary_name,
                        c.place.population,
                    )
                })
                .map(|c| c.place.country().to_string())
        })
        .collect()
}

/// Whether a name is a country's in the gazetteer.
fn names_country(gazetteer: &Gazetteer, name: &str) -> bool {
    gazetteer
        .lookup(name)
        .iter()
        .any(|c| c.place.kind == FeatureKind::Country)
}

/// Whether the gazetteer knows `name` as a state (first-level division) of one of `countries`.
fn names_state_in(gazetteer: &Gazetteer, countries: &HashSet<String>, name: &str) -> bool {
    gazetteer
        .lookup(name)
        .iter()
        .any(|c| c.place.kind == FeatureKind::Admin1 && countries.contains(c.place.country()))
}

/// Whether the gazetteer knows `name` as a town or division in one of `countries`.
fn known_in(gazetteer: &Gazetteer, countries: &HashSet<String>, name: &str) -> bool {
    gazetteer.lookup(name).iter().any(|c| {
        matches!(
            c.place.kind,
            FeatureKind::City | FeatureKind::Admin2 | FeatureKind::Admin1
        ) && countries.contains(c.place.country())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::Lang;

    fn repaired(text: &str, tagged: &[(&str, MentionKind)]) -> Vec<(String, MentionKind)> {
        let tokens = tessera_segment::segment(text, Some(Lang::ES)).tokens;
        let mut mentions: Vec<Mention> = tagged
            .iter()
            .filter_map(|(name, kind)| {
                let start = text.find(name)?;
                Some(Mention::new(Span::new(start, start + name.len()), *kind))
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let gazetteer = Gazetteer::embedded().ok();
        repair_place_mentions(text, &tokens, &mut mentions, gazetteer.as_ref());
        mentions
            .iter()
            .map(|m| (text[m.span.range()].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn a_neighbourhood_and_its_town_tagged_as_one_are_split() {
        let text = "Dos hombres fueron detenidos en la colonia Las Palmas de Tegucigalpa. \
                    La policía de Tegucigalpa informó del operativo. \
                    En la colonia Tlajomulco de Zúñiga no hubo detenidos.";
        let tokens = tessera_segment::segment(text, Some(Lang::ES)).tokens;
        let mut mentions: Vec<Mention> = [
            ("Las Palmas de Tegucigalpa", MentionKind::Org),
            ("Tegucigalpa informó", MentionKind::Loc),
            ("Tlajomulco de Zúñiga", MentionKind::Loc),
        ]
        .iter()
        .filter_map(|(name, kind)| {
            let start = text.find(name)?;
            let name = name.trim_end_matches(" informó");
            Some(Mention::new(Span::new(start, start + name.len()), *kind))
        })
        .collect();
        let gazetteer = Gazetteer::embedded().ok();
        split_town_from_neighbourhood(text, &tokens, &mut mentions, gazetteer.as_ref());
        let found: Vec<(&str, MentionKind)> = mentions
            .iter()
            .map(|m| (&text[m.span.range()], m.kind))
            .collect();
        assert_eq!(
            found,
            [
                ("Las Palmas", MentionKind::Loc),
                ("Tegucigalpa", MentionKind::Loc),
                ("Tegucigalpa", MentionKind::Loc),
                ("Tlajomulco de Zúñiga", MentionKind::Loc),
            ]
        );
    }

    #[test]
    fn a_name_after_a_place_noun_is_a_place() {
        let found = repaired(
            "Dos hombres fueron atacados en la colonia Moctezuma Norte de Mazatlán.",
            &[
                ("Moctezuma Norte", MentionKind::Per),
                ("Mazatlán", MentionKind::Loc),
            ],
        );
        assert_eq!(found[0], ("Moctezuma Norte".to_string(), MentionKind::Loc));
    }

    #[test]
    fn a_country_of_two_words_read_as_a_person_is_a_place() {
        let found = repaired(
            "Sierra Leone's health minister, Mariatu Kallon, visited the clinic.",
            &[
                ("Sierra Leone", MentionKind::Per),
                ("Mariatu Kallon", MentionKind::Per),
            ],
        );
        assert_eq!(
            found,
            [
                ("Sierra Leone".to_string(), MentionKind::Loc),
                ("Mariatu Kallon".to_string(), MentionKind::Per),
            ]
        );
    }

    #[test]
    fn a_state_of_two_words_read_as_a_person_is_a_place() {
        let found = repaired(
            "Hubo bloqueos en Linares, en el sur de Baja California, y en Tijuana.",
            &[
                ("Linares", MentionKind::Loc),
                ("Baja California", MentionKind::Per),
                ("Tijuana", MentionKind::Loc),
            ],
        );
        assert_eq!(found[1], ("Baja California".to_string(), MentionKind::Loc));
    }

    #[test]
    fn a_name_before_a_division_noun_is_a_place() {
        let found = repaired(
            "A drone struck a house in Pakistan's North Waziristan district on Monday.",
            &[
                ("Pakistan", MentionKind::Loc),
                ("North Waziristan", MentionKind::Per),
            ],
        );
        assert_eq!(found[1], ("North Waziristan".to_string(), MentionKind::Loc));
    }

    #[test]
    fn a_group_noun_after_the_name_leaves_it() {
        let found = repaired(
            "The attackers belonged to the Sabon Gari group, police said.",
            &[("Sabon Gari group", MentionKind::Per)],
        );
        assert_eq!(found, [("Sabon Gari".to_string(), MentionKind::Org)]);
    }

    #[test]
    fn a_leading_place_noun_leaves_the_name() {
        let found = repaired(
            "Hubo disparos en colonia Santa Fe, informó la policía.",
            &[("colonia Santa Fe", MentionKind::Loc)],
        );
        assert_eq!(found, [("Santa Fe".to_string(), MentionKind::Loc)]);
    }

    #[test]
    fn known_towns_in_a_list_of_places_are_places() {
        let found = repaired(
            "Los bloqueos siguieron en Arequipa, Camaná y Mollendo, en Perú.",
            &[
                ("Arequipa", MentionKind::Loc),
                ("Camaná", MentionKind::Org),
                ("Mollendo", MentionKind::Org),
                ("Perú", MentionKind::Loc),
            ],
        );
        assert!(
            found.iter().all(|(_, kind)| *kind == MentionKind::Loc),
            "{found:?}"
        );
    }

    #[test]
    fn named_roads_bridges_and_airports_are_places_and_bodies_are_not() {
        let found = repaired(
            "Cerraron el Puente Libertad y la Autopista del Sol; la Office of Road Safety y \
             el Aeropuerto Benito Juárez siguen abiertos, como Kotoka Airport.",
            &[
                ("Puente Libertad", MentionKind::Org),
                ("Autopista del Sol", MentionKind::Misc),
                ("Office of Road Safety", MentionKind::Org),
                ("Aeropuerto Benito Juárez", MentionKind::Org),
                ("Kotoka Airport", MentionKind::Org),
            ],
        );
        let kinds: Vec<MentionKind> = found.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [
                MentionKind::Loc,
                MentionKind::Loc,
                MentionKind::Org,
                MentionKind::Loc,
                MentionKind::Loc
            ]
        );
    }

    #[test]
    fn organisations_and_people_stay_what_they_are() {
        let found = repaired(
            "En Culiacán, la Guardia Nacional y Pedro Infante hablaron en Reuters.",
            &[
                ("Culiacán", MentionKind::Loc),
                ("Guardia Nacional", MentionKind::Org),
                ("Pedro Infante", MentionKind::Per),
                ("Reuters", MentionKind::Org),
            ],
        );
        let kinds: Vec<MentionKind> = found.iter().map(|(_, k)| *k).collect();
        assert_eq!(
            kinds,
            [
                MentionKind::Loc,
                MentionKind::Org,
                MentionKind::Per,
                MentionKind::Org
            ]
        );
    }
}
