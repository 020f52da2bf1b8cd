//! How events of one scene are told apart and told again: running totals, the people of a
//! protest, what a protest is about, an act named again, dates of reports and demands, lists of
//! places, seats and destinations, and words that name no act (English and Spanish, hand-made
//! sentences).

use super::tests::{doc, places_of, summary};
use super::*;
use tessera_doc::{DatePrecision, MentionKind};

const PUBLISHED: &str = "2026-03-04"; // a Wednesday

/// A test sentence, its language, its names, and the type and mode it must code.
type Case = (
    &'static str,
    &'static str,
    &'static [(&'static str, MentionKind)],
    (EventType, Option<&'static str>),
);

/// Fails unless each case codes exactly one event, of its type and mode.
fn assert_each_codes(cases: &[Case]) {
    for &(text, lang, names, (kind, mode)) in cases {
        let events = code(text, lang, names);
        assert_eq!(
            kinds(&events),
            [(kind, mode)],
            "{text}: {:?}",
            summary(&events)
        );
    }
}

/// The events of `text`, published on [`PUBLISHED`], with `names` marked.
fn code(text: &str, lang: &str, names: &[(&str, MentionKind)]) -> Vec<Event> {
    code_events(&doc(text, lang, PUBLISHED, names))
}

fn kinds(events: &[Event]) -> Vec<(EventType, Option<&'static str>)> {
    events
        .iter()
        .map(|e| (e.kind, e.mode.map(|m| m.as_str())))
        .collect()
}

/// The first event of `kind`, or a failure listing what was coded.
fn find(events: &[Event], kind: EventType) -> &Event {
    events
        .iter()
        .find(|e| e.kind == kind)
        .unwrap_or_else(|| panic!("no {kind}: {:?}", summary(events)))
}

/// Fails unless no event is of one of `kinds` (all kinds when empty).
fn assert_none_of(text: &str, lang: &str, names: &[(&str, MentionKind)], kinds: &[EventType]) {
    let events = code(text, lang, names);
    assert!(
        events
            .iter()
            .all(|e| !kinds.is_empty() && !kinds.contains(&e.kind)),
        "{text}: {:?}",
        summary(&events)
    );
}

/// Whether an event has no date of its own (none, or only the publication's).
fn undated(event: &Event) -> bool {
    event
        .date
        .as_ref()
        .is_none_or(|d| d.precision == DatePrecision::Publication)
}

fn first_date(events: &[Event]) -> Option<&str> {
    events
        .first()
        .and_then(|e| e.date.as_ref())
        .map(|d| d.value.as_str())
}

fn no_date_is(events: &[Event], value: &str) -> bool {
    events
        .iter()
        .all(|e| e.date.as_ref().is_none_or(|d| d.value != value))
}

#[test]
fn a_running_total_is_not_an_attack() {
    let events = code(
        "Gunmen shot dead four villagers in Gao on Sunday. More than 60 people have been murdered in the region since January, officials said.",
        "en",
        &[("Gao", MentionKind::Loc)],
    );
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
    assert_none_of(
        "El vocero dijo que 17 choferes han sido asesinados en lo que va del año en Trujillo.",
        "es",
        &[("Trujillo", MentionKind::Loc)],
        &[EventType::Assault],
    );
}

#[test]
fn totals_counted_by_rank_or_by_sum_are_no_acts() {
    for text in [
        "Zambrano es el tercer alcalde asesinado en Ecuador en lo que va del año.",
        "Sinaloa acumula más de 1.100 homicidios desde septiembre.",
    ] {
        assert_none_of(text, "es", &[], &[]);
    }
}

