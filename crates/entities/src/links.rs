//! Relations stated by the words around names: founding years ("Founded in 2009, the CJNG"),
//! places within places ("Tapalpa, Jalisco"), units of a body ("the Pentagon-led task force",
//! "Britain's Foreign Office"), membership ("X, a member of Y") and leadership ("led by X").

use crate::Layout;
use crate::lexicon::{DETERMINERS, FOUNDED_WORDS, MEMBER_WORDS};
use tessera_doc::{
    DocView, EntityId, FeatureKind, MentionKind, Place, Predicate, RelationObject, Span, fold,
};

/// A relation before its claim is assessed.
#[derive(Debug, Clone)]
pub(crate) struct Link {
    pub subject: EntityId,
    pub predicate: Predicate,
    pub object: RelationObject,
    pub evidence: Span,
}

pub(crate) fn find_links(words: &DocView, layout: &Layout, places: &[Option<&Place>]) -> Vec<Link> {
    let mut links = Vec::new();
    founded(words, layout, &mut links);
    crate::containment::located(words, layout, places, &mut links);
    crate::containment::state_capitals(words, layout, places, &mut links);
    crate::seated::located_by_apposition(words, layout, places, &mut links);
    crate::seated::seated(words, layout, &mut links);
    crate::seated::based_compounds(words, layout, &mut links);
    membership(words, layout, &mut links);
    stated_membership(words, layout, &mut links);
    factions(words, layout, places, &mut links);
    led_by(words, layout, places, &mut links);
    possessive_parts(words, layout, &mut links);
    bodies_of_countries(words, layout, places, &mut links);
    crate::units::referenced_units(words, layout, &mut links);
    alliances(words, layout, places, &mut links);
    links
}

/// "Founded in 2009, the CJNG ..." / "the CJNG, founded in 2009," / "X was founded in 2009".
fn founded(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for (i, w) in words.iter().enumerate() {
        if !w.is(FOUNDED_WORDS) {
            continue;
        }
        let mut y = i + 1;
        if words.get(y).is_some_and(|w| w.is(&["up"])) {
            y += 1;
        }
        if !words.get(y).is_some_and(|w| w.is(&["in", "en"])) {
            continue;
        }
        let Some(year) = words.get(y + 1).filter(|w| is_year(w.text)) else {
            continue;
        };
        let sentence_start = (0..=i)
            .rev()
            .take_while(|&j| words.same_sentence(j, i))
            .last();
        // Subject after the phrase when the sentence opens with it, else the name before it.
        let subject = if sentence_start == Some(i) {
            let mut s = y + 2;
            while words
                .get(s)
                .is_some_and(|w| w.text == "," || w.is(DETERMINERS))
            {
                s += 1;
            }
            layout.entity_at.get(s).copied().flatten()
        } else {
            (i.saturating_sub(4)..i)
                .rev()
                .filter(|&j| words.same_sentence(j, i))
                .find_map(|j| layout.entity_at[j])
                .or_else(|| founded_apposition(words, layout, i))
                .or_else(|| {
                    // "The party, founded in 2011", "the splinter group was founded in 2019".
                    (i.saturating_sub(4)..i)
                        .rev()
                        .find(|&j| is_group_anaphor(words, j))
                        .and_then(|j| group_named_before(words, layout, j))
                })
        };
        if let Some(subject) = subject.filter(|&e| layout.kinds[e as usize] != MentionKind::Loc) {
            out.push(Link {
                subject,
                predicate: Predicate::FoundedOn,
                object: RelationObject::Value(year.text.to_string()),
                evidence: words.span(i, y + 1),
            });
        }
    }
}

/// "Chornomor Budivelnyk, a construction company founded in", "the Ansar al-Sahel Front (ASF),
/// a jihadist group founded in": the name the apposition before `at` describes.
fn founded_apposition(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let comma = (at.saturating_sub(6)..at)
        .rev()
        .take_while(|&j| {
            words
                .get(j)
                .is_some_and(|w| w.text == "," || w.text.chars().all(char::is_lowercase))
        })
        .find(|&j| words.text(j) == ",")?;
    let mut end = comma.checked_sub(1)?;
    // Past a bracketed short form: "(ASF)".
    if words.text(end) == ")"
        && let Some(open) = (end.saturating_sub(4)..end)
            .rev()
            .find(|&k| words.text(k) == "(")
    {
        end = open.checked_sub(1)?;
    }
    layout.entity_at.get(end).copied().flatten()
}

