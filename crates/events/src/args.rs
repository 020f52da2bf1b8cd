//! Attaching actors and recipients to a trigger from the shape of its clause: the subject
//! before a verb (past auxiliaries, or the clause's opening phrase across an apposition), the
//! object or prepositional object after it; passives ("was arrested by X", "fueron detenidos
//! por X"); nominal events ("clashes between X and Y", "the arrest of X", "attack on X",
//! "CJNG members engaged in armed clashes with security forces").

use crate::cues::{
    AUXILIARIES, CLAUSE_WORDS, DETERMINERS, GROUPS, LIGHT_VERBS, LOCATIVES, PASSIVE_BE,
    RECIPIENT_PREPS, is_one_of,
};
use crate::lexicon::WordClass;
use crate::scan::Found;
use tessera_doc::DocView;
use tessera_doc::{EventType, MentionKind, Participant, Span};

/// The most words a described participant may have ("the army's special forces unit").
const MAX_PHRASE: usize = 6;

/// Who acts and who is acted on.
#[derive(Debug, Default, Clone)]
pub(crate) struct Roles {
    pub actors: Vec<Participant>,
    pub recipients: Vec<Participant>,
}

/// The actors and recipients of `found` in the sentence of tokens `first..end`.
pub(crate) fn roles(words: &DocView, found: &Found, first: usize, end: usize) -> Roles {
    let shallow = shallow_roles(words, found, first, end);
    let mut roles = match crate::syntax_args::roles_from_syntax(words, found, first, end) {
        Some(parsed) => {
            let recipients = if parsed.recipients.is_empty() {
                shallow.recipients
            } else {
                parsed.recipients
            };
            // Word order may offer as actor the one the parse made the recipient ("X must").
            let actors = if parsed.actors.is_empty() {
                shallow
                    .actors
                    .into_iter()
                    .filter(|a| !recipients.iter().any(|r| r.name == a.name))
                    .collect()
            } else {
                parsed.actors
            };
            Roles { actors, recipients }
        }
        None => shallow,
    };
    // "dispersaron a los aficionados con gas": a phrase after the personal "a" is acted on,
    // never the one acting.
    let (objects, actors): (Vec<Participant>, Vec<Participant>) = roles
        .actors
        .into_iter()
        .partition(|p| after_personal_a(words, p));
    roles.actors = actors;
    if roles.recipients.is_empty() {
        roles.recipients = objects;
    }
    tidy_participants(words, &mut roles.actors);
    for recipient in &mut roles.recipients {
        if let Some(cut) = without_charge(words, recipient, found.trigger.kind) {
            *recipient = cut;
        }
        if let Some(bare) = without_lead(words, recipient) {
            *recipient = bare;
        }
    }
    tidy_participants(words, &mut roles.recipients);
    roles
}

/// Whether a participant is a person, a body or a group, not a place or a thing.
fn names_someone(words: &DocView, participant: &Participant) -> bool {
    match participant.entity.and_then(|id| words.entity(id)) {
        Some(entity) => matches!(entity.kind, MentionKind::Per | MentionKind::Org),
        None => is_group_phrase(&participant.name),
    }
}

/// Spanish marks a person acted on with "a" ("a los aficionados", "al alcalde"); English "a"
/// before a noun is an article, so the word after must be a Spanish determiner.
fn after_personal_a(words: &DocView, participant: &Participant) -> bool {
    let Some(range) = participant.span.and_then(|s| words.token_range(s)) else {
        return false;
    };
    match words.lower(range.start) {
        "al" => true,
        "a" => matches!(
            words.lower(range.start + 1),
            "los" | "las" | "la" | "el" | "un" | "una" | "unos" | "unas"
        ),
        _ => false,
    }
}

/// "shot dead five people", "warned that striking staff", "capturó ayer a 12 presuntos
/// integrantes": an adverb, a conjunction, a date or the personal "a" before the phrase is
/// no part of it.
fn without_lead(words: &DocView, recipient: &Participant) -> Option<Participant> {
    let range = words.token_range(recipient.span?)?;
    let mut start = range.start;
    while start + 1 < range.end
        && words.name_at(start).is_none()
        && (matches!(words.lower(start), "dead" | "that" | "a" | "al") || in_date(words, start))
    {
        start += 1;
    }
    (start > range.start)
        .then(|| participant(words, start, range.end - 1))
        .flatten()
}