#[test]
fn the_people_of_a_protest_are_no_protest_of_their_own() {
    let events = code(
        "Police fired tear gas at protesters in Lagos on Monday.",
        "en",
        &[("Lagos", MentionKind::Loc)],
    );
    assert_eq!(
        kinds(&events),
        [(EventType::Assault, Some("crowd-control"))],
        "{:?}",
        summary(&events)
    );
    let events = code(
        "Hundreds of protesters gathered outside parliament in Accra on Friday.",
        "en",
        &[("Accra", MentionKind::Loc)],
    );
    assert_eq!(kinds(&events), [(EventType::Protest, Some("demo"))]);
}

#[test]
fn what_a_protest_is_about_is_not_coded() {
    assert_none_of(
        "Bus drivers held a protest over the killing of a colleague in Arequipa on Tuesday.",
        "en",
        &[("Arequipa", MentionKind::Loc)],
        &[EventType::Assault],
    );
    assert_none_of(
        "Cientos de taxistas realizaron una protesta por el asesinato de un chofer en Piura.",
        "es",
        &[("Piura", MentionKind::Loc)],
        &[EventType::Assault],
    );
}

#[test]
fn a_crowd_setting_fire_riots() {
    let events = code(
        "Police said 14 protesters were arrested in Quito after some of them threw stones and set fire to a patrol car.",
        "en",
        &[("Quito", MentionKind::Loc)],
    );
    assert_eq!(find(&events, EventType::Protest).mode, Some(Mode::Riot));
    assert!(events.iter().all(|e| e.kind != EventType::Assault));
}

