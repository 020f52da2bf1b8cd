//! The commands across documents, end to end over one of the fixture stories: entities, entity
//! profiles with --why, event clusters with filters, paths, timelines, counts, source grades, and
//! merges and splits that outlive `tessera resolve --full`.

mod common;

use common::*;
use std::path::{Path, PathBuf};

fn story() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/stories/01-culiacan-emboscada")
}

fn json_lines(run: &Run) -> Vec<serde_json::Value> {
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("story.db");
    let story = story();
    let (status, summary) = ingest_json(
        &db,
        &[story.to_str().expect("utf-8 path"), "--include", "a*.txt"],
    );
    assert_eq!(status, Some(0), "{summary}");
    assert_eq!(count(&summary, "new"), 4);
    (dir, db)
}

fn entity_id(db: &Path, name: &str) -> String {
    let run = tessera(db, &["entity", name, "--json"]);
    let profile = &json_lines(&run)[0];
    profile["id"].as_str().expect("id").to_string()
}

#[test]
fn entities_profiles_and_why() {
    let (_dir, db) = ingested();
    let found = json_lines(&tessera(
        &db,
        &["entities", "bojorquez", "--kind", "per", "--json"],
    ));
    let names: Vec<&str> = found.iter().filter_map(|e| e["name"].as_str()).collect();
    assert!(names.iter().any(|n| n.starts_with("Sara")), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("Iv")), "{names:?}");

    let run = tessera(&db, &["entity", "Sara Bojórquez Leyva", "--why", "--json"]);
    let profile = &json_lines(&run)[0];
    assert!(
        profile["document_list"]
            .as_array()
            .expect("documents")
            .len()
            >= 3,
        "{profile}"
    );
    let why = profile["why"].as_array().expect("why");
    assert!(
        why.iter()
            .all(|l| !l["reason"].as_str().unwrap_or("").is_empty())
    );

    let text = tessera(&db, &["entity", "Sara Bojórquez Leyva", "--why"]);
    assert_eq!(text.status, Some(0), "{}", text.stderr);
    assert!(text.stdout.contains("why:"), "{}", text.stdout);

    let missing = tessera(&db, &["entity", "Nobody Atall"]);
    assert_eq!(missing.status, Some(1));
    assert!(
        missing.stderr.contains("no entity matches"),
        "{}",
        missing.stderr
    );
}

#[test]
fn event_clusters_with_filters_counts_and_grades() {
    let (_dir, db) = ingested();
    let clusters = json_lines(&tessera(&db, &["events", "--json"]));
    assert!(!clusters.is_empty());
    for cluster in &clusters {
        for field in [
            "id",
            "type",
            "mode",
            "contexts",
            "place",
            "date",
            "actors",
            "recipients",
            "fatalities",
            "contradictions",
            "documents",
            "reports",
            "corroboration",
            "credibility",
        ] {
            assert!(cluster.get(field).is_some(), "{field} missing in {cluster}");
        }
    }
    let ambush = clusters
        .iter()
        .max_by_key(|c| c["documents"].as_array().map_or(0, Vec::len))
        .expect("a cluster");
    assert!(
        ambush["documents"].as_array().expect("docs").len() >= 3,
        "{ambush}"
    );
    assert_eq!(ambush["type"], "ASSAULT");

    let corroborated = json_lines(&tessera(
        &db,
        &[
            "events",
            "--type",
            "ASSAULT",
            "--min-corroboration",
            "2",
            "--json",
        ],
    ));
    assert!(!corroborated.is_empty());
    assert!(
        corroborated
            .iter()
            .all(|c| c["corroboration"].as_u64() >= Some(2))
    );
    let none = json_lines(&tessera(
        &db,
        &["events", "--since", "2030-01-01", "--json"],
    ));
    assert!(none.is_empty());

    let counts = json_lines(&tessera(
        &db,
        &["stats", "events", "--by", "type,day", "--json"],
    ));
    let total: u64 = counts.iter().filter_map(|g| g["clusters"].as_u64()).sum();
    assert_eq!(
        total as usize,
        json_lines(&tessera(&db, &["events", "--json"])).len()
    );
    let bad = tessera(&db, &["stats", "events", "--by", "colour"]);
    assert_eq!(bad.status, Some(1));
    assert!(bad.stderr.contains("cannot group by"), "{}", bad.stderr);

    let set = tessera(&db, &["source", "set", "EFE", "--grade", "b"]);
    assert_eq!(set.status, Some(0), "{}", set.stderr);
    let sources = json_lines(&tessera(&db, &["source", "list", "--json"]));
    assert!(
        sources
            .iter()
            .any(|s| s["name"] == "EFE" && s["grade"] == "B"),
        "{sources:?}"
    );
    let wrong = tessera(&db, &["source", "set", "EFE", "--grade", "Z"]);
    assert_eq!(wrong.status, Some(1));
}

