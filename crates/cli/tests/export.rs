//! `tessera export`, end to end over two fixture stories: every format holds what `tessera
//! events` and the graph hold, filters apply, files are written whole, and mistakes are named.
//! (The formats' own consumers, DuckDB, networkx, followthemoney and a GeoJSON validator, read
//! the same exports in `tools/check-exports.sh`.)

mod common;

use common::*;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("stories.db");
    let stories = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/stories");
    let args: Vec<String> = ["01-culiacan-emboscada", "05-negros-ambush"]
        .iter()
        .map(|s| stories.join(s).display().to_string())
        .chain(["--include".to_string(), "a*.txt".to_string()])
        .collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (status, summary) = ingest_json(&db, &args);
    assert_eq!(status, Some(0), "{summary}");
    (dir, db)
}

fn exported(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    let run = tessera(db, &all);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    run.stdout
}

/// Records of one kind from the JSON Lines export.
fn records(jsonl: &str, kind: &str) -> Vec<serde_json::Value> {
    jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter(|v| v["record"] == kind)
        .collect()
}

/// RFC 4180 rows (quoted fields may hold commas, quotes and line breaks).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn every_format_holds_the_clusters_and_entities() {
    let (_dir, db) = ingested();
    let jsonl = exported(&db, &["jsonl"]);
    let clusters = records(&jsonl, "cluster");
    let entities = records(&jsonl, "entity");
    assert!(clusters.len() >= 5 && entities.len() >= 10, "{jsonl}");
    // The same clusters as `tessera events --json`, with every field.
    let events = tessera(&db, &["events", "--json", "--limit", "1000"]);
    assert_eq!(events.stdout.lines().count(), clusters.len());
    assert!(
        clusters
            .iter()
            .all(|c| c["reports"].is_array() && c["id"].is_string())
    );

    // ACLED: the codebook's columns, one row per cluster ACLED records, typed fields.
    let rows = csv_rows(&exported(&db, &["acled"]));
    assert_eq!(rows[0].join(","), tessera_export::acled::COLUMNS.join(","));
    let body = &rows[1..];
    assert!(!body.is_empty());
    let column = |name: &str| {
        tessera_export::acled::COLUMNS
            .iter()
            .position(|c| *c == name)
            .expect("column")
    };
    let violent = clusters
        .iter()
        .filter(|c| c["type"] == "ASSAULT" && c["date"].is_object())
        .count();
    let battles_or_violence = body
        .iter()
        .filter(|r| {
            [
                "Battles",
                "Violence against civilians",
                "Explosions/Remote violence",
            ]
            .contains(&r[column("event_type")].as_str())
        })
        .count();
    assert!(battles_or_violence <= violent && battles_or_violence >= 1);
    for row in body {
        assert_eq!(row.len(), tessera_export::acled::COLUMNS.len(), "{row:?}");
        assert!(row[column("fatalities")].parse::<u32>().is_ok(), "{row:?}");
        assert!(["1", "2", "3"].contains(&row[column("time_precision")].as_str()));
        assert!(row[column("notes")].starts_with("On "), "{row:?}");
        if !row[column("latitude")].is_empty() {
            assert!(row[column("latitude")].parse::<f64>().is_ok());
        }
    }
    // An ambush reported killed soldiers: the most conservative count of some cluster is > 0.
    assert!(body.iter().any(|r| r[column("fatalities")] != "0"));

    // GeoJSON: a point per cluster with coordinates, longitude first.
    let geojson: serde_json::Value =
        serde_json::from_str(&exported(&db, &["geojson", "--entities"])).expect("GeoJSON");
    assert_eq!(geojson["type"], "FeatureCollection");
    let features = geojson["features"].as_array().expect("features");
    let placed = clusters
        .iter()
        .filter(|c| c["place"]["lat"].is_number())
        .count();
    let events = features
        .iter()
        .filter(|f| f["properties"]["kind"] == "event")
        .count();
    assert_eq!(events, placed);
    assert!(features.iter().any(|f| f["properties"]["kind"] == "place"));
    for f in features {
        let xy = f["geometry"]["coordinates"].as_array().expect("point");
        let (lon, lat) = (xy[0].as_f64().expect("lon"), xy[1].as_f64().expect("lat"));
        assert!((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat));
    }

    // Networks: a node per entity, the same edges in both formats.
    let graphml = exported(&db, &["graphml"]);
    let gexf = exported(&db, &["gexf"]);
    assert_eq!(graphml.matches("<node id=").count(), entities.len());
    assert_eq!(gexf.matches("<node id=").count(), entities.len());
    let edges = graphml.matches("<edge id=").count();
    assert!(edges >= 1);
    assert_eq!(gexf.matches("<edge id=").count(), edges);
    // Shared events join the soldiers' army and the rebels who ambushed them, or someone.
    assert!(graphml.contains(r#"<data key="e_kind">event</data>"#));
}

#[test]
fn filters_narrow_the_export_and_files_are_written_whole() {
    let (dir, db) = ingested();
    let all = records(&exported(&db, &["jsonl"]), "cluster");
    let assaults = records(&exported(&db, &["jsonl", "--type", "ASSAULT"]), "cluster");
    assert!(!assaults.is_empty() && assaults.len() < all.len());
    assert!(assaults.iter().all(|c| c["type"] == "ASSAULT"));
    let in_philippines = records(&exported(&db, &["jsonl", "--country", "PH"]), "cluster");
    let ids: BTreeSet<&str> = in_philippines
        .iter()
        .filter_map(|c| c["id"].as_str())
        .collect();
    assert!(!ids.is_empty());
    // (A cluster whose own place the gazetteer lacks is placed by its documents' scene.)
    assert!(
        in_philippines
            .iter()
            .all(|c| c["place"]["country"] == "PH" || c["place"]["country"].is_null()),
        "{in_philippines:?}"
    );
    assert!(in_philippines.iter().any(|c| c["place"]["country"] == "PH"));

    let file = dir.path().join("events.csv");
    let run = tessera(
        &db,
        &["export", "acled", "-o", file.to_str().expect("utf-8")],
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    assert!(run.stdout.is_empty());
    assert!(run.stderr.contains("exported"), "{}", run.stderr);
    let written = std::fs::read_to_string(&file).expect("written");
    assert!(written.starts_with("event_id_cnty,"));
    // Only the file: no temporary left beside it.
    let beside: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with("stories.db"))
        .collect();
    assert_eq!(beside, vec!["events.csv".to_string()]);
}

#[test]
fn mistakes_are_named() {
    let (dir, db) = ingested();
    let run = tessera(&db, &["export", "shapefile"]);
    assert_ne!(run.status, Some(0));
    assert!(
        run.stderr.contains("shapefile") && run.stderr.contains("geojson"),
        "{}",
        run.stderr
    );
    let nowhere = dir.path().join("no/such/dir/out.csv");
    let run = tessera(
        &db,
        &["export", "acled", "-o", nowhere.to_str().expect("utf-8")],
    );
    assert_ne!(run.status, Some(0));
    assert!(run.stderr.contains("no/such/dir"), "{}", run.stderr);
    let run = tessera(&db, &["export", "geojson", "--min-certainty", "sure"]);
    assert_ne!(run.status, Some(0));
    assert!(run.stderr.contains("sure"), "{}", run.stderr);
}

#[test]
fn followthemoney_lines_link_only_entities_they_hold() {
    let (_dir, db) = ingested();
    let entities = records(&exported(&db, &["jsonl"]), "entity");
    let lines: Vec<serde_json::Value> = exported(&db, &["ftm"])
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let ids: BTreeSet<&str> = lines.iter().filter_map(|l| l["id"].as_str()).collect();
    assert_eq!(ids.len(), lines.len(), "ids are unique");
    let schema_of = |id: &str| {
        lines
            .iter()
            .find(|l| l["id"] == id)
            .and_then(|l| l["schema"].as_str())
            .unwrap_or("missing")
            .to_string()
    };
    let people_and_groups = entities
        .iter()
        .filter(|e| e["kind"] == "PER" || e["kind"] == "ORG")
        .count();
    let written = lines
        .iter()
        .filter(|l| l["schema"] == "Person" || l["schema"] == "Organization")
        .count();
    assert_eq!(written, people_and_groups);
    // Every reference points at a line of the right schema.
    for line in &lines {
        let properties = line["properties"].as_object().expect("properties");
        for (property, expected) in [
            ("document", &["Article"][..]),
            ("proof", &["Article"]),
            ("resolved", &["Person", "Organization"]),
            ("holder", &["Person"]),
            ("post", &["Position"]),
            ("involved", &["Person", "Organization"]),
        ] {
            for value in properties
                .get(property)
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                let target = schema_of(value.as_str().expect("an id"));
                assert!(
                    expected.contains(&target.as_str()),
                    "{property} -> {target}"
                );
            }
        }
    }
    assert!(lines.iter().any(|l| l["schema"] == "Event"));
    assert!(lines.iter().any(|l| l["schema"] == "Mention"));
    assert!(lines.iter().any(|l| {
        ["Occupancy", "Membership", "Directorship", "UnknownLink"]
            .contains(&l["schema"].as_str().unwrap_or_default())
    }));
    // Stable: the same store exports the same lines.
    assert_eq!(
        exported(&db, &["ftm"])
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("line"))
            .collect::<Vec<_>>(),
        lines
    );
}

