//! The time rules' reading of the shared token view: each token looked up once in the word
//! lists (months, weekdays, number words, ordinals), beside the folded forms the view gives.

use std::ops::Deref;
use tessera_doc::{DocView, Lang};

use crate::lexicon::{self, MonthName, NumberWord};

/// What a token is in the word lists, looked up once per token.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Lex {
    /// A month name (English ones only when capitalised: "may" is a verb).
    pub(crate) month: Option<MonthName>,
    /// A weekday, Monday = 0.
    pub(crate) weekday: Option<u32>,
    pub(crate) number: Option<NumberWord>,
    pub(crate) ordinal: Option<u32>,
}

impl Lex {
    fn of(raw: &str, folded: &str, english: bool, spanish: bool) -> Lex {
        // Only words made of letters (and an inner hyphen or final dot) can be in the lists.
        if !folded.chars().next().is_some_and(char::is_alphabetic) {
            return Lex::default();
        }
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        Lex {
            month: lexicon::month(folded, english && capitalised, spanish),
            weekday: lexicon::weekday(folded, english, spanish),
            number: lexicon::number_word(folded, english, spanish),
            ordinal: lexicon::ordinal_word(folded, english, spanish),
        }
    }
}

/// The shared view of the tokens, with each token's place in the word lists.
pub(crate) struct Lexed<'v, 'a> {
    view: &'v DocView<'a>,
    lex: Vec<Lex>,
    pub(crate) spanish: bool,
    pub(crate) english: bool,
}

impl<'v, 'a> Deref for Lexed<'v, 'a> {
    type Target = DocView<'a>;

    fn deref(&self) -> &DocView<'a> {
        self.view
    }
}

impl<'v, 'a> Lexed<'v, 'a> {
    /// `lang` selects the word lists: English, Spanish, or both for any other or none.
    pub(crate) fn new(view: &'v DocView<'a>, lang: Option<Lang>) -> Self {
        let (english, spanish) = match lang {
            Some(Lang::EN) => (true, false),
            Some(Lang::ES) => (false, true),
            _ => (true, true),
        };
        let lex = (0..view.len())
            .map(|i| Lex::of(view.text(i), view.norm(i), english, spanish))
            .collect();
        Lexed {
            view,
            lex,
            spanish,
            english,
        }
    }

    pub(crate) fn start(&self, i: usize) -> usize {
        self.token_span(i).map_or(0, |s| s.start as usize)
    }

    pub(crate) fn end(&self, i: usize) -> usize {
        self.token_span(i).map_or(0, |s| s.end as usize)
    }

    /// Token `i` in the word lists (nothing for an index past the end).
    pub(crate) fn lex(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` folds to `word` (which must be given folded).
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.norm(i) == word
    }

    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.norm(i))
    }

    /// Whether the tokens from `i` on fold to `phrase`, word by word.
    pub(crate) fn is_phrase(&self, i: usize, phrase: &[&str]) -> bool {
        self.matches_norm(i, phrase)
    }

    /// Whether token `i` ends a clause: sentence punctuation, a semicolon or a colon.
    pub(crate) fn is_clause_break(&self, i: usize) -> bool {
        matches!(
            self.text(i),
            "." | ";" | ":" | "!" | "?" | "..." | "!!" | "?!" | "\"" | "“" | "”"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::{Span, Token, TokenKind};

    #[test]
    fn out_of_range_indices_and_spans_read_as_empty() {
        let tokens = [Token {
            span: Span::new(0, 99),
            kind: TokenKind::Word,
        }];
        let view = DocView::of_tokens("short", &tokens);
        let words = Lexed::new(&view, None);
        assert_eq!(words.text(0), "");
        assert_eq!(words.text(5), "");
        assert!(!words.is(3, ""));
    }
}
