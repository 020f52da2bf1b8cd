//! A token view of a document for the rules: each token's text, lowercase form and sentence,
//! and the name mentions located by token.

use std::borrow::Cow;
use tessera_doc::{Document, MentionKind, Span};

pub(crate) struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    /// Borrowed when the word has no capitals (most words), so the view costs few allocations.
    pub lower: Cow<'a, str>,
    pub sentence: usize,
}

impl Word<'_> {
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.lower.as_ref())
    }
}

/// A name mention (PER, ORG, LOC, MISC) located by token.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub span: Span,
    pub kind: MentionKind,
    pub first: usize,
    pub last: usize,
    /// The words with line breaks and runs of spaces collapsed.
    pub text: String,
    /// The gazetteer feature it was resolved to (`city`, `admin1`, `country`...), if any.
    pub place_feature: Option<String>,
}

pub(crate) struct Words<'a> {
    pub text: &'a str,
    pub items: Vec<Word<'a>>,
    pub names: Vec<Name>,
    /// For each token, the name mention starting there.
    starts: Vec<Option<usize>>,
}

impl<'a> Words<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let text = doc.text.as_str();
        let seg = &doc.segmentation;
        let mut items = Vec::with_capacity(seg.tokens.len());
        for (sentence_index, sentence) in seg.sentences.iter().enumerate() {
            for token in seg.sentence_tokens(sentence) {
                let words = token.span.text(text).unwrap_or("");
                items.push(Word {
                    span: token.span,
                    text: words,
                    lower: if words.chars().any(char::is_uppercase) {
                        Cow::Owned(words.to_lowercase())
                    } else {
                        Cow::Borrowed(words)
                    },
                    sentence: sentence_index,
                });
            }
        }
        let mut view = Words {
            text,
            starts: vec![None; items.len()],
            items,
            names: Vec::new(),
        };
        view.names = doc
            .mentions
            .iter()
            .filter(|m| m.kind.is_name())
            .filter_map(|m| {
                let first = view.starting_at(m.span.start)?;
                let last = view.ending_at(m.span.end)?;
                let words = m.span.text(text).ok()?;
                Some(Name {
                    place_feature: doc
                        .places
                        .iter()
                        .find(|g| g.span == m.span)
                        .map(|g| g.place.feature.clone()),
                    span: m.span,
                    kind: m.kind,
                    first,
                    last,
                    text: collapse_whitespace(words),
                })
            })
            .collect();
        for (index, name) in view.names.iter().enumerate() {
            view.starts[name.first] = Some(index);
        }
        view
    }

    /// The token that starts at byte `offset`.
    pub fn starting_at(&self, offset: u32) -> Option<usize> {
        let i = self.items.partition_point(|w| w.span.start < offset);
        (self.items.get(i)?.span.start == offset).then_some(i)
    }

    /// The token that ends at byte `offset`.
    pub fn ending_at(&self, offset: u32) -> Option<usize> {
        let i = self.items.partition_point(|w| w.span.end < offset);
        (self.items.get(i)?.span.end == offset).then_some(i)
    }

    pub fn get(&self, index: usize) -> Option<&Word<'a>> {
        self.items.get(index)
    }

    /// Whether tokens `a` and `b` are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        match (self.items.get(a), self.items.get(b)) {
            (Some(x), Some(y)) => x.sentence == y.sentence,
            _ => false,
        }
    }

    /// The span from token `first` to token `last`, inclusive.
    pub fn span(&self, first: usize, last: usize) -> Span {
        let start = self.items.get(first).map_or(0, |w| w.span.start);
        let end = self.items.get(last).map_or(start, |w| w.span.end);
        Span { start, end }
    }

    /// The text from token `first` to token `last`, inclusive, whitespace collapsed.
    pub fn words(&self, first: usize, last: usize) -> String {
        self.span(first, last)
            .text(self.text)
            .map(collapse_whitespace)
            .unwrap_or_default()
    }

    /// The name mention that starts at token `index`.
    pub fn name_starting(&self, index: usize) -> Option<usize> {
        self.starts.get(index).copied().flatten()
    }
}

/// Names broken over a line in the source ("Jalisco New\nGeneration Cartel") read as one line.
pub(crate) fn collapse_whitespace(words: &str) -> String {
    words.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Opening and closing quotation marks in the forms news text uses.
pub(crate) fn is_open_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "«" | "‘" | "'")
}

pub(crate) fn is_close_quote(word: &str) -> bool {
    matches!(word, "\"" | "”" | "»" | "’" | "'")
}

pub(crate) use tessera_doc::fold;
