//! Hand-made sentences, English and Spanish; none from a dev set.

use super::*;
use crate::Pipeline;
use tessera_doc::{Metadata, Origin, SourceRecord};

fn references(text: &str) -> Vec<(String, PlaceReferenceKind, Option<String>, FeatureKind)> {
    let pipeline = Pipeline::with_models().expect("models load");
    let doc = pipeline
        .analyse(SourceRecord {
            origin: Origin::file("test.txt"),
            meta: Metadata::default(),
            text: text.to_string(),
        })
        .expect("analysed");
    doc.place_references
        .iter()
        .map(|r| {
            (
                r.span.text(&doc.text).unwrap_or_default().to_string(),
                r.kind,
                r.place.country.clone(),
                r.place.feature,
            )
        })
        .collect()
}

fn texts(found: &[(String, PlaceReferenceKind, Option<String>, FeatureKind)]) -> Vec<&str> {
    found.iter().map(|(t, ..)| t.as_str()).collect()
}

#[test]
fn nationality_adjectives_point_at_their_countries() {
    let found = references(
        "The Peruvian ambassador met Chilean officials in Lima on Friday, a South African \
         diplomat said.",
    );
    assert!(
        found.contains(&(
            "Peruvian".into(),
            PlaceReferenceKind::Adjective,
            Some("PE".into()),
            FeatureKind::Country
        )),
        "{found:?}"
    );
    let names = texts(&found);
    assert!(names.contains(&"Chilean"), "{found:?}");
    assert!(names.contains(&"South African"), "{found:?}");
    assert!(
        !names.contains(&"Lima"),
        "a place name is a mention, not a reference"
    );
}

#[test]
fn spanish_adjectives_in_lower_case() {
    let found = references(
        "El embajador colombiano se reunió el martes con autoridades guatemaltecas en la \
         capital.",
    );
    let names = texts(&found);
    assert!(names.contains(&"colombiano"), "{found:?}");
    assert!(names.contains(&"guatemaltecas"), "{found:?}");
}

#[test]
fn places_inside_the_names_of_organisations() {
    let found = references(
        "Officers of the Ohio State Highway Patrol and a spokesman for the Government of \
         Manitoba spoke to CBC Vancouver on Tuesday.",
    );
    let names = texts(&found);
    for place in ["Ohio", "Manitoba", "Vancouver"] {
        assert!(names.contains(&place), "{place}: {found:?}");
    }
    assert!(
        found
            .iter()
            .all(|(_, kind, ..)| *kind == PlaceReferenceKind::WithinName)
    );
}

#[test]
fn spanish_bodies_named_after_their_states() {
    let found = references(
        "La Universidad de Sonora y la Fiscalía de Jalisco firmaron un convenio el lunes.",
    );
    let names = texts(&found);
    assert!(names.contains(&"Sonora"), "{found:?}");
    assert!(names.contains(&"Jalisco"), "{found:?}");
}

#[test]
fn hyphenated_pairs_but_not_hyphenated_places() {
    let found = references("Chile-Peru trade talks resumed in Guinea-Bissau on Monday.");
    let names = texts(&found);
    assert!(names.contains(&"Chile"), "{found:?}");
    assert!(names.contains(&"Peru"), "{found:?}");
    assert!(!names.contains(&"Guinea"), "{found:?}");
    assert!(!names.contains(&"Bissau"), "{found:?}");
}

#[test]
fn names_of_people_give_no_place() {
    // The tagger reads the first as a place: its second word is no common word, so the name
    // is not split.
    let found = references(
        "Victoria Hale and Chad Brennan told reporters on Monday that the road was closed.",
    );
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn institutions_named_by_their_role_give_no_place() {
    let found =
        references("The Supreme Court and the Justice Department rejected the appeal on Monday.");
    assert!(found.is_empty(), "{found:?}");
}
