//! Entity resolution over hand-made documents: names placed by hand where a recogniser would
//! put them, so each rule is tested on its own.

use tessera_doc::{
    Document, Mention, MentionKind, Metadata, Origin, Predicate, RelationObject, SourceRecord, Span,
};
use tessera_entities::{CountryNames, NoCountries, resolve};

/// A document whose name mentions are the given phrases (each at its first occurrence after
/// the previous one) with their kinds.
fn doc(text: &str, names: &[(&str, MentionKind)]) -> Document {
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("test.txt"),
        meta: Metadata::default(),
        text: text.to_string(),
    });
    doc.set_segmentation(tessera_segment::segment(text, Some(tessera_doc::Lang::EN)));
    let mut from = 0;
    let mut spans = Vec::new();
    for (phrase, kind) in names {
        let start = text[from..]
            .find(phrase)
            .map(|i| i + from)
            .expect("phrase in text");
        spans.push(Mention::new(Span::new(start, start + phrase.len()), *kind));
        from = start + phrase.len();
    }
    spans.sort_by_key(|m| m.span.start);
    doc.mentions = spans;
    doc
}

struct Demonyms;

impl CountryNames for Demonyms {
    fn country_of(&self, words: &str) -> Option<String> {
        match words {
            "Mexican" | "Mexico" => Some("MX".into()),
            "US" | "American" => Some("US".into()),
            _ => None,
        }
    }
}

fn entity<'d>(doc: &'d Document, name: &str) -> &'d tessera_doc::Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| {
            panic!(
                "no entity {name}: {:?}",
                doc.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
            )
        })
}

fn index(doc: &Document, name: &str) -> u32 {
    doc.entities
        .iter()
        .position(|e| e.name == name)
        .expect("entity") as u32
}

use MentionKind::{Loc, Misc, Org, Per};

#[test]
fn surnames_and_aliases_join_the_full_name() {
    let mut d = doc(
        "Police arrested Rigoberto Mendoza Zavala, also known as El Tlacuache, on Monday. Mendoza was taken to Morelia. El Tlacuache had led the gang.",
        &[
            ("Rigoberto Mendoza Zavala", Per),
            ("El Tlacuache", Per),
            ("Mendoza", Per),
            ("Morelia", Loc),
            ("El Tlacuache", Per),
        ],
    );
    resolve(&mut d, &NoCountries);
    let person = entity(&d, "Rigoberto Mendoza Zavala");
    assert_eq!(person.mentions.len(), 4);
    let aliases: Vec<&str> = person.aliases.iter().map(|a| a.name.as_str()).collect();
    assert!(aliases.contains(&"El Tlacuache"), "{aliases:?}");
    assert_eq!(d.entities.len(), 2);
}

#[test]
fn bracketed_acronyms_and_initials_even_across_languages() {
    let mut d = doc(
        "The Jalisco New Generation Cartel [CJNG] grew fast. Analysts say CJNG now rivals others. The Fiscalía General de la República said little; the FGR declined to comment.",
        &[
            ("Jalisco New Generation Cartel", Org),
            ("CJNG", Org),
            ("CJNG", Org),
            ("Fiscalía General de la República", Org),
        ],
    );
    resolve(&mut d, &NoCountries);
    let cartel = entity(&d, "Jalisco New Generation Cartel");
    assert_eq!(cartel.aliases[0].name, "CJNG");
    assert_eq!(cartel.mentions.len(), 3);
    let prosecutor = entity(&d, "Fiscalía General de la República");
    assert!(
        prosecutor.aliases.iter().any(|a| a.name == "FGR"),
        "the unmentioned acronym is found by its initials"
    );
}

