//! Event coding on PLOVER gold sentences.
//!
//! Each gold sentence runs through the whole pipeline (`Pipeline::analyse`); its top event is
//! the first one coded in it (the earliest trigger that stands as an event). The gold file uses
//! the older 18 PLOVER categories: DEMAND is scored as REQUEST, DISAPPROVE as ACCUSE and FIGHT as
//! ASSAULT. INVESTIGATE has no successor among the 16 types: its sentences are left out of the
//! accuracy and reported apart, counting how often nothing is coded for them (the right
//! answer when investigation is not an event type) and what is coded otherwise.

use super::EvalError;
use crate::Pipeline;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use tessera_doc::{EventType, Metadata, Origin, Participant, SourceRecord};

/// Correct and total for one gold type.
#[derive(Debug, Default, Clone, Copy)]
pub struct TypeScore {
    pub correct: usize,
    pub total: usize,
}

/// Event type accuracy over PLOVER gold sentences.
#[derive(Debug, Default)]
pub struct EventScores {
    pub sentences: usize,
    /// Sentences scored for type (all but INVESTIGATE).
    pub scored: usize,
    pub correct: usize,
    /// Scored sentences where nothing was coded.
    pub uncoded: usize,
    pub per_type: BTreeMap<String, TypeScore>,
    /// (gold, predicted or "none") → count, for the misses.
    pub confusions: BTreeMap<(String, String), usize>,
    /// Correctly typed sentences with gold sources, and how many had a matching actor.
    pub source_gold: usize,
    pub source_match: usize,
    pub target_gold: usize,
    pub target_match: usize,
    /// INVESTIGATE sentences: how many, and what was coded for them ("none" when nothing).
    pub investigate: usize,
    pub investigate_coded: BTreeMap<String, usize>,
}

impl EventScores {
    pub fn accuracy(&self) -> f64 {
        ratio(self.correct, self.scored)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl fmt::Display for EventScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "sentences {} (scored {}, INVESTIGATE {} apart)",
            self.sentences, self.scored, self.investigate
        )?;
        writeln!(
            f,
            "type accuracy {:.3} ({}/{}); nothing coded for {}",
            self.accuracy(),
            self.correct,
            self.scored,
            self.uncoded
        )?;
        writeln!(
            f,
            "per gold type (after DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT):"
        )?;
        for (kind, score) in &self.per_type {
            writeln!(
                f,
                "  {kind:<10} {:.3} ({}/{})",
                ratio(score.correct, score.total),
                score.correct,
                score.total
            )?;
        }
        writeln!(
            f,
            "actors, where the type is right: source {:.3} ({}/{}), target {:.3} ({}/{})",
            ratio(self.source_match, self.source_gold),
            self.source_match,
            self.source_gold,
            ratio(self.target_match, self.target_gold),
            self.target_match,
            self.target_gold
        )?;
        let mut confusions: Vec<_> = self.confusions.iter().collect();
        confusions.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        writeln!(f, "most frequent confusions (gold → coded):")?;
        for ((gold, coded), count) in confusions.iter().take(15) {
            writeln!(f, "  {gold} → {coded}: {count}")?;
        }
        write!(
            f,
            "INVESTIGATE (no successor type; not in the accuracy; \"none\" is the right answer):"
        )?;
        for (coded, count) in &self.investigate_coded {
            write!(f, " {coded} {count};")?;
        }
        Ok(())
    }
}

/// One gold record, as far as scoring needs it.
struct Gold {
    text: String,
    event: String,
    sources: Vec<String>,
    targets: Vec<String>,
}

fn read_gold(path: &Path) -> Result<Vec<Gold>, EvalError> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|source| EvalError::Io {
        path: display.clone(),
        source,
    })?;
    let mut gold = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: String| EvalError::Gold {
            path: display.clone(),
            line: index + 1,
            reason,
        };
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| bad(format!("not JSON: {e}")))?;
        let field = |name: &str| value.get(name).and_then(|v| v.as_str()).map(str::to_string);
        let text = field("text").ok_or_else(|| bad("no \"text\"".into()))?;
        let event = field("event").ok_or_else(|| bad("no \"event\"".into()))?;
        gold.push(Gold {
            text,
            event,
            sources: actors(value.get("source")),
            targets: actors(value.get("target")),
        });
    }
    Ok(gold)
}

