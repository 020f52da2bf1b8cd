//! PLOVER event coding: from a document with its sentences, names, places and entities, the
//! typed events it reports (who did what to whom, where, when), each with its evidence,
//! attribution and certainty.
//!
//! Per sentence: triggers from English and Spanish lexicons grouped by type and mode
//! ([`lexicon`], inflected once at start-up and looked up by lowercase word); a trigger in the
//! complement of a threat, request, agreement, rejection or accusation is part of that act
//! ("threatened to strike" is one THREATEN, mode `strike`) except that a call to protest is
//! the protest, planned ("called for a national strike on Monday"); one event per type per
//! sentence. Then its actors and recipients ([`args`]), one event per listed place
//! ([`places`]), the date nearest the trigger resolved against the publication date
//! ([`when`]), fatalities, injured and arrested ([`counts`]), contexts ([`context`]) and the
//! claim from `tessera_claims` (a negated act is `denied`).

mod args;
mod context;
mod counts;
mod cues;
mod lexicon;
mod places;
mod scan;
mod when;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_es;

use args::Roles;
use lexicon::WordClass;
use scan::Found;
use std::sync::LazyLock;
use tessera_doc::{Certainty, Context, DocView, Document, Event, EventType, Mode, Span};

/// How many words after an act its complement may begin ("urged X to withdraw").
const COMPLEMENT_WINDOW: usize = 7;

/// Adds the events layer to a document whose entities, dates and numbers are found.
pub fn extract_events(doc: &mut Document) {
    doc.events = code_events(doc);
}

/// The events of `doc`, in text order, from its names, entities, places and values layers.
pub fn code_events(doc: &Document) -> Vec<Event> {
    let words = DocView::new(doc);
    let lang = doc.lang();
    let mut events = Vec::new();
    let mut dates = when::DateCache::new(doc.segmentation.sentences.len());
    for (index, sentence) in doc.segmentation.sentences.iter().enumerate() {
        let first = sentence.first_token as usize;
        let end = first + sentence.token_count as usize;
        let found = settle(&words, scan::find_triggers(&words, first, end, lang));
        if found.is_empty() {
            continue;
        }
        let here = dates.get(doc, index).to_vec();
        let previous = match index.checked_sub(1) {
            Some(before) => dates.get(doc, before).to_vec(),
            None => Vec::new(),
        };
        let flags = context::SentenceFlags::new(&words, first, end);
        let triggers: Vec<Span> = found
            .iter()
            .map(|(hit, _)| words.span(hit.head, hit.last))
            .collect();
        let claims = tessera_claims::assess_each(&words, sentence.span, &triggers);
        // Deaths, injuries and arrests are counted for violence and coercion only.
        let counted = found
            .iter()
            .any(|(hit, _)| matches!(hit.trigger.kind, EventType::Assault | EventType::Coerce));
        let stated = if counted {
            let numbers = counts::sentence_numbers(doc, index);
            counts::counts(&words, &numbers, first, end)
        } else {
            counts::Counts::default()
        };
        let mut last_roles: Option<Roles> = None;
        for ((hit, planned), mut claim) in found.into_iter().zip(claims) {
            let mut roles = args::roles(&words, &hit, first, end);
            if is_participle_clause(&words, &hit)
                && let Some(main) = &last_roles
            {
                roles = main.clone();
            }
            last_roles = Some(roles.clone());
            let trigger = words.span(hit.head, hit.last);
            let taken: Vec<usize> = taken_names(&words, &roles);
            let places = places::event_places(&words, hit.head, hit.last, first, end, &taken);
            let date_mention = when::pick(&here, &previous, trigger);
            let date = when::event_date(date_mention, doc.meta.published);
            let found_contexts = context::contexts(&words, &hit, first, end, &flags);
            let mut kind = hit.trigger.kind;
            let mut mode = hit.trigger.mode;
            let mut contexts = Vec::new();
            let mut negated = found_contexts.negation;
            if is_stopped(&words, hit.head, first) && kind != EventType::Concede {
                // "halted aid" reduces relations; "called off the blockade" eases.
                kind = if cooperative(kind) {
                    EventType::Sanction
                } else {
                    EventType::Concede
                };
                mode = None;
            } else if negated && cooperative(kind) && claim.certainty != Certainty::Denied {
                // "will not accept", "refused to meet": a rejection, not a negated act.
                kind = EventType::Reject;
                mode = None;
                negated = false;
            }
            if (found_contexts.crime || participants_in_crime(doc, &roles))
                && kind == EventType::Protest
                && mode == Some(Mode::Obstruct)
            {
                // Roads blocked by criminal groups are coercion, not protest.
                kind = EventType::Coerce;
            }
            let crime = found_contexts.crime || participants_in_crime(doc, &roles);
            if crime {
                contexts.push(Context::Crime);
            }
            if negated || claim.certainty == Certainty::Denied {
                contexts.push(Context::Negation);
                claim.certainty = Certainty::Denied;
            }
            if found_contexts.hypothetical {
                contexts.push(Context::Hypothetical);
            }
            let dated_future = date_mention.is_some_and(|d| when::is_future(d, doc.meta.published));
            if found_contexts.future || planned || dated_future {
                contexts.push(Context::Future);
            }
            if date_mention.is_some_and(|d| when::is_historical(d, doc.meta.published)) {
                contexts.push(Context::Historical);
            }
            if found_contexts.disruption {
                contexts.push(Context::Disruption);
            }
            if mode.is_none() && kind == EventType::Assault {
                mode = assault_mode(&words, first, end);
            }
            let fatalities = stated.fatalities.or_else(|| {
                // "X died": one death of a named person.
                (kind == EventType::Assault && hit.trigger.reversed)
                    .then(|| {
                        roles
                            .recipients
                            .iter()
                            .filter(|r| r.entity.is_some())
                            .count() as u32
                    })
                    .filter(|n| *n > 0)
            });
            let base = Event {
                kind,
                mode,
                contexts,
                actors: roles.actors,
                recipients: roles.recipients,
                place: None,
                date,
                fatalities: if places.len() > 1 { None } else { fatalities },
                injured: if places.len() > 1 {
                    None
                } else {
                    stated.injured
                },
                arrested: if places.len() > 1 {
                    None
                } else {
                    stated.arrested
                },
                trigger,
                evidence: sentence.span,
                claim,
            };
            if places.is_empty() {
                events.push(base);
            } else {
                for place in places {
                    let mut event = base.clone();
                    event.place = Some(place);
                    events.push(event);
                }
            }
        }
    }
    events
}

