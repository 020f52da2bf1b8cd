//! In-document entity resolution: the names a recogniser found become the people,
//! organisations and places they refer to, with their aliases, roles and relations, each tied
//! to the words that support it and to who says so (through `tessera-claims`).
//!
//! Stages, each a function over the document's shared view ([`tessera_doc::DocView`]): aliases introduced in the text
//! ([`aliases`]), coreference of names ([`cluster`]), roles from titles and appositions
//! ([`roles`]), described but unnamed people ([`kin`]) and relations stated around names
//! ([`links`]).

mod aliases;
mod antecedents;
mod cluster;
mod containment;
mod kin;
mod kinds;
mod lexicon;
mod links;
mod quotes;
mod roles;
mod seated;
mod seats;
mod units;

use cluster::{Links, Ref};
use std::collections::HashMap;
use tessera_doc::{
    Alias, DocView, Document, Entity, EntityId, FeatureKind, Mention, MentionKind, Place,
    Predicate, Relation, RelationObject, Span, fold,
};

/// Tells which country a word or name stands for ("Mexican", "US", "México" → `MX`), so roles
/// can carry a country. The engine answers from the gazetteer.
pub trait CountryNames {
    fn country_of(&self, words: &str) -> Option<String>;
}

/// Knows no countries: roles are found without them.
pub struct NoCountries;

impl CountryNames for NoCountries {
    fn country_of(&self, _: &str) -> Option<String> {
        None
    }
}

/// Where the resolved references lie, for the rules that read around them.
pub(crate) struct Layout {
    pub refs: Vec<Ref>,
    /// For each token, the entity of the live reference covering it.
    pub entity_at: Vec<Option<EntityId>>,
    ref_at: Vec<Option<usize>>,
    pub kinds: Vec<MentionKind>,
    /// Token ranges of alias clauses right after a name: (first token after the name, last).
    pub alias_ends: Vec<(usize, usize)>,
    /// A person and the group bracketed after their name ("(PRI)").
    pub affiliations: Vec<(EntityId, EntityId, Span)>,
    /// For each entity, whether the gazetteer placed it (a known place, not a group).
    pub placed: Vec<bool>,
}

impl Layout {
    /// The first token of the reference covering token `at`.
    pub fn entity_first(&self, at: usize) -> usize {
        self.ref_at[at].map_or(at, |r| self.refs[r].first)
    }

    /// The last token of the reference covering token `at`.
    pub fn entity_last(&self, at: usize) -> usize {
        self.ref_at[at].map_or(at, |r| self.refs[r].last)
    }

    /// The live references of entity `e`.
    pub fn refs_of(&self, e: EntityId) -> impl Iterator<Item = &Ref> {
        self.refs
            .iter()
            .filter(move |r| !r.dead && self.entity_at.get(r.first).copied().flatten() == Some(e))
    }

    /// Whether one of entity `e`'s names follows a noun for a non-state group or is followed by
    /// one: "el colectivo Luz de Esperanza", "the youth movement Sauti ya Vijana".
    pub fn introduced_as_group(&self, words: &DocView, e: EntityId) -> bool {
        self.refs_of(e).any(|r| {
            r.first > 0
                && words
                    .get(r.first - 1)
                    .is_some_and(|w| w.text == w.lower && w.is(lexicon::NON_STATE_GROUP_WORDS))
                // "the Kachalla Dauda group".
                || words
                    .get(r.last + 1)
                    .is_some_and(|w| w.text == w.lower && w.is(links::GROUP_ANAPHORS))
        })
    }

    /// Whether one of entity `e`'s names says it is a non-state group ("Cártel X", "Los X").
    pub fn named_as_group(&self, e: EntityId) -> bool {
        self.refs_of(e)
            .any(|r| lexicon::is_non_state_group(&r.text))
    }
}

