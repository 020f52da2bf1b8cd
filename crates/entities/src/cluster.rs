//! Which mentions refer to the same thing: the same words, an alias introduced earlier, a
//! surname or partial name of a person named in full, a shortened organisation name, or an
//! acronym made of a name's initials.

use crate::aliases::{abbreviates, is_acronym};
use crate::lexicon::{RANK_ABBREVIATIONS, TITLE_HEADS};
use std::collections::HashMap;
use tessera_doc::{DocView, Name, fold};
use tessera_doc::{MentionKind, Span};

/// A reference to an entity: a name mention, or an alias the rules found that the recogniser
/// missed.
#[derive(Debug, Clone)]
pub(crate) struct Ref {
    pub span: Span,
    pub first: usize,
    pub last: usize,
    /// The recogniser's kind; `None` for a reference the rules added.
    pub kind: Option<MentionKind>,
    pub text: String,
    /// Introduced as an alias, so it does not name the entity.
    pub is_alias: bool,
    /// Replaced by an overlapping reference.
    pub dead: bool,
}

impl Ref {
    pub fn from_name(name: &Name, words: &DocView) -> Self {
        // "Mayor Arturo Ybañez" read as one name: the title is not part of it (and the role
        // rules find it before the name).
        let mut first = name.first;
        if name.kind == MentionKind::Per {
            while first < name.last
                && words
                    .get(first)
                    .is_some_and(|w| w.is(TITLE_HEADS) || w.is(RANK_ABBREVIATIONS))
            {
                first += 1;
            }
        }
        Ref {
            span: if first == name.first {
                name.span
            } else {
                words.span(first, name.last)
            },
            first,
            last: name.last,
            kind: Some(name.kind),
            text: words.words(first, name.last),
            is_alias: false,
            dead: false,
        }
    }

    /// The name's words for matching, without possessive endings or a leading title ("Gen.
    /// Trevilla", "el general Trevilla" match "Ricardo Trevilla Trejo").
    fn tokens(&self) -> Vec<String> {
        let mut words: Vec<String> = fold(&self.text)
            .split_whitespace()
            .map(|w| w.trim_end_matches("'s").trim_end_matches('\'').to_string())
            .filter(|w| !w.is_empty())
            .collect();
        let titles = words
            .iter()
            .take_while(|w| {
                RANK_ABBREVIATIONS.contains(&w.as_str()) || TITLE_HEADS.contains(&w.as_str())
            })
            .count();
        // An organisation's name may open with a word that is also a title ("Coordinadora
        // Nacional de ...", "Director General of Customs"): it is part of the name.
        if titles < words.len() && self.kind != Some(MentionKind::Org) {
            words.drain(..titles);
        }
        words
    }
}

/// Disjoint sets over reference indices.
pub(crate) struct Links {
    parent: Vec<usize>,
}

impl Links {
    pub fn new(size: usize) -> Self {
        Links {
            parent: (0..size).collect(),
        }
    }

    pub fn grow(&mut self) -> usize {
        self.parent.push(self.parent.len());
        self.parent.len() - 1
    }

    pub fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins two sets; the earlier reference's root stays the root.
    pub fn join(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (keep, merge) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent[merge] = keep;
        }
    }
}

/// The reference covering exactly tokens `first..=last`, added (and replacing overlapping
/// ones) when the recogniser did not find it.
pub(crate) fn reference_for(
    refs: &mut Vec<Ref>,
    links: &mut Links,
    words: &DocView,
    first: usize,
    last: usize,
) -> usize {
    if let Some(existing) = refs
        .iter()
        .position(|r| !r.dead && r.first == first && r.last == last)
    {
        return existing;
    }
    for r in refs.iter_mut() {
        if r.first <= last && first <= r.last {
            r.dead = true;
        }
    }
    refs.push(Ref {
        span: words.span(first, last),
        first,
        last,
        kind: None,
        text: words.words(first, last),
        is_alias: false,
        dead: false,
    });
    links.grow()
}

/// The same words (accents and case aside) are the same entity; a place stays apart from a
/// person or organisation of the same name.
pub(crate) fn link_same_words(refs: &[Ref], links: &mut Links) {
    let mut seen: HashMap<(bool, String), usize> = HashMap::new();
    for (i, r) in refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        let key = (r.kind == Some(MentionKind::Loc), fold(&r.text));
        match seen.get(&key) {
            Some(&first) => links.join(first, i),
            None => {
                seen.insert(key, i);
            }
        }
    }
}

