//! Per-token attributes that more than one stage reads, computed once per document (as spaCy's
//! `Doc` computes `LOWER`, `NORM`, `SHAPE` and `SENT_START` at tokenisation): the lowercase and
//! folded forms (see [`crate::fold`] for the rule), the letter case, and the sentence index.

use crate::fold::{fold_into, lower_into};
use crate::{Segmentation, Token};

/// How a token is capitalised (by its letters; other characters are passed over).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Case {
    /// No letters at all ("2026", ",").
    #[default]
    NoLetters,
    /// Only lower-case letters.
    Lower,
    /// Upper-case first letter, lower-case letters after it ("Jalisco").
    Title,
    /// Letters, all of them upper case ("CJNG", "EE.UU.", "A").
    Upper,
    /// Anything else ("McAllen", "iPhone").
    Mixed,
}

impl Case {
    /// Classifies a token.
    pub fn of(token: &str) -> Case {
        let mut letters = token.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return Case::NoLetters;
        };
        let (mut any_upper, mut any_lower) = (false, false);
        for c in letters {
            any_upper |= c.is_uppercase();
            any_lower |= c.is_lowercase();
        }
        match (first.is_uppercase(), any_upper, any_lower) {
            (false, false, _) => Case::Lower,
            (true, false, true) => Case::Title,
            (true, _, false) => Case::Upper,
            _ => Case::Mixed,
        }
    }

    /// Whether the first letter is a capital ("McAllen" is, "iPhone" is not).
    pub fn is_capitalised(self) -> bool {
        matches!(self, Case::Title | Case::Upper | Case::Mixed)
    }
}

/// The attributes of every token of one document, in token order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TokenTable {
    lower: String,
    lower_end: Vec<u32>,
    norm: String,
    norm_end: Vec<u32>,
    case: Vec<Case>,
    sentence: Vec<u32>,
}

impl TokenTable {
    /// The attributes of `segmentation`'s tokens over `text`.
    pub fn build(text: &str, segmentation: &Segmentation) -> TokenTable {
        let mut table = TokenTable::of_tokens(text, &segmentation.tokens);
        for (index, sentence) in segmentation.sentences.iter().enumerate() {
            let start = sentence.first_token as usize;
            let end = (start + sentence.token_count as usize).min(table.sentence.len());
            if let Some(slots) = table.sentence.get_mut(start..end) {
                slots.fill(index as u32);
            }
        }
        table
    }

    /// The attributes of `tokens` with no sentences (every token in sentence 0).
    pub fn of_tokens(text: &str, tokens: &[Token]) -> TokenTable {
        let mut table = TokenTable {
            lower: String::with_capacity(text.len()),
            lower_end: Vec::with_capacity(tokens.len()),
            norm: String::with_capacity(text.len()),
            norm_end: Vec::with_capacity(tokens.len()),
            case: Vec::with_capacity(tokens.len()),
            sentence: vec![0; tokens.len()],
        };
        for token in tokens {
            let word = text.get(token.span.range()).unwrap_or("");
            lower_into(word, &mut table.lower);
            table.lower_end.push(table.lower.len() as u32);
            fold_into(word, &mut table.norm);
            table.norm_end.push(table.norm.len() as u32);
            table.case.push(Case::of(word));
        }
        table
    }

    /// How many tokens it describes.
    pub fn len(&self) -> usize {
        self.case.len()
    }

    pub fn is_empty(&self) -> bool {
        self.case.is_empty()
    }

    /// Token `at` in lowercase ("" past the end).
    pub fn lower(&self, at: usize) -> &str {
        slice(&self.lower, &self.lower_end, at)
    }

    /// Token `at` folded ("" past the end).
    pub fn norm(&self, at: usize) -> &str {
        slice(&self.norm, &self.norm_end, at)
    }

    pub fn case(&self, at: usize) -> Case {
        self.case.get(at).copied().unwrap_or_default()
    }

    /// The index of the sentence holding token `at`.
    pub fn sentence(&self, at: usize) -> usize {
        self.sentence.get(at).map_or(usize::MAX, |&s| s as usize)
    }
}

fn slice<'a>(buffer: &'a str, ends: &[u32], at: usize) -> &'a str {
    let Some(&end) = ends.get(at) else {
        return "";
    };
    let start = if at == 0 { 0 } else { ends[at - 1] };
    buffer.get(start as usize..end as usize).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Sentence, Span, TokenKind};

    fn token(start: usize, end: usize) -> Token {
        Token {
            span: Span::new(start, end),
            kind: TokenKind::Word,
        }
    }

    #[test]
    fn forms_case_and_sentences_per_token() {
        let text = "El Año. CJNG atacó";
        let seg = Segmentation {
            tokens: vec![
                token(0, 2),
                token(3, 7),
                token(7, 8),
                token(9, 13),
                token(14, 20),
            ],
            sentences: vec![
                Sentence {
                    span: Span::new(0, 8),
                    first_token: 0,
                    token_count: 3,
                },
                Sentence {
                    span: Span::new(9, 20),
                    first_token: 3,
                    token_count: 2,
                },
            ],
        };
        let table = TokenTable::build(text, &seg);
        assert_eq!(table.lower(1), "año");
        assert_eq!(table.norm(1), "ano");
        assert_eq!(table.norm(4), "ataco");
        assert_eq!(table.norm(9), "");
        assert_eq!(table.case(0), Case::Title);
        assert_eq!(table.case(3), Case::Upper);
        assert_eq!(table.case(4), Case::Lower);
        assert_eq!(table.case(2), Case::NoLetters);
        assert_eq!((table.sentence(2), table.sentence(3)), (0, 1));
    }

    #[test]
    fn case_of_words() {
        assert_eq!(Case::of("EE.UU."), Case::Upper);
        assert_eq!(Case::of("McAllen"), Case::Mixed);
        assert_eq!(Case::of("A"), Case::Upper);
        assert_eq!(Case::of("Á"), Case::Upper);
        assert_eq!(Case::of("iPhone"), Case::Mixed);
        assert_eq!(Case::of("¿Qué"), Case::Title);
        assert_eq!(Case::of("2026"), Case::NoLetters);
        assert!(Case::of("McAllen").is_capitalised() && !Case::of("the").is_capitalised());
    }
}
