//! Described but unnamed people linked to someone named: "his romantic partner", "an associate
//! of his romantic partner", "Su hermano", "the brother of X". Each becomes an unnamed entity
//! with a family, partner or associate relation.

use crate::Layout;
use crate::lexicon::{DETERMINERS, Kin, POSSESSIVES, kin};
use tessera_doc::DocView;
use tessera_doc::{EntityId, MentionKind, Predicate, Span};

/// An unnamed person found in the text, and whom they are related to.
#[derive(Debug, Clone)]
pub(crate) struct Described {
    pub first: usize,
    pub last: usize,
    pub kin: Kin,
    pub related_to: Target,
    pub evidence: Span,
    /// Named right after the description ("su esposa, Mariana Olguín"): no unnamed entity.
    pub named: Option<EntityId>,
}

/// The other side of a described relation: an entity, or another description found earlier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Entity(EntityId),
    Described(usize),
}

impl Kin {
    pub fn predicate(self) -> Predicate {
        match self {
            Kin::Family => Predicate::FamilyOf,
            Kin::Partner => Predicate::PartnerOf,
            Kin::Associate => Predicate::AssociateOf,
        }
    }
}

/// Every "possessive + kin noun" and "a/the kin noun of X" phrase with a resolvable anchor.
pub(crate) fn find_described(words: &DocView, layout: &Layout) -> Vec<Described> {
    let mut found: Vec<Described> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if layout.entity_at[i].is_some() {
            if let Some(d) = possessed_kin(words, layout, i) {
                i = d.last + 1;
                found.push(d);
            } else {
                i += 1;
            }
            continue;
        }
        let Some((noun, kin_kind)) = kin_phrase(words, i).or_else(|| bare_kin(words, i)) else {
            i += 1;
            continue;
        };
        let Some(opener) = words.get(i) else {
            break;
        };
        let possessive = opener.is(POSSESSIVES);
        // "an associate of his romantic partner", "the brother of X".
        let of = noun + 1;
        let after_of = words
            .get(of)
            .filter(|w| w.is(&["of", "de", "del"]))
            .map(|_| of + 1);
        // "a nephew of Mayor X": past the title.
        let after_of = after_of.map(|mut start| {
            while start < of + 3
                && layout.entity_at.get(start).copied().flatten().is_none()
                && words
                    .get(start)
                    .is_some_and(|w| w.is_capitalised() && w.is(crate::lexicon::TITLE_HEADS))
            {
                start += 1;
            }
            start
        });
        let target = if let Some(start) = after_of {
            if let Some(e) = layout.entity_at.get(start).copied().flatten() {
                (layout.kinds[e as usize] == MentionKind::Per)
                    .then_some((Target::Entity(e), layout.entity_last(start)))
            } else if let Some((e, last)) = person_past_description(
                words,
                layout,
                start,
                named_before(words, layout, i).is_some(),
            ) {
                Some((Target::Entity(e), last))
            } else if let Some((inner_noun, inner_kin)) = kin_phrase(words, start) {
                // The inner description is an entity of its own, found first.
                antecedent(words, layout, start).map(|anchor| {
                    found.push(Described {
                        first: start,
                        last: inner_noun,
                        kin: inner_kin,
                        related_to: Target::Entity(anchor),
                        evidence: words.span(start, inner_noun),
                        named: None,
                    });
                    (Target::Described(found.len() - 1), inner_noun)
                })
            } else {
                None
            }
        } else if possessive {
            antecedent(words, layout, i).map(|e| (Target::Entity(e), noun))
        } else {
            None
        };
        let Some((related_to, end)) = target else {
            i = noun + 1;
            continue;
        };
        // "Kenneth Ybañez, a nephew of X", "Lucía Garrido, hija de X": the person the
        // description is in apposition to is the one described.
        let named = named_after(words, layout, end)
            .or_else(|| named_before(words, layout, i))
            .filter(|(e, _)| Target::Entity(*e) != related_to);
        let evidence_end = named.map_or(end, |(_, last)| last);
        found.push(Described {
            first: i,
            last: end,
            kin: kin_kind,
            related_to,
            evidence: words.span(i, evidence_end),
            named: named.map(|(e, _)| e),
        });
        i = end + 1;
    }
    found
}