#[test]
fn parquet_writes_two_tables_into_a_folder() {
    let (dir, db) = ingested();
    let folder = dir.path().join("tables");
    let run = tessera(
        &db,
        &["export", "parquet", "-o", folder.to_str().expect("utf-8")],
    );
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    for table in ["events.parquet", "entities.parquet"] {
        let bytes = std::fs::read(folder.join(table)).expect(table);
        // A Parquet file starts and ends with its magic number.
        assert!(
            bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
            "{table}"
        );
    }
    let run = tessera(&db, &["export", "parquet"]);
    assert_ne!(run.status, Some(0));
    assert!(run.stderr.contains("-o DIR"), "{}", run.stderr);
}

#[test]
fn extract_writes_the_export_formats_for_its_articles_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/stories/05-negros-ambush")
        .read_dir()
        .expect("story")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "txt"))
        .expect("an article");
    let article = article.to_str().expect("utf-8");
    // `extract` opens no store: the --db given here must stay untouched.
    let db = dir.path().join("untouched.db");
    let geojson = tessera(&db, &["extract", "--format", "geojson", article]);
    assert_eq!(geojson.status, Some(0), "{}", geojson.stderr);
    let value: serde_json::Value = serde_json::from_str(&geojson.stdout).expect("GeoJSON");
    assert_eq!(value["type"], "FeatureCollection");
    assert!(!value["features"].as_array().expect("features").is_empty());
    let acled = tessera(&db, &["extract", "--format", "acled", article]);
    assert_eq!(acled.status, Some(0), "{}", acled.stderr);
    assert!(acled.stdout.starts_with("event_id_cnty,event_date,"));
    let ftm = tessera(&db, &["extract", "--format", "ftm", article]);
    assert!(
        ftm.stdout
            .lines()
            .any(|l| l.contains(r#""schema":"Article""#))
    );
    assert!(!db.exists());
}
