//! The borrowed view of a document that every stage reads: tokens by index with their
//! attributes (from the [`TokenTable`] computed once), and the name mentions located by token
//! with the entity each refers to (spaCy's `Token`, `Span` and `Span.ent_id`).

use crate::{
    Case, Document, Entity, EntityId, MentionKind, Place, Span, Token, TokenKind, TokenTable,
};
use std::borrow::Cow;
use std::ops::Range;

/// A name mention (PER, ORG, LOC, MISC) located by token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name {
    /// The first and last token it covers (inclusive).
    pub first: usize,
    pub last: usize,
    pub kind: MentionKind,
    pub span: Span,
    /// The entity it refers to, once entities are resolved.
    pub entity: Option<EntityId>,
}

impl Name {
    pub fn tokens(&self) -> Range<usize> {
        self.first..self.last + 1
    }
}

/// One token with its attributes, borrowed from a [`DocView`] (spaCy's `Token`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenRef<'v> {
    pub index: usize,
    pub span: Span,
    pub kind: TokenKind,
    /// As written.
    pub text: &'v str,
    /// In lowercase, accents kept.
    pub lower: &'v str,
    /// Folded: lowercase without accents.
    pub norm: &'v str,
    pub case: Case,
    /// The index of its sentence.
    pub sentence: usize,
}

impl TokenRef<'_> {
    /// Starts with a capital ("Jalisco", "CJNG"; not "¿Qué" or "iPhone").
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The possessive ending split off a name: "'s", "’s", "'S" (in all-caps text).
    pub fn is_possessive(&self) -> bool {
        matches!(self.lower, "'s" | "’s")
    }

    /// Whether its lowercase form is one of `words`.
    pub fn is(&self, words: &[&str]) -> bool {
        words.contains(&self.lower)
    }
}

const NO_NAME: u32 = u32::MAX;

/// Tokens, their attributes and the names over them, borrowed from a document.
pub struct DocView<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    doc: Option<&'a Document>,
    table: Cow<'a, TokenTable>,
    names: Vec<Name>,
    /// For each token, the index of the name covering it (or `NO_NAME`).
    name_at: Vec<u32>,
}

impl<'a> DocView<'a> {
    /// The view of `doc` as it stands: its tokens and its name mentions so far.
    pub fn new(doc: &'a Document) -> Self {
        let tokens = doc.segmentation.tokens.as_slice();
        let table = if doc.token_table.len() == tokens.len() {
            Cow::Borrowed(&doc.token_table)
        } else {
            // Documents built by hand (tests, stores) have no table yet.
            Cow::Owned(TokenTable::build(&doc.text, &doc.segmentation))
        };
        let mut view = DocView {
            text: &doc.text,
            tokens,
            doc: Some(doc),
            table,
            names: Vec::new(),
            name_at: vec![NO_NAME; tokens.len()],
        };
        for mention in doc.mentions.iter().filter(|m| m.kind.is_name()) {
            let Some(range) = view.token_range(mention.span) else {
                continue;
            };
            let index = view.names.len() as u32;
            for slot in &mut view.name_at[range.clone()] {
                *slot = index;
            }
            view.names.push(Name {
                first: range.start,
                last: range.end - 1,
                kind: mention.kind,
                span: mention.span,
                entity: mention.entity,
            });
        }
        view
    }

    /// A view of bare tokens over `text`, with no document, sentences or names.
    pub fn of_tokens(text: &'a str, tokens: &'a [Token]) -> Self {
        DocView {
            text,
            tokens,
            doc: None,
            table: Cow::Owned(TokenTable::of_tokens(text, tokens)),
            names: Vec::new(),
            name_at: vec![NO_NAME; tokens.len()],
        }
    }

