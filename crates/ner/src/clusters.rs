//! Word clusters learned from unlabelled text, for the tagger's cluster features.
//!
//! Each frequent word is described by the words seen just before and just after it (positive
//! pointwise mutual information over the most frequent context words, after Levy and Goldberg
//! 2014), and the vocabulary is split in two again and again by spherical 2-means over those
//! descriptions. A word's cluster is its path down that binary tree, written as bits as Brown
//! clusters are, so prefixes of the path are coarser clusters (Ratinov and Roth 2009 use prefixes
//! of 4, 6, 10 and 20 bits). The tree is built top-down, which costs seconds on a few million
//! tokens where bottom-up Brown clustering costs hours.
//!
//! Clusters are saved as gzip-compressed text, one word a line: `path<TAB>word<TAB>count`.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use flate2::Compression;
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;

use crate::error::NerError;
use crate::features::token::normalise;
use crate::hash::hash_str;
use crate::lexicon::{Lexicon, simple_sentences, simple_tokens};

/// Settings of [`ClusterBuilder::build`].
#[derive(Debug, Clone, Copy)]
pub struct ClusterConfig {
    /// Words seen fewer times get no cluster.
    pub min_count: u32,
    /// Most words clustered (the most frequent ones).
    pub max_words: usize,
    /// Context words: the most frequent words, as left and right neighbours.
    pub contexts: usize,
    /// Deepest path: at most `2^depth` clusters.
    pub depth: u32,
    /// A node with fewer words than this is not split further.
    pub min_leaf: usize,
    /// Passes of 2-means at each split.
    pub iterations: usize,
    /// Neighbours on each side that describe a word (each distance its own columns).
    pub window: usize,
}

impl Default for ClusterConfig {
    fn default() -> ClusterConfig {
        ClusterConfig {
            min_count: 2,
            max_words: 80_000,
            contexts: 8_000,
            depth: 20,
            min_leaf: 6,
            iterations: 8,
            window: 1,
        }
    }
}

/// Counts words and their neighbours in raw text.
#[derive(Debug, Default)]
pub struct ClusterBuilder {
    ids: HashMap<String, u32>,
    words: Vec<String>,
    counts: Vec<u32>,
    /// Every sentence, as word ids.
    sentences: Vec<Vec<u32>>,
}

/// A word's clusters path, from the root: bit `i` of `bits` (from the most significant of
/// `length`) is the branch taken at depth `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClusterPath {
    pub bits: u32,
    pub length: u32,
}

impl ClusterPath {
    /// The path as the lexicon stores it: a leading 1 bit, then the branches.
    pub fn marked(self) -> u32 {
        (1 << self.length) | self.bits
    }

    fn text(self) -> String {
        (0..self.length)
            .rev()
            .map(|i| if self.bits >> i & 1 == 1 { '1' } else { '0' })
            .collect()
    }
}

/// Learned clusters: each word with its path and its count in the training text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clusters {
    pub entries: Vec<(String, ClusterPath, u32)>,
}

impl ClusterBuilder {
    pub fn new() -> ClusterBuilder {
        ClusterBuilder::default()
    }

    /// Adds a sentence of tokens (any case; words are normalised as the tagger normalises them).
    pub fn add_sentence<S: AsRef<str>>(&mut self, tokens: &[S]) {
        let ids = tokens
            .iter()
            .map(|token| {
                let word = normalise(token.as_ref());
                match self.ids.get(&word) {
                    Some(&id) => {
                        self.counts[id as usize] += 1;
                        id
                    }
                    None => {
                        let id = self.words.len() as u32;
                        self.ids.insert(word.clone(), id);
                        self.words.push(word);
                        self.counts.push(1);
                        id
                    }
                }
            })
            .collect();
        self.sentences.push(ids);
    }

    /// Adds raw text, cut into rough sentences and tokens as the lexicon's case statistics are.
    pub fn add_text(&mut self, text: &str) {
        for sentence in simple_sentences(text) {
            self.add_sentence(&simple_tokens(sentence));
        }
    }

