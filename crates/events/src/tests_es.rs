//! Spanish event rules on hand-made documents.

use super::tests::{assert_coded, doc, places_of, summary};
use super::*;
use tessera_doc::MentionKind;

const PUBLISHED: &str = "2026-04-29"; // un miércoles

#[test]
fn spanish_inflections_and_arguments() {
    let d = doc(
        "Elementos de la Guardia Nacional detuvieron a tres presuntos integrantes del cártel en Hermosillo el pasado sábado.",
        "es",
        PUBLISHED,
        &[
            ("Guardia Nacional", MentionKind::Org),
            ("Hermosillo", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let e = events.first().unwrap_or_else(|| panic!("nothing coded"));
    assert_eq!(
        (e.kind, e.mode.map(|m| m.as_str())),
        (EventType::Coerce, Some("arrest"))
    );
    assert_eq!(
        e.place.as_ref().map(|p| p.name.as_str()),
        Some("Hermosillo")
    );
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-04-25")
    );
    assert!(e.contexts.contains(&Context::Crime));
    assert_eq!(e.claim.certainty, Certainty::Alleged, "presuntos");
}

#[test]
fn spanish_list_of_places_and_future_strike() {
    let d = doc(
        "La CGT convocó a un paro nacional para el lunes en Buenos Aires, Córdoba y Rosario.",
        "es",
        PUBLISHED,
        &[
            ("CGT", MentionKind::Org),
            ("Buenos Aires", MentionKind::Loc),
            ("Córdoba", MentionKind::Loc),
            ("Rosario", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert_eq!(events.len(), 3, "{:?}", summary(&events));
    assert!(
        events
            .iter()
            .all(|e| e.kind == EventType::Protest && e.contexts.contains(&Context::Future))
    );
    assert_eq!(events[0].actors[0].name, "CGT");
}

#[test]
fn spanish_denial_and_reported_deaths() {
    let d = doc(
        "El Ejército Nacional negó ayer que sus aeronaves hayan bombardeado la vereda La Esperanza, donde según la Defensoría del Pueblo tres personas murieron tras las explosiones.",
        "es",
        PUBLISHED,
        &[
            ("Ejército Nacional", MentionKind::Org),
            ("La Esperanza", MentionKind::Loc),
            ("Defensoría del Pueblo", MentionKind::Org),
        ],
    );
    let events = code_events(&d);
    let bombed = events
        .iter()
        .find(|e| e.mode.map(|m| m.as_str()) == Some("aerial"));
    let bombed = bombed.unwrap_or_else(|| panic!("{:?}", summary(&events)));
    assert_eq!(bombed.claim.certainty, Certainty::Denied);
    assert!(bombed.contexts.contains(&Context::Negation));
}

#[test]
fn spanish_blockades_by_criminals_are_coercion() {
    let d = doc(
        "Integrantes del cártel bloquearon carreteras en Apatzingán con vehículos incendiados.",
        "es",
        PUBLISHED,
        &[("Apatzingán", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let e = events.first().unwrap_or_else(|| panic!("nothing coded"));
    assert_eq!(
        (e.kind, e.mode.map(|m| m.as_str())),
        (EventType::Coerce, Some("restrict"))
    );
    assert!(e.contexts.contains(&Context::Disruption) || e.contexts.contains(&Context::Crime));
}

#[test]
fn spanish_places_named_again_and_protest_purposes() {
    let d = doc(
        "Transportistas bloquearon las carreteras en Tepic y Compostela para exigir seguridad. \
         La Guardia Nacional desplegó 300 efectivos en ambas ciudades.",
        "es",
        PUBLISHED,
        &[
            ("Tepic", MentionKind::Loc),
            ("Compostela", MentionKind::Loc),
            ("Guardia Nacional", MentionKind::Org),
        ],
    );
    let events = code_events(&d);
    // The demand the blockade is for is coded too, made by those who block.
    let demand = events
        .iter()
        .find(|e| e.kind == EventType::Request)
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    let actors: Vec<&str> = demand.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Transportistas"], "{:?}", summary(&events));
    let deployed: Vec<Option<&str>> = events
        .iter()
        .filter(|e| e.kind == EventType::Mobilize)
        .map(|e| e.place.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(
        deployed,
        [Some("Tepic"), Some("Compostela")],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn spanish_places_inside_a_municipality_are_the_specific_ones() {
    let d = doc(
        "Un grupo armado atacó el lunes las comunidades de El Naranjo y La Higuera, en el \
         municipio de Tepalcatepec.",
        "es",
        PUBLISHED,
        &[
            ("El Naranjo", MentionKind::Loc),
            ("La Higuera", MentionKind::Loc),
            ("Tepalcatepec", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let places: Vec<Option<&str>> = events
        .iter()
        .map(|e| e.place.as_ref().map(|p| p.name.as_str()))
        .collect();
    assert_eq!(places, [Some("El Naranjo"), Some("La Higuera")]);
}

#[test]
fn fixed_phrases_are_no_acts() {
    let d = doc(
        "De acuerdo con la fiscalía, sin embargo, el detenido no portaba armas.",
        "es",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    assert!(
        events
            .iter()
            .all(|e| !matches!(e.kind, EventType::Agree | EventType::Sanction)),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_deployment_without_a_date_is_not_dated_by_the_attack() {
    let d = doc(
        "Hombres armados atacaron el lunes a policías en Tixcal. La Guardia Nacional desplegó 200 elementos en Tixcal.",
        "es",
        PUBLISHED,
        &[
            ("Tixcal", MentionKind::Loc),
            ("Guardia Nacional", MentionKind::Org),
        ],
    );
    let events = code_events(&d);
    let deployment = events
        .iter()
        .find(|e| e.kind == EventType::Mobilize)
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    assert_ne!(
        deployment.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-04-27"),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_span_of_time_opening_a_sentence_is_no_actor() {
    let d = doc(
        "Horas después, la Policía Estatal detuvo a dos sospechosos en Villa Clara.",
        "es",
        PUBLISHED,
        &[
            ("Policía Estatal", MentionKind::Org),
            ("Villa Clara", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let arrest = events.first().unwrap_or_else(|| panic!("nothing coded"));
    let actors: Vec<&str> = arrest.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Policía Estatal"], "{:?}", summary(&events));
}

#[test]
fn a_settlement_inside_a_district_is_the_specific_place() {
    let d = doc(
        "Agentes de la Policía capturaron el lunes en el asentamiento humano Villa Sol, distrito de Carabayllo, a dos presuntos extorsionadores. Un comerciante fue asesinado en la ciudadela Los Álamos de la ciudad de Pasaje.",
        "es",
        PUBLISHED,
        &[
            ("Villa Sol", MentionKind::Loc),
            ("Carabayllo", MentionKind::Loc),
            ("Los Álamos", MentionKind::Loc),
            ("Pasaje", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert_eq!(
        places_of(&events),
        [Some("Villa Sol"), Some("Los Álamos")],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn sending_forces_named_as_a_noun_is_a_deployment() {
    let d = doc(
        "La Secretaría de Marina anunció ayer el envío de 250 elementos a la región.",
        "es",
        PUBLISHED,
        &[("Secretaría de Marina", MentionKind::Org)],
    );
    assert_coded(&code_events(&d), EventType::Mobilize);
}

#[test]
fn a_point_on_a_road_is_the_place() {
    let d = doc(
        "Transportistas bloquearon ayer la autopista a la altura de Palmillas, en el estado de Querétaro.",
        "es",
        PUBLISHED,
        &[
            ("Palmillas", MentionKind::Loc),
            ("Querétaro", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let e = events.first().unwrap_or_else(|| panic!("nothing coded"));
    assert_eq!(
        e.place.as_ref().map(|p| p.name.as_str()),
        Some("Palmillas"),
        "{:?}",
        summary(&events)
    );
}

/// The names of the actors and of the recipients of the first event coded in a sentence in
/// `lang` naming one town.
fn first_roles(text: &str, lang: &str, town: &str) -> (Vec<String>, Vec<String>) {
    let d = doc(text, lang, PUBLISHED, &[(town, MentionKind::Loc)]);
    let events = code_events(&d);
    let e = events.first().unwrap_or_else(|| panic!("nothing coded"));
    let names = |list: &[tessera_doc::Participant]| list.iter().map(|p| p.name.clone()).collect();
    (names(&e.actors), names(&e.recipients))
}

#[test]
fn people_named_by_what_they_do_or_are_called_are_recipients() {
    // Police wording ("sujetos", "individuos") and people named by what they were doing.
    let (_, recipients) = first_roles(
        "Policías estatales detuvieron a dos sujetos en Tepic el domingo.",
        "es",
        "Tepic",
    );
    assert_eq!(recipients, ["dos sujetos"]);
    let (_, recipients) = first_roles(
        "Riot police detained 40 marchers outside parliament in Quito on Friday.",
        "en",
        "Quito",
    );
    assert_eq!(recipients, ["40 marchers"]);
}

#[test]
fn the_cause_of_a_protest_is_not_who_protests() {
    // After a noun, "por" gives the cause; "por parte de" would give who acts.
    let d = doc(
        "Cientos de mototaxistas pararon sus unidades en Oaxaca en protesta por el asesinato de dos taxistas.",
        "es",
        PUBLISHED,
        &[("Oaxaca", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(!events.is_empty(), "nothing coded");
    for e in &events {
        assert!(
            e.actors.iter().all(|p| !p.name.contains("asesinato")),
            "the cause taken as an actor: {:?}",
            summary(&events)
        );
    }
}

/// The actors of the first event coded in a Spanish sentence naming one town.
fn first_actors(text: &str, town: &str) -> Vec<String> {
    first_roles(text, "es", town).0
}

#[test]
fn a_place_after_por_is_where_not_who() {
    assert_eq!(
        first_actors(
            "Cientos de trabajadores marcharon por las calles de Culiacán el martes.",
            "Culiacán"
        ),
        ["Cientos de trabajadores"]
    );
}

#[test]
fn modifiers_joined_by_y_stay_in_one_subject() {
    assert_eq!(
        first_actors(
            "El viernes, policías municipales y estatales detuvieron a cuatro hombres en Mazatlán.",
            "Mazatlán"
        ),
        ["policías municipales y estatales"]
    );
}
