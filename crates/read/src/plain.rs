//! Plain text and Markdown: header lines (front matter, a `date YYYY-MM-DD Title` line, a
//! Markdown `# Heading`, a `By ...` byline) become metadata; the rest is the text, an exact byte
//! slice of the input so that later byte spans point into the original.

use crate::dates::parse_date;
use chrono::NaiveDate;
use tessera_doc::Metadata;

/// What a reader falls back on when the document itself does not say.
#[derive(Debug, Clone, Default)]
pub(crate) struct Fallback {
    /// The file stem, used as the title.
    pub title: Option<String>,
    /// The file's modification date (UTC), used as the publication date.
    pub published: Option<NaiveDate>,
}

/// The metadata found in the header lines and where the body starts.
#[derive(Debug, Default, PartialEq)]
struct Header {
    meta: Metadata,
    body_start: usize,
}

/// Splits a text or Markdown document into metadata and body. Returns `None` when there is no
/// body left after the header. The body is `content[start..end]`, trimmed, never re-wrapped.
pub(crate) fn split_document(
    content: &str,
    markdown: bool,
    fallback: Fallback,
) -> Option<(Metadata, std::ops::Range<usize>)> {
    let Header {
        mut meta,
        body_start,
    } = parse_header(content, markdown);
    let rest = &content[body_start..];
    let trimmed_start = rest.len() - rest.trim_start().len();
    let trimmed = rest.trim();
    if trimmed.is_empty() {
        return None;
    }
    if meta.title.is_none() {
        meta.title = fallback.title;
    }
    if meta.published.is_none() {
        meta.published = fallback.published;
    }
    let start = body_start + trimmed_start;
    Some((meta, start..start + trimmed.len()))
}

fn parse_header(content: &str, markdown: bool) -> Header {
    let mut header = Header {
        meta: Metadata::default(),
        body_start: if content.starts_with('\u{feff}') {
            3
        } else {
            0
        },
    };
    if let Some(end) = parse_front_matter(content, header.body_start, &mut header.meta) {
        header.body_start = end;
    }
    if let Some((line, next)) = next_nonblank_line(content, header.body_start) {
        if let Some((date, title)) = parse_date_line(line) {
            header.meta.published = Some(date);
            if !title.is_empty() {
                header.meta.title = Some(title.to_string());
            }
            header.body_start = next;
        } else if let (true, None, Some(title)) =
            (markdown, &header.meta.title, markdown_heading(line))
        {
            header.meta.title = Some(title.to_string());
            header.body_start = next;
        }
    }
    if header.meta.byline.is_none()
        && let Some((line, next)) = next_nonblank_line(content, header.body_start)
        && let Some(byline) = parse_byline(line)
    {
        header.meta.byline = Some(byline.to_string());
        header.body_start = next;
    }
    header
}

/// Lines from byte offset `from`, each with the offset just past its line ending.
fn lines_from(content: &str, from: usize) -> impl Iterator<Item = (&str, usize)> {
    let mut position = from;
    std::iter::from_fn(move || {
        if position >= content.len() {
            return None;
        }
        let rest = &content[position..];
        let (line, consumed) = match rest.find('\n') {
            Some(newline) => (&rest[..newline], newline + 1),
            None => (rest, rest.len()),
        };
        position += consumed;
        Some((line.strip_suffix('\r').unwrap_or(line), position))
    })
}

fn next_nonblank_line(content: &str, from: usize) -> Option<(&str, usize)> {
    lines_from(content, from).find(|(line, _)| !line.trim().is_empty())
}

