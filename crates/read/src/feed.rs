//! RSS and Atom feeds: one record per item, its HTML content or summary turned into text.

use crate::error::{ReadError, ReadErrorKind};
use crate::html::html_to_text;
use feed_rs::model::{Entry, Feed, Link, Text};
use tessera_doc::{Metadata, Origin, SourceRecord};

/// The records of a feed's items, in feed order (`Origin::item` is 1-based). A document that is
/// not a feed is one `Err`; an item without text is an `Err` naming it, and the rest still come.
pub(crate) fn read_feed(location: &str, bytes: &[u8]) -> Vec<Result<SourceRecord, ReadError>> {
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(error) => {
            let kind = ReadErrorKind::InvalidFeed {
                message: error.to_string(),
            };
            return vec![Err(ReadError::at(location, kind))];
        }
    };
    if feed.entries.is_empty() {
        tracing::warn!(feed = location, "the feed has no items");
    }
    let feed_title = feed.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let Feed { entries, .. } = feed;
    entries
        .into_iter()
        .enumerate()
        .map(|(index, entry)| {
            let origin = Origin::file(location).with_item(index as u64 + 1);
            read_entry(entry, feed_title.as_deref())
                .map(|(meta, text)| SourceRecord {
                    origin: origin.clone(),
                    meta,
                    text,
                })
                .map_err(|kind| ReadError::new(origin, kind))
        })
        .collect()
}

fn read_entry(entry: Entry, feed_title: Option<&str>) -> Result<(Metadata, String), ReadErrorKind> {
    let title = entry.title.as_ref().map(text_of).filter(|t| !t.is_empty());
    let content = entry
        .content
        .as_ref()
        .and_then(|content| {
            let body = content.body.as_deref()?;
            Some(markup_to_text(body, content.content_type.as_ref()))
        })
        .filter(|text| !text.is_empty());
    let text = content
        .or_else(|| entry.summary.as_ref().map(text_of))
        .filter(|text| !text.is_empty())
        .ok_or_else(|| ReadErrorKind::FeedItemWithoutText {
            title: title.clone(),
        })?;
    let byline = entry
        .authors
        .iter()
        .filter_map(|person| person.name.as_deref().map(str::trim))
        .filter(|name| !name.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let meta = Metadata {
        title,
        published: entry
            .published
            .or(entry.updated)
            .map(|datetime| datetime.date_naive()),
        source: entry
            .source
            .clone()
            .or_else(|| feed_title.map(str::to_string)),
        url: article_link(&entry.links).map(|link| link.href.clone()),
        byline: (!byline.is_empty()).then_some(byline),
    };
    Ok((meta, text))
}

/// The item's own page: an `alternate` (or unlabelled) link, else its first link.
fn article_link(links: &[Link]) -> Option<&Link> {
    links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .or_else(|| links.first())
}

fn text_of(text: &Text) -> String {
    markup_to_text(&text.content, text.content_type.as_ref())
}

/// Feed text as plain text: markup stripped unless the feed says it is plain text, which is
/// only trimmed.
fn markup_to_text(content: &str, content_type: &str) -> String {
    if content_type.starts_with("text/plain") && !content.contains('<') {
        content.trim().to_string()
    } else {
        html_to_text(content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title><link>https://wire.example</link>
<item><title>First</title><link>https://wire.example/1</link>
  <pubDate>Tue, 24 Feb 2026 10:00:00 +0000</pubDate>
  <description>&lt;p&gt;Hello &lt;b&gt;world&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description></item>
<item><title>Empty</title></item>
<item><title>Third</title><description>Plain words.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_records_and_an_item_without_text_is_an_error() {
        let records = read_feed("wire.rss", RSS.as_bytes());
        assert_eq!(records.len(), 3);
        let first = records[0].as_ref().unwrap();
        assert_eq!(first.text, "Hello world\n\nSecond");
        assert_eq!(first.meta.title.as_deref(), Some("First"));
        assert_eq!(first.meta.source.as_deref(), Some("Wire"));
        assert_eq!(first.meta.url.as_deref(), Some("https://wire.example/1"));
        assert_eq!(
            first.meta.published,
            chrono::NaiveDate::from_ymd_opt(2026, 2, 24)
        );
        assert_eq!(first.origin.item, Some(1));
        let error = records[1].as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "wire.rss (item 2): feed item \"Empty\" has neither content nor a summary"
        );
        assert_eq!(records[2].as_ref().unwrap().text, "Plain words.");
    }

    #[test]
    fn byte_order_mark_before_the_declaration_is_accepted() {
        let mut bytes = b"\xef\xbb\xbf".to_vec();
        bytes.extend_from_slice(RSS.as_bytes());
        assert_eq!(read_feed("bom.rss", &bytes).len(), 3);
    }

    #[test]
    fn text_that_is_not_a_feed_is_one_error() {
        let records = read_feed("x.rss", b"this is not xml at all");
        assert_eq!(records.len(), 1);
        let message = records[0].as_ref().unwrap_err().to_string();
        assert!(
            message.starts_with("x.rss: not a valid RSS or Atom feed"),
            "{message}"
        );
    }
}
