//! Which organisation named earlier a generic noun ("the company", "la asociación") or a
//! possessive ("its", "su") points back to, for titles such as "the company's chief executive"
//! or "su presidenta".

use crate::Layout;
use crate::lexicon::{BUSINESS_NOUNS, GENERIC_ORG_NOUNS};
use tessera_doc::{DocView, EntityId, MentionKind, fold, is_wire_agency};

/// Kinds of body, each with the words (folded, both languages) that name one: a generic noun
/// of one kind never points back to a body whose name says it is of another ("the company's
/// chief executive" is not the union's). "group" is left out: companies and gangs are groups.
const BODY_KINDS: &[&[&str]] = &[
    &[
        "company",
        "firm",
        "empresa",
        "compania",
        "corporation",
        "corp",
        "inc",
        "ltd",
        "llc",
        "shipping",
        "holdings",
        "aerolinea",
        "bank",
        "banco",
    ],
    &[
        "union",
        "sindicato",
        "federation",
        "federacion",
        "confederation",
        "confederacion",
        "workers",
        "trabajadores",
    ],
    &["party", "partido"],
    &[
        "association",
        "asociacion",
        "club",
        "league",
        "liga",
        "chamber",
        "camara",
    ],
    &[
        "ministry",
        "ministerio",
        "department",
        "departamento",
        "agency",
        "agencia",
        "bureau",
        "office",
        "oficina",
        "secretaria",
        "dependencia",
        "authority",
        "autoridad",
        "police",
        "policia",
        "fiscalia",
        "prosecutor",
        "army",
        "ejercito",
        "court",
        "tribunal",
        "corte",
        "commission",
        "comision",
        "institute",
        "instituto",
        "government",
        "gobierno",
        "council",
        "consejo",
        "service",
        "servicio",
        "guard",
        "guardia",
        "navy",
        "marina",
    ],
    &[
        "cartel", "gang", "banda", "militia", "milicia", "front", "frente", "cell", "celula",
    ],
];

/// The same noun in the other language: "the association" may point back to an "Asociación".
const TRANSLATIONS: &[(&str, &str)] = &[
    ("company", "compania"),
    ("company", "empresa"),
    ("firm", "empresa"),
    ("union", "sindicato"),
    ("party", "partido"),
    ("association", "asociacion"),
    ("federation", "federacion"),
    ("agency", "agencia"),
    ("ministry", "ministerio"),
    ("authority", "autoridad"),
    ("organisation", "organizacion"),
    ("organization", "organizacion"),
    ("movement", "movimiento"),
    ("coalition", "coalicion"),
    ("council", "consejo"),
    ("commission", "comision"),
    ("bank", "banco"),
    ("court", "tribunal"),
    ("court", "corte"),
    ("office", "oficina"),
    ("department", "departamento"),
    ("service", "servicio"),
    ("institute", "instituto"),
    ("committee", "comite"),
    ("league", "liga"),
    ("cartel", "cartel"),
    ("gang", "banda"),
    ("group", "grupo"),
    ("network", "red"),
];

/// Nouns for an armed or criminal group, which point back to the group last named, not to the
/// police or prosecutors who name it.
const GROUP_NOUNS: &[&str] = &[
    "cell",
    "celula",
    "faction",
    "faccion",
    "grupo",
    "group",
    "organizacion",
    "organization",
    "organisation",
    "red",
    "network",
    "banda",
    "gang",
    "cartel",
];

/// Whether `word` (folded) is `noun` or its translation.
fn same_noun(word: &str, noun: &str) -> bool {
    word == noun
        || TRANSLATIONS
            .iter()
            .any(|&(a, b)| (a == noun && b == word) || (b == noun && a == word))
}

/// The kind of body a folded noun names, if it names one.
fn body_kind(noun: &str) -> Option<usize> {
    if BUSINESS_NOUNS.contains(&noun) {
        return Some(COMPANY_KIND);
    }
    BODY_KINDS.iter().position(|kind| kind.contains(&noun))
}

