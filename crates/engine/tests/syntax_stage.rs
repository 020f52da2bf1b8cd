//! The syntax stage parses the sentences with event cues, and only those; a Spanish
//! contraction ("al", "del") takes the syntax of its part that attaches outside it; the event
//! coder reads its arguments off the parse. The texts are our own.

use tessera_engine::Pipeline;
use tessera_engine::doc::{Document, Metadata, Origin, SourceRecord};

fn analyse(pipeline: &Pipeline, text: &str) -> Document {
    pipeline
        .analyse(SourceRecord {
            origin: Origin::file("test.txt".to_string()),
            meta: Metadata::default(),
            text: text.to_string(),
        })
        .expect("analysed")
}

fn token(doc: &Document, word: &str) -> usize {
    doc.segmentation
        .tokens
        .iter()
        .position(|t| t.span.text(&doc.text) == Ok(word))
        .unwrap_or_else(|| panic!("no token {word:?}"))
}

#[test]
fn parses_the_sentences_with_cues_and_maps_contractions() {
    let pipeline = Pipeline::with_models().expect("models load");
    let doc = analyse(
        &pipeline,
        "El tiempo fue soleado durante toda la semana en la región. Agentes de la policía \
         estatal detuvieron al alcalde del municipio por la tarde.",
    );
    let weather = token(&doc, "soleado");
    assert!(
        doc.syntax.get(weather).is_none(),
        "a sentence without cues is not parsed"
    );
    let arrested = token(&doc, "detuvieron");
    let agents = token(&doc, "Agentes");
    assert_eq!(doc.syntax.relation(agents), "nsubj");
    assert_eq!(
        doc.syntax.get(agents).and_then(|d| d.head),
        Some(arrested as u32)
    );
    // "al" carries the case marker's attachment, to the noun after it.
    let al = token(&doc, "al");
    let mayor = token(&doc, "alcalde");
    assert_eq!(doc.syntax.get(al).and_then(|d| d.head), Some(mayor as u32));
    assert_eq!(doc.syntax.relation(al), "case");
    let event = doc.events.first().expect("an arrest is coded");
    assert_eq!(event.kind.as_str(), "COERCE");
    let recipients: Vec<&str> = event.recipients.iter().map(|p| p.name.as_str()).collect();
    assert!(
        recipients.iter().any(|r| r.contains("alcalde")),
        "{recipients:?}"
    );
}

#[test]
fn english_arguments_come_from_the_parse() {
    let pipeline = Pipeline::with_models().expect("models load");
    let doc = analyse(
        &pipeline,
        "Border guards detained eleven Honduran migrants near the river crossing on Tuesday.",
    );
    let event = doc.events.first().expect("a detention is coded");
    let actors: Vec<&str> = event.actors.iter().map(|p| p.name.as_str()).collect();
    let recipients: Vec<&str> = event.recipients.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(actors, ["Border guards"]);
    assert_eq!(recipients, ["eleven Honduran migrants"]);
}

#[test]
fn who_is_asked_comes_from_the_parse() {
    let pipeline = Pipeline::with_models().expect("models load");
    let roles = |text: &str| roles_of(&pipeline, text, "REQUEST");
    // "X must ...": X is asked, and is not also the one asking.
    let (actors, recipients) = roles(
        "Officials in Quito said the mining company must close the tailings dam within a month.",
    );
    assert_eq!(recipients, ["the mining company"]);
    assert!(actors.is_empty(), "{actors:?}");
    // "demanding X from Y": Y is asked, not the thing demanded.
    let (actors, recipients) =
        roles("Farmers in Punjab are demanding compensation from the state electricity board.");
    assert_eq!(actors, ["Farmers"]);
    assert_eq!(recipients, ["the state electricity board"]);
}

/// The names of the actors and of the recipients of the first event of `kind` in `text`.
fn roles_of(pipeline: &Pipeline, text: &str, kind: &str) -> (Vec<String>, Vec<String>) {
    let doc = analyse(pipeline, text);
    let event = doc
        .events
        .iter()
        .find(|e| e.kind.as_str() == kind)
        .unwrap_or_else(|| panic!("no {kind} in {text}"));
    let names = |list: &[tessera_engine::doc::Participant]| -> Vec<String> {
        list.iter().map(|p| p.name.clone()).collect()
    };
    (names(&event.actors), names(&event.recipients))
}

fn actors_of(pipeline: &Pipeline, text: &str, kind: &str) -> Vec<String> {
    roles_of(pipeline, text, kind).0
}

fn recipients_of(pipeline: &Pipeline, text: &str, kind: &str) -> Vec<String> {
    roles_of(pipeline, text, kind).1
}

#[test]
fn a_demand_of_purpose_is_made_by_the_marchers() {
    let pipeline = Pipeline::with_models().expect("models load");
    // An infinitive of purpose has its clause's subject; people named by what they are
    // (migrants, farmers, villagers) are participants.
    assert_eq!(
        actors_of(
            &pipeline,
            "Cientos de agricultores cortaron el martes la carretera para exigir precios justos.",
            "REQUEST"
        ),
        ["Cientos de agricultores"]
    );
    assert_eq!(
        actors_of(
            &pipeline,
            "About 500 villagers blocked the highway on Monday, demanding the release of their \
             leader.",
            "REQUEST"
        ),
        ["About 500 villagers"]
    );
}