#[test]
fn titles_before_names_give_roles_with_organisation_and_country() {
    let mut d = doc(
        "Mexican Defense Secretary Ana Ruiz Soto met CIA Director John Walsh on Friday.",
        &[
            ("Mexican", Misc),
            ("Ana Ruiz Soto", Per),
            ("CIA", Org),
            ("John Walsh", Per),
        ],
    );
    resolve(&mut d, &Demonyms);
    let ana = entity(&d, "Ana Ruiz Soto");
    assert_eq!(ana.roles[0].title, "Defense Secretary");
    assert_eq!(ana.roles[0].country.as_deref(), Some("MX"));
    let john = entity(&d, "John Walsh");
    assert_eq!(john.roles[0].title, "Director");
    let cia = index(&d, "CIA");
    assert_eq!(john.roles[0].org, Some(cia));
    let leads = d
        .relations
        .iter()
        .any(|r| r.predicate == Predicate::LeaderOf && r.object == RelationObject::Entity(cia));
    assert!(leads, "a director heads the organisation");
}

#[test]
fn appositions_in_spanish_give_roles() {
    let mut d = doc(
        "El general Arturo Peña Ruiz, comandante de la Zona Militar Norte, dijo que habría más tropas.",
        &[("Arturo Peña Ruiz", Per), ("Zona Militar Norte", Org)],
    );
    d.set_segmentation(tessera_segment::segment(
        &d.text,
        Some(tessera_doc::Lang::ES),
    ));
    resolve(&mut d, &NoCountries);
    let arturo = entity(&d, "Arturo Peña Ruiz");
    let titles: Vec<&str> = arturo.roles.iter().map(|r| r.title.as_str()).collect();
    assert!(titles.contains(&"comandante"), "{titles:?}");
    assert!(
        d.relations
            .iter()
            .any(|r| r.predicate == Predicate::LeaderOf)
    );
}

#[test]
fn unnamed_partner_and_associate_are_entities_linked_to_the_person() {
    let mut d = doc(
        "Investigators tracked Luis Garza through an associate of his girlfriend.",
        &[("Luis Garza", Per)],
    );
    resolve(&mut d, &NoCountries);
    let partner = entity(&d, "his girlfriend");
    assert!(partner.unnamed);
    let associate = entity(&d, "an associate of his girlfriend");
    assert!(associate.unnamed);
    let luis = index(&d, "Luis Garza");
    let partner_id = index(&d, "his girlfriend");
    assert!(
        d.relations.iter().any(
            |r| r.predicate == Predicate::PartnerOf && r.object == RelationObject::Entity(luis)
        )
    );
    assert!(
        d.relations
            .iter()
            .any(|r| r.predicate == Predicate::AssociateOf
                && r.object == RelationObject::Entity(partner_id))
    );
}

#[test]
fn founding_years_and_led_compounds() {
    let mut d = doc(
        "Founded in 2011, the Sinaloa Union expanded. A Navy-led Joint Task Force Pacific moved in.",
        &[
            ("Sinaloa Union", Org),
            ("Navy-led", Misc),
            ("Joint Task Force Pacific", Org),
        ],
    );
    resolve(&mut d, &NoCountries);
    let union = index(&d, "Sinaloa Union");
    assert!(d.relations.iter().any(|r| r.subject == union
        && r.predicate == Predicate::FoundedOn
        && r.object == RelationObject::Value("2011".into())));
    let navy = index(&d, "Navy");
    let force = index(&d, "Joint Task Force Pacific");
    assert!(d.relations.iter().any(|r| r.subject == force
        && r.predicate == Predicate::PartOf
        && r.object == RelationObject::Entity(navy)));
}

#[test]
fn a_place_in_brackets_is_not_an_alias_and_a_party_after_a_person_is_membership() {
    let mut d = doc(
        "Senator Juan Pérez (PRI) visited Tapalpa (Jalisco) on Monday.",
        &[
            ("Juan Pérez", Per),
            ("PRI", Org),
            ("Tapalpa", Loc),
            ("Jalisco", Loc),
        ],
    );
    resolve(&mut d, &NoCountries);
    assert!(entity(&d, "Tapalpa").aliases.is_empty());
    let juan = index(&d, "Juan Pérez");
    assert!(entity(&d, "Juan Pérez").aliases.is_empty());
    assert!(
        d.relations
            .iter()
            .any(|r| r.subject == juan && r.predicate == Predicate::MemberOf)
    );
}

