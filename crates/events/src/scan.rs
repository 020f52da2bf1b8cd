//! Finding triggers in a sentence: one hash look-up per word, then the phrase's other words
//! and the sense conditions of the trigger.

use crate::args::is_group;
use crate::cues::{
    AUXILIARIES, CAUSE_MARKERS, DETERMINERS, LIGHT_VERBS, LOCATIVES, is_one_of, starts_with_any,
};
use crate::lexicon::{LEXICON, Trigger, WordClass};
use tessera_doc::EventType;
use tessera_doc::{DocView, Lang};

/// A trigger found in the text: its first and last token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub head: usize,
    pub last: usize,
    pub trigger: &'static Trigger,
}

/// Whether the sentence `first..end` has at least three words and every letter in it is a
/// capital (a wire headline, an archive in capitals).
fn is_all_capitals(words: &DocView, first: usize, end: usize) -> bool {
    let mut count = 0;
    for i in first..end {
        match words.case(i) {
            tessera_doc::Case::NoLetters => {}
            tessera_doc::Case::Upper => count += 1,
            _ => return false,
        }
    }
    count >= 3
}

/// How many other words may come between the parts of a phrase ("opened heavy fire").
const MAX_GAP: usize = 2;

/// The triggers of the sentence whose tokens are `first..end`, in text order, none
/// overlapping.
pub(crate) fn find_triggers(
    words: &DocView,
    first: usize,
    end: usize,
    lang: Option<Lang>,
) -> Vec<Found> {
    let lexicon = &*LEXICON;
    // English and Spanish triggers apply to their language; both to other or unknown text.
    let spanish = lang == Some(Lang::ES);
    let lang_known = lang.is_some_and(Lang::is_supported);
    let mut found = Vec::new();
    // In a sentence written all in capitals, a capital says nothing about names.
    let caseless = is_all_capitals(words, first, end);
    let mut at = first;
    while at < end {
        let Some(candidates) = lexicon.by_head.get(words.lower(at)) else {
            at += 1;
            continue;
        };
        // A word inside a name is part of the name ("Joint Task Force", "Frente de Liberación").
        // A capitalised word inside a sentence is a name or a title ("Press Secretary").
        if words.name_at(at).is_some()
            || (!caseless && at > first && words.is_capitalised(at) && !words.is_punct(at - 1))
        {
            at += 1;
            continue;
        }
        if in_idiom(words, at, end)
            || is_averted(words, first, at)
            || is_attributive(words, at, end)
        {
            at += 1;
            continue;
        }
        // A particle right after its verb is no act of its own ("pushed back", "sent back").
        let particle = words.relation(at) == "compound:prt"
            || (words.relation(at) == "advmod"
                && words
                    .dependency(at)
                    .and_then(|d| d.head)
                    .is_some_and(|verb| {
                        (verb as usize) + 1 == at
                            && words
                                .dependency(verb as usize)
                                .is_some_and(|d| d.tag == "VERB")
                    }));
        let mut matches = candidates
            .iter()
            .filter(|trigger| trigger.spanish == spanish || !lang_known)
            .filter(|trigger| !(particle && trigger.class == WordClass::Verb))
            // "Desconocidos incendiaron": a sentence opening on a word for people opens on
            // its subject, not a verb.
            .filter(|trigger| {
                !(at == first && trigger.class == WordClass::Verb && is_group(words.lower(at)))
            })
            // "the jail", "its offer": in English, after an article or a possessive, a verb's
            // form is a noun (Spanish "la", "los" before a verb are its object: "la
            // detuvieron"). The parse's tags are not asked: they take event nouns made of verbs
            // ("rioting", "shells") for nouns that name no act.
            .filter(|trigger| {
                !(trigger.class == WordClass::Verb
                    && trigger.rest.is_empty()
                    && !spanish
                    && after_article(words, first, at))
            })
            .filter_map(|trigger| {
                let last = match_rest(words, at, end, trigger)?;
                satisfies_needs(words, first, end, trigger).then_some(Found {
                    head: at,
                    last,
                    trigger,
                })
            });
        let matched = matches.next().map(|hit| {
            // A form both a verb and a noun ("attacks"): the words before it decide.
            match matches
                .find(|other| other.last == hit.last && other.trigger.class != hit.trigger.class)
            {
                Some(other)
                    if (other.trigger.class == WordClass::Noun)
                        == reads_as_noun(words, first, at) =>
                {
                    other
                }
                _ => hit,
            }
        });
        match matched {
            Some(hit) => {
                at = hit.last + 1;
                if !is_background_cause(words, first, hit) {
                    found.push(hit);
                }
            }
            None => at += 1,
        }
    }
    found
}

