//! The one error type every reader yields, and the reasons it can carry.

use tessera_doc::Origin;

/// The command-line flag that raises [`crate::ReadOptions::max_document_bytes`]; named in the
/// "too large" message so a user knows how to get past it.
pub const MAX_DOC_BYTES_FLAG: &str = "--max-doc-bytes";

/// One input (a file, a line of a JSON Lines file, a feed item, a URL) that could not be read.
/// It names where ([`Origin`]: path or URL, plus line or item) and why ([`ReadErrorKind`]).
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct ReadError {
    /// The input (and line or item in it) that failed.
    pub origin: Origin,
    /// What went wrong.
    pub kind: ReadErrorKind,
}

impl ReadError {
    /// An error at `origin`.
    pub fn new(origin: Origin, kind: ReadErrorKind) -> Self {
        ReadError { origin, kind }
    }

    /// An error about a whole input (no line or item).
    pub(crate) fn at(location: &str, kind: ReadErrorKind) -> Self {
        ReadError::new(Origin::file(location), kind)
    }
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadErrorKind {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The operating system refused an operation (open, read, inspect).
    #[error("cannot {action}: {source}")]
    Io {
        /// What was being attempted, as in "cannot {action}".
        action: &'static str,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A NUL byte in the first 8 KiB: not a text format.
    #[error(
        "looks like a binary file (NUL byte at offset {offset}); expected plain text, Markdown, \
         JSON Lines, HTML or an RSS/Atom feed"
    )]
    Binary {
        /// The byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not UTF-8 (and, for HTML, no other charset was declared).
    #[error("invalid UTF-8 at byte offset {offset}{}", of_the_line(*.in_line))]
    InvalidUtf8 {
        /// The offset of the first invalid byte, in the file or in the line.
        offset: usize,
        /// Whether `offset` counts from the start of a JSON line rather than of the input.
        in_line: bool,
    },
    /// The input holds nothing but whitespace.
    #[error("empty input (nothing but whitespace)")]
    Empty,
    /// A text document holds header lines and nothing after them.
    #[error("no text after the header (title, date or byline lines) in this document")]
    NoBody,
    /// A file, document, HTTP body or JSON line is larger than the configured limit.
    #[error(
        "{} over the limit of {limit} bytes; raise it with {MAX_DOC_BYTES_FLAG} BYTES",
        describe_size(*.size)
    )]
    TooLarge {
        /// The size in bytes, when known (a stream is cut off at the limit).
        size: Option<u64>,
        /// The limit in force, [`crate::ReadOptions::max_document_bytes`].
        limit: u64,
    },
    /// A JSON line does not parse.
    #[error("malformed JSON at column {column}: {message}")]
    MalformedJson {
        /// serde_json's column (1-based) of the error.
        column: usize,
        /// serde_json's description of the error.
        message: String,
    },
    /// A JSON line is valid JSON but not an object.
    #[error("expected a JSON object, found {found}")]
    NotAnObject {
        /// What it is instead ("an array", "a string", ...).
        found: &'static str,
    },
    /// A JSON object has none of the keys that feed the text.
    #[error("no text field: looked for the key{} {}", plural(keys.len()), keys.join(", "))]
    MissingText {
        /// The keys looked for, from the field map.
        keys: Vec<String>,
    },
    /// A JSON object's text field is empty or whitespace.
    #[error("the text field \"{key}\" is empty")]
    EmptyText {
        /// The key that held the empty text.
        key: String,
    },
    /// A JSON object's text field holds a number, array, object or boolean.
    #[error("the text field \"{key}\" holds {found}, expected a string")]
    TextNotString {
        /// The key that held the value.
        key: String,
        /// What it holds ("a number", ...).
        found: &'static str,
    },
    /// An HTML page yielded no article text.
    #[error("no article text found in the HTML")]
    NoArticleText,
    /// A document read as a feed is not an RSS or Atom feed.
    #[error("not a valid RSS or Atom feed: {message}")]
    InvalidFeed {
        /// The feed parser's description of the problem.
        message: String,
    },
    /// A feed item has neither content nor summary.
    #[error("feed item{} has neither content nor a summary", describe_title(.title.as_deref()))]
    FeedItemWithoutText {
        /// The item's title, when it has one.
        title: Option<String>,
    },
    /// A URL answered with an HTTP error status.
    #[error("HTTP status {status}")]
    HttpStatus {
        /// The status code.
        status: u16,
    },
    /// A URL could not be fetched: bad URL, unknown host, refused connection, timeout, TLS.
    #[error("cannot fetch: {message}")]
    Fetch {
        /// The HTTP client's description of the failure.
        message: String,
    },
    /// A directory (or an entry in it) could not be walked.
    #[error("cannot walk the directory: {message}")]
    Walk {
        /// The walker's description of the failure.
        message: String,
    },
    /// An include or exclude pattern is not a valid glob.
    #[error("invalid glob pattern {pattern:?}: {message}")]
    InvalidGlob {
        /// The pattern as given.
        pattern: String,
        /// What is wrong with it.
        message: String,
    },
}

fn of_the_line(in_line: bool) -> &'static str {
    if in_line { " of the line" } else { "" }
}

fn plural(count: usize) -> &'static str {
    if count == 1 { "" } else { "s" }
}

fn describe_size(size: Option<u64>) -> String {
    match size {
        Some(size) => format!("{size} bytes is"),
        None => "the document is".to_string(),
    }
}

fn describe_title(title: Option<&str>) -> String {
    title.map(|t| format!(" \"{t}\"")).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_origin_and_reason() {
        let error = ReadError::new(
            Origin::file("news.jsonl").with_line(7),
            ReadErrorKind::MissingText {
                keys: vec!["text".into(), "body".into()],
            },
        );
        assert_eq!(
            error.to_string(),
            "news.jsonl:7: no text field: looked for the keys text, body"
        );
    }

    #[test]
    fn too_large_says_size_limit_and_flag() {
        let kind = ReadErrorKind::TooLarge {
            size: Some(2_000),
            limit: 1_000,
        };
        let message = kind.to_string();
        assert!(message.contains("2000 bytes"), "{message}");
        assert!(message.contains("1000"), "{message}");
        assert!(message.contains(MAX_DOC_BYTES_FLAG), "{message}");
    }
}
