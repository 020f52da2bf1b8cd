//! Tokenisation: one left-to-right pass that cuts the text into word, number, punctuation and
//! symbol tokens without copying or altering it.
//!
//! Conventions (stable; the NER features depend on them):
//! - Words and numbers keep their inner joiners: hyphens (`JITF-CC`, `anti-cartel`, `3-1`,
//!   `1987-02-26`), dots (`U.S`, `5.93`, `reuters.com`), digit-group commas and colons
//!   (`1,250,000`, `1.234,56`, `10:30`), slashes between digits (`2/26/87`), apostrophes
//!   between letters (`don't`, `O'Brien`), `&` between capitals (`AT&T`) and `@`/`_` (e-mails).
//! - A following dot joins the token when it is an initial (`J.`), a listed abbreviation
//!   (`Gen.`, `Sra.`, `No.` before a number) or a short dotted one (`U.S.`, `EE.UU.`, `a.m.`).
//! - The clitic `'s`/`’s` is its own token (`company` `’s`), as in the Penn Treebank and CoNLL;
//!   a bare trailing apostrophe (`Cervantes’`) is punctuation.
//! - Currency signs and `%` are their own symbol tokens: `$5` is `$` `5`, `15%` is `15` `%`, so
//!   that the number token always parses as a number.
//! - URLs, e-mail addresses, `@handles` and `#hashtags` are one word token each.
//! - A dot before a digit starts a number (`.125`).
//! - Runs of dots (`...`), of hyphens (`--`) and of `!`/`?` are one token; every other
//!   punctuation mark or symbol (quotes, `¿`, `¡`, dashes, brackets, emoji) is its own token.

use tessera_doc::{Span, Token, TokenKind};

use crate::chars::{
    ZERO_WIDTH_JOINER, char_at, is_apostrophe, is_extender, is_joining_hyphen, is_punctuation,
    is_word_char,
};
use crate::lexicon::{AbbreviationKind, Lexicon};

/// Cuts `text` into tokens, in order, covering every non-whitespace character exactly once.
pub(crate) fn tokenize(text: &str, lexicon: Lexicon) -> Vec<Token> {
    let mut tokenizer = Tokenizer {
        text,
        lexicon,
        tokens: Vec::with_capacity(text.len() / 5 + 1),
    };
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(&byte) = bytes.get(pos) {
        if matches!(byte, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) {
            pos += 1;
            continue;
        }
        let Some(c) = char_at(text, pos) else {
            // Unreachable: `pos` only ever advances by whole characters.
            pos += 1;
            continue;
        };
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        pos = tokenizer.token_at(pos, c);
    }
    tokenizer.tokens
}

struct Tokenizer<'t> {
    text: &'t str,
    lexicon: Lexicon,
    tokens: Vec<Token>,
}

