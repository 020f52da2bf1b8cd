//! Names the tagger gets half right, repaired through the whole pipeline: a common lower-case
//! word inside a tagged name ends it, sentences written all in capitals or without capitals
//! still give their names, and facility names cut short are finished. The texts are our own.

mod common;

use tessera_engine::Pipeline;

/// (kind, name) of every entity found in `text`.
fn entities(pipeline: &Pipeline, text: &str) -> Vec<(String, String)> {
    common::analyse_text(pipeline, text)
        .entities
        .iter()
        .map(|e| (e.kind.to_string(), e.name.clone()))
        .collect()
}

fn names(found: &[(String, String)]) -> Vec<&str> {
    found.iter().map(|(_, name)| name.as_str()).collect()
}

#[test]
fn a_verb_inside_a_tagged_name_ends_it() {
    let pipeline = Pipeline::with_models().expect("models load");
    let found = entities(
        &pipeline,
        "Desde ayer, 200 elementos de la Guardia Nacional resguardan Piedra Blanca y el municipio de Elota.",
    );
    let names = names(&found);
    assert!(names.contains(&"Guardia Nacional"), "{found:?}");
    assert!(
        names.iter().all(|n| !n.contains("resguardan")),
        "no name holds the verb: {found:?}"
    );
}

#[test]
fn sentences_in_capitals_still_give_their_names() {
    let pipeline = Pipeline::with_models().expect("models load");
    let found = entities(
        &pipeline,
        "POLICE ARRESTED 12 PEOPLE IN BIBIANI AND SEFWI WIAWSO ON FRIDAY, THE REGIONAL COMMANDER, KOFI ANTWI-BOASIAKO, SAID. HE SAID THE SUSPECTS WOULD APPEAR IN COURT IN KUMASI.",
    );
    let names = names(&found);
    for expected in ["BIBIANI", "KOFI ANTWI-BOASIAKO", "KUMASI"] {
        assert!(names.contains(&expected), "{expected} in {found:?}");
    }
    // Common words stay common: no "FRIDAY" person, no "SUSPECTS" organisation.
    assert!(
        found
            .iter()
            .all(|(kind, name)| !(name == "SUSPECTS" || (kind == "PER" && name == "FRIDAY"))),
        "{found:?}"
    );
}

#[test]
fn facility_names_cut_short_are_finished() {
    let pipeline = Pipeline::with_models().expect("models load");
    let found = entities(
        &pipeline,
        "Officers seized 40 kilos of methamphetamine at the Lukeville Port of Entry on Friday, the agency said.",
    );
    assert!(
        names(&found).contains(&"Lukeville Port of Entry"),
        "{found:?}"
    );
}
