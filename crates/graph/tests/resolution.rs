//! Resolution across documents over hand-built documents (no models): who is merged and who is
//! kept apart, which reports form one cluster, what the cluster says, and that hand-made merges
//! and splits outlive new documents and a full rebuild.

use chrono::NaiveDate;
use tessera_doc::{
    Certainty, Claim, DatePrecision, Document, Entity, Event, EventDate, EventPlace, EventType,
    FeatureKind, Geocoded, MentionKind, Metadata, Origin, Participant, Place, PlacePrecision,
    SourceRecord, Span,
};
use tessera_graph::{
    ClusterRecord, Resolver, edits, query, rebuild, resolve_documents, resolve_pending,
};
use tessera_store::{SqliteStore, Store};

/// A document under construction: names are found in the text to place their mentions.
struct Builder {
    doc: Document,
}

fn span_of(text: &str, words: &str) -> Span {
    let at = text
        .find(words)
        .unwrap_or_else(|| panic!("{words:?} not in {text:?}"));
    Span::new(at, at + words.len())
}

impl Builder {
    fn new(source: &str, published: &str, text: &str) -> Self {
        let doc = Document::from_record(SourceRecord {
            origin: Origin::file(format!("{source}-{published}.txt")),
            meta: Metadata {
                title: Some(text.chars().take(40).collect()),
                published: NaiveDate::parse_from_str(published, "%Y-%m-%d").ok(),
                source: Some(source.to_string()),
                ..Metadata::default()
            },
            text: text.to_string(),
        });
        Builder { doc }
    }

    fn entity(mut self, kind: MentionKind, name: &str) -> Self {
        let mut entity = Entity::new(kind, name);
        entity.mentions.push(span_of(&self.doc.text, name));
        self.doc.entities.push(entity);
        self
    }

    fn place(mut self, name: &str, at: (u64, f64, f64)) -> Self {
        let (id, lat, lon) = at;
        let place = Place {
            geonames_id: Some(id),
            name: name.to_string(),
            lat,
            lon,
            country: Some("MX".into()),
            admin1: Some("Sinaloa".into()),
            feature: FeatureKind::City,
            precision: PlacePrecision::City,
        };
        let span = span_of(&self.doc.text, name);
        self.doc.places.push(Geocoded {
            span,
            place: place.clone(),
        });
        let mut entity = Entity::new(MentionKind::Loc, name);
        entity.mentions.push(span);
        entity.place = Some(place);
        self.doc.entities.push(entity);
        self
    }

    fn index(&self, name: &str) -> u32 {
        self.doc
            .entities
            .iter()
            .position(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}")) as u32
    }

    /// An event signalled by `trigger`, at the place entity `place`, on `date`.
    fn event(
        mut self,
        kind: EventType,
        trigger: &str,
        place: &str,
        date: &str,
        fatalities: Option<u32>,
    ) -> Self {
        let trigger_span = span_of(&self.doc.text, trigger);
        let i = self.index(place);
        let place = EventPlace {
            entity: Some(i),
            name: place.to_string(),
            span: self.doc.entities[i as usize].mentions.first().copied(),
            place: self.doc.entities[i as usize].place.clone(),
        };
        self.doc.events.push(Event {
            kind,
            mode: None,
            contexts: Vec::new(),
            actors: vec![Participant {
                entity: None,
                name: "gunmen".into(),
                span: None,
            }],
            recipients: Vec::new(),
            place: Some(place),
            date: Some(EventDate {
                value: date.to_string(),
                precision: DatePrecision::Day,
                text: String::new(),
                span: None,
            }),
            fatalities,
            injured: None,
            arrested: None,
            trigger: trigger_span,
            evidence: Span::new(0, self.doc.text.len()),
            claim: Claim {
                certainty: Certainty::Confirmed,
                attribution: Vec::new(),
            },
        });
        self
    }

    fn build(self) -> Document {
        self.doc
    }
}