/// "accused the UPA of bussing", "charged both men with conspiracy", "asked the government
/// for equipment", "acusó a la compañía de ignorar": the charge or the thing asked for is no
/// part of the one it is aimed at.
fn without_charge(
    words: &DocView,
    recipient: &Participant,
    kind: EventType,
) -> Option<Participant> {
    // Elsewhere "with" and "for" bring in the party itself ("met with the union", "aid for
    // the displaced").
    let charged = matches!(kind, EventType::Accuse | EventType::Request);
    let range = words.token_range(recipient.span?)?;
    let cut = (range.start + 1..range.end).find(|&i| {
        if words.name_at(i).is_some() {
            return false;
        }
        let next = words.lower(i + 1);
        match words.lower(i) {
            "of" => next.ends_with("ing"),
            "de" => ["ar", "er", "ir"].iter().any(|end| next.ends_with(end)) && next.len() > 3,
            "for" | "with" => charged,
            _ => false,
        }
    })?;
    participant(words, range.start, cut - 1)
}

/// Leaves out repeats of one participant, and the words that only title a named person beside
/// them: "Albay Governor" in "Albay Governor Cecilia Bañares", "Mali's Defence Minister" in
/// "Mali's Defence Minister, Abdoulaye Coulibaly". Two parties joined by "and", "y" or "with"
/// both stay.
fn tidy_participants(words: &DocView, participants: &mut Vec<Participant>) {
    // One entity is one participant, however many times the phrase names it.
    let mut seen = Vec::new();
    participants.retain(|p| {
        let key = p
            .entity
            .map_or_else(|| tessera_doc::fold(&p.name), |id| id.to_string());
        let fresh = !seen.contains(&key);
        seen.push(key);
        fresh
    });
    let person = |p: &Participant| {
        p.entity
            .and_then(|id| words.entity(id))
            .is_some_and(|e| e.kind == MentionKind::Per && !e.unnamed)
    };
    let spans_of_people: Vec<Span> = participants
        .iter()
        .filter(|p| person(p))
        .filter_map(|p| p.span)
        .collect();
    if spans_of_people.is_empty() || participants.len() < 2 {
        return;
    }
    let titles = |p: &Participant| {
        let Some(span) = p.span else {
            return false;
        };
        let entity = p.entity.and_then(|id| words.entity(id));
        let titling = entity.is_none_or(|e| e.unnamed || e.kind != MentionKind::Per);
        titling
            && spans_of_people.iter().any(|person| {
                let (gap, before) = if span.end <= person.start {
                    (
                        words.text.get(span.end as usize..person.start as usize),
                        true,
                    )
                } else if person.end <= span.start {
                    (
                        words.text.get(person.end as usize..span.start as usize),
                        false,
                    )
                } else {
                    (None, false)
                };
                gap.is_some_and(|gap| {
                    let gap = gap.trim();
                    if before {
                        // A title before the name: only title words between.
                        gap.len() <= 40
                            && !gap.contains(['.', ';', '(', ')'])
                            && !gap.split_whitespace().any(|w| {
                                matches!(w, "and" | "y" | "e" | "with" | "con" | "or" | "o")
                            })
                    } else {
                        // A title after the name: an apposition ("X, the governor of Y").
                        gap == "," && entity.is_none_or(|e| e.kind != MentionKind::Loc)
                    }
                })
            })
    };
    participants.retain(|p| person(p) || !titles(p));
}

/// The roles from word order alone, without a parse.
fn shallow_roles(words: &DocView, found: &Found, first: usize, end: usize) -> Roles {
    let mut roles = Roles::default();
    let after = found.last + 1;
    // "between X and Y", "entre X y Y": both sides act.
    if let Some(between) =
        (after..(after + 3).min(end)).find(|&i| matches!(words.lower(i), "between" | "entre"))
    {
        let (left, left_end) = phrase_after(words, between + 1, end);
        if let Some(left) = left {
            roles.actors.push(left);
            if matches!(words.lower(left_end + 1), "and" | "y") {
                let (right, _) = phrase_after(words, left_end + 2, end);
                roles.actors.extend(right);
            }
            return roles;
        }
    }
    // An agent is someone: "marcharon por el centro de Tapachula" is where they marched.
    let by_agent = agent_after(words, after, end, found.trigger.class == WordClass::Noun)
        .filter(|p| names_someone(words, p));
    let passive = found.trigger.class == WordClass::Verb && is_passive(words, found.head, first);
    let subject = subject_before(words, found, first);
    if found.trigger.reversed || passive {
        roles.recipients.extend(subject);
        roles.actors.extend(by_agent);
        return roles;
    }
    roles.actors.extend(by_agent.or(subject));
    roles
        .recipients
        .extend(object_after(words, found, end).or_else(|| target_after(words, found, end)));
    if roles.recipients.is_empty() {
        roles.recipients = named_counterparts(words, found, end);
    }
    roles
}

