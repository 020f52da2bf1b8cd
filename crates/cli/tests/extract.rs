//! `tessera extract`: the output contract over the real models and gazetteer.

mod common;

use common::*;
use std::io::Write;

fn extract(path: &std::path::Path) -> serde_json::Value {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = tessera(
        &dir.path().join("unused.db"),
        &["extract", path.to_str().expect("utf-8 path")],
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    serde_json::from_str(run.stdout.trim()).expect("one JSON object")
}

#[test]
fn extraction_follows_the_output_contract() {
    let value = extract(&fixtures().join("articles/tapalpa.txt"));
    let text_of = |e: &serde_json::Value| e["name"].as_str().unwrap_or_default().to_string();
    let entities = value["entities"].as_array().expect("entities");
    // A compact view for the snapshot: kind, name, and where places were put.
    let view: Vec<String> = entities
        .iter()
        .map(|e| {
            let place = &e["place"];
            if place.is_null() {
                format!("{} {}", e["kind"].as_str().unwrap_or_default(), text_of(e))
            } else {
                format!(
                    "{} {} -> {} ({}, {}, {})",
                    e["kind"].as_str().unwrap_or_default(),
                    text_of(e),
                    place["name"].as_str().unwrap_or_default(),
                    place["admin1"].as_str().unwrap_or("-"),
                    place["country"].as_str().unwrap_or("-"),
                    place["feature"].as_str().unwrap_or_default(),
                )
            }
        })
        .collect();
    insta::assert_yaml_snapshot!(view);
    insta::assert_json_snapshot!(value["document"], { ".id" => "[id]" });
    // Every mention's span is the exact bytes of its text.
    let text = std::fs::read_to_string(fixtures().join("articles/tapalpa.txt")).expect("fixture");
    let body = &text[text.find("Mexican authorities").expect("body start")..];
    for entity in entities {
        assert!(
            entity["id"].is_string() && entity["aliases"].is_array() && entity["roles"].is_array()
        );
        for mention in entity["mentions"].as_array().expect("mentions") {
            let (start, end) = (
                mention["start"].as_u64().expect("start") as usize,
                mention["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(body.get(start..end), mention["text"].as_str(), "{mention}");
        }
    }
    // Place references: exact spans, a kind from the vocabulary, a resolved place.
    let references = value["place_references"]
        .as_array()
        .expect("place_references");
    for reference in references {
        let (start, end) = (
            reference["start"].as_u64().expect("start") as usize,
            reference["end"].as_u64().expect("end") as usize,
        );
        assert_eq!(
            body.get(start..end),
            reference["text"].as_str(),
            "{reference}"
        );
        assert!(
            matches!(
                reference["kind"].as_str(),
                Some("adjective" | "within_name")
            ),
            "{reference}"
        );
        assert!(reference["place"]["name"].is_string(), "{reference}");
    }
    let adjectives: Vec<&str> = references
        .iter()
        .filter(|r| r["kind"] == "adjective")
        .filter_map(|r| r["text"].as_str())
        .collect();
    assert!(adjectives.contains(&"Mexican"), "{references:?}");
    let values: Vec<&str> = value["values"]
        .as_array()
        .expect("values")
        .iter()
        .filter_map(|v| v["text"].as_str())
        .collect();
    assert!(values.contains(&"Sunday"), "{values:?}");
    // Relations and events, compactly: who, what, whom, where, when, how sure.
    let name_of = |id: &serde_json::Value| {
        entities
            .iter()
            .find(|e| e["id"] == *id)
            .map_or_else(|| id.as_str().unwrap_or_default().to_string(), text_of)
    };
    let relations: Vec<String> = value["relations"]
        .as_array()
        .expect("relations")
        .iter()
        .map(|r| {
            format!(
                "{} {} {} ({})",
                name_of(&r["subject"]),
                r["predicate"].as_str().unwrap_or_default(),
                name_of(&r["object"]),
                r["certainty"].as_str().unwrap_or_default()
            )
        })
        .collect();
    insta::assert_yaml_snapshot!("relations", relations);
    let names = |list: &serde_json::Value| -> String {
        list.as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p["name"].as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let events: Vec<String> = value["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| {
            format!(
                "{} {} [{}] {} -> {} at {} on {} ({}; {})",
                e["type"].as_str().unwrap_or_default(),
                e["mode"].as_str().unwrap_or("-"),
                names(
                    &e["contexts"]
                        .as_array()
                        .map_or(serde_json::Value::Null, |c| {
                            serde_json::Value::Array(
                                c.iter().map(|x| serde_json::json!({ "name": x })).collect(),
                            )
                        })
                ),
                names(&e["actors"]),
                names(&e["recipients"]),
                e["place"]["name"].as_str().unwrap_or("-"),
                e["date"]["value"].as_str().unwrap_or("-"),
                e["certainty"].as_str().unwrap_or_default(),
                names(&e["attribution"]),
            )
        })
        .collect();
    insta::assert_yaml_snapshot!("events", events);
}

#[test]
fn a_language_without_a_model_is_marked_unsupported() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("fr.txt");
    std::fs::File::create(&path)
        .and_then(|mut f| {
            f.write_all(
                "Les agriculteurs ont bloqué les routes autour de Lyon mardi, selon la préfecture, \
                 et la grève devrait continuer pendant toute la semaine dans la région."
                    .as_bytes(),
            )
        })
        .expect("write fixture");
    let value = extract(&path);
    assert_eq!(value["document"]["lang"], "fr");
    assert!(
        value["document"]["unsupported"]
            .as_str()
            .is_some_and(|s| s.contains("fr")),
        "{value}"
    );
    assert_eq!(value["entities"].as_array().map(Vec::len), Some(0));
}

#[test]
fn several_documents_are_json_lines_in_input_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let wires = fixtures().join("articles/wires.jsonl");
    let run = tessera(
        &dir.path().join("t.db"),
        &["extract", wires.to_str().expect("utf-8")],
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    let titles: Vec<String> = run
        .stdout
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["document"]["title"]
                .to_string()
        })
        .collect();
    assert_eq!(
        titles,
        [
            "\"Cocoa showers improve Bahia crop\"",
            "\"Oil output rises\"",
            "\"Flood warning for the Ebro\""
        ]
    );
}
