//! PLOVER event coding: from a document with its sentences, names, places and entities, the
//! typed events it reports (who did what to whom, where, when), each with its evidence,
//! attribution and certainty.
//!
//! Per sentence: triggers from English and Spanish lexicons grouped by type and mode
//! ([`lexicon`], inflected once at start-up and looked up by lowercase word); a trigger in the
//! complement of a threat, request, agreement, rejection or accusation is part of that act
//! ("threatened to strike" is one THREATEN, mode `strike`) except that a call to protest is
//! the protest, planned ("called for a national strike on Monday"); one event per type per
//! sentence (acts of their own only: not a running total, the people or cause of a protest, or
//! an act named again: [`scene`]). Then its actors and recipients ([`args`], tidied by
//! [`parties`]), one event per listed place
//! ([`places`]), the date nearest the trigger resolved against the publication date
//! ([`when`]), fatalities, injured and arrested ([`counts`]), contexts ([`context`]) and the
//! claim from `tessera_claims` (a negated act is `denied`).

mod args;
mod context;
mod counts;
mod cues;
mod lexicon;
mod parties;
mod places;
mod scan;
mod scene;
mod syntax_args;
mod when;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_es;
#[cfg(test)]
mod tests_scene;

use args::Roles;
use lexicon::WordClass;
use parties::{named_actor, names_a_party, shares_subject, visits_someone};
use scan::Found;
use scene::{
    HAZARD_SCENE, after_named_act, is_agent_noun, is_hazard_death, is_tally, protest_cause,
    refers_back, told_again,
};
use std::sync::LazyLock;
use tessera_doc::{
    Certainty, Context, DocView, Document, Event, EventType, FeatureKind, MentionKind, Mode,
    Participant, Span,
};
use when::{in_complement, report_verb_before};

/// How many words after an act its complement may begin ("urged X to withdraw").
const COMPLEMENT_WINDOW: usize = 7;

/// Adds the events layer to a document whose entities, dates and numbers are found.
pub fn extract_events(doc: &mut Document) {
    doc.events = code_events(doc);
}

/// The sentences (indices) holding at least one event cue: those the coder reads, and so the
/// ones worth parsing.
pub fn sentences_with_cues(doc: &Document) -> Vec<usize> {
    let words = DocView::new(doc);
    let lang = doc.lang();
    doc.segmentation
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, sentence)| {
            let first = sentence.first_token as usize;
            let end = first + sentence.token_count as usize;
            !scan::find_triggers(&words, first, end, lang).is_empty()
        })
        .map(|(index, _)| index)
        .collect()
}