/// "Albay Governor Cecilia Bañares" beside "the province of Albay": an organisation tag on the
/// very words of a place named elsewhere in the document is that place (one entity per real
/// thing), unless its words say it is a body ("Policía", "Ministry").
pub(crate) fn link_places_tagged_as_organisations(
    refs: &mut [Ref],
    links: &mut Links,
    words: &DocView,
) {
    // Words → (a place reference, place uses, organisation uses).
    let mut uses: HashMap<String, (Option<usize>, usize, usize)> = HashMap::new();
    for (i, r) in refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        let entry = uses.entry(fold(&r.text)).or_default();
        match r.kind {
            Some(MentionKind::Loc) => {
                entry.0.get_or_insert(i);
                entry.1 += 1;
            }
            Some(MentionKind::Org) => entry.2 += 1,
            _ => {}
        }
    }
    for (i, r) in refs.iter_mut().enumerate() {
        if r.dead || r.kind != Some(MentionKind::Org) {
            continue;
        }
        let folded = fold(&r.text);
        let bodylike = folded
            .split_whitespace()
            .any(|w| crate::lexicon::GENERIC_ORG_NOUNS.contains(&w));
        // Only where the place reading is the commoner (the entity stays a place), or where
        // the title of a place's head follows: "Zambezia Governor Judite Massingue".
        let head_of_place = words.get(r.last + 1).is_some_and(|w| {
            w.is(crate::lexicon::GOVERNOR_TITLES) || w.is(crate::lexicon::MAYOR_TITLES)
        });
        if let (false, Some(&(Some(place), as_place, as_org))) = (bodylike, uses.get(&folded))
            && (as_place > as_org || head_of_place && as_place == as_org)
        {
            links.join(place, i);
            r.kind = Some(MentionKind::Loc);
        }
    }
}

/// A later use of an alias's words refers to the alias's owner.
pub(crate) fn link_alias_words(refs: &[Ref], links: &mut Links) {
    let aliases: Vec<(String, usize)> = refs
        .iter()
        .enumerate()
        .filter(|(_, r)| r.is_alias && !r.dead)
        .map(|(i, r)| (fold(&r.text), i))
        .collect();
    for (i, r) in refs.iter().enumerate().filter(|(_, r)| !r.dead) {
        let folded = fold(&r.text);
        if let Some((_, owner)) = aliases.iter().find(|(text, _)| *text == folded) {
            links.join(*owner, i);
        }
    }
}

/// "Cervantes" and "Trevilla" refer to the person named in full with those words; where two
/// people share them, to the one named last before.
pub(crate) fn link_partial_persons(refs: &[Ref], links: &mut Links) {
    let persons: Vec<(usize, Vec<String>)> = refs
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.dead && r.kind == Some(MentionKind::Per))
        .map(|(i, r)| (i, r.tokens()))
        .filter(|(_, t)| t.len() >= 2)
        .collect();
    for (i, r) in refs.iter().enumerate() {
        let could_be_person = match r.kind {
            Some(MentionKind::Per) => true,
            Some(MentionKind::Org | MentionKind::Misc) => {
                !r.text.contains(' ') && !is_acronym(&r.text)
            }
            _ => false,
        };
        if r.dead || !could_be_person {
            continue;
        }
        let tokens = r.tokens();
        let candidates: Vec<usize> = persons
            .iter()
            .filter(|(j, full)| *j != i && full.len() > tokens.len() && contains_run(full, &tokens))
            .map(|(j, _)| *j)
            .collect();
        if let Some(target) = nearest_before(refs, &candidates, r.first, links) {
            links.join(target, i);
        }
    }
}

/// A shortened organisation name ("the Fiscalía" after "Fiscalía General de la República")
/// refers to the one organisation whose name starts with the same words.
/// Heads of a government body named by its portfolio: "Secretaría de Seguridad" is also
/// "Seguridad" in "el secretario de Seguridad".
const BODY_HEADS: &[&str] = &[
    "secretaria",
    "ministerio",
    "ministry",
    "department",
    "departamento",
    "instituto",
    "institute",
    "comision",
    "commission",
    "direccion",
    "directorate",
    "office",
    "oficina",
    "agency",
    "agencia",
    "subsecretaria",
];

/// Whether `full` is a body's head, "de"/"of" (and an article), then exactly `tail`.
fn names_the_portfolio(full: &[String], tail: &[String]) -> bool {
    let Some(head) = full.first() else {
        return false;
    };
    let mut rest = &full[1..];
    if !BODY_HEADS.contains(&head.as_str()) {
        return false;
    }
    while let Some((word, after)) = rest.split_first() {
        if !["de", "del", "of", "la", "el", "the"].contains(&word.as_str()) {
            break;
        }
        rest = after;
    }
    rest.len() < full.len() - 1 && rest == tail
}

