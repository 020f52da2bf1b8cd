//! A token view of a document for the event rules, built once per document: each token's
//! lowercase form (all in one buffer), and the name mentions located by token with their
//! entities.

use tessera_doc::{Document, EntityId, MentionKind, Span, TokenKind};

/// A name mention (PER, ORG, LOC, MISC) located by token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Name {
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
    pub span: Span,
    pub entity: Option<EntityId>,
}

pub(crate) struct Words<'a> {
    pub doc: &'a Document,
    lower: String,
    /// Byte ranges of each token's lowercase form in `lower`.
    ranges: Vec<(u32, u32)>,
    pub names: Vec<Name>,
    /// For each token, the index of the name covering it (or `u32::MAX`).
    name_at: Vec<u32>,
}

const NO_NAME: u32 = u32::MAX;

impl<'a> Words<'a> {
    pub fn new(doc: &'a Document) -> Self {
        let tokens = &doc.segmentation.tokens;
        let mut lower = String::with_capacity(doc.text.len());
        let mut ranges = Vec::with_capacity(tokens.len());
        for token in tokens {
            let start = lower.len() as u32;
            let text = token.span.text(&doc.text).unwrap_or("");
            if text.is_ascii() {
                lower.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower.extend(text.chars().flat_map(char::to_lowercase));
            }
            ranges.push((start, lower.len() as u32));
        }
        let mut name_at = vec![NO_NAME; tokens.len()];
        let mut names = Vec::new();
        let entity_of = entity_index(doc);
        for mention in doc.mentions.iter().filter(|m| m.kind.is_name()) {
            let first = tokens.partition_point(|t| t.span.end <= mention.span.start);
            let end = tokens.partition_point(|t| t.span.start < mention.span.end);
            if first >= end {
                continue;
            }
            let index = names.len() as u32;
            for slot in &mut name_at[first..end] {
                *slot = index;
            }
            names.push(Name {
                first,
                last: end - 1,
                kind: mention.kind,
                span: mention.span,
                entity: entity_of(mention.span),
            });
        }
        Words {
            doc,
            lower,
            ranges,
            names,
            name_at,
        }
    }

    /// The lowercase form of token `at` ("" past the end).
    pub fn lower(&self, at: usize) -> &str {
        self.ranges
            .get(at)
            .and_then(|&(s, e)| self.lower.get(s as usize..e as usize))
            .unwrap_or("")
    }

    /// The token's text as written.
    pub fn text(&self, at: usize) -> &'a str {
        let doc: &'a Document = self.doc;
        doc.segmentation
            .tokens
            .get(at)
            .and_then(|t| t.span.text(&doc.text).ok())
            .unwrap_or("")
    }

    pub fn span(&self, first: usize, last: usize) -> Span {
        let tokens = &self.doc.segmentation.tokens;
        match (tokens.get(first), tokens.get(last)) {
            (Some(a), Some(b)) => Span {
                start: a.span.start,
                end: b.span.end,
            },
            _ => Span { start: 0, end: 0 },
        }
    }

    pub fn is_punct(&self, at: usize) -> bool {
        self.doc
            .segmentation
            .tokens
            .get(at)
            .is_none_or(|t| matches!(t.kind, TokenKind::Punct | TokenKind::Symbol))
    }

    pub fn is_word(&self, at: usize) -> bool {
        self.doc
            .segmentation
            .tokens
            .get(at)
            .is_some_and(|t| t.kind == TokenKind::Word)
    }

    pub fn is_capitalised(&self, at: usize) -> bool {
        self.text(at).chars().next().is_some_and(char::is_uppercase)
    }

    pub fn name_at(&self, at: usize) -> Option<&Name> {
        let index = *self.name_at.get(at)?;
        self.names.get(index as usize)
    }

    /// The text of tokens `first..=last`, joined as written (original spacing).
    pub fn slice(&self, first: usize, last: usize) -> &'a str {
        let doc: &'a Document = self.doc;
        self.span(first, last).text(&doc.text).unwrap_or("")
    }
}

/// A lookup from a mention span to the entity it belongs to, built once.
fn entity_index(doc: &Document) -> impl Fn(Span) -> Option<EntityId> + '_ {
    let mut by_span: Vec<(Span, EntityId)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .map(move |m| (*m, EntityId::try_from(i).unwrap_or(EntityId::MAX)))
        })
        .collect();
    by_span.sort_by_key(|(s, _)| *s);
    move |span: Span| {
        let at = by_span.partition_point(|(s, _)| *s < span);
        by_span
            .get(at)
            .filter(|(s, _)| *s == span)
            .map(|(_, id)| *id)
            .or_else(|| {
                // A mention inside a longer entity mention ("Cervantes" in a merged span).
                by_span
                    .iter()
                    .find(|(s, _)| s.contains(&span))
                    .map(|(_, id)| *id)
            })
            .filter(|id| *id != EntityId::MAX)
    }
}
