//! Feature extraction: turns a token in its sentence and document into hashed feature keys.
//!
//! Two kinds of features exist. *Static* features depend only on the text: the token, its
//! neighbours, their shapes, affixes, lexicon entries, and label-free document statistics (how
//! the same word is capitalised elsewhere in the document). *History* features depend on the
//! labels the tagger already gave the same word earlier in the document (a form of
//! document-level consistency, after Ratinov and Roth 2009).

pub mod token;

use crate::hash::{HashMap64, combine, hash_str};
use crate::lexicon::{Lexicon, class};
use crate::tag::{EntityType, LABEL_COUNT, Label};
use token::{AFFIX_LENGTHS, Case, TokenInfo};

/// Template ids: each feature key is `combine(template, value)`.
mod template {
    pub const BIAS: u64 = 1;
    pub const WORD: u64 = 2;
    pub const LOWER: [u64; 5] = [3, 4, 5, 6, 7];
    pub const BIGRAM_LEFT: u64 = 8;
    pub const BIGRAM_RIGHT: u64 = 9;
    pub const PREFIX: u64 = 10;
    pub const SUFFIX: u64 = 11;
    pub const SHAPE: [u64; 3] = [12, 13, 14];
    pub const SHORT_SHAPE: u64 = 15;
    pub const SHAPE_TRIGRAM: u64 = 16;
    pub const SHAPE_LEFT: u64 = 17;
    pub const SHAPE_RIGHT: u64 = 18;
    pub const LOWER_LEFT_SHAPE: u64 = 19;
    pub const SHAPE_LOWER_RIGHT: u64 = 20;
    pub const POSITION_SHAPE: u64 = 21;
    pub const HEADLINE_LOWER: u64 = 22;
    pub const CASE_BIN: [u64; 3] = [23, 24, 25];
    pub const WORD_CLASS: [u64; 3] = [26, 27, 28];
    /// The token's own cluster (29 and 31, its neighbours', are no longer used).
    pub const CLUSTER: u64 = 30;
    pub const DOC_CASE: u64 = 32;
    pub const DOC_SEQUENCE: u64 = 33;
    pub const HISTORY_TYPE: u64 = 34;
    pub const HISTORY_LABEL: u64 = 35;
    pub const HISTORY_NEIGHBOUR: [u64; 2] = [36, 37];
    pub const WORD_CASE_BIN: u64 = 38;
    pub const CONTEXT_AGGREGATE: u64 = 39;
    pub const SPORTS_SHAPE: u64 = 40;
    pub const SPORTS_CLASS: u64 = 41;
    pub const SPORTS_LOWER: u64 = 42;
    pub const PLACE_LEFT: u64 = 43;
}

/// The word classes that come from the gazetteer.
const PLACE_CLASSES: u16 =
    class::PLACE_PART | class::PLACE_NAME | class::COUNTRY_PART | class::LARGE_PLACE;

/// Sports words a document needs to count as sports reporting (see [`FeatureSet::topic`]).
const SPORTS_DOCUMENT_WORDS: usize = 3;

/// Cluster bit-path prefix lengths used as features (after Ratinov and Roth 2009).
const CLUSTER_PREFIXES: [u32; 4] = [4, 6, 10, 20];

/// Which optional feature groups a model uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeatureSet {
    /// Label-free document statistics (case elsewhere in the document).
    pub document_case: bool,
    /// Labels given to the same word earlier in the document.
    pub history: bool,
    /// Case-ratio bins from the lexicon (word clusters are used whenever the lexicon has them).
    pub lexicon: bool,
    /// The words around other occurrences of a capitalised word in the document.
    pub context_aggregation: bool,
    /// Tag twice, the second time with the labels of the whole document from the first pass
    /// (changes tagging only, not training).
    pub second_pass: bool,
    /// Whether the document is sports reporting (enough [`class::SPORTS_WORD`] words), joined
    /// with the shape, place classes and form of capitalised tokens: in sports news a city's
    /// name is often a club and an unknown name a player.
    pub topic: bool,
    /// The gazetteer classes of a capitalised token joined with the word before it: "el
    /// Barcelona" is a club, "en Barcelona" the city.
    pub place_context: bool,
}

impl Default for FeatureSet {
    fn default() -> FeatureSet {
        FeatureSet {
            document_case: true,
            history: true,
            lexicon: true,
            context_aggregation: true,
            second_pass: true,
            topic: false,
            place_context: false,
        }
    }
}

