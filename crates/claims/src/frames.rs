//! Reporting frames: "X said (that)", "X told Reuters", "according to X", "según X", "..., dijo
//! X", each with the sources it names and whether the fact follows it or comes before it.

use crate::lexicon::{
    ANONYMOUS_HEADS, ANONYMOUS_MARKS, AUDIENCES, AUXILIARIES, CueKind, DETERMINERS, INDEFINITE,
    MEDIA_WORDS, OFFICIAL_HEADS, OUTLETS, PHRASE_BREAKS, PRONOUNS, SOURCE_PREPOSITIONS,
    SPANISH_VERB_CUES, VERB_CUES,
};
use std::collections::HashMap;
use std::sync::LazyLock;
use tessera_doc::{Document, EntityId, MentionKind, SentenceView, Span};

/// What kind of source a link of the chain is: it decides how sure its word is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceClass {
    /// A named person or body, or an official description ("Mexican officials").
    Official,
    /// A news outlet or "media".
    Media,
    /// An unidentified source ("a former US official", "residents", "people familiar").
    Anonymous,
}

#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub entity: Option<EntityId>,
    pub name: String,
    pub span: Span,
    pub class: SourceClass,
}

/// One reporting frame in a sentence.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub cue: usize,
    pub kind: CueKind,
    /// Who speaks (innermost), then who they spoke to when that is an outlet ("told Reuters").
    pub sources: Vec<Source>,
    /// The speaker is a pronoun or unstated ("he said", "dijo"): the previous sentence's.
    pub continues: bool,
    /// The fact follows the frame ("X said that ..."); otherwise it comes before ("..., X said").
    pub prefix: bool,
    /// Tokens the frame itself covers (cue, speaker, listener), inclusive.
    pub first: usize,
    pub last: usize,
}

/// Every reporting frame of the sentence.
pub(crate) fn find_frames(doc: &Document, view: &SentenceView<'_, '_>) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut at = 0;
    while at < view.len() {
        if let Some(frame) = preposition_frame(doc, view, at).or_else(|| verb_frame(doc, view, at))
        {
            at = frame.cue + 1;
            frames.push(frame);
        } else {
            at += 1;
        }
    }
    frames
}

/// "according to X", "según X", "citing X".
fn preposition_frame(doc: &Document, view: &SentenceView<'_, '_>, at: usize) -> Option<Frame> {
    let phrase = SOURCE_PREPOSITIONS
        .iter()
        .find(|phrase| view.matches(at, phrase))?;
    let start = at + phrase.len();
    let (sources, last) = phrase_after(doc, view, start)?;
    let next = last + 1;
    Some(Frame {
        cue: at,
        kind: CueKind::Say,
        sources,
        continues: false,
        prefix: next < view.len() && !is_sentence_end(view, next),
        first: at,
        last,
    })
}

fn is_sentence_end(view: &SentenceView<'_, '_>, at: usize) -> bool {
    view.len() <= at || matches!(view.lower(at), "." | "!" | "?" | "\"" | "”" | "»")
}

