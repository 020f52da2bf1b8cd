//! The recognition stage: named-entity mentions from the language's model.

use tessera_doc::{Document, Mention, MentionKind, Span};
use tessera_ner::{EntityType, Model, NerError, Tag};

/// The named-entity models, one per supported language, loaded once and shared by all workers.
#[derive(Debug, Default)]
pub struct Recognisers {
    english: Option<Model>,
    spanish: Option<Model>,
}

impl Recognisers {
    /// The models shipped inside the binary.
    pub fn embedded() -> Result<Self, NerError> {
        let load = |lang| Model::embedded(lang).transpose();
        Ok(Recognisers {
            english: load("en")?,
            spanish: load("es")?,
        })
    }

    pub fn for_language(&self, lang: &str) -> Option<&Model> {
        match lang {
            "en" => self.english.as_ref(),
            "es" => self.spanish.as_ref(),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.english.is_none() && self.spanish.is_none()
    }
}

/// Adds PER/ORG/LOC/MISC mentions to `doc`, or records why it could not: text in a language
/// without a model is marked unsupported rather than tagged with the wrong model.
pub fn recognise(doc: &mut Document, recognisers: &Recognisers) {
    let Some(lang) = doc.lang.as_ref().map(|l| l.code.clone()) else {
        doc.unsupported = Some("the language could not be detected".into());
        return;
    };
    let Some(model) = recognisers.for_language(&lang) else {
        doc.unsupported = Some(format!("no named-entity model for language \"{lang}\""));
        return;
    };
    let seg = &doc.segmentation;
    let sentences: Vec<Vec<&str>> = seg
        .sentences
        .iter()
        .map(|s| {
            seg.sentence_tokens(s)
                .iter()
                .map(|t| t.span.text(&doc.text).unwrap_or(""))
                .collect()
        })
        .collect();
    let tags = model.tag_document(&sentences);
    let mut mentions = Vec::new();
    for (sentence, tags) in seg.sentences.iter().zip(&tags) {
        let tokens = seg.sentence_tokens(sentence);
        let mut open: Option<(usize, EntityType)> = None;
        for (index, tag) in tags
            .iter()
            .enumerate()
            .chain(std::iter::once((tokens.len(), &Tag::Outside)))
        {
            let continues = matches!((tag, open), (Tag::Inside(kind), Some((_, open_kind))) if *kind == open_kind);
            if continues {
                continue;
            }
            if let Some((start, kind)) = open.take() {
                let (first, last) = (tokens[start].span, tokens[index - 1].span);
                mentions.push(Mention {
                    span: Span {
                        start: first.start,
                        end: last.end,
                    },
                    kind: mention_kind(kind),
                });
            }
            if let Tag::Begin(kind) | Tag::Inside(kind) = tag {
                open = Some((index, *kind));
            }
        }
    }
    doc.mentions.extend(mentions);
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

fn mention_kind(kind: EntityType) -> MentionKind {
    match kind {
        EntityType::Per => MentionKind::Per,
        EntityType::Org => MentionKind::Org,
        EntityType::Loc => MentionKind::Loc,
        EntityType::Misc => MentionKind::Misc,
    }
}