/// "by X", "por X", "por parte de X" right after the trigger. Right after a noun, Spanish
/// "por" alone gives the cause ("en protesta por el asesinato de choferes", "una marcha por
/// la paz"); "por parte de" or a participle between ("marcha convocada por") names who acts.
fn agent_after(words: &DocView, after: usize, end: usize, noun: bool) -> Option<Participant> {
    let at = (after..(after + 2).min(end)).find(|&i| matches!(words.lower(i), "by" | "por"))?;
    let start = if words.lower(at + 1) == "parte" && words.lower(at + 2) == "de" {
        at + 3
    } else if noun && at == after && words.lower(at) == "por" {
        return None;
    } else {
        at + 1
    };
    phrase_after(words, start, end).0
}

fn is_passive(words: &DocView, head: usize, first: usize) -> bool {
    // "are demanding", "están exigiendo": progressive, not passive.
    let progressive = ["ing", "ando", "iendo", "yendo"];
    if progressive
        .iter()
        .any(|end| words.lower(head).ends_with(end))
    {
        return false;
    }
    let mut at = head;
    while at > first {
        let prev = words.lower(at - 1);
        if is_one_of(prev, PASSIVE_BE) {
            return true;
        }
        if !matches!(
            prev,
            "also"
                | "reportedly"
                | "allegedly"
                | "later"
                | "being"
                | "not"
                | "presuntamente"
                | "ya"
        ) {
            return false;
        }
        at -= 1;
    }
    false
}

/// The subject of the trigger: the phrase before its auxiliaries (and, for a noun, before the
/// light verb carrying it), or across an apposition the clause's opening phrase.
fn subject_before(words: &DocView, found: &Found, first: usize) -> Option<Participant> {
    let mut at = found.head;
    if found.trigger.class == WordClass::Noun {
        // "launched reprisal attacks": modifiers, then the light verb.
        let mut steps = 0;
        while at > first && steps < 6 {
            let prev = words.lower(at - 1);
            // "mantienen desde el lunes bloqueos": a date between is no part of the phrase.
            if in_date(words, at - 1) || (matches!(prev, "desde" | "since") && in_date(words, at)) {
                at -= 1;
                continue;
            }
            if is_one_of(prev, LIGHT_VERBS)
                || (words.is_word(at - 1)
                    && !words.is_capitalised(at - 1)
                    && steps < 2
                    && !is_group(prev))
            {
                at -= 1;
                steps += 1;
            } else {
                break;
            }
        }
        if at == found.head {
            // "X's attack": a possessive.
            if at >= 2 && matches!(words.lower(at - 1), "'s" | "’s") {
                return phrase_before(words, at - 1, first);
            }
        }
    }
    while at > first && is_one_of(words.lower(at - 1), AUXILIARIES) {
        at -= 1;
    }
    if at > first && matches!(words.lower(at - 1), "," | ")" | "]" | "”" | "\"") {
        let opening = clause_opening(words, at - 1, first);
        // "after members of the Staff Union (AOSU) walked off": the acronym in brackets
        // repeats the name before it.
        if opening.is_some() || !(at >= first + 3 && words.lower(at - 3) == "(") {
            return opening;
        }
        at -= 3;
    }
    phrase_before(words, at, first)
}

/// The phrase opening the clause that holds token `at`: after the last "that"/"que" or the
/// sentence start.
fn clause_opening(words: &DocView, at: usize, first: usize) -> Option<Participant> {
    let start = (first..at)
        .rev()
        .find(|&i| matches!(words.lower(i), "that" | "que" | ";" | ":"))
        .map_or(first, |i| i + 1);
    let (found, _) = phrase_after(words, start, at);
    found.filter(|p| p.entity.is_some() || is_group_phrase(&p.name))
}

