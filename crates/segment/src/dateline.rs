//! Wire datelines: "MEXICO CITY, March 3 (Reuters) - ", "KYIV, Ukraine, Jan 5 (AP) — ",
//! "Culiacán, Sin., 4 de marzo de 2025.- ", "Guadalajara, Jal., 12 mar (Agencias).- ". A
//! dateline is metadata that opens the first paragraph: where the story was filed, when, and by
//! which agency. Later stages keep it out of the first sentence's arguments.

use tessera_doc::{Dateline, Span};

/// How far into the text a dateline may end (bytes).
const MAX_DATELINE: usize = 140;
/// How many words a dateline may hold before its dash.
const MAX_WORDS: usize = 14;

/// Month names and their usual abbreviations, English and Spanish (folded, no dot).
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "ene",
    "enero",
    "febrero",
    "marzo",
    "abr",
    "abril",
    "mayo",
    "junio",
    "julio",
    "ago",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "dic",
    "diciembre",
];

/// Words that may stand in a dateline's date besides months and numbers.
const DATE_WORDS: &[&str] = &["de", "del"];

/// Bylines in brackets that name no organisation.
const NOT_AGENCIES: &[&str] = &["agencias", "agencies", "staff", "redaccion", "redacción"];

/// The dateline opening `text`, if it has one.
pub fn find_dateline(text: &str) -> Option<Dateline> {
    let start = text.len() - text.trim_start().len();
    let mut head_end = text[start..]
        .find('\n')
        .map_or(text.len(), |i| start + i)
        .min(start + MAX_DATELINE);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = text.get(start..head_end)?;
    let (dash_at, dash_len) = find_dash(head)?;
    let prefix = head[..dash_at].trim_end();
    let prefix = prefix.strip_suffix('.').unwrap_or(prefix).trim_end();
    let parts = parse_prefix(prefix)?;
    let after = &head[dash_at + dash_len..];
    // The story must go on after the dash, on the same line.
    if !after.starts_with(' ') || after.trim().is_empty() {
        return None;
    }
    let offset = |s: &str| start + (s.as_ptr() as usize - head.as_ptr() as usize);
    let span = |s: &str| Span::new(offset(s), offset(s) + s.len());
    Some(Dateline {
        span: Span::new(start, start + dash_at + dash_len),
        place: span(parts.place),
        regions: parts.regions.iter().map(|r| span(r)).collect(),
        date: parts.date.map(&span),
        agency: parts.agency.map(span),
    })
}

/// The first dash that can end a dateline: " - ", " — ", " – ", " -- " or ".-" / ".—".
fn find_dash(head: &str) -> Option<(usize, usize)> {
    for (i, c) in head.char_indices() {
        if !matches!(c, '-' | '—' | '–') {
            continue;
        }
        let before = head[..i].chars().next_back();
        let len = if head[i..].starts_with("--") {
            2
        } else {
            c.len_utf8()
        };
        let after = head[i + len..].chars().next();
        let spaced = before == Some(' ') && after == Some(' ');
        let glued = matches!(before, Some('.' | ')')) && matches!(after, Some(' '));
        if spaced || glued {
            return Some((i, len));
        }
    }
    None
}

struct Parts<'a> {
    place: &'a str,
    regions: Vec<&'a str>,
    date: Option<&'a str>,
    agency: Option<&'a str>,
}

/// Reads "PLACE[, REGION]*[, DATE][ (AGENCY)]"; `None` unless it has a date, an agency or a
/// place in capitals, so a sentence that happens to contain a dash is not taken for one.
fn parse_prefix(prefix: &str) -> Option<Parts<'_>> {
    if prefix.split_whitespace().count() > MAX_WORDS {
        return None;
    }
    let (body, agency) = match prefix.strip_suffix(')') {
        Some(rest) => {
            let open = rest.rfind('(')?;
            let inner = rest[open + 1..].trim();
            let agency = (!inner.is_empty()
                && !NOT_AGENCIES.contains(&tessera_doc::fold(inner).as_str()))
            .then_some(inner);
            (rest[..open].trim_end(), agency.or(Some("")))
        }
        None => (prefix, None),
    };
    let mut segments = body.split(',').map(str::trim).filter(|s| !s.is_empty());
    let place = segments.next()?;
    if !is_place(place) {
        return None;
    }
    let mut regions = Vec::new();
    let mut date = None;
    for segment in segments {
        if date.is_none() && is_date(segment) {
            date = Some(segment);
        } else if date.is_none() && is_place(segment) {
            regions.push(segment);
        } else {
            return None;
        }
    }
    let shouted = place
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 3;
    let agency_found = agency.is_some();
    if date.is_none() && !agency_found && !shouted {
        return None;
    }
    Some(Parts {
        place,
        regions,
        date,
        agency: agency.filter(|a| !a.is_empty()),
    })
}

