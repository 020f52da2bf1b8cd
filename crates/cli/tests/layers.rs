//! Every layer the pipeline builds reaches the store and comes back through `tessera show`.

mod common;

use common::*;

fn fixture() -> String {
    fixtures()
        .join("layers/port-strike.md")
        .to_str()
        .expect("utf-8 path")
        .to_string()
}

#[test]
fn show_lists_the_entities_relations_and_events_that_extract_finds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let article = fixture();
    let (status, summary) = ingest_json(&db, &[&article]);
    assert_eq!(status, Some(0), "{summary}");
    assert_eq!(count(&summary, "new"), 1, "{summary}");

    let extracted = tessera(&db, &["extract", &article, "--format", "json"]);
    assert_eq!(extracted.status, Some(0), "{}", extracted.stderr);
    let extracted: serde_json::Value =
        serde_json::from_str(extracted.stdout.trim()).expect("extract JSON");
    let id = extracted["document"]["id"].as_str().expect("document id");

    let shown = tessera(&db, &["show", id, "--json"]);
    assert_eq!(shown.status, Some(0), "{}", shown.stderr);
    let shown: serde_json::Value = serde_json::from_str(&shown.stdout).expect("show JSON");
    // What was stored is exactly what the pipeline found, and `show --json` is the output
    // contract with the stored extras beside it.
    for layer in ["entities", "relations", "events"] {
        assert_eq!(shown[layer], extracted[layer], "layer {layer} differs");
    }
    let contract = extracted.as_object().expect("contract object");
    for (key, value) in contract {
        if key == "document" {
            for (field, value) in value.as_object().expect("contract document") {
                assert_eq!(&shown[key][field], value, "document.{field} differs");
            }
        } else {
            assert_eq!(&shown[key], value, "{key} differs");
        }
    }
    for extra in ["text", "origin", "ingested_at", "lang_confidence"] {
        assert!(!shown["document"][extra].is_null(), "document.{extra}");
    }
    for extra in ["mentions", "sentences", "places"] {
        assert!(shown[extra].is_array(), "{extra}");
    }
    let entities = shown["entities"].as_array().expect("entities");
    assert!(
        entities.len() >= 3,
        "an article naming a city, a country, a federation and two people yields entities: {entities:#?}"
    );
    let places = shown["places"].as_array().expect("places");
    for place in places {
        assert!(place["place"]["lat"].is_f64(), "{place}");
    }

    // The plain listing names every entity after the text.
    let listing = tessera(&db, &["show", &id[..10]]);
    assert_eq!(listing.status, Some(0), "{}", listing.stderr);
    let after_text = listing
        .stdout
        .split_once("officials said.")
        .map(|(_, rest)| rest)
        .expect("the text is printed");
    assert!(after_text.contains("\nentities\n"), "{}", listing.stdout);
    for entity in entities {
        let name = entity["name"].as_str().expect("entity name");
        let kind = entity["kind"].as_str().expect("entity kind");
        assert!(
            after_text
                .lines()
                .any(|line| line.contains(kind) && line.contains(name)),
            "{kind} {name} is not listed:\n{after_text}"
        );
    }

    // Stats count what show listed.
    let stats = tessera(&db, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&stats.stdout).expect("stats JSON");
    assert_eq!(stats["entities"].as_u64(), Some(entities.len() as u64));
    assert_eq!(
        stats["events"].as_u64(),
        shown["events"].as_array().map(|e| e.len() as u64)
    );
    assert_eq!(stats["places"].as_u64(), Some(places.len() as u64));
}

#[test]
fn re_ingesting_an_article_adds_no_facts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let article = fixture();
    ingest_json(&db, &[&article]);
    let stats_once = tessera(&db, &["stats", "--json"]).stdout;
    let (status, second) = ingest_json(&db, &[&article]);
    assert_eq!(status, Some(0));
    assert_eq!(count(&second, "duplicate"), 1, "{second}");
    let stats_twice = tessera(&db, &["stats", "--json"]).stdout;
    let counts = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).expect("stats JSON");
        ["documents", "entities", "relations", "events", "places"].map(|k| v[k].as_u64())
    };
    assert_eq!(counts(&stats_once), counts(&stats_twice));
}