fn is_year(word: &str) -> bool {
    word.len() == 4
        && word.chars().all(|c| c.is_ascii_digit())
        && (word.starts_with("1") || word.starts_with("20"))
}

/// "Joseph Mulenga of the governing National Renewal Party", "Rosa Huamán, del Movimiento
/// Regional X": a person named with the group they belong to (not a state body, whose staff
/// hold roles).
fn of_group(
    words: &DocView,
    layout: &Layout,
    person: EntityId,
    first: usize,
    last: usize,
) -> Option<Link> {
    let mut i = last + 1;
    let english = words.get(i).is_some_and(|w| w.lower == "of");
    let spanish = words.get(i).is_some_and(|w| w.text == ",")
        && words.get(i + 1).is_some_and(|w| w.is(&["del", "de"]));
    if !english && !spanish {
        return None;
    }
    i += if english { 1 } else { 2 };
    while words.get(i).is_some_and(|w| {
        w.is(&["the", "la", "los", "las"]) || w.is(crate::lexicon::GROUP_ADJECTIVES)
    }) {
        i += 1;
    }
    let group = layout.entity_at.get(i).copied().flatten()?;
    let name = layout.refs.get(layout.ref_at[i]?)?.text.as_str();
    (layout.kinds[group as usize] == MentionKind::Org
        && layout.entity_first(i) == i
        && !crate::lexicon::is_state_body(name))
    .then(|| Link {
        subject: person,
        predicate: Predicate::MemberOf,
        object: RelationObject::Entity(group),
        evidence: words.span(first, layout.entity_last(i)),
    })
}

/// The token after a short form in brackets that opens at `at` ("(PNC)", "(Cereso 1)": up to
/// three words), else `at` itself.
pub(crate) fn past_short_form(words: &DocView, at: usize) -> usize {
    if words.text(at) != "(" {
        return at;
    }
    (at + 1..at + 5)
        .find(|&k| words.text(k) == ")")
        .map_or(at, |close| close + 1)
}

/// The first token at or after `i` that is not a definite article.
pub(crate) fn past_articles(words: &DocView, mut i: usize) -> usize {
    while words
        .get(i)
        .is_some_and(|w| w.is(&["the", "la", "el", "los", "las"]))
    {
        i += 1;
    }
    i
}

/// Nouns for a person in an apposition: what a faction phrase is not.
const PERSON_NOUNS: &[&str] = &[
    "leader",
    "commander",
    "member",
    "chief",
    "head",
    "boss",
    "spokesman",
    "spokeswoman",
    "founder",
    "jefe",
    "jefa",
    "líder",
    "cabecilla",
    "integrante",
    "miembro",
    "vocero",
    "vocera",
    "comandante",
    "operador",
    "operator",
    "fundador",
    "fundadora",
];

/// "Y, a breakaway cell of the X gang", "Y, el brazo armado de X", "Y, a splinter group of X",
/// "Y, the youth wing of the opposition X", "Y, filial de la estadounidense X", "Y and Z, two
/// factions of X", "Y, the cartel's armed wing": a faction, wing, unit or subsidiary is an
/// organisation of its own, part of its parent. The phrase says both are groups, so neither
/// need have been read as an organisation, but a known place is neither.
fn factions(words: &DocView, layout: &Layout, places: &[Option<&Place>], out: &mut Vec<Link>) {
    let not_place = |e: EntityId| places.get(e as usize).is_none_or(Option::is_none);
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(part) = layout.entity_at[r.first] else {
            continue;
        };
        // Past a bracketed short form: "el Sindicato de Choferes (SCC), que forma parte de",
        // or a group noun: "the Kachalla Dauda group, a splinter faction of".
        let mut comma = r.last + 1;
        if words
            .get(comma)
            .is_some_and(|w| w.text == w.lower && w.is(GROUP_ANAPHORS))
        {
            comma += 1;
        }
        comma = past_short_form(words, comma);
        if words.get(comma).is_none_or(|w| w.text != ",") {
            continue;
        }
        let Some((parent, parent_last)) =
            faction_phrase(words, layout, comma + 1).filter(|&(parent, _)| parent != part)
        else {
            continue;
        };
        // "Os Mariñeiros, una escisión de Los Castro": a faction word says both are groups,
        // whatever places the gazetteer found by their names; "part of" alone does not.
        let parent_first = layout.entity_first(parent_last);
        let stated = (comma + 1..parent_first).any(|k| {
            words
                .get(k)
                .is_some_and(|w| w.is(crate::lexicon::FACTION_WORDS))
        });
        let plain_groups = not_place(part)
            && not_place(parent)
            && layout.kinds[parent as usize] != MentionKind::Per;
        if !(stated || plain_groups) {
            continue;
        }
        let mut parts = vec![(part, r.first)];
        // "Los Cuervos de la Sierra y Los Alacranes del Humaya, dos facciones del X".
        if r.first > 1
            && words.get(r.first - 1).is_some_and(|w| w.is(&["and", "y"]))
            && let Some(other) = layout.entity_at[r.first - 2]
            && other != parent
            && not_place(other)
            && (layout.kinds[other as usize] != MentionKind::Per
                || crate::lexicon::is_non_state_group(
                    &words.words(layout.entity_first(r.first - 2), r.first - 2),
                ))
        {
            parts.push((other, layout.entity_first(r.first - 2)));
        }
        for (part, first) in parts {
            out.push(Link {
                subject: part,
                predicate: Predicate::PartOf,
                object: RelationObject::Entity(parent),
                evidence: words.span(first, parent_last),
            });
        }
    }
}

