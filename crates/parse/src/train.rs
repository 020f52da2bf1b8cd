//! Training a [`SyntaxModel`] from a treebank, and scoring one against another.
//!
//! The parser and labeller learn from tags the tagger predicts, not gold tags, because that is
//! what they will see: each training sentence is tagged by a tagger trained on the other folds
//! (jackknifing), so the tags carry realistic errors.

use crate::conllu::TreeSentence;
use crate::labeller::{Tree, train_labeller};
use crate::model::SyntaxModel;
use crate::parser::{ParseExample, train_parser};
use crate::ptb::TaggedSentence;
use crate::tagger::train_tagger;
use crate::words::{WordClusters, WordKeys, upos_index};

/// How long each part trains.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainSettings {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    pub labeller_epochs: usize,
    /// Folds for jackknifed tags (1 trains the parser on gold tags).
    pub folds: usize,
    /// Features updated fewer times than this are dropped from the saved model.
    pub min_updates: u32,
    pub seed: u64,
}

impl Default for TrainSettings {
    fn default() -> TrainSettings {
        TrainSettings {
            tagger_epochs: 8,
            parser_epochs: 12,
            labeller_epochs: 8,
            folds: 4,
            min_updates: 2,
            seed: 1,
        }
    }
}

/// A deterministic shuffle (xorshift), so training the same data gives the same model.
fn shuffler(seed: u64) -> impl FnMut(&mut [usize]) {
    let mut state = seed.max(1);
    move |items: &mut [usize]| {
        for i in (1..items.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let j = (state % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

struct Prepared {
    words: Vec<WordKeys>,
    tags: Vec<u8>,
    heads: Vec<u32>,
}

fn prepare(sentence: &TreeSentence, clusters: &WordClusters) -> Prepared {
    let root = sentence.words.len() as u32;
    Prepared {
        words: sentence
            .words
            .iter()
            .map(|w| WordKeys::of(&w.form, clusters))
            .collect(),
        tags: sentence.words.iter().map(|w| upos_index(&w.upos)).collect(),
        heads: sentence
            .words
            .iter()
            .map(|w| if w.head == 0 { root } else { w.head - 1 })
            .collect(),
    }
}

/// Trains tagger, parser and labeller; `extra_tagged` is more tagger training text (no
/// trees; see [`crate::read_ptb_tagged`]); `clusters` are word clusters from raw text for the
/// tagger (empty for none), kept in the model; `progress` hears what is being done.
pub fn train(
    sentences: &[TreeSentence],
    extra_tagged: &[TaggedSentence],
    clusters: WordClusters,
    settings: TrainSettings,
    progress: &mut dyn FnMut(&str),
) -> SyntaxModel {
    let prepared: Vec<Prepared> = sentences.iter().map(|s| prepare(s, &clusters)).collect();
    let extra = extra_tagged.iter().map(|(words, tags)| {
        (
            words.iter().map(|w| WordKeys::of(w, &clusters)).collect(),
            tags.clone(),
        )
    });
    let tagged: Vec<(Vec<WordKeys>, Vec<u8>)> = prepared
        .iter()
        .map(|p| (p.words.clone(), p.tags.clone()))
        .chain(extra)
        .collect();
    // Jackknifing holds out treebank sentences only; the extra text always trains.
    let treebank_size = prepared.len();
    let mut shuffle = shuffler(settings.seed);

    let mut predicted: Vec<Vec<u8>> = prepared.iter().map(|p| p.tags.clone()).collect();
    if settings.folds > 1 {
        for fold in 0..settings.folds {
            progress(&format!("tagging fold {} of {}", fold + 1, settings.folds));
            let rest: Vec<(Vec<WordKeys>, Vec<u8>)> = tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| *i >= treebank_size || i % settings.folds != fold)
                .map(|(_, s)| s.clone())
                .collect();
            let tagger = train_tagger(&rest, settings.tagger_epochs, 1, &mut shuffle);
            for (index, sentence) in prepared.iter().enumerate() {
                if index % settings.folds == fold {
                    predicted[index] = tagger.tag(&sentence.words);
                }
            }
        }
    }
    progress("training the tagger");
    let tagger = train_tagger(
        &tagged,
        settings.tagger_epochs,
        settings.min_updates,
        &mut shuffle,
    );

    progress("training the parser");
    let examples: Vec<ParseExample> = prepared
        .iter()
        .zip(&predicted)
        .map(|(p, tags)| ParseExample {
            words: p.words.clone(),
            tags: tags.clone(),
            heads: p.heads.clone(),
        })
        .collect();
    let parser = train_parser(
        &examples,
        settings.parser_epochs,
        settings.min_updates,
        &mut shuffle,
    );

    progress("training the labeller");
    let mut labels: Vec<String> = Vec::new();
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for sentence in sentences {
        for word in &sentence.words {
            *counts.entry(word.deprel.as_str()).or_default() += 1;
        }
    }
    let mut by_count: Vec<(&str, usize)> = counts.into_iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    labels.extend(by_count.iter().map(|(l, _)| l.to_string()));
    let label_of = |name: &str| labels.iter().position(|l| l == name).unwrap_or(0) as u16;
    let trees: Vec<(Tree, Vec<u16>)> = prepared
        .iter()
        .zip(&predicted)
        .zip(sentences)
        .map(|((p, tags), sentence)| {
            (
                Tree {
                    words: &p.words,
                    tags,
                    heads: &p.heads,
                },
                sentence.words.iter().map(|w| label_of(&w.deprel)).collect(),
            )
        })
        .collect();
    let labeller = train_labeller(
        &trees,
        labels.clone(),
        settings.labeller_epochs,
        settings.min_updates,
        &mut shuffle,
    );
    SyntaxModel {
        tagger,
        parser,
        labeller,
        clusters,
    }
}

/// Agreement with a gold treebank, counted over every syntactic word, punctuation included
/// (as the CoNLL 2018 shared task scores).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ParseScores {
    pub words: usize,
    pub tags_correct: usize,
    pub heads_correct: usize,
    pub labelled_correct: usize,
}

impl ParseScores {
    fn ratio(part: usize, whole: usize) -> f64 {
        if whole == 0 {
            0.0
        } else {
            part as f64 / whole as f64
        }
    }
    pub fn upos(&self) -> f64 {
        ParseScores::ratio(self.tags_correct, self.words)
    }
    pub fn uas(&self) -> f64 {
        ParseScores::ratio(self.heads_correct, self.words)
    }
    pub fn las(&self) -> f64 {
        ParseScores::ratio(self.labelled_correct, self.words)
    }
}

/// Scores `model` against gold `sentences`.
pub fn evaluate(model: &SyntaxModel, sentences: &[TreeSentence]) -> ParseScores {
    let mut scores = ParseScores::default();
    for sentence in sentences {
        let prepared = prepare(sentence, &model.clusters);
        let analysis = model.analyse_keys(&prepared.words);
        for (index, word) in sentence.words.iter().enumerate() {
            scores.words += 1;
            scores.tags_correct += usize::from(analysis.tags[index] == prepared.tags[index]);
            let head = analysis.heads[index].map_or(0, |h| h + 1);
            if head == word.head {
                scores.heads_correct += 1;
                scores.labelled_correct +=
                    usize::from(model.relation_name(analysis.relation_ids[index]) == word.deprel);
            }
        }
    }
    scores
}

/// Tag agreement with tagged sentences that have no trees.
pub fn evaluate_tags(model: &SyntaxModel, sentences: &[TaggedSentence]) -> ParseScores {
    let mut scores = ParseScores::default();
    for (words, gold) in sentences {
        let analysis = model.analyse(words);
        scores.words += gold.len();
        scores.tags_correct += analysis
            .tags
            .iter()
            .zip(gold)
            .filter(|(a, b)| a == b)
            .count();
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::TreeWord;

    fn sentence(words: &[(&str, &str, u32, &str)]) -> TreeSentence {
        TreeSentence {
            words: words
                .iter()
                .map(|(form, upos, head, deprel)| TreeWord {
                    form: form.to_string(),
                    upos: upos.to_string(),
                    head: *head,
                    deprel: deprel.to_string(),
                })
                .collect(),
        }
    }

    #[test]
    fn learns_a_tiny_treebank() {
        // An invented toy language: enough to show the three parts learn and save together.
        let data = vec![
            sentence(&[
                ("ka", "NOUN", 2, "nsubj"),
                ("lo", "VERB", 0, "root"),
                ("mi", "NOUN", 2, "obj"),
            ]),
            sentence(&[
                ("ta", "NOUN", 2, "nsubj"),
                ("lo", "VERB", 0, "root"),
                ("ka", "NOUN", 2, "obj"),
            ]),
            sentence(&[
                ("mi", "NOUN", 2, "nsubj"),
                ("re", "VERB", 0, "root"),
                ("ta", "NOUN", 2, "obj"),
            ]),
            sentence(&[("ka", "NOUN", 2, "nsubj"), ("re", "VERB", 0, "root")]),
        ];
        let settings = TrainSettings {
            folds: 1,
            min_updates: 1,
            tagger_epochs: 10,
            parser_epochs: 10,
            labeller_epochs: 10,
            ..TrainSettings::default()
        };
        let model = train(&data, &[], WordClusters::default(), settings, &mut |_| {});
        let scores = evaluate(&model, &data);
        assert_eq!(scores.words, 11);
        assert!(scores.uas() > 0.99, "{scores:?}");
        assert!(scores.las() > 0.99, "{scores:?}");
        let file = tempfile::NamedTempFile::new().unwrap();
        model.save(file.path()).unwrap();
        let loaded = SyntaxModel::load(file.path()).unwrap();
        assert_eq!(evaluate(&loaded, &data), scores);
        let analysis = loaded.analyse(&["ta", "re", "mi"]);
        assert_eq!(analysis.heads, [Some(1), None, Some(1)]);
        assert_eq!(loaded.relation_name(analysis.relation_ids[0]), "nsubj");
    }

    #[test]
    fn clusters_tag_words_never_seen_in_training_and_stay_in_the_model() {
        // Nouns and verbs of a toy language, each a sentence alone, fall in two clusters; "zi"
        // and "wo" are never in the treebank, only in the clusters, as words met in raw text
        // are. Their letters are shared by both classes ("mi", "ni"; "po", "ro"), so only the
        // cluster can tell.
        let nouns = ["ka", "te", "mi", "po", "su", "la"];
        let verbs = ["ro", "ba", "ni", "de", "fu", "ke"];
        let data: Vec<TreeSentence> = nouns
            .iter()
            .map(|w| sentence(&[(w, "NOUN", 0, "root")]))
            .chain(verbs.iter().map(|w| sentence(&[(w, "VERB", 0, "root")])))
            .collect();
        let mut clusters = WordClusters::default();
        for noun in nouns.iter().chain(&["wo"]) {
            clusters.insert(tessera_learn::hash::hash_str(noun), 0b10);
        }
        for verb in verbs.iter().chain(&["zi"]) {
            clusters.insert(tessera_learn::hash::hash_str(verb), 0b11);
        }
        let settings = TrainSettings {
            folds: 1,
            min_updates: 1,
            ..TrainSettings::default()
        };
        let model = train(&data, &[], clusters, settings, &mut |_| {});
        let noun = crate::words::upos_index("NOUN");
        let verb = crate::words::upos_index("VERB");
        assert_eq!(model.analyse(&["zi"]).tags, [verb]);
        assert_eq!(model.analyse(&["wo"]).tags, [noun]);
        let file = tempfile::NamedTempFile::new().unwrap();
        model.save(file.path()).unwrap();
        let loaded = SyntaxModel::load(file.path()).unwrap();
        assert_eq!(loaded.clusters, model.clusters);
        assert_eq!(loaded.analyse(&["zi"]).tags, [verb]);
    }
}
