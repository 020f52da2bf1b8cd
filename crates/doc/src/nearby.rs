//! Words next to a byte position in raw text, for stages that see text without tokens (the
//! geocoder given bare spans), within one stretch of running text: the walk stops at
//! punctuation or a line break, so a phrase never spans two sentences or list items.

/// A word and its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
}

impl Word<'_> {
    pub fn capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn lower_case(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')
}

/// Up to `max` words ending before `at`, nearest first.
pub fn words_before(text: &str, at: usize, max: usize) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let Some(mut rest) = text.get(..at) else {
        return words;
    };
    while words.len() < max {
        let trimmed = rest.trim_end_matches(' ');
        if trimmed.len() == rest.len() && !words.is_empty() {
            break;
        }
        let start = trimmed
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_word_char(c))
            .last()
            .map_or(trimmed.len(), |(i, _)| i);
        if start == trimmed.len() {
            break;
        }
        words.push(Word {
            start,
            end: trimmed.len(),
            text: &trimmed[start..],
        });
        rest = &trimmed[..start];
    }
    words
}

/// Up to `max` words starting after `at`, in text order.
pub fn words_after(text: &str, at: usize, max: usize) -> Vec<Word<'_>> {
    let mut words = Vec::new();
    let mut offset = at;
    while words.len() < max {
        let Some(rest) = text.get(offset..) else {
            break;
        };
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.len() == rest.len() && !words.is_empty() {
            break;
        }
        let start = offset + (rest.len() - trimmed.len());
        let len = trimmed
            .char_indices()
            .find(|&(_, c)| !is_word_char(c))
            .map_or(trimmed.len(), |(i, _)| i);
        if len == 0 {
            break;
        }
        words.push(Word {
            start,
            end: start + len,
            text: &text[start..start + len],
        });
        offset = start + len;
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(words: &[Word<'a>]) -> Vec<&'a str> {
        words.iter().map(|w| w.text).collect()
    }

    #[test]
    fn walks_words_both_ways_and_stops_at_punctuation() {
        let text = "Calm. In Jalisco's  state capital city, troops";
        let at = text.find("capital").unwrap_or(0);
        assert_eq!(
            texts(&words_before(text, at, 5)),
            ["state", "Jalisco's", "In"]
        );
        assert_eq!(texts(&words_after(text, at + 7, 5)), ["city"]);
        let before = words_before(text, at, 1);
        assert_eq!(&text[before[0].start..before[0].end], "state");
        assert!(words_before(text, 0, 3).is_empty());
        assert!(words_after(text, text.len(), 3).is_empty());
    }
}
