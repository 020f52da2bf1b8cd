//! English event rules on hand-made documents (segmented for real, names marked by hand as a
//! recogniser would).

use super::*;
use tessera_doc::{Entity, Mention, MentionKind, Metadata, Origin, SourceRecord};

/// A document of `text` published on `published` with each of `names` marked as a mention
/// (every occurrence) of one entity of its kind.
pub(crate) fn doc(
    text: &str,
    lang: &str,
    published: &str,
    names: &[(&str, MentionKind)],
) -> Document {
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("test"),
        meta: Metadata {
            published: chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
            ..Metadata::default()
        },
        text: text.into(),
    });
    let lang = tessera_doc::Lang::parse(lang);
    doc.lang = lang.map(|code| tessera_doc::Language {
        code,
        confidence: 1.0,
    });
    doc.set_segmentation(tessera_segment::segment(text, lang));
    doc.values =
        tessera_time::find_values(&tessera_doc::DocView::new(&doc), lang, doc.meta.published);
    for (name, kind) in names {
        let mut entity = Entity::new(*kind, *name);
        let mut from = 0;
        while let Some(offset) = text[from..].find(name) {
            let start = from + offset;
            let span = Span::new(start, start + name.len());
            doc.mentions.push(Mention {
                entity: Some(doc.entities.len() as u32),
                ..Mention::new(span, *kind)
            });
            entity.mentions.push(span);
            from = start + name.len();
        }
        doc.entities.push(entity);
    }
    doc.mentions.sort_by_key(|m| m.span.start);
    doc
}

pub(crate) fn summary(events: &[Event]) -> Vec<String> {
    events
        .iter()
        .map(|e| {
            format!(
                "{} {} {:?} a={:?} r={:?} p={:?}",
                e.kind,
                e.mode.map(|m| m.as_str()).unwrap_or("-"),
                e.contexts,
                e.actors.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
                e.recipients
                    .iter()
                    .map(|p| p.name.as_str())
                    .collect::<Vec<_>>(),
                e.place.as_ref().map(|p| p.name.as_str()),
            )
        })
        .collect()
}

/// The place names of `events`, in order.
pub(crate) fn places_of(events: &[Event]) -> Vec<Option<&str>> {
    events
        .iter()
        .map(|e| e.place.as_ref().map(|p| p.name.as_str()))
        .collect()
}

/// Fails, listing what was coded, unless an event of `kind` was.
pub(crate) fn assert_coded(events: &[Event], kind: EventType) {
    assert!(
        events.iter().any(|e| e.kind == kind),
        "no {kind}: {:?}",
        summary(events)
    );
}

fn first(events: &[Event]) -> &Event {
    events.first().unwrap_or_else(|| panic!("no event coded"))
}

const PUBLISHED: &str = "2026-02-24"; // a Tuesday

