//! Sentence splitting over the token stream.
//!
//! A sentence ends:
//! - at a paragraph break (a blank line), always; and at every newline of a text written one
//!   paragraph per line (see [`crate::layout::is_hard_wrapped`]);
//! - after `. ! ? …` (plus any closing quotes or brackets stuck to them) when whitespace and a
//!   plausible sentence start follow: a capital, a digit, `¿`, `¡`, a currency sign, or an
//!   opening quote, bracket or dash that is itself followed by one of those;
//! - after an abbreviation that commonly ends sentences (`U.S.`, `Inc.`, `etc.`) only when a
//!   clear sentence start follows (a capitalised `The`, `He`, `El`, `Según`..., `¿`, `¡`, or an
//!   opening quote or dash before a capital); never after a title, an initial or an
//!   abbreviation of a month or a number (`Gen.`, `J.`, `Jan.`, `No. 5`);
//! - in hard-wrapped text, at a single newline when the line before has no closing punctuation
//!   and exactly one of the two lines is a heading (all capitals).

use tessera_doc::{Sentence, Span, Token, TokenKind};

use crate::chars::{
    char_at, is_caseless_letter, is_closing, is_currency, is_dash, is_inverted_mark, is_opening,
    is_sentence_terminal, is_spaceless_terminal,
};
use crate::layout::{
    is_hard_wrapped, is_heading_line, line_breaks, line_ending_at, line_starting_at,
};
use crate::lexicon::{AbbreviationKind, Lexicon};

/// How many opening quotes, brackets or dashes may stack before the first word of a sentence.
const MAX_OPENERS: usize = 3;

/// Groups `tokens` (of `text`) into sentences that cover them all, in order.
pub(crate) fn split_sentences(text: &str, tokens: &[Token], lexicon: Lexicon) -> Vec<Sentence> {
    let splitter = Splitter {
        text,
        tokens,
        lexicon,
        hard_wrapped: is_hard_wrapped(text),
        caseless: is_lower_case_text(text),
    };
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut first = 0;
    let mut index = 0;
    while index + 1 < tokens.len() {
        match splitter.sentence_end(index) {
            Some(last) => {
                sentences.push(splitter.sentence(first, last));
                first = last + 1;
                index = last + 1;
            }
            None => index += 1,
        }
    }
    if first < tokens.len() {
        sentences.push(splitter.sentence(first, tokens.len() - 1));
    }
    sentences
}

/// What the token before a possible boundary is.
enum Ending {
    /// `. ! ? …`; `needs_space` is false for CJK full stops.
    Terminal { needs_space: bool },
    /// An abbreviation that may end a sentence when a clear start follows.
    Abbreviation,
    /// An abbreviation that never ends a sentence.
    NeverEnds,
    /// Anything else.
    Other,
}

struct Splitter<'t> {
    text: &'t str,
    tokens: &'t [Token],
    lexicon: Lexicon,
    hard_wrapped: bool,
    /// The text is written without capitals (a transcript, an old archive): a sentence may
    /// start with a lower-case letter.
    caseless: bool,
}

/// Whether a text of some length is written (almost) without capitals.
fn is_lower_case_text(text: &str) -> bool {
    let (mut letters, mut capitals) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        capitals += usize::from(c.is_uppercase());
    }
    letters >= 40 && capitals * 100 < letters
}

