//! One input stream (a file, standard input or an HTTP body) to records: checks that it is
//! text, picks its format, then streams JSON Lines or reads a whole document within the size
//! limit.

use crate::error::{ReadError, ReadErrorKind};
use crate::feed::read_feed;
use crate::html::{decode_html, extract_article};
use crate::jsonl::JsonlRecords;
use crate::plain::{Fallback, split_document};
use crate::{Format, ReadOptions, Records};
use std::io::{BufReader, Cursor, Read};
use tessera_doc::{Origin, SourceRecord};

/// How many leading bytes are checked for NUL (binary input) and used to sniff the format.
pub(crate) const HEAD_BYTES: usize = 8 * 1024;

/// What is known about a stream besides its bytes.
#[derive(Debug, Default)]
pub(crate) struct StreamInfo {
    /// Path, URL or `-`, as errors and origins name it.
    pub location: String,
    /// The format the extension or Content-Type names, if any.
    pub format_hint: Option<Format>,
    /// Title and date to use when the document gives none.
    pub fallback: Fallback,
    /// The size in bytes, when known before reading.
    pub size: Option<u64>,
    /// The charset an HTTP Content-Type declared.
    pub charset: Option<String>,
}

pub(crate) fn one(result: Result<SourceRecord, ReadError>) -> Records {
    Box::new(std::iter::once(result))
}

/// Reads a stream according to `options`; one `Err` when the stream as a whole is bad.
pub(crate) fn read_stream(
    info: StreamInfo,
    mut reader: Box<dyn Read + Send>,
    options: &ReadOptions,
) -> Records {
    let fail = |kind| one(Err(ReadError::at(&info.location, kind)));
    let head = match read_head(&mut reader) {
        Ok(head) => head,
        Err(source) => {
            return fail(ReadErrorKind::Io {
                action: "read",
                source,
            });
        }
    };
    if let Some(offset) = memchr::memchr(0, &head) {
        return fail(ReadErrorKind::Binary { offset });
    }
    if head.len() < HEAD_BYTES
        && crate::format::skip_bom(&head)
            .iter()
            .all(u8::is_ascii_whitespace)
    {
        return fail(ReadErrorKind::Empty);
    }
    let format = options
        .format
        .or(info.format_hint)
        .unwrap_or_else(|| Format::sniff(&head));
    let limit = options.max_document_bytes;
    let document_kind = match format {
        Format::Jsonl => {
            let reader = BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(reader));
            return Box::new(JsonlRecords::new(
                &info.location,
                reader,
                options.map.clone(),
                limit,
            ));
        }
        Format::Feed => WholeDocument::Feed,
        Format::Html => WholeDocument::Html,
        Format::Text => WholeDocument::Plain { markdown: false },
        Format::Markdown => WholeDocument::Plain { markdown: true },
    };
    if let Some(size) = info.size.filter(|&size| size > limit) {
        return fail(ReadErrorKind::TooLarge {
            size: Some(size),
            limit,
        });
    }
    let bytes = match read_capped(head, reader, limit) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => return fail(ReadErrorKind::TooLarge { size: None, limit }),
        Err(source) => {
            return fail(ReadErrorKind::Io {
                action: "read",
                source,
            });
        }
    };
    match document_kind {
        WholeDocument::Feed => Box::new(read_feed(&info.location, &bytes).into_iter()),
        WholeDocument::Html => one(read_html(info, bytes)),
        WholeDocument::Plain { markdown } => one(read_plain(info, bytes, markdown)),
    }
}

/// The formats read as one whole document (within the size limit) rather than streamed.
enum WholeDocument {
    Feed,
    Html,
    Plain { markdown: bool },
}

/// Up to [`HEAD_BYTES`] from the start of the stream (fewer only at its end).
fn read_head(reader: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut head = Vec::with_capacity(HEAD_BYTES);
    reader.take(HEAD_BYTES as u64).read_to_end(&mut head)?;
    Ok(head)
}