impl Tokenizer<'_> {
    /// Emits the token(s) starting at `start` (a non-whitespace `c`); returns where they end.
    fn token_at(&mut self, start: usize, c: char) -> usize {
        let after = start + c.len_utf8();
        let next = char_at(self.text, after);
        if is_word_char(c) {
            return if let Some(end) = url_end(self.text, start) {
                self.push(start, end, TokenKind::Word)
            } else {
                self.word(start)
            };
        }
        match c {
            // `.125`: a decimal without its leading zero.
            '.' if next.is_some_and(|n| n.is_ascii_digit()) => {
                let end = word_core_end(self.text, after);
                self.push(start, end, TokenKind::Number)
            }
            '.' => self.run_of(start, |c| c == '.', TokenKind::Punct),
            '-' => self.run_of(start, |c| c == '-', TokenKind::Punct),
            '!' | '?' => self.run_of(start, |c| matches!(c, '!' | '?'), TokenKind::Punct),
            '@' if next.is_some_and(|n| is_word_char(n) || n == '_') => {
                let end = self.name_end(after);
                self.push(start, end, TokenKind::Word)
            }
            '#' if next.is_some_and(char::is_alphabetic) => {
                let end = self.name_end(after);
                self.push(start, end, TokenKind::Word)
            }
            _ if is_apostrophe(c) && self.is_clitic_s(start, after) => {
                self.push(start, after + 1, TokenKind::Word)
            }
            _ => {
                let end = self.cluster_end(after);
                let kind = if is_punctuation(c) {
                    TokenKind::Punct
                } else {
                    TokenKind::Symbol
                };
                self.push(start, end, kind)
            }
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind) -> usize {
        self.tokens.push(Token {
            span: Span::new(start, end),
            kind,
        });
        end
    }

    /// A run of characters matching `pred` from `start` (whose character matches it).
    fn run_of(&mut self, start: usize, pred: impl Fn(char) -> bool, kind: TokenKind) -> usize {
        let mut end = start;
        while let Some(c) = char_at(self.text, end).filter(|&c| pred(c)) {
            end += c.len_utf8();
        }
        self.push(start, end, kind)
    }

    /// Extends a lone character over the extenders that follow it (accents, emoji modifiers,
    /// and the character after a zero-width joiner).
    fn cluster_end(&self, mut end: usize) -> usize {
        while let Some(c) = char_at(self.text, end).filter(|&c| is_extender(c)) {
            end += c.len_utf8();
            if c == ZERO_WIDTH_JOINER
                && let Some(joined) = char_at(self.text, end).filter(|c| !c.is_whitespace())
            {
                end += joined.len_utf8();
            }
        }
        end
    }

    /// The end of the name of a handle or hashtag: letters, digits, `_` and extenders.
    fn name_end(&self, mut end: usize) -> usize {
        while let Some(c) =
            char_at(self.text, end).filter(|&c| is_word_char(c) || c == '_' || is_extender(c))
        {
            end += c.len_utf8();
        }
        end
    }

    /// `'s`/`’s` straight after a word or number, ending there: the clitic of `company’s`.
    fn is_clitic_s(&self, apostrophe: usize, after: usize) -> bool {
        let follows_word = self.tokens.last().is_some_and(|token| {
            token.span.end as usize == apostrophe
                && matches!(token.kind, TokenKind::Word | TokenKind::Number)
        });
        follows_word && is_clitic_s_at(self.text, after)
    }

    /// A word or number starting at `start` with a word character, and the dot that belongs to
    /// it if it is an abbreviation.
    fn word(&mut self, start: usize) -> usize {
        let mut end = word_core_end(self.text, start);
        if char_at(self.text, end) == Some('.')
            && char_at(self.text, end + 1) != Some('.')
            && self.dot_belongs_to(start, end)
        {
            end += 1;
            // `U.S.-led`: the abbreviation is the first part of a compound.
            if char_at(self.text, end).is_some_and(is_joining_hyphen)
                && char_at(self.text, end + 1).is_some_and(is_word_char)
            {
                end = word_core_end(self.text, end + 1);
            }
        }
        let kind = word_kind(self.text.get(start..end).unwrap_or_default());
        self.push(start, end, kind)
    }

    /// Whether the dot at `end` belongs to the word `start..end`.
    fn dot_belongs_to(&self, start: usize, end: usize) -> bool {
        let Some(core) = self.text.get(start..end) else {
            return false;
        };
        match self.lexicon.dotted_word(core) {
            Some(AbbreviationKind::BeforeNumber) => next_visible_is_digit(self.text, end + 1),
            Some(_) => true,
            None => false,
        }
    }
}

/// The end of the letters, digits and joiners of a word starting at `start`.
fn word_core_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = start;
    let mut last = ' ';
    // Characters since the last inner dot, to tell `U.S` from a missing space (`end.The`).
    let mut segment_chars = 0usize;
    loop {
        // Letters, digits and extenders; ASCII ones without decoding.
        loop {
            match bytes.get(end) {
                Some(&byte) if byte.is_ascii_alphanumeric() => {
                    end += 1;
                    last = char::from(byte);
                    segment_chars += 1;
                }
                Some(&byte) if byte >= 0x80 => match char_at(text, end) {
                    Some(c) if is_word_char(c) => {
                        end += c.len_utf8();
                        last = c;
                        segment_chars += 1;
                    }
                    Some(c) if is_extender(c) => end += c.len_utf8(),
                    _ => break,
                },
                _ => break,
            }
        }
        let Some(joiner) = char_at(text, end) else {
            return end;
        };
        let after_pos = end + joiner.len_utf8();
        let Some(after) = char_at(text, after_pos).filter(|&c| is_word_char(c)) else {
            return end;
        };
        let joins = match joiner {
            '.' => !is_missing_space(last, after, segment_chars),
            ',' | ':' | '/' => last.is_numeric() && after.is_numeric(),
            '@' | '_' => true,
            '&' => last.is_uppercase() && after.is_uppercase(),
            c if is_joining_hyphen(c) => true,
            c if is_apostrophe(c) => {
                last.is_alphabetic() && after.is_alphabetic() && !is_clitic_s_at(text, after_pos)
            }
            _ => false,
        };
        if !joins {
            return end;
        }
        if joiner == '.' {
            segment_chars = 0;
        }
        end = after_pos;
    }
}

