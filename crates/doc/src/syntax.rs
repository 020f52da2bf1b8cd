//! The dependency-syntax layer: for each token of a parsed sentence, its part of speech, its
//! head and its relation to the head (Universal Dependencies names). Only the sentences a
//! later stage asked for are parsed; the others have no entry.

/// One token's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dependency {
    /// The universal part-of-speech tag ("NOUN", "VERB", ...).
    pub tag: &'static str,
    /// The head's token index; `None` for the sentence's root.
    pub head: Option<u32>,
    /// The relation to the head ("nsubj", "obl:agent", ...), an index into [`Syntax::relations`].
    pub relation: u16,
}

/// The syntax of the parsed sentences of a document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Syntax {
    /// Per token, when its sentence was parsed.
    pub tokens: Vec<Option<Dependency>>,
    /// Relation names, shared by every token.
    pub relations: std::sync::Arc<[String]>,
}

impl Syntax {
    /// An empty layer for `token_count` tokens with the relation names of a model.
    pub fn new(token_count: usize, relations: std::sync::Arc<[String]>) -> Syntax {
        Syntax {
            tokens: vec![None; token_count],
            relations,
        }
    }

    /// The syntax of token `index`, if its sentence was parsed.
    pub fn get(&self, index: usize) -> Option<Dependency> {
        self.tokens.get(index).copied().flatten()
    }

    /// The relation name of token `index` ("" when unparsed).
    pub fn relation(&self, index: usize) -> &str {
        self.get(index)
            .and_then(|d| self.relations.get(usize::from(d.relation)))
            .map_or("", String::as_str)
    }

    /// The tokens whose head is `index`, in text order, within `range`.
    pub fn dependents(&self, index: usize, range: std::ops::Range<usize>) -> Vec<usize> {
        range
            .filter(|&i| self.get(i).and_then(|d| d.head) == Some(index as u32))
            .collect()
    }
}
