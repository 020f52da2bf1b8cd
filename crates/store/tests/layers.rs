//! Every annotation layer goes into the store with its document and comes back exactly; a batch
//! that fails part-way leaves nothing behind; a duplicate writes nothing.

use tessera_doc::{
    Alias, Attribution, Certainty, Claim, Document, Entity, Event, EventDate, EventPlace,
    EventType, Geocoded, Mention, MentionKind, Metadata, Origin, Participant, Place,
    PlaceReference, PlaceReferenceKind, Predicate, Relation, RelationObject, Role, SourceRecord,
    Span,
};
use tessera_store::{PutOutcome, SqliteStore, Store, StoreError};

const TEXT: &str = "Reuters reported that soldiers of the Mexican Army, also known as the \
    Sedena, killed Juan Pérez, leader of the Example Cartel, in Tapalpa on Sunday. \
    Defence Secretary Ana Ruiz said two people died.";

/// The span of the first occurrence of `needle` in [`TEXT`].
fn span(needle: &str) -> Span {
    let start = TEXT.find(needle).expect("needle in fixture text");
    Span::new(start, start + needle.len())
}

fn place(name: &str, geonames_id: Option<u64>, feature: &str) -> Place {
    Place {
        geonames_id,
        name: name.into(),
        lat: 20.0889,
        lon: -103.7547,
        country: Some("MX".into()),
        admin1: Some("Jalisco".into()),
        feature: tessera_doc::FeatureKind::parse(feature).expect("a feature kind"),
        precision: tessera_doc::PlacePrecision::parse(feature).expect("a precision"),
    }
}

fn entity(kind: MentionKind, name: &str) -> Entity {
    let mut entity = Entity::new(kind, name);
    entity.mentions = vec![span(name)];
    entity
}

/// A document with every layer filled, by hand.
fn full_document() -> Document {
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("layers.txt"),
        meta: Metadata {
            title: Some("Layers".into()),
            published: "2026-02-24".parse().ok(),
            source: Some("Example Wire".into()),
            ..Metadata::default()
        },
        text: TEXT.into(),
    });
    doc.mentions = vec![
        Mention::new(span("Reuters"), MentionKind::Org),
        Mention::new(span("Tapalpa"), MentionKind::Loc),
    ];
    doc.places = vec![Geocoded {
        span: span("Tapalpa"),
        place: place("Tapalpa", Some(4_014_875), "city"),
    }];
    doc.place_references = vec![PlaceReference {
        span: span("Mexican"),
        kind: PlaceReferenceKind::Adjective,
        place: place("Mexico", Some(3_996_063), "country"),
    }];

    let mut army = entity(MentionKind::Org, "Mexican Army");
    army.aliases = vec![Alias {
        name: "Sedena".into(),
        span: span("Sedena"),
        evidence: span("also known as the Sedena"),
    }];
    army.country = Some("MX".into());
    army.mentions.push(span("soldiers"));
    let mut leader = entity(MentionKind::Per, "Juan Pérez");
    leader.roles = vec![Role {
        title: "leader".into(),
        org: Some(2),
        country: None,
        evidence: span("leader of the Example Cartel"),
    }];
    let cartel = entity(MentionKind::Org, "Example Cartel");
    let mut tapalpa = entity(MentionKind::Loc, "Tapalpa");
    tapalpa.place = Some(place("Tapalpa", Some(4_014_875), "city"));
    let mut minister = entity(MentionKind::Per, "Ana Ruiz");
    minister.roles = vec![Role {
        title: "Defence Secretary".into(),
        org: None,
        country: Some("MX".into()),
        evidence: span("Defence Secretary Ana Ruiz"),
    }];
    let mut unnamed = Entity::new(MentionKind::Per, "two people");
    unnamed.unnamed = true;
    let reuters = entity(MentionKind::Org, "Reuters");
    doc.entities = vec![army, leader, cartel, tapalpa, minister, unnamed, reuters];

    let reported_by_reuters = Claim {
        certainty: Certainty::Reported,
        attribution: vec![
            Attribution {
                entity: Some(6),
                name: "Reuters".into(),
                span: Some(span("Reuters")),
            },
            Attribution {
                entity: None,
                name: "Example Wire".into(),
                span: None,
            },
        ],
    };
    doc.relations = vec![
        Relation {
            subject: 1,
            predicate: Predicate::LeaderOf,
            object: RelationObject::Entity(2),
            role: None,
            evidence: span("Juan Pérez, leader of the Example Cartel"),
            claim: reported_by_reuters.clone(),
        },
        Relation {
            subject: 4,
            predicate: Predicate::HoldsRole,
            object: RelationObject::Value("Defence Secretary".into()),
            role: Some("Defence Secretary".into()),
            evidence: span("Defence Secretary Ana Ruiz"),
            claim: Claim::default(),
        },
    ];
    doc.events = vec![
        Event {
            kind: EventType::Assault,
            mode: Some(tessera_doc::Mode::Firearms),
            contexts: vec![tessera_doc::Context::Crime],
            actors: vec![Participant {
                entity: Some(0),
                name: "Mexican Army".into(),
                span: Some(span("soldiers")),
            }],
            recipients: vec![
                Participant {
                    entity: Some(1),
                    name: "Juan Pérez".into(),
                    span: Some(span("Juan Pérez")),
                },
                Participant {
                    entity: None,
                    name: "bodyguards".into(),
                    span: None,
                },
            ],
            place: Some(EventPlace {
                entity: Some(3),
                name: "Tapalpa".into(),
                span: Some(span("Tapalpa")),
                place: Some(place("Tapalpa", Some(4_014_875), "city")),
            }),
            date: Some(EventDate {
                value: "2026-02-22".into(),
                precision: tessera_doc::DatePrecision::Day,
                text: "on Sunday".into(),
                span: Some(span("on Sunday")),
            }),
            fatalities: Some(2),
            injured: None,
            arrested: Some(0),
            trigger: span("killed"),
            evidence: span("soldiers of the Mexican Army"),
            claim: reported_by_reuters,
        },
        Event {
            kind: EventType::Accuse,
            mode: None,
            contexts: vec![],
            actors: vec![],
            recipients: vec![],
            place: Some(EventPlace {
                entity: None,
                name: "somewhere unresolved".into(),
                span: None,
                place: None,
            }),
            date: None,
            fatalities: None,
            injured: Some(3),
            arrested: None,
            trigger: span("said"),
            evidence: span("Ana Ruiz said two people died."),
            claim: Claim {
                certainty: Certainty::Alleged,
                attribution: vec![],
            },
        },
    ];
    doc.link_mentions();
    doc
}

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("t.db")).expect("open store");
    (dir, store)
}