/// Adds the entities and relations layers to a document with name mentions (and places), and
/// rewrites its name mentions so each has its entity's kind.
pub fn resolve(doc: &mut Document, countries: &dyn CountryNames) {
    let words = DocView::new(doc);
    let mut refs: Vec<Ref> = words
        .names()
        .iter()
        .map(|name| Ref::from_name(name, &words))
        .collect();
    let mut links = Links::new(refs.len());
    let led = split_led_compounds(&words, &mut refs, &mut links, countries);
    drop_adjectives(&words, &mut refs, countries);

    let mut aliases: Vec<(usize, Alias)> = Vec::new();
    let mut affiliations = Vec::new();
    let mut alias_ends = Vec::new();
    for mut found in aliases::find_aliases(&words) {
        if let Some(start) = found.expand_from {
            let last = refs[found.name].last;
            let full = cluster::reference_for(&mut refs, &mut links, &words, start, last);
            refs[full].kind = Some(MentionKind::Org);
            found.name = full;
        }
        let target = cluster::reference_for(&mut refs, &mut links, &words, found.first, found.last);
        if found.affiliation {
            affiliations.push((found.name, target, found.evidence));
            continue;
        }
        refs[target].is_alias = true;
        links.join(found.name, target);
        if let Some(end) = words.ending_at(found.evidence.end) {
            alias_ends.push((refs[found.name].last + 1, end));
        }
        aliases.push((
            found.name,
            Alias {
                name: words.words(found.first, found.last),
                span: words.span(found.first, found.last),
                evidence: found.evidence,
            },
        ));
    }
    // First, so that a place's name read as an organisation is no short form of a body.
    cluster::link_places_tagged_as_organisations(&mut refs, &mut links, &words);
    cluster::link_same_words(&refs, &mut links);
    cluster::link_alias_words(&refs, &mut links);
    cluster::link_partial_persons(&refs, &mut links);
    cluster::link_short_organisations(&refs, &mut links);
    let acronyms = cluster::link_acronyms(&mut refs, &mut links, &words);
    cluster::link_same_words(&refs, &mut links);
    link_same_places(doc, &refs, &mut links);

    let (mut entities, entity_of_ref) = build_entities(&refs, &mut links);
    for (owner, alias) in aliases {
        if let Some(e) = entity_of_ref[owner] {
            add_alias(&mut entities[e as usize], alias);
        }
    }
    for r in acronyms {
        if let Some(e) = entity_of_ref[r] {
            let span = refs[r].span;
            add_alias(
                &mut entities[e as usize],
                Alias {
                    name: refs[r].text.clone(),
                    span,
                    evidence: span,
                },
            );
        }
    }
    add_partial_name_aliases(&refs, &entity_of_ref, &mut entities);
    kinds::correct_person_kinds(&words, &refs, &entity_of_ref, &mut entities);

    let token_count = words.len();
    let mut layout = Layout {
        entity_at: vec![None; token_count],
        ref_at: vec![None; token_count],
        kinds: entities.iter().map(|e| e.kind).collect(),
        alias_ends,
        affiliations: Vec::new(),
        refs: Vec::new(),
        placed: Vec::new(),
    };
    for (i, r) in refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        for t in r.first..=r.last.min(token_count.saturating_sub(1)) {
            layout.entity_at[t] = entity_of_ref[i];
            layout.ref_at[t] = Some(i);
        }
    }
    layout.affiliations = affiliations
        .iter()
        .filter_map(|(p, g, span)| Some((entity_of_ref[*p]?, entity_of_ref[*g]?, *span)))
        .collect();
    layout.refs = refs;

    let places: HashMap<Span, &Place> = doc.places.iter().map(|g| (g.span, &g.place)).collect();
    for (i, r) in layout.refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        if let (Some(e), Some(place)) = (entity_of_ref[i], places.get(&r.span)) {
            let entity = &mut entities[e as usize];
            if entity.place.is_none() {
                entity.country = place.country.clone();
                entity.place = Some((*place).clone());
            }
        }
    }
    for e in 0..entities.len() {
        name_abbreviated_state(&mut entities, e);
    }

    layout.placed = entities.iter().map(|e| e.place.is_some()).collect();
    let entity_places: Vec<Option<&Place>> = entities.iter().map(|e| e.place.as_ref()).collect();
    let links = links::find_links(&words, &layout, &entity_places);
    // What the links say of kinds (a faction, a led body) holds before roles are read.
    for link in &links {
        // "Los Halcones, el brazo armado del Cártel X": a faction is an organisation, whatever
        // the recogniser read its name as. A place is part of something only as a faction
        // ("Los Lemus, brazo armado de Los del Usumacinta"), and then both are groups.
        if link.predicate == Predicate::PartOf {
            // Bodies are part of countries and states ("the Policía Nacional de Honduras"); a faction's
            // parent read as any other place is a group ("una clica de la pandilla Barrio Sur").
            if let RelationObject::Entity(parent) = &link.object {
                let parent = &mut entities[*parent as usize];
                let division = parent.place.as_ref().is_some_and(|p| {
                    matches!(
                        p.feature,
                        FeatureKind::Country | FeatureKind::Admin1 | FeatureKind::Admin2
                    )
                });
                if parent.kind == MentionKind::Loc && !division {
                    parent.kind = MentionKind::Org;
                }
            }
            entities[link.subject as usize].kind = MentionKind::Org;
        }
        // "Ansar Liptako ... is led by X": what a person leads is an organisation too.
        if let (Predicate::LeaderOf, RelationObject::Entity(org)) = (link.predicate, &link.object) {
            entities[*org as usize].kind = MentionKind::Org;
        }
    }
    let mut found: Vec<(EntityId, Predicate, RelationObject, Option<String>, Span)> = Vec::new();
    for mut role in roles::find_roles(&words, &layout, countries) {
        // "the police director", "la dirigente del frente": a title that names its body by a
        // common noun points to the one organisation of the document named with that noun.
        if role.role.org.is_none() {
            role.role.org = org_named_in_title(&role.role.title, &entities);
        }
        // "secretario de Seguridad Pública" with the portfolio not read as a name.
        if role.role.org.is_none()
            && let Some((_, portfolio)) = role
                .role
                .title
                .split_once(" de ")
                .or_else(|| role.role.title.split_once(" of "))
        {
            role.role.org = ministry_of_portfolio(&role.role.title, portfolio, &entities);
        }
        // "la fiscal general de Sinaloa" heads the "Fiscalía General del Estado de Sinaloa" the
        // document names: the body of the title's kind for that place.
        if let Some(place) = role
            .role
            .org
            .filter(|&o| entities[o as usize].kind == MentionKind::Loc)
            && let Some(body) =
                body_of_place(&role.role.title, &entities[place as usize].name, &entities)
        {
            role.role.org = Some(body);
        }
        // "el ministro de Hidrocarburos": a portfolio, not an organisation; the title is all of
        // it, anchored by the ministry of that portfolio when the document names it
        // ("la secretaria de Protección Civil" of the "Secretaría de Protección Civil de X").
        let portfolio = portfolio_title(&role.role, &entities, words.text);
        let named_portfolio = portfolio.is_some();
        if let Some(full) = portfolio {
            role.role.org = role
                .role
                .org
                .and_then(|o| ministry_of_portfolio(&full, &entities[o as usize].name, &entities));
            role.role.title = full;
        }
        if entities[role.person as usize].country.is_none() {
            entities[role.person as usize].country = role.role.country.clone();
        }
        // The organisation, else the country when the document names it, else the title.
        let country_entity = role.role.country.as_ref().and_then(|code| {
            entities.iter().position(|e| {
                e.place.as_ref().is_some_and(|p| {
                    p.feature == FeatureKind::Country && p.country.as_ref() == Some(code)
                })
            })
        });
        // "Prime Minister Claire Donovan" with no country named: the document's country.
        let country_entity = country_entity.or_else(|| {
            let national = role.role.country.is_none()
                && !named_portfolio
                && seats::is_national_title(&role.role.title);
            national
                .then(|| {
                    seats::main_country(&entities, doc.dateline.as_ref(), doc.meta.title.as_deref())
                })
                .flatten()
                .or_else(|| seats::local_seat(&role.role, &entities))
        });
        let object = match (role.role.org, country_entity) {
            (Some(org), _) => RelationObject::Entity(org),
            (None, Some(country)) => RelationObject::Entity(country as EntityId),
            (None, None) => RelationObject::Value(role.role.title.clone()),
        };
        found.push((
            role.person,
            Predicate::HoldsRole,
            object,
            Some(role.role.title.clone()),
            role.role.evidence,
        ));
        let member_title = role
            .role
            .title
            .split_whitespace()
            .any(|w| lexicon::MEMBER_TITLES.contains(&tessera_doc::fold::lower(w).as_str()));
        // "cabecilla de Los Bravos de Chamelecón", "candidato de Perú Adelante": what a person
        // heads or stands for is an organisation, whatever the recogniser read its name as.
        if let Some(org) = role.role.org.filter(|_| role.leads || member_title)
            && matches!(
                entities[org as usize].kind,
                MentionKind::Per | MentionKind::Misc
            )
            && entities[org as usize].place.is_none()
        {
            entities[org as usize].kind = MentionKind::Org;
        }
        let org_is_organisation = role
            .role
            .org
            .is_some_and(|o| entities[o as usize].kind == MentionKind::Org);
        // An officer of a cartel, party, union or movement short of its head is also a member.
        let founder = role.role.title.split_whitespace().any(|w| {
            [
                "founder",
                "fundador",
                "fundadora",
                "cofounder",
                "cofundador",
            ]
            .contains(&tessera_doc::fold::lower(w).as_str())
        });
        let officer_of_group = !role.leads
            && !founder
            && role.role.org.is_some_and(|o| {
                lexicon::is_non_state_group(&entities[o as usize].name)
                    || layout.introduced_as_group(&words, o)
            });
        if let (true, true, Some(org)) = (
            member_title || officer_of_group,
            org_is_organisation,
            role.role.org,
        ) {
            found.push((
                role.person,
                Predicate::MemberOf,
                RelationObject::Entity(org),
                None,
                role.role.evidence,
            ));
        }
        if let (true, true, Some(org)) = (role.leads, org_is_organisation, role.role.org) {
            found.push((
                role.person,
                Predicate::LeaderOf,
                RelationObject::Entity(org),
                None,
                role.role.evidence,
            ));
        }
        entities[role.person as usize].roles.push(role.role);
    }
    for (leader, org, evidence) in led {
        if let (Some(leader), Some(org)) = (entity_of_ref[leader], entity_of_ref[org]) {
            found.push((
                org,
                Predicate::PartOf,
                RelationObject::Entity(leader),
                None,
                evidence,
            ));
        }
    }
    for link in links {
        found.push((
            link.subject,
            link.predicate,
            link.object,
            None,
            link.evidence,
        ));
    }
    add_described(&words, &layout, &mut entities, &mut found);

    let mut relations: Vec<Relation> = Vec::new();
    for (subject, predicate, object, role, evidence) in found {
        let duplicate = relations
            .iter()
            .any(|r| r.subject == subject && r.predicate == predicate && r.object == object);
        if !duplicate && RelationObject::Entity(subject) != object {
            relations.push(Relation {
                subject,
                predicate,
                object,
                role,
                evidence,
                claim: Default::default(),
            });
        }
    }

    let mut mentions: Vec<Mention> = doc
        .mentions
        .iter()
        .filter(|m| !m.kind.is_name())
        .copied()
        .collect();
    for (i, r) in layout.refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        if let Some(e) = entity_of_ref[i] {
            mentions.push(Mention {
                span: r.span,
                kind: entities[e as usize].kind,
                entity: Some(e),
            });
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.span.end));
    doc.mentions = mentions;
    doc.entities = entities;
    let view = DocView::new(doc);
    let claims: Vec<_> = relations
        .iter()
        .map(|relation| tessera_claims::assess(&view, relation.evidence))
        .collect();
    for (relation, claim) in relations.iter_mut().zip(claims) {
        relation.claim = claim;
    }
    doc.relations = relations;
}