#[test]
fn a_document_without_names_has_no_entities() {
    let mut d = doc("Nothing here is named at all.", &[]);
    resolve(&mut d, &NoCountries);
    assert!(d.entities.is_empty() && d.relations.is_empty());
}

#[test]
fn an_acronym_spelling_a_longer_run_repairs_a_split_name() {
    let mut d = doc(
        "Fighters of the Mouvement pour la Défense du Kivu (MDK) withdrew. MDK spokesman Jean Ilunga said so.",
        &[
            ("Mouvement", Misc),
            ("Défense du Kivu", Per),
            ("MDK", Per),
            ("MDK", Org),
            ("Jean Ilunga", Per),
        ],
    );
    resolve(&mut d, &NoCountries);
    let movement = entity(&d, "Mouvement pour la Défense du Kivu");
    assert_eq!(movement.kind, Org);
    assert!(movement.aliases.iter().any(|a| a.name == "MDK"));
    let jean = entity(&d, "Jean Ilunga");
    assert_eq!(
        jean.roles[0].org,
        Some(index(&d, "Mouvement pour la Défense du Kivu"))
    );
}

#[test]
fn a_relative_named_in_apposition_is_that_person() {
    let mut d = doc(
        "Treasury sanctioned Humberto Saldaña. Also sanctioned was his wife, Mariana Olguín.",
        &[
            ("Treasury", Org),
            ("Humberto Saldaña", Per),
            ("Mariana Olguín", Per),
        ],
    );
    resolve(&mut d, &NoCountries);
    assert!(
        d.entities.iter().all(|e| !e.unnamed),
        "no unnamed entity when the wife is named"
    );
    let (wife, husband) = (index(&d, "Mariana Olguín"), index(&d, "Humberto Saldaña"));
    assert!(d.relations.iter().any(|r| r.subject == wife
        && r.predicate == Predicate::PartnerOf
        && r.object == RelationObject::Entity(husband)));
}

#[test]
fn institutions_and_places_in_places() {
    let mut d = doc(
        "The party will appeal at the High Court in Lusaka. Aid reached Tawila and Kutum in North Darfur.",
        &[
            ("High Court", Org),
            ("Lusaka", Loc),
            ("Tawila", Loc),
            ("Kutum", Loc),
            ("North Darfur", Loc),
        ],
    );
    resolve(&mut d, &NoCountries);
    let located = |a: &str, b: &str| {
        let (a, b) = (index(&d, a), index(&d, b));
        d.relations.iter().any(|r| {
            r.subject == a
                && r.predicate == Predicate::LocatedIn
                && r.object == RelationObject::Entity(b)
        })
    };
    assert!(located("High Court", "Lusaka"));
    assert!(located("Tawila", "North Darfur"));
    assert!(located("Kutum", "North Darfur"));
}

#[test]
fn a_place_is_named_by_its_words_not_its_acronym() {
    let text = "Guards searched bags at the PKIA on Monday. Pokhara Kaski International Airport \
                (PKIA) stayed open, and the PKIA reopened its gates at noon.";
    let mut d = doc(
        text,
        &[
            ("PKIA", MentionKind::Loc),
            ("Pokhara Kaski International Airport", MentionKind::Loc),
            ("PKIA", MentionKind::Loc),
            ("PKIA", MentionKind::Loc),
        ],
    );
    resolve(&mut d, &NoCountries);
    let airport = entity(&d, "Pokhara Kaski International Airport");
    assert_eq!(airport.mentions.len(), 4);
    // A short form that is no acronym of another name keeps the rule of the most used form.
    let mut d = doc(
        "Talks in the US and in the U.S. capital; the US said.",
        &[
            ("US", MentionKind::Loc),
            ("U.S.", MentionKind::Loc),
            ("US", MentionKind::Loc),
        ],
    );
    resolve(&mut d, &Demonyms);
    assert!(
        d.entities.iter().any(|e| e.name == "US"),
        "{:?}",
        d.entities
    );
}
