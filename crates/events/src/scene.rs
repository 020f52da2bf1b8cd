//! Which mentions of an act are acts of their own: not a running total, not the people of a
//! protest or what it is about, not an act named again or a hazard's deaths.

use crate::cues::{self, is_one_of};
use crate::lexicon::WordClass;
use crate::scan::Found;
use tessera_doc::{DocView, Document, Event, EventType, Mode};

/// Whether a death or blast is a natural hazard's or an accident's: the sentence names one
/// (flood, earthquake, crash, sismo, choque...) and no attacker or weapon, and the trigger
/// says only that people died or something exploded.
pub(crate) fn is_hazard_death(
    words: &DocView,
    hit: &Found,
    scene_from: usize,
    first: usize,
    end: usize,
) -> bool {
    let named = |range: std::ops::Range<usize>, cues: &cues::PrefixSet| {
        range.map(|i| words.norm(i)).any(|w| cues.matches(w))
    };
    let generic = match hit.trigger.mode {
        None => true,
        Some(Mode::Explosives) => hit.trigger.class == WordClass::Noun,
        // "A second slide destroyed a school", "las lluvias que desde inicios de mes golpean
        // la costa": the hazard named just before the verb does it.
        Some(Mode::Destroy | Mode::Beat) => {
            hit.trigger.class == WordClass::Verb
                && named(
                    hit.head.saturating_sub(7).max(first)..hit.head,
                    &cues::HAZARDS,
                )
        }
        Some(_) => false,
    };
    if hit.trigger.kind != EventType::Assault || !generic {
        return false;
    }
    named(scene_from..end, &cues::HAZARDS)
        && !named(first..end, &cues::VIOLENCE)
        && !named(scene_from..first, &cues::VIOLENCE)
}

/// Whether a noun trigger names what a protest is about: "a demonstration over power cuts",
/// "protesta por el asesinato de choferes", "protesting against the arrest".
pub(crate) fn protest_cause(words: &DocView, hit: &Found, all: &[Found]) -> bool {
    if hit.trigger.class != WordClass::Noun || hit.trigger.kind == EventType::Protest {
        return false;
    }
    all.iter().any(|p| {
        p.trigger.kind == EventType::Protest
            && p.last < hit.head
            && hit.head - p.last <= 4
            && matches!(
                words.lower(p.last + 1),
                "over" | "against" | "about" | "por" | "contra"
            )
            && (p.last + 2..hit.head).all(|i| is_one_of(words.lower(i), cues::DETERMINERS))
    })
}

/// How many sentences back an act of the same type and mode makes a bare retelling its own.
pub(crate) const RETOLD_WITHIN: usize = 3;

/// Whether an event of the trigger's type and mode was coded in the last few sentences.
pub(crate) fn told_again(
    words: &DocView,
    doc: &Document,
    index: usize,
    hit: &Found,
    events: &[Event],
) -> bool {
    // "launched reprisal attacks", "lanzaron un ataque": a new act, not one named again.
    let launched = (hit.head.saturating_sub(3)..hit.head).any(|i| {
        let w = words.lower(i);
        is_one_of(w, cues::LIGHT_VERBS) && !matches!(w, "in" | "out" | "part" | "cabo")
    });
    if launched {
        return false;
    }
    let from = doc
        .segmentation
        .sentences
        .get(index.saturating_sub(RETOLD_WITHIN))
        .map_or(0, |s| s.span.start);
    let mode = hit.trigger.mode;
    let outcome = is_outcome(words, hit);
    events.iter().any(|e| {
        e.evidence.start >= from
            && if outcome {
                // "tres personas resultaron heridas": whom the attack or riot told before hurt.
                e.kind == EventType::Assault
                    || (e.kind == EventType::Protest && e.mode == Some(Mode::Riot))
            } else {
                e.kind == hit.trigger.kind && e.mode == mode
            }
    })
}

/// Whether an attack's trigger only tells its toll: people hurt or dead ("were injured",
/// "resultaron heridos", "murieron").
pub(crate) fn is_outcome(words: &DocView, hit: &Found) -> bool {
    hit.trigger.kind == EventType::Assault
        && hit.trigger.mode.is_none()
        && matches!(
            words.lower(hit.head),
            "injured"
                | "wounded"
                | "hurt"
                | "died"
                | "heridos"
                | "heridas"
                | "herido"
                | "herida"
                | "lesionados"
                | "lesionadas"
                | "murieron"
                | "murió"
                | "fallecieron"
        )
}

