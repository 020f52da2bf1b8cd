//! A read-only view of the tokens with case- and accent-folded look-ups that need no heap.

use tessera_doc::{Token, TokenKind};

use crate::lexicon::{self, MonthName, NumberWord};

/// The longest word (in bytes, after folding) that a look-up can match; longer words never
/// match a keyword, so they are folded to the empty string.
const FOLD_CAPACITY: usize = 32;

/// A word lower-cased with Spanish accents removed (`Miércoles` → `miercoles`), kept on the
/// stack. `ñ` is kept (`año` and `ano` differ).
pub(crate) struct Folded {
    buf: [u8; FOLD_CAPACITY],
    len: usize,
}

/// What an index past the last token folds to.
static EMPTY: Folded = Folded {
    buf: [0; FOLD_CAPACITY],
    len: 0,
};

impl Folded {
    pub(crate) fn new(word: &str) -> Folded {
        let mut folded = Folded {
            buf: [0; FOLD_CAPACITY],
            len: 0,
        };
        for c in word.chars() {
            let lower = c.to_lowercase().next().unwrap_or(c);
            // "ñ" stays: "año" and "ano" are different words.
            let plain = if lower == 'ñ' {
                lower
            } else {
                tessera_doc::fold_char(lower)
            };
            let width = plain.len_utf8();
            let Some(slot) = folded.buf.get_mut(folded.len..folded.len + width) else {
                folded.len = 0;
                return folded;
            };
            plain.encode_utf8(slot);
            folded.len += width;
        }
        folded
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only whole characters are ever written, so this cannot fail; "" is a safe fallback.
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or_default()).unwrap_or_default()
    }
}

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

/// The document text and its tokens, with bounds-checked access by token index. Each token is
/// folded once, up front (one allocation for the whole text), since the patterns look at
/// each word several times.
pub(crate) struct Words<'a> {
    pub(crate) text: &'a str,
    pub(crate) tokens: &'a [Token],
    folded: Vec<Folded>,
    lex: Vec<Lex>,
    pub(crate) spanish: bool,
    pub(crate) english: bool,
}

impl<'a> Words<'a> {
    /// `lang` selects the word lists: `"en"`, `"es"`, or both when it is anything else.
    pub(crate) fn new(text: &'a str, tokens: &'a [Token], lang: Option<&str>) -> Words<'a> {
        let (english, spanish) = match lang {
            Some("en") => (true, false),
            Some("es") => (false, true),
            _ => (true, true),
        };
        let folded: Vec<Folded> = tokens
            .iter()
            .map(|t| Folded::new(text.get(t.span.range()).unwrap_or_default()))
            .collect();
        let lex = tokens
            .iter()
            .zip(&folded)
            .map(|(t, f)| {
                let raw = text.get(t.span.range()).unwrap_or_default();
                Lex::of(raw, f.as_str(), english, spanish)
            })
            .collect();
        Words {
            text,
            tokens,
            folded,
            lex,
            spanish,
            english,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The token's text, or `""` for an index past the end or a span that does not fit.
    pub(crate) fn raw(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.span.range()))
            .unwrap_or_default()
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    pub(crate) fn start(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(0, |t| t.span.start as usize)
    }

    pub(crate) fn end(&self, i: usize) -> usize {
        self.tokens.get(i).map_or(0, |t| t.span.end as usize)
    }

    /// The text from the start of token `first` to the end of token `last` (inclusive).
    pub(crate) fn slice(&self, first: usize, last: usize) -> &'a str {
        self.text
            .get(self.start(first)..self.end(last))
            .unwrap_or_default()
    }

    pub(crate) fn fold(&self, i: usize) -> &Folded {
        self.folded.get(i).unwrap_or(&EMPTY)
    }

    /// Token `i` in the word lists (nothing for an index past the end).
    pub(crate) fn lex(&self, i: usize) -> Lex {
        self.lex.get(i).copied().unwrap_or_default()
    }

    /// Whether token `i` folds to `word` (which must be given folded).
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        i < self.len() && self.fold(i).as_str() == word
    }

    pub(crate) fn is_any(&self, i: usize, words: &[&str]) -> bool {
        i < self.len() && words.contains(&self.fold(i).as_str())
    }

    /// Whether the tokens from `i` on fold to `phrase`, word by word.
    pub(crate) fn is_phrase(&self, i: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| self.is(i + k, word))
    }

    /// Whether token `i` ends a clause: sentence punctuation, a semicolon or a colon.
    pub(crate) fn is_clause_break(&self, i: usize) -> bool {
        matches!(
            self.raw(i),
            "." | ";" | ":" | "!" | "?" | "..." | "!!" | "?!" | "\"" | "“" | "”"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_lowercases_and_strips_spanish_accents_but_keeps_enye() {
        assert_eq!(Folded::new("Miércoles").as_str(), "miercoles");
        assert_eq!(Folded::new("PRÓXIMO").as_str(), "proximo");
        assert_eq!(Folded::new("Año").as_str(), "año");
        assert_eq!(Folded::new("Sábado").as_str(), "sabado");
    }

    #[test]
    fn an_overlong_word_folds_to_nothing_rather_than_a_prefix() {
        let long = "a".repeat(FOLD_CAPACITY + 1);
        assert_eq!(Folded::new(&long).as_str(), "");
        assert_eq!(
            Folded::new(&"b".repeat(FOLD_CAPACITY)).as_str().len(),
            FOLD_CAPACITY
        );
    }

    #[test]
    fn out_of_range_indices_and_spans_read_as_empty() {
        let tokens = [Token {
            span: tessera_doc::Span::new(0, 99),
            kind: TokenKind::Word,
        }];
        let words = Words::new("short", &tokens, None);
        assert_eq!(words.raw(0), "");
        assert_eq!(words.raw(5), "");
        assert!(!words.is(3, ""));
    }
}
