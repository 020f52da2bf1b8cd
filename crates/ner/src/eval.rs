//! Entity-level scoring with conlleval semantics: an entity counts as found only when both its
//! span and its type match exactly; figures are micro-averaged over all entities.

use std::collections::BTreeMap;
use std::fmt;

use crate::tag::{EntityType, Tag};

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Entities in the gold standard.
    pub gold: usize,
    /// Entities predicted.
    pub predicted: usize,
    /// Predicted entities that match a gold one exactly.
    pub correct: usize,
}

impl Prf {
    /// Share of predicted entities that are correct (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }

    /// Share of gold entities that were found (0 when there are none).
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }

    /// Harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Prf) {
        self.gold += other.gold;
        self.predicted += other.predicted;
        self.correct += other.correct;
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// Scores per entity type and overall.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scores {
    /// Figures for each type that occurs in gold or predictions.
    pub per_type: BTreeMap<EntityType, Prf>,
    /// Micro-averaged figures over all types.
    pub overall: Prf,
}

/// An entity span within one sentence: token range and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntitySpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The entity type.
    pub kind: EntityType,
}

/// Finds the entities in a sentence of tags as conlleval does: an entity starts at `B-X`, or at
/// `I-X` after anything that is not X, and runs over the `I-X` tags that follow.
pub fn entity_spans(tags: &[Tag]) -> Vec<EntitySpan> {
    let mut spans = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (index, tag) in tags.iter().enumerate() {
        let continues =
            matches!((*tag, open), (Tag::Inside(kind), Some((_, current))) if kind == current);
        if continues {
            continue;
        }
        if let Some((start, kind)) = open.take() {
            spans.push(EntitySpan {
                start,
                end: index,
                kind,
            });
        }
        if let Some(kind) = tag.entity_type() {
            open = Some((index, kind));
        }
    }
    if let Some((start, kind)) = open {
        spans.push(EntitySpan {
            start,
            end: tags.len(),
            kind,
        });
    }
    spans
}

/// Scores predicted tags against gold tags, sentence by sentence. Sentences are paired in
/// order; a missing predicted sentence counts as all "O".
pub fn evaluate(gold: &[Vec<Tag>], predicted: &[Vec<Tag>]) -> Scores {
    let mut scores = Scores::default();
    for (index, gold_tags) in gold.iter().enumerate() {
        let gold_spans = entity_spans(gold_tags);
        let predicted_spans = predicted
            .get(index)
            .map(|p| entity_spans(p))
            .unwrap_or_default();
        for span in &gold_spans {
            let entry = scores.per_type.entry(span.kind).or_default();
            entry.gold += 1;
            if predicted_spans.contains(span) {
                entry.correct += 1;
            }
        }
        for span in &predicted_spans {
            scores.per_type.entry(span.kind).or_default().predicted += 1;
        }
    }
    for prf in scores.per_type.values() {
        scores.overall.add(*prf);
    }
    scores
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>9} {:>9} {:>9} {:>7} {:>9} {:>7}",
            "type", "precision", "recall", "F1", "gold", "predicted", "correct"
        )?;
        let rows = self
            .per_type
            .iter()
            .map(|(kind, prf)| (kind.as_str(), prf))
            .chain(std::iter::once(("overall", &self.overall)));
        for (name, prf) in rows {
            writeln!(
                f,
                "{:<8} {:>9.4} {:>9.4} {:>9.4} {:>7} {:>9} {:>7}",
                name,
                prf.precision(),
                prf.recall(),
                prf.f1(),
                prf.gold,
                prf.predicted,
                prf.correct
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<Tag> {
        text.split_whitespace()
            .map(|t| t.parse().unwrap())
            .collect()
    }

    #[test]
    fn spans_follow_conlleval() {
        let spans = entity_spans(&tags("I-PER I-PER O B-LOC I-LOC B-LOC I-ORG"));
        let kinds: Vec<_> = spans.iter().map(|s| (s.start, s.end, s.kind)).collect();
        assert_eq!(
            kinds,
            vec![
                (0, 2, EntityType::Per),
                (3, 5, EntityType::Loc),
                (5, 6, EntityType::Loc),
                (6, 7, EntityType::Org)
            ]
        );
    }

    #[test]
    fn partial_spans_and_type_errors_count_as_wrong() {
        // Gold: PER(0-2), LOC(3), ORG(5-7). Predicted: PER(0-1) partial, LOC(3) right,
        // MISC(5-7) wrong type, and a spurious PER at 8.
        let gold = vec![tags("B-PER I-PER O B-LOC O B-ORG I-ORG O O")];
        let predicted = vec![tags("B-PER O O B-LOC O B-MISC I-MISC O B-PER")];
        let scores = evaluate(&gold, &predicted);
        assert_eq!(
            scores.overall,
            Prf {
                gold: 3,
                predicted: 4,
                correct: 1
            }
        );
        assert!((scores.overall.precision() - 0.25).abs() < 1e-12);
        assert!((scores.overall.recall() - 1.0 / 3.0).abs() < 1e-12);
        assert!((scores.overall.f1() - 2.0 / 7.0).abs() < 1e-12);
        assert_eq!(
            scores.per_type[&EntityType::Per],
            Prf {
                gold: 1,
                predicted: 2,
                correct: 0
            }
        );
        assert_eq!(
            scores.per_type[&EntityType::Loc],
            Prf {
                gold: 1,
                predicted: 1,
                correct: 1
            }
        );
        assert_eq!(
            scores.per_type[&EntityType::Misc],
            Prf {
                gold: 0,
                predicted: 1,
                correct: 0
            }
        );
        let table = scores.to_string();
        assert!(table.contains("overall"), "{table}");
    }

    #[test]
    fn empty_input_scores_zero() {
        let scores = evaluate(&[], &[]);
        assert_eq!(scores.overall.f1(), 0.0);
    }
}
