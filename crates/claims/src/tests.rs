//! Attribution chains and certainty on hand-made documents (segmented for real, with the names
//! marked by hand as a recogniser would).

use super::*;
use tessera_doc::{Document, Entity, Mention, MentionKind, Metadata, Origin, SourceRecord};

/// A document of `text` with each of `names` marked as a mention (every occurrence) of one
/// entity of its kind.
fn doc(text: &str, lang: &str, names: &[(&str, MentionKind)]) -> Document {
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("test"),
        meta: Metadata::default(),
        text: text.into(),
    });
    doc.set_segmentation(tessera_segment::segment(
        text,
        tessera_doc::Lang::parse(lang),
    ));
    for (name, kind) in names {
        let mut entity = Entity::new(*kind, *name);
        for (start, _) in text.match_indices(name) {
            let span = Span::new(start, start + name.len());
            doc.mentions.push(Mention {
                entity: Some(doc.entities.len() as u32),
                ..Mention::new(span, *kind)
            });
            entity.mentions.push(span);
        }
        doc.entities.push(entity);
    }
    doc.mentions.sort_by_key(|m| m.span.start);
    doc
}

fn sentence(doc: &Document, index: usize) -> Span {
    doc.segmentation.sentences[index].span
}

fn chain(claim: &Claim) -> Vec<&str> {
    claim.attribution.iter().map(|a| a.name.as_str()).collect()
}

fn focus(doc: &Document, word: &str) -> Option<Span> {
    doc.text
        .find(word)
        .map(|start| Span::new(start, start + word.len()))
}

#[test]
fn a_plain_statement_is_confirmed_with_no_sources() {
    let d = doc("Gunmen attacked a checkpoint in Gao.", "en", &[]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(claim.certainty, Certainty::Confirmed);
    assert!(claim.attribution.is_empty());
}

#[test]
fn a_speaker_before_the_verb_is_the_source() {
    let text = "Mexican authorities have confirmed that the leader died on Sunday.";
    let d = doc(text, "en", &[]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["Mexican authorities"]);
    assert_eq!(claim.certainty, Certainty::Confirmed);
}

#[test]
fn a_named_speaker_links_to_its_entity() {
    let text =
        "White House Press Secretary Karoline Leavitt confirmed on X that the US had helped.";
    let d = doc(
        text,
        "en",
        &[
            ("Karoline Leavitt", MentionKind::Per),
            ("X", MentionKind::Misc),
        ],
    );
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["Karoline Leavitt"]);
    assert_eq!(claim.attribution[0].entity, Some(0));
    assert_eq!(claim.certainty, Certainty::Confirmed);
}

#[test]
fn an_anonymous_source_telling_an_outlet_gives_a_reported_chain() {
    let text = "A former US official told Reuters that Mexico received a detailed target package.";
    let d = doc(
        text,
        "en",
        &[("Reuters", MentionKind::Org), ("Mexico", MentionKind::Loc)],
    );
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["A former US official", "Reuters"]);
    assert_eq!(claim.certainty, Certainty::Reported);
}

#[test]
fn a_named_spokesman_after_the_fact_confirms_and_names_the_outlet() {
    let text = "Gunmen opened fire on army checkpoints on Sunday, an army spokesman told AFP.";
    let d = doc(text, "en", &[("AFP", MentionKind::Org)]);
    let claim = assess_focus(&DocView::new(&d), sentence(&d, 0), focus(&d, "opened"));
    assert_eq!(chain(&claim), ["an army spokesman", "AFP"]);
    assert_eq!(claim.certainty, Certainty::Confirmed);
}

#[test]
fn media_reports_are_reported_with_each_outlet() {
    let text = "Media outlets, including Reuters and The New York Times, reported that the CIA \
                provided intelligence.";
    let d = doc(
        text,
        "en",
        &[
            ("Reuters", MentionKind::Org),
            ("The New York Times", MentionKind::Org),
            ("CIA", MentionKind::Org),
        ],
    );
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["Reuters", "The New York Times"]);
    assert_eq!(claim.certainty, Certainty::Reported);
}

#[test]
fn hedges_lower_certainty() {
    let d = doc(
        "The group reportedly applies counterinsurgency tactics.",
        "en",
        &[],
    );
    assert_eq!(
        assess(&DocView::new(&d), sentence(&d, 0)).certainty,
        Certainty::Reported
    );
    let d = doc("El presunto líder fue detenido en Hermosillo.", "es", &[]);
    assert_eq!(
        assess(&DocView::new(&d), sentence(&d, 0)).certainty,
        Certainty::Alleged
    );
    let d = doc(
        "Sources credited the director for expanding the program.",
        "en",
        &[],
    );
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(claim.certainty, Certainty::Alleged);
    assert_eq!(chain(&claim), ["Sources"]);
}

