//! Input formats: naming them, telling them from a file extension or a MIME type, and sniffing
//! them from the first bytes of an input.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

/// The kinds of input Tessera reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text, with optional header lines (date and title, byline, front matter).
    Text,
    /// Markdown: as plain text, and a first `# Heading` is the title.
    Markdown,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// An HTML page: the article text is extracted, boilerplate left out.
    Html,
    /// An RSS or Atom feed: one record per item.
    Feed,
}

/// A format name that [`Format::from_str`] does not know.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown format {0:?}; expected one of text, txt, md, markdown, jsonl, ndjson, html, rss, \
     atom, feed"
)]
pub struct UnknownFormat(pub String);

impl FromStr for Format {
    type Err = UnknownFormat;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" => Ok(Format::Text),
            "md" | "markdown" => Ok(Format::Markdown),
            "jsonl" | "ndjson" => Ok(Format::Jsonl),
            "html" | "htm" => Ok(Format::Html),
            "rss" | "atom" | "feed" => Ok(Format::Feed),
            _ => Err(UnknownFormat(name.to_string())),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Jsonl => "jsonl",
            Format::Html => "html",
            Format::Feed => "feed",
        })
    }
}

impl Format {
    /// The format a file's extension names, or `None` for an extension Tessera does not know.
    pub fn from_path(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "xml" | "rss" | "atom" => Some(Format::Feed),
            _ => None,
        }
    }

    /// The format an HTTP `Content-Type` names, or `None` when it does not settle it (a generic
    /// XML type could be a page or a feed; an unknown type is left to sniffing).
    pub fn from_content_type(content_type: &str) -> Option<Format> {
        let mime = content_type
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if mime.contains("rss") || mime.contains("atom") {
            Some(Format::Feed)
        } else if mime.contains("html") {
            Some(Format::Html)
        } else if mime.contains("ndjson") || mime.contains("jsonl") || mime.contains("json-seq") {
            Some(Format::Jsonl)
        } else if mime == "text/markdown" {
            Some(Format::Markdown)
        } else if mime == "text/plain" {
            Some(Format::Text)
        } else {
            None
        }
    }

    /// Guesses the format from an input's first bytes: `{` starts JSON Lines; `<` starts HTML or
    /// a feed, told apart by the root element; anything else is plain text.
    pub fn sniff(head: &[u8]) -> Format {
        let head = skip_bom(head);
        match head.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(first) if head[first] == b'{' => Format::Jsonl,
            Some(first) if head[first] == b'<' => match root_element_name(&head[first..]) {
                Some(name) if is_feed_root(name) => Format::Feed,
                _ => Format::Html,
            },
            _ => Format::Text,
        }
    }
}

/// Drops a UTF-8 byte-order mark.
pub(crate) fn skip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn is_feed_root(name: &[u8]) -> bool {
    // Namespace prefixes are ignored: `rdf:RDF` is an RSS 1.0 root.
    let local = match name.iter().rposition(|&b| b == b':') {
        Some(colon) => &name[colon + 1..],
        None => name,
    };
    [&b"rss"[..], b"feed", b"rdf", b"channel"]
        .iter()
        .any(|root| local.eq_ignore_ascii_case(root))
}

/// The name of the first element in a markup prefix, skipping the XML declaration, processing
/// instructions, comments and doctype; `None` when the prefix ends before one.
fn root_element_name(mut markup: &[u8]) -> Option<&[u8]> {
    loop {
        let start = markup.iter().position(|&b| b == b'<')?;
        markup = &markup[start..];
        if markup.starts_with(b"<!--") {
            let end = memchr::memmem::find(markup, b"-->")?;
            markup = &markup[end + 3..];
        } else if markup.starts_with(b"<?") || markup.starts_with(b"<!") {
            let end = markup.iter().position(|&b| b == b'>')?;
            markup = &markup[end + 1..];
        } else {
            let name = &markup[1..];
            let end = name
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b'>' || b == b'/')
                .unwrap_or(name.len());
            return Some(&name[..end]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_case_insensitively() {
        assert_eq!("TXT".parse(), Ok(Format::Text));
        assert_eq!("markdown".parse(), Ok(Format::Markdown));
        assert_eq!("ndjson".parse(), Ok(Format::Jsonl));
        assert_eq!("atom".parse(), Ok(Format::Feed));
        assert_eq!("rss".parse(), Ok(Format::Feed));
        assert!("pdf".parse::<Format>().is_err());
    }

    #[test]
    fn extensions_map_to_formats() {
        assert_eq!(
            Format::from_path(Path::new("a/b.MD")),
            Some(Format::Markdown)
        );
        assert_eq!(
            Format::from_path(Path::new("x.ndjson")),
            Some(Format::Jsonl)
        );
        assert_eq!(Format::from_path(Path::new("x.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("x.atom")), Some(Format::Feed));
        assert_eq!(Format::from_path(Path::new("x.csv")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }

    #[test]
    fn content_types_map_to_formats() {
        assert_eq!(
            Format::from_content_type("text/html; charset=utf-8"),
            Some(Format::Html)
        );
        assert_eq!(
            Format::from_content_type("application/rss+xml"),
            Some(Format::Feed)
        );
        assert_eq!(Format::from_content_type("application/xml"), None);
        assert_eq!(Format::from_content_type("text/plain"), Some(Format::Text));
    }

    #[test]
    fn sniffing_reads_the_first_byte_and_root_element() {
        assert_eq!(Format::sniff(b"  {\"text\": 1}"), Format::Jsonl);
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
            Format::Feed
        );
        assert_eq!(
            Format::sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"x\">"),
            Format::Feed
        );
        assert_eq!(Format::sniff(b"<rdf:RDF>"), Format::Feed);
        assert_eq!(Format::sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(Format::sniff(b"\xEF\xBB\xBFHello"), Format::Text);
        assert_eq!(Format::sniff(b""), Format::Text);
    }
}