/// Settles the triggers of one sentence: complements join the act that governs them, and one
/// trigger is kept per type. Each kept trigger says whether it is a planned act (a call to
/// protest).
fn settle(words: &DocView, found: Vec<Found>) -> Vec<(Found, bool)> {
    let mut kept: Vec<(Found, bool)> = Vec::new();
    for hit in found {
        if let Some((governor, planned)) = kept.last_mut()
            && governs(governor.trigger.kind)
            && governor.trigger.class == WordClass::Verb
            && hit.head <= governor.last + COMPLEMENT_WINDOW
            && !(governor.last + 1..hit.head).any(|i| matches!(words.lower(i), "," | ";" | "."))
        {
            if governor.trigger.intent {
                // "promised to continue aid" agrees; "vowed to fight" threatens.
                *governor = Found {
                    trigger: intent_trigger(hostile(hit.trigger.kind)),
                    ..*governor
                };
            } else if governor.trigger.kind == EventType::Request
                && hit.trigger.kind == EventType::Protest
            {
                // "called for a strike": the strike, planned.
                *governor = hit;
                *planned = true;
            }
            continue;
        }
        if kept.iter().any(|(k, _)| k.trigger.kind == hit.trigger.kind) {
            continue;
        }
        kept.push((hit, false));
    }
    kept
}

/// The shared triggers an intent resolves to (AGREE or THREATEN, no mode).
fn intent_trigger(hostile: bool) -> &'static lexicon::Trigger {
    static AGREE: LazyLock<lexicon::Trigger> =
        LazyLock::new(|| lexicon::Trigger::bare(EventType::Agree));
    static THREATEN: LazyLock<lexicon::Trigger> =
        LazyLock::new(|| lexicon::Trigger::bare(EventType::Threaten));
    if hostile { &THREATEN } else { &AGREE }
}

