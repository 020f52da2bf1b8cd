//! End to end: every reader through the real binary, idempotent re-runs, and bad input.

mod common;

use common::*;
use std::io::Write;

#[test]
fn a_folder_of_every_format_is_ingested_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let articles = fixtures().join("articles");
    let articles = articles.to_str().expect("utf-8 path");

    let (status, first) = ingest_json(&db, &[articles]);
    assert_eq!(status, Some(0), "{first}");
    assert_eq!(count(&first, "read"), 10, "{first}");
    assert_eq!(count(&first, "new"), 10, "{first}");
    assert_eq!(count(&first, "failed"), 0, "{first}");

    let (status, second) = ingest_json(&db, &[articles]);
    assert_eq!(status, Some(0));
    assert_eq!(
        count(&second, "new"),
        0,
        "a second run adds nothing: {second}"
    );
    assert_eq!(count(&second, "duplicate"), 10);
    assert_eq!(stored_documents(&db), 10);
}

#[test]
fn dateline_byline_and_metadata_reach_the_store() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let file = fixtures().join("articles/tapalpa.txt");
    ingest_json(&db, &[file.to_str().expect("utf-8 path")]);

    let hits = tessera(&db, &["search", "Tapalpa", "--json"]);
    let hit: serde_json::Value =
        serde_json::from_str(hits.stdout.lines().next().expect("one hit")).expect("JSON");
    assert_eq!(
        hit["title"],
        "Army operation in Tapalpa leaves cartel leader dead"
    );
    assert_eq!(hit["published"], "2026-02-24");

    let id = hit["id"].as_str().expect("id");
    let shown = tessera(&db, &["show", &id[..8], "--json"]);
    assert_eq!(shown.status, Some(0), "{}", shown.stderr);
    let doc: serde_json::Value = serde_json::from_str(&shown.stdout).expect("show JSON");
    assert_eq!(doc["document"]["byline"], "Staff, Agencies");
    assert_eq!(doc["document"]["lang"], "en");
    let text = doc["document"]["text"].as_str().expect("text");
    assert!(
        text.starts_with("Mexican authorities confirmed"),
        "header lines are metadata, not text: {text}"
    );
    // Sentences are byte spans into the unaltered text; "Gen." and "R. T." and "U.S." do not end one.
    let sentences = doc["sentences"].as_array().expect("sentences");
    let spans: Vec<&str> = sentences
        .iter()
        .map(|s| {
            &text[s["start"].as_u64().expect("start") as usize
                ..s["end"].as_u64().expect("end") as usize]
        })
        .collect();
    assert_eq!(spans.len(), 3, "{spans:#?}");
    assert!(
        spans[1].starts_with("Gen. R. T. Ortiz") && spans[1].ends_with("shared information."),
        "{spans:#?}"
    );
}

#[test]
fn bad_inputs_are_named_and_the_rest_still_goes_in() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let bad = dir.path().join("in");
    std::fs::create_dir(&bad).expect("mkdir");
    let write = |name: &str, bytes: &[u8]| {
        let path = bad.join(name);
        std::fs::File::create(&path)
            .and_then(|mut f| f.write_all(bytes))
            .expect("write fixture");
        path.to_str().expect("utf-8 path").to_string()
    };
    let good = write(
        "good.txt",
        b"Floods closed three roads near Valencia on Monday, officials said.",
    );
    let binary = write("binary.txt", b"PK\x03\x04\x00\x00binary\x00content");
    let invalid = write("latin1.txt", b"Protesta en Le\xf3n por el agua.");
    let empty = write("empty.txt", b"");
    let jsonl = write(
        "mixed.jsonl",
        b"{\"title\": \"ok\", \"text\": \"A valid line about a port strike in Santos.\"}\n{\"title\": broken\n",
    );
    let feed = write("feed.xml", b"this is not xml at all");
    let large = write("large.txt", &vec![b'a'; 5_000]);
    let unreachable = "http://127.0.0.1:9/feed.xml".to_string();

    let args = [
        &good,
        &binary,
        &invalid,
        &empty,
        &jsonl,
        &feed,
        &large,
        &unreachable,
    ];
    let mut cmd = vec!["ingest", "--max-doc-bytes", "4000"];
    cmd.extend(args.iter().map(|s| s.as_str()));
    let run = tessera(&db, &cmd);
    assert_eq!(
        run.status,
        Some(3),
        "partial failure has its own exit status: {}",
        run.stderr
    );
    for (path, needle) in [
        (&binary, "binary"),
        (&invalid, "UTF-8"),
        (&empty, "empty"),
        (&feed, "feed"),
        (&large, "--max-doc-bytes"),
        (&unreachable, "127.0.0.1:9"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(path.as_str()))
            .unwrap_or_else(|| panic!("no error naming {path}:\n{}", run.stderr));
        assert!(
            line.to_lowercase().contains(&needle.to_lowercase()),
            "{line}"
        );
    }
    assert!(
        run.stderr.contains(&format!("{jsonl}:2")),
        "malformed line is named with its number:\n{}",
        run.stderr
    );
    assert_eq!(stored_documents(&db), 2, "{}", run.stderr);
}

#[test]
fn stdin_is_an_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let mut child = command(&db)
        .args(["ingest", "-", "--format", "text", "--source", "Pipe Daily"])
        .stdin(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"Volcanic ash closed the airport in Catania on Sunday.")
        .expect("write stdin");
    assert!(child.wait().expect("wait").success());
    let hits = tessera(
        &db,
        &["search", "catania", "--source", "pipe daily", "--json"],
    );
    assert_eq!(hits.stdout.lines().count(), 1, "{}", hits.stderr);
}

#[test]
fn querying_a_missing_store_is_a_clear_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("absent.db");
    let run = tessera(&db, &["search", "anything"]);
    assert_eq!(run.status, Some(1));
    assert!(run.stderr.contains("absent.db"), "{}", run.stderr);
    assert!(!db.exists(), "a query must not create a store");
}

#[test]
fn stats_count_the_stored_facts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let articles = fixtures().join("articles");
    ingest_json(&db, &[articles.to_str().expect("utf-8 path")]);

    let json = tessera(&db, &["stats", "--json"]);
    let stats: serde_json::Value = serde_json::from_str(&json.stdout).expect("stats JSON");
    let counts: Vec<u64> = ["entities", "relations", "events", "places"]
        .iter()
        .map(|k| {
            stats[k]
                .as_u64()
                .unwrap_or_else(|| panic!("no {k} in {stats}"))
        })
        .collect();
    assert!(counts[0] > 0, "ten news articles yield entities: {stats}");

    let plain = tessera(&db, &["stats"]);
    assert_eq!(plain.status, Some(0), "{}", plain.stderr);
    let expected = format!(
        "facts        {} entities, {} relations, {} events, {} places",
        counts[0], counts[1], counts[2], counts[3]
    );
    assert!(plain.stdout.contains(&expected), "{}", plain.stdout);
}