#[test]
fn the_specific_protest_of_a_sentence_and_a_march_ending_in_looting() {
    let events = code(
        "Demonstrations have spread to Mosul, where protesters blocked main roads with burning tyres on Sunday.",
        "en",
        &[("Mosul", MentionKind::Loc)],
    );
    assert_eq!(kinds(&events), [(EventType::Protest, Some("obstruct"))]);
    let events = code(
        "Una marcha de estudiantes reunió ayer a miles de personas en Valparaíso y terminó con saqueos a comercios.",
        "es",
        &[("Valparaíso", MentionKind::Loc)],
    );
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
fn blocked_transport_is_a_blockade() {
    let events = code(
        "Farmers blocked transport into Kisumu on Tuesday.",
        "en",
        &[("Kisumu", MentionKind::Loc)],
    );
    assert_eq!(kinds(&events), [(EventType::Protest, Some("obstruct"))]);
}

#[test]
fn places_joined_with_a_preposition_each_give_an_event() {
    let events = code(
        "El lunes, miles de maestros marcharon en Oaxaca y en Puebla.",
        "es",
        &[("Oaxaca", MentionKind::Loc), ("Puebla", MentionKind::Loc)],
    );
    assert_eq!(places_of(&events), [Some("Oaxaca"), Some("Puebla")]);
}

#[test]
fn an_act_elided_at_a_second_place_and_places_named_in_the_plural() {
    let events = code(
        "Officers arrested four suspected informants in Rigasa on Monday and two more in Zaria, he said.",
        "en",
        &[("Rigasa", MentionKind::Loc), ("Zaria", MentionKind::Loc)],
    );
    assert_eq!(places_of(&events), [Some("Rigasa"), Some("Zaria")]);
    let events = code(
        "El Gobierno decretó el estado de excepción en las provincias de Loja y Zamora.",
        "es",
        &[("Loja", MentionKind::Loc), ("Zamora", MentionKind::Loc)],
    );
    assert_eq!(places_of(&events), [Some("Loja"), Some("Zamora")]);
}

#[test]
fn a_court_named_with_its_seat_acts_there() {
    let events = code(
        "A federal judge in McAllen sentenced Osvaldo Leal to life in prison on Tuesday.",
        "en",
        &[
            ("McAllen", MentionKind::Loc),
            ("Osvaldo Leal", MentionKind::Per),
        ],
    );
    assert_eq!(
        places_of(&events),
        [Some("McAllen")],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn forces_sent_to_a_place_are_deployed_there() {
    let events = code(
        "The army sent 120 soldiers to Masugu yesterday after a landslide near Buluganya.",
        "en",
        &[
            ("Masugu", MentionKind::Loc),
            ("Buluganya", MentionKind::Loc),
        ],
    );
    let deployment = find(&events, EventType::Mobilize);
    assert_eq!(
        deployment.place.as_ref().map(|p| p.name.as_str()),
        Some("Masugu")
    );
}

#[test]
fn an_act_named_again_is_not_a_new_one() {
    for text in [
        "Police raided a warehouse in Tumaco on Monday. The chief said the Tumaco raid had been planned for months.",
        "Riot police fired tear gas at marchers in Tumaco on Monday. A lawmaker was among those hit by tear gas, she said.",
    ] {
        let events = code(text, "en", &[("Tumaco", MentionKind::Loc)]);
        assert_eq!(events.len(), 1, "{text}: {:?}", summary(&events));
    }
}

#[test]
fn after_an_act_named_again_the_sentence_s_own_act_stands() {
    let events = code(
        "Una bomba estalló en Balboa el martes. Horas después del atentado, hombres armados secuestraron a dos contratistas en San Alfonso.",
        "es",
        &[
            ("Balboa", MentionKind::Loc),
            ("San Alfonso", MentionKind::Loc),
        ],
    );
    assert!(
        events.iter().any(|e| e.mode == Some(Mode::Abduct)
            && e.place.as_ref().is_some_and(|p| p.name == "San Alfonso")),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_date_a_state_began_sets_no_scene() {
    let events = code(
        "The gang has run the port since 2019. Police arrested two of its members in Tumaco.",
        "en",
        &[("Tumaco", MentionKind::Loc)],
    );
    assert!(no_date_is(&events, "2019"), "{:?}", summary(&events));
    let events = code(
        "El frente, fundado en 2009, negó que sus integrantes hayan atacado la comisaría.",
        "es",
        &[],
    );
    assert!(no_date_is(&events, "2009"), "{:?}", summary(&events));
}

#[test]
fn the_date_a_report_was_given_is_not_the_acts() {
    let events = code(
        "La Guardia Civil detuvo a 23 personas en Algeciras, informó ayer la Subdelegación del Gobierno.",
        "es",
        &[
            ("Algeciras", MentionKind::Loc),
            ("Guardia Civil", MentionKind::Org),
        ],
    );
    let arrest = find(&events, EventType::Coerce);
    assert!(undated(arrest), "{:?}", arrest.date);
    // A verb that is itself the act ("aseguraron ayer") keeps its date.
    let events = code(
        "Agentes aseguraron ayer 60 litros de combustible en Tula.",
        "es",
        &[("Tula", MentionKind::Loc)],
    );
    assert_eq!(first_date(&events), Some("2026-03-03"));
}

#[test]
fn a_statement_is_not_dated_by_what_it_demands() {
    let events = code(
        "The union leader demanded that the company restore the bonus before Friday.",
        "en",
        &[],
    );
    let demand = find(&events, EventType::Request);
    assert!(undated(demand), "{:?}", demand.date);
    let events = code(
        "A federal grand jury indicted three men on Tuesday.",
        "en",
        &[],
    );
    assert_eq!(first_date(&events), Some("2026-03-03"));
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
        assert_none_of(text, lang, &[], &[]);
    }
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
        assert_none_of(text, lang, &[], &[EventType::Coerce, EventType::Assault]);
    }
}

#[test]
fn a_visit_is_to_a_party_not_a_site() {
    assert_none_of(
        "The labour minister visited the site on Monday.",
        "en",
        &[],
        &[EventType::Consult],
    );
    let events = code(
        "The prime minister visited Tomás Ferrer in Lima on Monday.",
        "en",
        &[
            ("Tomás Ferrer", MentionKind::Per),
            ("Lima", MentionKind::Loc),
        ],
    );
    find(&events, EventType::Consult);
}

#[test]
fn the_toll_of_an_attack_told_after_it_is_no_new_attack() {
    let events = code(
        "Hombres armados incendiaron tres viviendas en Nueva Esperanza el sábado. No se reportaron personas lesionadas.",
        "es",
        &[("Nueva Esperanza", MentionKind::Loc)],
    );
    assert_eq!(events.len(), 1, "{:?}", summary(&events));
}

#[test]
fn a_legal_action_said_to_come_is_taken_where_its_court_sits() {
    let events = code(
        "The mining company said it would appeal to the Regional Labour Tribunal (RLT) in Kitwe.",
        "en",
        &[
            ("Regional Labour Tribunal", MentionKind::Org),
            ("RLT", MentionKind::Org),
            ("Kitwe", MentionKind::Loc),
        ],
    );
    assert_eq!(
        kinds(&events),
        [(EventType::Accuse, Some("allege"))],
        "{:?}",
        summary(&events)
    );
    assert_eq!(places_of(&events), [Some("Kitwe")]);
    let events = code(
        "El sindicato dijo que impugnaría el despido ante el Tribunal Laboral de Cuenca.",
        "es",
        &[
            ("Tribunal Laboral", MentionKind::Org),
            ("Cuenca", MentionKind::Loc),
        ],
    );
    assert_eq!(
        kinds(&events),
        [(EventType::Accuse, Some("allege"))],
        "{:?}",
        summary(&events)
    );
    assert_eq!(places_of(&events), [Some("Cuenca")]);
}

#[test]
fn roads_cut_meals_refused_crossings_closed_sprays_handouts_and_arrivals_are_coded() {
    let cases: [Case; 7] = [
        (
            "Guards pepper-sprayed a dozen detainees at the Kearny center on Sunday.",
            "en",
            &[("Kearny", MentionKind::Loc)],
            (EventType::Assault, Some("crowd-control")),
        ),
        (
            "Volunteers began handing out rice and blankets to families in Tacloban.",
            "en",
            &[("Tacloban", MentionKind::Loc)],
            (EventType::Aid, Some("humanitarian")),
        ),
        (
            "Unos 200 elementos del Ejército llegaron el martes a Coahuayana.",
            "es",
            &[
                ("Ejército", MentionKind::Org),
                ("Coahuayana", MentionKind::Loc),
            ],
            (EventType::Mobilize, Some("troops")),
        ),
        (
            "Los transportistas cortaron la carretera federal 15 a la altura de Navojoa.",
            "es",
            &[("Navojoa", MentionKind::Loc)],
            (EventType::Protest, Some("obstruct")),
        ),
        (
            "Forty inmates at the jail in Harlan have refused meals since Sunday.",
            "en",
            &[("Harlan", MentionKind::Loc)],
            (EventType::Protest, Some("hunger")),
        ),
        (
            "La Guardia Nacional cerró durante tres horas la garita de Mexicali.",
            "es",
            &[
                ("Guardia Nacional", MentionKind::Org),
                ("Mexicali", MentionKind::Loc),
            ],
            (EventType::Coerce, Some("restrict")),
        ),
        (
            "The authorities cut mobile internet in Kasese on Friday.",
            "en",
            &[("Kasese", MentionKind::Loc)],
            (EventType::Coerce, Some("withhold")),
        ),
    ];
    assert_each_codes(&cases);
}

#[test]
fn violence_fled_threatened_or_seized_is_no_attack() {
    assert_none_of(
        "Most of the 300 families in the camp had fled fighting in Upper Nile state.",
        "en",
        &[("Upper Nile", MentionKind::Loc)],
        &[EventType::Assault],
    );
    assert_none_of(
        "En un mensaje, el grupo amenazó con nuevos ataques contra los transportistas de Uruapan.",
        "es",
        &[("Uruapan", MentionKind::Loc)],
        &[EventType::Assault],
    );
    let events = code(
        "En Salamanca, los agentes detuvieron a dos hombres y aseguraron tres fusiles y una granada.",
        "es",
        &[("Salamanca", MentionKind::Loc)],
    );
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault)
            && events.iter().any(|e| e.kind == EventType::Coerce),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_hazard_that_destroys_or_strikes_is_no_attack() {
    assert_none_of(
        "A second slide destroyed a clinic and six houses in Bududa, officials said.",
        "en",
        &[("Bududa", MentionKind::Loc)],
        &[EventType::Assault],
    );
    assert_none_of(
        "Las lluvias que desde el domingo golpean la sierra de Guerrero dejaron tres muertos.",
        "es",
        &[("Guerrero", MentionKind::Loc)],
        &[EventType::Assault],
    );
}

#[test]
fn a_second_verb_after_and_is_a_second_act() {
    let events = code(
        "Los comerciantes de Uruapan pidieron vigilancia y amenazaron con cerrar sus negocios.",
        "es",
        &[("Uruapan", MentionKind::Loc)],
    );
    let types: Vec<EventType> = events.iter().map(|e| e.kind).collect();
    assert_eq!(
        types,
        [EventType::Request, EventType::Threaten],
        "{:?}",
        summary(&events)
    );
    // What is asked may itself be two acts joined by "and": one request.
    let events = code(
        "The bishops urged the rebels to stop and withdraw from Kibumba.",
        "en",
        &[("Kibumba", MentionKind::Loc)],
    );
    let types: Vec<EventType> = events.iter().map(|e| e.kind).collect();
    assert_eq!(types, [EventType::Request], "{:?}", summary(&events));
}

#[test]
fn a_jury_acts_at_its_seat_and_an_opening_place_holds_for_words() {
    let events = code(
        "A federal grand jury in Tucson indicted two men on Friday on smuggling charges.",
        "en",
        &[("Tucson", MentionKind::Loc)],
    );
    assert_eq!(
        places_of(&events),
        [Some("Tucson")],
        "{:?}",
        summary(&events)
    );
    let events = code(
        "En mantas colocadas ayer en Aguililla, el grupo amenazó a los comerciantes.",
        "es",
        &[("Aguililla", MentionKind::Loc)],
    );
    assert_eq!(
        kinds(&events),
        [(EventType::Threaten, None)],
        "{:?}",
        summary(&events)
    );
    assert_eq!(places_of(&events), [Some("Aguililla")]);
    // A place the threat is about is not where it was made.
    let events = code(
        "El grupo amenazó con atacar a los comerciantes de Aguililla.",
        "es",
        &[("Aguililla", MentionKind::Loc)],
    );
    assert_eq!(places_of(&events), [None], "{:?}", summary(&events));
}

#[test]
fn the_ends_of_a_road_are_not_where_it_was_blocked() {
    let events = code(
        "Los mineros bloquearon el martes la carretera entre Oruro y Potosí en Challapata.",
        "es",
        &[
            ("Oruro", MentionKind::Loc),
            ("Potosí", MentionKind::Loc),
            ("Challapata", MentionKind::Loc),
        ],
    );
    assert_eq!(
        places_of(&events),
        [Some("Challapata")],
        "{:?}",
        summary(&events)
    );
    // With no other place, the road's ends still say roughly where.
    let events = code(
        "Truckers blocked the highway between Oruro and Potosí on Tuesday.",
        "en",
        &[("Oruro", MentionKind::Loc), ("Potosí", MentionKind::Loc)],
    );
    assert!(
        !places_of(&events).contains(&None),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn killings_captives_interceptions_suicide_attacks_vandalism_lynchings_and_bans_are_coded() {
    let cases: [Case; 9] = [
        (
            "The governor banned motorcycles across the district of Tera on Friday.",
            "en",
            &[("Tera", MentionKind::Loc)],
            (EventType::Coerce, Some("restrict")),
        ),
        (
            "El alcalde prohibió la circulación de motocicletas en el centro de Uruapan.",
            "es",
            &[("Uruapan", MentionKind::Loc)],
            (EventType::Coerce, Some("restrict")),
        ),
        (
            "Encapuchados vandalizaron la sede del Congreso en Valparaíso.",
            "es",
            &[
                ("Congreso", MentionKind::Org),
                ("Valparaíso", MentionKind::Loc),
            ],
            (EventType::Protest, Some("vandalize")),
        ),
        (
            "Pobladores lincharon a un presunto ladrón en Tlaxcala.",
            "es",
            &[("Tlaxcala", MentionKind::Loc)],
            (EventType::Assault, Some("beat")),
        ),
        (
            "Desconocidos incendiaron tres tractocamiones en la autopista a Zamora.",
            "es",
            &[("Zamora", MentionKind::Loc)],
            (EventType::Assault, Some("destroy")),
        ),
        (
            "Policías estatales abatieron a tres presuntos secuestradores en Zitácuaro.",
            "es",
            &[("Zitácuaro", MentionKind::Loc)],
            (EventType::Assault, None),
        ),
        (
            "Vecinos de Chilapa retuvieron a cuatro policías estatales durante seis horas.",
            "es",
            &[("Chilapa", MentionKind::Loc)],
            (EventType::Assault, Some("abduct")),
        ),
        (
            "The coast guard intercepted a boat carrying 900 kilograms of cocaine off Manta.",
            "en",
            &[("Manta", MentionKind::Loc)],
            (EventType::Coerce, Some("seize")),
        ),
        (
            "A suicide bomber blew himself up at a checkpoint in Baidoa on Monday.",
            "en",
            &[("Baidoa", MentionKind::Loc)],
            (EventType::Assault, Some("suicide-attack")),
        ),
    ];
    assert_each_codes(&cases);
    // An armed commando is someone.
    let events = code(
        "Un comando armado asesinó a dos hombres en un taller de Celaya.",
        "es",
        &[("Celaya", MentionKind::Loc)],
    );
    assert!(
        events.iter().any(|e| !e.actors.is_empty()),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn people_described_by_what_was_done_to_them_are_no_new_act() {
    assert_none_of(
        "Los policías retenidos pertenecen a la base de operaciones de Tixtla.",
        "es",
        &[("Tixtla", MentionKind::Loc)],
        &[EventType::Assault],
    );
    assert_none_of(
        "The Senate in Lima voted to bar three officials accused of bribery from office.",
        "en",
        &[("Senate", MentionKind::Org), ("Lima", MentionKind::Loc)],
        &[EventType::Accuse],
    );
}

#[test]
fn the_dead_an_attack_left_are_its_toll() {
    let events = code(
        "Una balacera dejó siete muertos y dos heridos en Celaya.",
        "es",
        &[("Celaya", MentionKind::Loc)],
    );
    assert_eq!(
        events.iter().map(|e| e.fatalities).collect::<Vec<_>>(),
        [Some(7)],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn denying_that_something_happened_is_no_refusal() {
    assert_none_of(
        "El delegado de Migración en Tapachula negó que los agentes hubieran golpeado a los detenidos.",
        "es",
        &[("Tapachula", MentionKind::Loc)],
        &[EventType::Reject],
    );
    let events = code(
        "Los transportistas de Oruro se negaron a retirar el bloqueo.",
        "es",
        &[("Oruro", MentionKind::Loc)],
    );
    assert!(
        events.iter().any(|e| e.kind == EventType::Reject),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn talks_named_only_by_who_knows_of_them_are_no_meeting() {
    assert_none_of(
        "Its first offer was turned down, three people familiar with the talks said.",
        "en",
        &[],
        &[EventType::Consult],
    );
    assert_none_of(
        "Según fuentes cercanas a la negociación, la oferta fue rechazada en marzo.",
        "es",
        &[],
        &[EventType::Consult],
    );
}