/// Acts against the other side: what a threat or a cut in relations is made of.
fn hostile(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Assault
            | EventType::Coerce
            | EventType::Sanction
            | EventType::Protest
            | EventType::Threaten
            | EventType::Mobilize
            | EventType::Accuse
            | EventType::Reject
    )
}

/// Acts of cooperation, whose refusal is a REJECT and whose halting is a SANCTION.
fn cooperative(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Agree
            | EventType::Consult
            | EventType::Support
            | EventType::Cooperate
            | EventType::Aid
            | EventType::Concede
            | EventType::Retreat
    )
}

/// Verbs that stop or cut an act ("halted aid", "ended the strike", "suspendió la ayuda").
const STOPPING: &[&str] = &[
    "halted",
    "halts",
    "halt",
    "suspended",
    "suspends",
    "suspend",
    "cut",
    "cuts",
    "reduced",
    "reduces",
    "withheld",
    "withhold",
    "froze",
    "freezes",
    "stopped",
    "stops",
    "stop",
    "ended",
    "ends",
    "end",
    "cancelled",
    "canceled",
    "cancels",
    "prohibit",
    "prohibited",
    "curtailed",
    "scrapped",
    "terminated",
    "broke",
    "suspendió",
    "suspendieron",
    "canceló",
    "cancelaron",
    "redujo",
    "recortó",
    "recortaron",
    "congeló",
    "frenó",
    "terminó",
    "rompió",
    "rompieron",
    "interrumpió",
    "interrumpieron",
];

/// Whether a stopping verb governs the trigger from the three words before it.
fn is_stopped(words: &DocView, head: usize, first: usize) -> bool {
    (head.saturating_sub(3).max(first)..head).any(|i| cues::is_one_of(words.lower(i), STOPPING))
}

/// Acts whose complement is part of them: "threatened to strike", "agreed to withdraw".
fn governs(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Threaten
            | EventType::Request
            | EventType::Agree
            | EventType::Reject
            | EventType::Accuse
            | EventType::Support
    )
}

/// "..., warning of intervention": a participle clause shares the main clause's participants.
fn is_participle_clause(words: &DocView, hit: &Found) -> bool {
    let head = words.lower(hit.head);
    hit.head > 0
        && words.lower(hit.head - 1) == ","
        && (head.ends_with("ing") || head.ends_with("ando") || head.ends_with("iendo"))
}

/// Names already used as participants, so they are not also the place.
fn taken_names(words: &DocView, roles: &Roles) -> Vec<usize> {
    let spans: Vec<Span> = roles
        .actors
        .iter()
        .chain(&roles.recipients)
        .filter_map(|p| p.span)
        .collect();
    words
        .names()
        .iter()
        .enumerate()
        .filter(|(_, n)| spans.iter().any(|s| s.contains(&n.span)))
        .map(|(i, _)| i)
        .collect()
}

/// The weapon of an attack named elsewhere in its sentence.
fn assault_mode(words: &DocView, first: usize, end: usize) -> Option<Mode> {
    (first..end).find_map(|i| {
        let word = words.lower(i);
        Some(match word {
            "gun" | "guns" | "gunfire" | "rifle" | "rifles" | "shots" | "bullets" | "gunmen"
            | "disparos" | "balazos" | "balas" | "armas" | "fusiles" => Mode::Firearms,
            "bomb" | "bombs" | "explosive" | "explosives" | "grenade" | "grenades" | "ied"
            | "explosivos" | "explosivo" | "granadas" | "explosiones" => Mode::Explosives,
            "drone" | "drones" | "jets" | "aircraft" | "helicopter" | "helicopters"
            | "aeronaves" | "helicóptero" | "helicópteros" => Mode::Aerial,
            "artillery" | "mortars" | "rockets" | "missiles" | "artillería" | "morteros"
            | "cohetes" => Mode::HeavyWeapons,
            _ => return None,
        })
    })
}

/// Whether a participant is a criminal organisation by its name ("Jalisco New Generation
/// Cartel").
fn participants_in_crime(doc: &Document, roles: &Roles) -> bool {
    roles
        .actors
        .iter()
        .chain(&roles.recipients)
        .filter_map(|p| p.entity.and_then(|id| doc.entities.get(id as usize)))
        .any(|e| {
            e.name
                .split_whitespace()
                .any(|w| cues::CRIME.matches(&tessera_doc::fold::lower(w)))
        })
}