impl FeatureSet {
    pub(crate) fn to_bits(self) -> u8 {
        u8::from(self.document_case)
            | u8::from(self.history) << 1
            | u8::from(self.lexicon) << 2
            | u8::from(self.context_aggregation) << 3
            | u8::from(self.second_pass) << 4
            | u8::from(self.topic) << 5
            | u8::from(self.place_context) << 6
    }

    pub(crate) fn from_bits(bits: u8) -> FeatureSet {
        FeatureSet {
            document_case: bits & 1 != 0,
            history: bits & 2 != 0,
            lexicon: bits & 4 != 0,
            context_aggregation: bits & 8 != 0,
            second_pass: bits & 16 != 0,
            topic: bits & 32 != 0,
            place_context: bits & 64 != 0,
        }
    }
}

/// Per-sentence facts that change how case should be read.
#[derive(Debug, Clone, Copy, Default)]
struct SentenceFlags {
    /// No lower-case letters anywhere (a Reuters headline or table line).
    headline: bool,
    /// At least half of the tokens hold digits (a results table).
    numeric: bool,
}

/// How a word is written elsewhere in the same document.
#[derive(Debug, Clone, Copy, Default)]
struct DocumentCase {
    capitalised: u16,
    lower: u16,
    first_of_sequence: bool,
    last_of_sequence: bool,
}

/// A document prepared for feature extraction.
pub struct DocumentFeatures<'a> {
    lexicon: &'a Lexicon,
    set: FeatureSet,
    /// Token views, per sentence.
    pub infos: Vec<Vec<TokenInfo>>,
    flags: Vec<SentenceFlags>,
    case: HashMap64<DocumentCase>,
    contexts: HashMap64<Vec<u64>>,
    /// The document is sports reporting (only computed with [`FeatureSet::topic`]).
    sports: bool,
}

/// Most context words kept per word for context aggregation.
const MAX_AGGREGATED_CONTEXTS: usize = 24;

/// The words around each occurrence of each capitalised word, by normalised form: at most
/// [`MAX_AGGREGATED_CONTEXTS`] distinct (offset, word) pairs, in order of appearance.
fn aggregate_contexts(infos: &[Vec<TokenInfo>]) -> HashMap64<Vec<u64>> {
    let mut contexts: HashMap64<Vec<u64>> = HashMap64::default();
    for sentence in infos {
        for (position, info) in sentence.iter().enumerate() {
            if !info.case.is_capitalised() {
                continue;
            }
            let list = contexts.entry(info.lower).or_default();
            for offset in [-2i64, -1, 1, 2] {
                if list.len() >= MAX_AGGREGATED_CONTEXTS {
                    break;
                }
                let index = position as i64 + offset;
                let Some(neighbour) = usize::try_from(index).ok().and_then(|i| sentence.get(i))
                else {
                    continue;
                };
                let value = combine(offset as u64, neighbour.lower);
                if !list.contains(&value) {
                    list.push(value);
                }
            }
        }
    }
    contexts
}

fn boundary(offset: i64) -> u64 {
    if offset < 0 {
        hash_str("<s>")
    } else {
        hash_str("</s>")
    }
}