/// The phrase ending right before `end` (exclusive): a name (with a group noun after it:
/// "CJNG members") or words whose head names people or a group.
fn phrase_before(words: &DocView, end: usize, first: usize) -> Option<Participant> {
    let last = end.checked_sub(1).filter(|&l| l >= first)?;
    let mut start = end;
    while start > first && end - start < MAX_PHRASE {
        let prev = start - 1;
        let lower = words.lower(prev);
        // "of", and "from" after a group noun ("Gunmen from the Front"), stay in the phrase.
        // "agentes estatales y federales": "and" joining words that name no one on their own
        // joins modifiers of one phrase, not two clauses.
        let joined_modifiers = matches!(lower, "and" | "y")
            && (1..=2).contains(&(end - start))
            && (start..end).all(|i| {
                words.is_word(i) && !is_group(words.lower(i)) && words.name_at(i).is_none()
            });
        let glue = matches!(lower, "'s" | "’s" | "-" | "of" | "de" | "del" | ".")
            || (lower == "from" && prev > first && is_group(words.lower(prev - 1)))
            || joined_modifiers;
        if (words.is_punct(prev) && !glue)
            || (is_one_of(lower, CLAUSE_WORDS) && !joined_modifiers)
            || (is_one_of(lower, LOCATIVES) && !glue)
            || is_clause_verb(words, prev)
        {
            break;
        }
        start = prev;
    }
    // Drop a leading preposition-led tail start ("of the cartel" alone is not a subject).
    while start <= last && matches!(words.lower(start), "of" | "de" | "del") {
        start += 1;
    }
    // A phrase after a place preposition ("Airports in Puerto Vallarta and Guadalajara") is
    // where, not who: walk back over a list of names to its preposition.
    let mut opening = start;
    while opening >= first + 2 && matches!(words.lower(opening - 1), "and" | "y" | ",") {
        match words.name_at(opening - 2) {
            Some(name) if name.first >= first => opening = name.first,
            _ => break,
        }
    }
    if opening > first && is_one_of(words.lower(opening - 1), LOCATIVES) {
        // "Students in southern Chile are demanding": a group before the place is the subject,
        // with its place ("Ethnic Albanians in south Serbia").
        let head = opening.checked_sub(2).filter(|&h| h >= first)?;
        let demonym = words.is_capitalised(head)
            && ["ans", "ese", "is", "eños", "anos", "enses", "inos"]
                .iter()
                .any(|end| words.lower(head).ends_with(end));
        if !(is_group(words.lower(head)) || demonym) || words.is_punct(head) {
            return None;
        }
        let mut from = head;
        while from > first
            && end - from < MAX_PHRASE
            && !words.is_punct(from - 1)
            && !is_one_of(words.lower(from - 1), CLAUSE_WORDS)
            && !is_one_of(words.lower(from - 1), LOCATIVES)
        {
            from -= 1;
        }
        let last = trim_tail(words, from, last)?;
        return participant(words, from, last);
    }
    let last = trim_tail(words, start, last)?;
    participant(words, start, last)
}

/// Whether the parse makes token `i` a verb of a clause ("mantienen", "tried"), not a
/// participle inside a noun phrase ("hombres armados").
fn is_clause_verb(words: &DocView, i: usize) -> bool {
    words.dependency(i).is_some_and(|d| {
        matches!(d.tag, "VERB" | "AUX") && !matches!(words.relation(i), "amod" | "acl")
    })
}

/// A subject phrase without its loose tail: a date ("The European Union on Monday"), an
/// auxiliary or a planning word ("The two ministers are due", "el gobierno hubiera").
fn trim_tail(words: &DocView, start: usize, mut last: usize) -> Option<usize> {
    while last >= start {
        let lower = words.lower(last);
        let loose = in_date(words, last)
            || is_one_of(lower, TAIL_WORDS)
            || (last > start && in_date(words, last - 1) && is_one_of(lower, &["on", "el", "la"]));
        if !loose {
            break;
        }
        last = last.checked_sub(1)?;
    }
    // A preposition left hanging after the date went ("on", "el").
    while last > start && is_one_of(words.lower(last), &["on", "in", "at", "el", "la", "en"]) {
        last -= 1;
    }
    (last >= start).then_some(last)
}

