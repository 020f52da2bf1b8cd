//! The trained tagger: sparse feature weights, label transitions and the lexicon, with the
//! compressed file format they are saved in.

use std::io::{Read, Write};
use std::path::Path;
use tessera_doc::Lang;

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use crate::codec::{Reader, Writer};
use crate::decode::{FLAT_LENGTH, Transitions, viterbi};
use crate::error::NerError;
use crate::features::{DocumentFeatures, FeatureSet, History};
use crate::hash::HashMap64;
use crate::lexicon::Lexicon;
use crate::tag::{LABEL_COUNT, Label, Tag};

const MAGIC: &[u8; 12] = b"TESSERA-NER\0";
const FORMAT_VERSION: u32 = 1;

/// One non-zero weight of a feature.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Entry {
    value: f32,
    label: u8,
}

/// Feature weights, stored sparsely: only the labels a feature has a non-zero weight for.
/// The map value packs the feature's first entry (low 32 bits) and entry count (high bits), so
/// a lookup touches the map slot and one run of entries.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SparseWeights {
    index: HashMap64<u64>,
    entries: Vec<Entry>,
    /// Feature keys in the order their entries were added (the saved order).
    keys: Vec<u64>,
}

impl SparseWeights {
    /// Builds the table from `(key, weights per label)` rows, dropping zero weights.
    pub(crate) fn from_rows<'a>(rows: impl Iterator<Item = (u64, &'a [f32])>) -> SparseWeights {
        let mut weights = SparseWeights::default();
        for (key, row) in rows {
            let entries = row
                .iter()
                .enumerate()
                .filter(|(_, value)| **value != 0.0)
                .map(|(label, value)| Entry {
                    value: *value,
                    label: label as u8,
                });
            weights.push(key, entries);
        }
        weights
    }

    fn push(&mut self, key: u64, entries: impl Iterator<Item = Entry>) {
        let start = self.entries.len();
        self.entries.extend(entries);
        let count = self.entries.len() - start;
        if count > 0 {
            self.index.insert(key, start as u64 | (count as u64) << 32);
            self.keys.push(key);
        }
    }

    /// Adds the weights of feature `key` to `scores`.
    #[inline]
    fn add_to(&self, key: u64, scores: &mut [f32]) {
        if let Some(&packed) = self.index.get(&key) {
            let start = (packed & 0xFFFF_FFFF) as usize;
            let count = (packed >> 32) as usize;
            for entry in &self.entries[start..start + count] {
                scores[usize::from(entry.label)] += entry.value;
            }
        }
    }

    /// The entries of a feature.
    fn entries_of(&self, key: u64) -> &[Entry] {
        self.index.get(&key).map_or(&[], |&packed| {
            let start = (packed & 0xFFFF_FFFF) as usize;
            &self.entries[start..start + (packed >> 32) as usize]
        })
    }

    /// Number of features with at least one non-zero weight.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }
}

/// A trained named-entity tagger.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub(crate) lexicon: Lexicon,
    pub(crate) features: FeatureSet,
    pub(crate) weights: SparseWeights,
    pub(crate) transitions: Transitions,
}

static EMBEDDED_EN: &[u8] = include_bytes!("../../../assets/ner/en.model.gz");
static EMBEDDED_ES: &[u8] = include_bytes!("../../../assets/ner/es.model.gz");

impl Model {
    /// Reads a model from its gzip-compressed bytes.
    pub fn from_bytes(compressed: &[u8]) -> Result<Model, NerError> {
        let mut raw = Vec::new();
        GzDecoder::new(compressed)
            .read_to_end(&mut raw)
            .map_err(|e| NerError::ModelFormat(format!("cannot decompress: {e}")))?;
        decode_model(&raw)
    }

