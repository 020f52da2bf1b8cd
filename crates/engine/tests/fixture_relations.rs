//! Relations over the project's fixture articles (`fixtures/articles`, English and Spanish),
//! scored strictly: each expected entity is paired with at most one predicted entity (and each
//! predicted entity with at most one expected), and a relation counts only when its predicate,
//! its subject's pairing and its object's pairing (or, for a value such as a year or a bare
//! title, the value itself) are all right. Figures per predicate are printed with
//! `--nocapture`; `TESSERA_FIXTURE_MISSES=1` lists what was missed and what was spurious.
//!
//! Also: no document yields two entities of the same name and kind (one entity per real thing).

mod common;

use common::{Count, analyse, expected, fixture_paths, fold, print_misses};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use tessera_engine::{Extraction, Pipeline};

/// Expected entity index → predicted entity index, one to one. A predicted entity is a
/// candidate when it goes by the expected name or one of its aliases (its name, an alias or a
/// mention); the best candidates are taken first: same kind, then the very name.
fn pair_entities(expected: &[Value], got: &Extraction) -> Vec<Option<usize>> {
    let predicted_names: Vec<HashSet<String>> = got
        .entities
        .iter()
        .map(|e| {
            let mut names: HashSet<String> = e.mentions.iter().map(|m| fold(&m.text)).collect();
            names.insert(fold(&e.name));
            names.extend(e.aliases.iter().map(|a| fold(a)));
            names
        })
        .collect();
    let mut candidates = Vec::new();
    for (x, e) in expected.iter().enumerate() {
        let name = fold(e["name"].as_str().unwrap_or(""));
        let mut names = HashSet::from([name.clone()]);
        names.extend(
            e["aliases"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|a| a.as_str())
                .map(fold),
        );
        for (p, entity) in got.entities.iter().enumerate() {
            if names.is_disjoint(&predicted_names[p]) {
                continue;
            }
            let same_kind = e["kind"].as_str() == Some(entity.kind);
            let same_name = fold(&entity.name) == name;
            let score = u8::from(same_kind) * 2 + u8::from(same_name);
            candidates.push((score, x, p));
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut pairing = vec![None; expected.len()];
    let mut taken = vec![false; got.entities.len()];
    for (_, x, p) in candidates {
        if pairing[x].is_none() && !taken[p] {
            pairing[x] = Some(p);
            taken[p] = true;
        }
    }
    pairing
}

/// One side of a relation: a paired entity, or a value.
#[derive(PartialEq)]
enum Side {
    Entity(usize),
    Value(String),
    Unpaired,
}

fn score(
    expected: &Value,
    got: &Extraction,
    totals: &mut BTreeMap<String, Count>,
    misses: &mut Vec<String>,
) {
    let empty = Vec::new();
    let entities = expected["entities"].as_array().unwrap_or(&empty);
    let pairing = pair_entities(entities, got);
    let gold_side = |value: &Value| -> Side {
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        match entities
            .iter()
            .position(|e| e["name"].as_str() == Some(text.as_str()))
        {
            Some(x) => pairing[x].map_or(Side::Unpaired, Side::Entity),
            None => Side::Value(fold(&text)),
        }
    };
    let predicted_side = |id: &str| -> Side {
        match got.entities.iter().position(|e| e.id == id) {
            Some(p) => Side::Entity(p),
            None => Side::Value(fold(id)),
        }
    };
    let predicted: Vec<(Side, &str, Side)> = got
        .relations
        .iter()
        .map(|r| {
            (
                predicted_side(&r.subject),
                r.predicate,
                predicted_side(&r.object),
            )
        })
        .collect();
    for (_, predicate, _) in &predicted {
        totals.entry(predicate.to_string()).or_default().predicted += 1;
    }
    let mut used = vec![false; predicted.len()];
    for r in expected["relations"].as_array().unwrap_or(&empty) {
        let predicate = r["predicate"].as_str().unwrap_or("");
        let count = totals.entry(predicate.to_string()).or_default();
        count.expected += 1;
        let (subject, object) = (gold_side(&r["subject"]), gold_side(&r["object"]));
        let hit = predicted.iter().enumerate().position(|(k, (s, p, o))| {
            !used[k]
                && *p == predicate
                && subject != Side::Unpaired
                && object != Side::Unpaired
                && *s == subject
                && *o == object
        });
        match hit {
            Some(k) => {
                used[k] = true;
                count.matched += 1;
            }
            None => {
                // Say when a side's entity was not found at all (a recognition miss, not a
                // relation miss).
                let unfound = if subject == Side::Unpaired || object == Side::Unpaired {
                    " (entity not found)"
                } else {
                    ""
                };
                misses.push(format!(
                    "relation missed: {} {predicate} {}{unfound}",
                    r["subject"], r["object"]
                ))
            }
        }
    }
    let name = |id: &str| {
        got.entities
            .iter()
            .find(|e| e.id == id)
            .map_or(id.to_string(), |e| e.name.clone())
    };
    for (k, r) in got.relations.iter().enumerate() {
        if !used[k] {
            misses.push(format!(
                "relation spurious: {} {} {}",
                name(&r.subject),
                r.predicate,
                name(&r.object)
            ));
        }
    }
}

#[test]
fn fixture_relations_strict() {
    let paths = fixture_paths();
    let ranged = std::env::var_os("TESSERA_FIXTURE_RANGE").is_some();
    assert!(ranged || paths.len() >= 30, "at least 30 fixture articles");
    let pipeline = Pipeline::with_models().expect("shipped models load");
    let mut totals: BTreeMap<String, Count> = BTreeMap::new();
    for path in &paths {
        let mut misses = Vec::new();
        score(
            &expected(path),
            &analyse(&pipeline, path),
            &mut totals,
            &mut misses,
        );
        print_misses(path, &misses);
    }
    let all = totals.values().fold(Count::default(), |a, c| Count {
        matched: a.matched + c.matched,
        predicted: a.predicted + c.predicted,
        expected: a.expected + c.expected,
    });
    println!(
        "fixture articles: {} (relations scored strictly)",
        paths.len()
    );
    for (predicate, c) in totals.iter().chain([(&"all".to_string(), &all)]) {
        println!(
            "{predicate:<14} precision {:.3}  recall {:.3}  (expected {}, predicted {}, matched {})",
            c.precision(),
            c.recall(),
            c.expected,
            c.predicted,
            c.matched
        );
    }
    // Floors a little under what the rules reach today over 134 articles: P 0.850 R 0.720
    // (P 0.782 R 0.572 before the third round of #14's rules; P 0.720 R 0.427 before the
    // second; 89-114, the relations batch, scored P 0.635 R 0.312 under the rules before they
    // were written).
    let (p, r) = (all.precision(), all.recall());
    assert!(
        ranged || p >= FLOOR.0 && r >= FLOOR.1,
        "relations: precision {p:.3} (floor {}), recall {r:.3} (floor {})",
        FLOOR.0,
        FLOOR.1
    );
}

const FLOOR: (f64, f64) = (0.83, 0.70);

/// One entity per real thing: two entities of one document with the same name and kind are one
/// thing split in two (a place named alone and inside an organisation's name, a short form).
#[test]
fn no_document_names_one_thing_twice() {
    let pipeline = Pipeline::with_models().expect("shipped models load");
    let mut paths = fixture_paths();
    let seed =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/seed-article.txt");
    if seed.exists() {
        paths.push(seed);
    }
    let mut doubles = Vec::new();
    for path in &paths {
        let got = analyse(&pipeline, path);
        let mut seen = HashSet::new();
        for e in &got.entities {
            if !seen.insert((fold(&e.name), e.kind)) {
                doubles.push(format!(
                    "{}: {} {}",
                    path.file_name().and_then(|n| n.to_str()).unwrap_or(""),
                    e.kind,
                    e.name
                ));
            }
        }
    }
    assert!(
        doubles.is_empty(),
        "entities named twice:\n  {}",
        doubles.join("\n  ")
    );
}
