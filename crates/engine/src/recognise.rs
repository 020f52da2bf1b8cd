//! The recognition stage: named-entity mentions from the language's model.

use crate::truecase::truecased;
use tessera_doc::{DocView, Document, Lang, Mention, MentionKind, Span};
use tessera_geo::Gazetteer;
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
            english: load(Lang::EN)?,
            spanish: load(Lang::ES)?,
        })
    }

    pub fn for_language(&self, lang: Lang) -> Option<&Model> {
        match lang {
            Lang::EN => self.english.as_ref(),
            Lang::ES => self.spanish.as_ref(),
            _ => None,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.english.is_none() && self.spanish.is_none()
    }
}

/// Adds PER/ORG/LOC/MISC mentions to `doc`, or records why it could not: text in a language
/// without a model is marked unsupported rather than tagged with the wrong model.
pub fn recognise(doc: &mut Document, recognisers: &Recognisers, gazetteer: Option<&Gazetteer>) {
    if recognisers.is_empty() {
        return;
    }
    let Some(lang) = doc.lang() else {
        doc.unsupported = Some("the language could not be detected".into());
        return;
    };
    let Some(model) = recognisers.for_language(lang) else {
        doc.unsupported = Some(format!("no named-entity model for language \"{lang}\""));
        return;
    };
    let seg = &doc.segmentation;
    // Sentences written all in capitals or without capitals are shown to the tagger with the
    // case a reader would restore.
    let view = DocView::new(doc);
    let restored: Vec<Option<Vec<String>>> = (0..seg.sentences.len())
        .map(|index| truecased(&view, view.sentence_tokens(index), gazetteer))
        .collect();
    let sentences: Vec<Vec<&str>> = seg
        .sentences
        .iter()
        .zip(&restored)
        .map(|(s, restored)| match restored {
            Some(words) => words.iter().map(String::as_str).collect(),
            None => seg
                .sentence_tokens(s)
                .iter()
                .map(|t| t.span.text(&doc.text).unwrap_or(""))
                .collect(),
        })
        .collect();
    let tags = model.tag_document(&sentences);
    drop(view);
    let mut mentions = Vec::new();
    for (((sentence, tags), shown), restored) in seg
        .sentences
        .iter()
        .zip(&tags)
        .zip(&sentences)
        .zip(&restored)
    {
        let tokens = seg.sentence_tokens(sentence);
        let mut open: Option<(usize, EntityType)> = None;
        for (index, tag) in tags
            .iter()
            .enumerate()
            .chain(std::iter::once((tokens.len(), &Tag::Outside)))
        {
            // "Guardia Nacional patrullan Tierra Blanca": a common lower-case word ends a name
            // (where the writer's case can be trusted).
            let tag = match shown.get(index) {
                Some(word)
                    if restored.is_none() && !matches!(tag, Tag::Outside) && breaks_name(word) =>
                {
                    &Tag::Outside
                }
                _ => tag,
            };
            let continues = matches!((tag, open), (Tag::Inside(kind), Some((_, open_kind))) if *kind == open_kind);
            if continues {
                continue;
            }
            if let Some((start, kind)) = open.take() {
                // "the Union's Local 1702": the possessive ending is no part of the name.
                let mut end = index - 1;
                if end > start
                    && matches!(
                        tokens[end].span.text(&doc.text).unwrap_or(""),
                        "'s" | "’s" | "'" | "’"
                    )
                {
                    end -= 1;
                }
                let (first, last) = (tokens[start].span, tokens[end].span);
                let span = Span {
                    start: first.start,
                    end: last.end,
                };
                mentions.push(Mention::new(span, mention_kind(kind)));
            }
            // A name opens on a word of its own, not on a connector left after a break.
            let connector = restored.is_none()
                && matches!(tag, Tag::Inside(_))
                && shown
                    .get(index)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
            if let Tag::Begin(kind) | Tag::Inside(kind) = tag
                && !connector
            {
                open = Some((index, *kind));
            }
        }
    }
    type_defined_acronyms(&doc.text, &mut mentions);
    dateline_mentions(doc, &mut mentions);
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    crate::unit_names::add_numbered_units(&doc.text, &doc.segmentation.tokens, &mut mentions);
    crate::org_names::join_cut_organisations(&doc.text, &mut mentions, gazetteer);
    crate::unit_splits::split_units_of_bodies(&doc.text, &doc.segmentation.tokens, &mut mentions);
    crate::place_names::split_town_from_neighbourhood(
        &doc.text,
        &doc.segmentation.tokens,
        &mut mentions,
        gazetteer,
    );
    crate::place_names::repair_place_mentions(
        &doc.text,
        &doc.segmentation.tokens,
        &mut mentions,
        gazetteer,
    );
    crate::facility_names::complete_facility_names(
        &doc.text,
        &doc.segmentation.tokens,
        &mut mentions,
    );
    doc.mentions.extend(mentions);
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
}