    /// Reads a model file written by [`Model::save`].
    pub fn load(path: &Path) -> Result<Model, NerError> {
        let bytes = std::fs::read(path).map_err(|source| NerError::ModelIo {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes).map_err(|error| match error {
            NerError::ModelFormat(message) => {
                NerError::ModelFormat(format!("{}: {message}", path.display()))
            }
            other => other,
        })
    }

    /// The model's gzip-compressed bytes, as [`Model::from_bytes`] reads them. The bytes depend
    /// only on the model, so equal models give equal bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        // Writing into a Vec cannot fail.
        let _ = encoder.write_all(&encode_model(self));
        encoder.finish().unwrap_or_default()
    }

    /// Writes the model to a file.
    pub fn save(&self, path: &Path) -> Result<(), NerError> {
        std::fs::write(path, self.to_bytes()).map_err(|source| NerError::ModelIo {
            path: path.to_path_buf(),
            source,
        })
    }

    /// The model shipped inside the library for a language ("en" or "es"); `None` for others.
    pub fn embedded(lang: Lang) -> Option<Result<Model, NerError>> {
        let bytes = match lang {
            Lang::EN => EMBEDDED_EN,
            Lang::ES => EMBEDDED_ES,
            _ => return None,
        };
        Some(Model::from_bytes(bytes))
    }

    /// Number of features with a non-zero weight.
    pub fn feature_count(&self) -> usize {
        self.weights.len()
    }

    /// Tags one document given as sentences of tokens, returning IOB2 tags per token.
    /// Document-level features see every sentence of the document.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        let document = DocumentFeatures::new(sentences, &self.lexicon, self.features);
        self.tag_prepared(&document)
            .into_iter()
            .map(|labels| labels.into_iter().map(Label::to_tag).collect())
            .collect()
    }

    /// Tags a prepared document. The first pass goes sentence by sentence, feeding each
    /// sentence's labels into the history the next sentences see; with
    /// [`FeatureSet::second_pass`], a second pass re-decodes every sentence with the history of
    /// the whole first pass, so early mentions profit from later ones. Static feature scores
    /// are computed once and shared by both passes.
    pub(crate) fn tag_prepared(&self, document: &DocumentFeatures<'_>) -> Vec<Vec<Label>> {
        let mut keys = Vec::with_capacity(64);
        // Scores of the form-only features, computed once per distinct form.
        let mut intrinsic: HashMap64<[f32; LABEL_COUNT]> = HashMap64::default();
        let static_scores: Vec<Vec<f32>> = document
            .infos
            .iter()
            .enumerate()
            .map(|(sentence, infos)| {
                let mut emissions = vec![0.0; infos.len() * LABEL_COUNT];
                for (position, scores) in emissions.chunks_exact_mut(LABEL_COUNT).enumerate() {
                    let form = intrinsic
                        .entry(document.form(sentence, position))
                        .or_insert_with(|| {
                            let mut form_scores = [0.0; LABEL_COUNT];
                            keys.clear();
                            document.intrinsic_features(sentence, position, &mut keys);
                            for &key in &keys {
                                self.weights.add_to(key, &mut form_scores);
                            }
                            form_scores
                        });
                    scores.copy_from_slice(form);
                    keys.clear();
                    document.contextual_features(sentence, position, &mut keys);
                    for &key in &keys {
                        self.weights.add_to(key, scores);
                    }
                }
                emissions
            })
            .collect();
        let mut history = History::default();
        let mut history_keys = Vec::new();
        let mut first = Vec::with_capacity(static_scores.len());
        for (sentence, scores) in static_scores.iter().enumerate() {
            let labels =
                self.decode_with_history(document, sentence, scores, &history, &mut history_keys);
            history.record(&document.infos[sentence], &labels);
            first.push(labels);
        }
        if !self.features.second_pass || !self.features.history {
            return first;
        }
        static_scores
            .iter()
            .enumerate()
            .map(|(sentence, scores)| {
                self.decode_with_history(document, sentence, scores, &history, &mut history_keys)
            })
            .collect()
    }

    fn decode_with_history(
        &self,
        document: &DocumentFeatures<'_>,
        sentence: usize,
        static_scores: &[f32],
        history: &History,
        keys: &mut Vec<Vec<u64>>,
    ) -> Vec<Label> {
        let mut emissions = static_scores.to_vec();
        document.history_features(history, sentence, keys);
        for (scores, token_keys) in emissions.chunks_exact_mut(LABEL_COUNT).zip(keys.iter()) {
            for &key in token_keys {
                self.weights.add_to(key, scores);
            }
        }
        viterbi(&emissions, &self.transitions)
    }
}