/// Whether token `i` is part of a date expression of the document's values layer.
pub(crate) fn in_date(words: &DocView, i: usize) -> bool {
    let dates = words.doc().map_or(&[][..], |d| d.values.dates.as_slice());
    words.token_span(i).is_some_and(|t| {
        dates
            .iter()
            .any(|d| d.start <= t.start as usize && t.end as usize <= d.end)
    })
}

/// Words that end a subject phrase only because the verb group starts there.
const TAIL_WORDS: &[&str] = &[
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "due",
    "expected",
    "set",
    "going",
    "also",
    "then",
    "later",
    "reportedly",
    "allegedly",
    "ha",
    "han",
    "habia",
    "había",
    "habian",
    "habían",
    "hubiera",
    "hubieran",
    "fue",
    "fueron",
    "era",
    "eran",
    "sera",
    "será",
    "seran",
    "serán",
    "también",
    "presuntamente",
    "luego",
];

/// The phrase starting at `start` (after determiners): a name, or words up to a boundary.
/// Returns it and its last token.
fn phrase_after(words: &DocView, start: usize, end: usize) -> (Option<Participant>, usize) {
    let mut at = start;
    while at < end
        && (is_one_of(words.lower(at), DETERMINERS) || matches!(words.lower(at), "“" | "\"" | "«"))
    {
        at += 1;
    }
    let mut last = at;
    while last < end && last - at < MAX_PHRASE {
        let lower = words.lower(last);
        let in_name = words.name_at(last).is_some_and(|n| n.first < last);
        if !in_name
            && last > at
            && (words.is_punct(last)
                || is_one_of(lower, CLAUSE_WORDS)
                || is_one_of(lower, LOCATIVES)
                || is_one_of(
                    lower,
                    &[
                        "with", "con", "on", "against", "contra", "for", "after", "over", "under",
                    ],
                ))
        {
            break;
        }
        if let Some(name) = words.name_at(last) {
            last = name.last;
        }
        let head_done = words.name_at(last).is_some() || is_group(words.lower(last));
        last += 1;
        // A name or a group noun ends the phrase unless "of"/"from" or another group noun
        // continues it ("Donald Trump urged", "rebels left", "members of the cartel").
        let next = words.lower(last);
        if head_done
            && !is_group(next)
            && !matches!(next, "of" | "from" | "de" | "del" | "'s" | "’s")
            && words
                .name_at(last)
                .is_none_or(|n| n.kind == MentionKind::Misc)
        {
            break;
        }
    }
    if last <= at {
        return (None, start);
    }
    (participant(words, at, last - 1), last - 1)
}

/// The object after a verb, or the prepositional object after a noun ("attack on X", "the
/// arrest of X", "clashes with X").
fn object_after(words: &DocView, found: &Found, end: usize) -> Option<Participant> {
    let mut at = found.last + 1;
    let prep = words.lower(at);
    if is_one_of(prep, RECIPIENT_PREPS) {
        at += 1;
    } else if found.trigger.class == WordClass::Noun {
        return None;
    }
    if is_one_of(words.lower(at), LOCATIVES) {
        return None;
    }
    // A place after a preposition is where, not whom.
    if words
        .name_at(at)
        .is_some_and(|n| n.kind == MentionKind::Loc && is_one_of(prep, &["on", "at", "a", "in"]))
    {
        return None;
    }
    let (found, last) = phrase_after(words, at, end);
    found.filter(|p| {
        p.entity.is_some()
            || is_group_phrase(&p.name)
            || (words.is_capitalised(last)
                && !is_pronoun(words.norm(last))
                && !in_date(words, last))
    })
}

