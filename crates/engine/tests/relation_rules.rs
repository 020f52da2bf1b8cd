//! Relations stated by the words around names, through the whole pipeline: places within
//! places ("X, en el municipio de Y", "X district of Y", "Y's X region", "X, the capital of Y"),
//! membership ("X of the Y party", "X, del Y"), factions ("Y, a splinter group of X"), a place
//! tagged once as an organisation, a facility in its town ("el Estadio X, en Y"), and a national
//! title anchored to the one country named. The texts are our own.

use std::collections::HashSet;
use tessera_engine::doc::{Metadata, Origin, SourceRecord};
use tessera_engine::{Pipeline, extraction};

/// (subject, predicate, object) by entity name (or value).
fn relations(pipeline: &Pipeline, text: &str) -> HashSet<(String, String, String)> {
    let doc = pipeline
        .analyse(SourceRecord {
            origin: Origin::file("test.txt".to_string()),
            meta: Metadata::default(),
            text: text.to_string(),
        })
        .expect("analysed");
    let got = extraction(&doc);
    let name = |id: &str| {
        got.entities
            .iter()
            .find(|e| e.id == id)
            .map_or(id.to_string(), |e| e.name.clone())
    };
    got.relations
        .iter()
        .map(|r| (name(&r.subject), r.predicate.to_string(), name(&r.object)))
        .collect()
}

fn has(found: &HashSet<(String, String, String)>, s: &str, p: &str, o: &str) -> bool {
    found.contains(&(s.to_string(), p.to_string(), o.to_string()))
}

#[test]
fn places_within_places() {
    let pipeline = Pipeline::with_models().expect("models load");
    let es = relations(
        &pipeline,
        "Dos policías murieron el martes en Tepalcatepec, en el municipio de Apatzingán, \
         Michoacán, informó la Fiscalía. Otro agente resultó herido en Zamora, en Michoacán.",
    );
    assert!(
        has(&es, "Tepalcatepec", "located_in", "Apatzingán"),
        "{es:?}"
    );
    let en = relations(
        &pipeline,
        "Floods cut roads in Chatara district of Sunsari province on Monday. Rescuers also \
         reached Pokhara, the capital of Gandaki, officials said. Nepal's Karnali region was \
         spared.",
    );
    assert!(has(&en, "Pokhara", "located_in", "Gandaki"), "{en:?}");
    assert!(has(&en, "Karnali", "located_in", "Nepal"), "{en:?}");
}

#[test]
fn members_and_factions() {
    let pipeline = Pipeline::with_models().expect("models load");
    let en = relations(
        &pipeline,
        "The vote went to Peter Odhiambo of the opposition Green Dawn Party, officials said. \
         Police blamed the Red Scorpions, a splinter group of the Black Hand gang, for the raid.",
    );
    assert!(
        has(&en, "Peter Odhiambo", "member_of", "Green Dawn Party"),
        "{en:?}"
    );
    assert!(has(&en, "Red Scorpions", "part_of", "Black Hand"), "{en:?}");
    let es = relations(
        &pipeline,
        "El tribunal proclamó a Marta Quispe Huanca, del Frente Amplio Andino, como alcaldesa. \
         La Fiscalía atribuyó el ataque a Los Halcones, el brazo armado del Cártel del Norte.",
    );
    assert!(
        has(
            &es,
            "Marta Quispe Huanca",
            "member_of",
            "Frente Amplio Andino"
        ),
        "{es:?}"
    );
    assert!(
        has(&es, "Los Halcones", "part_of", "Cártel del Norte"),
        "{es:?}"
    );
    // Staff of a state body hold roles; they are not members.
    let staff = relations(
        &pipeline,
        "Jorge Salas of the National Police said the road was closed.",
    );
    assert!(!staff.iter().any(|(_, p, _)| p == "member_of"), "{staff:?}");
}

#[test]
fn titles_find_what_they_hold() {
    let pipeline = Pipeline::with_models().expect("models load");
    // A portfolio is part of the title, not an organisation.
    let es = relations(
        &pipeline,
        "El ministro de Minería, Rolando Paz Quiroga, visitó ayer la planta de Oruro, en \
         Bolivia.",
    );
    assert!(
        has(
            &es,
            "Rolando Paz Quiroga",
            "holds_role",
            "ministro de Minería"
        ),
        "{es:?}"
    );
    // A body named by a common noun in the title; a governor's state.
    let en = relations(
        &pipeline,
        "Officers of the Highland State Police detained four men near Durango on Friday. \
         The police director, Samuel Ortega Ríos, said the men carried rifles. Governor \
         Alicia Fuentes Mora said Durango would send more patrols to the mountains of Durango.",
    );
    assert!(
        has(
            &en,
            "Samuel Ortega Ríos",
            "holds_role",
            "Highland State Police"
        ),
        "{en:?}"
    );
}

#[test]
fn facilities_stand_in_their_towns() {
    let pipeline = Pipeline::with_models().expect("models load");
    let es = relations(
        &pipeline,
        "Dos aficionados resultaron heridos el sábado en el Estadio Cuauhtémoc, en Puebla, tras \
         el partido, informó la policía municipal.",
    );
    assert!(
        has(&es, "Estadio Cuauhtémoc", "located_in", "Puebla"),
        "{es:?}"
    );
    let en = relations(
        &pipeline,
        "Officers found 40 pounds of methamphetamine in a pickup at the DeConcini Port of Entry \
         in Nogales on Monday, the agency said.",
    );
    assert!(
        has(&en, "DeConcini Port of Entry", "located_in", "Nogales"),
        "{en:?}"
    );
}