/// The kind in [`BODY_KINDS`] of companies, which the business nouns name too.
const COMPANY_KIND: usize = 0;

/// Whether some name of `entity`, or the noun introducing it ("the conciliation service Acas"),
/// says it is a body of another kind than `kind`, and none says it is of that kind.
fn named_as_other_kind(words: &DocView, layout: &Layout, entity: EntityId, kind: usize) -> bool {
    let mut other = false;
    for r in layout.refs_of(entity) {
        let before = r.first.checked_sub(1).and_then(|k| words.get(k));
        let introducing = before.map(|w| fold(w.lower)).unwrap_or_default();
        let named = fold(&r.text);
        for word in named
            .split(|c: char| !c.is_alphanumeric())
            .chain(std::iter::once(introducing.as_str()))
        {
            match body_kind(word) {
                Some(k) if k == kind => return false,
                Some(_) => other = true,
                None => {}
            }
        }
    }
    other
}

/// The organisation a generic noun ("the company", "the bureau") or a possessive (`noun` none)
/// at `at` points back to. By a noun: the latest body named with that noun or introduced by it;
/// else, for a noun of a general kind, the organisation mentioned most in the last few
/// sentences (the latest on a tie) whose name does not say it is a body of another kind. By a
/// possessive: after "and", the nearest organisation earlier in the sentence, outside
/// quotations; else the one mentioned most in the last few sentences. Wire agencies never.
pub(crate) fn organisation_before(
    words: &DocView,
    layout: &Layout,
    at: usize,
    noun: Option<&str>,
) -> Option<EntityId> {
    let sentence = words.get(at)?.sentence;
    let mut seen: Vec<EntityId> = Vec::new();
    for j in (0..at).rev() {
        if words.sentence_of(j) + 3 < sentence {
            break;
        }
        if let Some(e) = layout.entity_at[j]
            && layout.kinds[e as usize] == MentionKind::Org
            && !seen.contains(&e)
            && !is_wire_agency(&words.words(layout.entity_first(j), j))
        {
            seen.push(e);
        }
    }
    let mentions = |e: EntityId| layout.refs_of(e).count();
    let Some(noun) = noun.map(fold) else {
        // "X, a tanker operator, and its owner": the possessive joined to a conjunct is that
        // conjunct's.
        let coordinated = at > 0 && words.get(at - 1).is_some_and(|w| w.is(&["and", "y", "e"]));
        if coordinated && let Some(e) = nearest_in_sentence(words, layout, at) {
            return Some(e);
        }
        // "X, a construction company founded in 2021. Its owner, Y": a sentence that opens
        // with the possessive goes on about the organisation the sentence before ended on.
        let opens_sentence = at == 0 || words.sentence_of(at - 1) != sentence;
        if opens_sentence
            && let Some(e) = (0..at)
                .rev()
                .take_while(|&j| words.sentence_of(j) + 1 >= sentence)
                .find_map(|j| layout.entity_at[j].filter(|e| seen.contains(e)))
        {
            return Some(e);
        }
        // `seen` runs latest first, so the first maximum is the latest.
        return seen.into_iter().rev().max_by_key(|&e| mentions(e));
    };
    // Named with that noun ("the bureau" → "National Anti-Corruption Bureau"), or introduced by
    // it ("el colectivo Caminantes sin Fronteras"), anywhere before.
    let is_noun = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| same_noun(&fold(w.lower), &noun))
    };
    let described = |e: EntityId| {
        layout.refs_of(e).any(|r| {
            r.first < at
                && (fold(&r.text)
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| same_noun(w, &noun))
                    || r.first > 0 && is_noun(r.first - 1)
                    // "Ukraine's SBU security service", "the Sabon Daji gang".
                    || (r.last + 1..r.last + 3).any(is_noun))
        })
    };
    let mut earlier: Vec<EntityId> = Vec::new();
    for j in (0..at).rev() {
        if let Some(e) = layout.entity_at[j]
            && layout.kinds[e as usize] != MentionKind::Per
            && !earlier.contains(&e)
        {
            earlier.push(e);
        }
    }
    if let Some(e) = earlier.iter().copied().find(|&e| described(e)) {
        return Some(e);
    }
    if GROUP_NOUNS.contains(&noun.as_str()) {
        let written = (at..at + 6)
            .filter_map(|k| words.get(k))
            .find(|w| fold(w.lower) == noun)
            .map_or(noun.as_str(), |w| w.lower);
        return crate::links::group_before(words, layout, at, written);
    }
    // A noun that names a kind of body ("the club", "la corporación") and matches none of those
    // named is not a reference to whichever was named last.
    if !GENERIC_ORG_NOUNS.iter().any(|g| fold(g) == noun) {
        return None;
    }
    let Some(kind) = body_kind(&noun) else {
        return seen.into_iter().rev().max_by_key(|&e| mentions(e));
    };
    let fits = |e: &EntityId| !named_as_other_kind(words, layout, *e, kind);
    // Of a known kind, the body may have been named further back, when none of those named
    // lately fits ("the company" after paragraphs about the union that struck it).
    seen.into_iter()
        .rev()
        .filter(fits)
        .max_by_key(|&e| mentions(e))
        .or_else(|| {
            earlier
                .into_iter()
                .filter(|&e| layout.kinds[e as usize] == MentionKind::Org)
                .filter(|&e| !is_wire_agency(&layout_name(layout, e)))
                .find(fits)
        })
}

