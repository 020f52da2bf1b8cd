//! The geocoder over the real, embedded gazetteer: ambiguity, accents, alternate and Spanish
//! names, and places it does not know.

use std::sync::LazyLock;
use tessera_geo::{
    FeatureKind, Gazetteer, GeoContext, Geocoder, PlaceMention, Precision, Resolution,
};

static GAZETTEER: LazyLock<Gazetteer> =
    LazyLock::new(|| Gazetteer::embedded().expect("embedded gazetteer loads"));

/// Mentions of each name, found by whole-word string search, in text order.
fn mentions(text: &str, names: &[&str]) -> Vec<PlaceMention> {
    let mut found: Vec<PlaceMention> = names
        .iter()
        .flat_map(|name| {
            text.match_indices(name)
                .filter(|(start, _)| {
                    let end = start + name.len();
                    !text[..*start]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                        && !text[end..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                })
                .filter_map(|(start, _)| PlaceMention::at(text, start, start + name.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort_by_key(|m| m.start);
    found.dedup_by_key(|m| m.start);
    found
}

fn resolve(text: &str, names: &[&str]) -> Vec<(String, Option<Resolution>)> {
    let geocoder = Geocoder::new(&GAZETTEER);
    let found = mentions(text, names);
    let resolved = geocoder.resolve_document(&GeoContext::new(text), &found);
    found.into_iter().map(|m| m.text).zip(resolved).collect()
}

fn summary(r: &Option<Resolution>) -> Option<(FeatureKind, &str, Option<&str>)> {
    r.as_ref()
        .map(|r| (r.feature, r.country.as_str(), r.admin1.as_deref()))
}

const ARTICLE: &str = "Mexican authorities said the cartel leader died in an operation in \
Tapalpa, Jalisco, on Sunday. US officials said the operation drew on methods used in the \
Middle East. Clashes followed in Jalisco, Michoacán, Tamaulipas, Zacatecas, Colima, and \
Oaxaca. Airports in Puerto Vallarta and Guadalajara were disrupted. Some members had fought \
in Ukraine.";

#[test]
fn the_founding_example_resolves_towns_states_and_countries() {
    let got = resolve(
        ARTICLE,
        &[
            "Mexican",
            "Tapalpa",
            "Jalisco",
            "US",
            "Middle East",
            "Michoacán",
            "Tamaulipas",
            "Zacatecas",
            "Colima",
            "Oaxaca",
            "Puerto Vallarta",
            "Guadalajara",
            "Ukraine",
        ],
    );
    for (text, resolution) in &got {
        let (kind, country, admin1) =
            summary(resolution).unwrap_or_else(|| panic!("{text} unresolved"));
        let expected = match text.as_str() {
            "Tapalpa" | "Puerto Vallarta" | "Guadalajara" => {
                (FeatureKind::City, "MX", Some("Jalisco"))
            }
            "Mexican" => (FeatureKind::Country, "MX", None),
            "US" => (FeatureKind::Country, "US", None),
            "Ukraine" => (FeatureKind::Country, "UA", None),
            "Middle East" => (FeatureKind::Region, "", None),
            _ => (FeatureKind::Admin1, "MX", admin1),
        };
        assert_eq!((kind, country, admin1), expected, "{text}");
    }
    let michoacan = got
        .iter()
        .find(|(t, _)| t == "Michoacán")
        .and_then(|(_, r)| r.as_ref());
    assert_eq!(
        michoacan.map(|r| r.name.as_str()),
        Some("Michoacán de Ocampo")
    );
    let tapalpa = got
        .iter()
        .find(|(t, _)| t == "Tapalpa")
        .and_then(|(_, r)| r.as_ref());
    assert_eq!(tapalpa.map(|r| r.precision), Some(Precision::City));
}

#[test]
fn colima_the_state_or_the_city() {
    let state = resolve(
        "Violence spread to Colima and Jalisco.",
        &["Colima", "Jalisco"],
    );
    assert_eq!(summary(&state[0].1).map(|s| s.0), Some(FeatureKind::Admin1));
    let city = resolve("A shooting in Colima, Colima, left two dead.", &["Colima"]);
    assert_eq!(summary(&city[0].1).map(|s| s.0), Some(FeatureKind::City));
    let city = resolve("Troops arrived in the city of Colima.", &["Colima"]);
    assert_eq!(summary(&city[0].1).map(|s| s.0), Some(FeatureKind::City));
}

#[test]
fn paris_france_or_paris_texas() {
    let france = resolve("Ministers met in Paris on Monday.", &["Paris"]);
    assert_eq!(summary(&france[0].1).map(|s| s.1), Some("FR"));
    let texas = resolve("A tornado struck Paris, Texas, on Monday.", &["Paris"]);
    assert_eq!(
        summary(&texas[0].1),
        Some((FeatureKind::City, "US", Some("Texas")))
    );
    let by_context = resolve(
        "Storms crossed Texas overnight. In Paris, the fire department said two homes burned; \
         Dallas and Sherman also reported damage.",
        &["Texas", "Paris", "Dallas", "Sherman"],
    );
    let paris = by_context
        .iter()
        .find(|(t, _)| t == "Paris")
        .map(|(_, r)| summary(r));
    assert_eq!(
        paris.flatten().map(|s| s.1),
        Some("US"),
        "other Texan places in the document"
    );
}

#[test]
fn accents_and_alternate_names() {
    let names = [
        "Michoacan",
        "Ciudad de México",
        "Zurich",
        "Québec",
        "Bombay",
    ];
    let text = "Michoacan; Ciudad de México; Zurich; Québec; Bombay";
    let got = resolve(text, &names);
    let countries: Vec<&str> = got
        .iter()
        .map(|(_, r)| r.as_ref().map_or("-", |r| r.country.as_str()))
        .collect();
    assert_eq!(countries, ["MX", "MX", "CH", "CA", "IN"]);
}

#[test]
fn spanish_names_and_demonyms() {
    let text = "El gobierno mexicano y las autoridades de EE.UU. hablaron con Alemania y \
                con funcionarios estadounidenses sobre Centroamérica.";
    let got = resolve(
        text,
        &[
            "mexicano",
            "EE.UU.",
            "Alemania",
            "estadounidenses",
            "Centroamérica",
        ],
    );
    let found: Vec<(&str, Option<&str>)> = got
        .iter()
        .map(|(t, r)| (t.as_str(), r.as_ref().map(|r| r.name.as_str())))
        .collect();
    assert_eq!(
        found,
        [
            ("mexicano", Some("Mexico")),
            ("EE.UU.", Some("United States")),
            ("Alemania", Some("Germany")),
            ("estadounidenses", Some("United States")),
            ("Centroamérica", Some("Central America")),
        ]
    );
}

#[test]
fn a_place_not_in_the_gazetteer_is_unresolved() {
    let got = resolve(
        "Ships left Xqzvbrgh Harbour for Vesperholm.",
        &["Xqzvbrgh Harbour", "Vesperholm"],
    );
    assert!(got.iter().all(|(_, r)| r.is_none()), "{got:?}");
}

#[test]
fn resolutions_serialise_to_the_output_contract() {
    let got = resolve("in Tapalpa, Jalisco", &["Tapalpa"]);
    let json = serde_json::to_value(got[0].1.as_ref()).unwrap_or_default();
    assert_eq!(json["feature"], "city");
    assert_eq!(json["precision"], "city");
    assert_eq!(json["country"], "MX");
    assert_eq!(json["admin1"], "Jalisco");
    assert!(
        json["lat"]
            .as_f64()
            .is_some_and(|lat| (19.0..21.0).contains(&lat))
    );
}

#[test]
fn seats_of_government_are_not_small_towns_of_the_same_name() {
    let text = "The White House and the Pentagon said on Monday that Washington would answer; \
                the Kremlin and Downing Street said nothing, nor did the Capitol.";
    let got = resolve(
        text,
        &[
            "White House",
            "Pentagon",
            "Kremlin",
            "Downing Street",
            "Capitol",
            "Washington",
        ],
    );
    // Towns (White House, Tennessee; Casablanca, whose alternate names include it) share it.
    assert!(GAZETTEER.lookup("White House").len() >= 2);
    for (name, resolution) in &got {
        if name == "Washington" {
            assert_eq!(summary(resolution).map(|s| s.1), Some("US"));
        } else {
            assert!(resolution.is_none(), "{name} resolved to {resolution:?}");
        }
    }
    let town = resolve(
        "A storm damaged homes in White House, Tennessee, overnight.",
        &["White House"],
    );
    assert_eq!(
        summary(&town[0].1),
        Some((FeatureKind::City, "US", Some("Tennessee")))
    );
}

#[test]
fn state_and_national_capitals_from_context() {
    let text = "Gunmen attacked Tapalpa, Jalisco, on Sunday. Troops reinforced the state \
                capital. In Mexico the capital stayed calm; Sinaloa and Sonora were quiet.";
    let names = ["Tapalpa", "Jalisco", "Mexico", "Sinaloa", "Sonora"];
    let found = mentions(text, &names);
    let geocoder = Geocoder::new(&GAZETTEER);
    let ctx = GeoContext::new(text);
    let resolutions = geocoder.resolve_document(&ctx, &found);
    let capitals: Vec<(String, String)> = geocoder
        .resolve_capital_phrases(&ctx, &found, &resolutions)
        .into_iter()
        .map(|(m, r)| (m.text, r.name))
        .collect();
    assert_eq!(
        capitals,
        [
            ("the state capital".to_string(), "Guadalajara".to_string()),
            ("the capital".to_string(), "Mexico City".to_string())
        ]
    );
    let spanish = "Los enfrentamientos siguieron en la capital del estado de Sonora.";
    let found = mentions(spanish, &["Sonora"]);
    let ctx = GeoContext::new(spanish);
    let resolutions = geocoder.resolve_document(&ctx, &found);
    let capitals = geocoder.resolve_capital_phrases(&ctx, &found, &resolutions);
    assert_eq!(
        capitals.first().map(|(_, r)| r.name.as_str()),
        Some("Hermosillo")
    );
}