    /// The document viewed, unless the view was made of bare tokens.
    pub fn doc(&self) -> Option<&'a Document> {
        self.doc
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Entity `id` of the document.
    pub fn entity(&self, id: EntityId) -> Option<&'a Entity> {
        self.doc?.entities.get(id as usize)
    }

    /// The gazetteer place the mention at exactly `span` was resolved to.
    pub fn place_at(&self, span: Span) -> Option<&'a Place> {
        let places = &self.doc?.places;
        let at = places.partition_point(|g| g.span < span);
        places.get(at).filter(|g| g.span == span).map(|g| &g.place)
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token `at` with its attributes.
    pub fn get(&self, at: usize) -> Option<TokenRef<'_>> {
        let token = self.tokens.get(at)?;
        Some(TokenRef {
            index: at,
            span: token.span,
            kind: token.kind,
            text: self.text(at),
            lower: self.lower(at),
            norm: self.norm(at),
            case: self.case(at),
            sentence: self.sentence_of(at),
        })
    }

    /// Every token with its attributes, in order.
    pub fn iter(&self) -> impl Iterator<Item = TokenRef<'_>> + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Whether tokens `a` and `b` are in the same sentence.
    pub fn same_sentence(&self, a: usize, b: usize) -> bool {
        a < self.len() && b < self.len() && self.sentence_of(a) == self.sentence_of(b)
    }

    /// The token's text as written ("" past the end).
    pub fn text(&self, at: usize) -> &'a str {
        let text: &'a str = self.text;
        self.tokens
            .get(at)
            .and_then(|t| text.get(t.span.range()))
            .unwrap_or("")
    }

    /// The dependency syntax of token `at`, if its sentence was parsed.
    pub fn dependency(&self, at: usize) -> Option<crate::Dependency> {
        self.doc.and_then(|d| d.syntax.get(at))
    }

    /// The relation of token `at` to its head ("nsubj", "obj"; "" when unparsed).
    pub fn relation(&self, at: usize) -> &str {
        self.doc.map_or("", |d| d.syntax.relation(at))
    }

    /// The tokens of `range` whose head is token `at`, in text order.
    pub fn dependents(&self, at: usize, range: Range<usize>) -> Vec<usize> {
        self.doc
            .map(|d| d.syntax.dependents(at, range))
            .unwrap_or_default()
    }

    /// The token in lowercase, accents kept.
    pub fn lower(&self, at: usize) -> &str {
        self.table.lower(at)
    }

    /// The token folded: lowercase without accents (see [`crate::fold`]).
    pub fn norm(&self, at: usize) -> &str {
        self.table.norm(at)
    }

    pub fn case(&self, at: usize) -> Case {
        self.table.case(at)
    }

    pub fn kind(&self, at: usize) -> Option<TokenKind> {
        self.tokens.get(at).map(|t| t.kind)
    }

    pub fn token_span(&self, at: usize) -> Option<Span> {
        self.tokens.get(at).map(|t| t.span)
    }

    /// The index of the sentence holding token `at` (`usize::MAX` past the end).
    pub fn sentence_of(&self, at: usize) -> usize {
        self.table.sentence(at)
    }

    /// The tokens of sentence `index` (empty when there is no such sentence).
    pub fn sentence_tokens(&self, index: usize) -> Range<usize> {
        let Some(sentence) = self.doc.and_then(|d| d.segmentation.sentences.get(index)) else {
            return 0..0;
        };
        let start = (sentence.first_token as usize).min(self.len());
        let end = (start + sentence.token_count as usize).min(self.len());
        start..end
    }

    /// Whether token `at` starts with a capital ("Jalisco", "CJNG"; not "¿Qué" or "iPhone").
    pub fn is_capitalised(&self, at: usize) -> bool {
        self.text(at).chars().next().is_some_and(char::is_uppercase)
    }

    /// Punctuation or a symbol; also true past the end, where a phrase stops as at a comma.
    pub fn is_punct(&self, at: usize) -> bool {
        self.kind(at)
            .is_none_or(|k| matches!(k, TokenKind::Punct | TokenKind::Symbol))
    }

    pub fn is_word(&self, at: usize) -> bool {
        self.kind(at) == Some(TokenKind::Word)
    }

    /// Whether the tokens from `at` on are `phrase`, compared in lowercase.
    pub fn matches_lower(&self, at: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| at + k < self.len() && self.lower(at + k) == *word)
    }

    /// Whether the tokens from `at` on fold to `phrase` (given folded).
    pub fn matches_norm(&self, at: usize, phrase: &[&str]) -> bool {
        phrase
            .iter()
            .enumerate()
            .all(|(k, word)| at + k < self.len() && self.norm(at + k) == *word)
    }

    /// The span from token `first` to token `last`, inclusive (empty at `first` when `last`
    /// is out of range).
    pub fn span(&self, first: usize, last: usize) -> Span {
        let start = self.tokens.get(first).map_or(0, |t| t.span.start);
        let end = self.tokens.get(last).map_or(start, |t| t.span.end);
        Span { start, end }
    }

    /// The text of tokens `first..=last` as written (original spacing).
    pub fn slice(&self, first: usize, last: usize) -> &'a str {
        let text: &'a str = self.text;
        text.get(self.span(first, last).range()).unwrap_or("")
    }

    /// The text of tokens `first..=last` with line breaks and runs of spaces as one space
    /// (a name broken over a line reads as one line).
    pub fn words(&self, first: usize, last: usize) -> String {
        collapse_whitespace(self.slice(first, last))
    }

    /// The tokens a span covers, at least partly (`None` when it covers none).
    pub fn token_range(&self, span: Span) -> Option<Range<usize>> {
        let first = self.tokens.partition_point(|t| t.span.end <= span.start);
        let end = self.tokens.partition_point(|t| t.span.start < span.end);
        (first < end).then_some(first..end)
    }

    /// The token that starts exactly at byte `offset`.
    pub fn starting_at(&self, offset: u32) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.start < offset);
        (self.tokens.get(i)?.span.start == offset).then_some(i)
    }

    /// The token that ends exactly at byte `offset`.
    pub fn ending_at(&self, offset: u32) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end < offset);
        (self.tokens.get(i)?.span.end == offset).then_some(i)
    }

    /// The name mentions, in text order.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The name mention covering token `at`.
    pub fn name_at(&self, at: usize) -> Option<&Name> {
        let index = *self.name_at.get(at)?;
        self.names.get(index as usize)
    }

    /// The index (in [`DocView::names`]) of the name mention that starts at token `at`.
    pub fn name_starting(&self, at: usize) -> Option<usize> {
        let index = *self.name_at.get(at)? as usize;
        self.names
            .get(index)
            .filter(|n| n.first == at)
            .map(|_| index)
    }

    /// The name mention that ends at token `at`.
    pub fn name_ending(&self, at: usize) -> Option<&Name> {
        self.name_at(at).filter(|n| n.last == at)
    }
}

