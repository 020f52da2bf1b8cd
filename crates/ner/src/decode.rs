//! First-order Viterbi decoding over BILOU labels with hard well-formedness constraints.

use std::sync::OnceLock;

use crate::tag::{LABEL_COUNT, Label};

/// Transition weights between labels, plus weights for starting and ending a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Transitions {
    /// `between[previous * LABEL_COUNT + next]`.
    pub between: Vec<f32>,
    /// Weight of each label at the first token.
    pub start: Vec<f32>,
    /// Weight of each label at the last token.
    pub end: Vec<f32>,
}

impl Default for Transitions {
    fn default() -> Transitions {
        Transitions {
            between: vec![0.0; LABEL_COUNT * LABEL_COUNT],
            start: vec![0.0; LABEL_COUNT],
            end: vec![0.0; LABEL_COUNT],
        }
    }
}

/// Index of the start weights in a flat vector of all transition weights (see
/// [`Transitions::flat_index`]).
pub const START_OFFSET: usize = LABEL_COUNT * LABEL_COUNT;
/// Index of the end weights in the flat vector.
pub const END_OFFSET: usize = START_OFFSET + LABEL_COUNT;
/// Length of the flat vector.
pub const FLAT_LENGTH: usize = END_OFFSET + LABEL_COUNT;

impl Transitions {
    /// Builds transitions from a flat vector laid out as `between`, `start`, `end`.
    pub fn from_flat(flat: &[f32]) -> Transitions {
        Transitions {
            between: flat[..START_OFFSET].to_vec(),
            start: flat[START_OFFSET..END_OFFSET].to_vec(),
            end: flat[END_OFFSET..FLAT_LENGTH].to_vec(),
        }
    }

    /// The flat index of the transition `previous → next`, where `None` means the sentence
    /// boundary.
    pub fn flat_index(previous: Option<Label>, next: Option<Label>) -> Option<usize> {
        match (previous, next) {
            (Some(p), Some(n)) => Some(p.index() * LABEL_COUNT + n.index()),
            (None, Some(n)) => Some(START_OFFSET + n.index()),
            (Some(p), None) => Some(END_OFFSET + p.index()),
            (None, None) => None,
        }
    }
}

fn allowed_at_start(label: Label) -> bool {
    label == Label::OUTSIDE || label.starts_entity()
}

fn allowed_at_end(label: Label) -> bool {
    label.ends_entity()
}

/// For each label, the labels that may precede it.
fn predecessors() -> &'static [Vec<usize>; LABEL_COUNT] {
    static TABLE: OnceLock<[Vec<usize>; LABEL_COUNT]> = OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|next| {
            Label::all()
                .filter(|previous| previous.may_precede(Label(next as u8)))
                .map(Label::index)
                .collect()
        })
    })
}

/// Finds the best well-formed label sequence. `emissions` holds `LABEL_COUNT` scores per token.
pub fn viterbi(emissions: &[f32], transitions: &Transitions) -> Vec<Label> {
    let length = emissions.len() / LABEL_COUNT;
    if length == 0 {
        return Vec::new();
    }
    let predecessors = predecessors();
    let mut best = vec![f32::NEG_INFINITY; length * LABEL_COUNT];
    let mut back = vec![0u8; length * LABEL_COUNT];
    for label in Label::all() {
        if allowed_at_start(label) {
            best[label.index()] = emissions[label.index()] + transitions.start[label.index()];
        }
    }
    for position in 1..length {
        let (done, rest) = best.split_at_mut(position * LABEL_COUNT);
        let previous_scores = &done[(position - 1) * LABEL_COUNT..];
        for next in 0..LABEL_COUNT {
            let mut top = f32::NEG_INFINITY;
            let mut top_previous = 0u8;
            for &previous in &predecessors[next] {
                let candidate =
                    previous_scores[previous] + transitions.between[previous * LABEL_COUNT + next];
                if candidate > top {
                    top = candidate;
                    top_previous = previous as u8;
                }
            }
            rest[next] = top + emissions[position * LABEL_COUNT + next];
            back[position * LABEL_COUNT + next] = top_previous;
        }
    }
    let last = (length - 1) * LABEL_COUNT;
    let mut current = Label::all()
        .filter(|&label| allowed_at_end(label))
        .map(|label| {
            (
                label,
                best[last + label.index()] + transitions.end[label.index()],
            )
        })
        .fold((Label::OUTSIDE, f32::NEG_INFINITY), |top, candidate| {
            if candidate.1 > top.1 { candidate } else { top }
        })
        .0;
    let mut labels = vec![Label::OUTSIDE; length];
    for position in (0..length).rev() {
        labels[position] = current;
        current = Label(back[position * LABEL_COUNT + current.index()]);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tag::{Tag, tags_to_labels};

    #[test]
    fn picks_the_best_well_formed_path() {
        // Emissions favour "I-PER" alone at token 1, which is ill-formed after "O"; the decoder
        // must choose a well-formed sequence instead.
        let unit_per = tags_to_labels(&[Tag::Begin(crate::EntityType::Per)])[0];
        let pair = tags_to_labels(&[
            Tag::Begin(crate::EntityType::Per),
            Tag::Inside(crate::EntityType::Per),
        ]);
        let mut emissions = vec![0.0; 2 * LABEL_COUNT];
        emissions[Label::OUTSIDE.index()] = 1.0;
        emissions[LABEL_COUNT + pair[1].index()] = 5.0;
        emissions[pair[0].index()] = 0.5;
        let labels = viterbi(&emissions, &Transitions::default());
        assert_eq!(labels, pair);
        for window in labels.windows(2) {
            assert!(window[0].may_precede(window[1]));
        }
        let single = viterbi(&emissions[..LABEL_COUNT], &Transitions::default());
        assert_eq!(single, vec![Label::OUTSIDE]);
        assert_ne!(single[0], unit_per);
    }

    #[test]
    fn empty_input_gives_empty_output() {
        assert!(viterbi(&[], &Transitions::default()).is_empty());
    }
}