#[test]
fn paths_and_timelines() {
    let (_dir, db) = ingested();
    let run = tessera(&db, &["path", "Sara Bojórquez Leyva", "Culiacán", "--json"]);
    let steps = &json_lines(&run)[0];
    let steps = steps.as_array().expect("a path");
    assert!(!steps.is_empty());
    assert!(
        steps
            .iter()
            .all(|s| !s["evidence"].as_str().unwrap_or("").is_empty())
    );
    let timeline = json_lines(&tessera(&db, &["timeline", "--place", "Sinaloa", "--json"]));
    assert!(!timeline.is_empty());
    let dates: Vec<&str> = timeline.iter().filter_map(|i| i["date"].as_str()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "in date order");
}

#[test]
fn merges_and_splits_outlive_a_full_rebuild() {
    let (_dir, db) = ingested();
    let sara = entity_id(&db, "Sara Bojórquez Leyva");
    let ivan = entity_id(&db, "Iván Bojórquez Soto");
    assert_ne!(sara, ivan, "namesakes by surname stay apart");
    let run = tessera(&db, &["entity", "merge", &sara, &ivan]);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert_eq!(entity_id(&db, "Iván Bojórquez Soto"), sara);

    let rebuilt = tessera(&db, &["resolve", "--full", "--json"]);
    assert_eq!(rebuilt.status, Some(0), "{}", rebuilt.stderr);
    let sara = entity_id(&db, "Sara Bojórquez Leyva");
    assert_eq!(
        entity_id(&db, "Iván Bojórquez Soto"),
        sara,
        "the merge is kept"
    );

    // Split one document's mention off, and it stays alone after another rebuild.
    let documents_of = |id: &str| -> Vec<String> {
        let profile = &json_lines(&tessera(&db, &["entity", id, "--json"]))[0];
        profile["document_list"]
            .as_array()
            .expect("documents")
            .iter()
            .filter_map(|d| d["id"].as_str().map(str::to_string))
            .collect()
    };
    let before = documents_of(&sara);
    assert!(before.len() >= 3, "{before:?}");
    let doc = before[0].clone();
    let run = tessera(&db, &["entity", "split", &sara, "--document", &doc[..12]]);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let rebuilt = tessera(&db, &["resolve", "--full", "--json"]);
    assert_eq!(rebuilt.status, Some(0), "{}", rebuilt.stderr);
    let sara_entities: Vec<String> = json_lines(&tessera(
        &db,
        &["entities", "sara", "--kind", "PER", "--json"],
    ))
    .iter()
    .filter_map(|e| e["id"].as_str().map(str::to_string))
    .collect();
    let holding: Vec<Vec<String>> = sara_entities
        .iter()
        .map(|id| documents_of(id))
        .filter(|docs| docs.contains(&doc))
        .collect();
    assert_eq!(
        holding,
        vec![vec![doc.clone()]],
        "the split mention stands alone"
    );
    assert!(
        sara_entities
            .iter()
            .any(|id| documents_of(id).len() == before.len() - 1),
        "the other documents stay together"
    );
}

#[test]
fn ingest_without_resolution_then_resolve() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("later.db");
    let story = story();
    let (status, _) = ingest_json(
        &db,
        &[
            story.to_str().expect("utf-8 path"),
            "--include",
            "a*.txt",
            "--no-resolve",
        ],
    );
    assert_eq!(status, Some(0));
    assert!(json_lines(&tessera(&db, &["events", "--json"])).is_empty());
    let run = tessera(&db, &["resolve", "--json"]);
    let summary = &json_lines(&run)[0];
    assert_eq!(summary["documents"], 4);
    assert!(!json_lines(&tessera(&db, &["events", "--json"])).is_empty());
}
