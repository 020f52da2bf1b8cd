//! Page metadata from `<meta>`, `<link rel=canonical>`, `<time>`, `<h1>` and `<title>`.

use super::ParagraphCollector;
use crate::dates::parse_date;
use chrono::NaiveDate;
use scraper::node::Element;
use scraper::{ElementRef, Html};
use tessera_doc::Metadata;

/// Metadata keys (`<meta property|name|itemprop>`) that give the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "og:published_time",
];

/// Metadata keys that give the author, best first.
const AUTHOR_KEYS: &[&str] = &["author", "article:author", "dc.creator", "byl"];

/// The first value seen for each piece of metadata, by source.
#[derive(Default)]
struct MetaCandidates {
    og_title: Option<String>,
    h1: Option<String>,
    title: Option<String>,
    dates: Vec<(usize, String)>,
    time_datetime: Option<String>,
    authors: Vec<(usize, String)>,
    site_name: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

/// The title, date, author, site name and canonical URL a page declares.
pub(super) fn read_metadata(document: &Html) -> Metadata {
    let mut found = MetaCandidates::default();
    for element in document.root_element().descendent_elements() {
        let value = element.value();
        match value.name() {
            "meta" => read_meta_tag(value, &mut found),
            "link" if has_token(value.attr("rel"), "canonical") => {
                set_once(&mut found.canonical, value.attr("href"));
            }
            "h1" if found.h1.is_none() => found.h1 = non_empty(collapse(element)),
            "title" if found.title.is_none() => found.title = non_empty(collapse(element)),
            "time" if found.time_datetime.is_none() => {
                set_once(&mut found.time_datetime, value.attr("datetime"));
            }
            _ => {}
        }
    }
    Metadata {
        title: found.og_title.or(found.h1).or(found.title),
        published: best_date(found.dates, found.time_datetime),
        source: found.site_name,
        url: found.canonical.or(found.og_url),
        byline: best_ranked(found.authors),
    }
}

fn read_meta_tag(meta: &Element, found: &mut MetaCandidates) {
    let Some(content) = meta
        .attr("content")
        .map(str::trim)
        .filter(|c| !c.is_empty())
    else {
        return;
    };
    for key_attribute in ["property", "name", "itemprop"] {
        let Some(key) = meta.attr(key_attribute) else {
            continue;
        };
        let key = key.trim().to_ascii_lowercase();
        match key.as_str() {
            "og:title" => set_once(&mut found.og_title, Some(content)),
            "og:site_name" => set_once(&mut found.site_name, Some(content)),
            "og:url" => set_once(&mut found.og_url, Some(content)),
            _ => {
                if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                    found.dates.push((rank, content.to_string()));
                }
                // Facebook-style `article:author` values are profile URLs, not names.
                let is_url = content.starts_with("http://") || content.starts_with("https://");
                if let Some(rank) = AUTHOR_KEYS.iter().position(|k| *k == key)
                    && !is_url
                {
                    found.authors.push((rank, content.to_string()));
                }
            }
        }
    }
}

fn best_date(mut dates: Vec<(usize, String)>, time_datetime: Option<String>) -> Option<NaiveDate> {
    dates.sort_by_key(|(rank, _)| *rank);
    dates
        .iter()
        .map(|(_, text)| text.as_str())
        .chain(time_datetime.as_deref())
        .find_map(parse_date)
}

fn best_ranked(mut candidates: Vec<(usize, String)>) -> Option<String> {
    candidates.sort_by_key(|(rank, _)| *rank);
    candidates.into_iter().next().map(|(_, value)| value)
}

fn set_once(slot: &mut Option<String>, value: Option<&str>) {
    if slot.is_none() {
        *slot = value
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string);
    }
}

fn has_token(attribute: Option<&str>, token: &str) -> bool {
    attribute.is_some_and(|value| {
        value
            .split_ascii_whitespace()
            .any(|t| t.eq_ignore_ascii_case(token))
    })
}

fn collapse(element: ElementRef) -> String {
    let mut collector = ParagraphCollector::default();
    for text in element.text() {
        collector.push_text(text);
    }
    collector.text
}

fn non_empty(text: String) -> Option<String> {
    (!text.is_empty()).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::extract_article;

    #[test]
    fn metadata_from_meta_tags() {
        let page = r#"<html><head>
            <meta property="og:title" content="OG Title">
            <meta property="og:site_name" content="Example Times">
            <meta property="og:url" content="https://example.com/og">
            <link rel="canonical" href="https://example.com/canonical">
            <meta property="article:author" content="https://facebook.com/someone">
            <meta name="author" content="Jane Roe">
            <meta name="date" content="2024-06-02">
            <meta property="article:published_time" content="2024-06-01T10:00:00+02:00">
            <title>Title tag</title></head>
            <body><h1>H1</h1><time datetime="2020-01-01">x</time><p>Text.</p></body></html>"#;
        let meta = extract_article(page).meta;
        assert_eq!(meta.title.as_deref(), Some("OG Title"));
        assert_eq!(meta.source.as_deref(), Some("Example Times"));
        assert_eq!(meta.url.as_deref(), Some("https://example.com/canonical"));
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 6, 1));
    }

    #[test]
    fn title_and_date_fall_back_to_h1_title_and_time() {
        let page = "<html><head><title>Tab title</title></head><body><time datetime=\"2023-03-04T05:06:07Z\">x</time><p>T</p></body></html>";
        let meta = extract_article(page).meta;
        assert_eq!(meta.title.as_deref(), Some("Tab title"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2023, 3, 4));
        let page = "<h1>  Big\n headline </h1><title>Tab</title><p>x</p>";
        assert_eq!(
            extract_article(page).meta.title.as_deref(),
            Some("Big headline")
        );
    }
}