const CULIACAN: (u64, f64, f64) = (4012176, 24.7994, -107.3879);
const NAVOLATO: (u64, f64, f64) = (3995236, 24.7653, -107.7018);

fn ambush_reports() -> Vec<Document> {
    vec![
        Builder::new(
            "Wire One",
            "2026-03-03",
            "Gunmen killed five police officers in Culiacán on Tuesday, said prosecutor María Pérez Ruiz of the Fiscalía General del Estado de Sinaloa. José Martínez, the police chief, was unhurt.",
        )
        .place("Culiacán", CULIACAN)
        .entity(MentionKind::Per, "María Pérez Ruiz")
        .entity(MentionKind::Org, "Fiscalía General del Estado de Sinaloa")
        .entity(MentionKind::Per, "José Martínez")
        .event(EventType::Assault, "killed", "Culiacán", "2026-03-03", Some(5))
        .build(),
        Builder::new(
            "Diario Dos",
            "2026-03-04",
            "Siete policías murieron en la emboscada de Culiacán, dijo la fiscal María Pérez. En Navolato, un hombre fue asesinado el mismo día.",
        )
        .place("Culiacán", CULIACAN)
        .place("Navolato", NAVOLATO)
        .entity(MentionKind::Per, "María Pérez")
        .event(EventType::Assault, "murieron", "Culiacán", "2026-03-03", Some(7))
        .event(EventType::Assault, "asesinado", "Navolato", "2026-03-03", Some(1))
        .build(),
        // A namesake: another José Martínez, a farmer far away, with nothing else in common.
        Builder::new(
            "Tercer Diario",
            "2026-03-05",
            "José Martínez, a farmer in the Mixteca, sold his maize harvest.",
        )
        .entity(MentionKind::Per, "José Martínez")
        .build(),
        // Another María with the same first surname and a different second one.
        Builder::new(
            "Wire One",
            "2026-03-06",
            "María Pérez Gómez opened a bakery in Culiacán.",
        )
        .place("Culiacán", CULIACAN)
        .entity(MentionKind::Per, "María Pérez Gómez")
        .build(),
    ]
}

fn store_with(docs: &[Document]) -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(&dir.path().join("graph.db")).expect("store");
    store.put_batch(docs).expect("put");
    let refs: Vec<&Document> = docs.iter().collect();
    resolve_documents(&mut store, &refs).expect("resolve");
    (dir, store)
}

fn graph_of(store: &SqliteStore, doc: &Document, name: &str) -> i64 {
    let index = doc
        .entities
        .iter()
        .position(|e| e.name == name)
        .expect("entity");
    store
        .connection()
        .query_row(
            "SELECT l.graph FROM entity_links l JOIN documents d ON d.rowid = l.doc
             WHERE d.id = ?1 AND l.entity = ?2",
            rusqlite::params![doc.id.as_str(), index as i64],
            |r| r.get(0),
        )
        .expect("linked")
}

fn all_clusters(store: &SqliteStore) -> Vec<ClusterRecord> {
    query::events(
        store.connection(),
        &query::EventFilter {
            limit: 100,
            km: 25.0,
            ..query::EventFilter::default()
        },
    )
    .expect("events")
}

#[test]
fn people_merge_by_fuller_names_and_namesakes_stay_apart() {
    let docs = ambush_reports();
    let (_dir, store) = store_with(&docs);
    let maria = graph_of(&store, &docs[0], "María Pérez Ruiz");
    assert_eq!(
        graph_of(&store, &docs[1], "María Pérez"),
        maria,
        "the shorter form joins"
    );
    assert_ne!(
        graph_of(&store, &docs[3], "María Pérez Gómez"),
        maria,
        "a different second surname is a different person"
    );
    assert_ne!(
        graph_of(&store, &docs[0], "José Martínez"),
        graph_of(&store, &docs[2], "José Martínez"),
        "a shared two-word name with nothing else in common is not enough"
    );
    assert_eq!(
        graph_of(&store, &docs[0], "Culiacán"),
        graph_of(&store, &docs[3], "Culiacán")
    );
    let profile = query::profile(store.connection(), maria, true).expect("profile");
    assert_eq!(profile.entity.documents, 2);
    assert_eq!(profile.entity.name, "María Pérez Ruiz");
    let why = profile.why.expect("why");
    assert!(
        why.iter().any(|l| l.reason.contains("shorter form")),
        "{why:?}"
    );
}