#[test]
fn a_denial_is_denied_and_attributed() {
    let text = "The army denied that its jets bombed the market.";
    let d = doc(text, "en", &[]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(claim.certainty, Certainty::Denied);
    assert_eq!(chain(&claim), ["The army"]);
}

#[test]
fn spanish_denial_and_nested_source_are_told_apart_by_focus() {
    let text = "El Ejército Nacional negó ayer que sus aeronaves hayan bombardeado la vereda, \
                donde según la Defensoría del Pueblo tres personas murieron el domingo.";
    let d = doc(
        text,
        "es",
        &[
            ("Ejército Nacional", MentionKind::Org),
            ("Defensoría del Pueblo", MentionKind::Org),
        ],
    );
    let bombed = assess_focus(&DocView::new(&d), sentence(&d, 0), focus(&d, "bombardeado"));
    assert_eq!(bombed.certainty, Certainty::Denied);
    assert_eq!(chain(&bombed), ["Ejército Nacional"]);
    let died = assess_focus(&DocView::new(&d), sentence(&d, 0), focus(&d, "murieron"));
    assert_eq!(died.certainty, Certainty::Confirmed);
    assert_eq!(chain(&died), ["Defensoría del Pueblo"]);
}

#[test]
fn spanish_listener_outlet_and_residents_are_reported() {
    let text =
        "Habitantes de La Esperanza dijeron a Noticias Caracol que escucharon un helicóptero.";
    let d = doc(
        text,
        "es",
        &[
            ("La Esperanza", MentionKind::Loc),
            ("Noticias Caracol", MentionKind::Org),
        ],
    );
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(
        chain(&claim),
        ["Habitantes de La Esperanza", "Noticias Caracol"]
    );
    assert_eq!(claim.certainty, Certainty::Reported);
}

#[test]
fn an_apposition_names_the_speaker() {
    let text = "Col. Seydou Kanté, the army's spokesman, said seven soldiers were killed.";
    let d = doc(text, "en", &[("Seydou Kanté", MentionKind::Per)]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["Seydou Kanté"]);
    assert_eq!(claim.certainty, Certainty::Confirmed);
}

#[test]
fn a_pronoun_continues_the_previous_speaker_but_nothing_else_carries_over() {
    let text = "Seydou Kanté said seven soldiers were killed. Three soldiers died in Ansongo, he \
                said. The army later withdrew.";
    let d = doc(
        text,
        "en",
        &[
            ("Seydou Kanté", MentionKind::Per),
            ("Ansongo", MentionKind::Loc),
        ],
    );
    assert_eq!(
        chain(&assess(&DocView::new(&d), sentence(&d, 1))),
        ["Seydou Kanté"]
    );
    assert!(
        assess(&DocView::new(&d), sentence(&d, 2))
            .attribution
            .is_empty()
    );
}

#[test]
fn spanish_according_to_and_unstated_speaker() {
    let text = "Según la Fiscalía, Ramírez es hermano de un exconcejal. \"No hubo ataque\", dijo.";
    let d = doc(
        text,
        "es",
        &[
            ("Fiscalía", MentionKind::Org),
            ("Ramírez", MentionKind::Per),
        ],
    );
    assert_eq!(
        chain(&assess(&DocView::new(&d), sentence(&d, 0))),
        ["Fiscalía"]
    );
    assert_eq!(
        chain(&assess(&DocView::new(&d), sentence(&d, 1))),
        ["Fiscalía"]
    );
}

#[test]
fn an_inverted_speaker_after_the_verb() {
    let text = "Three soldiers died in the attack, said Colonel Ruiz.";
    let d = doc(text, "en", &[("Ruiz", MentionKind::Per)]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["Ruiz"]);
}

#[test]
fn according_to_the_press_is_reported() {
    let text = "Two people were killed, according to local media.";
    let d = doc(text, "en", &[]);
    let claim = assess(&DocView::new(&d), sentence(&d, 0));
    assert_eq!(chain(&claim), ["local media"]);
    assert_eq!(claim.certainty, Certainty::Reported);
}

#[test]
fn weakest_orders_certainties() {
    assert_eq!(
        weakest(Certainty::Confirmed, Certainty::Reported),
        Certainty::Reported
    );
    assert_eq!(
        weakest(Certainty::Denied, Certainty::Alleged),
        Certainty::Denied
    );
    assert_eq!(
        weakest(Certainty::Alleged, Certainty::Confirmed),
        Certainty::Alleged
    );
}