/// The whole stream, or `None` when it is longer than `limit` bytes.
fn read_capped(
    mut bytes: Vec<u8>,
    reader: Box<dyn Read + Send>,
    limit: u64,
) -> std::io::Result<Option<Vec<u8>>> {
    let already = bytes.len() as u64;
    if already > limit {
        return Ok(None);
    }
    reader.take(limit - already + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

fn read_plain(info: StreamInfo, bytes: Vec<u8>, markdown: bool) -> Result<SourceRecord, ReadError> {
    let origin = Origin::file(info.location);
    let mut content = String::from_utf8(bytes).map_err(|error| {
        let offset = error.utf8_error().valid_up_to();
        ReadError::new(
            origin.clone(),
            ReadErrorKind::InvalidUtf8 {
                offset,
                in_line: false,
            },
        )
    })?;
    if content.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(ReadError::new(origin, ReadErrorKind::Empty));
    }
    let Some((meta, body)) = split_document(&content, markdown, info.fallback) else {
        return Err(ReadError::new(origin, ReadErrorKind::NoBody));
    };
    // Cut the body out in place: the text stays byte-for-byte what the file holds.
    content.truncate(body.end);
    content.drain(..body.start);
    Ok(SourceRecord {
        origin,
        meta,
        text: content,
    })
}

fn read_html(info: StreamInfo, bytes: Vec<u8>) -> Result<SourceRecord, ReadError> {
    let origin = Origin::file(info.location);
    let page = decode_html(bytes, info.charset.as_deref()).map_err(|offset| {
        ReadError::new(
            origin.clone(),
            ReadErrorKind::InvalidUtf8 {
                offset,
                in_line: false,
            },
        )
    })?;
    if page.trim().is_empty() {
        return Err(ReadError::new(origin, ReadErrorKind::Empty));
    }
    let mut article = extract_article(&page);
    if article.text.is_empty() {
        return Err(ReadError::new(origin, ReadErrorKind::NoArticleText));
    }
    if article.meta.title.is_none() {
        article.meta.title = info.fallback.title;
    }
    if article.meta.published.is_none() {
        article.meta.published = info.fallback.published;
    }
    Ok(SourceRecord {
        origin,
        meta: article.meta,
        text: article.text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(
        bytes: &[u8],
        format_hint: Option<Format>,
        options: &ReadOptions,
    ) -> Vec<Result<SourceRecord, ReadError>> {
        let info = StreamInfo {
            location: "in".into(),
            format_hint,
            ..StreamInfo::default()
        };
        read_stream(info, Box::new(Cursor::new(bytes.to_vec())), options).collect()
    }

    fn only_error(results: Vec<Result<SourceRecord, ReadError>>) -> ReadErrorKind {
        assert_eq!(results.len(), 1);
        results.into_iter().next().unwrap().unwrap_err().kind
    }

    #[test]
    fn sniffs_formats_when_no_hint() {
        let options = ReadOptions::default();
        let jsonl = read(b"\n{\"text\": \"a\"}\n{\"text\": \"b\"}\n", None, &options);
        assert_eq!(jsonl.len(), 2);
        assert_eq!(jsonl[1].as_ref().unwrap().origin.line, Some(3));
        let html = read(b"<html><body><p>Para.</p></body></html>", None, &options);
        assert_eq!(html[0].as_ref().unwrap().text, "Para.");
        let text = read(b"Just words.\n", None, &options);
        assert_eq!(text[0].as_ref().unwrap().text, "Just words.");
    }

    #[test]
    fn forced_format_wins_over_hint_and_sniffing() {
        let options = ReadOptions {
            format: Some(Format::Text),
            ..ReadOptions::default()
        };
        let results = read(b"<p>markup kept</p>", Some(Format::Html), &options);
        assert_eq!(results[0].as_ref().unwrap().text, "<p>markup kept</p>");
    }

    #[test]
    fn binary_empty_and_invalid_utf8_inputs() {
        let options = ReadOptions::default();
        assert!(matches!(
            only_error(read(b"abc\0def", None, &options)),
            ReadErrorKind::Binary { offset: 3 }
        ));
        assert!(matches!(
            only_error(read(b" \n\t ", None, &options)),
            ReadErrorKind::Empty
        ));
        assert!(matches!(
            only_error(read(b"", Some(Format::Jsonl), &options)),
            ReadErrorKind::Empty
        ));
        assert!(matches!(
            only_error(read(b"ok \xc3\x28", None, &options)),
            ReadErrorKind::InvalidUtf8 {
                offset: 3,
                in_line: false
            }
        ));
        assert!(matches!(
            only_error(read(b"date 2020-01-01 Only a title\n", None, &options)),
            ReadErrorKind::NoBody
        ));
        assert!(matches!(
            only_error(read(b"<html><nav>menu</nav></html>", None, &options)),
            ReadErrorKind::NoArticleText
        ));
    }

    #[test]
    fn documents_over_the_limit_are_refused() {
        let options = ReadOptions {
            max_document_bytes: 10,
            ..ReadOptions::default()
        };
        assert!(matches!(
            only_error(read(b"eleven byte", None, &options)),
            ReadErrorKind::TooLarge {
                size: None,
                limit: 10
            }
        ));
        assert_eq!(read(b"ten bytes.", None, &options).len(), 1);
        assert!(read(b"ten bytes.", None, &options)[0].is_ok());
    }

    /// An endless JSON Lines stream: reading it whole would never finish.
    struct EndlessLines {
        position: usize,
    }

    impl Read for EndlessLines {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            const LINE: &[u8] = b"{\"text\": \"again\"}\n";
            let mut written = 0;
            while written < buffer.len() {
                buffer[written] = LINE[self.position % LINE.len()];
                self.position += 1;
                written += 1;
            }
            Ok(written)
        }
    }

    #[test]
    fn json_lines_stream_without_reading_ahead() {
        let info = StreamInfo {
            location: "endless".into(),
            ..StreamInfo::default()
        };
        let records = read_stream(
            info,
            Box::new(EndlessLines { position: 0 }),
            &ReadOptions::default(),
        );
        let lines: Vec<_> = records.take(3).map(|r| r.unwrap().origin.line).collect();
        assert_eq!(lines, [Some(1), Some(2), Some(3)]);
    }

    #[test]
    fn a_failing_reader_is_an_io_error() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::new(
                    std::io::ErrorKind::PermissionDenied,
                    "denied",
                ))
            }
        }
        let results: Vec<_> = read_stream(
            StreamInfo::default(),
            Box::new(Broken),
            &ReadOptions::default(),
        )
        .collect();
        assert!(matches!(
            only_error(results),
            ReadErrorKind::Io { action: "read", .. }
        ));
    }
}