/// Entities from the linked references, in order of first mention, with their kind (the
/// recogniser's majority, longer names weighing more) and their fullest name.
fn build_entities(refs: &[Ref], links: &mut Links) -> (Vec<Entity>, Vec<Option<EntityId>>) {
    let mut order: Vec<usize> = (0..refs.len()).filter(|&i| !refs[i].dead).collect();
    order.sort_by_key(|&i| (refs[i].first, refs[i].last));
    let mut entity_of_root: HashMap<usize, EntityId> = HashMap::new();
    let mut entity_of_ref = vec![None; refs.len()];
    let mut members: Vec<Vec<usize>> = Vec::new();
    for &i in &order {
        let root = links.root(i);
        let e = *entity_of_root.entry(root).or_insert_with(|| {
            members.push(Vec::new());
            (members.len() - 1) as EntityId
        });
        members[e as usize].push(i);
        entity_of_ref[i] = Some(e);
    }
    let entities = members
        .iter()
        .map(|group| {
            let kind = majority_kind(refs, group);
            let naming: Vec<&Ref> = group
                .iter()
                .map(|&i| &refs[i])
                .filter(|r| !r.is_alias)
                .collect();
            let pool: Vec<&Ref> = if naming.is_empty() {
                group.iter().map(|&i| &refs[i]).collect()
            } else {
                naming
            };
            // A person or organisation by its fullest name; a place by the form the text uses
            // most ("US" over "U.S.").
            let uses = |r: &Ref| pool.iter().filter(|o| o.text == r.text).count();
            let chosen = if kind == MentionKind::Loc {
                // An acronym of three letters or more ("AICM") names the place less well than
                // the words it stands for, however often it is used.
                let spelled = |r: &&&Ref| !spells_out_another(r, &pool);
                pool.iter()
                    .filter(spelled)
                    .max_by_key(|r| (uses(r), r.text.len(), std::cmp::Reverse(r.first)))
            } else {
                pool.iter().max_by_key(|r| {
                    (
                        r.text.split_whitespace().count(),
                        r.text.len(),
                        std::cmp::Reverse(r.first),
                    )
                })
            };
            let name = chosen.map(|r| r.text.clone()).unwrap_or_default();
            let mut entity = Entity::new(kind, name);
            entity.mentions = group.iter().map(|&i| refs[i].span).collect();
            entity
        })
        .collect();
    (entities, entity_of_ref)
}

