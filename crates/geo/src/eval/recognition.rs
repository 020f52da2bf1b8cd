//! How well the recogniser found the gold toponyms: precision, recall and F1 of predicted place
//! mentions against the gold spans, by exact span and by overlap.

use super::GoldToponym;
use crate::PlaceMention;
use std::fmt;

/// How a predicted mention must sit on a gold toponym to count as found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanMatch {
    /// Same start and end.
    Exact,
    /// At least one byte in common.
    Overlap,
}

impl SpanMatch {
    fn holds(self, mention: &PlaceMention, gold: &GoldToponym) -> bool {
        match self {
            SpanMatch::Exact => mention.start == gold.start && mention.end == gold.end,
            SpanMatch::Overlap => mention.start < gold.end && gold.start < mention.end,
        }
    }
}

/// Counts for one way of matching spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanCounts {
    /// Predicted mentions that match a gold toponym (the precision numerator).
    pub predicted_matched: usize,
    /// Gold toponyms matched by a predicted mention (the recall numerator).
    pub gold_matched: usize,
}

/// Recognition of place mentions against every gold toponym, placeable or not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecognitionScores {
    pub predicted: usize,
    pub gold: usize,
    pub exact: SpanCounts,
    pub overlap: SpanCounts,
}

fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

impl RecognitionScores {
    /// Adds one document's predicted mentions and gold toponyms.
    pub fn add_document(&mut self, predicted: &[PlaceMention], gold: &[GoldToponym]) {
        self.predicted += predicted.len();
        self.gold += gold.len();
        for (how, counts) in [
            (SpanMatch::Exact, &mut self.exact),
            (SpanMatch::Overlap, &mut self.overlap),
        ] {
            counts.predicted_matched += predicted
                .iter()
                .filter(|m| gold.iter().any(|g| how.holds(m, g)))
                .count();
            counts.gold_matched += gold
                .iter()
                .filter(|g| predicted.iter().any(|m| how.holds(m, g)))
                .count();
        }
    }

    fn counts(&self, how: SpanMatch) -> SpanCounts {
        match how {
            SpanMatch::Exact => self.exact,
            SpanMatch::Overlap => self.overlap,
        }
    }

    pub fn precision(&self, how: SpanMatch) -> f64 {
        share(self.counts(how).predicted_matched, self.predicted)
    }

    pub fn recall(&self, how: SpanMatch) -> f64 {
        share(self.counts(how).gold_matched, self.gold)
    }

    /// Harmonic mean of precision and recall; 0 when both are 0.
    pub fn f1(&self, how: SpanMatch) -> f64 {
        let (p, r) = (self.precision(how), self.recall(how));
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl fmt::Display for RecognitionScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "  recognition: {} predicted place mentions, {} gold toponyms",
            self.predicted, self.gold
        )?;
        for (label, how) in [
            ("exact span", SpanMatch::Exact),
            ("overlap", SpanMatch::Overlap),
        ] {
            let counts = self.counts(how);
            write!(
                f,
                "\n    {label:<10}  P {:.3} ({}/{})  R {:.3} ({}/{})  F1 {:.3}",
                self.precision(how),
                counts.predicted_matched,
                self.predicted,
                self.recall(how),
                counts.gold_matched,
                self.gold,
                self.f1(how)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(start: usize, end: usize) -> GoldToponym {
        GoldToponym {
            start,
            end,
            text: String::new(),
            geonames_id: None,
            lat: None,
            lon: None,
            country_geonames_id: None,
        }
    }

    fn predicted(start: usize, end: usize) -> PlaceMention {
        PlaceMention {
            start,
            end,
            text: String::new(),
        }
    }

    #[test]
    fn exact_and_overlapping_spans_score_apart() {
        let mut scores = RecognitionScores::default();
        // Gold: "New York" (0..8), "Texas" (20..25), "Peru" (40..44).
        // Predicted: "New York" exactly, a span overlapping "Texas" without matching it, and one
        // overlapping nothing.
        scores.add_document(
            &[predicted(0, 8), predicted(21, 30), predicted(50, 55)],
            &[gold(0, 8), gold(20, 25), gold(40, 44)],
        );
        assert_eq!((scores.predicted, scores.gold), (3, 3));
        assert_eq!(
            scores.exact,
            SpanCounts {
                predicted_matched: 1,
                gold_matched: 1
            }
        );
        assert_eq!(
            scores.overlap,
            SpanCounts {
                predicted_matched: 2,
                gold_matched: 2
            }
        );
        assert!((scores.precision(SpanMatch::Exact) - 1.0 / 3.0).abs() < 1e-9);
        assert!((scores.recall(SpanMatch::Overlap) - 2.0 / 3.0).abs() < 1e-9);
        assert!((scores.f1(SpanMatch::Overlap) - 2.0 / 3.0).abs() < 1e-9);
        let shown = scores.to_string();
        assert!(
            shown.contains("exact span  P 0.333 (1/3)  R 0.333 (1/3)  F1 0.333"),
            "{shown}"
        );
    }

    #[test]
    fn nothing_predicted_scores_zero_not_nan() {
        let mut scores = RecognitionScores::default();
        scores.add_document(&[], &[gold(0, 4)]);
        assert_eq!(scores.f1(SpanMatch::Exact), 0.0);
        assert_eq!(scores.precision(SpanMatch::Overlap), 0.0);
        assert_eq!(scores.recall(SpanMatch::Exact), 0.0);
    }
}
