//! A multi-class averaged perceptron over hashed features: the learner shared by the tagger,
//! the parser and the labeller. Training keeps the running sums needed for averaging; the
//! frozen [`Weights`] keep only the averaged rows of the features that matter.

use tessera_learn::FormatError;
use tessera_learn::codec::{Reader, Writer};
use tessera_learn::hash::HashMap64;

/// Averaged weights ready for prediction: one dense row of class scores per feature, kept in
/// an open-addressing table whose slot holds the feature's key followed by its row, so that a
/// look-up touches one place in memory (the parser makes about 160 look-ups a word, and the
/// table does not fit in cache).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights {
    classes: usize,
    count: usize,
    /// Slots minus one (the slot count is a power of two).
    mask: usize,
    /// Per slot: the key's bits (0 for an empty slot), then `classes` weights.
    table: Vec<f32>,
}

impl Weights {
    /// Builds the table from `(short key, row)` pairs.
    fn from_rows(classes: usize, rows: &[(u32, Vec<f32>)]) -> Weights {
        // At most about 80% full: linear probing stays short, and the parser table stays
        // half the size it would be at 50%.
        let slots = (rows.len() * 5 / 4 + 1).next_power_of_two();
        let stride = classes + 1;
        let mut weights = Weights {
            classes,
            count: 0,
            mask: slots - 1,
            table: vec![0.0; slots * stride],
        };
        for (key, row) in rows {
            let mut slot = *key as usize & weights.mask;
            loop {
                let base = slot * stride;
                let held = weights.table[base].to_bits();
                if held == 0 {
                    weights.table[base] = f32::from_bits(*key);
                    weights.table[base + 1..base + stride].copy_from_slice(row);
                    weights.count += 1;
                    break;
                }
                if held == *key {
                    break;
                }
                slot = (slot + 1) & weights.mask;
            }
        }
        weights
    }

    /// The row of feature `key` (a short key), if the model has one.
    #[inline]
    fn row(&self, key: u32) -> Option<&[f32]> {
        if self.table.is_empty() {
            return None;
        }
        let stride = self.classes + 1;
        let mut slot = key as usize & self.mask;
        loop {
            let base = slot * stride;
            let held = self.table[base].to_bits();
            if held == key {
                return Some(&self.table[base + 1..base + stride]);
            }
            if held == 0 {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Every `(short key, row)` pair, sorted by key.
    fn rows(&self) -> Vec<(u32, &[f32])> {
        let stride = self.classes + 1;
        let mut rows: Vec<(u32, &[f32])> = self
            .table
            .chunks_exact(stride)
            .filter(|slot| slot[0].to_bits() != 0)
            .map(|slot| (slot[0].to_bits(), &slot[1..]))
            .collect();
        rows.sort_unstable_by_key(|(key, _)| *key);
        rows
    }

    /// The number of classes scored.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// The number of features kept.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Adds every feature's row to `scores` (whose length is the class count).
    #[inline]
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        if self.table.is_empty() {
            return;
        }
        // First read every feature's home slot in a loop without branches: the loads are
        // independent, so the processor has many cache misses in flight at once instead of
        // paying for them one after another in the probing loop below.
        let stride = self.classes + 1;
        let mut touched = 0u32;
        for feature in features {
            let slot = short_key(*feature) as usize & self.mask;
            touched ^= self.table[slot * stride].to_bits();
        }
        std::hint::black_box(touched);
        for feature in features {
            if let Some(row) = self.row(short_key(*feature)) {
                for (score, weight) in scores.iter_mut().zip(row) {
                    *score += weight;
                }
            }
        }
    }

    pub(crate) fn write(&self, writer: &mut Writer) {
        writer.length(self.classes);
        writer.length(self.count);
        let rows = self.rows();
        // Weights are stored as 16-bit integers against one scale: a perceptron's averaged
        // weights need no more precision, and the models are committed to the repository.
        let largest = rows
            .iter()
            .flat_map(|(_, row)| row.iter())
            .fold(0f32, |m, w| m.max(w.abs()))
            .max(f32::MIN_POSITIVE);
        let scale = largest / f32::from(i16::MAX);
        writer.f32(scale);
        // Keys are sorted, so each is written as the varint gap from the one before; weights
        // are written class by class, which compresses better.
        let mut previous = 0u32;
        for (key, _) in &rows {
            write_varint(writer, u64::from(key - previous));
            previous = *key;
        }
        for class in 0..self.classes {
            for (_, row) in &rows {
                writer.u16((row[class] / scale).round() as i16 as u16);
            }
        }
    }

    pub(crate) fn read(reader: &mut Reader) -> Result<Weights, FormatError> {
        let classes = reader.length(0)?;
        if classes == 0 || classes > 4096 {
            return Err(FormatError(format!("implausible class count {classes}")));
        }
        let count = reader.length(1 + 2 * classes)?;
        let scale = reader.f32()?;
        let mut rows: Vec<(u32, Vec<f32>)> = Vec::with_capacity(count);
        let mut key = 0u64;
        for _ in 0..count {
            key += read_varint(reader)?;
            let short = u32::try_from(key)
                .ok()
                .filter(|k| *k != 0)
                .ok_or_else(|| FormatError(format!("feature key {key} out of range")))?;
            rows.push((short, vec![0.0; classes]));
        }
        for class in 0..classes {
            for (_, row) in rows.iter_mut() {
                row[class] = f32::from(reader.u16()? as i16) * scale;
            }
        }
        Ok(Weights::from_rows(classes, &rows))
    }
}

/// The 32 bits of a feature key a model keeps: enough to tell apart the features of a model
/// (a few in a million collide), and half the size on disk. Never 0, which marks an empty
/// slot.
#[inline]
pub fn short_key(feature: u64) -> u32 {
    ((feature ^ (feature >> 32)) as u32).max(1)
}

fn write_varint(writer: &mut Writer, mut value: u64) {
    while value >= 0x80 {
        writer.u8((value as u8) | 0x80);
        value >>= 7;
    }
    writer.u8(value as u8);
}

fn read_varint(reader: &mut Reader) -> Result<u64, FormatError> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = reader.u8()?;
        value |= u64::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Ok(value);
        }
    }
    Err(FormatError("a varint runs past 64 bits".into()))
}

