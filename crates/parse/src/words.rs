//! What the tagger, parser and labeller know of a word: hashes of its forms, computed once per
//! sentence, and the part-of-speech tag set.

use tessera_learn::hash::{HashMap64, hash_str};

/// Word clusters learned from raw text (see `tessera train clusters`): the hash of a word's
/// lowercase form, digits as `0`, to its bit path with a leading 1 bit.
pub type WordClusters = HashMap64<u32>;

/// The universal part-of-speech tags, in a fixed order (models store the index).
pub const UPOS: [&str; 17] = [
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
    "PUNCT", "SCONJ", "SYM", "VERB", "X",
];

/// The index of a UPOS tag name; unknown names count as `X`.
pub fn upos_index(name: &str) -> u8 {
    UPOS.iter()
        .position(|tag| *tag == name)
        .unwrap_or(UPOS.len() - 1) as u8
}

/// The hashes of one word's forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordKeys {
    /// The lowercase form, with digits mapped to one digit so numbers share a key.
    pub lower: u64,
    pub suffix1: u64,
    pub suffix2: u64,
    pub suffix3: u64,
    pub suffix4: u64,
    pub prefix1: u64,
    pub prefix3: u64,
    /// The shape: capitalisation, digits and punctuation, collapsed.
    pub shape: u64,
    /// The word's cluster path with a leading 1 bit (0: the word has no cluster).
    pub cluster: u32,
}

impl WordKeys {
    pub fn of(form: &str, clusters: &WordClusters) -> WordKeys {
        // Most words are already lowercase without digits: hash them without copying.
        let needs_copy = form.chars().any(|c| c.is_uppercase() || c.is_ascii_digit());
        let copied: String;
        let lower = if needs_copy {
            copied = form
                .chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c.is_ascii_digit() { '0' } else { c })
                .collect();
            copied.as_str()
        } else {
            form
        };
        let tail = |n: usize| -> u64 {
            let start = lower.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
            hash_str(&lower[start..])
        };
        let key = hash_str(lower);
        WordKeys {
            lower: key,
            cluster: clusters.get(&key).copied().unwrap_or(0),
            suffix1: tail(1),
            suffix2: tail(2),
            suffix3: tail(3),
            suffix4: tail(4),
            prefix1: lower.chars().next().map_or(0, u64::from),
            prefix3: {
                let end = lower.char_indices().nth(3).map_or(lower.len(), |(i, _)| i);
                hash_str(&lower[..end])
            },
            shape: shape(form),
        }
    }

    /// The keys of the padding word before the start or after the end of a sentence.
    pub fn padding() -> WordKeys {
        let key = hash_str("\u{0}pad");
        WordKeys {
            lower: key,
            suffix1: key,
            suffix2: key,
            suffix3: key,
            suffix4: key,
            prefix1: key,
            prefix3: key,
            shape: key,
            cluster: 0,
        }
    }
}

/// The first `bits` branches of a marked cluster path (all of it when shorter), as a feature
/// value; 0 for no cluster. Prefixes are coarser clusters, so one word can be seen at several
/// grains.
#[inline]
pub fn cluster_prefix(marked: u32, bits: u32) -> u64 {
    if marked == 0 {
        return 0;
    }
    let length = 31 - marked.leading_zeros();
    let cut = bits.min(length);
    u64::from(marked >> (length - cut)) | u64::from(bits) << 32
}

/// A collapsed shape: runs of the same character class count once ("Xx", "d.d", "X-x"),
/// hashed as it is read.
fn shape(form: &str) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    let mut last = None;
    for c in form.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if last != Some(class) {
            hash = (hash ^ u64::from(class)).wrapping_mul(0x0000_0100_0000_01B3);
            last = Some(class);
        }
    }
    tessera_learn::hash::mix(hash)
}

/// One multiply-rotate step of a feature key. Cheaper than a full mix: the parser builds
/// about 80 keys per move, and the values mixed in are word hashes or small numbers.
#[inline]
fn step(hash: u64, value: u64) -> u64 {
    (hash ^ value)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .rotate_left(29)
}

/// A feature key: a template number mixed with one value.
#[inline]
pub fn feature(template: u64, value: u64) -> u64 {
    step(step(template, 0x5851_F42D_4C95_7F2D), value)
}

/// A feature key over two values.
#[inline]
pub fn feature2(template: u64, first: u64, second: u64) -> u64 {
    step(feature(template, first), second)
}

/// A feature key over three values.
#[inline]
pub fn feature3(template: u64, first: u64, second: u64, third: u64) -> u64 {
    step(feature2(template, first, second), third)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_share_a_key_and_case_does_not_matter_for_the_form() {
        let none = WordClusters::default();
        let of = |form| WordKeys::of(form, &none);
        assert_eq!(of("2026").lower, of("1999").lower);
        assert_eq!(of("Police").lower, of("police").lower);
        assert_ne!(of("Police").shape, of("police").shape);
        assert_eq!(of("policía").suffix2, of("alegría").suffix2);
        assert_eq!(upos_index("VERB"), 15);
        assert_eq!(upos_index("???"), 16);
    }

    #[test]
    fn a_word_carries_its_cluster_and_prefixes_coarsen_it() {
        let mut clusters = WordClusters::default();
        // Path 0110 with its leading 1 bit, under the lowercase form.
        clusters.insert(hash_str("lunes"), 0b1_0110);
        let word = WordKeys::of("Lunes", &clusters);
        assert_eq!(word.cluster, 0b1_0110);
        assert_eq!(WordKeys::of("martes", &clusters).cluster, 0);
        // The first two branches, and the whole path when asked for more than it has.
        assert_eq!(cluster_prefix(word.cluster, 2), 0b101 | 2 << 32);
        assert_eq!(cluster_prefix(word.cluster, 20), 0b1_0110 | 20 << 32);
        assert_ne!(cluster_prefix(word.cluster, 2), cluster_prefix(0b1_0111, 4));
        assert_eq!(cluster_prefix(0, 6), 0);
    }
}
