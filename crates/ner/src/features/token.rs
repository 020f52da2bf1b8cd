//! What the tagger knows about one token on its own: hashed forms, shape, case.

use crate::hash::{combine, hash_bytes, hash_str};

/// How a token is capitalised: the document model's one classification.
pub use tessera_doc::Case;

/// Number of prefix and suffix lengths used as features.
pub const AFFIX_LENGTHS: usize = 4;

/// The hashed views of one token used by feature templates.
#[derive(Debug, Clone)]
pub struct TokenInfo {
    /// The exact form.
    pub word: u64,
    /// Lower case, digits replaced by `0`.
    pub lower: u64,
    /// Character classes with long runs shortened ("Xxxx", "dd-dd").
    pub shape: u64,
    /// Character classes with every run collapsed ("Xx", "d-d").
    pub short_shape: u64,
    /// Prefixes of the lower-case form, 1 to 4 characters (0 where the word is too short).
    pub prefixes: [u64; AFFIX_LENGTHS],
    /// Suffixes of the lower-case form.
    pub suffixes: [u64; AFFIX_LENGTHS],
    /// Capitalisation class.
    pub case: Case,
    /// Whether the token has a digit.
    pub has_digit: bool,
}

/// Lower-cases a token and replaces every digit with `0`, as the lexicon keys words.
pub fn normalise(token: &str) -> String {
    token
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

fn char_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

impl TokenInfo {
    /// Computes every view of a token.
    pub fn new(token: &str) -> TokenInfo {
        let lower = normalise(token);
        let mut shape = String::with_capacity(8);
        let mut short_shape = String::with_capacity(4);
        let (mut previous, mut run) = ('\0', 0);
        for c in token.chars().map(char_class) {
            if c == previous {
                run += 1;
            } else {
                run = 1;
                previous = c;
                short_shape.push(c);
            }
            if run <= 3 {
                shape.push(c);
            }
        }
        let mut prefixes = [0; AFFIX_LENGTHS];
        let mut suffixes = [0; AFFIX_LENGTHS];
        let boundaries: Vec<usize> = lower.char_indices().map(|(i, _)| i).skip(1).collect();
        let char_count = boundaries.len() + 1;
        for length in 1..=AFFIX_LENGTHS.min(char_count.saturating_sub(1)) {
            let cut = boundaries[length - 1];
            prefixes[length - 1] = combine(length as u64, hash_str(&lower[..cut]));
            let cut_back = boundaries[char_count - 1 - length];
            suffixes[length - 1] = combine(length as u64 + 16, hash_str(&lower[cut_back..]));
        }
        TokenInfo {
            word: hash_str(token),
            lower: hash_str(&lower),
            shape: hash_bytes(shape.as_bytes()),
            short_shape: hash_bytes(short_shape.as_bytes()),
            prefixes,
            suffixes,
            case: Case::of(token),
            has_digit: token.chars().any(|c| c.is_numeric()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_classes() {
        assert_eq!(Case::of("Paris"), Case::Title);
        assert_eq!(Case::of("NATO"), Case::Upper);
        assert_eq!(Case::of("iPhone"), Case::Mixed);
        assert_eq!(Case::of("the"), Case::Lower);
        assert_eq!(Case::of("1996"), Case::NoLetters);
        assert_eq!(Case::of("Á"), Case::Upper);
    }

    #[test]
    fn shapes_group_similar_tokens() {
        assert_eq!(
            TokenInfo::new("Paris").short_shape,
            TokenInfo::new("Lyon").short_shape
        );
        assert_eq!(
            TokenInfo::new("1996-08-22").shape,
            TokenInfo::new("2001-01-01").shape
        );
        assert_ne!(TokenInfo::new("Paris").shape, TokenInfo::new("PARIS").shape);
    }

    #[test]
    fn affixes_skip_whole_words_and_respect_characters() {
        let info = TokenInfo::new("Ñandú");
        assert_ne!(info.prefixes[0], 0);
        assert_eq!(info.prefixes[3], TokenInfo::new("ñandúes").prefixes[3]);
        assert_eq!(TokenInfo::new("a").prefixes, [0; AFFIX_LENGTHS]);
        assert_eq!(normalise("Año-2001"), "año-0000");
    }
}