/// The named party an act is directed to, later in its clause: "aid to Mozambique", "shared
/// evidence with the U.S.", "ties with Tehran", "mediation between Syria and X", "asilo a
/// cinco oficiales". Only names count, so "sentenced to ten years" gives none.
fn named_counterparts(words: &DocView, found: &Found, end: usize) -> Vec<Participant> {
    let limit = (found.last + 12).min(end);
    if let Some(owner) = possessor_after(words, found.last + 1, limit) {
        return vec![owner];
    }
    // "Chile demanded on Friday that Bolivia reopen the border": the one asked is the subject
    // of the clause asked for.
    if matches!(
        found.trigger.kind,
        tessera_doc::EventType::Request | tessera_doc::EventType::Reject
    ) && let Some(that) = (found.last + 1..(found.last + 5).min(limit))
        .find(|&i| matches!(words.lower(i), "that" | "que"))
    {
        let mut start = that + 1;
        while is_one_of(words.lower(start), DETERMINERS) {
            start += 1;
        }
        if let Some(name) = words.name_at(start).filter(|n| n.first == start)
            && let Some(asked) = participant(words, name.first, name.last)
        {
            return vec![asked];
        }
    }
    // What is eased or left is eased for, or left by, the place: "lifted a curfew in X",
    // "withdrawal of forces from X".
    let place_preps: &[&str] = match found.trigger.kind {
        tessera_doc::EventType::Concede | tessera_doc::EventType::Retreat => {
            &["in", "from", "en", "de"]
        }
        _ => &[],
    };
    let mut at = found.last + 1;
    while at < limit && !matches!(words.lower(at), "," | ";" | "." | ":") {
        let prep = words.lower(at);
        let from_offer = found.trigger.kind == tessera_doc::EventType::Reject
            && matches!(prep, "from" | "de" | "by" | "por");
        if matches!(
            prep,
            "to" | "with"
                | "between"
                | "a"
                | "con"
                | "entre"
                | "for"
                | "para"
                | "against"
                | "contra"
                | "on"
                | "upon"
                | "sobre"
        ) || place_preps.contains(&prep)
            || from_offer
        {
            let mut start = at + 1;
            while is_one_of(words.lower(start), DETERMINERS) {
                start += 1;
            }
            if let Some(name) = words.name_at(start).filter(|n| n.first == start) {
                let mut found_names = Vec::new();
                found_names.extend(participant(words, name.first, name.last));
                if matches!(prep, "between" | "entre")
                    && matches!(words.lower(name.last + 1), "and" | "y")
                    && let Some(other) = words.name_at(name.last + 2)
                {
                    found_names.extend(participant(words, other.first, other.last));
                }
                if !found_names.is_empty() {
                    return found_names;
                }
            }
        }
        at += 1;
    }
    Vec::new()
}

/// A name owning what the act is about, right after its trigger: "rejected North Korea's
/// demand", "praised Haiti's efforts", "rejected an Indian proposal" (a nationality word).
fn possessor_after(words: &DocView, from: usize, limit: usize) -> Option<Participant> {
    let mut at = from;
    while at < limit
        && (is_one_of(words.lower(at), DETERMINERS)
            || words.lower(at).ends_with("ly")
            || matches!(
                words.lower(at),
                "again" | "outright" | "also" | "further" | "fresh" | "new" | "recent" | "latest"
            ))
    {
        at += 1;
    }
    let name = words.name_at(at).filter(|n| n.first == at)?;
    let owns = matches!(words.lower(name.last + 1), "'s" | "’s")
        || (name.kind == MentionKind::Misc && words.is_word(name.last + 1));
    if !owns {
        return None;
    }
    participant(words, name.first, name.last).or_else(|| {
        Some(Participant {
            entity: name.entity,
            name: words.words(name.first, name.last),
            span: Some(name.span),
        })
    })
}

/// The target of force a few words on ("fired tear gas and water cannon at protesters",
/// "abrieron fuego contra los manifestantes"): for attacks only, within the clause.
fn target_after(words: &DocView, found: &Found, end: usize) -> Option<Participant> {
    if found.trigger.kind != tessera_doc::EventType::Assault {
        return None;
    }
    let limit = (found.last + 6).min(end);
    let at = (found.last + 1..limit)
        .take_while(|&i| !words.is_punct(i))
        .find(|&i| matches!(words.lower(i), "at" | "against" | "contra" | "on"))?;
    if words
        .name_at(at + 1)
        .is_some_and(|n| n.kind == MentionKind::Loc)
    {
        return None;
    }
    let (target, _) = phrase_after(words, at + 1, end);
    target.filter(|p| p.entity.is_some() || is_group_phrase(&p.name))
}

/// Personal pronouns (folded), which stand for a subject named elsewhere.
pub(crate) fn is_pronoun(word: &str) -> bool {
    matches!(
        word,
        "they"
            | "it"
            | "he"
            | "she"
            | "we"
            | "i"
            | "you"
            | "ellos"
            | "ellas"
            | "el"
            | "ella"
            | "nosotros"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
    )
}