/// A noun for the people who protest ("protesters", "manifestantes", "huelguistas").
pub(crate) fn is_agent_noun(words: &DocView, hit: &Found) -> bool {
    const AGENTS: &[&str] = &[
        "protester",
        "protestor",
        "demonstrator",
        "rioter",
        "striker",
        "manifestante",
        "huelguista",
    ];
    hit.trigger.kind == EventType::Protest
        && hit.trigger.class == WordClass::Noun
        && cues::starts_with_any(words.lower(hit.last), AGENTS)
}

/// Whether an attack or arrest is a running total, not one act: "60 people have been murdered
/// in the city since January", "17 choferes han sido asesinados en lo que va del año", "the
/// 12th official killed this year". A period counted over (`since` a date, this year, so far)
/// and a perfect tense or an ordinal at the trigger.
pub(crate) fn is_tally(
    words: &DocView,
    hit: &Found,
    first: usize,
    end: usize,
    since_date: bool,
) -> bool {
    if !matches!(hit.trigger.kind, EventType::Assault | EventType::Coerce) {
        return false;
    }
    let at = |i: usize| if i < end { words.lower(i) } else { "" };
    let period = since_date
        || (first..end).any(|i| {
            (matches!(at(i), "this" | "este") && matches!(at(i + 1), "year" | "año"))
                || (at(i) == "so" && at(i + 1) == "far")
                || (at(i) == "lo" && at(i + 1) == "que" && at(i + 2) == "va")
        });
    if !period {
        return false;
    }
    let perfect = |i: usize| {
        matches!(
            words.lower(i),
            "have"
                | "has"
                | "had"
                | "ha"
                | "han"
                | "había"
                | "habían"
                | "hemos"
                | "acumula"
                | "acumulan"
                | "suma"
                | "suman"
                | "totals"
        )
    };
    let ordinal = |i: usize| {
        let w = words.lower(i);
        (w.starts_with(|c: char| c.is_ascii_digit())
            && (w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd")))
            || matches!(
                w,
                "second"
                    | "third"
                    | "fourth"
                    | "fifth"
                    | "sixth"
                    | "tenth"
                    | "segundo"
                    | "segunda"
                    | "tercer"
                    | "tercera"
                    | "tercero"
                    | "cuarto"
                    | "cuarta"
                    | "quinto"
                    | "quinta"
                    | "sexto"
                    | "décimo"
            )
    };
    let before = hit.head.saturating_sub(4).max(first)..hit.head;
    let after = hit.last + 1..(hit.last + 7).min(end);
    before.clone().any(|i| perfect(i) || ordinal(i))
        || (hit.trigger.class == WordClass::Noun && after.into_iter().any(perfect))
}

/// How many sentences back a named hazard frames the deaths told after it.
pub(crate) const HAZARD_SCENE: usize = 2;

/// Whether a trigger names an event the document has already coded, and an event of the same
/// type came before: a noun after a definite word or a possessive ("the ambush", "Monday's
/// shooting", "tras la agresión"), a participle after "those" ("among those arrested").
pub(crate) fn refers_back(words: &DocView, hit: &Found, first: usize, coded: &[Event]) -> bool {
    if hit.head == first {
        return false;
    }
    // "the curfew" names a curfew told before, not the arrests before it.
    let same_type_before = coded.iter().any(|e| {
        e.kind == hit.trigger.kind
            && (hit.trigger.mode.is_none() || e.mode.is_none() || e.mode == hit.trigger.mode)
    });
    let before = hit.head - 1;
    if hit.trigger.class == WordClass::Verb {
        // "among those arrested", "11 of those detained", "los detenidos": the people of an
        // act told before.
        return same_type_before && matches!(words.lower(before), "those" | "los" | "las");
    }
    let definite = is_one_of(words.norm(before), cues::DEFINITES)
        || matches!(words.lower(before), "'s" | "’s")
        || (before > first
            && is_one_of(words.norm(before - 1), cues::DEFINITES)
            && !words.is_punct(before));
    same_type_before && definite
}

/// Whether a noun trigger follows "after", "tras", "después de" or "following" (past its
/// determiner): the act named is when something else happened.
pub(crate) fn after_named_act(words: &DocView, hit: &Found, first: usize) -> bool {
    hit.trigger.class == WordClass::Noun
        && (hit.head.saturating_sub(3).max(first)..hit.head).any(|i| {
            matches!(
                words.lower(i),
                "after" | "following" | "tras" | "después" | "luego" | "since" | "desde"
            )
        })
}
