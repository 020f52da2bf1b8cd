//! Who says so and how sure: for a fact supported by some words of a document, the chain of
//! sources that assert it (innermost first) and the certainty the words give it. Relations and
//! events share this one mechanism.
//!
//! The rules read the sentence of the fact for reporting frames, in English and Spanish:
//! reporting verbs with their speaker before or after them ("Mexican authorities have
//! confirmed that", "…, an army spokesman told AFP", "“…”, dijo el general"), the listener when
//! it is an outlet ("told Reuters", "dijo a Noticias Caracol"), and source phrases ("according
//! to", "según", "de acuerdo con", "citing"). A speaker that is a known entity is linked to it;
//! otherwise the words stand ("a former US official"). A pronoun or unstated speaker ("he
//! said", "dijo.") continues the previous sentence's frame; otherwise nothing carries over from
//! one sentence to the next. The publishing outlet is not appended: the document carries it.
//!
//! Certainty is the weakest the words allow: `confirmed` for a plain statement or an official
//! speaking without a hedge; `reported` for the press ("media reported", "according to
//! Reuters"), unidentified sources ("a former US official told Reuters", "residents said") and
//! "reportedly"; `alleged` for "allegedly", "presunto", "habría", accusations and credit
//! ("sources credited"); `denied` when the speaker denies it ("denied that", "negó que").

mod frames;
mod lexicon;

#[cfg(test)]
mod tests;

use frames::{Frame, SourceClass, find_frames};
use lexicon::{ALLEGED_HEDGES, CueKind, REPORTED_HEDGES};
use tessera_doc::{Attribution, Certainty, Claim, DocView, SentenceView, Span};

/// Whether a lowercase word is a reporting verb that states rather than denies or accuses
/// ("said", "told", "informó", "anunció"): the words around it tell when the news was given.
pub fn is_reporting_verb(word: &str) -> bool {
    lexicon::VERB_CUES
        .iter()
        .chain(lexicon::SPANISH_VERB_CUES)
        .any(|(cue, kind)| {
            *cue == word && matches!(kind, CueKind::Say | CueKind::Confirm | CueKind::Report)
        })
}

/// How many sentences back a pronoun speaker ("he said") may be followed.
const MAX_CONTINUATION: usize = 3;

/// The attribution chain and certainty of the fact that `evidence` states.
///
/// `evidence` is usually a sentence; when it is part of one, the frames of its sentence that
/// govern the first words of the evidence outside any frame apply.
pub fn assess(view: &DocView<'_>, evidence: Span) -> Claim {
    assess_focus(view, evidence, None)
}

/// As [`assess`], for the fact signalled by the words at `focus` (an event's trigger) inside
/// `evidence`: only the frames that govern those words apply, so "the army denied that its
/// jets bombed X, where according to the ombudsman three people died" gives `denied` for
/// "bombed" and the ombudsman's `confirmed` account for "died".
pub fn assess_focus(view: &DocView<'_>, evidence: Span, focus: Option<Span>) -> Claim {
    let (Some(doc), Some(sentence)) = (view.doc(), sentence_at(view, evidence.start)) else {
        return Claim::default();
    };
    let words = SentenceView::new(view, sentence);
    let frames = find_frames(doc, &words);
    claim_in(view, sentence, &words, &frames, evidence, focus)
}

/// As [`assess_focus`] for several facts of one sentence (`evidence`), each signalled by the
/// words at one of `focuses`: the sentence is read once.
pub fn assess_each(view: &DocView<'_>, evidence: Span, focuses: &[Span]) -> Vec<Claim> {
    let (Some(doc), Some(sentence)) = (view.doc(), sentence_at(view, evidence.start)) else {
        return vec![Claim::default(); focuses.len()];
    };
    let words = SentenceView::new(view, sentence);
    let frames = find_frames(doc, &words);
    focuses
        .iter()
        .map(|focus| claim_in(view, sentence, &words, &frames, evidence, Some(*focus)))
        .collect()
}

/// The index of the sentence holding byte `at`, if any.
fn sentence_at(view: &DocView<'_>, at: u32) -> Option<usize> {
    let sentences = &view.doc()?.segmentation.sentences;
    let index = sentences.partition_point(|s| s.span.end <= at);
    sentences
        .get(index)
        .filter(|s| s.span.start <= at)
        .map(|_| index)
}

