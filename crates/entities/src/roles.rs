//! Roles from titles and appositions, in English and Spanish: "CIA Director John Ratcliffe",
//! "Mexican President Claudia Sheinbaum", "X, the longtime head of the CJNG", "el gobernador de
//! Michoacán, Ramiro ...", "X, comandante de la 43 Zona Militar".

use crate::antecedents::organisation_before;
use crate::lexicon::{
    ARMED_FORCES, DETERMINERS, GENERIC_ORG_NOUNS, LEADER_HEADS, LINKERS, NAMED_BODY_NOUNS,
    RANK_ABBREVIATIONS, TITLE_HEADS, TITLE_MODIFIERS, TITLE_QUALIFIERS,
};
use crate::quotes::is_close_quote;
use crate::{CountryNames, Layout};
use tessera_doc::DocView;
use tessera_doc::{EntityId, MentionKind, Role, Span};

/// A role found for a person, and whether the title makes them head of its organisation.
#[derive(Debug, Clone)]
pub(crate) struct FoundRole {
    pub person: EntityId,
    pub role: Role,
    pub leads: bool,
    /// Found in an apposition before the name ("la directora, X"), where a bare title may
    /// point back to someone else.
    pub apposed: bool,
}

/// Capitalised words that open sentences or clauses but never a title.
const CLAUSE_OPENERS: &[&str] = &[
    "meanwhile",
    "yesterday",
    "today",
    "however",
    "also",
    "but",
    "and",
    "on",
    "in",
    "after",
    "before",
    "when",
    "while",
    "as",
    "then",
    "under",
    "with",
    "by",
    "for",
    "ayer",
    "hoy",
    "además",
    "pero",
    "y",
    "en",
    "tras",
    "según",
    "mientras",
    "con",
    "por",
    "para",
    "durante",
];

pub(crate) fn find_roles(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
) -> Vec<FoundRole> {
    let mut found = Vec::new();
    for reference in &layout.refs {
        if reference.dead {
            continue;
        }
        let Some(person) = layout.entity_at[reference.first] else {
            continue;
        };
        if layout.kinds[person as usize] != MentionKind::Per {
            continue;
        }
        let (first, last) = (reference.first, reference.last);
        let mut push = |title: Option<Title>, apposed: bool| {
            if let Some(title) = title {
                let bare_rank = title.first == title.last
                    && words
                        .get(title.first)
                        .is_some_and(|w| w.is(RANK_ABBREVIATIONS));
                if !bare_rank {
                    let mut role = title.into_role(person, words);
                    role.apposed = apposed;
                    found.push(role);
                }
            }
        };
        push(
            title_before(words, layout, countries, first).map(|mut title| {
                // "Governor Celestina Abarquez of Cebu province", "Mayor X of Talisay City".
                if title.org.is_none()
                    && title.country.is_none()
                    && let Some(place) = of_place_after(words, layout, last)
                {
                    title.org = Some(place);
                }
                title
            }),
            false,
        );
        push(title_before_comma(words, layout, countries, first), true);
        let mut after = last + 1;
        // Skip an alias clause: "X, also known as El Mencho, the longtime head of ...".
        if let Some(end) = layout.alias_ends.iter().find(|(start, _)| *start == after) {
            after = end.1 + 1;
        }
        // Skip an age: "X, 37, the owner of ...".
        if words.get(after).is_some_and(|w| w.text == ",")
            && words
                .get(after + 1)
                .is_some_and(|w| w.text.len() <= 3 && w.text.chars().all(|c| c.is_ascii_digit()))
            && words.get(after + 2).is_some_and(|w| w.text == ",")
        {
            after += 2;
        }
        if words.get(after).is_some_and(|w| w.text == ",") {
            push(
                title_from(words, layout, countries, after + 1).filter(|t| t.closed),
                false,
            );
        }
    }
    complement_roles(words, layout, countries, &mut found);
    appointed_roles(words, layout, countries, &mut found);
    // "El esposo de la directora, X" after "la directora del penal, Y": a bare title that
    // another person already holds in the document points back to them, not to X.
    found.sort_by_key(|f| f.role.evidence.start);
    let mut kept: Vec<FoundRole> = Vec::with_capacity(found.len());
    for f in found {
        let echo = f.apposed
            && f.role.org.is_none()
            && kept.iter().any(|k| {
                k.person != f.person
                    && tessera_doc::fold(&k.role.title) == tessera_doc::fold(&f.role.title)
            });
        if !echo {
            kept.push(f);
        }
    }
    let mut found = kept;
    found.sort_by_key(|f| (f.person, f.role.evidence.start));
    found.dedup_by(|a, b| a.person == b.person && a.role.title == b.role.title);
    found
}