/// Whether an English article or possessive comes right before the word at `at` ("the
/// jail", "its offer").
fn after_article(words: &DocView, first: usize, at: usize) -> bool {
    at > first
        && matches!(
            words.lower(at - 1),
            "the" | "a" | "an" | "its" | "his" | "their" | "our" | "this" | "'s" | "’s"
        )
}

/// Whether the word at `at` only makes up a fixed phrase that names no act: "de acuerdo con"
/// (according to), "sin embargo" (however), "pushed them back" (an adverb before a
/// preposition or the end of the clause).
fn in_idiom(words: &DocView, at: usize, end: usize) -> bool {
    let before = if at > 0 { words.lower(at - 1) } else { "" };
    let after = if at + 1 < end {
        words.lower(at + 1)
    } else {
        ""
    };
    match words.lower(at) {
        "acuerdo" => before == "de" && matches!(after, "con" | "a" | "al"),
        "embargo" => before == "sin",
        // "riot police", "riot gear": the police kept for riots.
        "riot" => matches!(
            after,
            "police" | "policemen" | "squad" | "squads" | "gear" | "officers" | "unit" | "units"
        ),
        // "did not respond to requests for comment", "declined to comment": the press's words.
        "request" | "requests" | "solicitudes" | "solicitud" => {
            matches!(after, "for" | "de")
                && at + 2 < end
                && matches!(words.lower(at + 2), "comment" | "comments" | "comentarios")
        }
        "declined" | "refused" | "declinó" => {
            after == "to" && at + 2 < end && matches!(words.lower(at + 2), "comment" | "elaborate")
        }
        // "cumple una condena de 34 años": a sentence being served, not passed.
        "condena" => (at.saturating_sub(2)..at)
            .any(|i| matches!(words.lower(i), "cumple" | "cumplía" | "cumplen" | "purga")),
        // "la concesión de una mina", "a mining concession": a licence, not a concession.
        "concesión" | "concesiones" | "concession" | "concessions" => {
            matches!(after, "de" | "for" | "to" | "minera" | "mineras")
                || matches!(before, "mining" | "oil" | "gas" | "logging")
        }
        // "lo que permite a las Fuerzas Armadas apoyar": what a measure allows.
        "permite" | "permiten" | "permitirá" | "permitirán" => before == "que",
        // "aseguró que": said so, not seized.
        "aseguró" | "aseguraron" | "asegura" | "aseguran" | "aseguraba" => after == "que",
        // "se reunió con" met; "reunió a miles de personas" gathered them.
        "reunió" | "reunieron" | "reúne" | "reúnen" => {
            !(at.saturating_sub(2)..at).any(|i| words.lower(i) == "se")
        }
        "back" => {
            at + 1 >= end
                || words.is_punct(at + 1)
                || matches!(
                    after,
                    "to" | "into" | "from" | "in" | "on" | "at" | "home" | "down" | "up" | "and"
                )
        }
        _ => false,
    }
}

/// Whether an act is named only as one to prevent: "para evitar nuevos enfrentamientos", "to
/// prevent further clashes".
fn is_averted(words: &DocView, first: usize, at: usize) -> bool {
    (at.saturating_sub(3).max(first)..at).any(|i| {
        matches!(
            words.lower(i),
            "evitar" | "prevenir" | "impedir" | "prevent" | "avoid" | "avert"
        )
    })
}

/// Whether an English participle modifies the people after it, past a determiner, "of" or
/// "said" ("said injured teachers were treated", "if the arrested students were not freed"):
/// people of an act, no act ("attacked police posts" keeps its verb).
fn is_attributive(words: &DocView, at: usize, end: usize) -> bool {
    let word = words.lower(at);
    // "Los militares retenidos pertenecen a ...": a Spanish participle after the people it
    // describes, themselves after a determiner.
    let people = |w: &str| {
        let w = tessera_doc::fold::lower(w);
        is_group(&w) || crate::cues::PEOPLE.matches(&w)
    };
    if at >= 2
        && crate::cues::is_spanish_participle(word)
        && people(words.lower(at - 1))
        && is_one_of(words.lower(at - 2), DETERMINERS)
    {
        return true;
    }
    // "three officials accused of corruption", "two men charged with murder": an English
    // participle after the people it describes, before what they are said to have done.
    if at >= 1
        && at + 1 < end
        && matches!(word, "accused" | "charged" | "suspected" | "convicted")
        && people(words.lower(at - 1))
        && matches!(words.lower(at + 1), "of" | "with")
    {
        return true;
    }
    at + 1 < end
        && (word.ends_with("ed") || word.ends_with("en"))
        && {
            let next = tessera_doc::fold::lower(words.lower(at + 1));
            (is_group(&next) || crate::cues::PEOPLE.matches(&next)) && !words.is_punct(at + 1)
        }
        && at > 0
        && {
            let before = words.lower(at - 1);
            is_one_of(before, DETERMINERS)
                || matches!(before, "of" | "among" | "where" | "as" | "said" | "says")
        }
}