/// "Quiñónez's son, Julio César Quiñónez", "Ag Illiassou's brother, Mohamed Ag Illiassou": a
/// relative of a named person, by the possessive, named in apposition (`at` is in the
/// possessor's name, which must end there).
fn possessed_kin(words: &DocView, layout: &Layout, at: usize) -> Option<Described> {
    let owner = layout.entity_at[at]?;
    if layout.kinds[owner as usize] != MentionKind::Per || layout.entity_last(at) != at {
        return None;
    }
    if !words.get(at + 1).is_some_and(|w| w.is_possessive()) {
        return None;
    }
    // Up to two plain modifiers before the noun: "Quiñónez's eldest son".
    let noun = (at + 2..at + 5).find(|&k| words.get(k).is_some_and(|w| kin(w.lower).is_some()))?;
    if (at + 2..noun).any(|k| {
        layout.entity_at[k].is_some()
            || !words
                .get(k)
                .is_some_and(|w| w.text.chars().all(char::is_lowercase))
    }) {
        return None;
    }
    // "Salnikov's business partner" is an associate.
    let business = (at + 2..noun).any(|k| words.get(k).is_some_and(|w| w.is(&["business"])));
    let kin_kind = match kin(words.get(noun)?.lower)? {
        Kin::Partner if business => Kin::Associate,
        k => k,
    };
    // "X's son, Y", or "Y is X's son-in-law".
    let (named, last) = named_after(words, layout, noun)
        .or_else(|| subject_of_copula(words, layout, layout.entity_first(at)).map(|e| (e, noun)))
        .filter(|(e, _)| *e != owner)?;
    Some(Described {
        first: layout.entity_first(at),
        last: noun,
        kin: kin_kind,
        related_to: Target::Entity(owner),
        evidence: words.span(layout.entity_first(at), last),
        named: Some(named),
    })
}

/// Words that end the search for the relative's name after a description: a clause or another
/// relation begins.
const DESCRIPTION_STOPS: &[&str] = &[
    "que", "quien", "who", "which", "that", "y", "and", "said", "dijo", "afirmó", "informó",
];

/// "hija del senador del MUP X", "sobrino del antiguo jefe del clan, X": the person named after
/// a description of them (lower-case words, titles, organisations), from `start`, with the
/// name's last token. A comma may stand only right before the name, and only when the
/// described person was named before (`apposed`): in "El esposo de la directora, X", X is the
/// husband.
fn person_past_description(
    words: &DocView,
    layout: &Layout,
    start: usize,
    apposed: bool,
) -> Option<(EntityId, usize)> {
    let mut k = start;
    while k < start + 9 && words.same_sentence(start, k) {
        if let Some(e) = layout.entity_at[k] {
            if layout.kinds[e as usize] == MentionKind::Per {
                return Some((e, layout.entity_last(k)));
            }
            k = layout.entity_last(k) + 1;
            continue;
        }
        let w = words.get(k)?;
        if w.text == "," {
            if !apposed {
                return None;
            }
            let next = layout.entity_at.get(k + 1).copied().flatten()?;
            return (layout.kinds[next as usize] == MentionKind::Per)
                .then(|| (next, layout.entity_last(k + 1)));
        }
        if w.is(DESCRIPTION_STOPS)
            || kin(w.lower).is_some()
            || !w.text.chars().all(|c| c.is_alphabetic() || c == '-')
            || w.is_capitalised()
        {
            return None;
        }
        k += 1;
    }
    None
}

/// "los hermanos X y Y", "the brothers X and Y": two people named as siblings.
pub(crate) fn named_siblings(words: &DocView, layout: &Layout) -> Vec<(EntityId, EntityId, Span)> {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.is(&["hermanos", "brothers", "sisters", "hermanas"]) {
            continue;
        }
        let Some(a) = layout.entity_at.get(i + 1).copied().flatten() else {
            continue;
        };
        let a_last = layout.entity_last(i + 1);
        // "los hermanos X, de 24 años, y Y": past the first one's age.
        let and = (a_last + 1..a_last + 7).find(|&k| {
            !words.get(k).is_some_and(|w| {
                w.is(&[",", "de", "años", "aged", "years", "old"])
                    || w.text.chars().all(|c| c.is_ascii_digit())
            })
        });
        let Some(and) = and.filter(|&k| words.get(k).is_some_and(|w| w.is(&["y", "and", "e"])))
        else {
            continue;
        };
        let Some(b) = layout.entity_at.get(and + 1).copied().flatten() else {
            continue;
        };
        let both_people = [a, b]
            .iter()
            .all(|&e| layout.kinds[e as usize] == MentionKind::Per);
        if both_people && a != b {
            found.push((a, b, words.span(i, layout.entity_last(and + 1))));
        }
    }
    found
}

/// A kin noun with no article, in apposition and followed by "de"/"of": "X, hija de Y", "X,
/// cabecilla del combo y sobrino de Y".
fn bare_kin(words: &DocView, at: usize) -> Option<(usize, Kin)> {
    let before = words.get(at.checked_sub(1)?)?;
    if !(before.text == "," || before.is(&["y", "and"]) || is_copula(words, at - 1)) {
        return None;
    }
    let k = kin(words.get(at)?.lower)?;
    // "colaborador cercano de X", "close associate of": one adjective may come between.
    let of = if words
        .get(at + 1)
        .is_some_and(|w| w.is(&["cercano", "cercana", "close", "longtime", "former"]))
    {
        at + 2
    } else {
        at + 1
    };
    words
        .get(of)
        .is_some_and(|w| w.is(&["de", "del", "of"]))
        .then_some((of - 1, k))
}