/// `r` is an acronym of three letters or more that abbreviates another name in `pool`.
fn spells_out_another(r: &Ref, pool: &[&Ref]) -> bool {
    let letters = r.text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && !r.text.contains(' ')
        && r.text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && pool
            .iter()
            .any(|o| o.text.contains(' ') && aliases::abbreviates(&r.text, &o.text))
}

fn majority_kind(refs: &[Ref], group: &[usize]) -> MentionKind {
    let mut votes: HashMap<MentionKind, usize> = HashMap::new();
    for &i in group {
        if let Some(kind) = refs[i].kind {
            let weight = refs[i].text.split_whitespace().count() + usize::from(!refs[i].is_alias);
            *votes.entry(kind).or_default() += weight;
        }
    }
    let rank = |k: &MentionKind| match k {
        MentionKind::Per => 4,
        MentionKind::Org => 3,
        MentionKind::Loc => 2,
        _ => 1,
    };
    votes
        .into_iter()
        .max_by_key(|(k, v)| (*v, rank(k)))
        .map_or(MentionKind::Org, |(k, _)| k)
}

fn add_alias(entity: &mut Entity, alias: Alias) {
    let folded = fold(&alias.name);
    if folded != fold(&entity.name) && !entity.aliases.iter().any(|a| fold(&a.name) == folded) {
        entity.aliases.push(alias);
    }
}