pub(crate) fn is_group(word: &str) -> bool {
    GROUPS.matches(word)
}

pub(crate) fn is_group_phrase(phrase: &str) -> bool {
    phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| is_group(&tessera_doc::fold::lower(w)))
}

/// The last token of a phrase `first..=last` without what a dispute is over: "the Kolwezi
/// copper mine | over unpaid bonuses" ("over 100 people" still counts them).
pub(crate) fn before_cause(words: &DocView, first: usize, last: usize) -> usize {
    (first + 1..=last)
        .find(|&i| {
            words.lower(i) == "over"
                && !words.lower(i + 1).starts_with(|c: char| c.is_ascii_digit())
        })
        .map_or(last, |over| over - 1)
}

/// A participant for tokens `first..=last`: the entity when the words are one name (or a
/// name and group nouns: "CJNG members"); people and groups described in words otherwise.
pub(crate) fn participant(words: &DocView, first: usize, last: usize) -> Option<Participant> {
    let last = before_cause(words, first, last);
    // "12 presuntos integrantes de | Los del Picacho": a phrase cut at its connector goes on
    // to the name after it.
    let last = match words.name_starting(last + 1) {
        Some(index) if last > first && matches!(words.lower(last), "de" | "del" | "of") => {
            words.names()[index].last
        }
        _ => last,
    };
    // "agentes de la Fiscalía General de la República (FGR)": a short form in brackets at the
    // end repeats the name before it.
    let last = if last >= first + 4
        && words.lower(last) == ")"
        && words.lower(last - 2) == "("
        && words.name_at(last - 3).is_some()
    {
        last - 3
    } else {
        last
    };
    let names: Vec<_> = words
        .names()
        .iter()
        .filter(|n| n.first >= first && n.last <= last)
        .collect();
    // The most telling name: a person or organisation over a place, over an adjective.
    let best = names.iter().max_by_key(|n| {
        (
            match n.kind {
                MentionKind::Per => 3,
                MentionKind::Org => 2,
                MentionKind::Loc => 1,
                _ => 0,
            },
            n.last,
        )
    });
    let span = words.span(first, last);
    let mut bare = first;
    while bare < last && is_one_of(words.lower(bare), DETERMINERS) {
        bare += 1;
    }
    if let Some(name) = best.filter(|n| n.kind != MentionKind::Misc) {
        // "members of the Aviation Staff Union", "integrantes del Frente": the body acts.
        let members = name.kind == MentionKind::Org
            && names.len() == 1
            && name.last == last
            && name.first >= bare + 2
            && is_one_of(words.lower(bare), MEMBER_NOUNS)
            && (bare + 1..name.first).all(|i| is_one_of(words.lower(i), OF_THE));
        let whole = members || name.first == bare && name.last == last;
        let tail_is_group =
            (name.last + 1..=last).all(|i| is_group(words.lower(i)) || words.is_punct(i));
        if whole || name.kind == MentionKind::Per || tail_is_group {
            let entity_name = name
                .entity
                .and_then(|id| words.entity(id))
                .map(|e| e.name.clone());
            let name_text = if whole || name.kind == MentionKind::Per {
                entity_name.unwrap_or_else(|| words.slice(name.first, name.last).to_string())
            } else {
                words.slice(first, last).to_string()
            };
            return Some(Participant {
                entity: name.entity,
                name: name_text,
                span: Some(if whole || name.kind == MentionKind::Per {
                    name.span
                } else {
                    span
                }),
            });
        }
    }
    if let Some(known) = definite_reference(words, first, bare, last)
        .or_else(|| generic_reference(words, first, bare, last))
    {
        return Some(known);
    }
    let text = words.slice(first, last);
    let head_is_group = (first..=last).any(|i| is_group(words.lower(i)));
    // A short phrase headed by a capitalised word the recogniser missed ("Kenyans", "Swiss
    // doctors" is a group already): a people or a body named by the text.
    let proper_head = first <= last
        && last - first < 4
        && words.is_capitalised(last)
        && words.is_word(last)
        && !is_pronoun(words.norm(last))
        && !is_one_of(words.lower(last), DETERMINERS)
        && !is_one_of(words.lower(last), SPANS_OF_TIME);
    (head_is_group || proper_head).then(|| Participant {
        entity: None,
        name: text.split_whitespace().collect::<Vec<_>>().join(" "),
        span: Some(span),
    })
}

