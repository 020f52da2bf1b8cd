//! The dependency parser: the arc-hybrid transition system, read greedily by an averaged
//! perceptron, trained with a dynamic oracle so it learns to recover from its own mistakes.
//!
//! Words are numbered from 0; the root is an extra word after the last one, so it sits at the
//! end of the buffer. Moves: SHIFT pushes the buffer's first word; LEFT pops the stack's top
//! and makes the buffer's first word its head; RIGHT pops the top and makes the word under it
//! its head.

use crate::perceptron::{Training, Weights, best};
use crate::words::{WordKeys, feature, feature2, feature3};

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const MOVES: usize = 3;
/// "No word here" for word indices in the state.
const NONE: u32 = u32::MAX;

/// The parse being built for one sentence.
struct State {
    /// Words in the sentence, the root not counted.
    count: u32,
    stack: Vec<u32>,
    /// The first word of the buffer (`count` is the root).
    next: u32,
    heads: Vec<u32>,
    /// The two leftmost and two rightmost dependents found so far, nearest the edge first.
    lefts: Vec<[u32; 2]>,
    rights: Vec<[u32; 2]>,
    left_count: Vec<u8>,
    right_count: Vec<u8>,
}

impl State {
    fn new(count: usize) -> State {
        let slots = count + 1;
        State {
            count: count as u32,
            stack: Vec::with_capacity(count),
            next: 0,
            heads: vec![NONE; slots],
            lefts: vec![[NONE; 2]; slots],
            rights: vec![[NONE; 2]; slots],
            left_count: vec![0; slots],
            right_count: vec![0; slots],
        }
    }

    fn is_final(&self) -> bool {
        self.stack.is_empty() && self.next >= self.count
    }

    fn valid(&self, action: usize) -> bool {
        match action {
            SHIFT => self.next < self.count,
            LEFT => !self.stack.is_empty(),
            _ => self.stack.len() >= 2,
        }
    }

    fn attach(&mut self, head: u32, child: u32) {
        self.heads[child as usize] = head;
        let h = head as usize;
        if child < head {
            let slot = &mut self.lefts[h];
            if slot[0] == NONE || child < slot[0] {
                *slot = [child, slot[0]];
            } else if slot[1] == NONE || child < slot[1] {
                slot[1] = child;
            }
            self.left_count[h] = self.left_count[h].saturating_add(1);
        } else {
            let slot = &mut self.rights[h];
            if slot[0] == NONE || child > slot[0] {
                *slot = [child, slot[0]];
            } else if slot[1] == NONE || child > slot[1] {
                slot[1] = child;
            }
            self.right_count[h] = self.right_count[h].saturating_add(1);
        }
    }

    fn apply(&mut self, action: usize) {
        match action {
            SHIFT => {
                self.stack.push(self.next);
                self.next += 1;
            }
            LEFT => {
                if let Some(top) = self.stack.pop() {
                    self.attach(self.next, top);
                }
            }
            _ => {
                if let Some(top) = self.stack.pop()
                    && let Some(&under) = self.stack.last()
                {
                    self.attach(under, top);
                }
            }
        }
    }

    fn stack_at(&self, depth: usize) -> u32 {
        self.stack
            .len()
            .checked_sub(depth + 1)
            .map_or(NONE, |i| self.stack[i])
    }

    fn buffer_at(&self, offset: u32) -> u32 {
        let index = self.next + offset;
        if index <= self.count { index } else { NONE }
    }

    /// The moves that lose no more gold arcs than necessary (Goldberg and Nivre's dynamic
    /// oracle for arc-hybrid, for projective gold trees; others get an approximation).
    fn zero_cost(&self, gold: &[u32]) -> [bool; MOVES] {
        let mut ok = [self.valid(SHIFT), self.valid(LEFT), self.valid(RIGHT)];
        let Some(&top) = self.stack.last() else {
            return ok;
        };
        let next = self.next;
        if ok[SHIFT] && gold[next as usize] == top {
            return [true, false, false];
        }
        if gold[top as usize] == next {
            return [false, true, false];
        }
        if self.stack.len() >= 2 && gold[top as usize] == self.stack[self.stack.len() - 2] {
            ok[LEFT] = false;
        }
        let linked = |a: u32, b: u32| gold[a as usize] == b || gold[b as usize] == a;
        if ok[SHIFT] && self.stack.iter().any(|&s| linked(next, s)) {
            ok[SHIFT] = false;
        }
        if (next + 1..=self.count).any(|b| linked(top, b)) {
            ok[LEFT] = false;
            ok[RIGHT] = false;
        }
        ok
    }
}