/// Words of a faction phrase that are not in the faction-word list but may stand in it:
/// "part of", "al servicio de", "a unit of".
const PART_WORDS: &[&str] = &[
    "part",
    "parte",
    "servicio",
    "unit",
    "unidad",
    "subsidiary",
    "filial",
    "section",
    "sección",
    "factions",
    "facciones",
    "cells",
    "células",
    "dependiente",
    "órgano",
    "adscrita",
    "adscrito",
];

/// A faction phrase from `at` (just after the comma): its parent and the parent's last token.
fn faction_phrase(words: &DocView, layout: &Layout, at: usize) -> Option<(EntityId, usize)> {
    // "the cartel's armed wing", "the MRN's youth wing": the parent comes first.
    let mut i = past_articles(words, at);
    let possessor = match layout.entity_at.get(i).copied().flatten() {
        Some(e) => Some((e, layout.entity_last(i))),
        None if is_group_anaphor(words, i) => group_named_before(words, layout, i).map(|e| (e, i)),
        None => None,
    };
    if let Some((owner, owner_last)) = possessor
        && words.get(owner_last + 1).is_some_and(|w| w.is_possessive())
    {
        let mut k = owner_last + 2;
        let mut faction = false;
        while k < owner_last + 5
            && words
                .get(k)
                .is_some_and(|w| w.text.chars().all(char::is_lowercase))
        {
            faction |= words
                .get(k)
                .is_some_and(|w| w.is(crate::lexicon::FACTION_WORDS));
            k += 1;
        }
        let ends = words
            .get(k)
            .is_none_or(|w| matches!(w.text, "," | "." | ";" | ")"));
        return (faction && ends).then_some((owner, owner_last));
    }
    // Up to five lower-case words with a faction word among them, then "of"/"de".
    i = at;
    let (mut faction, mut person) = (false, false);
    while i < at + 6
        && words.get(i).is_some_and(|w| {
            w.text.chars().next().is_some_and(char::is_lowercase) && !w.is(&["of", "de", "del"])
        })
    {
        faction |= words
            .get(i)
            .is_some_and(|w| w.is(crate::lexicon::FACTION_WORDS) || w.is(PART_WORDS));
        // "X, a cell leader of Y" describes a person, not a faction.
        person |= words.get(i).is_some_and(|w| w.is(PERSON_NOUNS));
        i += 1;
    }
    if !faction || person || !words.get(i).is_some_and(|w| w.is(&["of", "de", "del"])) {
        return None;
    }
    // "of the opposition X", "del partido opositor X", "de la estadounidense X": up to three
    // lower-case words, or a country's adjective read as a name, before the parent.
    i = past_articles(words, i + 1);
    let mut skipped = 0;
    while skipped < 3 {
        // Not a preposition: "part of a deal with X" is no faction of X.
        let lower = words.get(i).is_some_and(|w| {
            w.text.chars().all(char::is_lowercase)
                && !w.is(&[
                    "a", "with", "to", "for", "in", "on", "by", "con", "en", "para", "por", "que",
                    "which", "that",
                ])
        });
        let name_follows = |at: usize| layout.entity_at.get(at).copied().flatten().is_some();
        let adjective_name = layout.entity_at.get(i).copied().flatten().is_some_and(|_| {
            name_follows(layout.entity_last(i) + 1)
        })
            // "part of the Mexican Secretaría de Hacienda": an adjective read as no name.
            || words.get(i).is_some_and(|w| w.is_capitalised())
                && layout.entity_at.get(i).copied().flatten().is_none()
                && name_follows(i + 1);
        if !(lower || adjective_name) {
            break;
        }
        i = if adjective_name {
            layout.entity_last(i) + 1
        } else {
            i + 1
        };
        skipped += 1;
    }
    let parent = layout.entity_at.get(i).copied().flatten()?;
    Some((parent, layout.entity_last(i)))
}