/// Capitalised words (a city, a state or its abbreviation: "Sin.", "N.L.", "Ukraine").
fn is_place(segment: &str) -> bool {
    let words: Vec<&str> = segment.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 5
        && words
            .first()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
                && (w.chars().next().is_some_and(char::is_uppercase)
                    || matches!(*w, "de" | "del" | "la" | "las" | "los" | "el" | "y" | "of"))
        })
}

/// A day and month, maybe a year: "March 3", "Jan 5, 2025" (split at its comma, so "2025" may
/// stand alone), "4 de marzo de 2025", "12 mar".
fn is_date(segment: &str) -> bool {
    let words: Vec<String> = segment
        .split_whitespace()
        .map(|w| tessera_doc::fold(w.trim_end_matches('.')))
        .collect();
    let has_month = words.iter().any(|w| MONTHS.contains(&w.as_str()));
    let is_year =
        words.len() == 1 && words[0].len() == 4 && words[0].bytes().all(|b| b.is_ascii_digit());
    (has_month || is_year)
        && words.iter().all(|w| {
            MONTHS.contains(&w.as_str())
                || DATE_WORDS.contains(&w.as_str())
                || (!w.is_empty() && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Place, regions, date, agency, and the first letters after the dateline.
    type Parts = (String, Vec<String>, Option<String>, Option<String>, String);

    fn parts(text: &str) -> Option<Parts> {
        let d = find_dateline(text)?;
        let at = |s: Span| text[s.range()].to_string();
        Some((
            at(d.place),
            d.regions.iter().map(|r| at(*r)).collect(),
            d.date.map(at),
            d.agency.map(at),
            text[d.span.end as usize..]
                .trim_start()
                .chars()
                .take(5)
                .collect(),
        ))
    }

    #[test]
    fn wire_datelines_in_english() {
        let (place, regions, date, agency, rest) =
            parts("MEXICO CITY, March 3 (Reuters) - Gunmen attacked a convoy.").unwrap_or_default();
        assert_eq!(
            (place.as_str(), date.as_deref(), agency.as_deref()),
            ("MEXICO CITY", Some("March 3"), Some("Reuters"))
        );
        assert!(regions.is_empty());
        assert_eq!(rest, "Gunme");
        let (place, regions, date, agency, _) =
            parts("KYIV, Ukraine, Jan 5 (AP) — Drones struck the city.").unwrap_or_default();
        assert_eq!(
            (place.as_str(), regions, date.as_deref(), agency.as_deref()),
            (
                "KYIV",
                vec!["Ukraine".to_string()],
                Some("Jan 5"),
                Some("AP")
            )
        );
        let (place, _, date, agency, _) =
            parts("LAGOS (Reuters) - Police said.").unwrap_or_default();
        assert_eq!(
            (place.as_str(), date, agency.as_deref()),
            ("LAGOS", None, Some("Reuters"))
        );
        let (place, _, _, _, _) = parts("NAIROBI -- Police fired tear gas.").unwrap_or_default();
        assert_eq!(place, "NAIROBI");
    }

    #[test]
    fn press_datelines_in_spanish() {
        let (place, regions, date, agency, rest) =
            parts("Culiacán, Sin., 4 de marzo de 2025.- Elementos del Ejército detuvieron a dos.")
                .unwrap_or_default();
        assert_eq!(
            (place.as_str(), date.as_deref(), agency),
            ("Culiacán", Some("4 de marzo de 2025"), None)
        );
        assert_eq!(regions, ["Sin."]);
        assert_eq!(rest, "Eleme");
        let (place, regions, date, agency, _) =
            parts("Guadalajara, Jal., 12 mar (Agencias).- Un ataque dejó tres muertos.")
                .unwrap_or_default();
        assert_eq!(
            (place.as_str(), regions, date.as_deref(), agency),
            (
                "Guadalajara",
                vec!["Jal.".to_string()],
                Some("12 mar"),
                None
            )
        );
        let (_, _, _, agency, _) =
            parts("Monterrey, N.L., 3 de febrero (EFE).- Vecinos marcharon.").unwrap_or_default();
        assert_eq!(agency.as_deref(), Some("EFE"));
    }

    #[test]
    fn dashes_in_ordinary_sentences_are_not_datelines() {
        for text in [
            "The army - which denied it - said nothing.",
            "Smith - the winner of the race - spoke on Sunday.",
            "Police in Ménaka said on Sunday - that three men died.",
            "El gobernador dijo que - según la fiscalía - no hubo muertos.",
            "Short text",
            "",
            "MEXICO CITY, March 3 (Reuters) -",
        ] {
            assert!(find_dateline(text).is_none(), "{text}");
        }
    }
}
