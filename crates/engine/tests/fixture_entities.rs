//! Entities, aliases and roles over the project's fixture articles (`fixtures/articles`,
//! English and Spanish), scored against their expected extractions. Relations are scored
//! strictly, one to one, by `fixture_relations`.
//! Run with `--nocapture` for the figures, and `TESSERA_FIXTURE_MISSES=1` to list misses.

mod common;

use common::{analyse, assert_floor, expected, fixture_paths, fold, print_misses};
use serde_json::Value;
use std::collections::HashSet;
use tessera_engine::{Extraction, Pipeline};

#[derive(Default, Clone, Copy)]
struct Count {
    /// Expected items found.
    true_positive: usize,
    /// Predicted items that are right (equal to `true_positive` where matching is one to one).
    correct: Option<usize>,
    predicted: usize,
    expected: usize,
}

impl Count {
    fn precision(&self) -> f64 {
        ratio(self.correct.unwrap_or(self.true_positive), self.predicted)
    }
    fn recall(&self) -> f64 {
        ratio(self.true_positive, self.expected)
    }
    fn add(&mut self, other: Count) {
        self.true_positive += other.true_positive;
        self.correct = Some(
            self.correct
                .unwrap_or(self.true_positive - other.true_positive)
                + other.correct.unwrap_or(other.true_positive),
        );
        self.predicted += other.predicted;
        self.expected += other.expected;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// An expected entity's aliases, folded.
fn aliases_of(entity: &Value) -> Vec<String> {
    entity["aliases"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a.as_str())
        .map(fold)
        .collect()
}

/// The names a predicted entity goes by: its name, aliases and mention words.
fn names_of(entity: &tessera_engine::Entity) -> HashSet<String> {
    let mut names: HashSet<String> = entity.mentions.iter().map(|m| fold(&m.text)).collect();
    names.insert(fold(&entity.name));
    names.extend(entity.aliases.iter().map(|a| fold(a)));
    names
}

fn expected_names(entity: &Value) -> HashSet<String> {
    let mut names = HashSet::new();
    if let Some(n) = entity["name"].as_str() {
        names.insert(fold(n));
    }
    for a in entity["aliases"].as_array().into_iter().flatten() {
        if let Some(a) = a.as_str() {
            names.insert(fold(a));
        }
    }
    names
}

struct Scores {
    entities: Count,
    entities_any_kind: Count,
    aliases: Count,
    roles: Count,
}

fn score(expected: &Value, got: &Extraction, misses: &mut Vec<String>) -> Scores {
    let empty = Vec::new();
    let expected_entities = expected["entities"].as_array().unwrap_or(&empty);
    let predicted_names: Vec<HashSet<String>> = got.entities.iter().map(names_of).collect();
    // Each expected entity's predicted counterpart: one that goes by its name.
    let counterpart = |e: &Value| -> Option<usize> {
        let name = fold(e["name"].as_str().unwrap_or(""));
        let kind = e["kind"].as_str().unwrap_or("");
        let candidates: Vec<usize> = (0..got.entities.len())
            .filter(|&i| predicted_names[i].contains(&name))
            .collect();
        candidates
            .iter()
            .copied()
            .find(|&i| got.entities[i].kind == kind)
            .or(candidates.first().copied())
    };
    let mapping: Vec<Option<usize>> = expected_entities.iter().map(counterpart).collect();

    let mut entities = Count {
        expected: expected_entities.len(),
        predicted: got.entities.len(),
        ..Count::default()
    };
    let mut entities_any_kind = entities;
    for (e, m) in expected_entities.iter().zip(&mapping) {
        match m {
            Some(i) if got.entities[*i].kind == e["kind"].as_str().unwrap_or("") => {
                entities.true_positive += 1;
                entities_any_kind.true_positive += 1;
            }
            Some(_) => entities_any_kind.true_positive += 1,
            None => misses.push(format!("entity missed: {} {}", e["kind"], e["name"])),
        }
    }
    // A predicted entity is right when it goes by a name of some expected entity (of the same
    // kind, for the kind-aware count).
    let (mut right, mut right_kind) = (0, 0);
    for (i, p) in got.entities.iter().enumerate() {
        let matching: Vec<&Value> = expected_entities
            .iter()
            .filter(|e| !expected_names(e).is_disjoint(&predicted_names[i]))
            .collect();
        if matching.is_empty() {
            misses.push(format!("entity spurious: {} {}", p.kind, p.name));
            continue;
        }
        right += 1;
        if matching.iter().any(|e| e["kind"].as_str() == Some(p.kind)) {
            right_kind += 1;
        }
    }
    entities.correct = Some(right_kind);
    entities_any_kind.correct = Some(right);

    let mut aliases = Count::default();
    let mut roles = Count::default();
    for (e, m) in expected_entities.iter().zip(&mapping) {
        let expected_aliases = aliases_of(e);
        let expected_roles: Vec<String> = e["roles"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|r| r["title"].as_str())
            .map(fold)
            .collect();
        aliases.expected += expected_aliases.len();
        roles.expected += expected_roles.len();
        let Some(i) = m else { continue };
        let p = &got.entities[*i];
        for a in &expected_aliases {
            if p.aliases.iter().any(|x| fold(x) == *a) {
                aliases.true_positive += 1;
            } else {
                misses.push(format!("alias missed: {} → {a}", p.name));
            }
        }
        for t in &expected_roles {
            let hit = p.roles.iter().any(|r| {
                let title = fold(&r.title);
                title == *t || title.contains(t.as_str()) || t.contains(title.as_str())
            });
            if hit {
                roles.true_positive += 1;
            } else {
                misses.push(format!("role missed: {} → {t}", p.name));
            }
        }
    }
    for p in &got.entities {
        let name_words: HashSet<String> = fold(&p.name).split(' ').map(str::to_string).collect();
        // A surname or shortened name listed as an alias is a mention in the fixtures' terms:
        // neither rewarded nor counted against.
        let counted: Vec<&String> = p
            .aliases
            .iter()
            .filter(|a| !fold(a).split(' ').all(|w| name_words.contains(w)))
            .collect();
        aliases.predicted += counted.len();
        let expected_of_p: HashSet<String> = expected_entities
            .iter()
            .zip(&mapping)
            .filter(|(_, m)| m.is_some_and(|i| std::ptr::eq(&got.entities[i], p)))
            .flat_map(|(e, _)| aliases_of(e))
            .collect();
        for a in counted {
            if !expected_of_p.contains(&fold(a)) {
                misses.push(format!("alias spurious: {} → {a}", p.name));
            }
        }
        roles.predicted += p.roles.len();
    }

    Scores {
        entities,
        entities_any_kind,
        aliases,
        roles,
    }
}

#[test]
fn fixture_entities_aliases_and_roles() {
    let paths = fixture_paths();
    assert!(paths.len() >= 30, "at least 30 fixture articles");
    let pipeline = Pipeline::with_models().expect("shipped models load");
    let mut totals = Scores {
        entities: Count::default(),
        entities_any_kind: Count::default(),
        aliases: Count::default(),
        roles: Count::default(),
    };
    for path in &paths {
        let mut misses = Vec::new();
        let s = score(&expected(path), &analyse(&pipeline, path), &mut misses);
        print_misses(path, &misses);
        totals.entities.add(s.entities);
        totals.entities_any_kind.add(s.entities_any_kind);
        totals.aliases.add(s.aliases);
        totals.roles.add(s.roles);
    }
    let line = |label: &str, c: &Count| {
        println!(
            "{label:<22} precision {:.3}  recall {:.3}  (expected {}, predicted {}, matched {})",
            c.precision(),
            c.recall(),
            c.expected,
            c.predicted,
            c.true_positive
        )
    };
    println!("fixture articles: {}", paths.len());
    line("entities (kind too)", &totals.entities);
    line("entities (any kind)", &totals.entities_any_kind);
    line("aliases", &totals.aliases);
    line("roles", &totals.roles);
    let floor = |label: &str, c: &Count, p: f64, r: f64| {
        assert_floor(label, c.precision(), c.recall(), (p, r));
    };
    // Floors a little under what the rules reach today over the 134 articles: entities P 0.853
    // R 0.887, aliases P 0.962 R 0.895, roles P 0.957 R 0.841 (before the third round of #14's
    // rules: P 0.834 R 0.869, P 0.948 R 0.877, P 0.960 R 0.834; before the case lexicons gave
    // names in text without case: P 0.843 R 0.849, P 0.948 R 0.873, P 0.970 R 0.797; before
    // the relation-quality rules of #14: P 0.825 R 0.835, P 0.937 R 0.846, P 0.962 R 0.706).
    floor("entities", &totals.entities, 0.83, 0.87);
    floor("aliases", &totals.aliases, 0.94, 0.88);
    floor("roles", &totals.roles, 0.94, 0.81);
}