/// Nouns after a place's name that say what kind of place it is.
const PLACE_NOUNS: &[&str] = &[
    "region",
    "state",
    "province",
    "county",
    "district",
    "department",
    "municipality",
    "city",
    "town",
];

/// Words after which a title is what a person is named or serves as: "appointed X as defence
/// minister", "nombró a X como directora general", "fue nombrado jefe de la UPA".
const COMPLEMENT_MARKERS: &[&str] = &[
    "as",
    "como",
    "named",
    "appointed",
    "nombrado",
    "nombrada",
    "designado",
    "designada",
];

/// Roles given as a complement: the title after a marker, held by the person named last before
/// it in the sentence (with no other name between).
fn complement_roles(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    found: &mut Vec<FoundRole>,
) {
    for (i, w) in words.iter().enumerate() {
        if !w.is(COMPLEMENT_MARKERS) || layout.entity_at[i].is_some() {
            continue;
        }
        let Some(named) = (i.saturating_sub(10)..i)
            .rev()
            .filter(|&j| words.same_sentence(j, i))
            .find_map(|j| layout.entity_at[j])
        else {
            continue;
        };
        if layout.kinds[named as usize] != MentionKind::Per {
            continue;
        }
        let Some(title) = title_phrase(words, layout, countries, i + 1, true) else {
            continue;
        };
        // "as President Biden said": a title before a name is that name's.
        let next = words.get(title.last + 1).map(|_| title.last + 1);
        let before_name = next
            .and_then(|n| layout.entity_at[n])
            .is_some_and(|e| layout.kinds[e as usize] == MentionKind::Per);
        if (title.closed || title.org.is_some() || title.country.is_some()) && !before_name {
            found.push(title.into_role(named, words));
        }
    }
}

/// Verbs of appointing, before the person and the post: "nombró a X nueva secretaria de
/// Estado", "appointed X chief of staff".
const APPOINTING: &[&str] = &[
    "nombró",
    "designó",
    "eligió",
    "appointed",
    "named",
    "nominated",
    "nombra",
    "designa",
];

/// Roles given by appointment with the post right after the name, no marker between.
fn appointed_roles(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    found: &mut Vec<FoundRole>,
) {
    for r in layout.refs.iter().filter(|r| !r.dead) {
        let Some(person) = layout.entity_at[r.first] else {
            continue;
        };
        if layout.kinds[person as usize] != MentionKind::Per || r.first < 1 {
            continue;
        }
        let mut verb = r.first - 1;
        if words.get(verb).is_some_and(|w| w.is(&["a"])) && verb > 0 {
            verb -= 1;
        }
        // "appointed former navy officer X": a description may stand before the name.
        let appointed = (verb.saturating_sub(3)..=verb).any(|k| {
            words.get(k).is_some_and(|w| w.is(APPOINTING)) && words.same_sentence(k, r.first)
        });
        if !appointed {
            continue;
        }
        // "nombró a X como ...": the marker's own rule takes it.
        if words
            .get(r.last + 1)
            .is_some_and(|w| w.is(COMPLEMENT_MARKERS))
        {
            continue;
        }
        if let Some(mut title) = title_phrase(words, layout, countries, r.last + 1, true) {
            // "nueva secretaria de Estado": the post, not its novelty.
            while title.first < title.last
                && words
                    .get(title.first)
                    .is_some_and(|w| w.is(TITLE_MODIFIERS))
            {
                title.first += 1;
            }
            if let Some(w) = words.get(title.first) {
                title.evidence.start = w.span.start;
            }
            found.push(title.into_role(person, words));
        }
    }
}

/// A parsed title phrase.
struct Title {
    first: usize,
    last: usize,
    org: Option<EntityId>,
    country: Option<String>,
    leads: bool,
    /// Followed by punctuation or the end of the sentence (an apposition is complete).
    closed: bool,
    evidence: Span,
}