#[test]
fn every_layer_round_trips() {
    let (_dir, mut store) = open();
    let doc = full_document();
    assert_eq!(
        store.put_batch(std::slice::from_ref(&doc)).expect("put"),
        vec![PutOutcome::Stored]
    );
    let stored = store.get(doc.id.as_str()).expect("get").expect("found");
    assert_eq!(stored.document, doc);

    let stats = store.stats().expect("stats");
    assert_eq!(
        (stats.entities, stats.relations, stats.events, stats.places),
        (7, 2, 2, 1)
    );
}

#[test]
fn a_duplicate_writes_no_layer_twice() {
    let (_dir, mut store) = open();
    let doc = full_document();
    store.put_batch(std::slice::from_ref(&doc)).expect("put");
    let again = store
        .put_batch(&[doc.clone(), doc.clone()])
        .expect("put again");
    assert!(
        again
            .iter()
            .all(|o| matches!(o, PutOutcome::Duplicate { .. }))
    );
    let stats = store.stats().expect("stats");
    assert_eq!((stats.documents, stats.entities, stats.events), (1, 7, 2));
    let stored = store.get(doc.id.as_str()).expect("get").expect("found");
    assert_eq!(stored.document, doc);
}

#[test]
fn a_batch_that_fails_part_way_leaves_nothing() {
    let (_dir, mut store) = open();
    let good = full_document();
    let mut bad = full_document();
    bad.text.push_str(" More text, so another id.");
    bad.id = tessera_doc::DocId::compute(None, None, &bad.text);
    // A gazetteer id SQLite cannot hold fails the insert after the document row and most of its
    // layers are written.
    if let Some(place) = bad.events[0].place.as_mut().and_then(|p| p.place.as_mut()) {
        place.geonames_id = Some(u64::MAX);
    }
    let err = store
        .put_batch(&[good.clone(), bad])
        .expect_err("must fail");
    assert!(matches!(err, StoreError::Query { .. }), "{err}");
    let stats = store.stats().expect("stats");
    assert_eq!(
        (
            stats.documents,
            stats.entities,
            stats.relations,
            stats.events,
            stats.places
        ),
        (0, 0, 0, 0, 0)
    );
    // The same good document then goes in whole.
    store.put_batch(std::slice::from_ref(&good)).expect("put");
    let stored = store.get(good.id.as_str()).expect("get").expect("found");
    assert_eq!(stored.document, good);
}

#[test]
fn layers_answer_plain_sql() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.db");
    let mut store = SqliteStore::open(&path).expect("open");
    store.put_batch(&[full_document()]).expect("put");
    drop(store);
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    let row: (String, String, String) = conn
        .query_row(
            "SELECT type, place_name, date FROM events WHERE country = 'MX'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("one event in MX");
    assert_eq!(
        row,
        ("ASSAULT".into(), "Tapalpa".into(), "2026-02-22".into())
    );
    let leader: String = conn
        .query_row(
            "SELECT s.name FROM relations r
             JOIN entities s ON s.doc = r.doc AND s.idx = r.subject
             JOIN entities o ON o.doc = r.doc AND o.idx = r.object_entity
             WHERE r.predicate = 'leader_of' AND o.name = 'Example Cartel'",
            [],
            |r| r.get(0),
        )
        .expect("leader");
    assert_eq!(leader, "Juan Pérez");
    let source: String = conn
        .query_row(
            "SELECT json_extract(attribution, '$[0].name') FROM events WHERE type = 'ASSAULT'",
            [],
            |r| r.get(0),
        )
        .expect("innermost source");
    assert_eq!(source, "Reuters");
}