/// One sentence of a [`DocView`], indexed from its first token (spaCy's sentence `Span`).
#[derive(Clone, Copy)]
pub struct SentenceView<'v, 'a> {
    view: &'v DocView<'a>,
    first: usize,
    end: usize,
}

impl<'v, 'a> SentenceView<'v, 'a> {
    /// Sentence `index` of the document (empty when there is no such sentence).
    pub fn new(view: &'v DocView<'a>, index: usize) -> Self {
        let range = view.sentence_tokens(index);
        SentenceView {
            view,
            first: range.start,
            end: range.end,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.first
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.first
    }

    /// The document index of the sentence's token `at`, if it is in the sentence.
    fn absolute(&self, at: usize) -> Option<usize> {
        (at < self.len()).then_some(self.first + at)
    }

    pub fn text(&self, at: usize) -> &'a str {
        self.absolute(at).map_or("", |i| self.view.text(i))
    }

    pub fn lower(&self, at: usize) -> &'v str {
        self.absolute(at).map_or("", |i| self.view.lower(i))
    }

    pub fn norm(&self, at: usize) -> &'v str {
        self.absolute(at).map_or("", |i| self.view.norm(i))
    }

    pub fn token_span(&self, at: usize) -> Option<Span> {
        self.absolute(at).and_then(|i| self.view.token_span(i))
    }

    /// Punctuation or a symbol; true past the sentence's end.
    pub fn is_punct(&self, at: usize) -> bool {
        self.absolute(at).is_none_or(|i| self.view.is_punct(i))
    }

    /// Whether the words from `at` on are `phrase`, compared in lowercase.
    pub fn matches(&self, at: usize, phrase: &[&str]) -> bool {
        at + phrase.len() <= self.len() && self.view.matches_lower(self.first + at, phrase)
    }

    /// The span of the sentence's tokens `first..=last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        match (self.absolute(first), self.absolute(last)) {
            (Some(a), Some(b)) => self.view.span(a, b),
            _ => Span { start: 0, end: 0 },
        }
    }

    /// A name of the document as the sentence indexes it (`None` if it leaves the sentence).
    fn relative(&self, name: &Name) -> Option<Name> {
        (name.first >= self.first && name.last < self.end).then(|| Name {
            first: name.first - self.first,
            last: name.last - self.first,
            ..*name
        })
    }

    /// The name mentions inside the sentence, indexed from its first token.
    pub fn names(&self) -> impl Iterator<Item = Name> + '_ {
        let names = self.view.names();
        let start = names.partition_point(|n| n.first < self.first);
        names[start..]
            .iter()
            .take_while(|n| n.first < self.end)
            .filter_map(|n| self.relative(n))
    }

    /// The name mention covering the sentence's token `at`.
    pub fn name_at(&self, at: usize) -> Option<Name> {
        self.view
            .name_at(self.absolute(at)?)
            .and_then(|n| self.relative(n))
    }

    /// The name mention ending at the sentence's token `at`.
    pub fn name_ending(&self, at: usize) -> Option<Name> {
        self.name_at(at).filter(|n| n.last == at)
    }
}

