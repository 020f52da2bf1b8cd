//! The SQLite store: idempotent batches, lookups by prefix, search with filters, migrations.

use tessera_doc::{
    Document, Language, Mention, MentionKind, Metadata, Origin, Segmentation, SourceRecord, Span,
    Token, TokenKind,
};
use tessera_store::{PutOutcome, SearchQuery, SqliteStore, Store, StoreError};

fn doc(title: &str, text: &str, date: &str, lang: &str, source: &str) -> Document {
    let mut doc = Document::from_record(SourceRecord {
        origin: Origin::file("fixture.jsonl").with_line(1),
        meta: Metadata {
            title: Some(title.into()),
            published: Some(date.parse().expect("fixture date")),
            source: Some(source.into()),
            ..Metadata::default()
        },
        text: text.into(),
    });
    doc.lang = Some(Language {
        code: tessera_doc::Lang::parse(lang).expect("a language code"),
        confidence: 0.9,
    });
    doc.set_segmentation(Segmentation {
        sentences: vec![],
        tokens: vec![Token {
            span: Span::new(0, text.find(' ').unwrap_or(text.len())),
            kind: TokenKind::Word,
        }],
    });
    doc.mentions = vec![Mention::new(
        Span::new(0, text.find(' ').unwrap_or(text.len())),
        MentionKind::Misc,
    )];
    doc
}

fn corpus() -> Vec<Document> {
    vec![
        doc(
            "Cocoa crop improves",
            "Rain eased the dry spell on the cocoa farms of Ghana.",
            "1987-02-26",
            "en",
            "Reuters",
        ),
        doc(
            "Oil prices fall",
            "Crude oil prices fell as OPEC output rose.",
            "1987-03-02",
            "en",
            "Reuters",
        ),
        doc(
            "Enfrentamientos en Michoacán",
            "Hubo enfrentamientos armados en Michoacán y Jalisco.",
            "2026-02-23",
            "es",
            "El Universal",
        ),
    ]
}

fn open() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(&dir.path().join("t.db")).expect("open store");
    (dir, store)
}

#[test]
fn a_batch_stored_twice_is_stored_once() {
    let (_dir, mut store) = open();
    let docs = corpus();
    let first = store.put_batch(&docs).expect("first batch");
    assert!(first.iter().all(|o| *o == PutOutcome::Stored));
    let second = store.put_batch(&docs).expect("second batch");
    assert!(second.iter().all(
        |o| matches!(o, PutOutcome::Duplicate { first_origin } if first_origin == "fixture.jsonl:1")
    ));
    assert_eq!(store.stats().expect("stats").documents, 3);
}

#[test]
fn duplicates_within_one_batch_are_detected() {
    let (_dir, mut store) = open();
    let mut docs = corpus();
    docs.push(docs[0].clone());
    let outcomes = store.put_batch(&docs).expect("batch");
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == PutOutcome::Stored)
            .count(),
        3
    );
    assert!(matches!(outcomes[3], PutOutcome::Duplicate { .. }));
}

#[test]
fn get_by_prefix_round_trips_the_document() {
    let (_dir, mut store) = open();
    let docs = corpus();
    store.put_batch(&docs).expect("batch");
    let id = docs[2].id.as_str();
    let stored = store.get(&id[..10]).expect("get").expect("found");
    assert_eq!(stored.document, docs[2]);
    assert!(store.get("zzzz").expect("non-hex is not found").is_none());
    assert!(store.get("0000000000000000").expect("absent").is_none());
    // A one-character prefix shared by several ids is ambiguous, never a silent pick.
    let shared = docs.iter().map(|d| &d.id.as_str()[..1]).find(|p| {
        docs.iter()
            .filter(|d| d.id.as_str().starts_with(*p))
            .count()
            > 1
    });
    if let Some(prefix) = shared {
        assert!(matches!(
            store.get(prefix),
            Err(StoreError::AmbiguousId { .. })
        ));
    }
}

#[test]
fn search_ranks_filters_and_highlights() {
    let (_dir, mut store) = open();
    store.put_batch(&corpus()).expect("batch");
    let query = |text: &str| SearchQuery {
        text: text.into(),
        limit: 10,
        ..SearchQuery::default()
    };

    let hits = store.search(&query("cocoa")).expect("search");
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit.title.as_deref(), Some("Cocoa crop improves"));
    let (start, end) = hit.highlights[0];
    assert_eq!(hit.snippet[start..end].to_lowercase(), "cocoa");

    // Accents are folded: "Michoacan" finds "Michoacán".
    assert_eq!(store.search(&query("michoacan")).expect("search").len(), 1);
    // Filters.
    let mut q = query("prices OR enfrentamientos");
    assert_eq!(store.search(&q).expect("search").len(), 2);
    q.lang = Some("es".into());
    assert_eq!(store.search(&q).expect("search").len(), 1);
    q.lang = None;
    q.since = "2000-01-01".parse().ok();
    assert_eq!(store.search(&q).expect("search").len(), 1);
    q.since = None;
    q.source = Some("reuters".into());
    assert_eq!(store.search(&q).expect("search").len(), 1);
    // Punctuation and operators typed by a user never become a syntax error.
    assert!(store.search(&query("U.S. \"oil")).is_ok());
    assert!(matches!(
        store.search(&query("  ")),
        Err(StoreError::EmptyQuery { .. })
    ));
}

#[test]
fn reopening_keeps_data_and_schema_version() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.db");
    {
        let mut store = SqliteStore::open(&path).expect("open");
        store.put_batch(&corpus()).expect("batch");
    }
    let store = SqliteStore::open(&path).expect("reopen");
    let stats = store.stats().expect("stats");
    assert_eq!(stats.documents, 3);
    assert_eq!(stats.schema_version, 5);
    assert_eq!(
        stats.by_lang,
        vec![("en".to_string(), 2), ("es".to_string(), 1)]
    );
    assert_eq!(stats.tokens, 3);
}

#[test]
fn a_store_from_a_newer_version_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("t.db");
    drop(SqliteStore::open(&path).expect("open"));
    let conn = rusqlite::Connection::open(&path).expect("raw open");
    conn.execute(
        "INSERT INTO schema_migrations VALUES (99, 'future', 'x')",
        [],
    )
    .expect("insert");
    drop(conn);
    assert!(matches!(
        SqliteStore::open(&path),
        Err(StoreError::TooNew { found: 99, .. })
    ));
}

#[test]
fn an_unopenable_path_names_the_file() {
    let err = SqliteStore::open(std::path::Path::new("/nonexistent-dir/sub/t.db"))
        .err()
        .expect("error");
    assert!(
        err.to_string().contains("/nonexistent-dir/sub/t.db"),
        "{err}"
    );
}