    /// Number of tokens added.
    pub fn tokens(&self) -> usize {
        self.sentences.iter().map(Vec::len).sum()
    }

    /// Learns the clusters; `progress` hears each depth finished and how many nodes it has.
    pub fn build(&self, config: &ClusterConfig, mut progress: impl FnMut(u32, usize)) -> Clusters {
        let mut by_frequency: Vec<u32> = (0..self.words.len() as u32).collect();
        by_frequency.sort_by(|&a, &b| {
            self.counts[b as usize]
                .cmp(&self.counts[a as usize])
                .then_with(|| self.words[a as usize].cmp(&self.words[b as usize]))
        });
        // Row of each clustered word, and column of each context word (left and right apart).
        let mut row = vec![u32::MAX; self.words.len()];
        let clustered: Vec<u32> = by_frequency
            .iter()
            .copied()
            .filter(|&w| {
                self.counts[w as usize] >= config.min_count && !is_noise(&self.words[w as usize])
            })
            .take(config.max_words)
            .collect();
        for (index, &word) in clustered.iter().enumerate() {
            row[word as usize] = index as u32;
        }
        let mut column = vec![u32::MAX; self.words.len()];
        for (index, &word) in by_frequency.iter().take(config.contexts).enumerate() {
            column[word as usize] = index as u32;
        }
        let vectors = self.context_vectors(&row, &column, clustered.len(), config.contexts, config);
        let columns = 2 * config.window.max(1) * config.contexts;
        let paths = split_tree(&vectors, columns, config, &mut progress);
        let entries = clustered
            .iter()
            .zip(paths)
            .map(|(&word, path)| {
                (
                    self.words[word as usize].clone(),
                    path,
                    self.counts[word as usize],
                )
            })
            .collect();
        Clusters { entries }
    }

    /// Unit-length PPMI vectors of the clustered words over their neighbours: for each distance
    /// up to the window, left and right apart, `contexts` columns; sentence boundaries count as
    /// no neighbour.
    fn context_vectors(
        &self,
        row: &[u32],
        column: &[u32],
        rows: usize,
        contexts: usize,
        config: &ClusterConfig,
    ) -> Vec<Vec<(u32, f32)>> {
        let window = config.window.max(1);
        let mut pairs: Vec<HashMap<u32, u32>> = vec![HashMap::new(); rows];
        for sentence in &self.sentences {
            for (position, &word) in sentence.iter().enumerate() {
                let r = row[word as usize];
                if r == u32::MAX {
                    continue;
                }
                let counts = &mut pairs[r as usize];
                for distance in 1..=window {
                    let slot = 2 * (distance - 1);
                    let left = position.checked_sub(distance).map(|p| sentence[p]);
                    let right = sentence.get(position + distance).copied();
                    for (side, neighbour) in [(slot, left), (slot + 1, right)] {
                        let Some(neighbour) = neighbour else { continue };
                        let c = column[neighbour as usize];
                        if c != u32::MAX {
                            *counts.entry(c + (side * contexts) as u32).or_default() += 1;
                        }
                    }
                }
            }
        }
        // Context distribution smoothed with exponent 0.75 (rare contexts over-weighted less).
        let mut context_totals = vec![0f64; 2 * window * contexts];
        let mut total = 0f64;
        for counts in &pairs {
            for (&c, &n) in counts {
                context_totals[c as usize] += f64::from(n);
                total += f64::from(n);
            }
        }
        let smoothed: Vec<f64> = context_totals.iter().map(|n| n.powf(0.75)).collect();
        let smoothed_total: f64 = smoothed.iter().sum();
        pairs
            .into_iter()
            .map(|counts| {
                let word_total: f64 = counts.values().map(|&n| f64::from(n)).sum();
                let mut vector: Vec<(u32, f32)> = counts
                    .into_iter()
                    .filter_map(|(c, n)| {
                        let p_joint = f64::from(n) / total;
                        let p_word = word_total / total;
                        let p_context = smoothed[c as usize] / smoothed_total;
                        let pmi = (p_joint / (p_word * p_context)).ln();
                        (pmi > 0.0).then_some((c, pmi as f32))
                    })
                    .collect();
                vector.sort_by_key(|&(c, _)| c);
                let norm = vector.iter().map(|(_, v)| v * v).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for entry in &mut vector {
                        entry.1 /= norm;
                    }
                }
                vector
            })
            .collect()
    }
}