/// What the features read of each word: its form keys and tag, with the root as one more.
struct Context<'a> {
    words: &'a [WordKeys],
    tags: &'a [u8],
}

const ROOT_KEY: u64 = 0x524F_4F54;
const NONE_KEY: u64 = 0x4E4F_4E45;

impl Context<'_> {
    fn word(&self, index: u32) -> u64 {
        match index {
            NONE => NONE_KEY,
            i if i as usize == self.words.len() => ROOT_KEY,
            i => self.words[i as usize].lower,
        }
    }

    /// The last three letters: what a word the model has not seen still shows.
    fn suffix(&self, index: u32) -> u64 {
        match index {
            NONE => NONE_KEY,
            i if i as usize == self.words.len() => ROOT_KEY,
            i => self.words[i as usize].suffix3,
        }
    }

    fn tag(&self, index: u32) -> u64 {
        match index {
            NONE => NONE_KEY,
            i if i as usize == self.tags.len() => ROOT_KEY,
            i => u64::from(self.tags[i as usize]),
        }
    }
}

fn features(state: &State, context: &Context, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (n0, n1, n2) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let child = |table: &[[u32; 2]], word: u32, which: usize| {
        if word == NONE {
            NONE
        } else {
            table[word as usize][which]
        }
    };
    let (n0l1, n0l2) = (child(&state.lefts, n0, 0), child(&state.lefts, n0, 1));
    let (s0l1, s0l2) = (child(&state.lefts, s0, 0), child(&state.lefts, s0, 1));
    let (s0r1, s0r2) = (child(&state.rights, s0, 0), child(&state.rights, s0, 1));
    let count = |table: &[u8], word: u32| {
        if word == NONE {
            0
        } else {
            u64::from(table[word as usize])
        }
    };
    let distance = if s0 == NONE || n0 == NONE {
        0
    } else {
        u64::from((n0 - s0).min(6))
    };
    let w = |i| context.word(i);
    let t = |i| context.tag(i);
    let (ws0, wn0, ts0, tn0) = (w(s0), w(n0), t(s0), t(n0));
    out.push(feature(1, 0));
    // Words of the nearest context, tags of all of it (second children and third words add
    // little by their words and cost a look-up each).
    for (template, index) in [n0, n1, s0, s1, n0l1, s0l1, s0r1].into_iter().enumerate() {
        out.push(feature(10 + template as u64, w(index)));
    }
    for (template, index) in [n0, n1, n2, s0, s1, s2, n0l1, n0l2, s0l1, s0l2, s0r1, s0r2]
        .into_iter()
        .enumerate()
    {
        out.push(feature(110 + template as u64, t(index)));
    }
    for (template, index) in [n0, n1, s0].into_iter().enumerate() {
        out.push(feature2(300 + template as u64, w(index), t(index)));
    }
    out.extend_from_slice(&[
        feature2(400, ws0, wn0),
        feature3(401, wn0, tn0, ws0),
        feature3(402, wn0, tn0, ts0),
        feature3(403, ws0, ts0, wn0),
        feature3(404, ws0, ts0, tn0),
        feature3(405, feature2(0, ws0, ts0), wn0, tn0),
        feature2(406, ts0, tn0),
        feature2(407, tn0, t(n1)),
        feature3(410, tn0, t(n1), t(n2)),
        feature3(411, ts0, tn0, t(n1)),
        feature3(412, ts0, t(s1), tn0),
        feature3(413, ts0, t(s0r1), tn0),
        feature3(414, ts0, tn0, t(n0l1)),
        feature3(415, ts0, t(s0l1), t(s0l2)),
        feature3(416, ts0, t(s0r1), t(s0r2)),
        feature3(417, tn0, t(n0l1), t(n0l2)),
        feature3(418, ts0, t(s1), t(s2)),
        feature3(419, t(s1), ts0, t(s0l1)),
        feature3(420, t(s1), ts0, t(s0r1)),
        feature2(430, ws0, count(&state.right_count, s0)),
        feature2(431, ws0, count(&state.left_count, s0)),
        feature2(432, wn0, count(&state.left_count, n0)),
        feature2(433, ts0, count(&state.right_count, s0)),
        feature2(434, ts0, count(&state.left_count, s0)),
        feature2(435, tn0, count(&state.left_count, n0)),
        feature2(440, ws0, distance),
        feature2(441, wn0, distance),
        feature2(442, ts0, distance),
        feature2(443, tn0, distance),
        feature3(444, tn0, ts0, distance),
        feature3(445, wn0, ws0, distance),
    ]);
    let su = |i| context.suffix(i);
    out.extend_from_slice(&[
        feature2(470, su(s0), ts0),
        feature2(471, su(n0), tn0),
        feature2(472, su(n1), t(n1)),
        feature3(473, su(s0), su(n0), tn0),
    ]);
    // RIGHT joins the two top words of the stack, so their pair matters as much as s0-n0.
    let (ws1, ts1) = (w(s1), t(s1));
    let gap = if s1 == NONE || s0 == NONE {
        0
    } else {
        u64::from((s0 - s1).min(6))
    };
    out.extend_from_slice(&[
        feature2(450, ws1, ws0),
        feature3(451, ws1, ts1, ts0),
        feature3(452, ts1, ws0, ts0),
        feature3(453, feature2(0, ws1, ts1), ws0, ts0),
        feature3(454, ts1, ts0, gap),
        feature3(455, ws1, ts0, gap),
        feature3(456, ts1, ws0, gap),
        feature3(457, ts1, ts0, tn0),
        feature3(458, ts1, count(&state.right_count, s1), ts0),
        feature3(459, ts1, ts0, t(s0l1)),
    ]);
}