impl Title {
    fn into_role(self, person: EntityId, words: &DocView) -> FoundRole {
        FoundRole {
            person,
            apposed: false,
            // Whether it leads what it is of; the organisation may be found later ("Police
            // Superintendent X" → the one police force named).
            leads: self.leads,
            role: Role {
                title: words.words(self.first, self.last),
                org: self.org,
                country: self.country,
                evidence: self.evidence,
            },
        }
    }
}

/// "X of Cebu province", "X, of Talisay City": a place named right after a person.
fn of_place_after(words: &DocView, layout: &Layout, name_last: usize) -> Option<EntityId> {
    let at = name_last + 1;
    if !words.get(at).is_some_and(|w| w.is(&["of", "de"])) {
        return None;
    }
    let e = layout.entity_at.get(at + 1).copied().flatten()?;
    (layout.kinds[e as usize] == MentionKind::Loc && layout.entity_first(at + 1) == at + 1)
        .then_some(e)
}
/// "Mexican Defense Secretary Ricardo ...", "CIA Director John ...": capitalised title words,
/// and an organisation or country, right before the name.
fn title_before(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    name_first: usize,
) -> Option<Title> {
    let mut start = name_first;
    let mut has_head = false;
    // "el magistrado de la Audiencia Nacional Jorge Lamas": the body after "de", with no comma
    // before the name.
    let mut complement = None;
    while start > 0 && words.same_sentence(start - 1, name_first) {
        let j = start - 1;
        let w = words.get(j)?;
        let linker = w.is(&["de", "del", "of"])
            || w.is(&["la", "the"])
                && j > 0
                && words.get(j - 1).is_some_and(|p| p.is(&["de", "of"]));
        if linker && !has_head && start < name_first {
            let mut k = j + 1;
            while k < name_first && words.get(k).is_some_and(|w| w.is(&["la", "the"])) {
                k += 1;
            }
            if let Some(e) = layout.entity_at[k].filter(|_| layout.entity_first(k) == k) {
                // The body first found; the linker furthest back ("de la").
                complement = Some((complement.map_or(e, |(first, _)| first), j));
                start = j;
                continue;
            }
        }
        if let Some(e) = layout.entity_at[j] {
            if layout.kinds[e as usize] == MentionKind::Per {
                break;
            }
            start = layout.entity_first(j);
            continue;
        }
        // "Drug Enforcement Administration (DEA) Administrator X": past the short form, to
        // the name it follows.
        if w.text == ")"
            && let Some(open) = (j.saturating_sub(4)..j)
                .rev()
                .find(|&k| words.text(k) == "(")
            && open > 0
            && layout.entity_at[open - 1].is_some()
        {
            start = open;
            continue;
        }
        let lower = w.lower;
        if w.is(TITLE_HEADS) {
            has_head = true;
        } else {
            let part_of_title = w.is(TITLE_MODIFIERS)
                || w.is(TITLE_QUALIFIERS)
                || w.is_capitalised()
                || lower == "of" && has_head;
            if w.is(CLAUSE_OPENERS) || w.is(DETERMINERS) || !part_of_title {
                // "Nakuru county police commander X": plain words between a place or body and
                // the head belong to the title when that name opens it.
                let plain = |k: usize| {
                    words.get(k).is_some_and(|w| {
                        w.text.chars().all(char::is_lowercase)
                            && !w.is(DETERMINERS)
                            && !w.is(CLAUSE_OPENERS)
                    })
                };
                let opener = (j.saturating_sub(3)..=j)
                    .rev()
                    .take_while(|&k| plain(k))
                    .last()
                    .and_then(|k| k.checked_sub(1))
                    .filter(|&k| {
                        layout.entity_at[k]
                            .is_some_and(|e| layout.kinds[e as usize] != MentionKind::Per)
                    });
                match opener {
                    Some(k) if has_head => {
                        start = layout.entity_first(k);
                        continue;
                    }
                    _ => break,
                }
            }
        }
        start = j;
    }
    // "a nephew of Mayor X": the title starts after the "of".
    while start < name_first && words.get(start).is_some_and(|w| w.is(&["of", "de", "del"])) {
        start += 1;
    }
    if !has_head || start == name_first {
        return None;
    }
    let (org, country, title_first) = leading_anchor(words, layout, countries, start, name_first);
    if title_first >= name_first {
        return None;
    }
    // "Un comandante del Frente Urbano Manuel Arenas": after an indefinite article the name is
    // the body's, not a person's.
    let indefinite = start > 0
        && words
            .get(start - 1)
            .is_some_and(|w| w.is(&["un", "una", "a", "an"]));
    if complement.is_some() && indefinite {
        return None;
    }
    let mut last = name_first - 1;
    let org = match complement {
        Some((e, linker)) if org.is_none() && country.is_none() => {
            // The title is the words before the linker; the body is the complement.
            last = linker.saturating_sub(1).max(title_first);
            Some(e)
        }
        _ => org,
    };
    while last > title_first && words.get(last).is_some_and(|w| w.is(RANK_ABBREVIATIONS)) {
        last -= 1;
    }
    let head_word = words.get(last)?;
    if !head_word.is(TITLE_HEADS) && !words.get(title_first)?.is(TITLE_HEADS) {
        // The words before a name end with its title ("Interior Minister X").
        return None;
    }
    Some(Title {
        first: title_first,
        last,
        org,
        country,
        leads: has_leader_head(words, title_first, last),
        closed: true,
        evidence: words.span(start, name_first - 1),
    })
}