/// Tokens that are only punctuation get no cluster: their form already says all.
fn is_noise(word: &str) -> bool {
    !word.chars().any(char::is_alphanumeric)
}

/// Splits the rows top-down into a binary tree and returns each row's path.
fn split_tree(
    vectors: &[Vec<(u32, f32)>],
    dimensions: usize,
    config: &ClusterConfig,
    progress: &mut impl FnMut(u32, usize),
) -> Vec<ClusterPath> {
    let mut paths = vec![ClusterPath { bits: 0, length: 0 }; vectors.len()];
    // Rows are in order of frequency, and nodes keep that order.
    let mut nodes: Vec<Vec<u32>> = vec![(0..vectors.len() as u32).collect()];
    for depth in 0..config.depth.min(31) {
        let mut next = Vec::new();
        for node in nodes {
            if node.len() < config.min_leaf * 2 {
                continue;
            }
            let (left, right) = bisect(vectors, &node, dimensions, config.iterations);
            if left.len() < config.min_leaf || right.len() < config.min_leaf {
                continue;
            }
            for (side, rows) in [(0, &left), (1, &right)] {
                for &r in rows.iter() {
                    let path = &mut paths[r as usize];
                    path.bits = path.bits << 1 | side;
                    path.length += 1;
                }
            }
            next.push(left);
            next.push(right);
        }
        progress(depth + 1, next.len());
        if next.is_empty() {
            break;
        }
        nodes = next;
    }
    paths
}

fn dot(vector: &[(u32, f32)], dense: &[f32]) -> f32 {
    vector.iter().map(|&(c, v)| v * dense[c as usize]).sum()
}

/// The unit-length sum of the given rows' vectors.
fn centroid(vectors: &[Vec<(u32, f32)>], rows: &[u32], dense: &mut [f32]) {
    dense.iter_mut().for_each(|x| *x = 0.0);
    for &r in rows {
        for &(c, v) in &vectors[r as usize] {
            dense[c as usize] += v;
        }
    }
    let norm = dense.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        dense.iter_mut().for_each(|x| *x /= norm);
    }
}

/// Power-iteration steps for a node's principal direction.
const POWER_STEPS: usize = 12;

/// Splits one node in two: first by the sign of each row's projection on the node's principal
/// direction (principal direction divisive partitioning, Boley 1998), which halves a node evenly
/// where seeds picked from its rows tend to peel off a few outliers; then refined by spherical
/// 2-means.
fn bisect(
    vectors: &[Vec<(u32, f32)>],
    node: &[u32],
    dimensions: usize,
    iterations: usize,
) -> (Vec<u32>, Vec<u32>) {
    let mut mean = vec![0f32; dimensions];
    for &r in node {
        for &(c, v) in &vectors[r as usize] {
            mean[c as usize] += v;
        }
    }
    let count = node.len() as f32;
    mean.iter_mut().for_each(|x| *x /= count);
    // A deterministic start: the node's most frequent word, less the mean.
    let mut direction = vec![0f32; dimensions];
    for &(c, v) in &vectors[node[0] as usize] {
        direction[c as usize] = v;
    }
    for (d, m) in direction.iter_mut().zip(&mean) {
        *d -= m;
    }
    let mut scores = vec![0f32; node.len()];
    for _ in 0..POWER_STEPS {
        let offset = dot_dense(&mean, &direction);
        for (score, &r) in scores.iter_mut().zip(node) {
            *score = dot(&vectors[r as usize], &direction) - offset;
        }
        let total: f32 = scores.iter().sum();
        direction.iter_mut().for_each(|x| *x = 0.0);
        for (score, &r) in scores.iter().zip(node) {
            for &(c, v) in &vectors[r as usize] {
                direction[c as usize] += score * v;
            }
        }
        for (d, m) in direction.iter_mut().zip(&mean) {
            *d -= total * m;
        }
        let norm = dot_dense(&direction, &direction).sqrt();
        if norm == 0.0 {
            break;
        }
        direction.iter_mut().for_each(|x| *x /= norm);
    }
    let offset = dot_dense(&mean, &direction);
    let (mut left, mut right): (Vec<u32>, Vec<u32>) = node
        .iter()
        .partition(|&&r| dot(&vectors[r as usize], &direction) - offset <= 0.0);
    let mut a = vec![0f32; dimensions];
    let mut b = vec![0f32; dimensions];
    for _ in 0..iterations {
        if left.is_empty() || right.is_empty() {
            break;
        }
        centroid(vectors, &left, &mut a);
        centroid(vectors, &right, &mut b);
        let (l, r): (Vec<u32>, Vec<u32>) = node.iter().partition(|&&r| {
            let v = &vectors[r as usize];
            dot(v, &a) >= dot(v, &b)
        });
        let settled = l == left;
        left = l;
        right = r;
        if settled {
            break;
        }
    }
    (left, right)
}