/// The events of `doc`, in text order, from its names, entities, places and values layers.
pub fn code_events(doc: &Document) -> Vec<Event> {
    let words = DocView::new(doc);
    let lang = doc.lang();
    let mut events = Vec::new();
    let mut dates = when::DateCache::new(doc.segmentation.sentences.len());
    // A wire dateline is metadata: its place, date and agency are no event's arguments, and
    // the agency is the outermost source of every event.
    let dateline_end = doc.dateline.as_ref().map_or(0, |d| d.span.end);
    let body_start = words
        .tokens
        .partition_point(|t| t.span.start < dateline_end);
    let agency = dateline_agency(&words);
    for (index, sentence) in doc.segmentation.sentences.iter().enumerate() {
        let end = sentence.first_token as usize + sentence.token_count as usize;
        let first = (sentence.first_token as usize).max(body_start).min(end);
        // The sentences a hazard named before this one still frames ("The floods ...
        // Fourteen people died").
        let scene_from = index
            .checked_sub(HAZARD_SCENE)
            .and_then(|s| doc.segmentation.sentences.get(s))
            .map_or(0, |s| s.first_token as usize)
            .max(body_start);
        // "since January", "desde 2021": a date a period is counted from.
        let after_since = |d: &tessera_doc::DateMention| {
            words
                .starting_at(d.start as u32)
                .and_then(|at| at.checked_sub(1))
                .is_some_and(|before| matches!(words.lower(before), "since" | "desde"))
        };
        let counted_since = dates.get(doc, index).iter().any(after_since);
        let mut scanned = scan::find_triggers(&words, first, end, lang);
        let protest_before = events.iter().any(|e: &Event| e.kind == EventType::Protest);
        let acts = scanned.iter().filter(|h| !is_agent_noun(&words, h)).count();
        // "protesters", "manifestantes": the people of a protest, which is an event of its own
        // only when nothing else is told of them and no protest came before.
        scanned.retain(|h| !is_agent_noun(&words, h) || (acts == 0 && !protest_before));
        let causes: Vec<usize> = scanned
            .iter()
            .enumerate()
            .filter(|(_, h)| protest_cause(&words, h, &scanned))
            .map(|(i, _)| i)
            .collect();
        for i in causes.into_iter().rev() {
            scanned.remove(i);
        }
        // "Horas después del atentado, hombres armados secuestraron": an act named again as
        // the time of another leaves the sentence's own act of that type standing.
        scanned.retain(|hit| {
            !(refers_back(&words, hit, first, &events) && after_named_act(&words, hit, first))
        });
        let found: Vec<(Found, bool)> = settle(&words, scanned)
            .into_iter()
            .filter(|(hit, _)| !is_hazard_death(&words, hit, scene_from, first, end))
            .filter(|(hit, _)| !refers_back(&words, hit, first, &events))
            .filter(|(hit, _)| !is_tally(&words, hit, first, end, counted_since))
            .collect();
        if found.is_empty() {
            continue;
        }
        // "operates in the region since 2021": when a state began, not when an act was.
        // "fundado en 2009", "founded in 2019": when a body began, no act.
        let began = |d: &&tessera_doc::DateMention| {
            after_since(d)
                || words.starting_at(d.start as u32).is_some_and(|at| {
                    let before = |k: usize| at.checked_sub(k).map_or("", |i| words.lower(i));
                    [before(1), before(2)].iter().any(|w| {
                        matches!(
                            *w,
                            "founded"
                                | "established"
                                | "formed"
                                | "created"
                                | "fundado"
                                | "fundada"
                                | "creado"
                                | "creada"
                                | "formado"
                                | "formada"
                        )
                    })
                })
        };
        let here: Vec<_> = dates
            .get(doc, index)
            .iter()
            .filter(|d| d.start as u32 >= dateline_end)
            .filter(|d| !began(d))
            .cloned()
            .collect();
        // "informó ayer la Subdelegación", "police said on Monday": when the news was given.
        let told_on: Vec<Option<usize>> = here
            .iter()
            .map(|d| {
                words
                    .starting_at(d.start as u32)
                    .and_then(|at| report_verb_before(&words, at, first))
            })
            .collect();
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
        let mut last_hit_end: Option<usize> = None;
        for ((hit, planned), mut claim) in found.into_iter().zip(claims) {
            if let Some(agency) = &agency
                && !claim.attribution.iter().any(|a| a.name == agency.name)
            {
                claim.attribution.push(agency.clone());
            }
            // Who says so, when it is not the wire that carries the story.
            let source = claim
                .attribution
                .first()
                .filter(|s| agency.as_ref().is_none_or(|a| a.name != s.name))
                .cloned();
            let mut roles = args::roles(&words, &hit, first, end);
            if is_participle_clause(&words, &hit)
                && let Some(main) = &last_roles
            {
                roles = main.clone();
            } else if is_purpose(&words, &hit)
                && let Some(main) = &last_roles
            {
                // "marcharon para exigir al gobierno", "blocked the road to demand": those
                // who protest make the demand, of whom the demand names.
                roles.actors = main.actors.clone();
            } else if roles.actors.is_empty()
                && hit.trigger.class == WordClass::Verb
                && let Some((main, main_last)) = last_roles.as_ref().zip(last_hit_end)
                && shares_subject(&words, main_last, hit.head)
            {
                // "Police fired tear gas and arrested 23 people": one subject, two verbs.
                roles.actors = main.actors.clone();
            }
            last_hit_end = Some(hit.last);
            if verbal(hit.trigger.kind)
                && let Some(speaker) = source.as_ref().filter(|s| s.entity.is_some())
                && (roles.actors.is_empty() || words.norm(hit.head) == "must")
            {
                // "Peru said Chile must return the trawler": the speaker demands of the
                // subject; a statement with no subject is the speaker's own.
                if words.norm(hit.head) == "must" {
                    roles.recipients = std::mem::take(&mut roles.actors);
                }
                roles.actors = vec![as_participant(speaker)];
            }
            let pronoun_subject = match roles.actors.as_slice() {
                [only] => only.entity.is_none() && args::is_pronoun(&tessera_doc::fold(&only.name)),
                [] => (first..hit.head)
                    .rev()
                    .take(4)
                    .any(|i| args::is_pronoun(words.norm(i))),
                _ => false,
            };
            if pronoun_subject && let Some(speaker) = &source {
                // "The rebels said they would release him": the pronoun is the speaker.
                roles.actors = vec![as_participant(speaker)];
            } else if pronoun_subject
                && let Some(named) = antecedent(&words, &roles.actors, first, hit.head)
            {
                // "She accused Jamali", "It blamed the army": the person or body last named.
                roles.actors = vec![named];
            }
            if roles.actors.is_empty()
                && matches!(hit.trigger.kind, EventType::Coerce | EventType::Mobilize)
                && let Some(force) = source
                    .as_ref()
                    .filter(|s| cues::names_any(&s.name, cues::SECURITY_FORCES))
            {
                // "120 people had been detained, police said": the force reports its own act.
                roles.actors.push(as_participant(force));
            }
            roles.actors = roles
                .actors
                .into_iter()
                .filter_map(|p| named_actor(&words, p, end, incident_kind(hit.trigger.kind)))
                .collect();
            if verbal(hit.trigger.kind) {
                // "exigir al INM la liberación de 80 personas": a statement is addressed to a
                // party; what it asks for or rejects is no recipient.
                roles.recipients.retain(|p| {
                    p.entity.is_some()
                        || names_a_party(&p.name)
                        || p.name
                            .split_whitespace()
                            .any(|w| w.starts_with(char::is_uppercase))
                });
            }
            last_roles = Some(roles.clone());
            let trigger = words.span(hit.head, hit.last);
            let incident = matches!(
                hit.trigger.kind,
                EventType::Assault | EventType::Coerce | EventType::Protest | EventType::Mobilize
            );
            // "blocked the Zaragoza bridge", "walked off the job at the Port of Savannah": a
            // place the incident is done to is where it happened, not a party to it. People
            // are arrested and abducted, not places: a "place" there is a misread name.
            let object_places =
                if incident && !matches!(hit.trigger.mode, Some(Mode::Arrest | Mode::Abduct)) {
                    places_taken_as_recipients(&words, &mut roles)
                } else {
                    Vec::new()
                };
            let taken: Vec<usize> = taken_names(&words, &roles);
            if hit.trigger.kind == EventType::Mobilize {
                // "deployed 300 troops", "the army was deployed": the forces sent are the
                // actor's own, or the actor, not whom the deployment is aimed at.
                let (sent, aimed): (Vec<Participant>, Vec<Participant>) =
                    std::mem::take(&mut roles.recipients)
                        .into_iter()
                        .partition(|p| {
                            p.entity.is_none() || cues::names_any(&p.name, cues::SECURITY_FORCES)
                        });
                roles.recipients = aimed;
                if roles.actors.is_empty() {
                    roles.actors = sent;
                }
            }
            // A road runs through many places: a blocked highway is placed at the town the
            // sentence names ("the Trans-Isthmus highway in Juchitan"), else where the scene
            // is, else at the road.
            let (roads, mut points): (Vec<usize>, Vec<usize>) = object_places
                .iter()
                .partition(|&&n| places::is_road(&words, n));
            if matches!(hit.trigger.kind, EventType::Mobilize | EventType::Aid) {
                // "deployed 200 officers to Datu Piang", "sent soldiers to Masugu": where
                // forces or aid are sent is where the act is.
                points.extend(places::destinations(&words, hit.last + 1, end, &taken));
            }
            let sentence_places = |objects: &[usize]| {
                places::event_places(
                    &words,
                    hit.head,
                    hit.last,
                    first..end,
                    &taken,
                    objects,
                    incident,
                )
            };
            let mut places = sentence_places(&points);
            if places.is_empty()
                && !roads.is_empty()
                && events.iter().all(|e: &Event| e.place.is_none())
            {
                places = sentence_places(&object_places);
            }
            if places.is_empty() {
                places = places::places_counted_again(&words, first, end, &events);
            }
            if incident
                && (hit.trigger.class == WordClass::Noun || scene::is_outcome(&words, &hit))
                && claim.certainty != Certainty::Denied
                && places.is_empty()
                && here.is_empty()
                && told_again(&words, doc, index, &hit, &events)
            {
                // "Police fired tear gas ... Her husband was among those hit by tear gas", "tres
                // personas resultaron heridas": the same act told again, or its toll, with no
                // place or date of its own.
                continue;
            }
            // A date of its own sentence; an incident (an attack, an arrest, a protest) told
            // without one goes on in the scene of the events before it, not at a date the
            // sentence before merely names ("founded in 2022", "said yesterday"). Statements
            // (requests, threats, meetings) are not dated by their neighbours.
            let scene_dated = incident && hit.trigger.kind != EventType::Mobilize;
            let scene_before = (scene_dated && here.is_empty())
                .then(|| {
                    let before = doc.segmentation.sentences.get(index.checked_sub(1)?)?;
                    let last = events.last().filter(|e| e.evidence == before.span)?;
                    when::scene_date(std::slice::from_ref(last))
                })
                .flatten();
            // An act's own date: not when the news of it was given; for a statement, not a
            // date of what it demands or threatens ("exigió ... antes del lunes").
            let own: Vec<_> = here
                .iter()
                .zip(&told_on)
                .filter(|(d, told)| {
                    let at = words.starting_at(d.start as u32).unwrap_or(hit.head);
                    if is_purpose(&words, &hit) {
                        // "marcharon ayer para exigir": a demand made by the act it serves.
                        true
                    } else if verbal(hit.trigger.kind) {
                        at < hit.head || !in_complement(&words, hit.last, at)
                    } else {
                        // "detuvo a 23 personas ..., informó ayer": the act told before the
                        // report (a verb that is itself a trigger, "aseguraron ayer", is none).
                        told.is_none_or(|verb| {
                            verb <= hit.last
                                || triggers
                                    .iter()
                                    .any(|t| words.starting_at(t.start) == Some(verb))
                        })
                    }
                })
                .map(|(d, _)| d.clone())
                .collect();
            let date_mention = match scene_before {
                Some(_) => None,
                None => when::pick(&own, trigger),
            };
            let date = match (date_mention, scene_before) {
                (Some(_), _) => when::event_date(date_mention, doc.meta.published),
                (None, Some(scene)) => Some(scene),
                (None, None) => scene_dated
                    .then(|| when::scene_date(&events))
                    .flatten()
                    .or_else(|| when::event_date(None, doc.meta.published)),
            };
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
            } else if !negated
                && hit.trigger.class == WordClass::Verb
                && !verbal(kind)
                && here.is_empty()
                && is_offered(&words, hit.head, first)
            {
                // "is willing to withdraw", "would release the hostages", "dijo que
                // liberaría": an act offered, with no date set, is a promise or a threat. An
                // act of words said to come ("would appeal", "would demand") is that act.
                kind = if hostile(kind) {
                    EventType::Threaten
                } else {
                    EventType::Agree
                };
                mode = None;
            }
            if (found_contexts.crime || participants_in_crime(doc, &roles))
                && kind == EventType::Protest
                && mode == Some(Mode::Obstruct)
            {
                // Roads blocked by criminal groups are coercion, not protest.
                kind = EventType::Coerce;
                mode = Some(Mode::Restrict);
            }
            // Arrests and seizures are police work against crime unless the sentence is about
            // protest or politics (protesters, activists, opposition, journalists).
            let policing = kind == EventType::Coerce
                && matches!(mode, Some(Mode::Arrest | Mode::Seize))
                && !(first..end).any(|i| {
                    let w = words.norm(i);
                    cues::starts_with_any(w, cues::CROWDS)
                        || cues::starts_with_any(w, cues::POLITICAL)
                });
            let crime = found_contexts.crime || participants_in_crime(doc, &roles) || policing;
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
            let crowd_acts = if roles.actors.is_empty() {
                // "14 protesters were arrested after some of them set fire to a motorbike".
                (first..end).any(|i| cues::starts_with_any(words.norm(i), cues::CROWDS))
            } else {
                roles.actors.iter().all(|p| {
                    p.entity.is_none()
                        && (cues::names_any(&p.name, cues::CROWDS)
                            || cues::names_any(&p.name, cues::CIVILIAN_GROUPS))
                })
            };
            if kind == EventType::Assault
                && matches!(mode, Some(Mode::Destroy | Mode::Primitive))
                && crowd_acts
            {
                // "groups of youths looted shops and set fire to an office": a crowd's
                // destruction is a riot.
                kind = EventType::Protest;
                mode = Some(Mode::Riot);
            }
            if mode.is_none() {
                mode = complement_mode(&words, kind, hit.last + 1, end);
            }
            if kind == EventType::Assault
                && matches!(mode, None | Some(Mode::Firearms))
                && against_crowd(&roles)
            {
                // Security forces firing on or charging a crowd: crowd control.
                mode = Some(Mode::CrowdControl);
            }
            if kind == EventType::Mobilize
                && mode == Some(Mode::Troops)
                && roles
                    .actors
                    .iter()
                    .any(|p| cues::names_any(&p.name, cues::POLICE))
            {
                mode = Some(Mode::Police);
            }
            if kind == EventType::Consult
                && mode == Some(Mode::Visit)
                && hit.trigger.class == WordClass::Verb
                && !(first..end).any(|i| matches!(words.lower(i), "visit" | "visita" | "gira"))
                && !visits_someone(&words, &roles.recipients)
            {
                // "visited the site", "travelled to Ménaka": a visit is to a party, not a place
                // ("arrived in Amman on a state visit" says what it was by its noun).
                continue;
            }
            // Only PLOVER's pairs leave the coder (a type changed above may not take the mode).
            mode = mode.filter(|m| m.fits(kind));
            if said_anywhere(kind) {
                // A demand, an accusation or a threat is about the places it names, not made
                // in them ("accused the police of abuses in Kaduna"), unless the sentence opens
                // on where it was made ("En mantas colocadas en Buenavista, el cártel amenazó");
                // a court or a jury named with its seat acts there ("a federal judge in
                // McAllen sentenced").
                let opening = opening_scene(&words, first, hit.head);
                places.retain(|p| {
                    p.span
                        .and_then(|s| words.token_range(s))
                        .is_some_and(|r| opening.contains(&r.start))
                });
                if matches!(
                    kind,
                    EventType::Sanction | EventType::Accuse | EventType::Reject
                ) {
                    let seat = |p: &tessera_doc::Participant| {
                        p.span
                            .and_then(|s| words.token_range(s))
                            .and_then(|range| places::seat_of(&words, range, end))
                    };
                    // A legal action is taken where the court it goes to sits ("would appeal
                    // to the Court of Arbitration for Sport in Lausanne", "impugnará ... ante
                    // el Tribunal Laboral de Cuenca").
                    let legal = kind == EventType::Accuse && mode == Some(Mode::Allege);
                    places.extend(roles.actors.iter().find_map(seat).or_else(|| {
                        words
                            .names()
                            .iter()
                            .skip_while(|n| n.first <= hit.last)
                            .take_while(|n| n.first < end)
                            .filter(|n| {
                                legal
                                    && n.kind != MentionKind::Per
                                    && n.tokens().any(|i| {
                                        cues::starts_with_any(words.lower(i), cues::COURTS)
                                    })
                            })
                            .find_map(|n| places::seat_of(&words, n.tokens(), end))
                    }));
                }
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
                // An incident told with no place of its own happened where the scene is.
                let scene = incident
                    .then(|| events.iter().rev().find_map(|e: &Event| e.place.clone()))
                    .flatten();
                events.push(Event {
                    place: scene,
                    ..base
                });
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

/// The one a subject pronoun ("he", "she", "it", "él", "ella") stands for: the nearest
/// person (or, for "it", organisation) named before it, in its sentence or the one before.
fn antecedent(
    words: &DocView,
    actors: &[Participant],
    first: usize,
    head: usize,
) -> Option<Participant> {
    let at = match actors {
        [only] => only.span.and_then(|s| words.starting_at(s.start))?,
        _ => (first..head)
            .rev()
            .take(4)
            .find(|&i| args::is_pronoun(words.norm(i)))?,
    };
    let kind = match words.norm(at) {
        "he" | "she" | "el" | "ella" => MentionKind::Per,
        "it" => MentionKind::Org,
        _ => return None,
    };
    let sentence = words.sentence_of(at);
    let from = words
        .sentence_tokens(sentence.saturating_sub(1))
        .start
        .min(first);
    let name = words
        .names()
        .iter()
        .rev()
        .filter(|n| n.last < at && n.first >= from)
        .find(|n| n.kind == kind && n.entity.is_some())?;
    let entity = name.entity.and_then(|id| words.entity(id))?;
    Some(Participant {
        entity: name.entity,
        name: entity.name.clone(),
        span: Some(name.span),
    })
}

/// "to demand", "para exigir": a demand made as the purpose of the act before it.
fn is_purpose(words: &DocView, hit: &Found) -> bool {
    hit.trigger.kind == EventType::Request
        && hit.trigger.class == WordClass::Verb
        && hit.head > 0
        && matches!(words.lower(hit.head - 1), "to" | "para")
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
            && !second_clause(words, governor, &hit)
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
        if let Some((same, _)) = kept
            .iter_mut()
            .find(|(k, _)| k.trigger.kind == hit.trigger.kind && !distinct_acts(k, &hit))
        {
            // "Demonstrations ... where protesters blocked main roads": the protest is the
            // blockade the sentence tells of.
            if same.trigger.kind == EventType::Protest
                && matches!(same.trigger.mode, None | Some(Mode::Demo))
                && hit
                    .trigger
                    .mode
                    .is_some_and(|m| !matches!(m, Mode::Demo | Mode::Riot))
            {
                *same = hit;
            }
            continue;
        }
        kept.push((hit, false));
    }
    kept
}

/// Whether a verb after "and" or "y" is the second act of the governor's subject, not part
/// of what it asks or promises: "pidieron garantías y amenazaron con suspender los viajes"
/// (but "urged them to stop and withdraw", "pidió detener y desarmar"). The parse says so
/// when it coordinates the two verbs; without one, a finite form does.
fn second_clause(words: &DocView, governor: &Found, hit: &Found) -> bool {
    if hit.trigger.class != WordClass::Verb
        || hit.head == 0
        || !matches!(words.lower(hit.head - 1), "and" | "y" | "e")
    {
        return false;
    }
    if let Some(dependency) = words.dependency(hit.head) {
        return words.relation(hit.head) == "conj" && dependency.head == Some(governor.head as u32);
    }
    let form = words.lower(hit.head);
    if hit.trigger.spanish {
        !(form.ends_with("ar") || form.ends_with("er") || form.ends_with("ir"))
    } else {
        form.ends_with("ed") || form.ends_with('s')
    }
}

/// Whether two triggers of one type in a sentence are separate acts: coercion of different
/// modes ("seized 40 kg of cocaine and arrested three men"). Two words for one attack ("killed
/// ... in a shooting") are one act.
fn distinct_acts(kept: &Found, hit: &Found) -> bool {
    let modes = (kept.trigger.mode, hit.trigger.mode);
    match kept.trigger.kind {
        EventType::Coerce => matches!(modes, (Some(a), Some(b)) if a != b),
        // "a march that ended in looting": the rally and the riot are told apart.
        EventType::Protest => matches!(modes, (Some(Mode::Demo), Some(Mode::Riot))),
        _ => false,
    }
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
    // "ended with looting", "terminó con saqueos": how something ended, not what was stopped.
    (head.saturating_sub(3).max(first)..head).any(|i| {
        cues::is_one_of(words.lower(i), STOPPING)
            && !matches!(words.lower(i + 1), "with" | "in" | "con" | "en")
    })
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
/// Takes out of the recipients the places that are not countries (a town, a bridge, a port:
/// "Russia attacked Ukraine" keeps its recipient) and gives their name indices.
fn places_taken_as_recipients(words: &DocView, roles: &mut Roles) -> Vec<usize> {
    let mut found = Vec::new();
    roles.recipients.retain(|p| {
        let Some(span) = p.span else {
            return true;
        };
        // The phrase's own name ("the main road into Toamasina" names Toamasina).
        let Some(index) = words
            .names()
            .iter()
            .position(|n| span.contains(&n.span) && n.entity == p.entity)
        else {
            return true;
        };
        let name = &words.names()[index];
        let entity = name.entity.and_then(|id| words.entity(id));
        let place = places::place_of(words, index);
        let local = name.kind == MentionKind::Loc
            && entity.is_none_or(|e| e.kind == MentionKind::Loc)
            && place.is_none_or(|p| p.feature != FeatureKind::Country);
        if local {
            found.push(index);
        }
        !local
    });
    found
}

fn taken_names(words: &DocView, roles: &Roles) -> Vec<usize> {
    let spans: Vec<Span> = roles
        .actors
        .iter()
        .chain(&roles.recipients)
        .filter_map(|p| p.span)
        .collect();
    // "attacked the villages of X and Y": places named inside a phrase about places are
    // still where the event happened.
    let about_places = |span: &Span| {
        words.token_range(*span).is_some_and(|range| {
            range
                .into_iter()
                .any(|i| places::is_place_noun(words.lower(i)))
        })
    };
    words
        .names()
        .iter()
        .enumerate()
        .filter(|(_, n)| {
            spans
                .iter()
                .any(|s| s.contains(&n.span) && !(n.kind == MentionKind::Loc && about_places(s)))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The dateline's agency as a source, linked to its entity when the recogniser named it.
fn dateline_agency(words: &DocView) -> Option<tessera_doc::Attribution> {
    let span = words.doc()?.dateline.as_ref()?.agency?;
    let entity = words
        .token_range(span)
        .and_then(|range| words.name_at(range.start))
        .filter(|name| name.span == span)
        .and_then(|name| name.entity);
    let name = match entity.and_then(|id| words.entity(id)) {
        Some(e) => e.name.clone(),
        None => words.text.get(span.range())?.to_string(),
    };
    Some(tessera_doc::Attribution {
        entity,
        name,
        span: Some(span),
    })
}

/// Acts done on the ground, not in words: attacks, coercion, protests, deployments.
fn incident_kind(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Assault | EventType::Coerce | EventType::Protest | EventType::Mobilize
    )
}

/// Whether police or soldiers act against protesters or a crowd.
fn against_crowd(roles: &Roles) -> bool {
    let security = roles
        .actors
        .iter()
        .any(|p| cues::names_any(&p.name, cues::SECURITY_FORCES));
    let crowd = roles
        .recipients
        .iter()
        .any(|p| cues::names_any(&p.name, cues::CROWDS));
    security && crowd
}

/// Whether the verb at `head` is offered rather than done: "willing to", "prepared to",
/// "ready to", "dispuesto a" before it, or a conditional "would" right before it.
fn is_offered(words: &DocView, head: usize, first: usize) -> bool {
    let before = |k: usize| {
        head.checked_sub(k)
            .filter(|&i| i >= first)
            .map(|i| words.norm(i))
    };
    let willing = |w: Option<&str>| {
        matches!(
            w,
            Some("willing" | "prepared" | "ready" | "dispuesto" | "dispuesta" | "dispuestos")
        )
    };
    let to = matches!(before(1), Some("to" | "a"));
    (to && (willing(before(2)) || willing(before(3)))) || before(1) == Some("would")
}

/// The words of a phrase of place that opens the sentence and ends at a comma before the
/// trigger ("In Kaduna, ...", "En mantas colocadas ayer en Buenavista, ..."); empty if none.
fn opening_scene(words: &DocView, first: usize, trigger: usize) -> std::ops::Range<usize> {
    if !matches!(words.lower(first), "in" | "en" | "at") {
        return first..first;
    }
    (first + 1..trigger)
        .find(|&i| words.lower(i) == ",")
        .map_or(first..first, |comma| first..comma)
}

/// Acts done in words (demands, accusations, threats, refusals, praise, promises), whose
/// speaker is their actor.
fn verbal(kind: EventType) -> bool {
    matches!(
        kind,
        EventType::Request
            | EventType::Accuse
            | EventType::Threaten
            | EventType::Reject
            | EventType::Support
            | EventType::Agree
    )
}

/// Acts done in words whose place the text seldom gives: where a demand or a threat was
/// voiced is not the place it is about. Agreements are signed somewhere; sanctions are
/// decided somewhere else than where they bite.
fn said_anywhere(kind: EventType) -> bool {
    (verbal(kind) && kind != EventType::Agree) || kind == EventType::Sanction
}

/// A source as a participant: the speaker of a statement is its actor.
fn as_participant(source: &tessera_doc::Attribution) -> tessera_doc::Participant {
    tessera_doc::Participant {
        entity: source.entity,
        name: source.name.clone(),
        span: source.span,
    }
}

/// The mode a request, refusal, threat or aid takes from what follows its trigger: "asked
/// for aid" (assist), "demanded the release of" (yield), "threatened to arrest" (arrest),
/// "sent food" (humanitarian). The nearest telling word decides.
fn complement_mode(words: &DocView, kind: EventType, from: usize, end: usize) -> Option<Mode> {
    let table: &[(&[&str], Mode)] = match kind {
        EventType::Request | EventType::Reject => cues::REQUEST_MODES,
        EventType::Threaten => cues::THREAT_MODES,
        EventType::Aid => cues::AID_MODES,
        _ => return None,
    };
    (from..end.min(from + 14)).find_map(|i| {
        let word = words.norm(i);
        table
            .iter()
            .find(|(starts, _)| starts.iter().any(|s| word.starts_with(s)))
            .map(|(_, mode)| *mode)
    })
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
