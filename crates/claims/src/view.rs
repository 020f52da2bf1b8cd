//! A token view of one sentence for the attribution rules: each token's text and lowercase
//! form, and the name mentions in it located by token, with their entities.

use tessera_doc::{Document, EntityId, MentionKind, Span};

pub(crate) struct Word<'a> {
    pub span: Span,
    pub text: &'a str,
    pub lower: String,
}

/// A name mention (PER, ORG, LOC, MISC) of the sentence, by token.
#[derive(Debug, Clone)]
pub(crate) struct Name {
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
    pub entity: Option<EntityId>,
}

pub(crate) struct SentenceView<'a> {
    pub words: Vec<Word<'a>>,
    pub names: Vec<Name>,
}

impl<'a> SentenceView<'a> {
    /// The view of sentence `index` of `doc` (empty when there is no such sentence).
    pub fn new(doc: &'a Document, index: usize) -> Self {
        let Some(sentence) = doc.segmentation.sentences.get(index) else {
            return SentenceView {
                words: Vec::new(),
                names: Vec::new(),
            };
        };
        let words: Vec<Word<'a>> = doc
            .segmentation
            .sentence_tokens(sentence)
            .iter()
            .map(|token| {
                let text = token.span.text(&doc.text).unwrap_or("");
                Word {
                    span: token.span,
                    text,
                    lower: text.to_lowercase(),
                }
            })
            .collect();
        let mut names = Vec::new();
        for mention in &doc.mentions {
            if !mention.kind.is_name() || !sentence.span.contains(&mention.span) {
                continue;
            }
            let first = words.partition_point(|w| w.span.end <= mention.span.start);
            let last = words.partition_point(|w| w.span.start < mention.span.end);
            if first >= last {
                continue;
            }
            names.push(Name {
                first,
                last: last - 1,
                kind: mention.kind,
                entity: entity_of(doc, mention.span),
            });
        }
        SentenceView { words, names }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn lower(&self, at: usize) -> &str {
        self.words.get(at).map_or("", |w| w.lower.as_str())
    }

    /// Whether the words from `at` on are `phrase`.
    pub fn matches(&self, at: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, p)| self.words.get(at + k).is_some_and(|w| w.lower == *p))
    }

    /// The name mention covering token `at`.
    pub fn name_at(&self, at: usize) -> Option<&Name> {
        self.names.iter().find(|n| n.first <= at && at <= n.last)
    }

    /// The name mention ending at token `at`.
    pub fn name_ending(&self, at: usize) -> Option<&Name> {
        self.names.iter().find(|n| n.last == at)
    }

    pub fn span(&self, first: usize, last: usize) -> Span {
        match (self.words.get(first), self.words.get(last)) {
            (Some(a), Some(b)) => Span {
                start: a.span.start,
                end: b.span.end,
            },
            _ => Span::default_empty(),
        }
    }

    pub fn is_punct(&self, at: usize) -> bool {
        self.words
            .get(at)
            .is_none_or(|w| !w.text.chars().any(char::is_alphanumeric))
    }
}

/// An empty span for views that have no words.
trait EmptySpan {
    fn default_empty() -> Self;
}

impl EmptySpan for Span {
    fn default_empty() -> Self {
        Span { start: 0, end: 0 }
    }
}

/// The entity one of whose mentions is exactly `span`, or covers it.
pub(crate) fn entity_of(doc: &Document, span: Span) -> Option<EntityId> {
    let exact = doc
        .entities
        .iter()
        .position(|e| e.mentions.contains(&span))
        .or_else(|| {
            doc.entities
                .iter()
                .position(|e| e.mentions.iter().any(|m| m.contains(&span)))
        })?;
    EntityId::try_from(exact).ok()
}

/// The index of the sentence holding byte `at`, if any.
pub(crate) fn sentence_at(doc: &Document, at: u32) -> Option<usize> {
    let sentences = &doc.segmentation.sentences;
    let index = sentences.partition_point(|s| s.span.end <= at);
    sentences
        .get(index)
        .filter(|s| s.span.start <= at)
        .map(|_| index)
}