/// Lower-case words that may stand inside a name: connectors ("Port of Entry", "Frente de
/// Liberación", "Movimiento por la Paz"), articles and particles of surnames ("bin", "van").
const NAME_CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "to", "de", "del", "la", "las", "los", "el", "y",
    "e", "en", "para", "por", "a", "al", "con", "contra", "sin", "sobre", "da", "das", "do", "dos",
    "du", "le", "van", "von", "der", "den", "bin", "ibn", "bint", "ben", "ould", "ag", "ul", "ud",
    "di", "della", "dei", "des", "su", "sus", "its", "their", "número", "no",
];

/// Whether a word as the tagger saw it cannot be part of a name: a lower-case word of letters
/// that is no connector.
fn breaks_name(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().all(char::is_alphabetic)
        && !NAME_CONNECTORS.contains(&word)
        // "banda Los Correcaminos": the group noun is trimmed later, keeping the group's kind.
        && !crate::place_names::GROUP_NOUNS.contains(&word)
}

/// A wire dateline names its city and state (places) and its agency (an organisation), whatever
/// the tagger made of them in capitals ("MOGADISHU (REUTERS) -" gives no place REUTERS).
fn dateline_mentions(doc: &Document, mentions: &mut Vec<Mention>) {
    let Some(dateline) = &doc.dateline else {
        return;
    };
    let mut set = |span: Span, kind: MentionKind| {
        mentions.retain(|m| m.span.end <= span.start || m.span.start >= span.end);
        mentions.push(Mention::new(span, kind));
    };
    if let Some(agency) = dateline.agency {
        set(agency, MentionKind::Org);
    }
    set(dateline.place, MentionKind::Loc);
    for region in &dateline.regions {
        set(*region, MentionKind::Loc);
    }
}

/// An acronym defined in brackets right after a name ("Jalisco New Generation Cartel [CJNG]",
/// "Fiscalía General de la República (FGR)") names the same thing, so it takes that name's kind,
/// and so does every other mention of the acronym in the document. The tagger sees the acronym
/// alone and often calls it MISC.
fn type_defined_acronyms(text: &str, mentions: &mut [Mention]) {
    let mut defined: Vec<(String, MentionKind)> = Vec::new();
    for pair in mentions.windows(2) {
        let (name, short) = (pair[0], pair[1]);
        let between = text.get(name.span.end as usize..short.span.start as usize);
        let after = text
            .get(short.span.end as usize..)
            .and_then(|rest| rest.chars().next());
        let bracketed =
            matches!(between.map(str::trim), Some("(" | "[")) && matches!(after, Some(')' | ']'));
        let Ok(acronym) = short.span.text(text) else {
            continue;
        };
        if bracketed && is_acronym(acronym) && name.kind != short.kind {
            defined.push((acronym.to_string(), name.kind));
        }
    }
    for (acronym, kind) in defined {
        for mention in mentions.iter_mut() {
            if mention.span.text(text) == Ok(acronym.as_str()) {
                mention.kind = kind;
            }
        }
    }
}

/// Two or more capitals, with digits, dots or hyphens allowed: "CJNG", "JITF-CC", "EE.UU.".
fn is_acronym(word: &str) -> bool {
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    capitals >= 2
        && word
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

fn mention_kind(kind: EntityType) -> MentionKind {
    match kind {
        EntityType::Per => MentionKind::Per,
        EntityType::Org => MentionKind::Org,
        EntityType::Loc => MentionKind::Loc,
        EntityType::Misc => MentionKind::Misc,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, needle: &str, from: usize, kind: MentionKind) -> Mention {
        let start = text[from..].find(needle).map(|i| i + from).unwrap_or(0);
        Mention::new(Span::new(start, start + needle.len()), kind)
    }

    #[test]
    fn a_bracketed_acronym_takes_the_kind_of_the_name_it_follows() {
        let text =
            "the Jalisco New Generation Cartel [CJNG] said. Later the CJNG attacked (NOT IT).";
        let mut mentions = vec![
            mention(text, "Jalisco New Generation Cartel", 0, MentionKind::Org),
            mention(text, "CJNG", 0, MentionKind::Misc),
            mention(text, "CJNG", 45, MentionKind::Misc),
        ];
        type_defined_acronyms(text, &mut mentions);
        assert!(
            mentions.iter().all(|m| m.kind == MentionKind::Org),
            "{mentions:?}"
        );
    }

    #[test]
    fn words_that_are_not_acronyms_or_not_bracketed_keep_their_kind() {
        let text = "Reuters (Madrid) and Pemex, OPEC said.";
        let mut mentions = vec![
            mention(text, "Reuters", 0, MentionKind::Org),
            mention(text, "Madrid", 0, MentionKind::Loc),
            mention(text, "Pemex", 0, MentionKind::Org),
            mention(text, "OPEC", 0, MentionKind::Misc),
        ];
        type_defined_acronyms(text, &mut mentions);
        assert_eq!(mentions[1].kind, MentionKind::Loc);
        assert_eq!(mentions[3].kind, MentionKind::Misc);
    }
}
