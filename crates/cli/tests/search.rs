//! Search, show and stats over a small store, with a snapshot of the JSON search output.

mod common;

use common::*;

fn store_with_fixtures() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let articles = fixtures().join("articles");
    let (status, summary) = ingest_json(&db, &[articles.to_str().expect("utf-8 path")]);
    assert_eq!(status, Some(0), "{summary}");
    (dir, db)
}

fn hits(db: &std::path::Path, args: &[&str]) -> Vec<serde_json::Value> {
    let mut all = vec!["search", "--json"];
    all.extend_from_slice(args);
    let run = tessera(db, &all);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("hit JSON"))
        .collect()
}

#[test]
fn search_json_output_is_stable() {
    let (_dir, db) = store_with_fixtures();
    let found = hits(&db, &["repairs OR ferry"]);
    insta::assert_json_snapshot!(found, { "[].score" => "[score]" });
}

#[test]
fn filters_ranking_and_accent_folding() {
    let (_dir, db) = store_with_fixtures();
    // A title match outranks a body-only match.
    let strike = hits(&db, &["strike"]);
    assert_eq!(strike.len(), 2);
    assert_eq!(strike[0]["title"], "Port strike enters second week");
    // Spanish text, accents folded, language filter.
    assert_eq!(hits(&db, &["cafe", "--lang", "es"]).len(), 1);
    assert_eq!(hits(&db, &["cafe", "--lang", "en"]).len(), 0);
    assert_eq!(hits(&db, &["valparaiso"]).len(), 1);
    // Date and source filters.
    assert_eq!(
        hits(
            &db,
            &["said", "--since", "2025-05-01", "--until", "2025-12-31"]
        )
        .len(),
        2
    );
    assert_eq!(hits(&db, &["said", "--source", "harbour watch"]).len(), 1);
    assert_eq!(hits(&db, &["said", "--limit", "2"]).len(), 2);
    // Phrases and exclusion.
    assert_eq!(hits(&db, &["\"national strike\""]).len(), 1);
    assert_eq!(hits(&db, &["strike -rotterdam"]).len(), 1);
}

#[test]
fn human_output_highlights_the_match() {
    let (_dir, db) = store_with_fixtures();
    let run = tessera(&db, &["search", "Rotterdam"]);
    assert_eq!(run.status, Some(0));
    assert!(run.stdout.contains("[Rotterdam]"), "{}", run.stdout);
    assert!(run.stderr.contains("1 result"), "{}", run.stderr);
}

#[test]
fn stats_and_show_report_what_is_stored() {
    let (_dir, db) = store_with_fixtures();
    let run = tessera(&db, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&run.stdout).expect("stats JSON");
    assert_eq!(stats["documents"], 10);
    assert_eq!(
        stats["undated"], 1,
        "only the JSON line whose date is null: {stats}"
    );
    let langs = stats["by_lang"].as_array().expect("by_lang");
    assert!(
        langs.iter().any(|pair| pair[0] == "es" && pair[1] == 1),
        "{stats}"
    );

    let missing = tessera(&db, &["show", "ffffffffffff"]);
    assert_eq!(missing.status, Some(1));
    assert!(missing.stderr.contains("no document"), "{}", missing.stderr);
}