/// "(PRI)" after a person and "X, a member of Y" / "X, integrante del Y".
fn membership(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for (person, group, evidence) in &layout.affiliations {
        out.push(Link {
            subject: *person,
            predicate: Predicate::MemberOf,
            object: RelationObject::Entity(*group),
            evidence: *evidence,
        });
    }
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(person) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[person as usize] != MentionKind::Per {
            continue;
        }
        if let Some(link) = of_group(words, layout, person, r.first, r.last) {
            out.push(link);
            continue;
        }
        let mut i = r.last + 1;
        if words.get(i).is_none_or(|w| w.text != ",") {
            continue;
        }
        i += 1;
        while words.get(i).is_some_and(|w| {
            w.is(DETERMINERS)
                || w.is(&[
                    "former",
                    "senior",
                    "presunto",
                    "presunta",
                    "both",
                    "all",
                    "ambos",
                    "ambas",
                    "todos",
                    "todas",
                    "alleged",
                    "suspected",
                    "reputed",
                ])
        }) {
            i += 1;
        }
        if !words.get(i).is_some_and(|w| w.is(MEMBER_WORDS)) {
            continue;
        }
        i += 1;
        while words
            .get(i)
            .is_some_and(|w| w.is(&["of", "de", "del", "the", "la", "los", "las"]))
        {
            i += 1;
        }
        // "members of the Union's Local 1702": the body possessed is the one they belong to.
        if words.get(i).is_some_and(|w| w.is_capitalised()) {
            let end = if layout.entity_at.get(i).copied().flatten().is_some() {
                layout.entity_last(i)
            } else {
                i
            };
            if words.get(end + 1).is_some_and(|w| w.is_possessive())
                && layout.entity_at.get(end + 2).copied().flatten().is_some()
            {
                i = end + 2;
            }
        }
        // "an alleged member of the cell": the group named before.
        let group = layout.entity_at.get(i).copied().flatten().or_else(|| {
            (is_group_anaphor(words, i) && words.get(i + 1).is_none_or(|w| !w.is_capitalised()))
                .then(|| group_named_before(words, layout, i))
                .flatten()
        });
        if let Some(group) = group
            && layout.kinds[group as usize] == MentionKind::Org
        {
            let (listed, list_first) = listed_before(words, layout, r.first);
            let evidence = words.span(list_first, layout.entity_last(i));
            for member in std::iter::once(person).chain(listed) {
                out.push(Link {
                    subject: member,
                    predicate: Predicate::MemberOf,
                    object: RelationObject::Entity(group),
                    evidence,
                });
            }
        }
    }
}

