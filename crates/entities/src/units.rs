//! Units and offices of a body named by reference rather than by name: "su Dirección de
//! Investigación Criminal", "the agency's Houston Field Division", "la División Antinarcótica de
//! la institución"; and agencies of a union of states named in apposition: "the UN refugee
//! agency, UNHCR".

use crate::Layout;
use crate::antecedents::state_body_before;
use crate::links::Link;
use tessera_doc::{DocView, EntityId, MentionKind, Predicate, RelationObject, fold};

/// Words of a unit's or office's name, which make it part of the body named after it (folded).
pub(crate) const SUB_BODY_WORDS: &[&str] = &[
    "division",
    "unit",
    "battalion",
    "brigade",
    "office",
    "directorate",
    "command",
    "unidad",
    "oficina",
    "direccion",
    "brigada",
    "batallon",
    "zona",
    "comando",
    "sala",
    "comision",
    "tribunal",
    "bloque",
    "subsecretaria",
    "coordinacion",
    "seccion",
];

/// Nouns for an agency or body of a larger organisation: "the UN refugee agency, UNHCR".
const AGENCY_NOUNS: &[&str] = &[
    "agency",
    "programme",
    "program",
    "body",
    "arm",
    "agencia",
    "programa",
    "organismo",
];

/// Whether an entity's name says it is a unit or office of something larger.
fn is_unit(text: &str) -> bool {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SUB_BODY_WORDS.contains(&w))
}

pub(crate) fn referenced_units(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(unit) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[unit as usize] != MentionKind::Org {
            continue;
        }
        let owner = if is_unit(&r.text) {
            owner_by_reference(words, layout, r.first, r.last)
        } else {
            agency_in_apposition(words, layout, r.first)
        };
        if let Some((owner, first)) = owner.filter(|(o, _)| *o != unit) {
            out.push(Link {
                subject: unit,
                predicate: Predicate::PartOf,
                object: RelationObject::Entity(owner),
                evidence: words.span(first.min(r.first), r.last),
            });
        }
    }
}

/// The body a unit named from `first` to `last` belongs to, by a possessive before it ("its",
/// "su", "the agency's") or a generic noun after it ("de la institución"): the state body
/// named last (units are of ministries, agencies, police and armies); and where the reference
/// starts.
fn owner_by_reference(
    words: &DocView,
    layout: &Layout,
    first: usize,
    last: usize,
) -> Option<(EntityId, usize)> {
    let before = first.checked_sub(1)?;
    let word = words.get(before)?;
    if word.is(&["its", "their", "su", "sus"]) {
        return state_body_before(words, layout, before).map(|o| (o, before));
    }
    // "the agency's Office of Field Operations".
    if word.is_possessive() && before >= 2 && layout.entity_at[before - 1].is_none() {
        let noun = words.get(before - 1)?;
        if words.get(before - 2).is_some_and(|w| w.is(&["the"]))
            && noun.text.chars().all(char::is_lowercase)
        {
            let owner = state_body_before(words, layout, before - 1)?;
            return Some((owner, before - 2));
        }
        return None;
    }
    // "la División Antinarcótica de la institución".
    let linker = last + 1;
    if words.get(linker).is_some_and(|w| w.is(&["de", "of"]))
        && words
            .get(linker + 1)
            .is_some_and(|w| w.is(&["la", "el", "the"]))
        && let Some(noun) = words.get(linker + 2)
        && layout.entity_at[linker + 2].is_none()
        && noun.text.chars().all(char::is_lowercase)
    {
        let owner = state_body_before(words, layout, first)?;
        return Some((owner, first));
    }
    None
}

/// "The UN refugee agency, UNHCR", "the EU's executive arm, the European Commission": the
/// body named after a comma, when an agency noun of an organisation stands just before it.
fn agency_in_apposition(
    words: &DocView,
    layout: &Layout,
    first: usize,
) -> Option<(EntityId, usize)> {
    let mut comma = first.checked_sub(1)?;
    if words.get(comma).is_some_and(|w| w.is(&["the", "la", "el"])) {
        comma = comma.checked_sub(1)?;
    }
    if words.get(comma)?.text != "," {
        return None;
    }
    let noun_at = comma.checked_sub(1)?;
    if !words.get(noun_at)?.is(AGENCY_NOUNS) {
        return None;
    }
    // The organisation among the few words before the noun: "The UN refugee agency".
    (noun_at.saturating_sub(4)..noun_at)
        .rev()
        .take_while(|&k| words.same_sentence(k, noun_at) && words.text(k) != ",")
        .find_map(|k| {
            let owner = layout.entity_at[k]?;
            (layout.kinds[owner as usize] == MentionKind::Org)
                .then(|| (owner, layout.entity_first(k)))
        })
}
