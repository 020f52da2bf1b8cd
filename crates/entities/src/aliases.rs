//! Aliases introduced in the text: bracketed short forms ("[CJNG]", "(FGR)"), marker phrases
//! ("also known as", "conocido como", `alias "El Güero"`), and quoted nicknames right after a
//! name.

use crate::lexicon::{ALIAS_MARKERS, INITIALS_SKIP};
use crate::quotes::{is_close_quote, is_open_quote};
use tessera_doc::{DocView, FeatureKind, MentionKind, Span};

/// An alias found after a name: the name's mention index, the alias tokens and the words that
/// introduced it.
#[derive(Debug, Clone)]
pub(crate) struct FoundAlias {
    pub name: usize,
    pub first: usize,
    pub last: usize,
    pub evidence: Span,
    /// Bracketed after a person: a party or group label rather than another name.
    pub affiliation: bool,
    /// The acronym spells the initials of a longer run of words than the recogniser took
    /// ("Mouvement pour la Défense du Kivu (MDK)" tagged as two names): where that run starts.
    pub expand_from: Option<usize>,
}

/// Every alias introduced right after a name mention.
pub(crate) fn find_aliases(words: &DocView) -> Vec<FoundAlias> {
    let mut found = Vec::new();
    for (index, name) in words.names().iter().enumerate() {
        if name.kind == MentionKind::Loc {
            continue;
        }
        let next = name.last + 1;
        if let Some(alias) = bracketed(words, index, next) {
            found.push(alias);
            continue;
        }
        // "Name, also known as X": the comma is optional.
        let after_comma = match words.get(next) {
            Some(w) if w.text == "," => next + 1,
            _ => next,
        };
        if let Some(alias) = after_marker(words, index, after_comma) {
            found.push(alias);
            continue;
        }
        if name.kind == MentionKind::Per
            && let Some((first, last, close)) = quoted(words, next)
        {
            found.push(FoundAlias {
                name: index,
                first,
                last,
                evidence: words.span(next, close),
                affiliation: false,
                expand_from: None,
            });
        }
    }
    found
}

/// "(FGR)", "[CJNG]", "(JITF-CC)": a short capitalised form in brackets right after a name.
fn bracketed(words: &DocView, name: usize, open: usize) -> Option<FoundAlias> {
    let opener = words.get(open)?;
    let closer = match opener.text {
        "(" => ")",
        "[" => "]",
        _ => return None,
    };
    let close = (open + 1..(open + 6).min(words.len())).find(|&i| words.text(i) == closer)?;
    if close <= open + 1 || !words.same_sentence(open, close) {
        return None;
    }
    let (first, last) = (open + 1, close - 1);
    let content = words.words(first, last);
    if !looks_like_short_form(&content) {
        return None;
    }
    let full = *words.names().get(name)?;
    let full_text = words.words(full.first, full.last);
    // A bracketed place ("Tapalpa (Jalisco)", "E.H. Industries (Canada)") locates; it does not
    // rename, unless it spells the name's initials.
    if let Some(inner) = words.name_starting(first)
        && words.names()[inner].kind == MentionKind::Loc
        && words
            .place_at(words.names()[inner].span)
            .is_some_and(|place| {
                // After an organisation a town name is more likely its short form ("(Sedena)").
                full.kind != MentionKind::Org || place.feature != FeatureKind::City
            })
        && !abbreviates(&content, &full_text)
    {
        return None;
    }
    // After a person, brackets hold a nickname, their initials or a party ("(PRI)"); a
    // party-and-state label ("(R-Iowa)", "(Kan.)") is neither an alias nor a group name.
    if full.kind == MentionKind::Per && (content.contains('-') || content.contains('.')) {
        return None;
    }
    if content.len() >= full_text.len() {
        return None;
    }
    let expand_from = is_acronym(&content)
        .then(|| initials_run(words, full.last, &content))
        .flatten()
        .filter(|&start| start < full.first);
    let spelled = expand_from.is_some() || abbreviates(&content, &full_text);
    Some(FoundAlias {
        name,
        first,
        last,
        evidence: words.span(open, close),
        // "(PRI)" after a person is their party; a nickname or their own initials in
        // brackets are another name.
        affiliation: full.kind == MentionKind::Per && is_acronym(&content) && !spelled,
        expand_from,
    })
}

/// A short form: one to three words, starting with a capital or digit, not a bare number.
fn looks_like_short_form(content: &str) -> bool {
    let word_count = content.split_whitespace().count();
    let starts_well = content
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let has_letter = content.chars().any(char::is_alphabetic);
    // Every word capitalised: "(Dec vs Nov)" is a note, not a name.
    let all_capitalised = content.split_whitespace().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    });
    (1..=3).contains(&word_count) && starts_well && has_letter && all_capitalised
}

/// "also known as El Mencho", `alias "El Güero"`, "conocido como 'El Tlacuache'".
fn after_marker(words: &DocView, name: usize, at: usize) -> Option<FoundAlias> {
    let marker = ALIAS_MARKERS.iter().find(|marker| {
        marker
            .iter()
            .enumerate()
            .all(|(k, m)| words.get(at + k).is_some_and(|w| w.lower == *m))
    })?;
    let start = at + marker.len();
    let (first, last, end) = if let Some((first, last, close)) = quoted(words, start) {
        (first, last, close)
    } else if let Some(inner) = words.name_starting(start) {
        let n = &words.names()[inner];
        (n.first, n.last, n.last)
    } else {
        let last = capitalised_run(words, start)?;
        (start, last, last)
    };
    if !words.same_sentence(at, end) {
        return None;
    }
    Some(FoundAlias {
        name,
        first,
        last,
        evidence: words.span(at, end),
        affiliation: false,
        expand_from: None,
    })
}