#[test]
fn a_dateline_is_not_parsed_with_the_first_sentence() {
    let pipeline = Pipeline::with_models().expect("models load");
    let text = "Oaxaca, Oax., 3 de febrero de 2025.- Unos 300 migrantes marcharon ayer por el \
                centro de la ciudad.";
    let doc = analyse(&pipeline, text);
    let dateline = doc.dateline.as_ref().expect("a dateline");
    for (index, token) in doc.segmentation.tokens.iter().enumerate() {
        if token.span.end <= dateline.span.end {
            assert!(doc.syntax.get(index).is_none(), "{:?}", token.span);
        }
    }
    assert_eq!(
        actors_of(&pipeline, text, "PROTEST"),
        ["Unos 300 migrantes"]
    );
}

#[test]
fn the_one_asked_is_who_the_demanded_act_falls_to() {
    let pipeline = Pipeline::with_models().expect("models load");
    // "demanding that X act": X is asked.
    assert_eq!(
        recipients_of(
            &pipeline,
            "Hundreds of fishermen blocked the port of Mazatlán on Monday, demanding that the \
             federal government lift the ban on shrimp fishing.",
            "REQUEST"
        ),
        ["the federal government"]
    );
    assert_eq!(
        recipients_of(
            &pipeline,
            "Los maestros exigieron que el gobernador reinstale a los 300 docentes despedidos.",
            "REQUEST"
        ),
        ["el gobernador"]
    );
}

/// "a los comerciantes" is acted on; whoever dispersed them used the gas.
#[test]
fn a_person_marked_as_acted_on_is_no_actor() {
    let pipeline = Pipeline::with_models().expect("models load");
    let doc = analyse(
        &pipeline,
        "Agentes municipales dispersaron a los comerciantes con gas lacrimógeno frente al \
         mercado de Uruapan.",
    );
    assert!(!doc.events.is_empty(), "nothing coded");
    for event in &doc.events {
        for actor in &event.actors {
            assert!(
                !actor.name.starts_with("a los") && !actor.name.starts_with("al "),
                "{} acted by {:?}",
                event.kind.as_str(),
                actor.name
            );
        }
    }
    assert_eq!(
        actors_of(
            &pipeline,
            "Agentes municipales dispersaron a los comerciantes con gas lacrimógeno frente al \
             mercado de Uruapan.",
            "ASSAULT"
        ),
        ["Agentes municipales"]
    );
}

#[test]
fn agents_of_a_body_stand_for_the_body() {
    let pipeline = Pipeline::with_models().expect("models load");
    // Agents of a body stand for the body, after an opening date too (which the parser may
    // take for the subject), and a short form in brackets repeats the name.
    let actors = actors_of(
        &pipeline,
        "El viernes, agentes de la Guardia Nacional detuvieron a tres hombres en Tepic.",
        "COERCE",
    );
    assert_eq!(actors, ["Guardia Nacional"]);
    let actors = actors_of(
        &pipeline,
        "El sábado, agentes de la Fiscalía General del Estado (FGE) detuvieron en Tepic a un \
         hombre señalado como jefe de una banda.",
        "COERCE",
    );
    assert_eq!(actors, ["Fiscalía General del Estado"]);
}

#[test]
fn a_phrase_cut_at_its_connector_goes_on_to_the_name() {
    let pipeline = Pipeline::with_models().expect("models load");
    let recipients = recipients_of(
        &pipeline,
        "La Policía Estatal capturó ayer a 9 presuntos integrantes de Los Halcones del Río en Apatzingán.",
        "COERCE",
    );
    assert!(
        recipients.iter().all(|r| !r.ends_with(" de")),
        "{recipients:?}"
    );
}

#[test]
fn what_a_strike_is_over_is_no_party_to_it() {
    let pipeline = Pipeline::with_models().expect("models load");
    let (actors, recipients) = roles_of(
        &pipeline,
        "Thousands of workers went on strike at the Kansanshi copper mine over unpaid bonuses.",
        "PROTEST",
    );
    assert!(
        actors
            .iter()
            .chain(&recipients)
            .all(|p| !p.contains("over")),
        "{actors:?} {recipients:?}"
    );
}

#[test]
fn the_people_a_spanish_participle_describes_are_acted_on() {
    let pipeline = Pipeline::with_models().expect("models load");
    let (actors, recipients) = roles_of(
        &pipeline,
        "La Marina rescató en Reynosa a 40 migrantes secuestrados por una banda de traficantes.",
        "ASSAULT",
    );
    assert!(
        actors.iter().all(|a| !a.contains("migrantes"))
            && recipients.iter().any(|r| r.contains("migrantes")),
        "{actors:?} {recipients:?}"
    );
}