#[test]
fn reports_of_one_attack_form_one_cluster_with_revised_counts() {
    let docs = ambush_reports();
    let (_dir, store) = store_with(&docs);
    let all = all_clusters(&store);
    assert_eq!(
        all.len(),
        2,
        "the ambush and the killing in the next town: {all:#?}"
    );
    let ambush = all
        .iter()
        .find(|c| c.place.as_ref().is_some_and(|p| p.name == "Culiacán"))
        .expect("the ambush");
    assert_eq!(ambush.documents.len(), 2);
    assert_eq!(ambush.reports.len(), 2);
    assert_eq!(ambush.corroboration, 2, "two outlets, no shared source");
    assert_eq!(ambush.credibility, 2);
    assert_eq!(
        ambush.fatalities.best,
        Some(7),
        "the later report revises the count"
    );
    assert_eq!(ambush.fatalities.values.len(), 2);
    assert_eq!(ambush.contradictions.len(), 1);
    assert_eq!(ambush.contradictions[0].field, "fatalities");
    let killing = all.iter().find(|c| c.id != ambush.id).expect("the killing");
    assert_eq!(
        killing.place.as_ref().map(|p| p.name.as_str()),
        Some("Navolato")
    );
    assert_eq!(killing.corroboration, 1);
}

#[test]
fn a_grade_raises_credibility_and_filters_find_clusters() {
    let docs = ambush_reports();
    let (_dir, mut store) = store_with(&docs);
    edits::set_grade(&mut store, "Wire One", 'B').expect("grade");
    let ambush = all_clusters(&store)
        .into_iter()
        .find(|c| c.documents.len() == 2)
        .expect("ambush");
    assert_eq!(ambush.credibility, 1, "two sources, one graded B");
    let near = query::events(
        store.connection(),
        &query::EventFilter {
            near: Some((NAVOLATO.1, NAVOLATO.2)),
            km: 5.0,
            limit: 10,
            ..query::EventFilter::default()
        },
    )
    .expect("near");
    assert_eq!(near.len(), 1);
    let corroborated = query::events(
        store.connection(),
        &query::EventFilter {
            min_corroboration: Some(2),
            kind: Some("assault".into()),
            since: Some("2026-03-01".into()),
            until: Some("2026-03-03".into()),
            limit: 10,
            km: 25.0,
            ..query::EventFilter::default()
        },
    )
    .expect("corroborated");
    assert_eq!(corroborated.len(), 1);
    let sources = edits::list_sources(&store).expect("sources");
    assert!(
        sources
            .iter()
            .any(|s| s.name == "Wire One" && s.grade.as_deref() == Some("B"))
    );
}

#[test]
fn merges_and_splits_by_hand_outlive_new_documents_and_a_rebuild() {
    let docs = ambush_reports();
    let (_dir, mut store) = store_with(&docs);
    let chief = graph_of(&store, &docs[0], "José Martínez");
    let farmer = graph_of(&store, &docs[2], "José Martínez");
    edits::merge(&mut store, chief, farmer).expect("merge");
    assert_eq!(graph_of(&store, &docs[2], "José Martínez"), chief);

    let maria = graph_of(&store, &docs[0], "María Pérez Ruiz");
    let split_off = edits::split(&mut store, maria, &docs[1].id.as_str()[..12]).expect("split");
    assert_eq!(graph_of(&store, &docs[1], "María Pérez"), split_off);

    // A new document naming María Pérez Ruiz again joins the entity that stayed.
    let later = Builder::new(
        "Wire One",
        "2026-03-09",
        "Prosecutor María Pérez Ruiz charged two men in Culiacán.",
    )
    .place("Culiacán", CULIACAN)
    .entity(MentionKind::Per, "María Pérez Ruiz")
    .build();
    store.put_batch(std::slice::from_ref(&later)).expect("put");
    resolve_pending(&mut store, &mut |_, _| {}).expect("resolve");
    assert_eq!(graph_of(&store, &later, "María Pérez Ruiz"), maria);

    // Everything is rebuilt, and the hand-made changes hold.
    rebuild(&mut store, &mut |_, _| {}).expect("rebuild");
    let chief = graph_of(&store, &docs[0], "José Martínez");
    assert_eq!(
        graph_of(&store, &docs[2], "José Martínez"),
        chief,
        "merge kept"
    );
    let maria = graph_of(&store, &docs[0], "María Pérez Ruiz");
    assert_ne!(
        graph_of(&store, &docs[1], "María Pérez"),
        maria,
        "split kept"
    );
    assert_eq!(graph_of(&store, &later, "María Pérez Ruiz"), maria);
}