fn dot_dense(x: &[f32], y: &[f32]) -> f32 {
    x.iter().zip(y).map(|(a, b)| a * b).sum()
}

impl Clusters {
    /// Writes the clusters as gzip-compressed `path<TAB>word<TAB>count` lines.
    pub fn save(&self, path: &Path) -> Result<(), NerError> {
        let io_error = |source| NerError::ResourceIo {
            path: path.to_path_buf(),
            source,
        };
        let file = std::fs::File::create(path).map_err(io_error)?;
        let mut out = GzEncoder::new(std::io::BufWriter::new(file), Compression::best());
        let mut entries: Vec<&(String, ClusterPath, u32)> = self.entries.iter().collect();
        entries.sort_by(|x, y| {
            x.1.text()
                .cmp(&y.1.text())
                .then(y.2.cmp(&x.2))
                .then(x.0.cmp(&y.0))
        });
        for (word, path, count) in entries {
            writeln!(out, "{}\t{word}\t{count}", path.text()).map_err(io_error)?;
        }
        out.finish().and_then(|mut w| w.flush()).map_err(io_error)?;
        Ok(())
    }

    /// Reads a clusters file (gzip-compressed or plain), as [`Clusters::save`] writes it or as
    /// Brown-clustering tools write their `paths` files.
    pub fn load(path: &Path) -> Result<Clusters, NerError> {
        let io_error = |source| NerError::ResourceIo {
            path: path.to_path_buf(),
            source,
        };
        let mut bytes = Vec::new();
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map_err(io_error)?;
        let text: Box<dyn Read> = if bytes.starts_with(&[0x1f, 0x8b]) {
            Box::new(GzDecoder::new(&bytes[..]))
        } else {
            Box::new(&bytes[..])
        };
        let mut entries = Vec::new();
        for (index, line) in BufReader::new(text).lines().enumerate() {
            let line = line.map_err(io_error)?;
            if line.trim().is_empty() {
                continue;
            }
            let bad = |message: &str| NerError::Resource {
                path: path.to_path_buf(),
                line: index + 1,
                message: message.to_string(),
            };
            let mut fields = line.split('\t');
            let (Some(bits), Some(word)) = (fields.next(), fields.next()) else {
                return Err(bad("expected `path<TAB>word<TAB>count`"));
            };
            if bits.len() > 31 || !bits.bytes().all(|b| b == b'0' || b == b'1') {
                return Err(bad("the path must be at most 31 bits of 0 and 1"));
            }
            let count = match fields.next() {
                Some(n) => n
                    .trim()
                    .parse()
                    .map_err(|_| bad("the count is not a number"))?,
                None => 0,
            };
            let path_bits = bits
                .bytes()
                .fold(0u32, |acc, b| acc << 1 | u32::from(b == b'1'));
            entries.push((
                word.to_string(),
                ClusterPath {
                    bits: path_bits,
                    length: bits.len() as u32,
                },
                count,
            ));
        }
        Ok(Clusters { entries })
    }