fn sorted<V: Copy>(map: &HashMap64<V>) -> Vec<(u64, V)> {
    let mut entries: Vec<(u64, V)> = map.iter().map(|(k, v)| (*k, *v)).collect();
    entries.sort_by_key(|(key, _)| *key);
    entries
}

fn encode_model(model: &Model) -> Vec<u8> {
    let mut out = Writer::default();
    out.bytes.extend_from_slice(MAGIC);
    out.u32(FORMAT_VERSION);
    out.u8(model.features.to_bits());
    let lexicon = &model.lexicon;
    let bins = sorted(&lexicon.case_bins);
    out.length(bins.len());
    for (key, bin) in bins {
        out.u64(key);
        out.u8(bin);
    }
    let clusters = sorted(&lexicon.clusters);
    out.length(clusters.len());
    for (key, path) in clusters {
        out.u64(key);
        out.u32(path);
    }
    let classes = sorted(&lexicon.word_classes);
    out.length(classes.len());
    for (key, bits) in classes {
        out.u64(key);
        out.u16(bits);
    }
    let transitions = &model.transitions;
    for value in transitions
        .between
        .iter()
        .chain(&transitions.start)
        .chain(&transitions.end)
    {
        out.f32(*value);
    }
    let weights = &model.weights;
    out.length(weights.keys.len());
    for &key in &weights.keys {
        let entries = weights.entries_of(key);
        out.u64(key);
        out.u8(entries.len() as u8);
        for entry in entries {
            out.u8(entry.label);
            out.f32(entry.value);
        }
    }
    out.bytes
}

fn decode_model(raw: &[u8]) -> Result<Model, NerError> {
    let mut input = Reader::new(raw);
    if input.take(MAGIC.len())? != MAGIC {
        return Err(NerError::ModelFormat("not a Tessera NER model".into()));
    }
    let version = input.u32()?;
    if version != FORMAT_VERSION {
        return Err(NerError::ModelFormat(format!(
            "format version {version}, this build reads {FORMAT_VERSION}"
        )));
    }
    let features = FeatureSet::from_bits(input.u8()?);
    let mut lexicon = Lexicon::default();
    for _ in 0..input.length(9)? {
        let key = input.u64()?;
        lexicon.case_bins.insert(key, input.u8()?);
    }
    for _ in 0..input.length(12)? {
        let key = input.u64()?;
        lexicon.clusters.insert(key, input.u32()?);
    }
    for _ in 0..input.length(10)? {
        let key = input.u64()?;
        lexicon.word_classes.insert(key, input.u16()?);
    }
    let mut flat = Vec::with_capacity(FLAT_LENGTH);
    for _ in 0..FLAT_LENGTH {
        flat.push(input.f32()?);
    }
    let transitions = Transitions::from_flat(&flat);
    let count = input.length(9)?;
    let mut weights = SparseWeights::default();
    weights.index.reserve(count);
    weights.keys.reserve(count);
    let mut entries = Vec::with_capacity(LABEL_COUNT);
    for _ in 0..count {
        let key = input.u64()?;
        entries.clear();
        for _ in 0..input.u8()? {
            let label = input.u8()?;
            if usize::from(label) >= LABEL_COUNT {
                return Err(NerError::ModelFormat(format!("label {label} out of range")));
            }
            entries.push(Entry {
                value: input.f32()?,
                label,
            });
        }
        weights.push(key, entries.iter().copied());
    }
    if !input.is_at_end() {
        return Err(NerError::ModelFormat(
            "trailing bytes after the weights".into(),
        ));
    }
    Ok(Model {
        lexicon,
        features,
        weights,
        transitions,
    })
}