/// A `---` front-matter block starting exactly at `start`: `key: value` lines up to a closing
/// `---` (or `...`). Fills `meta` and returns the offset after the block; `None` (and `meta`
/// untouched) when there is no closed block.
fn parse_front_matter(content: &str, start: usize, meta: &mut Metadata) -> Option<usize> {
    let mut lines = lines_from(content, start);
    let (opening, _) = lines.next()?;
    if opening.trim_end() != "---" {
        return None;
    }
    let mut found = Metadata::default();
    for (line, next) in lines {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            *meta = found;
            return Some(next);
        }
        if line.starts_with([' ', '\t', '-', '#']) {
            continue; // nested values, list items and comments carry nothing we read
        }
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = unquote(value.trim());
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" => found.title = Some(value.to_string()),
            "date" | "published" => found.published = parse_date(value),
            "source" | "outlet" | "publisher" => found.source = Some(value.to_string()),
            "url" | "link" => found.url = Some(value.to_string()),
            "byline" | "author" | "authors" => found.byline = Some(value.to_string()),
            _ => {}
        }
    }
    None
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// `date YYYY-MM-DD Title...` (leading whitespace and a colon after `date` allowed): the date
/// and the title (possibly empty).
fn parse_date_line(line: &str) -> Option<(NaiveDate, &str)> {
    let line = line.trim_start();
    let keyword = line.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = line[4..].strip_prefix(':').unwrap_or(&line[4..]);
    if !rest.starts_with(char::is_whitespace) {
        return None;
    }
    let rest = rest.trim_start();
    let date_text = rest.get(..10)?;
    let date = parse_date(date_text)?;
    let title = &rest[10..];
    if !(title.is_empty() || title.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((date, title.trim()))
}

/// A Markdown ATX heading of level 1: `# Title`.
fn markdown_heading(line: &str) -> Option<&str> {
    let title = line.trim_start().strip_prefix("# ")?.trim();
    let title = title.trim_end_matches('#').trim_end();
    (!title.is_empty()).then_some(title)
}

/// The longest byline we take: a line longer than this is prose, not a byline.
const MAX_BYLINE_CHARS: usize = 120;
const MAX_BYLINE_WORDS: usize = 12;

/// `By Name, Name` (or Spanish `Por Name`): the names. A line that reads like a sentence
/// ("By Monday, the troops had withdrawn.") is not a byline: the names must start with a
/// capital letter, and the line must be short and not end as a sentence does.
fn parse_byline(line: &str) -> Option<&str> {
    let line = line.trim();
    if line.chars().count() > MAX_BYLINE_CHARS || line.ends_with(['.', '!', '?', ':', ';']) {
        return None;
    }
    let names = ["By", "BY", "Por", "POR"]
        .iter()
        .find_map(|keyword| line.strip_prefix(keyword))?;
    let names = names.strip_prefix(':').unwrap_or(names);
    if !names.starts_with(char::is_whitespace) {
        return None;
    }
    let names = names.trim_start();
    let starts_with_capital = names.chars().next().is_some_and(char::is_uppercase);
    let word_count = names.split_whitespace().count();
    (starts_with_capital && word_count <= MAX_BYLINE_WORDS).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(content: &str, markdown: bool) -> (Metadata, &str) {
        let (meta, range) = split_document(content, markdown, Fallback::default()).unwrap();
        (meta, &content[range])
    }

    #[test]
    fn date_title_line_and_byline() {
        let content = " date 2026-02-24 US Intelligence Played Key Role\n\nBy Staff, Agencies\n\nMexican authorities said.\n";
        let (meta, body) = split(content, false);
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2026, 2, 24));
        assert_eq!(
            meta.title.as_deref(),
            Some("US Intelligence Played Key Role")
        );
        assert_eq!(meta.byline.as_deref(), Some("Staff, Agencies"));
        assert_eq!(body, "Mexican authorities said.");
    }

    #[test]
    fn byline_without_date_line() {
        let (meta, body) = split("By Ana López\nText here.", false);
        assert_eq!(meta.byline.as_deref(), Some("Ana López"));
        assert_eq!(body, "Text here.");
    }

    #[test]
    fn sentences_starting_with_by_are_not_bylines() {
        for first in [
            "By Monday, the troops had withdrawn.",
            "By the time police arrived, it was over",
            "Byzantine politics returned",
        ] {
            let content = format!("{first}\nMore.");
            let (meta, body) = split(&content, false);
            assert_eq!(meta.byline, None, "{first}");
            assert!(body.starts_with(first));
        }
    }

    #[test]
    fn front_matter_fields() {
        let content = "---\ntitle: \"Clashes in Jalisco\"\ndate: 2024-03-01T08:00:00Z\nsource: Example News\nurl: https://example.com/a\nauthor: J. Doe\ntags:\n  - a\n---\n\nBody text.\n";
        let (meta, body) = split(content, true);
        assert_eq!(meta.title.as_deref(), Some("Clashes in Jalisco"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 3, 1));
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/a"));
        assert_eq!(meta.byline.as_deref(), Some("J. Doe"));
        assert_eq!(body, "Body text.");
    }

    #[test]
    fn unclosed_front_matter_is_body() {
        let content = "---\ntitle: x\nno closing line";
        let (meta, body) = split(content, true);
        assert_eq!(meta.title, None);
        assert_eq!(body, content);
    }

    #[test]
    fn markdown_heading_is_the_title_only_in_markdown() {
        let content = "\n# Floods in the north #\n\nRivers rose.";
        let (meta, body) = split(content, true);
        assert_eq!(meta.title.as_deref(), Some("Floods in the north"));
        assert_eq!(body, "Rivers rose.");
        let (meta, body) = split(content, false);
        assert_eq!(meta.title, None);
        assert!(body.starts_with("# Floods"));
    }

    #[test]
    fn fallback_fills_only_what_is_missing() {
        let fallback = Fallback {
            title: Some("stem".into()),
            published: NaiveDate::from_ymd_opt(2020, 1, 1),
        };
        let content = "date 2021-05-05\nBody.";
        let (meta, range) = split_document(content, false, fallback.clone()).unwrap();
        assert_eq!(meta.title.as_deref(), Some("stem"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2021, 5, 5));
        assert_eq!(&content[range], "Body.");
        let (meta, _) = split_document("Just text.", false, fallback).unwrap();
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2020, 1, 1));
    }

    #[test]
    fn body_is_an_exact_slice_with_crlf_and_bom() {
        let content = "\u{feff}date 2022-01-02 Title\r\n\r\n  Line one  \r\n  line two\r\n";
        let (meta, range) = split_document(content, false, Fallback::default()).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Title"));
        assert_eq!(&content[range], "Line one  \r\n  line two");
    }

    #[test]
    fn header_without_body_is_none() {
        assert!(split_document("date 2022-01-02 Title\n\n", false, Fallback::default()).is_none());
    }

    #[test]
    fn bad_date_line_is_body() {
        let (meta, body) = split("date 2022-13-02 Title\nText", false);
        assert_eq!(meta.published, None);
        assert!(body.starts_with("date 2022-13-02"));
    }
}