/// The text of an entity's first mention.
fn layout_name(layout: &Layout, entity: EntityId) -> String {
    layout
        .refs_of(entity)
        .next()
        .map(|r| r.text.clone())
        .unwrap_or_default()
}

/// The state body (a ministry, agency, police or army, by its name or the noun introducing it)
/// named nearest before `at`, in its sentence or the three before: whose units "su Dirección"
/// and "the agency's Field Division" are.
pub(crate) fn state_body_before(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let sentence = words.get(at)?.sentence;
    let state = BODY_KINDS
        .iter()
        .position(|kind| kind.contains(&"ministry"))?;
    (0..at)
        .rev()
        .take_while(|&j| words.sentence_of(j) + 3 >= sentence)
        .filter_map(|j| layout.entity_at[j])
        .find(|&e| {
            layout.kinds[e as usize] == MentionKind::Org && named_as_kind(words, layout, e, state)
        })
}

/// Whether some name of `entity`, or the noun introducing it, says it is a body of `kind`.
fn named_as_kind(words: &DocView, layout: &Layout, entity: EntityId, kind: usize) -> bool {
    layout.refs_of(entity).any(|r| {
        let before = r.first.checked_sub(1).and_then(|k| words.get(k));
        let introducing = before.map(|w| fold(w.lower)).unwrap_or_default();
        fold(&r.text)
            .split(|c: char| !c.is_alphanumeric())
            .chain(std::iter::once(introducing.as_str()))
            .any(|w| body_kind(w) == Some(kind))
    })
}

/// The organisation named nearest before `at` in its sentence, skipping what is quoted: "on
/// Meridian Crest Shipping, a tanker operator, and its owner".
fn nearest_in_sentence(words: &DocView, layout: &Layout, at: usize) -> Option<EntityId> {
    let mut quoted = false;
    for j in (0..at).rev() {
        if !words.same_sentence(j, at) {
            break;
        }
        // Walking back, a closing mark opens a quotation and an opening one ends it; a straight
        // mark does whichever is due. Single marks are left alone: they are also apostrophes.
        match words.text(j) {
            "\"" => {
                quoted = !quoted;
                continue;
            }
            "”" | "»" => {
                quoted = true;
                continue;
            }
            "“" | "«" => {
                quoted = false;
                continue;
            }
            _ => {}
        }
        if quoted {
            continue;
        }
        if let Some(e) = layout.entity_at[j]
            && layout.kinds[e as usize] == MentionKind::Org
        {
            return Some(e);
        }
    }
    None
}