/// A person's surname or partial name used on its own ("Cervantes") is listed among the names
/// they go by, with its first use as evidence.
fn add_partial_name_aliases(
    refs: &[Ref],
    entity_of_ref: &[Option<EntityId>],
    entities: &mut [Entity],
) {
    for (i, r) in refs
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.dead && !r.is_alias)
    {
        let Some(e) = entity_of_ref[i] else { continue };
        let entity = &mut entities[e as usize];
        if entity.kind == MentionKind::Per
            && r.text.split_whitespace().count() < entity.name.split_whitespace().count()
        {
            let span = r.span;
            add_alias(
                entity,
                Alias {
                    name: r.text.clone(),
                    span,
                    evidence: span,
                },
            );
        }
    }
}

/// "the Pentagon-led task force": the leading name becomes an organisation of its own, and the
/// task force part of it. Returns (leader reference, led reference, evidence).
fn split_led_compounds(
    words: &DocView,
    refs: &mut Vec<Ref>,
    links: &mut Links,
    countries: &dyn CountryNames,
) -> Vec<(usize, usize, Span)> {
    let mut found = Vec::new();
    for (index, w) in words.iter().enumerate() {
        let Some(prefix) = w.text.strip_suffix("-led") else {
            continue;
        };
        // "Kenyan-led" names who leads, not a body the led one belongs to.
        let is_country = countries.country_of(prefix).is_some();
        if is_country || !prefix.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let Some(led) = refs
            .iter()
            .position(|r| !r.dead && r.first == index + 1 && r.kind == Some(MentionKind::Org))
        else {
            continue;
        };
        for r in refs
            .iter_mut()
            .filter(|r| r.first <= index && index <= r.last)
        {
            r.dead = true;
        }
        refs.push(Ref {
            span: Span {
                start: w.span.start,
                end: w.span.start + prefix.len() as u32,
            },
            first: index,
            last: index,
            kind: Some(MentionKind::Org),
            text: prefix.to_string(),
            is_alias: false,
            dead: false,
        });
        let leader = links.grow();
        found.push((
            leader,
            led,
            Span {
                start: w.span.start,
                end: refs[led].span.end,
            },
        ));
    }
    found
}