fn claim_in(
    doc_view: &DocView<'_>,
    sentence: usize,
    view: &SentenceView<'_, '_>,
    frames: &[Frame],
    evidence: Span,
    focus: Option<Span>,
) -> Claim {
    let in_frame = |i: usize| frames.iter().any(|f| f.first <= i && i <= f.last);
    let focus_at = match focus {
        Some(span) => (0..view.len())
            .position(|i| view.token_span(i).is_some_and(|s| s.start >= span.start))
            .unwrap_or(0),
        None => {
            // The fact's words: after the first frame that introduces them, else the first
            // words outside any frame.
            let after = frames.iter().find(|f| f.prefix).map_or(0, |f| f.last + 1);
            (after..view.len())
                .find(|&i| {
                    view.token_span(i)
                        .is_some_and(|s| s.start >= evidence.start)
                        && !in_frame(i)
                        && !view.is_punct(i)
                })
                .unwrap_or(0)
        }
    };
    let governing = governing_frames(view, frames, focus_at);
    let mut certainty = Certainty::Confirmed;
    let mut attribution = Vec::new();
    for frame in &governing {
        certainty = weakest(certainty, frame_certainty(frame));
        let sources = if frame.continues {
            continued_sources(doc_view, sentence)
        } else {
            frame_sources(frame)
        };
        attribution.extend(sources);
    }
    let hedged = (0..view.len())
        .filter(|&i| !in_frame(i))
        .fold(Certainty::Confirmed, |acc, i| match view.lower(i) {
            w if REPORTED_HEDGES.contains(&w) => weakest(acc, Certainty::Reported),
            w if ALLEGED_HEDGES.contains(&w) => weakest(acc, Certainty::Alleged),
            _ => acc,
        });
    Claim {
        certainty: weakest(certainty, hedged),
        attribution,
    }
}

/// The frames that govern token `focus`: the nearest frame before it whose fact follows it
/// (unless a contrast or a semicolon intervenes), then the nearest after it whose fact comes
/// before it.
fn governing_frames<'f>(
    view: &SentenceView<'_, '_>,
    frames: &'f [Frame],
    focus: usize,
) -> Vec<&'f Frame> {
    let breaks = |from: usize, to: usize| {
        (from..to).any(|i| matches!(view.lower(i), ";" | "but" | "pero" | "while" | "mientras"))
    };
    let before = frames
        .iter()
        .filter(|f| f.prefix && f.cue < focus && !breaks(f.last, focus))
        .max_by_key(|f| f.cue);
    let after = frames
        .iter()
        .filter(|f| !f.prefix && f.first > focus && !breaks(focus, f.first))
        .min_by_key(|f| f.cue);
    before.into_iter().chain(after).collect()
}

fn frame_certainty(frame: &Frame) -> Certainty {
    let speaker = frame.sources.first().map(|s| s.class);
    let by_source = match speaker {
        Some(SourceClass::Anonymous) | Some(SourceClass::Media) => Certainty::Reported,
        _ => Certainty::Confirmed,
    };
    let by_cue = match frame.kind {
        CueKind::Say | CueKind::Confirm | CueKind::Report => Certainty::Confirmed,
        CueKind::Allege => Certainty::Alleged,
        CueKind::Deny => Certainty::Denied,
    };
    weakest(by_cue, by_source)
}

fn frame_sources(frame: &Frame) -> Vec<Attribution> {
    frame
        .sources
        .iter()
        .map(|s| Attribution {
            entity: s.entity,
            name: s.name.clone(),
            span: Some(s.span),
        })
        .collect()
}

/// The sources of the last frame of the sentences before `sentence`, for "he said": followed
/// back while the speaker is itself a pronoun.
fn continued_sources(view: &DocView<'_>, sentence: usize) -> Vec<Attribution> {
    let Some(doc) = view.doc() else {
        return Vec::new();
    };
    for back in 1..=MAX_CONTINUATION.min(sentence) {
        let words = SentenceView::new(view, sentence - back);
        let frames = find_frames(doc, &words);
        let Some(last) = frames.last() else {
            return Vec::new();
        };
        if !last.continues {
            return frame_sources(last);
        }
    }
    Vec::new()
}

/// The less sure of two certainties: denied, then alleged, then reported, then confirmed.
pub fn weakest(a: Certainty, b: Certainty) -> Certainty {
    let rank = |c: Certainty| match c {
        Certainty::Confirmed => 0,
        Certainty::Reported => 1,
        Certainty::Alleged => 2,
        Certainty::Denied => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}