/// Weights being trained, with the sums that make the average.
pub struct Training {
    classes: usize,
    index: HashMap64<u32>,
    weights: Vec<f32>,
    totals: Vec<f32>,
    stamps: Vec<u32>,
    /// Updates so far: the clock of the averaging.
    clock: u32,
    /// How many times each feature took part in an update.
    seen: Vec<u32>,
}

impl Training {
    pub fn new(classes: usize) -> Training {
        Training {
            classes,
            index: HashMap64::default(),
            weights: Vec::new(),
            totals: Vec::new(),
            stamps: Vec::new(),
            clock: 0,
            seen: Vec::new(),
        }
    }

    /// Current (not averaged) scores, for deciding during training.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        scores.fill(0.0);
        for feature in features {
            if let Some(&row) = self.index.get(feature) {
                let start = row as usize * self.classes;
                for (score, weight) in scores
                    .iter_mut()
                    .zip(&self.weights[start..start + self.classes])
                {
                    *score += weight;
                }
            }
        }
    }

    /// Counts one decision; when it was wrong, moves the truth's weights up and the guess's down.
    pub fn update(&mut self, truth: usize, guess: usize, features: &[u64]) {
        self.clock += 1;
        if truth == guess {
            return;
        }
        for feature in features {
            let row = match self.index.get(feature) {
                Some(&row) => row as usize,
                None => {
                    let row = self.seen.len();
                    self.index.insert(*feature, row as u32);
                    self.weights.resize(self.weights.len() + self.classes, 0.0);
                    self.totals.resize(self.totals.len() + self.classes, 0.0);
                    self.stamps.resize(self.stamps.len() + self.classes, 0);
                    self.seen.push(0);
                    row
                }
            };
            self.seen[row] += 1;
            for (class, delta) in [(truth, 1.0), (guess, -1.0)] {
                let slot = row * self.classes + class;
                self.totals[slot] += (self.clock - self.stamps[slot]) as f32 * self.weights[slot];
                self.stamps[slot] = self.clock;
                self.weights[slot] += delta;
            }
        }
    }

    /// The averaged weights, dropping features updated fewer than `min_updates` times and rows
    /// whose averaged weights are all negligible.
    pub fn average(&self, min_updates: u32) -> Weights {
        let clock = self.clock.max(1) as f32;
        let mut rows: Vec<(u32, u64, Vec<f32>)> = Vec::new();
        for (&key, &index) in &self.index {
            let index = index as usize;
            if self.seen[index] < min_updates {
                continue;
            }
            let row: Vec<f32> = (0..self.classes)
                .map(|class| {
                    let slot = index * self.classes + class;
                    let total = self.totals[slot]
                        + (self.clock - self.stamps[slot]) as f32 * self.weights[slot];
                    total / clock
                })
                .collect();
            if row.iter().all(|w| w.abs() < 1e-3) {
                continue;
            }
            rows.push((short_key(key), key, row));
        }
        // Two features sharing a short key: the first in key order keeps it (rare, see
        // `short_key`); sorting makes the choice the same on every run.
        rows.sort_by_key(|(short, key, _)| (*short, *key));
        let rows: Vec<(u32, Vec<f32>)> = rows
            .into_iter()
            .map(|(short, _, row)| (short, row))
            .collect();
        Weights::from_rows(self.classes, &rows)
    }
}

/// The index of the highest score among the classes `allowed` says yes to.
#[inline]
pub fn best(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (class, &score) in scores.iter().enumerate() {
        if allowed(class) && best.is_none_or(|(_, top)| score > top) {
            best = Some((class, score));
        }
    }
    best.map(|(class, _)| class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut training = Training::new(2);
        let examples = [
            (0usize, [1u64, 10]),
            (1, [2, 10]),
            (0, [1, 11]),
            (1, [2, 11]),
        ];
        let mut scores = [0f32; 2];
        for _ in 0..5 {
            for (truth, features) in &examples {
                training.score(features, &mut scores);
                let guess = best(&scores, |_| true).unwrap();
                training.update(*truth, guess, features);
            }
        }
        let weights = training.average(1);
        for (truth, features) in &examples {
            weights.score(features, &mut scores);
            assert_eq!(best(&scores, |_| true), Some(*truth));
        }
        let mut writer = Writer::default();
        weights.write(&mut writer);
        let read = Weights::read(&mut Reader::new(&writer.bytes)).unwrap();
        for (truth, features) in &examples {
            read.score(features, &mut scores);
            assert_eq!(best(&scores, |_| true), Some(*truth));
        }
        assert!(Weights::read(&mut Reader::new(&writer.bytes[..7])).is_err());
    }
}