/// Nouns for the members of a body ("members of", "integrantes del").
const MEMBER_NOUNS: &[&str] = &[
    "members",
    "member",
    "militants",
    "activists",
    "integrantes",
    "miembros",
    "militantes",
    "afiliados",
    "agremiados",
    "elementos",
    "agents",
    "agentes",
    "officers",
    "deputies",
    "personnel",
    "efectivos",
    "troops",
    "soldiers",
    "soldados",
];

/// The words between a member noun and its body's name.
const OF_THE: &[&str] = &["of", "the", "de", "del", "la", "el", "los", "las"];

/// Nouns for a stretch of time, capitalised at a sentence's start ("Horas después", "Hours
/// later") and no participant.
const SPANS_OF_TIME: &[&str] = &[
    "hours", "minutes", "days", "weeks", "months", "years", "horas", "minutos", "días", "dias",
    "semanas", "meses", "años", "momentos",
];

/// Nouns that stand for any organisation named just before ("the agency", "its agents",
/// "la dependencia").
const GENERIC_BODY_NOUNS: &[&str] = &[
    "agency",
    "organisation",
    "organization",
    "body",
    "group",
    "dependencia",
    "organismo",
    "institución",
    "institucion",
    "organización",
    "organizacion",
    "agrupación",
    "agrupacion",
    "corporación",
    "corporacion",
    "grupo",
];

/// Sentences back, besides its own, where a generic noun's organisation may be named.
const GENERIC_REFERENCE_SENTENCES: usize = 2;

/// "The agency detained", "its agents", "la dependencia informó": a definite or possessive
/// generic noun for a body refers to the organisation named last before it, in its sentence
/// or the two before (wire agencies aside).
fn generic_reference(
    words: &DocView,
    first: usize,
    bare: usize,
    last: usize,
) -> Option<Participant> {
    let determiner = words.lower(first);
    let definite = matches!(determiner, "the" | "el" | "la" | "its" | "su");
    if !definite || bare != first + 1 || bare != last || !words.is_word(last) {
        return None;
    }
    let noun = words.norm(last);
    let agents = determiner == "its" && matches!(noun, "agents" | "officers" | "staff");
    if !agents && !GENERIC_BODY_NOUNS.contains(&noun) {
        return None;
    }
    let sentence = words.sentence_of(first);
    let from = words
        .sentence_tokens(sentence.saturating_sub(GENERIC_REFERENCE_SENTENCES))
        .start;
    let name = words.names().iter().rev().find(|n| {
        n.last < first
            && n.first >= from
            && n.kind == MentionKind::Org
            && n.entity.is_some()
            && !tessera_doc::is_wire_agency(words.slice(n.first, n.last))
    })?;
    let entity = name.entity.and_then(|id| words.entity(id))?;
    (!entity.unnamed).then(|| Participant {
        entity: name.entity,
        name: entity.name.clone(),
        span: Some(words.span(first, last)),
    })
}

/// "The cartel", "el sindicato": a definite noun that names the kind of one organisation in
/// the document ("Jalisco New Generation Cartel") refers to it; the most mentioned one wins.
fn definite_reference(
    words: &DocView,
    first: usize,
    bare: usize,
    last: usize,
) -> Option<Participant> {
    let definite = bare == first + 1
        && bare == last
        && matches!(words.lower(first), "the" | "el" | "la" | "los" | "las");
    if !definite || !words.is_word(last) {
        return None;
    }
    let noun = words.norm(last).to_string();
    let singular = noun.strip_suffix('s').unwrap_or(&noun).to_string();
    let (index, entity) = words
        .doc()?
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == MentionKind::Org && !e.unnamed)
        .filter(|(_, e)| {
            tessera_doc::fold(&e.name)
                .split_whitespace()
                .any(|w| w == noun || w == singular)
        })
        .max_by_key(|(i, e)| (e.mentions.len(), std::cmp::Reverse(*i)))?;
    Some(Participant {
        entity: Some(index as u32),
        name: entity.name.clone(),
        span: Some(words.span(first, last)),
    })
}
