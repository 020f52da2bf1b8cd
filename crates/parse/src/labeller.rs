//! The relation labeller: given a word and its head, names the relation between them (nsubj,
//! obj, obl:agent, ...). One averaged-perceptron decision a word, after the parse, reading the
//! pair, their tags, the distance and the function words attached to each.

use crate::perceptron::{Training, Weights, best};
use crate::words::{WordKeys, feature, feature2, feature3};

/// Tag indices the labeller looks at among dependents (see [`crate::words::UPOS`]).
const ADP: u8 = 1;
const AUX: u8 = 3;
const DET: u8 = 5;
const PART: u8 = 9;
const PRON: u8 = 10;
const SCONJ: u8 = 13;
const PUNCT: u8 = 12;

/// One sentence as the labeller sees it: words, tags and heads (the word count is the root).
pub struct Tree<'a> {
    pub words: &'a [WordKeys],
    pub tags: &'a [u8],
    pub heads: &'a [u32],
}

fn features(tree: &Tree, dependents: &[Vec<u32>], index: usize, out: &mut Vec<u64>) {
    out.clear();
    let root = tree.words.len();
    let head = tree.heads[index] as usize;
    let word = tree.words[index].lower;
    let tag = u64::from(tree.tags[index]);
    let (head_word, head_tag, head_suffix) = if head >= root {
        (1, 99, 1)
    } else {
        (
            tree.words[head].lower,
            u64::from(tree.tags[head]),
            tree.words[head].suffix2,
        )
    };
    let direction = u64::from(head > index);
    let distance = (head as i64 - index as i64).unsigned_abs().min(8);
    let grand_tag = if head >= root {
        98
    } else {
        let grand = tree.heads[head] as usize;
        if grand >= root {
            99
        } else {
            u64::from(tree.tags[grand])
        }
    };
    out.extend_from_slice(&[
        feature(1, 0),
        feature(2, word),
        feature(3, tag),
        feature(4, head_word),
        feature(5, head_tag),
        feature2(6, tag, head_tag),
        feature2(7, word, head_tag),
        feature2(8, tag, head_word),
        feature3(9, tag, head_tag, direction),
        feature3(10, tag, head_tag, distance),
        feature2(11, word, direction),
        feature3(12, tag, head_tag, grand_tag),
        feature3(13, tag, head_suffix, direction),
        feature2(14, tree.words[index].suffix3, tag),
        feature2(15, tree.words[index].shape, direction),
    ]);
    let before = index.checked_sub(1).map_or(97, |i| u64::from(tree.tags[i]));
    let after = tree.tags.get(index + 1).map_or(97, |t| u64::from(*t));
    out.push(feature3(16, tag, before, after));
    // Function words on the word ("by" of a passive agent, "to" of a recipient) and on the
    // head ("was" of a passive verb, "se" of a Spanish one).
    for &child in &dependents[index] {
        let child_tag = tree.tags[child as usize];
        if matches!(child_tag, ADP | SCONJ | DET | PART) {
            out.push(feature3(
                20,
                u64::from(child_tag),
                tree.words[child as usize].lower,
                direction,
            ));
            out.push(feature2(21, tree.words[child as usize].lower, head_tag));
        }
    }
    out.push(feature2(22, tag, dependents[index].len().min(4) as u64));
    if head < root {
        for &sibling in &dependents[head] {
            let sibling_tag = tree.tags[sibling as usize];
            if matches!(sibling_tag, AUX | PRON | PART) && sibling as usize != index {
                out.push(feature3(
                    23,
                    tree.words[sibling as usize].lower,
                    tag,
                    direction,
                ));
            }
        }
    }
}

fn dependents_of(tree: &Tree) -> Vec<Vec<u32>> {
    let mut dependents = vec![Vec::new(); tree.words.len()];
    for (index, &head) in tree.heads.iter().enumerate() {
        if let Some(list) = dependents.get_mut(head as usize) {
            list.push(index as u32);
        }
    }
    dependents
}

/// A trained labeller, with the relation names its classes stand for.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labeller {
    pub(crate) weights: Weights,
    pub(crate) labels: Vec<String>,
}

impl Labeller {
    /// The relation index of every word; see [`Labeller::label_name`].
    pub fn label(&self, tree: &Tree) -> Vec<u16> {
        let dependents = dependents_of(tree);
        let mut scratch = Vec::with_capacity(32);
        let mut scores = vec![0f32; self.weights.classes()];
        let root_label = self.labels.iter().position(|l| l == "root");
        // Universal Dependencies attaches every punctuation mark as "punct": no need to ask.
        let punct_label = self.labels.iter().position(|l| l == "punct");
        (0..tree.words.len())
            .map(|index| {
                if tree.heads[index] as usize >= tree.words.len()
                    && let Some(root) = root_label
                {
                    return root as u16;
                }
                if tree.tags[index] == PUNCT
                    && let Some(punct) = punct_label
                {
                    return punct as u16;
                }
                features(tree, &dependents, index, &mut scratch);
                self.weights.score(&scratch, &mut scores);
                best(&scores, |_| true).unwrap_or(0) as u16
            })
            .collect()
    }

    /// The name of relation `index`.
    pub fn label_name(&self, index: u16) -> &str {
        self.labels
            .get(usize::from(index))
            .map_or("dep", String::as_str)
    }
}

/// Trains the labeller on gold trees (`gold` gives each word's relation index into `labels`).
pub fn train_labeller(
    trees: &[(Tree, Vec<u16>)],
    labels: Vec<String>,
    epochs: usize,
    min_updates: u32,
    shuffle: &mut dyn FnMut(&mut [usize]),
) -> Labeller {
    let mut training = Training::new(labels.len().max(1));
    let mut order: Vec<usize> = (0..trees.len()).collect();
    let mut scratch = Vec::with_capacity(32);
    let mut scores = vec![0f32; labels.len().max(1)];
    let dependents: Vec<Vec<Vec<u32>>> =
        trees.iter().map(|(tree, _)| dependents_of(tree)).collect();
    for _ in 0..epochs {
        shuffle(&mut order);
        for &index in &order {
            let (tree, gold) = &trees[index];
            for (word, truth) in gold.iter().enumerate() {
                features(tree, &dependents[index], word, &mut scratch);
                training.score(&scratch, &mut scores);
                let guess = best(&scores, |_| true).unwrap_or(0);
                training.update(usize::from(*truth), guess, &scratch);
            }
        }
    }
    Labeller {
        weights: training.average(min_updates),
        labels,
    }
}