/// "Mera, known as "El Flaco", is allegedly a member of the X gang", "Baguio and the six
/// detainees were members of the Tisa Boys", "X es integrante de Y": membership said by a
/// copula, of the person named last before it in the clause.
fn stated_membership(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for (i, w) in words.iter().enumerate() {
        if !w.is(MEMBER_WORDS) || layout.entity_at[i].is_some() {
            continue;
        }
        let mut k = i;
        if k > 0
            && words
                .get(k - 1)
                .is_some_and(|w| w.is(&["a", "an", "un", "una"]))
        {
            k -= 1;
        }
        if k > 0
            && words.get(k - 1).is_some_and(|w| {
                w.is(&[
                    "allegedly",
                    "reportedly",
                    "also",
                    "presuntamente",
                    "también",
                    "además",
                ])
            })
        {
            k -= 1;
        }
        if !(k > 0
            && words.get(k - 1).is_some_and(|w| {
                w.is(&[
                    "is", "was", "are", "were", "es", "era", "son", "eran", "fue", "fueron",
                ])
            }))
        {
            continue;
        }
        let copula = k - 1;
        // "members of the Tisa Boys", "integrantes del Cártel X".
        let mut g = i + 1;
        if !words.get(g).is_some_and(|w| w.is(&["of", "de", "del"])) {
            continue;
        }
        g = past_articles(words, g + 1);
        let Some(group) = layout.entity_at.get(g).copied().flatten() else {
            continue;
        };
        if layout.kinds[group as usize] != MentionKind::Org {
            continue;
        }
        // The subject: the person named last before the copula, in the clause, past an alias
        // clause or "and the six detainees"; no other name between.
        let Some(subject_at) = (copula.saturating_sub(8)..copula)
            .rev()
            .take_while(|&j| words.same_sentence(j, copula) && words.text(j) != ";")
            .find(|&j| layout.entity_at[j].is_some())
        else {
            continue;
        };
        let Some(person) = layout.entity_at[subject_at] else {
            continue;
        };
        // "X said the attackers were members of": the copula's subject is someone else.
        let plain_between = (subject_at + 1..copula).all(|j| {
            words.get(j).is_some_and(|w| {
                !w.is_capitalised()
                    && !w.is(crate::kin::REPORTING_VERBS)
                    && !w.is(&["that", "que", "who", "quien"])
            })
        });
        if layout.kinds[person as usize] == MentionKind::Per && plain_between {
            out.push(Link {
                subject: person,
                predicate: Predicate::MemberOf,
                object: RelationObject::Entity(group),
                evidence: words.span(layout.entity_first(subject_at), layout.entity_last(g)),
            });
        }
    }
}

/// The people listed before the one named at `first` ("Jane Roe and [John Doe], both members
/// of", "A, B y [C], integrantes de"), and the first token of the list.
fn listed_before(words: &DocView, layout: &Layout, first: usize) -> (Vec<EntityId>, usize) {
    let mut people = Vec::new();
    let mut at = first;
    while at > 1
        && words
            .get(at - 1)
            .is_some_and(|w| w.is(&["and", "y", "e", ","]))
    {
        let Some(person) = layout.entity_at[at - 2] else {
            break;
        };
        if layout.kinds[person as usize] != MentionKind::Per {
            break;
        }
        people.push(person);
        at = layout.entity_first(at - 2);
    }
    (people, at)
}

/// Participles of leading, after which "by"/"por" names the leader: "led by X", "es dirigida
/// por X", "están comandados por X".
const LED_BY: &[&str] = &[
    "led",
    "headed",
    "run",
    "commanded",
    "encabezado",
    "encabezada",
    "encabezados",
    "encabezadas",
    "liderado",
    "liderada",
    "liderados",
    "lideradas",
    "comandado",
    "comandada",
    "comandados",
    "comandadas",
    "dirigido",
    "dirigida",
    "dirigidos",
    "dirigidas",
    "conducido",
    "conducida",
];

/// Verbs whose subject leads their object: "X leads Los Rayos", "la Juventud Popular, que
/// dirige X" (the leader after the verb in a relative clause).
const LEADS: &[&str] = &[
    "leads",
    "heads",
    "runs",
    "commands",
    "dirige",
    "encabeza",
    "lidera",
    "comanda",
    "conduce",
    "dirigía",
    "encabezaba",
    "lideraba",
    "comandaba",
];

/// Words between a leading verb and the leader's name: "por los hermanos X y Y", "por el
/// general X", "por alias X".
const BEFORE_LEADER: &[&str] = &[
    "the",
    "el",
    "la",
    "los",
    "las",
    "hermanos",
    "brothers",
    "general",
    "comandante",
    "alias",
];

/// How far back (in tokens, within the sentence) the organisation of a leadership phrase may
/// be named: "Ansar Liptako was founded in 2023 and is led by X".
const LED_ORG_REACH: usize = 12;

