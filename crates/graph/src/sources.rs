//! Outlets, wires and the Admiralty grades a user sets on them; how independent the reports of a
//! cluster are; and the credibility that follows.
//!
//! **Originators.** Two reports are independent unless they share an originator: the innermost
//! source they cite (the same spokesperson, the same ministry, the same wire), else the wire the
//! document carries (its dateline or byline agency), else its outlet. Corroboration is the number
//! of distinct originators.
//!
//! **Credibility** (the Admiralty scale's second half), from corroboration, the best reliability
//! grade among the cluster's outlets and wires, and the reports' certainty:
//! - 1 (confirmed): three or more independent originators, or two with an A or B source;
//! - 2 (probably true): two independent originators;
//! - 3 (possibly true): one originator, graded A–C, stated as confirmed or reported;
//! - 4 (doubtful): one originator graded D or E, or only alleged;
//! - 5 (improbable): denied, and not corroborated;
//! - 6 (cannot be judged): one originator with no grade (or F).

use crate::names;
use tessera_doc::{Dateline, Document};

/// Wire agencies by the names they go by, with the name they are graded under.
const WIRES: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("ap", "AP"),
    ("associated press", "AP"),
    ("afp", "AFP"),
    ("agence france presse", "AFP"),
    ("efe", "EFE"),
    ("agencia efe", "EFE"),
    ("notimex", "Notimex"),
    ("xinhua", "Xinhua"),
    ("dpa", "dpa"),
    ("ansa", "ANSA"),
    ("europa press", "Europa Press"),
    ("bloomberg", "Bloomberg"),
    ("anadolu", "Anadolu"),
    ("upi", "UPI"),
    ("pti", "PTI"),
    ("ians", "IANS"),
    ("bernama", "Bernama"),
    ("kyodo", "Kyodo"),
    ("yonhap", "Yonhap"),
];

/// The wire a name refers to, by its graded name.
pub fn wire(name: &str) -> Option<&'static str> {
    let folded = names::fold(name);
    WIRES.iter().find(|(k, _)| *k == folded).map(|(_, v)| *v)
}

/// The outlet that published a document: its source, else its URL's host, else its byline.
pub fn outlet(doc: &Document) -> Option<String> {
    let meta = &doc.meta;
    if let Some(source) = meta
        .source
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return Some(source.to_string());
    }
    if let Some(host) = meta.url.as_deref().and_then(host_of) {
        return Some(host);
    }
    meta.byline
        .as_deref()
        .map(|b| {
            b.trim()
                .trim_start_matches("By ")
                .trim_start_matches("Por ")
                .trim()
        })
        .filter(|b| !b.is_empty())
        .map(str::to_string)
}

fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#', ':']).next()?.trim();
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// The wire a document carries: the agency of its dateline ("(Reuters)"), else a byline that
/// is a wire ("AFP", "Por EFE", "Staff, Agencies" is none).
pub fn agency(doc: &Document, dateline: Option<&Dateline>) -> Option<&'static str> {
    let from_dateline = dateline
        .and_then(|d| d.agency)
        .and_then(|span| doc.text.get(span.start as usize..span.end as usize))
        .and_then(wire);
    from_dateline.or_else(|| {
        let byline = doc.meta.byline.as_deref()?;
        byline
            .split([',', '/', '|', '(', ')', '-'])
            .map(|part| {
                part.trim()
                    .trim_start_matches("By ")
                    .trim_start_matches("Por ")
                    .trim()
            })
            .find_map(wire)
    })
}

/// Reliability grades, A (completely reliable) to F (cannot be judged).
pub const GRADES: &[char] = &['A', 'B', 'C', 'D', 'E', 'F'];

/// The credibility rule of this module's documentation.
pub fn credibility(
    corroboration: usize,
    best_grade: Option<char>,
    any_confirmed_or_reported: bool,
    any_denied: bool,
) -> u8 {
    let strong = matches!(best_grade, Some('A' | 'B'));
    if any_denied && corroboration < 2 {
        return 5;
    }
    match corroboration {
        3.. => 1,
        2 if strong => 1,
        2 => 2,
        _ => match best_grade {
            Some('A' | 'B' | 'C') if any_confirmed_or_reported => 3,
            Some('A' | 'B' | 'C' | 'D' | 'E') => 4,
            _ if !any_confirmed_or_reported => 4,
            _ => 6,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wires_by_any_of_their_names() {
        assert_eq!(wire("Agence France-Presse"), Some("AFP"));
        assert_eq!(wire("The Guardian"), None);
        assert_eq!(
            host_of("https://www.example.org/a/b?c"),
            Some("example.org".into())
        );
    }

    #[test]
    fn credibility_follows_corroboration_grades_and_denials() {
        assert_eq!(credibility(3, None, true, false), 1);
        assert_eq!(credibility(2, Some('B'), true, false), 1);
        assert_eq!(credibility(2, Some('D'), true, false), 2);
        assert_eq!(credibility(1, Some('B'), true, false), 3);
        assert_eq!(credibility(1, Some('E'), true, false), 4);
        assert_eq!(credibility(1, None, false, false), 4);
        assert_eq!(credibility(1, Some('A'), true, true), 5);
        assert_eq!(credibility(1, None, true, false), 6);
    }
}