pub(crate) fn link_short_organisations(refs: &[Ref], links: &mut Links) {
    let orgs: Vec<(usize, Vec<String>)> = refs
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.dead && r.kind == Some(MentionKind::Org))
        .map(|(i, r)| (i, r.tokens()))
        .collect();
    for (i, tokens) in &orgs {
        if is_acronym(&refs[*i].text) {
            continue;
        }
        let candidates: Vec<usize> = orgs
            .iter()
            .filter(|(j, full)| {
                j != i
                    && full.len() > tokens.len()
                    && (full.starts_with(tokens)
                        || names_the_portfolio(full, tokens)
                        // "the Red Cross" for the "Uganda Red Cross Society".
                        || tokens.len() >= 2 && full.windows(tokens.len()).any(|w| w == tokens)
                        // "the Vanguard's leader" for the "PRC Youth Vanguard".
                        || tokens.len() == 1 && full.len() >= 3 && full.ends_with(tokens))
            })
            .map(|(j, _)| *j)
            .collect();
        if let Some(target) = nearest_before(refs, &candidates, refs[*i].first, links) {
            links.join(target, *i);
        }
    }
}

/// An acronym whose letters are the initials of a name in the document refers to it. Returns
/// the acronym references so their first use can be recorded as an alias.
pub(crate) fn link_acronyms(refs: &mut Vec<Ref>, links: &mut Links, words: &DocView) -> Vec<usize> {
    let full_names: Vec<usize> = refs
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            !r.dead && r.kind != Some(MentionKind::Per) && r.text.split_whitespace().count() >= 2
        })
        .map(|(i, _)| i)
        .collect();
    // Acronyms the recogniser missed: bare capitalised tokens outside every reference.
    for (index, word) in words.iter().enumerate() {
        if is_acronym(word.text)
            && !refs.iter().any(|r| r.first <= index && index <= r.last)
            && full_names
                .iter()
                .any(|&f| abbreviates(word.text, &refs[f].text))
        {
            refs.push(Ref {
                span: word.span,
                first: index,
                last: index,
                kind: None,
                text: word.text.to_string(),
                is_alias: false,
                dead: false,
            });
            links.grow();
        }
    }
    let mut linked = Vec::new();
    for i in 0..refs.len() {
        if refs[i].dead || !is_acronym(&refs[i].text) {
            continue;
        }
        let root = links.root(i);
        let already_named = (0..refs.len())
            .any(|j| links.root(j) == root && refs[j].text.split_whitespace().count() >= 2);
        if already_named {
            continue;
        }
        let candidates: Vec<usize> = full_names
            .iter()
            .copied()
            .filter(|&f| abbreviates(&refs[i].text, &refs[f].text))
            .collect();
        let mut roots: Vec<usize> = candidates.iter().map(|&c| links.root(c)).collect();
        roots.dedup();
        if roots.len() == 1 {
            links.join(candidates[0], i);
            linked.push(i);
        }
    }
    linked
}

/// Whether `run` occurs as consecutive words of `full`.
fn contains_run(full: &[String], run: &[String]) -> bool {
    !run.is_empty() && full.windows(run.len()).any(|w| w == run)
}

/// Of the candidates (all of one entity, or else the one used last before `at`), the target.
fn nearest_before(
    refs: &[Ref],
    candidates: &[usize],
    at: usize,
    links: &mut Links,
) -> Option<usize> {
    let mut roots: Vec<usize> = candidates.iter().map(|&c| links.root(c)).collect();
    roots.sort_unstable();
    roots.dedup();
    match roots.len() {
        0 => None,
        1 => candidates.first().copied(),
        _ => candidates
            .iter()
            .copied()
            .filter(|&c| refs[c].first < at)
            .max_by_key(|&c| refs[c].first),
    }
}

#[cfg(test)]
mod tests {
    use super::names_the_portfolio;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn a_portfolio_names_its_body() {
        assert!(names_the_portfolio(
            &words("secretaria de seguridad publica"),
            &words("seguridad publica")
        ));
        assert!(names_the_portfolio(
            &words("ministry of the interior"),
            &words("interior")
        ));
        assert!(!names_the_portfolio(
            &words("secretaria de seguridad"),
            &words("seguridad publica")
        ));
        assert!(!names_the_portfolio(
            &words("banco de mexico"),
            &words("mexico")
        ));
    }
}