impl Splitter<'_> {
    fn sentence(&self, first: usize, last: usize) -> Sentence {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self.tokens.get(last).map_or(start, |t| t.span.end);
        Sentence {
            span: Span { start, end },
            first_token: first as u32,
            token_count: (last + 1 - first) as u32,
        }
    }

    /// If a sentence ends at or just after token `index` (before a later token), the index of
    /// its last token.
    fn sentence_end(&self, index: usize) -> Option<usize> {
        let breaks = self.line_breaks_after(index);
        if self.is_hard_break(breaks) {
            return Some(index);
        }
        match self.ending(index) {
            Ending::Terminal { needs_space } => {
                let last = self.absorb_closers(index);
                let next = last + 1;
                if next >= self.tokens.len() {
                    return None;
                }
                if self.is_hard_break(self.line_breaks_after(last)) {
                    return Some(last);
                }
                let spaced = self.gap_after(last) > 0;
                ((spaced || !needs_space) && self.is_plausible_start(next)).then_some(last)
            }
            Ending::Abbreviation => {
                let last = self.absorb_closers(index);
                let next = last + 1;
                if next >= self.tokens.len() {
                    return None;
                }
                if self.is_hard_break(self.line_breaks_after(last)) {
                    return Some(last);
                }
                (self.gap_after(last) > 0 && self.is_clear_start(next)).then_some(last)
            }
            Ending::NeverEnds => None,
            Ending::Other => (breaks == 1 && self.is_heading_break_after(index)).then_some(index),
        }
    }

    fn token_text(&self, index: usize) -> &str {
        self.tokens
            .get(index)
            .and_then(|token| self.text.get(token.span.range()))
            .unwrap_or_default()
    }

    fn first_char(&self, index: usize) -> Option<char> {
        let token = self.tokens.get(index)?;
        char_at(self.text, token.span.start as usize)
    }

    /// Bytes of whitespace between token `index` and the next one.
    fn gap_after(&self, index: usize) -> usize {
        match (self.tokens.get(index), self.tokens.get(index + 1)) {
            (Some(this), Some(next)) => next.span.start.saturating_sub(this.span.end) as usize,
            _ => 0,
        }
    }

    fn line_breaks_after(&self, index: usize) -> u8 {
        match (self.tokens.get(index), self.tokens.get(index + 1)) {
            (Some(this), Some(next)) => {
                line_breaks(self.text, this.span.end as usize, next.span.start as usize)
            }
            _ => 0,
        }
    }

    /// A blank line, or any newline in a text written one paragraph per line.
    fn is_hard_break(&self, line_breaks: u8) -> bool {
        match line_breaks {
            0 => false,
            1 => !self.hard_wrapped,
            _ => true,
        }
    }

    fn ending(&self, index: usize) -> Ending {
        let Some(token) = self.tokens.get(index) else {
            return Ending::Other;
        };
        let (start, end) = (token.span.start as usize, token.span.end as usize);
        match token.kind {
            TokenKind::Punct => match char_at(self.text, start) {
                Some(c) if is_sentence_terminal(c) => Ending::Terminal {
                    needs_space: !is_spaceless_terminal(c),
                },
                _ => Ending::Other,
            },
            TokenKind::Word
                if end - start > 1 && self.text.as_bytes().get(end - 1) == Some(&b'.') =>
            {
                let core = self.text.get(start..end - 1).unwrap_or_default();
                match self.lexicon.dotted_word(core) {
                    Some(AbbreviationKind::MayEndSentence) | None => Ending::Abbreviation,
                    Some(_) => Ending::NeverEnds,
                }
            }
            _ => Ending::Other,
        }
    }

    /// The last of the closing quotes and brackets stuck to token `index` (`."` `.)` `!»`).
    fn absorb_closers(&self, index: usize) -> usize {
        let mut last = index;
        while self.gap_after(last) == 0
            && self
                .tokens
                .get(last + 1)
                .is_some_and(|token| token.kind == TokenKind::Punct)
            && self.first_char(last + 1).is_some_and(is_closing)
        {
            last += 1;
        }
        last
    }

    /// A capital, a digit, a caseless letter, `¿`, `¡`, a currency sign, or openers before one.
    fn is_plausible_start(&self, index: usize) -> bool {
        for offset in 0..=MAX_OPENERS {
            let Some(c) = self.first_char(index + offset) else {
                return false;
            };
            if c.is_uppercase() || c.is_numeric() || is_caseless_letter(c) {
                return true;
            }
            if self.caseless && c.is_lowercase() {
                return true;
            }
            if is_inverted_mark(c) || is_currency(c) {
                return true;
            }
            if !(is_opening(c) || is_dash(c)) {
                return false;
            }
        }
        false
    }

    /// A capitalised sentence-starting word, `¿`, `¡`, or openers before a capital.
    fn is_clear_start(&self, index: usize) -> bool {
        for offset in 0..=MAX_OPENERS {
            let Some(c) = self.first_char(index + offset) else {
                return false;
            };
            if is_inverted_mark(c) {
                return true;
            }
            if offset == 0 {
                if self.lexicon.is_sentence_starter(self.token_text(index)) {
                    return true;
                }
            } else if c.is_uppercase() {
                return true;
            }
            if !(is_opening(c) || is_dash(c)) {
                return false;
            }
        }
        false
    }

    /// At a single newline in hard-wrapped text: whether the line before has no closing
    /// punctuation and exactly one of the two lines is a heading.
    fn is_heading_break_after(&self, index: usize) -> bool {
        let (Some(this), Some(next)) = (self.tokens.get(index), self.tokens.get(index + 1)) else {
            return false;
        };
        let line_before = line_ending_at(self.text, this.span.end as usize);
        if line_before
            .chars()
            .next_back()
            .is_some_and(|c| is_sentence_terminal(c) || matches!(c, ',' | ';' | ':'))
        {
            return false;
        }
        let line_after = line_starting_at(self.text, next.span.start as usize);
        is_heading_line(line_before) != is_heading_line(line_after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn sentences_of(text: &str, lexicon: Lexicon) -> Vec<&str> {
        let tokens = tokenize(text, lexicon);
        split_sentences(text, &tokens, lexicon)
            .iter()
            .map(|sentence| &text[sentence.span.range()])
            .collect()
    }

    fn en(text: &str) -> Vec<&str> {
        sentences_of(text, Lexicon::English)
    }

    fn es(text: &str) -> Vec<&str> {
        sentences_of(text, Lexicon::Spanish)
    }

    #[test]
    fn text_without_capitals_still_splits_into_sentences() {
        let text = "police blocked the road to the port on monday. three drivers were held \
                    overnight. la policía cerró el puerto. the union said talks would resume.";
        assert_eq!(
            en(text),
            [
                "police blocked the road to the port on monday.",
                "three drivers were held overnight.",
                "la policía cerró el puerto.",
                "the union said talks would resume."
            ]
        );
        // In ordinary text a lower-case word after a full stop does not open a sentence.
        assert_eq!(en("He met Gen. smith. Then he left.").len(), 2);
    }

    #[test]
    fn splits_after_terminal_punctuation_before_a_capital() {
        assert_eq!(
            en("It rained. Prices rose! Why? Nobody knows… 1987 was dry."),
            [
                "It rained.",
                "Prices rose!",
                "Why?",
                "Nobody knows…",
                "1987 was dry."
            ]
        );
    }

    #[test]
    fn does_not_split_before_lower_case_or_without_space() {
        assert_eq!(en("He said no. and left"), ["He said no. and left"]);
        assert_eq!(en("Value was 5.93 mln."), ["Value was 5.93 mln."]);
        assert_eq!(en("Estados Unidos.- Luego"), ["Estados Unidos.- Luego"]);
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            en("He said: \"It is over.\" The army left. (It was late.) Then “Why?” she asked."),
            [
                "He said: \"It is over.\"",
                "The army left.",
                "(It was late.)",
                "Then “Why?” she asked."
            ]
        );
    }

    #[test]
    fn openers_before_a_capital_start_a_sentence() {
        assert_eq!(
            en("It ended. “We won,” he said. — Next came the rain."),
            ["It ended.", "“We won,” he said.", "— Next came the rain."]
        );
        assert_eq!(es("¿Qué pasó? —preguntó él."), ["¿Qué pasó? —preguntó él."]);
        assert_eq!(es("Se fue. —Nosotros no."), ["Se fue.", "—Nosotros no."]);
    }

    #[test]
    fn titles_initials_months_and_numbers_never_end_a_sentence() {
        assert_eq!(
            en("Gen. J. R. Smith met Dr. Peña on Jan. 5 at No. 10 Downing St. Lawrence came too."),
            ["Gen. J. R. Smith met Dr. Peña on Jan. 5 at No. 10 Downing St. Lawrence came too."]
        );
    }

    #[test]
    fn sentence_ending_abbreviations_split_before_clear_starts_only() {
        assert_eq!(
            en("He lives in the U.S. The next day he left. The U.S. Army came."),
            [
                "He lives in the U.S.",
                "The next day he left.",
                "The U.S. Army came."
            ]
        );
        assert_eq!(
            en("It bought Acme Inc. It paid cash, etc. “We are glad,” they said."),
            [
                "It bought Acme Inc.",
                "It paid cash, etc.",
                "“We are glad,” they said."
            ]
        );
        assert_eq!(en("at 10:30 a.m. on Monday."), ["at 10:30 a.m. on Monday."]);
        assert_eq!(
            en("leased to Brantley of Austin, Tex. for 350,000 dlrs. The firm added"),
            [
                "leased to Brantley of Austin, Tex. for 350,000 dlrs.",
                "The firm added"
            ]
        );
        assert_eq!(
            en("at 10:30 a.m. The talks began."),
            ["at 10:30 a.m.", "The talks began."]
        );
    }

    #[test]
    fn spanish_questions_and_exclamations_inside_a_sentence() {
        assert_eq!(
            es("Le preguntó ¿por qué? y se fue. ¡Basta! dijo el Sr. López. ¿Y ahora?"),
            [
                "Le preguntó ¿por qué? y se fue.",
                "¡Basta! dijo el Sr. López.",
                "¿Y ahora?"
            ]
        );
        assert_eq!(
            es("Llegó de EE.UU. El jueves habló la Sra. Peña."),
            ["Llegó de EE.UU.", "El jueves habló la Sra. Peña."]
        );
    }

    #[test]
    fn blank_lines_always_end_a_sentence() {
        assert_eq!(
            en("A heading without a stop\n\nThe body starts here and\n   \nwraps"),
            [
                "A heading without a stop",
                "The body starts here and",
                "wraps"
            ]
        );
        assert_eq!(en("Signed by Gen.\n\nSmith"), ["Signed by Gen.", "Smith"]);
    }

    #[test]
    fn single_newlines_in_wrapped_text_do_not_end_a_sentence() {
        let text = "Heavy rain fell across the northern wheat belt for a third\n\
                    day, easing fears of a poor harvest after a dry spell in\n\
                    March and raising hopes for the late barley crop.\n    \
                    The wet weather means planting will be a week late.\n Reuter";
        assert_eq!(
            en(text),
            [
                "Heavy rain fell across the northern wheat belt for a third\nday, easing fears \
                 of a poor harvest after a dry spell in\nMarch and raising hopes for the late barley crop.",
                "The wet weather means planting will be a week late.",
                "Reuter"
            ]
        );
    }

    #[test]
    fn headings_in_wrapped_text_end_a_sentence() {
        let text = "HARTWELL STEEL DEBT RATING CUT\n\
                    Sterling Ratings Ltd said it had cut the credit rating of\n\
                    Hartwell Steel Co and two of its units, covering some 900 mln dlrs of\n\
                    bonds and notes that fall due before the end of\n\
                    REUTER";
        assert_eq!(
            en(text),
            [
                "HARTWELL STEEL DEBT RATING CUT",
                "Sterling Ratings Ltd said it had cut the credit rating of\n\
                 Hartwell Steel Co and two of its units, covering some 900 mln dlrs of\n\
                 bonds and notes that fall due before the end of",
                "REUTER"
            ]
        );
    }

    #[test]
    fn every_newline_ends_a_sentence_in_paragraph_per_line_text() {
        let text = "Malala Yousafzai anuncia que estudiará en Oxford\n\
                    La nobel de la Paz pakistaní logra una plaza para el grado de filosofía, \
                    política y economía en la universidad británica\n\
                    Malala Yousafzai, la nobel de la Paz pakistaní que sobrevivió a un atentado, \
                    ha anunciado este jueves que cursará sus estudios superiores en Oxford.";
        assert_eq!(es(text).len(), 3);
        assert_eq!(
            es(text)[0],
            "Malala Yousafzai anuncia que estudiará en Oxford"
        );
    }

    #[test]
    fn cjk_full_stops_split_without_spaces() {
        assert_eq!(
            sentences_of("我们走了。他们来了。", Lexicon::Both),
            ["我们走了。", "他们来了。"]
        );
    }

    #[test]
    fn sentences_cover_all_tokens_in_order() {
        let text = "One. Two! “Three?” Four… five.\n\nSix";
        let tokens = tokenize(text, Lexicon::English);
        let sentences = split_sentences(text, &tokens, Lexicon::English);
        let mut next = 0;
        for sentence in &sentences {
            assert_eq!(sentence.first_token, next);
            assert!(sentence.token_count > 0);
            next += sentence.token_count;
        }
        assert_eq!(next as usize, tokens.len());
    }
}