/// A reporting verb with its speaker before it ("X said") or after it ("..., said X").
fn verb_frame(doc: &Document, view: &SentenceView<'_, '_>, at: usize) -> Option<Frame> {
    let lower = view.lower(at);
    let kind = *CUES.get(lower)?;
    let before = at.checked_sub(1).map_or("", |b| view.lower(b));
    // "the alleged leader", "was reported": a hedge, not a frame.
    if matches!(
        before,
        "the" | "a" | "an" | "was" | "were" | "is" | "are" | "be" | "been" | "its" | "his" | "her"
    ) {
        return None;
    }
    let mut first = at;
    let mut last = at;
    let mut continues = false;
    let mut sources = Vec::new();
    // The speaker before the verb, past auxiliaries ("have confirmed").
    let mut subject_end = at;
    while subject_end > 0 && AUXILIARIES.contains(&view.lower(subject_end - 1)) {
        subject_end -= 1;
    }
    let punct_before = subject_end == 0 || view.is_punct(subject_end - 1);
    if punct_before {
        // "..., said Kanté." / "“...”, dijo el general." / "..., dijo."
        let opens_phrase = !PHRASE_BREAKS.contains(&view.lower(at + 1)) && !view.is_punct(at + 1);
        if let Some((after, end)) = phrase_after(doc, view, at + 1).filter(|_| opens_phrase)
            && (is_sentence_end(view, end + 1) || view.lower(end + 1) == ",")
            && looks_like_speaker(view, at + 1, &after)
        {
            sources = after;
            last = end;
        } else if subject_end > 0 && view.lower(subject_end - 1) == "," {
            // "Kanté, the army's spokesman, said": an apposition between commas.
            if let Some((found, start)) = apposition_before(doc, view, subject_end - 1) {
                sources = found;
                first = start;
            }
        }
        if sources.is_empty() {
            continues = true;
        }
    } else if PRONOUNS.contains(&view.lower(subject_end - 1)) {
        continues = true;
        first = subject_end - 1;
    } else if let Some((found, start)) = phrase_before(doc, view, subject_end) {
        sources = found;
        first = start;
    } else {
        continues = true;
    }
    // The listener: "told Reuters", "dijo a Noticias Caracol".
    let listener_at = if matches!(lower, "told" | "tells") {
        Some(last + 1)
    } else if is_spanish_cue(lower) && view.lower(last + 1) == "a" {
        Some(last + 2)
    } else {
        None
    };
    if let Some((listeners, end)) = listener_at.and_then(|at| phrase_after(doc, view, at)) {
        let outlets: Vec<Source> = listeners
            .into_iter()
            .filter(|s| s.class == SourceClass::Media)
            .collect();
        last = end;
        sources.extend(outlets);
    }
    // "confirmed on X": the platform is not a source.
    if view.lower(last + 1) == "on" && view.name_at(last + 2).is_some() {
        last += 2;
    }
    let next = last + 1;
    let prefix = !is_sentence_end(view, next) && view.lower(next) != ",";
    Some(Frame {
        cue: at,
        kind,
        sources,
        continues,
        prefix,
        first,
        last,
    })
}

/// The speaker phrase ending right before token `end` (exclusive): a name ending there (with
/// names coordinated before it), else the words back to a clause boundary.
fn phrase_before(
    doc: &Document,
    view: &SentenceView<'_, '_>,
    end: usize,
) -> Option<(Vec<Source>, usize)> {
    let last = end.checked_sub(1)?;
    if let Some(name) = view.name_ending(last).filter(|n| is_speaker_kind(n.kind)) {
        let mut found = vec![source_of_name(doc, view, name.first, name.last)];
        let mut start = name.first;
        // "Reuters and The New York Times reported".
        while start >= 2 && matches!(view.lower(start - 1), "and" | "y" | ",") {
            let Some(prev) = view
                .name_ending(start - 2)
                .filter(|n| is_speaker_kind(n.kind))
            else {
                break;
            };
            found.insert(0, source_of_name(doc, view, prev.first, prev.last));
            start = prev.first;
        }
        return Some((found, start));
    }
    let mut start = end;
    while start > 0 && end - start < 8 {
        let prev = view.lower(start - 1);
        if view.is_punct(start - 1) && prev != "'s" && prev != "’s" && prev != "-" {
            break;
        }
        if PHRASE_BREAKS.contains(&prev) {
            break;
        }
        start -= 1;
    }
    (start < end).then(|| (vec![source_of_words(view, start, last)], start))
}

/// "Kanté, the army's spokesman, said": the comma before the verb is at `comma`. Names in the
/// apposition or the phrase before it are the sources; else the phrase before it.
fn apposition_before(
    doc: &Document,
    view: &SentenceView<'_, '_>,
    comma: usize,
) -> Option<(Vec<Source>, usize)> {
    let open = (comma.saturating_sub(12)..comma)
        .rev()
        .find(|&i| view.lower(i) == ",")?;
    let (head, head_start) = phrase_before(doc, view, open)?;
    let inner: Vec<Source> = view
        .names()
        .filter(|n| n.first > open && n.last < comma && is_speaker_kind(n.kind))
        .map(|n| source_of_name(doc, view, n.first, n.last))
        .collect();
    let head_named = head.iter().any(|s| s.entity.is_some());
    if !head_named && !inner.is_empty() {
        return Some((inner, head_start));
    }
    Some((head, head_start))
}