/// An organisation or country mention (or a demonym) at the start of a title: "CIA Director",
/// "Mexican President". Returns them and where the title words begin.
fn leading_anchor(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    start: usize,
    end: usize,
) -> (Option<EntityId>, Option<String>, usize) {
    let (mut org, mut country, mut at) = (None, None, start);
    while at < end {
        // The organisation's short form in brackets: "Drug Enforcement Administration (DEA)".
        if org.is_some()
            && words.text(at) == "("
            && let Some(close) = (at + 1..(at + 5).min(end)).find(|&k| words.text(k) == ")")
        {
            at = close + 1;
            continue;
        }
        let (mention_end, entity) = match layout.entity_at[at] {
            Some(e) => (layout.entity_last(at), Some(e)),
            None => (at, None),
        };
        let words_here = words.words(at, mention_end);
        if let Some(code) = countries.country_of(&words_here) {
            country.get_or_insert(code);
        } else if let Some(e) = entity {
            org.get_or_insert(e);
        } else {
            break;
        }
        at = mention_end + 1;
    }
    (org, country, at)
}

/// "el gobernador de Michoacán, Ramiro ...": a title phrase ending in a comma before the name.
fn title_before_comma(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    name_first: usize,
) -> Option<Title> {
    // "..., el general Hernán Castaño": a rank or article may stand between comma and name.
    let mut comma = name_first.checked_sub(1)?;
    let mut skipped = 0;
    while skipped < 3
        && words
            .get(comma)
            .is_some_and(|w| w.is(RANK_ABBREVIATIONS) || w.is(TITLE_HEADS) || w.is(DETERMINERS))
    {
        comma = comma.checked_sub(1)?;
        skipped += 1;
    }
    if comma < 1 || words.get(comma)?.text != "," {
        return None;
    }
    let ending_at = |comma: usize| {
        let earliest = comma.saturating_sub(14);
        (earliest..comma)
            .filter(|&s| words.same_sentence(s, comma))
            // "El esposo de la directora, X": a title after "de"/"of" belongs to someone else.
            .filter_map(|s| title_from(words, layout, countries, s))
            .find(|t| t.last + 1 == comma || t.end_before(comma, words))
    };
    // "El alcalde del cantón Pedernales, en la provincia de Manabí, Wilson Zambrano": a
    // phrase placing the title's place may stand between the title and the name.
    ending_at(comma).or_else(|| ending_at(placing_phrase_start(words, layout, comma)?))
}

