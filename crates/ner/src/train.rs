//! Training: an averaged structured perceptron over BILOU labels (Collins 2002), with
//! deterministic shuffling and a dev-set evaluation after every epoch.

use std::time::Instant;

use crate::conll::ConllDocument;
use crate::decode::{FLAT_LENGTH, Transitions, viterbi};
use crate::eval::{Scores, evaluate};
use crate::features::{DocumentFeatures, FeatureSet, History};
use crate::hash::HashMap64;
use crate::lexicon::Lexicon;
use crate::model::{Model, SparseWeights};
use crate::tag::{LABEL_COUNT, Label, tags_to_labels};

/// How to train.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed for the order in which documents are visited.
    pub seed: u64,
    /// Static features seen fewer times than this in training are dropped.
    pub min_feature_count: u32,
    /// Optional feature groups.
    pub features: FeatureSet,
    /// Word-level resources (word lists, case bins, clusters) the model carries.
    pub lexicon: Lexicon,
}

impl Default for TrainConfig {
    fn default() -> TrainConfig {
        TrainConfig {
            epochs: 10,
            seed: 1,
            min_feature_count: 1,
            features: FeatureSet::default(),
            lexicon: Lexicon::with_word_lists(),
        }
    }
}

/// What happened in one epoch.
#[derive(Debug, Clone)]
pub struct EpochReport {
    /// One-based epoch number.
    pub epoch: usize,
    /// Training tokens whose predicted label was wrong during the epoch.
    pub token_errors: usize,
    /// Training tokens seen during the epoch.
    pub tokens: usize,
    /// Features with a non-zero averaged weight after the epoch.
    pub features: usize,
    /// Scores of the averaged model on the dev documents (empty scores without dev data).
    pub dev: Scores,
    /// Wall-clock seconds the epoch took, evaluation included.
    pub seconds: f64,
}

/// A small deterministic random number generator (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        crate::hash::mix(self.0)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for index in (1..items.len()).rev() {
            let other = (self.next() % (index as u64 + 1)) as usize;
            items.swap(index, other);
        }
    }
}

/// Perceptron weights with the running sums needed for averaging.
struct AveragedWeights {
    index: HashMap64<u32>,
    keys: Vec<u64>,
    current: Vec<f32>,
    /// Sum of `step × update` for each weight; the average is `current - summed / step`.
    summed: Vec<f64>,
    transitions: Vec<f32>,
    transitions_summed: Vec<f64>,
    step: f64,
}

impl AveragedWeights {
    fn new() -> AveragedWeights {
        AveragedWeights {
            index: HashMap64::default(),
            keys: Vec::new(),
            current: Vec::new(),
            summed: Vec::new(),
            transitions: vec![0.0; FLAT_LENGTH],
            transitions_summed: vec![0.0; FLAT_LENGTH],
            step: 1.0,
        }
    }

    fn intern(&mut self, key: u64) -> u32 {
        if let Some(&number) = self.index.get(&key) {
            return number;
        }
        let number = self.keys.len() as u32;
        self.index.insert(key, number);
        self.keys.push(key);
        self.current.extend([0.0; LABEL_COUNT]);
        self.summed.extend([0.0; LABEL_COUNT]);
        number
    }

    fn add_row(&self, number: u32, scores: &mut [f32]) {
        let start = number as usize * LABEL_COUNT;
        for (score, weight) in scores
            .iter_mut()
            .zip(&self.current[start..start + LABEL_COUNT])
        {
            *score += weight;
        }
    }

    fn update(&mut self, number: u32, label: Label, delta: f32) {
        let slot = number as usize * LABEL_COUNT + label.index();
        self.current[slot] += delta;
        self.summed[slot] += self.step * f64::from(delta);
    }

    fn update_transition(&mut self, previous: Option<Label>, next: Option<Label>, delta: f32) {
        if let Some(slot) = Transitions::flat_index(previous, next) {
            self.transitions[slot] += delta;
            self.transitions_summed[slot] += self.step * f64::from(delta);
        }
    }

    fn average(current: f32, summed: f64, step: f64) -> f32 {
        (f64::from(current) - summed / step) as f32
    }

    fn transitions_now(&self) -> Transitions {
        Transitions::from_flat(&self.transitions)
    }

    fn averaged_model(&self, lexicon: &Lexicon, features: FeatureSet) -> Model {
        let step = self.step;
        let mut row = [0.0f32; LABEL_COUNT];
        let mut rows: Vec<(u64, [f32; LABEL_COUNT])> = Vec::new();
        for (number, key) in self.keys.iter().enumerate() {
            let start = number * LABEL_COUNT;
            let current = &self.current[start..start + LABEL_COUNT];
            let summed = &self.summed[start..start + LABEL_COUNT];
            for ((slot, value), sum) in row.iter_mut().zip(current).zip(summed) {
                let average = Self::average(*value, *sum, step);
                *slot = if average.abs() < 1e-6 { 0.0 } else { average };
            }
            if row.iter().any(|v| *v != 0.0) {
                rows.push((*key, row));
            }
        }
        let weights = SparseWeights::from_rows(rows.iter().map(|(key, row)| (*key, &row[..])));
        let flat: Vec<f32> = self
            .transitions
            .iter()
            .zip(&self.transitions_summed)
            .map(|(current, summed)| Self::average(*current, *summed, step))
            .collect();
        Model {
            lexicon: lexicon.clone(),
            features,
            weights,
            transitions: Transitions::from_flat(&flat),
        }
    }
}

/// A training sentence with its static features already resolved to weight rows.
struct PreparedSentence {
    /// Static feature rows of token `t` are `rows[starts[t]..starts[t + 1]]`.
    rows: Vec<u32>,
    starts: Vec<usize>,
    gold: Vec<Label>,
}