/// The `actorText` of a gold actor list (absent or "" for none).
fn actors(value: Option<&serde_json::Value>) -> Vec<String> {
    value
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|a| a.get("actorText").and_then(|t| t.as_str()))
                .map(str::to_string)
                .collect()
        })
        .unwrap_or_default()
}

/// The 16-type name a gold label is scored as; `None` for INVESTIGATE.
fn successor(label: &str) -> Option<&str> {
    match label {
        "DEMAND" => Some("REQUEST"),
        "DISAPPROVE" => Some("ACCUSE"),
        "FIGHT" => Some("ASSAULT"),
        "INVESTIGATE" => None,
        other => Some(other),
    }
}

/// Whether a coded participant names a gold actor (either text inside the other, ignoring case).
fn matches_actor(coded: &[Participant], gold: &[String]) -> bool {
    coded.iter().any(|p| {
        let name = p.name.to_lowercase();
        gold.iter().any(|g| {
            let g = g.to_lowercase();
            !g.is_empty() && (name.contains(&g) || g.contains(&name))
        })
    })
}

/// Codes every sentence of a PLOVER gold file and compares the top event type with the gold one.
pub fn events(pipeline: &Pipeline, path: &Path) -> Result<EventScores, EvalError> {
    let gold = read_gold(path)?;
    let mut scores = EventScores::default();
    for (index, record) in gold.iter().enumerate() {
        scores.sentences += 1;
        let source = SourceRecord {
            origin: Origin::file(path.display().to_string()).with_line(index as u64 + 1),
            meta: Metadata::default(),
            text: record.text.clone(),
        };
        let doc = pipeline.analyse(source).ok();
        let top = doc.as_ref().and_then(|d| d.events.first());
        let coded = top.map_or("none", |e| e.kind.as_str());
        let Some(expected) = successor(&record.event) else {
            scores.investigate += 1;
            *scores
                .investigate_coded
                .entry(coded.to_string())
                .or_default() += 1;
            continue;
        };
        debug_assert!(EventType::parse(expected).is_some());
        scores.scored += 1;
        let entry = scores.per_type.entry(expected.to_string()).or_default();
        entry.total += 1;
        if top.is_none() {
            scores.uncoded += 1;
        }
        if coded == expected {
            entry.correct += 1;
            scores.correct += 1;
            if let Some(event) = top {
                if !record.sources.is_empty() {
                    scores.source_gold += 1;
                    scores.source_match +=
                        usize::from(matches_actor(&event.actors, &record.sources));
                }
                if !record.targets.is_empty() {
                    scores.target_gold += 1;
                    scores.target_match +=
                        usize::from(matches_actor(&event.recipients, &record.targets));
                }
            }
        } else {
            *scores
                .confusions
                .entry((expected.to_string(), coded.to_string()))
                .or_default() += 1;
        }
    }
    Ok(scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_labels_map_to_their_successors() {
        assert_eq!(successor("DEMAND"), Some("REQUEST"));
        assert_eq!(successor("DISAPPROVE"), Some("ACCUSE"));
        assert_eq!(successor("FIGHT"), Some("ASSAULT"));
        assert_eq!(successor("INVESTIGATE"), None);
        assert_eq!(successor("AGREE"), Some("AGREE"));
    }

    #[test]
    fn actors_match_by_containment_ignoring_case() {
        let coded = [Participant {
            entity: None,
            name: "Senior Hungarian officials".into(),
            span: None,
        }];
        assert!(matches_actor(&coded, &["Hungarian".into()]));
        assert!(!matches_actor(&coded, &["Romanian".into()]));
    }

    #[test]
    fn gold_lines_are_read_with_their_actors() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("gold.jsonl");
        let line = r#"{"text": "Jordan and Britain agreed.", "event": "AGREE", "source": [{"actorText": "Jordan"}], "target": ""}"#;
        std::fs::write(&path, format!("{line}\nnot json\n")).expect("written");
        let error = read_gold(&path)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains(":2:"), "{error}");
        std::fs::write(&path, format!("{line}\n")).expect("written");
        let gold = read_gold(&path).unwrap_or_default();
        assert_eq!(gold[0].sources, ["Jordan"]);
        assert!(gold[0].targets.is_empty());
    }
}
