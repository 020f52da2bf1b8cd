//! The syntax stage: parses the sentences the event coder will read (those with an event cue)
//! and records each token's tag, head and relation in the document's syntax layer. Sentences
//! without a cue are left unparsed: nothing reads their syntax, and parsing is the costliest
//! step per word.

use std::sync::Arc;

use crate::truecase::truecased;
use tessera_doc::{Dependency, DocView, Document, Lang, Syntax};
use tessera_geo::Gazetteer;
use tessera_parse::{ParseError, SyntaxModel, UPOS};

/// The shipped syntax models, by language.
#[derive(Debug, Default)]
pub struct Parsers {
    english: Option<(SyntaxModel, Arc<[String]>)>,
    spanish: Option<(SyntaxModel, Arc<[String]>)>,
}

impl Parsers {
    /// The models shipped inside the binary.
    pub fn embedded() -> Result<Parsers, ParseError> {
        let load = |lang| -> Result<_, ParseError> {
            let model = SyntaxModel::embedded(lang)?;
            let relations: Arc<[String]> = model.relations().into();
            Ok(Some((model, relations)))
        };
        Ok(Parsers {
            english: load(Lang::EN)?,
            spanish: load(Lang::ES)?,
        })
    }

    fn for_language(&self, lang: Lang) -> Option<&(SyntaxModel, Arc<[String]>)> {
        match lang {
            Lang::EN => self.english.as_ref(),
            Lang::ES => self.spanish.as_ref(),
            _ => None,
        }
    }
}

/// Spanish contractions the treebank splits into two syntactic words.
fn split_contraction(lower: &str) -> Option<[&'static str; 2]> {
    match lower {
        "del" => Some(["de", "el"]),
        "al" => Some(["a", "el"]),
        _ => None,
    }
}

/// Parses `sentences` (indices) of `doc` into its syntax layer. Sentences written without
/// case are shown to the parser with the case a reader would restore, as to the name tagger.
pub fn parse_sentences(
    doc: &mut Document,
    parsers: &Parsers,
    sentences: &[usize],
    gazetteer: Option<&Gazetteer>,
) {
    let Some((model, relations)) = doc.lang().and_then(|lang| parsers.for_language(lang)) else {
        return;
    };
    let restored: Vec<Option<Vec<String>>> = {
        let view = DocView::new(doc);
        sentences
            .iter()
            .map(|&index| truecased(&view, view.sentence_tokens(index), gazetteer))
            .collect()
    };
    // A wire dateline is metadata, not part of the first sentence: it is left unparsed so that
    // the sentence after it parses alone ("Culiacán, Sin., 4 de marzo.- Unos 200 migrantes").
    let dateline_end = doc.dateline.as_ref().map_or(0, |d| d.span.end);
    let mut syntax = Syntax::new(doc.segmentation.tokens.len(), relations.clone());
    let spanish = doc.lang() == Some(Lang::ES);
    let mut forms: Vec<&str> = Vec::new();
    let mut token_of: Vec<usize> = Vec::new();
    for (&index, restored) in sentences.iter().zip(&restored) {
        let Some(sentence) = doc.segmentation.sentences.get(index) else {
            continue;
        };
        let first = sentence.first_token as usize;
        let end = (first + sentence.token_count as usize).min(doc.segmentation.tokens.len());
        forms.clear();
        token_of.clear();
        for token in first..end {
            if doc.segmentation.tokens[token].span.start < dateline_end {
                continue;
            }
            let text = match restored {
                Some(words) => words.get(token - first).map_or("", String::as_str),
                None => doc.segmentation.tokens[token]
                    .span
                    .text(&doc.text)
                    .unwrap_or(""),
            };
            match split_contraction(doc.token_table.lower(token)).filter(|_| spanish) {
                Some(parts) => {
                    forms.extend(parts);
                    token_of.extend([token, token]);
                }
                None => {
                    forms.push(text);
                    token_of.push(token);
                }
            }
        }
        if forms.is_empty() {
            continue;
        }
        let analysis = model.analyse(&forms);
        for (word, &token) in token_of.iter().enumerate() {
            let head = analysis.heads[word].map(|h| token_of[h as usize]);
            // A contraction takes the syntax of its part attached outside it ("de" of "del").
            if head == Some(token) || syntax.tokens[token].is_some() {
                continue;
            }
            syntax.tokens[token] = Some(Dependency {
                tag: UPOS[usize::from(analysis.tags[word])],
                head: head.map(|h| h as u32),
                relation: analysis.relation_ids[word],
            });
        }
    }
    syntax.index_children();
    doc.syntax = syntax;
}