/// A trained parser.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parser {
    pub(crate) weights: Weights,
}

impl Parser {
    /// The head of every word (an index into the sentence, or the word count for the root).
    pub fn parse(&self, words: &[WordKeys], tags: &[u8]) -> Vec<u32> {
        let context = Context { words, tags };
        let mut state = State::new(words.len());
        let mut scratch = Vec::with_capacity(80);
        let mut scores = [0f32; MOVES];
        while !state.is_final() {
            features(&state, &context, &mut scratch);
            self.weights.score(&scratch, &mut scores);
            let Some(action) = best(&scores, |a| state.valid(a)) else {
                break;
            };
            state.apply(action);
        }
        let root = words.len() as u32;
        state.heads.truncate(words.len());
        for head in &mut state.heads {
            if *head == NONE {
                *head = root;
            }
        }
        state.heads
    }
}

/// One training sentence: word keys, tags as the tagger gives them, and gold heads (the word
/// count standing for the root).
pub struct ParseExample {
    pub words: Vec<WordKeys>,
    pub tags: Vec<u8>,
    pub heads: Vec<u32>,
}

/// Trains the parser: the first epoch follows the oracle, later ones follow the model's own
/// moves (learning what to do after a mistake).
pub fn train_parser(
    examples: &[ParseExample],
    epochs: usize,
    min_updates: u32,
    shuffle: &mut dyn FnMut(&mut [usize]),
) -> Parser {
    let mut training = Training::new(MOVES);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut scratch = Vec::with_capacity(80);
    let mut scores = [0f32; MOVES];
    for epoch in 0..epochs {
        shuffle(&mut order);
        for &index in &order {
            let example = &examples[index];
            let mut gold = example.heads.clone();
            gold.push(NONE);
            let context = Context {
                words: &example.words,
                tags: &example.tags,
            };
            let mut state = State::new(example.words.len());
            while !state.is_final() {
                features(&state, &context, &mut scratch);
                training.score(&scratch, &mut scores);
                let Some(guess) = best(&scores, |a| state.valid(a)) else {
                    break;
                };
                let good = state.zero_cost(&gold);
                let truth = best(&scores, |a| good[a]).unwrap_or(guess);
                training.update(truth, guess, &scratch);
                state.apply(if epoch == 0 { truth } else { guess });
            }
        }
    }
    Parser {
        weights: training.average(min_updates),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_oracle_alone_rebuilds_a_projective_tree() {
        // "the dog barked loudly": the→dog, dog→barked, barked→root, loudly→barked
        let gold = [1, 2, 4, 2, NONE];
        let mut state = State::new(4);
        while !state.is_final() {
            let good = state.zero_cost(&gold);
            let action = (0..MOVES).find(|&a| good[a]).unwrap();
            state.apply(action);
        }
        assert_eq!(&state.heads[..4], &gold[..4]);
    }
}