/// The last token of the phrase when the trigger's other words follow `head`.
fn match_rest(words: &DocView, head: usize, end: usize, trigger: &Trigger) -> Option<usize> {
    let mut last = head;
    for part in &trigger.rest {
        let limit = (last + 2 + MAX_GAP).min(end);
        last = (last + 1..limit).find(|&i| part.iter().any(|form| form == words.lower(i)))?;
    }
    Some(last)
}

fn satisfies_needs(words: &DocView, first: usize, end: usize, trigger: &Trigger) -> bool {
    trigger.needs.is_empty()
        || (first..end).any(|i| {
            let word = words.lower(i);
            // Short needs ("to", "of") must be the word; longer ones may start it ("airport").
            trigger.needs.iter().any(|need| {
                if need.len() <= 3 {
                    word == need
                } else {
                    word.starts_with(need.as_str())
                }
            })
        })
}

/// A noun named only as a cause ("disruptions due to threats of violence", "debido a
/// amenazas"): background, not an event of its own.
fn is_background_cause(words: &DocView, first: usize, hit: Found) -> bool {
    if hit.trigger.class != WordClass::Noun {
        return false;
    }
    let from = hit.head.saturating_sub(3).max(first);
    if hit.trigger.kind == EventType::Assault {
        // Violence fled or threatened is no attack of its own ("had fled fighting in
        // Sagaing", "amenaza con nuevos ataques"); weapons seized are no attack either
        // ("decomisaron dos fusiles y 40 kilos de explosivos").
        return (from..hit.head).any(|i| {
            let word = words.lower(i);
            is_one_of(word, FLED) || is_one_of(word, THREATENED)
        }) || (hit.head.saturating_sub(8).max(first)..hit.head).any(|i| {
            starts_with_any(words.lower(i), SEIZED)
                && !(i + 1..hit.head)
                    .any(|j| words.lower(j) == ";" || is_one_of(words.lower(j), CLAUSE_OPENERS))
        });
    }
    (from..hit.head).any(|i| is_one_of(words.lower(i), CAUSE_MARKERS))
}

/// Words of flight: violence after them is what people fled.
const FLED: &[&str] = &[
    "fled", "flee", "flees", "fleeing", "escaped", "escaping", "huyeron", "huyen", "huir",
    "huyendo", "huía", "huían",
];

/// Words of threat and warning: an attack after them has not happened.
const THREATENED: &[&str] = &[
    "threatened",
    "threatens",
    "threatening",
    "threat",
    "warned",
    "warns",
    "amenaza",
    "amenazó",
    "amenazan",
    "amenazaron",
    "amenazas",
    "advirtió",
    "advierte",
];

/// Starts of words that seize: weapons named after them were taken, not used.
const SEIZED: &[&str] = &["seiz", "recover", "decomis", "asegur", "incaut", "confisc"];

/// Words that open a new clause, past which a seizure no longer governs a noun.
const CLAUSE_OPENERS: &[&str] = &[
    "after", "when", "while", "where", "which", "who", "that", "tras", "cuando", "donde", "que",
    "mientras", "luego", "después",
];

/// Whether a word that may be a verb or a noun reads as a noun here: after a determiner, a
/// preposition, a light verb or a modifier ("reprisal attacks"), or opening the sentence; a
/// verb after an auxiliary, a name, a pronoun or a group noun ("rebels attack").
fn reads_as_noun(words: &DocView, first: usize, at: usize) -> bool {
    if at == first || words.is_punct(at - 1) {
        return true;
    }
    let prev = words.lower(at - 1);
    if is_one_of(prev, DETERMINERS) || matches!(prev, "'s" | "’s") {
        return true;
    }
    // "the Buenaventura raid", "el ataque": a name between a determiner and the word modifies
    // a noun.
    if let Some(name) = words.name_at(at - 1)
        && name.first > first
        && is_one_of(words.lower(name.first - 1), DETERMINERS)
    {
        return true;
    }
    if is_one_of(prev, AUXILIARIES)
        || words.name_at(at - 1).is_some()
        || matches!(
            prev,
            "he" | "she" | "they" | "we" | "it" | "who" | "that" | "which" | "se"
        )
        || is_group(prev)
    {
        return false;
    }
    is_one_of(prev, LIGHT_VERBS) || is_one_of(prev, LOCATIVES) || words.is_word(at - 1)
}