/// "the union, led by X", "Los Tejones están comandados por X", "La Juventud Popular, que
/// dirige X", "X leads Los Rayos": who leads which organisation.
fn led_by(words: &DocView, layout: &Layout, places: &[Option<&Place>], out: &mut Vec<Link>) {
    for i in 0..words.len() {
        let Some(w) = words.get(i) else { continue };
        let passive = w.is(LED_BY) && words.get(i + 1).is_some_and(|w| w.is(&["by", "por"]));
        let relative = w.is(LEADS) && i > 0 && words.get(i - 1).is_some_and(|w| w.lower == "que");
        if passive || relative {
            // "is led by", "es dirigida por", "que dirige": the phrase itself says the name
            // before it is a group, whatever the recogniser read it as.
            let stated = relative
                || i > 0
                    && words
                        .get(i - 1)
                        .is_some_and(|w| w.is(COPULAS) || w.lower.ends_with("ly"));
            // "The faction was founded in 2021 after a dispute and is led by X": the group the
            // sentence opens with, however far back.
            let opening_group = || {
                let start = words.sentence_tokens(words.sentence_of(i)).start;
                (stated && is_group_anaphor(words, start + 1))
                    .then(|| group_named_before(words, layout, start + 1))
                    .flatten()
            };
            let Some(org) =
                organisation_before(words, layout, places, i, stated).or_else(opening_group)
            else {
                continue;
            };
            let from = if passive { i + 2 } else { i + 1 };
            for (leader, last) in leaders_from(words, layout, from) {
                out.push(Link {
                    subject: leader,
                    predicate: Predicate::LeaderOf,
                    object: RelationObject::Entity(org),
                    evidence: words.span(i, last),
                });
            }
        } else if w.is(LEADS) {
            // Active: the person just before the verb (an alias clause between is the same
            // person), the organisation just after it.
            let leader = (i.saturating_sub(8)..i)
                .rev()
                .filter(|&j| words.same_sentence(j, i))
                .find_map(|j| layout.entity_at[j]);
            let after = past_articles(words, i + 1);
            let org = layout.entity_at.get(after).copied().flatten();
            // "X leads Los Rayos": what a person leads is a group, unless it is a known place.
            let led = org.is_some_and(|org| {
                is_group(words, layout, org, after)
                    || layout.kinds[org as usize] == MentionKind::Loc
                        && places.get(org as usize).is_none_or(Option::is_none)
            });
            if let (Some(leader), Some(org)) = (leader, org)
                && layout.kinds[leader as usize] == MentionKind::Per
                && led
            {
                out.push(Link {
                    subject: leader,
                    predicate: Predicate::LeaderOf,
                    object: RelationObject::Entity(org),
                    evidence: words.span(i, layout.entity_last(after)),
                });
            }
        }
    }
}

/// Words of an alliance between groups: "Los Rayos have allied with X", "una red aliada con X".
const ALLIED: &[&str] = &[
    "allied", "aliada", "aliado", "aliados", "aliadas", "alliance", "alianza",
];

/// "Los Rayos have since allied with Los Porteños del Sur", "Los del Usumacinta, una red aliada
/// con el Cártel del Soconusco": two groups in alliance are associates.
fn alliances(words: &DocView, layout: &Layout, places: &[Option<&Place>], out: &mut Vec<Link>) {
    let group = |e: EntityId| {
        layout.kinds[e as usize] != MentionKind::Per
            && places.get(e as usize).is_none_or(Option::is_none)
    };
    for (i, w) in words.iter().enumerate() {
        if !w.is(ALLIED) || !words.get(i + 1).is_some_and(|w| w.is(&["with", "con"])) {
            continue;
        }
        let after = past_articles(words, i + 2);
        let Some(ally) = layout
            .entity_at
            .get(after)
            .copied()
            .flatten()
            .filter(|&e| group(e))
        else {
            continue;
        };
        // The nearest name before, in the sentence: the subject or the apposition's head.
        let Some((first, subject)) = (i.saturating_sub(8)..i)
            .rev()
            .filter(|&j| words.same_sentence(j, i))
            .find_map(|j| layout.entity_at[j].map(|e| (layout.entity_first(j), e)))
        else {
            continue;
        };
        if subject != ally && group(subject) {
            out.push(Link {
                subject,
                predicate: Predicate::AssociateOf,
                object: RelationObject::Entity(ally),
                evidence: words.span(first, layout.entity_last(after)),
            });
        }
    }
}

/// Forms of "be" before a participle of leading: "is led by", "están comandados por".
const COPULAS: &[&str] = &[
    "is", "was", "are", "were", "been", "es", "era", "fue", "está", "están", "estaba", "estaban",
    "son", "eran", "fueron",
];