/// Words broken over lines or spaced out ("Jalisco New\nGeneration Cartel") as one line.
pub fn collapse_whitespace(words: &str) -> String {
    let mut out = String::with_capacity(words.len());
    for word in words.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entity, Mention, Metadata, Origin, SourceRecord};

    fn doc_with_names() -> Document {
        let text = "Troops of the CJNG met Ana Ruiz.";
        let mut doc = Document::from_record(SourceRecord {
            origin: Origin::file("t"),
            meta: Metadata::default(),
            text: text.into(),
        });
        let mut tokens = Vec::new();
        let mut at = 0;
        for word in ["Troops", "of", "the", "CJNG", "met", "Ana", "Ruiz", "."] {
            let start = text[at..].find(word).map_or(0, |i| i + at);
            at = start + word.len();
            tokens.push(Token {
                span: Span::new(start, at),
                kind: if word == "." {
                    TokenKind::Punct
                } else {
                    TokenKind::Word
                },
            });
        }
        let sentence = crate::Sentence {
            span: Span::new(0, text.len()),
            first_token: 0,
            token_count: tokens.len() as u32,
        };
        doc.set_segmentation(crate::Segmentation {
            sentences: vec![sentence],
            tokens,
        });
        let ana = Span::new(23, 31);
        doc.mentions = vec![
            Mention::new(Span::new(14, 18), MentionKind::Org),
            Mention {
                entity: Some(0),
                ..Mention::new(ana, MentionKind::Per)
            },
        ];
        doc.entities.push(Entity::new(MentionKind::Per, "Ana Ruiz"));
        doc
    }

    #[test]
    fn tokens_names_and_entities_by_index() {
        let doc = doc_with_names();
        let view = DocView::new(&doc);
        assert_eq!(view.len(), 8);
        assert_eq!(view.text(3), "CJNG");
        assert_eq!(view.lower(3), "cjng");
        assert!(view.is_capitalised(3) && !view.is_capitalised(1));
        assert!(view.is_punct(7) && view.is_punct(99) && view.is_word(0));
        assert_eq!(view.names().len(), 2);
        let ana = view.name_at(6).copied();
        assert_eq!(
            ana.map(|n| (n.first, n.last, n.entity)),
            Some((5, 6, Some(0)))
        );
        assert_eq!(view.name_starting(5), Some(1));
        assert_eq!(view.name_starting(6), None);
        assert!(view.name_ending(6).is_some() && view.name_ending(5).is_none());
        assert_eq!(view.slice(5, 6), "Ana Ruiz");
        assert!(view.matches_lower(1, &["of", "the", "cjng"]));
        assert!(!view.matches_lower(6, &["ruiz", ".", "x"]));
        assert_eq!(view.sentence_tokens(0), 0..8);
        assert_eq!(view.sentence_of(4), 0);
        assert_eq!(view.starting_at(23), Some(5));
        assert_eq!(view.ending_at(31), Some(6));
    }

    #[test]
    fn a_sentence_indexes_from_its_first_token() {
        let doc = doc_with_names();
        let view = DocView::new(&doc);
        let sentence = SentenceView::new(&view, 0);
        assert_eq!(sentence.len(), 8);
        assert_eq!(sentence.lower(3), "cjng");
        assert!(sentence.matches(5, &["ana", "ruiz"]) && !sentence.matches(7, &[".", "x"]));
        assert_eq!(sentence.name_ending(6).map(|n| n.first), Some(5));
        assert_eq!(sentence.names().count(), 2);
        assert!(sentence.is_punct(8) && SentenceView::new(&view, 3).is_empty());
    }

    #[test]
    fn whitespace_collapses() {
        assert_eq!(
            collapse_whitespace(" Jalisco New\nGeneration  Cartel "),
            "Jalisco New Generation Cartel"
        );
    }
}