impl<'a> DocumentFeatures<'a> {
    /// Prepares a document given as sentences of tokens.
    pub fn new<S: AsRef<str>>(
        sentences: &[Vec<S>],
        lexicon: &'a Lexicon,
        set: FeatureSet,
    ) -> DocumentFeatures<'a> {
        // Documents repeat their words: compute each distinct token's views once.
        let mut seen: HashMap64<TokenInfo> = HashMap64::default();
        let infos: Vec<Vec<TokenInfo>> = sentences
            .iter()
            .map(|tokens| {
                tokens
                    .iter()
                    .map(|token| {
                        let token = token.as_ref();
                        seen.entry(hash_str(token))
                            .or_insert_with(|| TokenInfo::new(token))
                            .clone()
                    })
                    .collect()
            })
            .collect();
        let flags: Vec<SentenceFlags> = infos
            .iter()
            .map(|sentence| {
                let lettered = sentence
                    .iter()
                    .filter(|i| i.case != Case::NoLetters)
                    .count();
                let lower = sentence
                    .iter()
                    .filter(|i| matches!(i.case, Case::Lower | Case::Title | Case::Mixed))
                    .count();
                let digits = sentence.iter().filter(|i| i.has_digit).count();
                SentenceFlags {
                    headline: lettered > 0 && lower == 0,
                    numeric: digits * 2 >= sentence.len().max(1),
                }
            })
            .collect();
        let mut case: HashMap64<DocumentCase> = HashMap64::default();
        if set.document_case {
            for (sentence, flag) in infos.iter().zip(&flags) {
                if flag.headline {
                    continue;
                }
                for (position, info) in sentence.iter().enumerate().skip(1) {
                    if info.case == Case::NoLetters {
                        continue;
                    }
                    let entry = case.entry(info.lower).or_default();
                    if info.case.is_capitalised() {
                        entry.capitalised = entry.capitalised.saturating_add(1);
                        let before = sentence[position - 1].case.is_capitalised();
                        let after = sentence
                            .get(position + 1)
                            .is_some_and(|n| n.case.is_capitalised());
                        entry.first_of_sequence |= after && !before;
                        entry.last_of_sequence |= before && !after;
                    } else {
                        entry.lower = entry.lower.saturating_add(1);
                    }
                }
            }
        }
        let contexts = if set.context_aggregation {
            aggregate_contexts(&infos)
        } else {
            HashMap64::default()
        };
        let sports = set.topic
            && infos
                .iter()
                .flatten()
                .filter(|info| {
                    info.case == Case::Lower
                        && lexicon.word_class(info.lower) & class::SPORTS_WORD != 0
                })
                .nth(SPORTS_DOCUMENT_WORDS - 1)
                .is_some();
        DocumentFeatures {
            lexicon,
            set,
            infos,
            flags,
            case,
            contexts,
            sports,
        }
    }

    /// Appends the static features of one token to `out`.
    pub fn static_features(&self, sentence: usize, position: usize, out: &mut Vec<u64>) {
        self.intrinsic_features(sentence, position, out);
        self.contextual_features(sentence, position, out);
    }

    /// The exact form of a token: within one document, tokens with the same form have the
    /// same [`DocumentFeatures::intrinsic_features`].
    pub fn form(&self, sentence: usize, position: usize) -> u64 {
        self.infos[sentence][position].word
    }

    /// Appends the static features that depend only on the token's form and the document, not
    /// on its position: the same for every occurrence of the form in the document.
    pub fn intrinsic_features(&self, sentence: usize, position: usize, out: &mut Vec<u64>) {
        let info = &self.infos[sentence][position];
        let mut push = |template: u64, value: u64| out.push(combine(template, value));
        push(template::BIAS, 0);
        push(template::WORD, info.word);
        push(template::LOWER[2], info.lower);
        for length in 0..AFFIX_LENGTHS {
            if info.prefixes[length] != 0 {
                push(template::PREFIX, info.prefixes[length]);
                push(template::SUFFIX, info.suffixes[length]);
            }
        }
        push(template::SHAPE[1], info.shape);
        push(template::SHORT_SHAPE, info.short_shape);
        self.lexicon_features(info, 1, &mut push);
        if self.set.lexicon {
            let bin = self.lexicon.case_bin(info.lower).map_or(99, u64::from);
            push(template::WORD_CASE_BIN, combine(bin, info.short_shape));
        }
        if self.set.document_case {
            let seen = self.case.get(&info.lower).copied().unwrap_or_default();
            let sequence =
                u64::from(seen.first_of_sequence) | u64::from(seen.last_of_sequence) << 1;
            push(template::DOC_SEQUENCE, combine(sequence, info.short_shape));
        }
        if self.sports && info.case.is_capitalised() {
            const PLACE_CLASSES: u16 =
                class::PLACE_PART | class::PLACE_NAME | class::COUNTRY_PART | class::LARGE_PLACE;
            let places = self.lexicon.word_class(info.lower) & PLACE_CLASSES;
            push(template::SPORTS_SHAPE, info.short_shape);
            push(template::SPORTS_CLASS, u64::from(places));
            push(template::SPORTS_LOWER, info.lower);
        }
        if info.case.is_capitalised()
            && let Some(contexts) = self.contexts.get(&info.lower)
        {
            for context in contexts {
                push(template::CONTEXT_AGGREGATE, *context);
            }
        }
    }

    /// Word-class bits and cluster paths of a token seen from `slot` (0, 1, 2 for the left
    /// neighbour, the token itself and the right neighbour).
    fn lexicon_features(&self, info: &TokenInfo, slot: usize, push: &mut impl FnMut(u64, u64)) {
        // Sports words only count towards the document's topic.
        let classes = self.lexicon.word_class(info.lower) & !class::SPORTS_WORD;
        for bit in 0..class::COUNT {
            if classes & (1 << bit) != 0 {
                push(template::WORD_CLASS[slot], bit as u64);
            }
        }
        // A model carries clusters only when it was trained with them.
        // Only the token's own: the neighbours' clusters cost a fifth of the tagging speed and
        // gave nothing on dev.
        if slot != 1 {
            return;
        }
        if let Some(path) = self.lexicon.cluster(info.lower) {
            let length = 31 - path.leading_zeros();
            for prefix in CLUSTER_PREFIXES {
                let cut = prefix.min(length);
                let value = (path >> (length - cut)) as u64 | (u64::from(prefix) << 32);
                push(template::CLUSTER, value);
            }
        }
    }

    /// Appends the static features that look at the token's neighbours and its place in the
    /// sentence.
    pub fn contextual_features(&self, sentence: usize, position: usize, out: &mut Vec<u64>) {
        let infos = &self.infos[sentence];
        let flags = self.flags[sentence];
        let info = &infos[position];
        let at = |offset: i64| -> Option<&TokenInfo> {
            let index = position as i64 + offset;
            usize::try_from(index).ok().and_then(|i| infos.get(i))
        };
        let lower_at = |offset: i64| at(offset).map_or(boundary(offset), |i| i.lower);
        let shape_at = |offset: i64| at(offset).map_or(boundary(offset), |i| i.short_shape);
        let mut push = |template: u64, value: u64| out.push(combine(template, value));

        for (slot, offset) in [(0, -2), (1, -1), (3, 1), (4, 2)] {
            push(template::LOWER[slot], lower_at(offset));
        }
        push(template::BIGRAM_LEFT, combine(lower_at(-1), info.lower));
        push(template::BIGRAM_RIGHT, combine(info.lower, lower_at(1)));
        for (slot, offset) in [(0, -1), (2, 1)] {
            push(
                template::SHAPE[slot],
                at(offset).map_or(boundary(offset), |i| i.shape),
            );
        }
        push(
            template::SHAPE_TRIGRAM,
            combine(combine(shape_at(-1), info.short_shape), shape_at(1)),
        );
        push(
            template::SHAPE_LEFT,
            combine(shape_at(-1), info.short_shape),
        );
        push(
            template::SHAPE_RIGHT,
            combine(info.short_shape, shape_at(1)),
        );
        push(
            template::LOWER_LEFT_SHAPE,
            combine(lower_at(-1), info.short_shape),
        );
        push(
            template::SHAPE_LOWER_RIGHT,
            combine(info.short_shape, lower_at(1)),
        );
        // Where case means little: the first word, headlines, tables.
        let context = u64::from(position == 0)
            | u64::from(flags.headline) << 1
            | u64::from(flags.numeric) << 2;
        push(template::POSITION_SHAPE, combine(context, info.short_shape));
        if flags.headline {
            push(template::HEADLINE_LOWER, info.lower);
        }
        if self.set.place_context && info.case.is_capitalised() {
            let places = self.lexicon.word_class(info.lower) & PLACE_CLASSES;
            if places != 0 {
                push(
                    template::PLACE_LEFT,
                    combine(u64::from(places), lower_at(-1)),
                );
            }
        }
        for (slot, offset) in [(0, -1), (2, 1)] {
            if let Some(neighbour) = at(offset) {
                self.lexicon_features(neighbour, slot, &mut push);
            }
        }
        if self.set.lexicon {
            for (slot, offset) in (-1..=1).enumerate() {
                if let Some(neighbour) = at(offset) {
                    let bin = self.lexicon.case_bin(neighbour.lower).map_or(99, u64::from);
                    push(template::CASE_BIN[slot], combine(bin, context));
                }
            }
        }
        if self.set.document_case {
            let seen = self.case.get(&info.lower).copied().unwrap_or_default();
            let summary = match (seen.capitalised > 0, seen.lower > 0) {
                (false, false) => 0,
                (true, false) => 1,
                (false, true) => 2,
                (true, true) => 3,
            };
            let informative = position > 0 && !flags.headline;
            push(
                template::DOC_CASE,
                combine(summary | u64::from(informative) << 2, info.short_shape),
            );
        }
    }

    /// The history features of every token of a sentence: `out[position]` receives the keys
    /// of that token (the vectors are cleared first and resized to the sentence length).
    pub fn history_features(&self, history: &History, sentence: usize, out: &mut Vec<Vec<u64>>) {
        let infos = &self.infos[sentence];
        out.resize_with(infos.len(), Vec::new);
        out.truncate(infos.len());
        out.iter_mut().for_each(Vec::clear);
        if !self.set.history {
            return;
        }
        let summaries: Vec<Option<HistorySummary>> = infos
            .iter()
            .map(|info| history.majority(info.lower))
            .collect();
        let headline = self.flags[sentence].headline;
        for (position, keys) in out.iter_mut().enumerate() {
            if let Some(summary) = &summaries[position] {
                let informative = u64::from(position > 0 && !headline);
                keys.push(combine(
                    template::HISTORY_TYPE,
                    combine(summary.kind, informative),
                ));
                keys.push(combine(template::HISTORY_LABEL, summary.label));
            }
            let left = position.checked_sub(1).and_then(|i| summaries[i].as_ref());
            if let Some(summary) = left {
                keys.push(combine(template::HISTORY_NEIGHBOUR[0], summary.kind));
            }
            if let Some(Some(summary)) = summaries.get(position + 1) {
                keys.push(combine(template::HISTORY_NEIGHBOUR[1], summary.kind));
            }
        }
    }
}