/// `end.The`, `Jalisco.El`, `1987.The`: a dot between a word of three or more characters and
/// a capital is a sentence end with its space missing, not an inner dot.
fn is_missing_space(before: char, after: char, segment_chars: usize) -> bool {
    segment_chars >= 3 && after.is_uppercase() && (before.is_lowercase() || before.is_numeric())
}

/// `s` or `S` at `pos`, not followed by another word character.
fn is_clitic_s_at(text: &str, pos: usize) -> bool {
    matches!(char_at(text, pos), Some('s' | 'S'))
        && !char_at(text, pos + 1).is_some_and(is_word_char)
}

/// Whether the first non-whitespace character at or after `pos` is a digit.
fn next_visible_is_digit(text: &str, pos: usize) -> bool {
    text.get(pos..)
        .and_then(|rest| rest.chars().find(|c| !c.is_whitespace()))
        .is_some_and(|c| c.is_numeric())
}

/// A number starts with a digit and has letters at most as a short suffix (`3rd`, `1980s`,
/// `1.º`, `5km`); anything else made of word characters is a word.
fn word_kind(token: &str) -> TokenKind {
    if !token.chars().next().is_some_and(char::is_numeric) {
        return TokenKind::Word;
    }
    let mut suffix_letters = 0;
    for c in token.chars() {
        if c.is_alphabetic() {
            suffix_letters += 1;
        } else if suffix_letters > 0 && !is_extender(c) {
            return TokenKind::Word;
        }
    }
    if suffix_letters <= 2 {
        TokenKind::Number
    } else {
        TokenKind::Word
    }
}

