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
            i += 1;
            continue;
        }
        let Some((noun, kin_kind)) = kin_phrase(words, i) else {
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
        let target = if let Some(start) = after_of {
            if let Some(e) = layout.entity_at.get(start).copied().flatten() {
                (layout.kinds[e as usize] == MentionKind::Per)
                    .then_some((Target::Entity(e), layout.entity_last(start)))
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
        let named = named_after(words, layout, end);
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
            return Some((noun, k));
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
    (0..at)
        .rev()
        .take_while(|&j| words.sentence_of(j) + 1 >= sentence)
        .filter_map(|j| layout.entity_at[j])
        .find(|&e| layout.kinds[e as usize] == MentionKind::Per)
}

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