/// Articles that may open a quoted nickname in lower case.
const NICKNAME_ARTICLES: &[&str] = &["el", "la", "los", "las", "the"];

/// A quoted capitalised phrase of at most five words starting at `open`: its first and last
/// inner tokens and the closing quote.
fn quoted(words: &DocView, open: usize) -> Option<(usize, usize, usize)> {
    if !is_open_quote(words.get(open)?.text) {
        return None;
    }
    let first = open + 1;
    // `"el Flaco"`, `"la Tuta"`: a nickname may open with a lower-case article.
    let named_from = if words.get(first)?.is(NICKNAME_ARTICLES) {
        first + 1
    } else {
        first
    };
    if !words.get(named_from)?.is_capitalised() {
        return None;
    }
    let close =
        (first + 1..(first + 6).min(words.len())).find(|&i| is_close_quote(words.text(i)))?;
    // `"El Cuarenta,"`: punctuation inside the quotes is not part of the name.
    let mut last = close - 1;
    while last > first
        && words
            .get(last)
            .is_some_and(|w| !w.text.chars().any(char::is_alphanumeric))
    {
        last -= 1;
    }
    words
        .same_sentence(open, close)
        .then_some((first, last, close))
}

/// The last token of a run of capitalised words (with "El", "La", "de" inside) from `start`.
fn capitalised_run(words: &DocView, start: usize) -> Option<usize> {
    if !words.get(start)?.is_capitalised() {
        return None;
    }
    let mut last = start;
    while let Some(w) = words.get(last + 1) {
        if w.is_capitalised() && words.same_sentence(start, last + 1) {
            last += 1;
        } else {
            break;
        }
    }
    Some(last)
}

/// The start of the run of capitalised and linking words ending at `last` whose initials are
/// exactly the acronym's letters.
fn initials_run(words: &DocView, last: usize, acronym: &str) -> Option<usize> {
    let letters: String = acronym.chars().filter(|c| c.is_alphabetic()).collect();
    let earliest = last.saturating_sub(14);
    let mut start = last;
    let mut best = None;
    while start > earliest {
        let w = words.get(start)?;
        let linking = INITIALS_SKIP.contains(&w.lower);
        if !(w.is_capitalised() || linking) || !words.same_sentence(start, last) {
            break;
        }
        if !linking && initials(&words.words(start, last)) == letters.to_uppercase() {
            best = Some(start);
        }
        start -= 1;
    }
    best
}

/// Whether a word looks like an acronym: 2–8 capitals, digits or hyphens, mostly capitals.
pub(crate) fn is_acronym(word: &str) -> bool {
    if !word.chars().next().is_some_and(char::is_uppercase) || word.len() > 24 {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = word.chars().filter(|c| c.is_uppercase()).count();
    (2..=10).contains(&word.chars().count())
        && letters >= 2
        && capitals * 10 >= letters * 7
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '&')
        && word.chars().next().is_some_and(char::is_uppercase)
}

/// The capitalised initials of a name's content words: "Cártel de Jalisco Nueva Generación"
/// → "CJNG".
pub(crate) fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !INITIALS_SKIP.contains(&tessera_doc::fold::lower(w).as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .map(tessera_doc::fold::fold_capital)
        .collect()
}

/// Whether `acronym` abbreviates `name`: the initials in order, or (for names translated with a
/// different word order, such as "Jalisco New Generation Cartel" for CJNG) the same letters.
pub(crate) fn abbreviates(acronym: &str, name: &str) -> bool {
    let letters: String = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_uppercase)
        .map(tessera_doc::fold::fold_capital)
        .collect();
    let initials = initials(name);
    if letters.chars().count() < 2 || initials.chars().count() < 2 {
        return false;
    }
    if letters == initials {
        return true;
    }
    if letters.chars().count() < 3 || letters.len() != initials.len() {
        return false;
    }
    let mut a: Vec<char> = letters.chars().collect();
    let mut b: Vec<char> = initials.chars().collect();
    a.sort_unstable();
    b.sort_unstable();
    a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_skip_function_words_and_fold_accents() {
        assert_eq!(initials("Cártel de Jalisco Nueva Generación"), "CJNG");
        assert_eq!(initials("Fiscalía General de la República"), "FGR");
        assert_eq!(
            initials("Joint Interagency Task Force Counter Cartel"),
            "JITFCC"
        );
    }

    #[test]
    fn acronyms_match_in_order_or_translated() {
        assert!(abbreviates("FGR", "Fiscalía General de la República"));
        assert!(abbreviates(
            "JITF-CC",
            "Joint Interagency Task Force Counter Cartel"
        ));
        assert!(abbreviates("CJNG", "Jalisco New Generation Cartel"));
        assert!(!abbreviates("CIA", "Jalisco New Generation Cartel"));
        assert!(!abbreviates("UN", "Ukraine"));
    }

    #[test]
    fn acronym_shapes() {
        assert!(is_acronym("CJNG"));
        assert!(is_acronym("JITF-CC"));
        assert!(!is_acronym("Sedena"));
        assert!(!is_acronym("A"));
        assert!(!is_acronym("2009"));
    }
}