/// The person named just before a description in apposition: "Kenneth Ybañez, a nephew of",
/// or further back past a title and alias ("X, alias "Chiqui", cabecilla del combo y sobrino
/// de"), within the sentence.
fn named_before(words: &DocView, layout: &Layout, at: usize) -> Option<(EntityId, usize)> {
    let comma_or_and = at.checked_sub(1)?;
    if is_copula(words, comma_or_and) {
        return subject_of_copula(words, layout, comma_or_and + 1).map(|e| (e, at));
    }
    if !words.get(comma_or_and)?.is(&[",", "y", "and"]) {
        return None;
    }
    let e = (comma_or_and.saturating_sub(10)..comma_or_and)
        .rev()
        .filter(|&j| words.same_sentence(j, at))
        .find_map(|j| layout.entity_at[j])?;
    (layout.kinds[e as usize] == MentionKind::Per).then_some((e, at))
}

/// Forms of "be", and adverbs that may follow them, before a relation of kin: "es hija de",
/// "es además hermano de", "is X's son-in-law".
const COPULAS: &[&str] = &["is", "was", "es", "era", "fue"];
const COPULA_ADVERBS: &[&str] = &["also", "además", "también"];

/// Whether token `at` is a copula, or an adverb right after one.
fn is_copula(words: &DocView, at: usize) -> bool {
    words.get(at).is_some_and(|w| w.is(COPULAS))
        || words.get(at).is_some_and(|w| w.is(COPULA_ADVERBS))
            && at > 0
            && words.get(at - 1).is_some_and(|w| w.is(COPULAS))
}

/// The person a copula ending just before `at` says something of: "Albarracín es cuñado de",
/// "Lucía Garrido Ruiz, es hija de", "Its owner, Pavlo Hrebeniuk, is Danylchenko's": the name
/// right before the copula, past an apposition's closing comma.
fn subject_of_copula(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let mut k = at.checked_sub(1)?;
    if words.get(k).is_some_and(|w| w.is(COPULA_ADVERBS)) {
        k = k.checked_sub(1)?;
    }
    if !words.get(k).is_some_and(|w| w.is(COPULAS)) {
        return None;
    }
    k = k.checked_sub(1)?;
    if words.text(k) == "," {
        k = k.checked_sub(1)?;
    }
    let e = layout.entity_at[k]?;
    (layout.kinds[e as usize] == MentionKind::Per).then_some(e)
}

/// A determiner or possessive, up to two modifiers, then a kin noun: returns the noun's index.
fn kin_phrase(words: &DocView, at: usize) -> Option<(usize, Kin)> {
    let opener = words.get(at)?;
    if !(opener.is(POSSESSIVES) || opener.is(DETERMINERS)) {
        return None;
    }
    for noun in at + 1..=at + 3 {
        let w = words.get(noun)?;
        if !words.same_sentence(at, noun) || !w.text.chars().all(|c| c.is_alphabetic() || c == '-')
        {
            return None;
        }
        if let Some(k) = kin(w.lower) {
            // "a business partner of X" is an associate, not a spouse.
            let business = noun > at + 1
                && words
                    .get(noun - 1)
                    .is_some_and(|p| p.is(&["business", "negocios"]));
            return Some((noun, if business { Kin::Associate } else { k }));
        }
        if w.is_capitalised() {
            return None;
        }
    }
    None
}

/// The person a possessive points back to: the last person named before, in this sentence or
/// the one before.
fn antecedent(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let sentence = words.get(at)?.sentence;
    // The source of a quote ("..., Almeida told reporters") is seldom whom "his" refers to in
    // the next sentence.
    let speaking = |j: usize| {
        words
            .get(layout.entity_last(j) + 1)
            .is_some_and(|w| w.is(REPORTING_VERBS))
            && words.sentence_of(j) < sentence
    };
    (0..at)
        .rev()
        .take_while(|&j| words.sentence_of(j) + 1 >= sentence)
        .filter(|&j| !speaking(j))
        .filter_map(|j| layout.entity_at[j])
        .find(|&e| layout.kinds[e as usize] == MentionKind::Per)
}

/// Verbs that follow the source of a quote: "X said", "X told reporters", "afirmó X".
pub(crate) const REPORTING_VERBS: &[&str] = &[
    "said", "says", "told", "added", "dijo", "afirmó", "informó", "declaró", "señaló", "explicó",
    "aseguró", "indicó",
];

/// A person named in apposition right after a description: "his wife, Ana Ruiz", "su socio
/// Raúl Ibarra". Returns the entity and the name's last token.
fn named_after(words: &DocView, layout: &Layout, end: usize) -> Option<(EntityId, usize)> {
    let mut at = end + 1;
    if words.get(at)?.text == "," {
        at += 1;
    }
    let e = layout.entity_at.get(at).copied().flatten()?;
    (layout.kinds[e as usize] == MentionKind::Per && words.same_sentence(end, at))
        .then(|| (e, layout.entity_last(at)))
}