/// The labels given so far to each word of a document.
#[derive(Debug, Default, Clone)]
pub struct History {
    /// Per normalised word: how often each label was given to it (outside only counts for
    /// capitalised tokens).
    counts: HashMap64<[u16; LABEL_COUNT]>,
}

/// The most frequent label of a word in the history.
struct HistorySummary {
    /// Entity type index + 1, or 0 for outside.
    kind: u64,
    /// The full BILOU label.
    label: u64,
}

impl History {
    /// Forgets everything.
    pub fn clear(&mut self) {
        self.counts.clear();
    }

    /// Records the labels given to one sentence.
    pub fn record(&mut self, infos: &[TokenInfo], labels: &[Label]) {
        for (info, label) in infos.iter().zip(labels) {
            if *label == Label::OUTSIDE && !info.case.is_capitalised() {
                continue;
            }
            let counts = self.counts.entry(info.lower).or_insert([0; LABEL_COUNT]);
            counts[label.index()] = counts[label.index()].saturating_add(1);
        }
    }

    fn majority(&self, lower: u64) -> Option<HistorySummary> {
        let counts = self.counts.get(&lower)?;
        let mut by_type = [0u32; 5];
        for label in Label::all() {
            let slot = label.entity_type().map_or(0, |k: EntityType| k.index() + 1);
            by_type[slot] += u32::from(counts[label.index()]);
        }
        let kind = (0..5).max_by_key(|&k| (by_type[k], std::cmp::Reverse(k)))?;
        let label = (0..LABEL_COUNT).max_by_key(|&l| (counts[l], std::cmp::Reverse(l)))?;
        Some(HistorySummary {
            kind: kind as u64,
            label: label as u64,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sports_documents_add_topic_features_to_capitalised_tokens() {
        let lexicon = Lexicon::with_word_lists();
        let set = FeatureSet {
            topic: true,
            ..FeatureSet::default()
        };
        let sports = [vec![
            "el",
            "gol",
            "del",
            "Barcelona",
            "en",
            "el",
            "partido",
            "de",
            "liga",
        ]];
        let politics = [vec!["el", "voto", "del", "Barcelona", "en", "el", "pleno"]];
        let count_topic_keys = |sentences: &[Vec<&str>]| {
            let document = DocumentFeatures::new(sentences, &lexicon, set);
            let mut keys = Vec::new();
            document.intrinsic_features(0, 3, &mut keys);
            let sports_key = combine(template::SPORTS_LOWER, document.infos[0][3].lower);
            keys.contains(&sports_key)
        };
        assert!(count_topic_keys(&sports));
        assert!(!count_topic_keys(&politics));
    }
}