#[test]
fn verb_trigger_takes_subject_object_and_mode() {
    let d = doc(
        "Gunmen from the Liberation Front opened fire on soldiers near Gao on Sunday.",
        "en",
        PUBLISHED,
        &[
            ("Liberation Front", MentionKind::Org),
            ("Gao", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.kind, EventType::Assault);
    assert_eq!(e.mode.map(|m| m.as_str()), Some("firearms"));
    assert_eq!(e.actors[0].name, "Gunmen from the Liberation Front");
    assert_eq!(e.recipients[0].name, "soldiers");
    assert_eq!(e.place.as_ref().map(|p| p.name.as_str()), Some("Gao"));
    let date = e
        .date
        .as_ref()
        .map(|d| (d.value.as_str(), d.precision.as_str()));
    assert_eq!(date, Some(("2026-02-22", "day")));
}

#[test]
fn passive_puts_the_subject_as_recipient_and_by_as_actor() {
    let d = doc(
        "Two journalists were arrested by police in Lagos.",
        "en",
        PUBLISHED,
        &[("Lagos", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(
        (e.kind, e.mode.map(|m| m.as_str())),
        (EventType::Coerce, Some("arrest"))
    );
    assert_eq!(e.recipients[0].name, "Two journalists");
    assert_eq!(e.actors[0].name, "police");
    assert_eq!(e.arrested, Some(2));
}

#[test]
fn nominal_clash_between_two_sides() {
    let d = doc(
        "An armed clash between the army and rebels left five people dead.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.kind, EventType::Assault);
    let actors: Vec<&str> = e.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["army", "rebels"]);
    assert_eq!(e.fatalities, Some(5));
}

#[test]
fn a_listed_sentence_gives_one_event_per_place() {
    let d = doc(
        "Gang members attacked police stations in Lima, Cusco, and Piura.",
        "en",
        PUBLISHED,
        &[
            ("Lima", MentionKind::Loc),
            ("Cusco", MentionKind::Loc),
            ("Piura", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let places: Vec<_> = events
        .iter()
        .filter_map(|e| e.place.as_ref())
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(places, ["Lima", "Cusco", "Piura"]);
    assert!(events.iter().all(|e| e.contexts.contains(&Context::Crime)));
}

#[test]
fn negation_gives_denied_and_a_refusal_is_a_rejection() {
    let d = doc(
        "Police denied that officers had used live ammunition against protesters.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    assert!(
        events.is_empty()
            || events
                .iter()
                .all(|e| e.claim.certainty == Certainty::Denied)
    );
    let d = doc("The army did not attack the village.", "en", PUBLISHED, &[]);
    let e = code_events(&d);
    assert_eq!(first(&e).kind, EventType::Assault);
    assert!(first(&e).contexts.contains(&Context::Negation));
    assert_eq!(first(&e).claim.certainty, Certainty::Denied);
    let d = doc(
        "Syria says it will not accept more refugees.",
        "en",
        PUBLISHED,
        &[("Syria", MentionKind::Loc)],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Reject);
}

#[test]
fn a_call_to_strike_is_a_planned_protest_and_a_threat_is_hypothetical() {
    let d = doc(
        "The union called for a national strike on Monday.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(
        (e.kind, e.mode.map(|m| m.as_str())),
        (EventType::Protest, Some("strike"))
    );
    assert!(e.contexts.contains(&Context::Future));
    assert_eq!(
        e.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-03-02")
    );
    let d = doc(
        "Donald Trump urged Claudia Sheinbaum to act, warning of potential intervention if necessary.",
        "en",
        PUBLISHED,
        &[
            ("Donald Trump", MentionKind::Per),
            ("Claudia Sheinbaum", MentionKind::Per),
        ],
    );
    let events = code_events(&d);
    let kinds: Vec<_> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventType::Request, EventType::Threaten]);
    assert_eq!(events[1].actors[0].name, "Donald Trump");
    assert!(events[1].contexts.contains(&Context::Hypothetical));
}

#[test]
fn intents_and_stopping_change_the_type() {
    let d = doc(
        "Britain promised to continue military aid to Mozambique.",
        "en",
        PUBLISHED,
        &[],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Agree);
    let d = doc(
        "The rebels vowed to attack the capital.",
        "en",
        PUBLISHED,
        &[],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Threaten);
    let d = doc("Japan halted economic aid to Serbia.", "en", PUBLISHED, &[]);
    assert_eq!(first(&code_events(&d)).kind, EventType::Sanction);
}

#[test]
fn disruption_and_background_causes() {
    let d = doc(
        "Airports in Puerto Vallarta and Guadalajara experienced disruptions due to threats of violence.",
        "en",
        PUBLISHED,
        &[
            ("Puerto Vallarta", MentionKind::Loc),
            ("Guadalajara", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert_eq!(events.len(), 2, "{:?}", summary(&events));
    assert!(
        events
            .iter()
            .all(|e| e.kind == EventType::Coerce && e.contexts == [Context::Disruption])
    );
    assert!(events.iter().all(|e| e.actors.is_empty()));
}

#[test]
fn a_named_death_counts_one_and_the_dateline_is_the_fallback() {
    let d = doc(
        "Officials confirmed that Juan Pérez died from injuries sustained in the attack.",
        "en",
        PUBLISHED,
        &[("Juan Pérez", MentionKind::Per)],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.fatalities, Some(1));
    assert_eq!(e.recipients[0].name, "Juan Pérez");
    let date = e
        .date
        .as_ref()
        .map(|d| (d.value.as_str(), d.precision.as_str()));
    assert_eq!(date, Some(("2026-02-24", "publication")));
    assert_eq!(e.claim.attribution[0].name, "Officials");
}

#[test]
fn background_sentences_code_nothing() {
    let d = doc(
        "Founded in 2009, the group is considered one of the most violent. Its leader confirmed on X that he was alive.",
        "en",
        PUBLISHED,
        &[("X", MentionKind::Misc)],
    );
    assert!(
        code_events(&d).is_empty(),
        "{:?}",
        summary(&code_events(&d))
    );
}

#[test]
fn a_definite_noun_refers_to_the_organisation_of_that_kind() {
    let d = doc(
        "The Sinaloa Union Cartel grew fast. The cartel attacked police posts on Monday.",
        "en",
        "2026-03-04",
        &[("Sinaloa Union Cartel", MentionKind::Org)],
    );
    let events = code_events(&d);
    let assault = events
        .iter()
        .find(|e| e.kind == EventType::Assault)
        .expect("an assault");
    assert_eq!(assault.actors[0].entity, Some(0), "{:?}", summary(&events));
}

#[test]
fn a_wire_dateline_is_no_argument_and_its_agency_is_the_outer_source() {
    let text = "NAIROBI, Feb 22 (Reuters) - Police arrested twelve men in Kisumu, a police \
                spokesman said.";
    let mut d = doc(
        text,
        "en",
        PUBLISHED,
        &[
            ("NAIROBI", MentionKind::Loc),
            ("Reuters", MentionKind::Org),
            ("Kisumu", MentionKind::Loc),
        ],
    );
    d.dateline = tessera_segment::find_dateline(text);
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(
        (e.kind, e.mode, e.place.as_ref().map(|p| p.name.as_str())),
        (EventType::Coerce, Some(Mode::Arrest), Some("Kisumu"))
    );
    assert!(e.actors.iter().all(|a| a.name != "NAIROBI"), "{e:?}");
    assert_eq!(
        e.date.as_ref().map(|d| d.precision),
        Some(tessera_doc::DatePrecision::Publication),
        "the dateline's date is not the event's"
    );
    assert_eq!(
        e.claim.attribution.last().map(|a| a.name.as_str()),
        Some("Reuters")
    );
}

#[test]
fn deaths_in_floods_and_crashes_are_not_attacks() {
    for text in [
        "Floods killed 14 people in Bicol on Monday.",
        "Nine people died when a bus crashed near Kandy on Sunday.",
        "Una inundación dejó al menos siete muertos en Tabasco.",
    ] {
        let lang = if text.starts_with("Una") { "es" } else { "en" };
        let d = doc(text, lang, PUBLISHED, &[]);
        let events = code_events(&d);
        assert!(
            events.iter().all(|e| e.kind != EventType::Assault),
            "{text}: {events:?}"
        );
    }
    let d = doc(
        "Gunmen killed 14 people in a flooded village near Bicol on Monday.",
        "en",
        PUBLISHED,
        &[],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Assault);
}

#[test]
fn force_against_a_crowd_is_crowd_control() {
    let d = doc(
        "Police fired tear gas at protesters in Nakuru on Monday.",
        "en",
        PUBLISHED,
        &[("Nakuru", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events
            .iter()
            .any(|e| e.kind == EventType::Assault && e.mode == Some(Mode::CrowdControl)),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_seizure_and_arrests_in_one_sentence_are_two_events() {
    let d = doc(
        "Soldiers seized 40 kilos of cocaine and arrested three men in Tumaco on Monday.",
        "en",
        PUBLISHED,
        &[("Tumaco", MentionKind::Loc)],
    );
    let modes: Vec<Option<Mode>> = code_events(&d)
        .iter()
        .filter(|e| e.kind == EventType::Coerce)
        .map(|e| e.mode)
        .collect();
    assert_eq!(modes, [Some(Mode::Seize), Some(Mode::Arrest)]);
}

#[test]
fn the_ambush_told_again_is_not_a_second_event() {
    let d = doc(
        "Rebels ambushed an army convoy near Tessalit on Sunday. The ambush left five soldiers \
         dead, the army said.",
        "en",
        PUBLISHED,
        &[("Tessalit", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let assaults = events
        .iter()
        .filter(|e| e.kind == EventType::Assault)
        .count();
    assert_eq!(assaults, 1, "{:?}", summary(&events));
}

#[test]
fn a_running_total_is_not_the_events_count() {
    let d = doc(
        "Gunmen killed two farmers in Zamora on Monday, bringing to 45 the number of people \
         killed in the state so far this year.",
        "en",
        PUBLISHED,
        &[("Zamora", MentionKind::Loc)],
    );
    assert_eq!(first(&code_events(&d)).fatalities, Some(2));
}

#[test]
fn an_undated_event_goes_on_in_the_scene_before_it() {
    let d = doc(
        "Gunmen attacked a police post in Dori on Sunday. Later, soldiers arrested four \
         suspects.",
        "en",
        PUBLISHED,
        &[("Dori", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let arrest = events
        .iter()
        .find(|e| e.kind == EventType::Coerce)
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    assert_eq!(
        arrest.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-02-22")
    );
}

#[test]
fn every_coded_mode_is_one_plover_defines_for_the_type() {
    let d = doc(
        "Troops were deployed in Kidal after gunmen kidnapped two engineers; police imposed a \
         curfew, arrested six men, seized rifles and fired tear gas at a crowd. The union \
         called a strike and protesters blocked the highway.",
        "en",
        PUBLISHED,
        &[("Kidal", MentionKind::Loc)],
    );
    for e in code_events(&d) {
        assert!(
            e.mode.is_none_or(|m| m.fits(e.kind)),
            "{} {:?}",
            e.kind,
            e.mode
        );
    }
}

#[test]
fn a_fire_that_kills_workers_is_no_attack() {
    let d = doc(
        "A fire tore through a plastics factory in Bang Phli on Tuesday night, killing nine \
         workers, the governor said.",
        "en",
        PUBLISHED,
        &[("Bang Phli", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Assault),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn an_act_offered_without_a_date_is_a_promise_or_a_threat() {
    let d = doc(
        "The rebels said they would release the two hostages.",
        "en",
        PUBLISHED,
        &[],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.kind, EventType::Agree, "{:?}", summary(&events));
    assert_eq!(
        e.actors.first().map(|a| a.name.as_str()),
        Some("The rebels")
    );
    let d = doc(
        "Farmers said they were willing to block the highway to Quito.",
        "en",
        PUBLISHED,
        &[("Quito", MentionKind::Loc)],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Threaten);
    // A plan with its date stays the act, in the future.
    let d = doc(
        "The union said it would strike on Monday.",
        "en",
        PUBLISHED,
        &[],
    );
    assert_eq!(first(&code_events(&d)).kind, EventType::Protest);
}

#[test]
fn the_one_asked_owned_or_left_is_the_recipient() {
    let recipients = |text: &str, names: &[(&str, MentionKind)]| {
        let d = doc(text, "en", PUBLISHED, names);
        code_events(&d)
            .first()
            .map(|e| {
                e.recipients
                    .iter()
                    .map(|r| r.name.clone())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    assert_eq!(
        recipients(
            "Chile demanded on Friday that Bolivia reopen the border.",
            &[("Chile", MentionKind::Loc), ("Bolivia", MentionKind::Loc)]
        ),
        ["Bolivia"]
    );
    assert_eq!(
        recipients(
            "Ghana rejected Togo's proposal for a joint patrol.",
            &[("Ghana", MentionKind::Loc), ("Togo", MentionKind::Loc)]
        ),
        ["Togo"]
    );
    assert_eq!(
        recipients(
            "The army lifted the curfew in Kidal on Monday.",
            &[("Kidal", MentionKind::Loc)]
        ),
        ["Kidal"]
    );
    assert_eq!(
        recipients(
            "Peru flatly rejected a Chilean proposal for joint patrols.",
            &[("Peru", MentionKind::Loc), ("Chilean", MentionKind::Misc)]
        ),
        ["Chilean"]
    );
    assert_eq!(
        recipients(
            "The drivers' union threatened further action against the Transport Ministry.",
            &[("Transport Ministry", MentionKind::Org)]
        ),
        ["Transport Ministry"]
    );
}

#[test]
fn places_before_the_place_that_holds_them_are_the_specific_ones() {
    let d = doc(
        "Soldiers clashed with gunmen in Kalong and Merebi, in the district of Tano, on Sunday.",
        "en",
        PUBLISHED,
        &[
            ("Kalong", MentionKind::Loc),
            ("Merebi", MentionKind::Loc),
            ("Tano", MentionKind::Loc),
        ],
    );
    let places: Vec<Option<String>> = code_events(&d)
        .iter()
        .map(|e| e.place.as_ref().map(|p| p.name.clone()))
        .collect();
    assert_eq!(
        places,
        [Some("Kalong".to_string()), Some("Merebi".to_string())]
    );
}

#[test]
fn places_counted_again_are_those_of_the_last_list() {
    let d = doc(
        "Riot police broke up marches in Leeds and York on Saturday. Officers said 40 people \
         were arrested in the two cities.",
        "en",
        PUBLISHED,
        &[("Leeds", MentionKind::Loc), ("York", MentionKind::Loc)],
    );
    let arrests: Vec<Option<String>> = code_events(&d)
        .iter()
        .filter(|e| e.mode == Some(Mode::Arrest))
        .map(|e| e.place.as_ref().map(|p| p.name.clone()))
        .collect();
    assert_eq!(
        arrests,
        [Some("Leeds".to_string()), Some("York".to_string())],
        "{:?}",
        summary(&code_events(&d))
    );
}

#[test]
fn the_demand_a_protest_is_held_for_is_made_by_the_protesters() {
    let d = doc(
        "Hundreds of farmers blocked the motorway near Swansea on Monday to demand lower fuel duty.",
        "en",
        PUBLISHED,
        &[("Swansea", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let kinds: Vec<EventType> = events.iter().map(|e| e.kind).collect();
    assert_eq!(kinds, [EventType::Protest, EventType::Request]);
    let actors: Vec<&str> = events[1].actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Hundreds of farmers"], "{:?}", summary(&events));
}

#[test]
fn a_title_beside_a_named_person_is_not_a_second_actor() {
    let d = doc(
        "Tano Governor Rose Amadi asked the national government for heavy equipment on Monday.",
        "en",
        PUBLISHED,
        &[("Tano", MentionKind::Loc), ("Rose Amadi", MentionKind::Per)],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.kind, EventType::Request);
    let actors: Vec<&str> = e.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Rose Amadi"]);
}

#[test]
fn a_subject_pronoun_is_the_person_named_before_it() {
    let d = doc(
        "Opposition leader Mary Okello toured the flooded district on Monday. She accused the \
         ministry of ignoring warnings.",
        "en",
        PUBLISHED,
        &[("Mary Okello", MentionKind::Per)],
    );
    let events = code_events(&d);
    let accusation = events
        .iter()
        .find(|e| e.kind == EventType::Accuse)
        .unwrap_or_else(|| panic!("no accusation in {:?}", summary(&events)));
    let actors: Vec<&str> = accusation.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Mary Okello"]);
}

#[test]
fn an_accusation_is_not_placed_in_the_places_it_is_about() {
    let d = doc(
        "The governor accused the police of abuses in Kaduna on Monday.",
        "en",
        PUBLISHED,
        &[("Kaduna", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(e.kind, EventType::Accuse);
    assert!(e.place.is_none(), "{:?}", summary(&events));
}

#[test]
fn a_place_the_incident_is_done_to_is_where_it_happened() {
    let d = doc(
        "Striking dockers blocked the Harbourside Bridge in Port Elwood on Tuesday. Cargo stayed on the ships.",
        "en",
        "2025-03-06",
        &[
            ("Harbourside Bridge", MentionKind::Loc),
            ("Port Elwood", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let e = events.first().unwrap_or_else(|| panic!("nothing coded"));
    assert_eq!(e.kind, EventType::Protest);
    assert!(e.recipients.is_empty(), "{:?}", summary(&events));
    assert_eq!(
        e.place.as_ref().map(|p| p.name.as_str()),
        Some("Harbourside Bridge")
    );
}

#[test]
fn a_blocked_road_is_placed_at_the_town_or_the_scene() {
    let d = doc(
        "Farmers blocked the Coastal Highway near Milbury on Monday. On Tuesday they blocked the Coastal Highway again.",
        "en",
        "2025-03-06",
        &[
            ("Coastal Highway", MentionKind::Loc),
            ("Milbury", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    assert_eq!(places_of(&events), [Some("Milbury"), Some("Milbury")]);
}

#[test]
fn an_adverb_is_no_act() {
    let d = doc(
        "The soldiers pushed the crowd back into the square and went back to their barracks.",
        "en",
        "2025-03-06",
        &[],
    );
    let events = code_events(&d);
    assert!(
        events.iter().all(|e| e.kind != EventType::Support),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_generic_noun_for_a_body_is_the_body_named_before() {
    let d = doc(
        "The Coastal Border Service said on Monday it had found 300 kilos of cocaine in a container. The agency arrested two port workers in Port Elwood.",
        "en",
        "2025-03-06",
        &[
            ("Coastal Border Service", MentionKind::Org),
            ("Port Elwood", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let arrest = events
        .iter()
        .find(|e| e.mode == Some(Mode::Arrest))
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    let actors: Vec<&str> = arrest.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Coastal Border Service"]);
}

#[test]
fn members_of_a_body_act_as_the_body() {
    let d = doc(
        "Travellers were stranded after members of the Harbour Pilots Guild (HPG) walked off the job.",
        "en",
        "2025-03-06",
        &[("Harbour Pilots Guild", MentionKind::Org)],
    );
    let events = code_events(&d);
    let strike = events
        .iter()
        .find(|e| e.mode == Some(Mode::Strike))
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    let actors: Vec<&str> = strike.actors.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Harbour Pilots Guild"], "{:?}", summary(&events));
}

#[test]
fn the_charge_and_a_leading_adverb_are_no_part_of_the_recipient() {
    let d = doc(
        "The governor accused the Harbour Pilots Guild of sabotaging the port. Gunmen shot dead two guards in Milbury.",
        "en",
        "2025-03-06",
        &[
            ("Harbour Pilots Guild", MentionKind::Org),
            ("Milbury", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let recipients: Vec<Vec<&str>> = events
        .iter()
        .map(|e| e.recipients.iter().map(|p| p.name.as_str()).collect())
        .collect();
    assert_eq!(
        recipients,
        [vec!["Harbour Pilots Guild"], vec!["two guards"]],
        "{:?}",
        summary(&events)
    );
}

#[test]
fn the_forces_deployed_are_no_recipient() {
    let d = doc(
        "The Interior Ministry deployed 300 police officers to Milbury on Monday.",
        "en",
        "2025-03-06",
        &[
            ("Interior Ministry", MentionKind::Org),
            ("Milbury", MentionKind::Loc),
        ],
    );
    let events = code_events(&d);
    let deployment = first(&events);
    assert_eq!(
        deployment.kind,
        EventType::Mobilize,
        "{:?}",
        summary(&events)
    );
    assert!(deployment.recipients.is_empty(), "{:?}", summary(&events));
}

#[test]
fn a_crowd_that_loots_and_burns_riots() {
    let d = doc(
        "In the evening, groups of youths looted shops and set fire to a bank in Milbury.",
        "en",
        PUBLISHED,
        &[("Milbury", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let e = first(&events);
    assert_eq!(
        (e.kind, e.mode),
        (EventType::Protest, Some(Mode::Riot)),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_statement_between_sets_no_scene() {
    let d = doc(
        "Police raided a warehouse in Milbury on Saturday. Prosecutors alleged the gang had smuggled arms. Its leader was detained at a house in Dunmore.",
        "en",
        PUBLISHED,
        &[("Milbury", MentionKind::Loc), ("Dunmore", MentionKind::Loc)],
    );
    let events = code_events(&d);
    let detained = events
        .iter()
        .find(|e| e.mode == Some(Mode::Arrest))
        .unwrap_or_else(|| panic!("{:?}", summary(&events)));
    assert_eq!(
        detained.date.as_ref().map(|d| d.value.as_str()),
        Some("2026-02-21"),
        "{:?}",
        summary(&events)
    );
}

#[test]
fn a_call_up_of_reservists_is_a_mobilisation() {
    let d = doc(
        "The junta on Friday ordered the call-up of army reservists in two border regions.",
        "en",
        PUBLISHED,
        &[],
    );
    assert_coded(&code_events(&d), EventType::Mobilize);
}

#[test]
fn those_arrested_are_the_people_of_the_arrest_before() {
    let d = doc(
        "Police arrested nine people in Milbury on Friday. Among those arrested was a local councillor, officers said.",
        "en",
        PUBLISHED,
        &[("Milbury", MentionKind::Loc)],
    );
    let events = code_events(&d);
    assert_eq!(
        events
            .iter()
            .filter(|e| e.mode == Some(Mode::Arrest))
            .count(),
        1,
        "{:?}",
        summary(&events)
    );
}