/// Unnamed people ("his romantic partner") become entities, with their relation to whom they
/// are described by.
fn add_described(
    words: &DocView,
    layout: &Layout,
    entities: &mut Vec<Entity>,
    found: &mut Vec<(EntityId, Predicate, RelationObject, Option<String>, Span)>,
) {
    for (a, b, evidence) in kin::named_siblings(words, layout) {
        found.push((
            a,
            Predicate::FamilyOf,
            RelationObject::Entity(b),
            None,
            evidence,
        ));
    }
    let described = kin::find_described(words, layout);
    let mut ids: Vec<EntityId> = Vec::with_capacity(described.len());
    let mut by_words: HashMap<String, EntityId> = HashMap::new();
    for d in &described {
        if let Some(named) = d.named {
            ids.push(named);
            continue;
        }
        let name = words.words(d.first, d.last);
        let span = words.span(d.first, d.last);
        let id = *by_words.entry(fold(&name)).or_insert_with(|| {
            let mut entity = Entity::new(MentionKind::Per, name.clone());
            entity.unnamed = true;
            entities.push(entity);
            (entities.len() - 1) as EntityId
        });
        if !entities[id as usize].mentions.contains(&span) {
            entities[id as usize].mentions.push(span);
        }
        ids.push(id);
    }
    for (d, &id) in described.iter().zip(&ids) {
        let object = match d.related_to {
            kin::Target::Entity(e) => e,
            kin::Target::Described(k) => ids[k],
        };
        found.push((
            id,
            d.kin.predicate(),
            RelationObject::Entity(object),
            None,
            d.evidence,
        ));
    }
}