/// The organisation a leadership phrase at `at` is about: the nearest name before it in the
/// sentence, when that is an organisation, a group by its noun ("the Sabon Daji gang"), a name
/// of no known place, or (when the phrase is `stated` with a copula or relative pronoun) a
/// name of any kind but a known place. A person in between means the phrase is about someone
/// else.
fn organisation_before(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    at: usize,
    stated: bool,
) -> Option<EntityId> {
    let j = (at.saturating_sub(LED_ORG_REACH)..at)
        .rev()
        .filter(|&j| words.same_sentence(j, at))
        .find(|&j| layout.entity_at[j].is_some() || is_group_anaphor(words, j))?;
    let Some(e) = layout.entity_at[j] else {
        // "el grupo está encabezado por X": the group last named before.
        return group_named_before(words, layout, j);
    };
    let known_place = places.get(e as usize).is_some_and(Option::is_some);
    let group = match layout.kinds[e as usize] {
        MentionKind::Org | MentionKind::Misc => true,
        MentionKind::Loc => !known_place,
        _ => stated && !known_place,
    };
    (group || is_group(words, layout, e, layout.entity_first(j))).then_some(e)
}

/// The group "the group", "la banda" refers back to: the latest entity before `at`, not a known
/// place, whose name says it is a non-state group ("Cártel X", "Los X") or that was introduced
/// as one ("the Iron Wolves, a gang that ...", "la banda Los X").
pub(crate) fn group_named_before(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let noun = words.get(at).map(|w| w.lower).unwrap_or_default();
    group_before(words, layout, at, noun)
}

/// The group named before token `at` that a group noun (lower case) refers to: first one
/// introduced by that very noun, else the latest group.
pub(crate) fn group_before(
    words: &DocView,
    layout: &Layout,
    at: usize,
    noun: &str,
) -> Option<EntityId> {
    // "X, a gang that ...", "X, una banda de ...": an apposition with an indefinite article
    // (a definite one, "X, el grupo ...", may be the back-reference itself).
    let introduced = |r: &crate::cluster::Ref| {
        let indefinite = words
            .get(r.last + 2)
            .is_some_and(|w| w.is(&["a", "an", "un", "una"]));
        let noun =
            (r.last + 3..r.last + 6).find(|&k| words.get(k).is_some_and(|w| w.is(GROUP_ANAPHORS)));
        words.get(r.last + 1).is_some_and(|w| w.text == ",") && indefinite && noun.is_some()
            || r.first > 0 && words.get(r.first - 1).is_some_and(|w| w.is(GROUP_ANAPHORS))
            // "the Kachalla Dauda group".
            || words
                .get(r.last + 1)
                .is_some_and(|w| w.text == w.lower && w.is(GROUP_ANAPHORS))
    };
    // "the cell" is first the group introduced as a cell ("X, a breakaway cell of Y").
    let introduced_by_noun = |r: &crate::cluster::Ref| {
        introduced(r)
            && ((r.last + 1..(r.last + 6).min(at)).any(|k| {
                words.same_sentence(k, r.last) && words.get(k).is_some_and(|w| w.lower == noun)
            }) || r.first > 0 && words.get(r.first - 1).is_some_and(|w| w.lower == noun))
    };
    let mut seen = Vec::new();
    let mut latest_group = None;
    for k in (0..at).rev() {
        let Some(e) = layout.entity_at[k] else {
            continue;
        };
        if seen.contains(&e) || layout.placed.get(e as usize).copied().unwrap_or(false) {
            continue;
        }
        seen.push(e);
        if layout.refs_of(e).any(introduced_by_noun) {
            return Some(e);
        }
        if latest_group.is_none() && (layout.named_as_group(e) || layout.refs_of(e).any(introduced))
        {
            latest_group = Some(e);
        }
    }
    latest_group
}

/// Nouns that, after a determiner, refer back to a group already named: "the group", "la
/// organización", "the gang".
pub(crate) const GROUP_ANAPHORS: &[&str] = &[
    "group",
    "grupo",
    "gang",
    "banda",
    "organization",
    "organisation",
    "organización",
    "cartel",
    "cártel",
    "cell",
    "célula",
    "network",
    "red",
    "faction",
    "facción",
    "clan",
    "pandilla",
    "party",
    "partido",
    "movement",
    "movimiento",
    "union",
    "sindicato",
    "militia",
    "milicia",
];

/// Whether `at` is a determiner and group noun: "el grupo", "this gang".
fn is_group_anaphor(words: &DocView, at: usize) -> bool {
    at > 0
        && words.get(at).is_some_and(|w| w.is(GROUP_ANAPHORS))
        && words
            .get(at - 1)
            .is_some_and(|w| w.is(&["the", "this", "el", "la", "este", "esta"]))
}