/// Trains a model on `train`, scoring it on `dev` after each epoch and passing the report to
/// `on_epoch`. The same data, configuration and seed always give the same model.
pub fn train(
    train: &[ConllDocument],
    dev: &[ConllDocument],
    config: &TrainConfig,
    mut on_epoch: impl FnMut(&EpochReport),
) -> Model {
    let token_lists: Vec<Vec<Vec<&str>>> = train.iter().map(ConllDocument::token_slices).collect();
    let documents: Vec<DocumentFeatures<'_>> = token_lists
        .iter()
        .map(|sentences| DocumentFeatures::new(sentences, &config.lexicon, config.features))
        .collect();
    let mut weights = AveragedWeights::new();
    let prepared = prepare(train, &documents, config.min_feature_count, &mut weights);
    let token_count: usize = train.iter().map(ConllDocument::token_count).sum();
    let mut random = SplitMix(config.seed);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut history = History::default();
    let mut history_rows: Vec<Vec<u64>> = Vec::new();
    let mut emissions = Vec::new();
    let mut model = weights.averaged_model(&config.lexicon, config.features);
    for epoch in 1..=config.epochs {
        let started = Instant::now();
        random.shuffle(&mut order);
        let mut token_errors = 0;
        for &document_number in &order {
            let document = &documents[document_number];
            history.clear();
            for (sentence_number, sentence) in prepared[document_number].iter().enumerate() {
                let length = sentence.gold.len();
                emissions.clear();
                emissions.resize(length * LABEL_COUNT, 0.0);
                document.history_features(&history, sentence_number, &mut history_rows);
                for position in 0..length {
                    let scores =
                        &mut emissions[position * LABEL_COUNT..(position + 1) * LABEL_COUNT];
                    let static_rows =
                        &sentence.rows[sentence.starts[position]..sentence.starts[position + 1]];
                    for &row in static_rows {
                        weights.add_row(row, scores);
                    }
                    for key in &history_rows[position] {
                        if let Some(&row) = weights.index.get(key) {
                            weights.add_row(row, scores);
                        }
                    }
                }
                let predicted = viterbi(&emissions, &weights.transitions_now());
                if predicted != sentence.gold {
                    for position in 0..length {
                        let (gold, guess) = (sentence.gold[position], predicted[position]);
                        if gold != guess {
                            token_errors += 1;
                            let static_rows = &sentence.rows
                                [sentence.starts[position]..sentence.starts[position + 1]];
                            for &row in static_rows {
                                weights.update(row, gold, 1.0);
                                weights.update(row, guess, -1.0);
                            }
                            for &key in &history_rows[position] {
                                let row = weights.intern(key);
                                weights.update(row, gold, 1.0);
                                weights.update(row, guess, -1.0);
                            }
                        }
                    }
                    for position in 0..=length {
                        let gold_pair = (
                            position.checked_sub(1).map(|p| sentence.gold[p]),
                            sentence.gold.get(position).copied(),
                        );
                        let guess_pair = (
                            position.checked_sub(1).map(|p| predicted[p]),
                            predicted.get(position).copied(),
                        );
                        if gold_pair != guess_pair {
                            weights.update_transition(gold_pair.0, gold_pair.1, 1.0);
                            weights.update_transition(guess_pair.0, guess_pair.1, -1.0);
                        }
                    }
                }
                weights.step += 1.0;
                history.record(&document.infos[sentence_number], &predicted);
            }
        }
        model = weights.averaged_model(&config.lexicon, config.features);
        let dev_scores = score(&model, dev);
        on_epoch(&EpochReport {
            epoch,
            token_errors,
            tokens: token_count,
            features: model.feature_count(),
            dev: dev_scores,
            seconds: started.elapsed().as_secs_f64(),
        });
    }
    model
}

/// Tags `documents` with `model` and scores the result against their gold tags.
pub fn score(model: &Model, documents: &[ConllDocument]) -> Scores {
    let mut gold = Vec::new();
    let mut predicted = Vec::new();
    for document in documents {
        predicted.extend(model.tag_document(&document.token_slices()));
        gold.extend(document.sentences.iter().map(|s| s.gold.clone()));
    }
    evaluate(&gold, &predicted)
}

/// Extracts static features for every training token, keeps those seen at least `min_count`
/// times and resolves them to weight rows (numbered in order of first appearance).
fn prepare(
    train: &[ConllDocument],
    documents: &[DocumentFeatures<'_>],
    min_count: u32,
    weights: &mut AveragedWeights,
) -> Vec<Vec<PreparedSentence>> {
    let mut keys = Vec::new();
    let mut counts: HashMap64<u32> = HashMap64::default();
    if min_count > 1 {
        for document in documents {
            for (sentence, infos) in document.infos.iter().enumerate() {
                for position in 0..infos.len() {
                    keys.clear();
                    document.static_features(sentence, position, &mut keys);
                    for key in &keys {
                        *counts.entry(*key).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut prepared = Vec::with_capacity(documents.len());
    for (conll, document) in train.iter().zip(documents) {
        let mut sentences = Vec::with_capacity(conll.sentences.len());
        for (sentence, gold) in conll.sentences.iter().enumerate() {
            let mut rows = Vec::new();
            let mut starts = vec![0];
            for position in 0..gold.tokens.len() {
                keys.clear();
                document.static_features(sentence, position, &mut keys);
                for key in &keys {
                    if min_count <= 1 || counts.get(key).copied().unwrap_or(0) >= min_count {
                        rows.push(weights.intern(*key));
                    }
                }
                starts.push(rows.len());
            }
            sentences.push(PreparedSentence {
                rows,
                starts,
                gold: tags_to_labels(&gold.gold),
            });
        }
        prepared.push(sentences);
    }
    prepared
}
