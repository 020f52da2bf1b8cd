//! Character classes the tokeniser and the sentence splitter share.
//!
//! Everything here is a cheap predicate over one `char` (or one position in a text), with an
//! ASCII fast path where it matters, so the scanners can stay single-pass.

/// The character starting at byte `pos` of `text`, or `None` past the end or off a boundary.
#[inline]
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    let byte = *text.as_bytes().get(pos)?;
    if byte < 0x80 {
        return Some(char::from(byte));
    }
    text.get(pos..)?.chars().next()
}

/// Letters and digits of any script: the stuff words and numbers are made of.
#[inline]
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Characters that never stand alone but extend the character before them: combining marks
/// (decomposed accents), variation selectors, zero-width joiners, emoji modifiers and tags,
/// and the soft hyphen.
#[inline]
pub(crate) fn is_extender(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    matches!(c,
        '\u{00AD}'
        | '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{200C}' | '\u{200D}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE00}'..='\u{FE0F}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{1F3FB}'..='\u{1F3FF}'
        | '\u{E0020}'..='\u{E007F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// The zero-width joiner, which glues the next character (an emoji) to the one before.
pub(crate) const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// Characters after which a sentence may end: `. ! ? …` and their CJK, Arabic and Indic kin.
#[inline]
pub(crate) fn is_sentence_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!'
            | '?'
            | '…'
            | '‼'
            | '⁇'
            | '⁈'
            | '⁉'
            | '。'
            | '｡'
            | '！'
            | '？'
            | '؟'
            | '۔'
            | '।'
            | '॥'
    )
}

/// Terminals of scripts written without spaces, after which no whitespace is needed to split.
#[inline]
pub(crate) fn is_spaceless_terminal(c: char) -> bool {
    matches!(c, '。' | '｡' | '！' | '？')
}

/// Quotes and brackets that can close a phrase (straight quotes are both opening and closing).
#[inline]
pub(crate) fn is_closing(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | ')' | ']' | '}' | '”' | '’' | '»' | '›' | '」' | '』' | '）'
    )
}

/// Quotes and brackets that can open a phrase, and the Spanish inverted marks.
#[inline]
pub(crate) fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '(' | '[' | '{' | '“' | '‘' | '„' | '‚' | '«' | '‹' | '「' | '『' | '（'
    )
}

/// Spanish inverted question and exclamation marks, which always open a clause.
#[inline]
pub(crate) fn is_inverted_mark(c: char) -> bool {
    matches!(c, '¿' | '¡')
}

/// Hyphens and dashes (a dash can open a line of dialogue or a list item).
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '–' | '—' | '―'
    )
}

/// Hyphens that join the parts of a compound word (`anti-cartel`, `1987-02-26`).
#[inline]
pub(crate) fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Apostrophes that may sit inside a word (`don't`, `O'Brien`, `l’État`).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Whether a lone non-word character is punctuation (as opposed to a symbol such as `$`, `%`,
/// `+`, `©` or an emoji). This is a coarse split, decided from the character alone.
pub(crate) fn is_punctuation(c: char) -> bool {
    if c.is_ascii() {
        return matches!(
            c,
            '!' | '"'
                | '\''
                | '('
                | ')'
                | ','
                | '-'
                | '.'
                | '/'
                | ':'
                | ';'
                | '?'
                | '['
                | ']'
                | '{'
                | '}'
                | '_'
        );
    }
    matches!(c,
        '¡' | '«' | '·' | '»' | '¿'
        | '\u{2010}'..='\u{2027}'
        | '\u{2032}'..='\u{2043}'
        | '\u{2045}'..='\u{2051}'
        | '\u{2053}'..='\u{205E}'
        | '\u{3001}'..='\u{3003}'
        | '\u{3008}'..='\u{3011}'
        | '\u{3014}'..='\u{301F}'
        | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{06D4}'
        | '\u{0964}' | '\u{0965}'
        | '！' | '（' | '）' | '，' | '．' | '：' | '；' | '？' | '｡' | '､')
}

/// Whether `c` is a currency sign (`$ € £ ¥ ₹ ₽ ...`).
#[inline]
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '¢' | '£' | '¤' | '¥' | '\u{20A0}'..='\u{20CF}')
}

/// Whether `c` starts a sentence-ish word in a script without letter case (Han, Arabic, ...).
#[inline]
pub(crate) fn is_caseless_letter(c: char) -> bool {
    c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase()
}

/// A short word lower-cased into a stack buffer, so that list look-ups need no allocation.
/// Words longer than the buffer are never abbreviations or sentence starters, so they yield
/// `None`.
pub(crate) struct LowerBuf {
    bytes: [u8; 24],
}

impl LowerBuf {
    pub(crate) fn new() -> Self {
        LowerBuf { bytes: [0; 24] }
    }

    /// `word` in lower case, or `None` if it does not fit.
    pub(crate) fn lower<'b>(&'b mut self, word: &str) -> Option<&'b str> {
        let mut len = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let width = c.len_utf8();
            let slot = self.bytes.get_mut(len..len + width)?;
            c.encode_utf8(slot);
            len += width;
        }
        std::str::from_utf8(self.bytes.get(..len)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_at_decodes_multibyte_and_refuses_non_boundaries() {
        let text = "aé€😀";
        assert_eq!(char_at(text, 0), Some('a'));
        assert_eq!(char_at(text, 1), Some('é'));
        assert_eq!(char_at(text, 2), None, "inside é");
        assert_eq!(char_at(text, 3), Some('€'));
        assert_eq!(char_at(text, 6), Some('😀'));
        assert_eq!(char_at(text, 10), None);
    }

    #[test]
    fn lower_buf_lowercases_accents_and_rejects_long_words() {
        let mut buf = LowerBuf::new();
        assert_eq!(buf.lower("NÚM"), Some("núm"));
        assert_eq!(buf.lower("EE.UU"), Some("ee.uu"));
        assert_eq!(buf.lower("Supercalifragilisticexpialidocious"), None);
    }

    #[test]
    fn punctuation_and_symbols_are_told_apart() {
        for c in [
            '.', ',', '“', '”', '«', '»', '¿', '¡', '—', '–', '…', '(', '"',
        ] {
            assert!(is_punctuation(c), "{c:?} should be punctuation");
        }
        for c in ['$', '%', '€', '+', '©', '°', '😀', '&', '#'] {
            assert!(!is_punctuation(c), "{c:?} should be a symbol");
        }
    }

    #[test]
    fn quotes_open_and_close() {
        assert!(is_opening('“') && !is_closing('“'));
        assert!(is_closing('”') && !is_opening('”'));
        assert!(is_opening('"') && is_closing('"'));
        assert!(is_opening('«') && is_closing('»'));
    }

    #[test]
    fn extenders_cover_combining_accents_and_emoji_modifiers() {
        assert!(is_extender('\u{0301}'));
        assert!(is_extender('\u{FE0F}'));
        assert!(is_extender('\u{1F3FD}'));
        assert!(!is_extender('a'));
        assert!(!is_extender('é'));
    }
}
