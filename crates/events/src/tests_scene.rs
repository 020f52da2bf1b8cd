//! How events of one scene are told apart and told again: running totals, the people of a
//! protest, what a protest is about, an act named again, and lists of places (English and
//! Spanish, hand-made sentences).

use super::tests::{doc, places_of, summary};
use super::*;
use tessera_doc::{DatePrecision, MentionKind};

const PUBLISHED: &str = "2026-03-04"; // a Wednesday

fn kinds(events: &[Event]) -> Vec<(EventType, Option<&'static str>)> {
    events
        .iter()
        .map(|e| (e.kind, e.mode.map(|m| m.as_str())))
        .collect()
}

#[test]
fn a_running_total_is_not_an_attack() {
    let d = doc(
        "Gunmen shot dead four villagers in Gao on Sunday. More than 60 people have been murdered in the region since January, officials said.",
        "en",
        PUBLISHED,
        &[("Gao", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
    let d = doc(
        "El vocero dijo que 17 choferes han sido asesinados en lo que va del año en Trujillo.",
        "es",
        PUBLISHED,
        &[("Trujillo", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn the_people_of_a_protest_are_no_protest_of_their_own() {
    let d = doc(
        "Police fired tear gas at protesters in Lagos on Monday.",
        "en",
        PUBLISHED,
        &[("Lagos", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(
        kinds(&events),
        [(EventType::Assault, Some("crowd-control"))],
        "{:?}",
        summary(&events)
    );
    let d = doc(
        "Hundreds of protesters gathered outside parliament in Accra on Friday.",
        "en",
        PUBLISHED,
        &[("Accra", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(kinds(&events), [(EventType::Protest, Some("demo"))]);
}

#[test]
fn what_a_protest_is_about_is_not_coded() {
    let d = doc(
        "Bus drivers held a protest over the killing of a colleague in Arequipa on Tuesday.",
        "en",
        PUBLISHED,
        &[("Arequipa", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault),
        "{:?}",
        summary(&events)
    );
    let d = doc(
        "Cientos de taxistas realizaron una protesta por el asesinato de un chofer en Piura.",
        "es",
        PUBLISHED,
        &[("Piura", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_crowd_setting_fire_riots() {
    let d = doc(
        "Police said 14 protesters were arrested in Quito after some of them threw stones and set fire to a patrol car.",
        "en",
        PUBLISHED,
        &[("Quito", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events
            .iter()
            .any(|e| e.kind == EventType::Protest && e.mode == Some(Mode::Riot)),
        "{:?}",
        summary(&events)
    );
    assert!(events.iter().all(|e| e.kind != EventType::Assault));
}

#[test]
fn the_specific_protest_of_a_sentence_and_a_march_ending_in_looting() {
    let d = doc(
        "Demonstrations have spread to Mosul, where protesters blocked main roads with burning tyres on Sunday.",
        "en",
        PUBLISHED,
        &[("Mosul", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(kinds(&events), [(EventType::Protest, Some("obstruct"))]);
    let d = doc(
        "Una marcha de estudiantes reunió ayer a miles de personas en Valparaíso y terminó con saqueos a comercios.",
        "es",
        PUBLISHED,
        &[("Valparaíso", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(
        kinds(&events),
        [
            (EventType::Protest, Some("demo")),
            (EventType::Protest, Some("riot"))
        ],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn places_joined_with_a_preposition_each_give_an_event() {
    let d = doc(
        "El lunes, miles de maestros marcharon en Oaxaca y en Puebla.",
        "es",
        PUBLISHED,
        &[("Oaxaca", MentionKind::Loc), ("Puebla", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(places_of(&events), [Some("Oaxaca"), Some("Puebla")]);
}

#[test]
fn an_act_named_again_is_not_a_new_one() {
    let d = doc(
        "Police raided a warehouse in Tumaco on Monday. The chief said the Tumaco raid had been planned for months.",
        "en",
        PUBLISHED,
        &[("Tumaco", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
    let d = doc(
        "Riot police fired tear gas at marchers in Accra on Monday. A lawmaker was among those hit by tear gas, she said.",
        "en",
        PUBLISHED,
        &[("Accra", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
}

#[test]
fn a_date_a_state_began_sets_no_scene() {
    let d = doc(
        "The gang has run the port since 2019. Police arrested two of its members in Tumaco.",
        "en",
        PUBLISHED,
        &[("Tumaco", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events
            .iter()
            .all(|e| e.date.as_ref().is_none_or(|d| d.value != "2019")),
        "{:?}",
        events.iter().map(|e| &e.date).collect::<Vec<_>>()
    );
}

#[test]
fn the_date_a_report_was_given_is_not_the_acts() {
    let d = doc(
        "La Guardia Civil detuvo a 23 personas en Algeciras, informó ayer la Subdelegación del Gobierno.",
        "es",
        PUBLISHED,
        &[
            ("Algeciras", MentionKind::Loc),
            ("Guardia Civil", MentionKind::Org),
        ],
    );
    let events = code_events(&d);
    let arrest = events
        .iter()
        .find(|e| e.kind == EventType::Coerce)
        .unwrap_or_else(|| panic!("no arrest: {:?}", summary(&events)));
    assert!(
        arrest
            .date
            .as_ref()
            .is_none_or(|d| d.precision == DatePrecision::Publication),
        "{:?}",
        arrest.date
    );
    // A verb that is itself the act ("aseguraron ayer") keeps its date.
    let d = doc(
        "Agentes aseguraron ayer 60 litros de combustible en Tula.",
        "es",
        PUBLISHED,
        &[("Tula", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(
        events
            .first()
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value.as_str()),
        Some("2026-03-03")
    );
}

#[test]
fn a_statement_is_not_dated_by_what_it_demands() {
    let d = doc(
        "The union leader demanded that the company restore the bonus before Friday.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    let demand = events
        .iter()
        .find(|e| e.kind == EventType::Request)
        .unwrap_or_else(|| panic!("no demand: {:?}", summary(&events)));
    assert!(
        demand
            .date
            .as_ref()
            .is_none_or(|d| d.precision == DatePrecision::Publication),
        "{:?}",
        demand.date
    );
    let d = doc(
        "A federal grand jury indicted three men on Tuesday.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    assert_eq!(
        events
            .first()
            .and_then(|e| e.date.as_ref())
            .map(|d| d.value.as_str()),
        Some("2026-03-03")
    );
}

#[test]
fn the_press_s_own_words_and_fixed_phrases_name_no_act() {
    for (text, lang) in [
        ("The company did not respond to requests for comment.", "en"),
        ("A spokesman for the company declined to comment.", "en"),
        (
            "La empresa no respondió a solicitudes de comentarios.",
            "es",
        ),
        (
            "El jefe de la banda cumple una condena de 20 años en Támara.",
            "es",
        ),
        (
            "La concesión de una mina de níquel en Izabal vence en 2030.",
            "es",
        ),
        (
            "El decreto rige 60 días, lo que permite a los comercios abrir de noche.",
            "es",
        ),
    ] {
        let events = code_events(&doc(text, lang, PUBLISHED, &[]));
        assert!(events.is_empty(), "{text}: {:?}", summary(&events));
    }
}

#[test]
fn a_visit_is_to_a_party_not_a_site() {
    let d = doc(
        "The labour minister visited the site on Monday.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Consult),
        "{:?}",
        summary(&events)
    );
    let d = doc(
        "The prime minister visited Tomás Ferrer in Lima on Monday.",
        "en",
        PUBLISHED,
        &[
            ("Tomás Ferrer", MentionKind::Per),
            ("Lima", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert!(
        events.iter().any(|e| e.kind == EventType::Consult),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn blocked_transport_is_a_blockade() {
    let d = doc(
        "Farmers blocked transport into Kisumu on Tuesday.",
        "en",
        PUBLISHED,
        &[("Kisumu", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(kinds(&events), [(EventType::Protest, Some("obstruct"))]);
}

#[test]
fn an_act_elided_at_a_second_place_and_places_named_in_the_plural() {
    let d = doc(
        "Officers arrested four suspected informants in Rigasa on Monday and two more in Zaria, he said.",
        "en",
        PUBLISHED,
        &[("Rigasa", MentionKind::Loc), ("Zaria", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(places_of(&events), [Some("Rigasa"), Some("Zaria")]);
    let d = doc(
        "El Gobierno decretó el estado de excepción en las provincias de Loja y Zamora.",
        "es",
        PUBLISHED,
        &[("Loja", MentionKind::Loc), ("Zamora", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(places_of(&events), [Some("Loja"), Some("Zamora")]);
}

#[test]
fn after_an_act_named_again_the_sentence_s_own_act_stands() {
    let d = doc(
        "Una bomba estalló en Balboa el martes. Horas después del atentado, hombres armados secuestraron a dos contratistas en San Alfonso.",
        "es",
        PUBLISHED,
        &[
            ("Balboa", MentionKind::Loc),
            ("San Alfonso", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert!(
        events.iter().any(|e| e.mode == Some(Mode::Abduct)
            && e.place.as_ref().is_some_and(|p| p.name == "San Alfonso")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn said_averted_and_attributive_words_name_no_act() {
    for (text, lang) in [
        (
            "El ministro aseguró que el Estado pagó a los proveedores.",
            "es",
        ),
        (
            "La Defensoría pidió instalar una mesa para evitar nuevos enfrentamientos.",
            "es",
        ),
        (
            "Doctors said injured teachers were being treated at the hospital.",
            "en",
        ),
    ] {
        let events = code_events(&doc(text, lang, PUBLISHED, &[]));
        assert!(
            events
                .iter()
                .all(|e| !matches!(e.kind, EventType::Coerce | EventType::Assault)),
            "{text}: {:?}",
            summary(&events)
        );
    }
}

#[test]
fn totals_counted_by_rank_or_by_sum_are_no_acts() {
    for text in [
        "Zambrano es el tercer alcalde asesinado en Ecuador en lo que va del año.",
        "Sinaloa acumula más de 1.100 homicidios desde septiembre.",
    ] {
        let events = code_events(&doc(text, "es", PUBLISHED, &[]));
        assert!(events.is_empty(), "{text}: {:?}", summary(&events));
    }
}

#[test]
fn a_founding_year_dates_no_act() {
    let d = doc(
        "El frente, fundado en 2009, negó que sus integrantes hayan atacado la comisaría.",
        "es",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    assert!(
        events
            .iter()
            .all(|e| e.date.as_ref().is_none_or(|d| d.value != "2009")),
        "{:?}",
        events.iter().map(|e| &e.date).collect::<Vec<_>>()
    );
}

#[test]
fn a_court_named_with_its_seat_acts_there() {
    let d = doc(
        "A federal judge in McAllen sentenced Osvaldo Leal to life in prison on Tuesday.",
        "en",
        PUBLISHED,
        &[
            ("McAllen", MentionKind::Loc),
            ("Osvaldo Leal", MentionKind::Per),
        ],
    );
    let events = code_events(&d);
    assert_eq!(
        places_of(&events),
        [Some("McAllen")],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn forces_sent_to_a_place_are_deployed_there() {
    let d = doc(
        "The army sent 120 soldiers to Masugu yesterday after a landslide near Buluganya.",
        "en",
        PUBLISHED,
        &[
            ("Masugu", MentionKind::Loc),
            ("Buluganya", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let deployment = events
        .iter()
        .find(|e| e.kind == EventType::Mobilize)
        .unwrap_or_else(|| panic!("no deployment: {:?}", summary(&events)));
    assert_eq!(
        deployment.place.as_ref().map(|p| p.name.as_str()),
        Some("Masugu")
    );
}
