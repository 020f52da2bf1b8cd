//! Actors and recipients read off the dependency parse of the sentence, when it was parsed:
//! the subject of the trigger verb (or of the verb it depends on: "police tried to arrest"),
//! its object, the passive subject and the "by"/"por" agent, the noun a participle modifies
//! ("protesters demanding"), and for a nominal trigger the light verb's subject and the
//! "of"/"on"/"against" phrase.

use crate::args::{Roles, before_cause, in_date, is_group_phrase, is_pronoun, participant};
use crate::cues;
use crate::lexicon::WordClass;
use crate::scan::Found;
use tessera_doc::{DocView, EventType, Mode, Participant};

/// Relations that stay inside a participant's phrase ("the army's special forces unit",
/// "members of the union"); anything else (clauses, appositions, coordinated words, time and
/// place phrases) ends it.
const PHRASE_PARTS: [&str; 12] = [
    "det",
    "det:predet",
    "det:poss",
    "amod",
    "compound",
    "flat",
    "flat:name",
    "flat:foreign",
    "nummod",
    "nmod:poss",
    "fixed",
    "case",
];

/// Prepositions of a noun's complement that put it outside the phrase: places, times and
/// surroundings are the event's own arguments ("police in Kabul", "the union on Monday",
/// "soldiers around the town").
const SETTING: [&str; 19] = [
    "in", "at", "near", "on", "during", "since", "after", "before", "en", "cerca", "durante",
    "desde", "tras", "antes", "despues", "después", "around", "toward", "towards",
];

/// Prepositions that mark the one an act is aimed at ("fired on", "attack against").
const AIMED_AT: [&str; 6] = ["on", "against", "at", "upon", "contra", "sobre"];

/// Prepositions that mark the one an act is done for or with ("aid for", "talks with",
/// "borders open to"), read in the infinitive the trigger governs ("agreed to open X to Y").
const DONE_FOR: [&str; 7] = ["to", "for", "with", "a", "para", "con", "hacia"];

/// Modals that make their clause's subject the one something is asked of ("X must return").
const OBLIGATION: [&str; 4] = ["must", "debe", "deben", "deberá"];

/// The relation's main part ("nsubj" of "nsubj:pass").
fn base(relation: &str) -> &str {
    relation.split(':').next().unwrap_or(relation)
}