#[test]
fn resolving_again_changes_nothing() {
    let docs = ambush_reports();
    let (_dir, mut store) = store_with(&docs);
    let before = all_clusters(&store);
    let summary = resolve_pending(&mut store, &mut |_, _| {}).expect("resolve");
    assert_eq!(summary.documents, 0);
    let refs: Vec<&Document> = docs.iter().collect();
    resolve_documents(&mut store, &refs).expect("again");
    assert_eq!(all_clusters(&store), before);
}

/// Every link and report with its reason, and every entity with its counts and dates.
fn graph_dump(store: &SqliteStore) -> Vec<String> {
    let conn = store.connection();
    let mut out = Vec::new();
    for sql in [
        "SELECT doc || ' ' || entity || ' ' || graph || ' ' || reason FROM entity_links ORDER BY doc, entity",
        "SELECT doc || ' ' || event || ' ' || cluster || ' ' || reason FROM cluster_reports ORDER BY doc, event",
        "SELECT id || ' ' || name || ' ' || documents || ' ' || COALESCE(country, '-') || ' '
            || COALESCE(first_seen, '-') || ' ' || COALESCE(last_seen, '-')
         FROM graph_entities ORDER BY id",
        "SELECT key || ' ' || entity FROM graph_names ORDER BY key, entity",
        "SELECT id || ' ' || record FROM clusters ORDER BY id",
    ] {
        let mut stmt = conn.prepare(sql).expect("prepare");
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).expect("rows");
        out.extend(rows.map(|r| r.expect("row")));
    }
    out
}

#[test]
fn one_resolver_across_batches_gives_the_graph_of_one_batch() {
    let docs = ambush_reports();
    let (_dir, whole) = store_with(&docs);

    // One document per transaction, with one resolver remembering across them.
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = SqliteStore::open(&dir.path().join("graph.db")).expect("store");
    store.put_batch(&docs).expect("put");
    let mut resolver = Resolver::new();
    for doc in &docs {
        resolver
            .resolve_documents(&mut store, &[doc])
            .expect("resolve one");
    }
    let dump = graph_dump(&store);
    assert!(dump.len() > docs.len(), "the graph is not empty");
    assert_eq!(dump, graph_dump(&whole));
}

#[test]
fn paths_explain_connections_with_evidence() {
    let docs = ambush_reports();
    let (_dir, store) = store_with(&docs);
    let maria = graph_of(&store, &docs[0], "María Pérez Ruiz");
    let chief = graph_of(&store, &docs[0], "José Martínez");
    let steps = query::path(store.connection(), maria, chief, 3)
        .expect("path")
        .expect("connected");
    assert!(!steps.is_empty());
    assert!(
        steps
            .iter()
            .all(|s| !s.evidence.is_empty() && !s.document.is_empty())
    );
    assert_eq!(
        steps.first().map(|s| s.from.clone()),
        Some(format!("E{maria}"))
    );
    assert_eq!(
        steps.last().map(|s| s.to.clone()),
        Some(format!("E{chief}"))
    );
}