/// The source phrase starting at `start`: a name within the first three tokens (after
/// determiners), else words up to a clause boundary. Returns it and its last token.
fn phrase_after(
    doc: &Document,
    view: &SentenceView<'_, '_>,
    start: usize,
) -> Option<(Vec<Source>, usize)> {
    if let Some(name) = (start..(start + 3).min(view.len()))
        .find_map(|i| view.name_at(i).filter(|n| n.first == i))
        .filter(|n| is_speaker_kind(n.kind))
    {
        let mut found = vec![source_of_name(doc, view, name.first, name.last)];
        let mut last = name.last;
        while matches!(view.lower(last + 1), "and" | "y") {
            let Some(next) = view.name_at(last + 2).filter(|n| is_speaker_kind(n.kind)) else {
                break;
            };
            found.push(source_of_name(doc, view, next.first, next.last));
            last = next.last;
        }
        return Some((found, last));
    }
    let mut last = start;
    while last < view.len() && last - start < 8 {
        let lower = view.lower(last);
        if view.is_punct(last) && lower != "'s" && lower != "’s" || PHRASE_BREAKS.contains(&lower)
        {
            break;
        }
        last += 1;
    }
    (last > start).then(|| (vec![source_of_words(view, start, last - 1)], last - 1))
}

fn is_speaker_kind(kind: MentionKind) -> bool {
    matches!(
        kind,
        MentionKind::Per | MentionKind::Org | MentionKind::Misc
    )
}

fn source_of_name(
    doc: &Document,
    view: &SentenceView<'_, '_>,
    first: usize,
    last: usize,
) -> Source {
    let span = view.span(first, last);
    let entity = view.name_at(first).and_then(|n| n.entity);
    let words = span.text(&doc.text).unwrap_or("");
    let name = entity
        .and_then(|id| doc.entities.get(id as usize))
        .map_or_else(|| words.to_string(), |e| e.name.clone());
    let class = if is_outlet(&name) || is_outlet(words) {
        SourceClass::Media
    } else {
        SourceClass::Official
    };
    Source {
        entity,
        name,
        span,
        class,
    }
}

fn source_of_words(view: &SentenceView<'_, '_>, first: usize, last: usize) -> Source {
    let lowers: Vec<&str> = (first..=last).map(|i| view.lower(i)).collect();
    let head = lowers.last().copied().unwrap_or("");
    // The words before "of"/"de" hold the head noun: "Residents of Ansongo".
    let head_words = lowers
        .iter()
        .take_while(|w| !matches!(**w, "of" | "de" | "del" | "in" | "en" | "from"))
        .copied();
    let class = if lowers.iter().any(|w| MEDIA_WORDS.contains(w)) {
        SourceClass::Media
    } else if head_words.clone().any(|w| ANONYMOUS_HEADS.contains(&w))
        || lowers.iter().any(|w| ANONYMOUS_MARKS.contains(w))
        || (OFFICIAL_HEADS.contains(&head)
            && lowers.first().is_some_and(|w| INDEFINITE.contains(w)))
    {
        SourceClass::Anonymous
    } else {
        SourceClass::Official
    };
    let span = view.span(first, last);
    let words: Vec<&str> = (first..=last.min(view.len().saturating_sub(1)))
        .map(|i| view.text(i))
        .collect();
    let name = join_words(&words);
    Source {
        entity: None,
        name,
        span,
        class,
    }
}

/// Words joined with single spaces, without a space before "'s" or punctuation.
fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for word in words {
        let glued = word.starts_with('\'') || word.starts_with('’') || *word == "-";
        if !out.is_empty() && !glued && !out.ends_with('-') {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

pub(crate) fn is_outlet(name: &str) -> bool {
    let lower = tessera_doc::fold::lower(name);
    OUTLETS.contains(&lower.as_str())
}

/// An inverted speaker ("said Colonel Ruiz", "dijo el general"): a name, or words opening with
/// a determiner or a capital, that are not an audience ("told reporters").
fn looks_like_speaker(view: &SentenceView<'_, '_>, start: usize, found: &[Source]) -> bool {
    if found.iter().any(|s| s.entity.is_some()) {
        return true;
    }
    if start >= view.len() {
        return false;
    }
    let lower = view.lower(start);
    let opens_well = DETERMINERS.contains(&lower)
        || view
            .text(start)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    opens_well && !AUDIENCES.contains(&lower)
}

fn is_spanish_cue(lower: &str) -> bool {
    SPANISH_VERB_CUES.iter().any(|(w, _)| *w == lower)
}

/// Every reporting verb form, looked up once per word.
static CUES: LazyLock<HashMap<&'static str, CueKind>> = LazyLock::new(|| {
    VERB_CUES
        .iter()
        .chain(SPANISH_VERB_CUES)
        .map(|(w, k)| (*w, *k))
        .collect()
});
