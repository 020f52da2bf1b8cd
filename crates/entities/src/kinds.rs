//! An entity's kind corrected from what the words say of it, whatever the recogniser read its
//! name as: a name with an acronym of its initials, described in apposition as a company or
//! coalition, or followed by a group noun ("the X gang"), names an organisation.

use crate::aliases;
use crate::cluster::Ref;
use crate::lexicon::{BUSINESS_NOUNS, GENERIC_ORG_NOUNS};
use tessera_doc::{DocView, Entity, EntityId, MentionKind};

/// Nouns, besides the generic and business ones, that describe an organisation in apposition: "Chornomor
/// Budivelnyk, a construction company", "Frutera del Pacífico, an exporter based in Machala".
const ORGANISATION_NOUNS: &[&str] = &[
    "producer",
    "maker",
    "retailer",
    "supplier",
    "charity",
    "ngo",
    "alliance",
    "subsidiary",
    "distribuidora",
    "exportadora",
    "importadora",
    "constructora",
    "aerolínea",
    "alianza",
    "filial",
    "ong",
];

/// Words after which a noun is the head of its phrase: "a construction company founded in",
/// "a coalition of student groups"; "a union leader" has another head.
const HEAD_FOLLOWERS: &[&str] = &[
    "founded", "based", "that", "which", "of", "de", "del", "with", "in", "en", "que", "con",
    "fundada", "fundado", "created", "creada", "owned", "run",
];

/// Makes organisations of persons (and unknown kinds) whose names say, or whose appositions or
/// following group nouns describe them, so.
pub(crate) fn correct_person_kinds(
    words: &DocView,
    refs: &[Ref],
    entity_of_ref: &[Option<EntityId>],
    entities: &mut [Entity],
) {
    // "Mouvement pour la Défense du Kivu (MDK)": a name with an acronym of its initials names
    // an organisation.
    for entity in entities.iter_mut().filter(|e| e.kind == MentionKind::Per) {
        let acronym = entity.aliases.iter().any(|a| {
            aliases::is_acronym(&a.name)
                && a.name.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && aliases::abbreviates(&a.name, &entity.name)
        });
        if acronym && entity.name.split_whitespace().count() >= 3 {
            entity.kind = MentionKind::Org;
        }
    }
    for (r, e) in refs.iter().zip(entity_of_ref) {
        let Some(e) = *e else { continue };
        let kind = entities[e as usize].kind;
        if r.dead || kind == MentionKind::Org {
            continue;
        }
        // "Los Lemus, un grupo armado que opera en la frontera", "el colectivo Luz de
        // Esperanza": whatever place shares the name.
        if kind == MentionKind::Loc {
            // "el colectivo Luz de Esperanza": introduced by a group's noun.
            let introduced = r.first > 0
                && words.get(r.first - 1).is_some_and(|w| {
                    w.text == w.lower && w.is(crate::lexicon::NON_STATE_GROUP_WORDS)
                });
            if introduced || described_as_organisation(words, r.last) {
                entities[e as usize].kind = MentionKind::Org;
            }
            continue;
        }
        // "the Dogon Ruwa gang", "a member of the Pivden party".
        let group_noun_after = words
            .get(r.last + 1)
            .is_some_and(|w| w.text == w.lower && w.is(crate::links::GROUP_ANAPHORS));
        // "a Christian group", "the Shia militia": a one-word adjective of belief or nation
        // before the noun names no organisation.
        let adjective = entities[e as usize].kind == MentionKind::Misc
            && r.first == r.last
            && ["an", "ese", "ist", "ic", "ish", "i"]
                .iter()
                .any(|end| r.text.ends_with(end));
        if group_noun_after && !adjective || described_as_organisation(words, r.last) {
            entities[e as usize].kind = MentionKind::Org;
        }
    }
}

/// Whether the name ending at token `last` is followed (past a short form in brackets) by an
/// apposition whose head noun names an organisation: ", a construction company founded in".
fn described_as_organisation(words: &DocView, last: usize) -> bool {
    let at = crate::links::past_short_form(words, last + 1);
    if words.text(at) != ","
        || !words
            .get(at + 1)
            .is_some_and(|w| w.is(&["a", "an", "un", "una"]))
    {
        return false;
    }
    for k in at + 2..at + 6 {
        let Some(w) = words.get(k) else { return false };
        if !words.same_sentence(k, last)
            || w.is_capitalised()
            || !w.text.chars().all(char::is_alphabetic)
        {
            return false;
        }
        // "a lawmaker for the party": the head came before the preposition.
        if w.is(&[
            "for", "of", "de", "del", "at", "in", "en", "with", "con", "from", "para", "por", "to",
            "al",
        ]) {
            return false;
        }
        if w.is(GENERIC_ORG_NOUNS) || w.is(BUSINESS_NOUNS) || w.is(ORGANISATION_NOUNS) {
            let ends_phrase = |at: usize| {
                words.get(at).is_none_or(|n| {
                    n.is(HEAD_FOLLOWERS) || !n.text.chars().any(char::is_alphanumeric)
                })
            };
            // "un grupo armado que opera": in Spanish an adjective may follow the head.
            let adjective_after = words.get(k + 1).is_some_and(|n| {
                n.text.chars().all(char::is_lowercase)
                    && ["ado", "ada", "al", "ista", "ano", "ana", "ivo", "iva"]
                        .iter()
                        .any(|end| n.text.ends_with(end))
            });
            return ends_phrase(k + 1) || adjective_after && ends_phrase(k + 2);
        }
    }
    false
}