/// "N.L.", "Ariz.", "Jal." resolved to their state: the entity is named by the state's name
/// (the abbreviation stays a mention), unless another entity has that name ("Chihuahua,
/// Chih.": the city).
fn name_abbreviated_state(entities: &mut [Entity], at: usize) {
    let entity = &entities[at];
    let Some(place) = &entity.place else { return };
    let short: String = entity.name.chars().filter(|c| *c != '.').collect();
    let abbreviation = place.feature == FeatureKind::Admin1
        && short.chars().count() <= 5
        && fold(&short) != fold(&place.name)
        && fold(&short).chars().next() == fold(&place.name).chars().next();
    let full = place.name.clone();
    let taken = entities
        .iter()
        .any(|e| e.kind == MentionKind::Loc && fold(&e.name) == fold(&full));
    if abbreviation && !taken {
        entities[at].name = full;
    }
}

/// Place names resolved to the same gazetteer entry ("US", "U.S.") are one place.
fn link_same_places(doc: &Document, refs: &[Ref], links: &mut Links) {
    let ids: HashMap<Span, u64> = doc
        .places
        .iter()
        .filter_map(|g| Some((g.span, g.place.geonames_id?)))
        .collect();
    let mut first_with: HashMap<u64, usize> = HashMap::new();
    for (i, r) in refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        if let Some(id) = ids.get(&r.span) {
            match first_with.get(id) {
                Some(&first) => links.join(first, i),
                None => {
                    first_with.insert(*id, i);
                }
            }
        }
    }
}

/// "Mexican authorities", "a Dubai-based operator": a nationality or compound used as an
/// adjective describes; it is not an entity of its own.
fn drop_adjectives(words: &DocView, refs: &mut [Ref], countries: &dyn CountryNames) {
    for r in refs
        .iter_mut()
        .filter(|r| r.kind == Some(MentionKind::Misc) && r.first == r.last)
    {
        let compound = ["-based", "-led", "-backed", "-born", "-owned", "-run"]
            .iter()
            .any(|suffix| r.text.ends_with(suffix));
        let before_noun = words
            .get(r.last + 1)
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_alphabetic));
        if before_noun && (compound || countries.country_of(&r.text).is_some()) {
            r.dead = true;
        }
    }
}

/// The one organisation of the document whose name holds the body noun a title uses ("police
/// director" → "National Police"; "dirigente del frente" → "Frente Magisterial del Sureste").
fn org_named_in_title(title: &str, entities: &[Entity]) -> Option<EntityId> {
    let nouns: Vec<&str> = title
        .split_whitespace()
        .filter_map(|w| {
            let w = tessera_doc::fold::lower(w);
            lexicon::TITLE_BODY_NOUNS
                .iter()
                .find(|(word, _)| *word == w)
                .map(|(_, in_name)| *in_name)
        })
        .collect();
    if nouns.is_empty() {
        return None;
    }
    let mut found = entities.iter().enumerate().filter(|(_, e)| {
        e.kind == MentionKind::Org
            && fold(&e.name)
                .split_whitespace()
                .any(|w| nouns.contains(&w.trim_end_matches("'s").trim_end_matches("’s")))
    });
    match (found.next(), found.next()) {
        (Some((only, _)), None) => Some(only as EntityId),
        _ => None,
    }
}