/// If a URL starts at `start` (`http://`, `https://`, `ftp://` or `www.`), where it ends:
/// before whitespace or a quote or angle bracket, less trailing punctuation and unbalanced
/// closing brackets.
fn url_end(text: &str, start: usize) -> Option<usize> {
    let rest = text.get(start..)?;
    if !matches!(
        rest.as_bytes().first(),
        Some(b'h' | b'H' | b'f' | b'F' | b'w' | b'W')
    ) {
        return None;
    }
    let head = rest.as_bytes().get(..8).unwrap_or(rest.as_bytes());
    let starts_with = |prefix: &[u8]| {
        head.len() >= prefix.len()
            && head
                .iter()
                .zip(prefix)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
    };
    let scheme_len = if starts_with(b"https://") {
        8
    } else if starts_with(b"http://") {
        7
    } else if starts_with(b"ftp://") {
        6
    } else if starts_with(b"www.") {
        4
    } else {
        return None;
    };
    if !char_at(rest, scheme_len).is_some_and(|c| is_word_char(c) || c == '[') {
        return None;
    }
    let mut len = rest
        .char_indices()
        .find(|&(_, c)| {
            c.is_whitespace() || matches!(c, '"' | '<' | '>' | '“' | '”' | '«' | '»' | '‘' | '’')
        })
        .map_or(rest.len(), |(index, _)| index);
    let url = rest.get(..len)?;
    let count = |c: u8| url.bytes().filter(|&b| b == c).count();
    // Unmatched closing brackets, counted once so that trimming stays linear.
    let mut extra_parens = count(b')').saturating_sub(count(b'('));
    let mut extra_brackets = count(b']').saturating_sub(count(b'['));
    while len > scheme_len {
        let Some(&last) = url.as_bytes().get(len - 1) else {
            break;
        };
        match last {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' => {}
            b')' if extra_parens > 0 => extra_parens -= 1,
            b']' if extra_brackets > 0 => extra_brackets -= 1,
            _ => break,
        }
        len -= 1;
    }
    Some(start + len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens_of(text: &str, lexicon: Lexicon) -> Vec<&str> {
        tokenize(text, lexicon)
            .iter()
            .map(|token| &text[token.span.range()])
            .collect()
    }

    fn en(text: &str) -> Vec<&str> {
        tokens_of(text, Lexicon::English)
    }

    fn es(text: &str) -> Vec<&str> {
        tokens_of(text, Lexicon::Spanish)
    }

    fn kinds(text: &str) -> Vec<TokenKind> {
        tokenize(text, Lexicon::Both)
            .iter()
            .map(|token| token.kind)
            .collect()
    }

    #[test]
    fn abbreviations_and_titles_keep_their_dot() {
        assert_eq!(
            en("Gen. Smith, Dr. Jones and Mr. Brown of Acme Corp. and Foo Inc. left."),
            [
                "Gen.", "Smith", ",", "Dr.", "Jones", "and", "Mr.", "Brown", "of", "Acme", "Corp.",
                "and", "Foo", "Inc.", "left", "."
            ]
        );
        assert_eq!(
            en("on Jan. 5 in the U.S."),
            ["on", "Jan.", "5", "in", "the", "U.S."]
        );
        assert_eq!(
            es("el Sr. López y la Sra. Peña"),
            ["el", "Sr.", "López", "y", "la", "Sra.", "Peña"]
        );
        assert_eq!(es("en EE.UU. y México"), ["en", "EE.UU.", "y", "México"]);
    }

    #[test]
    fn initials_are_one_token_each() {
        assert_eq!(en("J. R. Smith"), ["J.", "R.", "Smith"]);
        assert_eq!(
            en("the letter e. Then"),
            ["the", "letter", "e", ".", "Then"]
        );
    }

    #[test]
    fn number_abbreviations_need_a_number() {
        assert_eq!(en("No. 5 seed"), ["No.", "5", "seed"]);
        assert_eq!(en("he said No. Then"), ["he", "said", "No", ".", "Then"]);
        assert_eq!(es("núm. 12, pág. 3"), ["núm.", "12", ",", "pág.", "3"]);
    }

    #[test]
    fn unknown_words_leave_the_dot_alone() {
        assert_eq!(en("It ended."), ["It", "ended", "."]);
        assert_eq!(en("see reuters.com."), ["see", "reuters.com", "."]);
        assert_eq!(en("wait..."), ["wait", "..."]);
        assert_eq!(en("etc..."), ["etc", "..."]);
    }

    #[test]
    fn numbers_with_separators_are_one_token() {
        for number in [
            "1,250,000",
            "5.93",
            "1.234,56",
            "3-1",
            "1987-02-26",
            "10:30",
            "2/26/87",
        ] {
            assert_eq!(en(number), [number], "{number}");
            assert_eq!(kinds(number), [TokenKind::Number], "{number}");
        }
        assert_eq!(es("el 1.º de mayo"), ["el", "1.º", "de", "mayo"]);
        assert_eq!(en("price of .125 dlrs"), ["price", "of", ".125", "dlrs"]);
        assert_eq!(kinds(".125"), [TokenKind::Number]);
        assert_eq!(kinds("1.º 3rd 1980s"), [TokenKind::Number; 3]);
    }

    #[test]
    fn currency_and_percent_are_separate_symbols() {
        assert_eq!(
            en("$5 and 15% or €1.5"),
            ["$", "5", "and", "15", "%", "or", "€", "1.5"]
        );
        assert_eq!(
            kinds("$5 15%"),
            [
                TokenKind::Symbol,
                TokenKind::Number,
                TokenKind::Number,
                TokenKind::Symbol
            ]
        );
    }

    #[test]
    fn hyphenated_words_and_acronyms_are_one_token() {
        assert_eq!(
            en("JITF-CC anti-cartel Pentagon-led Coca-Cola U.S.-led"),
            [
                "JITF-CC",
                "anti-cartel",
                "Pentagon-led",
                "Coca-Cola",
                "U.S.-led"
            ]
        );
        assert_eq!(
            en("a well- known -- or not"),
            ["a", "well", "-", "known", "--", "or", "not"]
        );
        assert_eq!(en("AT&T and S&P"), ["AT&T", "and", "S&P"]);
        assert_eq!(en("rock & roll"), ["rock", "&", "roll"]);
    }

    #[test]
    fn apostrophes_inside_words_and_possessives() {
        assert_eq!(en("don't O'Brien"), ["don't", "O'Brien"]);
        assert_eq!(en("the company’s plan"), ["the", "company", "’s", "plan"]);
        assert_eq!(en("USX'S debt"), ["USX", "'S", "debt"]);
        assert_eq!(en("Cervantes’ novel"), ["Cervantes", "’", "novel"]);
        assert_eq!(en("the U.S.'s role"), ["the", "U.S.", "'s", "role"]);
        assert_eq!(kinds("it’s"), [TokenKind::Word, TokenKind::Word]);
    }

    #[test]
    fn quotes_of_every_kind_are_their_own_tokens() {
        assert_eq!(
            en("“a” «b» \"c\" 'd' ‘e’"),
            [
                "“", "a", "”", "«", "b", "»", "\"", "c", "\"", "'", "d", "'", "‘", "e", "’"
            ]
        );
        assert!(
            kinds("“ ” « »")
                .iter()
                .all(|&kind| kind == TokenKind::Punct)
        );
    }

    #[test]
    fn spanish_inverted_marks_and_accents() {
        assert_eq!(
            es("¿Dónde está el Güero? ¡En Michoacán, con Peña!"),
            [
                "¿",
                "Dónde",
                "está",
                "el",
                "Güero",
                "?",
                "¡",
                "En",
                "Michoacán",
                ",",
                "con",
                "Peña",
                "!"
            ]
        );
        // Decomposed accents (NFD) stay inside their word.
        assert_eq!(es("Michoa\u{301}n"), ["Michoa\u{301}n"]);
    }

    #[test]
    fn urls_emails_handles_and_hashtags_are_one_token() {
        assert_eq!(
            en("See https://www.reuters.com/world/a-b?x=1&y=(2)."),
            ["See", "https://www.reuters.com/world/a-b?x=1&y=(2)", "."]
        );
        assert_eq!(en("(www.sedena.gob.mx)"), ["(", "www.sedena.gob.mx", ")"]);
        assert_eq!(
            en("(see http://x.org/a_(b)).)"),
            ["(", "see", "http://x.org/a_(b)", ")", ".", ")"]
        );
        assert_eq!(
            en("mail j.smith@reuters.com,"),
            ["mail", "j.smith@reuters.com", ","]
        );
        assert_eq!(
            en("@Reuters: #Jalisco #1"),
            ["@Reuters", ":", "#Jalisco", "#", "1"]
        );
    }

    #[test]
    fn ellipsis_dashes_and_runs() {
        assert_eq!(
            en("so… what?! Yes—no – maybe"),
            ["so", "…", "what", "?!", "Yes", "—", "no", "–", "maybe"]
        );
        assert_eq!(en("end.The next"), ["end", ".", "The", "next"]);
        assert_eq!(es("Jalisco.El"), ["Jalisco", ".", "El"]);
        assert_eq!(en("Ph.D. holder"), ["Ph.D.", "holder"]);
    }

    #[test]
    fn newlines_and_whitespace_separate_tokens() {
        assert_eq!(
            en("since early\nJanuary,\r\n\tand\u{00A0}now"),
            ["since", "early", "January", ",", "and", "now"]
        );
    }

    #[test]
    fn emoji_sequences_and_stray_marks_are_symbols() {
        let text = "ok 👍🏽 👨\u{200D}👩 \u{301}x";
        assert_eq!(
            tokens_of(text, Lexicon::Both),
            ["ok", "👍🏽", "👨\u{200D}👩", "\u{301}", "x"]
        );
        assert_eq!(
            kinds(text),
            [
                TokenKind::Word,
                TokenKind::Symbol,
                TokenKind::Symbol,
                TokenKind::Symbol,
                TokenKind::Word
            ]
        );
    }
}