/// The roles of `found` from syntax, or `None` when its sentence has no parse.
pub(crate) fn roles_from_syntax(
    words: &DocView,
    found: &Found,
    first: usize,
    end: usize,
) -> Option<Roles> {
    let head = found.head;
    words.dependency(head)?;
    let range = first..end;
    let mut roles = Roles::default();
    if OBLIGATION.contains(&words.lower(head)) && words.relation(head) == "aux" {
        // "X must return the ship": X is asked; who asks is the speaker, found by the caller.
        let verb = words.dependency(head).and_then(|d| d.head)? as usize;
        roles.recipients = arguments_of(words, verb, &range, &["nsubj", "nsubj:pass"]);
        return Some(roles);
    }
    let children = words.dependents(head, range.clone());
    let with_case = |token: usize, cases: &[&str]| has_case(words, token, &range, cases);
    let mut passive = false;
    // Words of the trigger itself ("fire" of "opened fire") are no argument, but what they
    // aim at is ("opened fire on protesters").
    let inside = |token: usize| (head..=found.last).contains(&token);
    for &part in children.iter().filter(|&&c| inside(c)) {
        for child in words.dependents(part, range.clone()) {
            if matches!(base(words.relation(child)), "nmod" | "obl") && with_case(child, &AIMED_AT)
            {
                roles.recipients.extend(arguments(words, child, &range));
            }
        }
    }
    for &child in children.iter().filter(|&&c| !inside(c)) {
        match words.relation(child) {
            "nsubj" | "nsubj:outer" => roles.actors.extend(arguments(words, child, &range)),
            "nsubj:pass" => {
                passive = true;
                roles.recipients.extend(arguments(words, child, &range));
            }
            "obl:agent" => roles.actors.extend(arguments(words, child, &range)),
            "obj" | "iobj" => roles.recipients.extend(arguments(words, child, &range)),
            "aux:pass" => passive = true,
            _ => {}
        }
    }
    if words.relation(head) == "acl"
        && cues::is_spanish_participle(words.lower(head))
        && !children.iter().any(|&c| words.relation(c) == "obj")
    {
        // "80 personas detenidas por agentes", "12 militares retenidos": the noun a Spanish
        // past participle modifies is acted on (English "-ed" is too often a finite verb the
        // parser hangs from a noun).
        passive = true;
        if roles.recipients.is_empty()
            && let Some(noun) = words.dependency(head).and_then(|d| d.head)
        {
            roles.recipients = arguments(words, noun as usize, &range);
        }
    }
    for &child in &children {
        if words.relation(child) != "obl" {
            continue;
        }
        // "fueron detenidos por X": the agent may be labelled a plain oblique.
        if passive && with_case(child, &["by", "por"]) {
            roles.actors.extend(arguments(words, child, &range));
        } else if roles.recipients.is_empty() && with_case(child, &AIMED_AT) {
            roles.recipients.extend(arguments(words, child, &range));
        }
    }
    if found.trigger.class == WordClass::Noun {
        for &child in &children {
            let relation = words.relation(child);
            if relation == "nmod:poss" {
                roles.actors.extend(arguments(words, child, &range));
            } else if base(relation) == "nmod"
                && (with_case(child, &["of", "de", "del", "to"]) || with_case(child, &AIMED_AT))
            {
                roles.recipients.extend(arguments(words, child, &range));
            }
        }
    }
    if found.trigger.kind == EventType::Request {
        // "demanding autonomy from the authorities": the one asked, not the thing asked for
        // (the "from" phrase hangs from the verb or from its object).
        let asked: Vec<usize> = complements(words, head, &range)
            .into_iter()
            .filter(|&c| with_case(c, &["from"]))
            .collect();
        if !asked.is_empty() {
            roles.recipients = asked
                .into_iter()
                .flat_map(|c| arguments(words, c, &range))
                .collect();
        }
    }
    if found.trigger.kind == EventType::Request && roles.recipients.is_empty() {
        // "demanding that the government take unsafe buses off the road", "exigieron que el
        // Gobierno retire la reforma": the one the demanded act falls to is the one asked.
        // A thing as the clause's subject ("que se detenga la ampliación") is what is asked.
        for &clause in children.iter().filter(|&&c| words.relation(c) == "ccomp") {
            roles.recipients.extend(
                arguments_of(words, clause, &range, &["nsubj"])
                    .into_iter()
                    .filter(|p| p.entity.is_some() || is_group_phrase(&p.name)),
            );
        }
    }
    if roles.recipients.is_empty() {
        // "agreed to provide aid for X", "threatened to cut off supplies to X": the one the
        // governed infinitive's act is for, never its object (a thing).
        for &verb in children.iter().filter(|&&c| words.relation(c) == "xcomp") {
            for target in complements(words, verb, &range) {
                if with_case(target, &DONE_FOR) || with_case(target, &AIMED_AT) {
                    roles.recipients.extend(arguments(words, target, &range));
                }
            }
        }
    }
    if found.trigger.class == WordClass::Noun
        && roles.recipients.is_empty()
        && words.relation(head) == "nsubj"
        && let Some(verb) = words.dependency(head).and_then(|d| d.head)
    {
        // "A roadside bombing killed two soldiers": the act's subject, the harm its object.
        roles.recipients = arguments_of(words, verb as usize, &range, &["obj"]);
    }
    if roles.actors.is_empty() && !passive {
        roles.actors.extend(inherited_subject(words, head, &range));
    }
    if roles.actors.is_empty()
        && found.trigger.mode == Some(Mode::CrowdControl)
        && matches!(base(words.relation(head)), "obl" | "nmod")
        && with_case(head, &["with", "con"])
        && let Some(mut verb) = words.dependency(head).and_then(|d| d.head)
    {
        // "dispersed the crowd with tear gas", "dispersaron a los aficionados con gas
        // lacrimógeno": whoever did the clause's act used the weapon (the parser often hangs
        // the weapon from the object).
        if words.relation(verb as usize) == "obj"
            && let Some(up) = words.dependency(verb as usize).and_then(|d| d.head)
        {
            verb = up;
        }
        roles.actors = arguments_of(words, verb as usize, &range, &["nsubj"]);
    }
    if found.trigger.reversed && !passive {
        std::mem::swap(&mut roles.actors, &mut roles.recipients);
    }
    Some(roles)
}

