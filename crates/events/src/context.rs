//! The contexts of an event from the words around its trigger: `negation` ("did not fire",
//! "no hubo"), `hypothetical` ("would", "potential", "if necessary", "podría"), `future`
//! ("will", "plans to", "convocó a", a date after publication, a Spanish future or conditional
//! form), `historical` (a date more than a year before publication), `crime` (cartels, drugs,
//! gangs, smuggling) and `disruption` (airports, roads, power, schools shut or blocked).

use crate::cues::{
    AUXILIARIES, CRIME, FUTURE_BEFORE, HYPOTHETICAL_AFTER, HYPOTHETICAL_BEFORE, INFRASTRUCTURE,
    NEGATORS, is_one_of,
};
use crate::scan::Found;
use tessera_doc::DocView;
use tessera_doc::EventType;

/// How many words before a trigger a cue may stand ("will not be able to strike").
const BEFORE: usize = 5;
/// How many words after a trigger a conditional may stand ("intervention if necessary").
const AFTER: usize = 8;

pub(crate) struct Contexts {
    pub negation: bool,
    pub hypothetical: bool,
    pub future: bool,
    pub crime: bool,
    pub disruption: bool,
}

pub(crate) fn contexts(
    words: &DocView,
    found: &Found,
    first: usize,
    end: usize,
    flags: &SentenceFlags,
) -> Contexts {
    let from = found.head.saturating_sub(BEFORE).max(first);
    // Cues before the trigger stop at a clause boundary.
    let clause_from = (from..found.head)
        .rev()
        .find(|&i| {
            matches!(
                words.lower(i),
                "," | ";" | ":" | "that" | "que" | "but" | "pero"
            )
        })
        .map_or(from, |i| i + 1);
    let before = clause_from..found.head;
    let to = (found.last + 1 + AFTER).min(end);
    let after_end = (found.last + 1..to)
        .find(|&i| matches!(words.lower(i), ";" | "." | "but" | "pero"))
        .unwrap_or(to);
    let head_word = words.lower(found.head);
    let negation = before.clone().any(|i| {
        is_one_of(words.lower(i), NEGATORS)
            // "not only", "no sólo" do not negate.
            && !matches!(words.lower(i + 1), "only" | "sólo" | "solo")
    }) && immediate_negation(words, found.head, clause_from);
    let spanish_future = found.trigger.spanish
        && found.trigger.class == crate::lexicon::WordClass::Verb
        && (head_word.ends_with("rá") || head_word.ends_with("rán"));
    let spanish_conditional = found.trigger.spanish
        && found.trigger.class == crate::lexicon::WordClass::Verb
        && (head_word.ends_with("ría") || head_word.ends_with("rían"));
    let hypothetical = spanish_conditional
        || before
            .clone()
            .any(|i| is_one_of(words.lower(i), HYPOTHETICAL_BEFORE))
        || (found.last + 1..after_end).any(|i| is_one_of(words.lower(i), HYPOTHETICAL_AFTER));
    let future = spanish_future
        || before
            .clone()
            .any(|i| is_one_of(words.lower(i), FUTURE_BEFORE));
    let crime = flags.crime;
    let disruption = found.trigger.disruption
        || (matches!(
            found.trigger.kind,
            EventType::Protest | EventType::Assault | EventType::Coerce
        ) && flags.infrastructure_shut);
    Contexts {
        negation,
        hypothetical,
        future,
        crime,
        disruption,
    }
}

/// A negator is only read when nothing but auxiliaries separate it from the trigger ("did not
/// attack", "no atacaron"), or a determiner of the noun ("no attack took place").
fn immediate_negation(words: &DocView, head: usize, from: usize) -> bool {
    let mut at = head;
    while at > from {
        let prev = words.lower(at - 1);
        if is_one_of(prev, NEGATORS) {
            return true;
        }
        if !is_one_of(prev, AUXILIARIES)
            && !matches!(prev, "any" | "ningún" | "ninguna" | "hubo" | "there")
        {
            return false;
        }
        at -= 1;
    }
    false
}

/// What a whole sentence says, read once for all its events.
pub(crate) struct SentenceFlags {
    /// Crime words: cartels, drugs, gangs, smuggling.
    pub crime: bool,
    /// Infrastructure named together with a word of shutting it.
    pub infrastructure_shut: bool,
}

impl SentenceFlags {
    pub fn new(words: &DocView, first: usize, end: usize) -> Self {
        let mut crime = false;
        let mut infrastructure = false;
        let mut shut = false;
        for i in first..end {
            let word = words.lower(i);
            crime = crime || CRIME.matches(word);
            infrastructure = infrastructure || INFRASTRUCTURE.matches(word);
            shut = shut || is_shutting(word);
        }
        SentenceFlags {
            crime,
            infrastructure_shut: infrastructure && shut,
        }
    }
}

fn is_shutting(word: &str) -> bool {
    matches!(
        word,
        "closed"
            | "shut"
            | "suspended"
            | "cancelled"
            | "canceled"
            | "halted"
            | "blocked"
            | "disrupted"
            | "paralysed"
            | "paralyzed"
            | "grounded"
            | "stranded"
            | "cerrado"
            | "cerrados"
            | "cerró"
            | "cerraron"
            | "suspendió"
            | "suspendieron"
            | "suspendidos"
            | "suspendidas"
            | "cancelados"
            | "bloquearon"
            | "bloqueadas"
            | "bloqueados"
            | "paralizó"
            | "paralizaron"
            | "sin"
            | "cancelaron"
    )
}