/// Whether the entity named at `at` is an organisation: read as one, or any name followed by
/// a group noun ("the Sabon Daji gang", "la banda Los X").
fn is_group(words: &DocView, layout: &Layout, entity: EntityId, at: usize) -> bool {
    match layout.kinds[entity as usize] {
        MentionKind::Org => true,
        MentionKind::Per => false,
        _ => {
            let next = layout.entity_last(at) + 1;
            words
                .get(next)
                .is_some_and(|w| w.is(crate::lexicon::NON_STATE_GROUP_WORDS))
                || at > 0
                    && words
                        .get(at - 1)
                        .is_some_and(|w| w.is(crate::lexicon::NON_STATE_GROUP_WORDS))
        }
    }
}

/// The persons named from `at` on: one, or two joined by "and"/"y" ("los hermanos X y Y"),
/// each with the last token of its name.
fn leaders_from(words: &DocView, layout: &Layout, mut at: usize) -> Vec<(EntityId, usize)> {
    while words.get(at).is_some_and(|w| w.is(BEFORE_LEADER)) {
        at += 1;
    }
    let mut found = Vec::new();
    while let Some(leader) = layout.entity_at.get(at).copied().flatten() {
        if layout.kinds[leader as usize] != MentionKind::Per {
            break;
        }
        let last = layout.entity_last(at);
        found.push((leader, last));
        if !words.get(last + 1).is_some_and(|w| w.is(&["and", "y"])) {
            break;
        }
        at = last + 2;
    }
    found
}

/// "la Policía Nacional Civil (PNC) de Guatemala", "the Superintendencia de Industria y Comercio
/// of Colombia": a body of a country, named after it; "the 51st Infantry Battalion of the
/// Philippine Army": a unit of a body.
fn bodies_of_countries(
    words: &DocView,
    layout: &Layout,
    places: &[Option<&Place>],
    out: &mut Vec<Link>,
) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(body) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[body as usize] != MentionKind::Org {
            continue;
        }
        // Past a bracketed short form: "(PNC)".
        let mut i = past_short_form(words, r.last + 1);
        if !words.get(i).is_some_and(|w| w.is(&["of", "de", "del"])) {
            continue;
        }
        i = past_articles(words, i + 1);
        let Some(country) = layout.entity_at.get(i).copied().flatten() else {
            continue;
        };
        let is_country = places
            .get(country as usize)
            .copied()
            .flatten()
            .is_some_and(|p| p.feature == FeatureKind::Country);
        // "the 51st Infantry Battalion of the Philippine Army", "the Office of Inspector General
        // (OIG) of the Department of Homeland Security": a unit of a body.
        let unit_of_body = layout.kinds[country as usize] == MentionKind::Org
            && country != body
            && fold(&r.text)
                .split_whitespace()
                .any(|w| crate::units::SUB_BODY_WORDS.contains(&w));
        // The country's name ends the phrase: "de Guatemala desplegó", not "of Mexico City".
        if (is_country || unit_of_body) && layout.entity_first(i) == i {
            out.push(Link {
                subject: body,
                predicate: Predicate::PartOf,
                object: RelationObject::Entity(country),
                evidence: words.span(r.first, layout.entity_last(i)),
            });
        }
    }
}

/// "Britain's Foreign Office": an organisation of a place, by the possessive.
fn possessive_parts(words: &DocView, layout: &Layout, out: &mut Vec<Link>) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(owner) = layout.entity_at[r.first] else {
            continue;
        };
        let next = r.last + 1;
        // "Nepal's", as one token or as "'" and "s".
        let next = match words.get(next).map(|w| w.lower) {
            Some("'s" | "’s") => next + 1,
            Some("'" | "’") if words.get(next + 1).is_some_and(|w| w.lower == "s") => next + 2,
            _ => continue,
        };
        let Some(part) = layout.entity_at.get(next).copied().flatten() else {
            continue;
        };
        let owner_kind = layout.kinds[owner as usize];
        if layout.kinds[part as usize] == MentionKind::Loc && owner_kind == MentionKind::Loc {
            // "Myanmar's Sagaing region": a place of a place.
            out.push(Link {
                subject: part,
                predicate: Predicate::LocatedIn,
                object: RelationObject::Entity(owner),
                evidence: words.span(r.first, layout.entity_last(next)),
            });
        } else if layout.kinds[part as usize] == MentionKind::Org
            && matches!(owner_kind, MentionKind::Org | MentionKind::Loc)
        {
            out.push(Link {
                subject: part,
                predicate: Predicate::PartOf,
                object: RelationObject::Entity(owner),
                evidence: words.span(r.first, layout.entity_last(next)),
            });
        }
    }
}