/// The ministry or secretariat of a portfolio the document names: for "secretaria de Protección
/// Civil", an organisation named "Secretaría de Protección Civil [...]"; for "minister of
/// Mines", "Ministry of Mines [...]".
fn ministry_of_portfolio(title: &str, portfolio: &str, entities: &[Entity]) -> Option<EntityId> {
    let head = fold(title.split_whitespace().next()?);
    let bodies: &[&str] = match head.as_str() {
        "secretario" | "secretaria" => &["secretaria"],
        "ministro" | "ministra" => &["ministerio"],
        "minister" => &["ministry"],
        "secretary" => &["department", "ministry"],
        _ => return None,
    };
    let portfolio = fold(portfolio);
    let mut found = entities.iter().enumerate().filter(|(_, e)| {
        let name = fold(&e.name);
        e.kind == MentionKind::Org
            && bodies.iter().any(|body| {
                ["de", "del", "of", "for"]
                    .iter()
                    .any(|link| name.starts_with(&format!("{body} {link} {portfolio}")))
            })
    });
    match (found.next(), found.next()) {
        (Some((only, _)), None) => Some(only as EntityId),
        _ => None,
    }
}

/// The one organisation the document names whose name opens with the body a title heads
/// ("fiscal" → "Fiscalía", "secretaria" → "Secretaría") and holds the place's name: for "fiscal
/// general de Sinaloa", the "Fiscalía General del Estado de Sinaloa".
fn body_of_place(title: &str, place: &str, entities: &[Entity]) -> Option<EntityId> {
    let head = fold(title.split_whitespace().next()?);
    let body = match head.as_str() {
        "fiscal" => "fiscalia",
        "procurador" | "procuradora" => "procuraduria",
        "secretario" | "secretaria" => "secretaria",
        "ministro" | "ministra" => "ministerio",
        _ => return None,
    };
    let place = format!(" {} ", fold(place));
    let mut found = entities.iter().enumerate().filter(|(_, e)| {
        let name = fold(&e.name);
        e.kind == MentionKind::Org && name.starts_with(body) && format!(" {name} ").contains(&place)
    });
    match (found.next(), found.next()) {
        (Some((only, _)), None) => Some(only as EntityId),
        _ => None,
    }
}

/// The whole title when a minister's or secretary's "organisation" is only a portfolio word
/// read as a name ("ministro de Hidrocarburos", "minister of Interior"): the evidence without
/// its article, when it ends with that name and the name has no word of a body.
fn portfolio_title(role: &tessera_doc::Role, entities: &[Entity], text: &str) -> Option<String> {
    let org = &entities[role.org? as usize];
    let head = tessera_doc::fold::lower(role.title.split_whitespace().last()?);
    // The recogniser reads a lone portfolio word as an organisation or a miscellaneous name.
    if !matches!(org.kind, MentionKind::Org | MentionKind::Misc)
        || !lexicon::PORTFOLIO_TITLES.contains(&head.as_str())
    {
        return None;
    }
    let name = fold(&org.name);
    let bodylike = name.split_whitespace().count() > 3
        || name.split_whitespace().any(|w| {
            lexicon::GENERIC_ORG_NOUNS.contains(&w) || lexicon::STATE_BODY_HEADS.contains(&w)
        });
    let evidence = text.get(role.evidence.range())?;
    // "ministro de Energía y Minas": the portfolio may go on past "y".
    let folded = fold(evidence);
    let ends_with_portfolio = folded.ends_with(&name)
        || folded
            .rsplit_once(" y ")
            .or_else(|| folded.rsplit_once(" and "))
            .is_some_and(|(before, after)| {
                before.ends_with(&name) && after.split_whitespace().count() <= 3
            });
    if bodylike || !ends_with_portfolio {
        return None;
    }
    let mut words: Vec<&str> = evidence.split_whitespace().collect();
    if words
        .first()
        .is_some_and(|w| ["el", "la", "the", "los", "las"].contains(&fold(w).as_str()))
    {
        words.remove(0);
    }
    Some(words.join(" "))
}