    /// Each word's key (the hash of its normalised form: lowercase, digits as `0`) and its
    /// marked path ([`ClusterPath::marked`]), as the taggers look words up.
    pub fn marked_paths(&self) -> impl Iterator<Item = (u64, u32)> + '_ {
        self.entries
            .iter()
            .map(|(word, path, _)| (hash_str(&normalise(word)), path.marked()))
    }

    /// Puts the clusters into `lexicon` under each word's normalised form.
    pub fn add_to(&self, lexicon: &mut Lexicon) {
        lexicon.clusters.extend(self.marked_paths());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy_corpus() -> ClusterBuilder {
        let mut builder = ClusterBuilder::new();
        let cities = [
            "paris", "london", "madrid", "berlin", "rome", "lisbon", "vienna", "oslo",
        ];
        let verbs = [
            "said", "added", "noted", "stated", "argued", "claimed", "warned", "replied",
        ];
        for (i, city) in cities.iter().enumerate() {
            for (j, verb) in verbs.iter().enumerate() {
                builder.add_text(&format!("officials in {city} {verb} on monday ."));
                if (i + j) % 2 == 0 {
                    builder.add_text(&format!(
                        "the mayor of {city} {verb} that the talks ended ."
                    ));
                }
            }
        }
        builder
    }

    #[test]
    fn words_used_alike_share_a_cluster_prefix() {
        let builder = toy_corpus();
        let config = ClusterConfig {
            min_count: 2,
            contexts: 50,
            min_leaf: 2,
            ..ClusterConfig::default()
        };
        let clusters = builder.build(&config, |_, _| {});
        let path = |w: &str| {
            clusters
                .entries
                .iter()
                .find(|e| e.0 == w)
                .map(|e| e.1)
                .unwrap()
        };
        // Length of the common prefix of two paths.
        let shared = |a: ClusterPath, b: ClusterPath| -> u32 {
            let (x, y) = (
                a.marked() << a.marked().leading_zeros(),
                b.marked() << b.marked().leading_zeros(),
            );
            (x ^ y).leading_zeros().min(a.length.min(b.length) + 1)
        };
        let cities = [
            "paris", "london", "madrid", "berlin", "rome", "lisbon", "vienna", "oslo",
        ];
        let verbs = [
            "said", "added", "noted", "stated", "argued", "claimed", "warned", "replied",
        ];
        let closest_city = |w: &str| {
            cities
                .iter()
                .filter(|c| **c != w)
                .map(|c| shared(path(w), path(c)))
                .max()
        };
        let closest_verb = |w: &str| verbs.iter().map(|v| shared(path(w), path(v))).max();
        for city in cities {
            assert!(path(city).length > 0, "{city} has a path");
            assert!(
                closest_city(city) > closest_verb(city),
                "{city} is nearer a verb than a city"
            );
        }
    }

    #[test]
    fn clusters_survive_a_round_trip_and_bad_lines_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("en.clusters.gz");
        let clusters = Clusters {
            entries: vec![
                (
                    "paris".into(),
                    ClusterPath {
                        bits: 0b01,
                        length: 2,
                    },
                    9,
                ),
                (
                    "said".into(),
                    ClusterPath {
                        bits: 0b1,
                        length: 1,
                    },
                    4,
                ),
            ],
        };
        clusters.save(&file).unwrap();
        let mut loaded = Clusters::load(&file).unwrap();
        loaded.entries.sort_by(|a, b| a.0.cmp(&b.0));
        assert_eq!(loaded, clusters);
        let mut lexicon = Lexicon::default();
        loaded.add_to(&mut lexicon);
        assert_eq!(lexicon.cluster(hash_str("paris")), Some(0b101));

        let bad = dir.path().join("bad.txt");
        std::fs::write(&bad, "0110\tparis\t3\n01x\tsaid\t2\n").unwrap();
        let error = Clusters::load(&bad).unwrap_err().to_string();
        assert!(error.contains("bad.txt:2"), "{error}");
    }
}