/// A subject the trigger shares with the word it hangs from: the controlling verb ("tried to
/// arrest"), the first of coordinated verbs ("stormed and burned"), the verb whose object the
/// nominal trigger is ("launched an attack"), or the noun a participle or relative clause
/// modifies ("protesters demanding", "gunmen who attacked").
fn inherited_subject(
    words: &DocView,
    head: usize,
    range: &std::ops::Range<usize>,
) -> Vec<Participant> {
    let mut at = head;
    for _ in 0..3 {
        let Some(parent) = words.dependency(at).and_then(|d| d.head) else {
            return Vec::new();
        };
        let parent = parent as usize;
        match words.relation(at) {
            "xcomp" | "conj" | "obj" | "ccomp" => {
                let subjects = arguments_of(words, parent, range, &["nsubj", "nsubj:outer"]);
                if !subjects.is_empty() || words.relation(at) == "ccomp" {
                    return subjects;
                }
                at = parent;
            }
            "acl" | "acl:relcl" => return arguments(words, parent, range),
            // "marched to demand", "marcharon para exigir", "opened fire, killing three": an
            // infinitive or gerund of purpose or result acts with its clause's subject.
            "advcl" if is_non_finite(words.lower(at)) || purpose_marked(words, at, range) => {
                return arguments_of(words, parent, range, &["nsubj", "nsubj:outer"]);
            }
            // "paralizaron sus unidades en protesta por", "walked out in protest at": the
            // protest is the manner of the clause's act, and its people are the clause's.
            "obl" | "nmod"
                if has_case(words, at, range, &["en", "in"])
                    && matches!(words.lower(at), "protesta" | "protest") =>
            {
                return arguments_of(words, parent, range, &["nsubj", "nsubj:outer"]);
            }
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Whether token `token` has one of `cases` as its case marker ("by", "por", "en").
fn has_case(words: &DocView, token: usize, range: &std::ops::Range<usize>, cases: &[&str]) -> bool {
    words
        .dependents(token, range.clone())
        .iter()
        .any(|&c| words.relation(c) == "case" && cases.contains(&words.lower(c)))
}

/// An infinitive or gerund, by its ending: "demand"ing, exig"ir", bloque"ando". English bare
/// infinitives have no ending, so an English word counts only as a gerund.
fn is_non_finite(word: &str) -> bool {
    ["ing", "ar", "er", "ir", "ando", "iendo"]
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// "to demand", "in order to", "para exigir", "a fin de": a clause of purpose.
fn purpose_marked(words: &DocView, verb: usize, range: &std::ops::Range<usize>) -> bool {
    words
        .dependents(verb, range.clone())
        .iter()
        .any(|&c| words.relation(c) == "mark" && matches!(words.lower(c), "to" | "para" | "de"))
}

/// The participants named by the dependents of `token` whose relation is one of `relations`.
fn arguments_of(
    words: &DocView,
    token: usize,
    range: &std::ops::Range<usize>,
    relations: &[&str],
) -> Vec<Participant> {
    words
        .dependents(token, range.clone())
        .into_iter()
        .filter(|&c| relations.contains(&words.relation(c)))
        .flat_map(|c| arguments(words, c, range))
        .collect()
}

/// The prepositional complements of `verb`: its obliques, and the noun modifiers of its
/// objects ("demanding [compensation] from X", "send [parcels] to X").
fn complements(words: &DocView, verb: usize, range: &std::ops::Range<usize>) -> Vec<usize> {
    let children = words.dependents(verb, range.clone());
    let mut found: Vec<usize> = children
        .iter()
        .copied()
        .filter(|&c| base(words.relation(c)) == "obl")
        .collect();
    for &object in children.iter().filter(|&&c| words.relation(c) == "obj") {
        found.extend(
            words
                .dependents(object, range.clone())
                .into_iter()
                .filter(|&c| base(words.relation(c)) == "nmod"),
        );
    }
    found
}

/// The participants an argument headed by token `head` names: its phrase, and those of the
/// words coordinated with it ("police and soldiers").
fn arguments(words: &DocView, head: usize, range: &std::ops::Range<usize>) -> Vec<Participant> {
    // "El sábado, agentes de la FGR detuvieron": the parser may take an opening date for the
    // subject and the subject for the date's apposition.
    if in_date(words, head) {
        return words
            .dependents(head, range.clone())
            .into_iter()
            .filter(|&c| words.relation(c) == "appos" && !in_date(words, c))
            .flat_map(|c| arguments(words, c, range))
            .collect();
    }
    let mut heads = vec![head];
    heads.extend(
        words
            .dependents(head, range.clone())
            .into_iter()
            .filter(|&c| words.relation(c) == "conj"),
    );
    // "El vocero presidencial, Martín Echeverría, calificó": the name in apposition is the
    // one who acts (the title beside it is left out later).
    let named_appositions: Vec<usize> = heads
        .iter()
        .flat_map(|&h| words.dependents(h, range.clone()))
        .filter(|&c| words.relation(c) == "appos" && words.name_at(c).is_some())
        .collect();
    heads.extend(named_appositions);
    heads
        .into_iter()
        // A time is no participant ("struck on Monday" misread as an object).
        .filter(|&h| !in_date(words, h))
        .filter_map(|h| {
            let (start, last) = phrase(words, h, range);
            let last = before_cause(words, start, last);
            participant(words, start, last).or_else(|| described(words, h, start, last))
        })
        .collect()
}

/// The first and last token of the phrase headed by `head`: its subtree through the
/// relations inside a noun phrase, without leading case markers, widened to whole names (a
/// name is one participant even where the parser split it: "Rail and Freight Workers' Union").
fn phrase(words: &DocView, head: usize, range: &std::ops::Range<usize>) -> (usize, usize) {
    let (mut start, mut last) = (head, head);
    let mut stack = vec![head];
    while let Some(at) = stack.pop() {
        for child in words.dependents(at, range.clone()) {
            let relation = words.relation(child);
            // "about 150 people", "cerca de 600 migrantes": a number's approximation.
            let approximation = relation == "advmod" && words.relation(at) == "nummod";
            let part = PHRASE_PARTS.contains(&relation)
                || approximation
                || (relation == "nmod" && !has_case(words, child, range, &SETTING));
            if !part || (at == head && relation == "case") {
                continue;
            }
            start = start.min(child);
            last = last.max(child);
            stack.push(child);
        }
    }
    for name in words.names() {
        if name.first <= last && name.last >= start {
            start = start.min(name.first).max(range.start);
            last = last.max(name.last).min(range.end - 1);
        }
    }
    (start, last)
}

/// A participant the parse vouches for though no name or group word marks it: a noun phrase
/// that a proper word ties to a people, place or body ("Palestinian homes", "Israeli army
/// bulldozers"). Phrases of common words alone ("the terms", "a truck") are things acted
/// on, not participants.
fn described(words: &DocView, head: usize, start: usize, last: usize) -> Option<Participant> {
    let tag = words.dependency(head)?.tag;
    if !matches!(tag, "NOUN" | "PROPN") || is_pronoun(words.norm(head)) {
        return None;
    }
    let sentence_start = words.sentence_tokens(words.sentence_of(head)).start;
    let proper = (start..=last).any(|i| {
        i > sentence_start && words.is_capitalised(i) && !in_date(words, i) && words.is_word(i)
    });
    if !proper {
        return None;
    }
    let name = words
        .slice(start, last)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(Participant {
        entity: None,
        name,
        span: Some(words.span(start, last)),
    })
}