/// The comma opening ", en la provincia de Manabí" when such a phrase ends at `comma`.
fn placing_phrase_start(words: &DocView, layout: &Layout, comma: usize) -> Option<usize> {
    let place = layout.entity_at[comma.checked_sub(1)?]?;
    if layout.kinds[place as usize] != MentionKind::Loc {
        return None;
    }
    let mut k = layout.entity_first(comma - 1).checked_sub(1)?;
    let mut locative = false;
    // Lower-case words only ("en la provincia ecuatoriana de"), with "en" or "in" among them.
    for _ in 0..7 {
        let w = words.get(k)?;
        if w.text == "," {
            return locative.then_some(k);
        }
        locative |= w.is(&["en", "in"]);
        if !w.text.chars().all(char::is_lowercase) {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    None
}

impl Title {
    fn end_before(&self, comma: usize, words: &DocView) -> bool {
        let end = words.get(comma).map_or(0, |w| w.span.start);
        if !(self.closed && self.evidence.end <= end) {
            return false;
        }
        // Only spaces, or a bracketed short form ("(Sinca)"), between the title and the comma.
        let gap = words
            .text
            .get(self.evidence.end as usize..end as usize)
            .unwrap_or("x")
            .trim();
        gap.is_empty() || gap.starts_with('(') && gap.ends_with(')') && !gap[1..].contains('(')
    }
}

/// A title phrase starting at `at`: "[the] [longtime] head of the CJNG", "comandante de la 43
/// Zona Militar", "presunto jefe de plaza del Cártel del Desierto".
fn title_from(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    at: usize,
) -> Option<Title> {
    title_phrase(words, layout, countries, at, false)
}

/// A title phrase from `at`; `described` lets plain words stand before its head, as after a
/// possessive or a complement marker ("as defence minister").
fn title_phrase(
    words: &DocView,
    layout: &Layout,
    countries: &dyn CountryNames,
    at: usize,
    described: bool,
) -> Option<Title> {
    let mut i = at;
    let mut owner_before = None;
    let mut possessed = described;
    // "the army's spokesman" with no army named: the title keeps the noun (a national post).
    let mut armed_forces_at = None;
    if words.get(i)?.is(&["its", "their", "su"]) {
        owner_before = organisation_before(words, layout, i, None);
        possessed = true;
        i += 1;
    } else if words.get(i)?.is(DETERMINERS) {
        i += 1;
        // "the company's chief executive", "the bureau's spokeswoman": the body named before,
        // by that noun when one is.
        if let Some(noun) = words
            .get(i)
            .filter(|w| w.is(GENERIC_ORG_NOUNS) || w.is(NAMED_BODY_NOUNS))
            && words.get(i + 1).is_some_and(|w| w.is_possessive())
        {
            owner_before = organisation_before(words, layout, i, Some(noun.lower));
            possessed = true;
            i += 2;
        } else if words.get(i).is_some_and(|w| w.is(ARMED_FORCES))
            && words.get(i + 1).is_some_and(|w| w.is_possessive())
        {
            armed_forces_at = Some(i);
            possessed = true;
            i += 2;
        }
    }
    // "Northgate's chief executive", "Mali's Defence Minister": the owner anchors the title.
    let mut owner = None;
    if let Some(e) = layout.entity_at.get(i).copied().flatten() {
        let end = layout.entity_last(i);
        if words.get(end + 1).is_some_and(|w| w.is_possessive()) {
            owner = Some((e, words.words(i, end)));
            possessed = true;
            i = end + 2;
        } else if at < i
            && layout.kinds[e as usize] == MentionKind::Org
            && words
                .get(end + 1)
                .is_some_and(|w| w.text.chars().all(char::is_lowercase))
        {
            // "the United Nations humanitarian coordinator": an organisation named before the
            // post, after an article.
            owner = Some((e, words.words(i, end)));
            possessed = true;
            i = end + 1;
        }
    }
    // After a possessive, a few plain words may describe the post before its head: "WFP's
    // Sudan country director", "Sinaloa's public security secretary".
    let describing_reach = if possessed { 4 } else { 3 };
    let mut sub_post = false;
    let first = i;
    let mut head_at = None;
    while let Some(w) = words.get(i) {
        if w.is(TITLE_HEADS) {
            head_at = Some(i);
            i += 1;
            // Compound titles: "chief executive", "chief financial officer", "vice president":
            // the title runs to its last head word.
            let mut j = i;
            while words.get(j).is_some_and(|w| {
                (w.is(TITLE_HEADS) || w.is(TITLE_QUALIFIERS)) && layout.entity_at[j].is_none()
            }) {
                if words.get(j).is_some_and(|w| w.is(TITLE_HEADS)) {
                    head_at = Some(j);
                    i = j + 1;
                }
                j += 1;
            }
            break;
        }
        let place_word = layout.entity_at[i].is_some_and(|e| {
            possessed && layout.kinds[e as usize] == MentionKind::Loc && layout.entity_first(i) == i
        });
        if place_word {
            sub_post = true;
            i = layout.entity_last(i) + 1;
            continue;
        }
        let plain = possessed && w.text.chars().all(char::is_lowercase);
        // "the agency's port director": the head of a part of the body, not of the body.
        sub_post |= plain && !w.is(TITLE_MODIFIERS) && !w.is(TITLE_QUALIFIERS);
        let describes =
            w.is(TITLE_MODIFIERS) || w.is(TITLE_QUALIFIERS) || w.is_capitalised() || plain;
        if describes && i < first + describing_reach && layout.entity_at[i].is_none() {
            i += 1;
            continue;
        }
        return None;
    }
    let head = head_at?;
    let first = armed_forces_at.unwrap_or(first);
    let mut last = i - 1;
    let mut org = owner_before;
    let mut country = None;
    if let Some((e, owner_words)) = owner {
        match countries.country_of(&owner_words) {
            Some(code) if layout.kinds[e as usize] != MentionKind::Org => country = Some(code),
            _ => org = Some(e),
        }
    }
    // Complements: "of the CJNG", "de la Defensa Nacional", "de plaza del Cártel ...".
    let mut lowercase_allowed = 2;
    let mut anchors = 0;
    let mut joined_portfolio = false;
    while let Some(w) = words.get(i) {
        if !words.same_sentence(i, at) {
            break;
        }
        if let Some(owner) = layout.entity_at[i] {
            // "spokeswoman of the Philippine Army's 103rd Infantry Brigade": the unit, not its
            // owner, is what the title is of.
            let owner_end = layout.entity_last(i);
            let owned = words.get(owner_end + 1).is_some_and(|w| w.is_possessive())
                && layout
                    .entity_at
                    .get(owner_end + 2)
                    .copied()
                    .flatten()
                    .is_some()
                && layout.kinds[owner as usize] != MentionKind::Per;
            if owned {
                i = owner_end + 2;
            }
        }
        if let Some(e) = layout.entity_at[i] {
            // A name after "of"/"de" completes the title even if the recogniser took it for a
            // person ("comandante de la 43 Zona Militar").
            let after_linker = i > 0
                && words.get(i - 1).is_some_and(|w| {
                    w.is(LINKERS) || w.text.starts_with(|c: char| c.is_ascii_digit())
                });
            if layout.kinds[e as usize] == MentionKind::Per && !after_linker {
                break;
            }
            let end = layout.entity_last(i);
            // "ministro de Energía y Minas": the second half of a portfolio joined by "y".
            if joined_portfolio && org.is_some() {
                joined_portfolio = false;
                i = end + 1;
                if words.get(i).is_some_and(|w| w.is(&["of", "de", "del"])) {
                    continue;
                }
                break;
            }
            let text = words.words(i, end);
            match countries.country_of(&text) {
                Some(code) if layout.kinds[e as usize] != MentionKind::Org => {
                    country.get_or_insert(code);
                }
                _ if org.is_none() => org = Some(e),
                _ => break,
            }
            i = end + 1;
            // "governor of the Tillabéri region", "owner of the X company": the noun saying
            // what the name is belongs to the title.
            if words
                .get(i)
                .is_some_and(|w| w.is(PLACE_NOUNS) || w.is(GENERIC_ORG_NOUNS))
            {
                i += 1;
            }
            anchors += 1;
            if anchors == 1
                && words.get(i).is_some_and(|w| w.is(&["y", "and"]))
                && layout
                    .entity_at
                    .get(i + 1)
                    .copied()
                    .flatten()
                    .is_some_and(|next| {
                        layout.kinds[next as usize] != MentionKind::Per
                            && countries
                                .country_of(&words.words(i + 1, layout.entity_last(i + 1)))
                                .is_none()
                    })
            {
                joined_portfolio = true;
                i += 1;
                continue;
            }
            // "secretaria de Relaciones Exteriores de México": an organisation, then its country.
            if anchors == 2 || !words.get(i).is_some_and(|w| w.is(&["of", "de", "del"])) {
                break;
            }
            continue;
        }
        // "presidente del sindicato", "head of the company": the organisation named before.
        if (w.is(GENERIC_ORG_NOUNS) || w.is(NAMED_BODY_NOUNS) || w.is(crate::links::GROUP_ANAPHORS))
            && org.is_none()
            && i > 0
            && words.get(i - 1).is_some_and(|p| p.is(LINKERS))
        {
            org = organisation_before(words, layout, at, Some(w.lower));
            i += 1;
            break;
        }
        // "cabecilla del combo y sobrino de X": a conjunction before a lower-case word starts
        // another description, not more of the title.
        let conjunction = w.is(&["and", "y"]);
        if conjunction
            && words
                .get(i + 1)
                .is_some_and(|n| n.text.chars().next().is_some_and(char::is_lowercase))
        {
            break;
        }
        if w.is(LINKERS) || w.is(&["at", "en", "in"]) {
            i += 1;
            continue;
        }
        let numbered = w.text.chars().next().is_some_and(|c| c.is_ascii_digit());
        if (w.is_capitalised() || numbered) && !is_close_quote(w.text) {
            last = i;
            i += 1;
            continue;
        }
        // "cabecilla del combo y sobrino de X": a conjunction ends the title. "of state-owned
        // X": a hyphenated adjective is a word.
        if w.text.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.text.chars().next().is_some_and(char::is_alphabetic)
            && lowercase_allowed > 0
            && !w.is(TITLE_HEADS)
            && !w.is(&["and", "y", "or", "o"])
        {
            lowercase_allowed -= 1;
            last = i;
            i += 1;
            continue;
        }
        break;
    }
    // Linking words left dangling at the end are not part of the title.
    while last > head && words.get(last).is_some_and(|w| w.is(LINKERS)) {
        last -= 1;
    }
    let end_token = i.saturating_sub(1).max(last);
    let closed = match words.get(i) {
        None => true,
        Some(_) if org.is_some() => true,
        Some(w) => {
            !words.same_sentence(i, at)
                || matches!(w.text, "," | "." | ";" | ":" | ")" | "]" | "(" | "[")
                || w.is(&["and", "y", "who", "quien"])
        }
    };
    Some(Title {
        first,
        last,
        org,
        country,
        // "a commander of the faction" is one of its officers, not its head.
        leads: !sub_post && !one_of_several(words, at) && has_leader_head(words, first, head),
        closed,
        evidence: words.span(at, end_token),
    })
}

/// Whether the title phrase at `at` opens with an indefinite article ("a commander of", "un
/// comandante del"), which makes its holder one of several.
fn one_of_several(words: &DocView, at: usize) -> bool {
    words
        .get(at)
        .is_some_and(|w| w.is(&["a", "an", "un", "una"]))
}

fn has_leader_head(words: &DocView, first: usize, last: usize) -> bool {
    // The word after the head counts: "la secretaria de Gestión de Riesgos", "el fiscal
    // estatal".
    let general_secretary = (first..=last).any(|i| {
        let pair = (
            words.get(i).map(|w| w.lower),
            words.get(i + 1).map(|w| w.lower),
        );
        // The general secretary, the attorney general, the state's prosecutor-general, and
        // "el secretario de Seguridad" (the secretary of a ministry-like secretariat).
        matches!(
            pair,
            (Some("general"), Some("secretary"))
                | (Some("secretario" | "secretaria"), Some("general"))
                | (Some("fiscal"), Some("general" | "estatal"))
                | (Some("attorney"), Some("general"))
                | (Some("secretario" | "secretaria"), Some("de"))
        )
    });
    // "jefe de plaza": the boss of a town's turf, not of the whole group.
    // "chief financial officer", "chief operating officer": an officer under the head (the
    // chief executive officer leads).
    let officer = words.get(last).is_some_and(|w| w.is(&["officer"]))
        && !(first..last).any(|i| words.get(i).is_some_and(|w| w.is(&["executive"])));
    if officer {
        return false;
    }
    // "jefe regional", "regional commander": the head of one area, not of the whole body.
    let local_boss = (first..=last).any(|i| {
        let plaza = words.get(i + 1).is_some_and(|w| w.lower == "de")
            && words.get(i + 2).is_some_and(|w| w.is(&["plaza", "zona"]));
        let regional_after = words
            .get(i + 1)
            .is_some_and(|w| w.is(&["regional", "local"]));
        let regional_before = i > 0
            && words
                .get(i - 1)
                .is_some_and(|w| w.is(&["regional", "local", "area"]));
        words.get(i).is_some_and(|w| w.is(LEADER_HEADS))
            && (plaza || regional_after || regional_before)
    });
    general_secretary
        || !local_boss && (first..=last).any(|i| words.get(i).is_some_and(|w| w.is(LEADER_HEADS)))
}
