//! Who acts and who is acted on, tidied after the parse: a person in apposition for a title, no
//! town acting in an incident, a subject shared by joined verbs, a statement addressed to a
//! party.

use crate::{args, cues};
use tessera_doc::{DocView, FeatureKind, MentionKind, Participant};

/// Whether a visit's recipients name a party: a person, an organisation or a country.
pub(crate) fn visits_someone(words: &DocView, recipients: &[Participant]) -> bool {
    recipients.iter().any(|p| {
        p.entity
            .and_then(|id| words.entity(id))
            .is_some_and(|e| match e.kind {
                MentionKind::Per | MentionKind::Org => true,
                MentionKind::Loc => e
                    .place
                    .as_ref()
                    .is_some_and(|p| p.feature == FeatureKind::Country),
                _ => false,
            })
    })
}

/// An actor as the text names it: a title followed by the person's name in apposition is the
/// person ("the UN coordinator for Sudan, Hilde Johansson, called"; "the governor of Arauca,
/// Yesid Galvis, asked"); words before a comma that opens the phrase are no part of it ("The
/// same day, sheriff's deputies"); in an attack, arrest, protest or deployment a town or a
/// state does not act (countries do), so it is dropped unless a person stands in apposition to
/// it (a capital speaking for its government, "Moscow said", stays in statements).
pub(crate) fn named_actor(
    words: &DocView,
    actor: Participant,
    end: usize,
    incident: bool,
) -> Option<Participant> {
    let Some(range) = actor.span.and_then(|s| words.token_range(s)) else {
        return Some(actor);
    };
    // The person in apposition: ", Name," right after the phrase.
    let after = range.end;
    if after + 1 < end
        && words.lower(after) == ","
        && let Some(name) = words.name_starting(after + 1).map(|i| &words.names()[i])
        && name.kind == MentionKind::Per
        && name.last + 1 < end
        && words.lower(name.last + 1) == ","
        && let Some(id) = name.entity
        && let Some(entity) = words.entity(id)
    {
        return Some(Participant {
            entity: Some(id),
            name: entity.name.clone(),
            span: Some(name.span),
        });
    }
    if let Some(entity) = actor.entity.and_then(|id| words.entity(id))
        && incident
        && entity.kind == MentionKind::Loc
        && entity
            .place
            .as_ref()
            .is_none_or(|p| p.feature != FeatureKind::Country)
        && !cues::names_any(&entity.name, cues::SECURITY_FORCES)
    {
        return None;
    }
    if actor.entity.is_none()
        && let Some(comma) = range.clone().rev().find(|&i| words.lower(i) == ",")
        && comma + 1 < range.end
    {
        let span = words.span(comma + 1, range.end - 1);
        return Some(Participant {
            entity: None,
            name: words.slice(comma + 1, range.end - 1).to_string(),
            span: Some(span),
        });
    }
    Some(actor)
}

/// Whether a verb at `head` is coordinated with the act ending at `before`: "and"/"y" between
/// them, close, with no clause or subject of its own in between.
pub(crate) fn shares_subject(words: &DocView, before: usize, head: usize) -> bool {
    head > before + 1
        && head - before <= 12
        && (before + 1..head).any(|i| matches!(words.lower(i), "and" | "y" | "e"))
        && !(before + 1..head).any(|i| {
            let w = words.lower(i);
            matches!(
                w,
                "who"
                    | "which"
                    | "that"
                    | "que"
                    | "quien"
                    | "quienes"
                    | "where"
                    | "donde"
                    | ";"
                    | "after"
                    | "before"
                    | "when"
                    | "while"
                    | "because"
                    | "tras"
                    | "cuando"
                    | "mientras"
                    | "porque"
                    | "them"
                    | "ellos"
                    | "ellas"
            ) || args::is_pronoun(words.norm(i))
                || words
                    .name_at(i)
                    .is_some_and(|n| matches!(n.kind, MentionKind::Per | MentionKind::Org))
        })
}

/// Whether a phrase names people or a group ("the teachers' representatives", "ambas
/// partes") rather than a thing.
pub(crate) fn names_a_party(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .map(tessera_doc::fold::lower)
        .any(|w| {
            cues::GROUPS.matches(&w)
                || cues::PEOPLE.matches(&w)
                || cues::starts_with_any(&w, cues::SECURITY_FORCES)
                || args::is_pronoun(&w)
        })
}
