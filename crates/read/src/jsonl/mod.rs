//! JSON Lines: one article object per line, read line by line into a reused buffer, so memory
//! stays flat however large the file. Only the keys the [`FieldMap`] names are decoded; the
//! rest of each object is skipped without allocating.

mod fields;

use crate::error::{ReadError, ReadErrorKind};
use crate::options::FieldMap;
use fields::parse_line;
use std::io::BufRead;
use std::sync::Arc;
use tessera_doc::{Origin, SourceRecord};

/// The records of one JSON Lines stream, in order; one `Err` per bad line.
pub(crate) struct JsonlRecords<R> {
    location: Arc<str>,
    reader: R,
    map: FieldMap,
    max_line_bytes: u64,
    line: Vec<u8>,
    line_number: u64,
    saw_content: bool,
    finished: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    pub(crate) fn new(location: &str, reader: R, map: FieldMap, max_line_bytes: u64) -> Self {
        JsonlRecords {
            location: Arc::from(location),
            reader,
            map,
            max_line_bytes,
            line: Vec::with_capacity(8 * 1024),
            line_number: 0,
            saw_content: false,
            finished: false,
        }
    }

    fn origin(&self) -> Origin {
        Origin::file(&*self.location).with_line(self.line_number)
    }

    fn error(&self, kind: ReadErrorKind) -> ReadError {
        ReadError::new(self.origin(), kind)
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<SourceRecord, ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.finished {
            self.line.clear();
            let line_length =
                match read_line_capped(&mut self.reader, &mut self.line, self.max_line_bytes) {
                    Ok(Some(length)) => length,
                    Ok(None) => {
                        self.finished = true;
                        if !self.saw_content {
                            return Some(Err(ReadError::at(&self.location, ReadErrorKind::Empty)));
                        }
                        return None;
                    }
                    Err(source) => {
                        self.finished = true;
                        self.line_number += 1;
                        let action = "read the line";
                        return Some(Err(self.error(ReadErrorKind::Io { action, source })));
                    }
                };
            self.line_number += 1;
            if line_length > self.max_line_bytes {
                self.saw_content = true;
                return Some(Err(self.error(ReadErrorKind::TooLarge {
                    size: Some(line_length),
                    limit: self.max_line_bytes,
                })));
            }
            if self.line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.saw_content = true;
            let result = parse_line(&self.line, &self.map)
                .map(|(meta, text)| SourceRecord {
                    origin: self.origin(),
                    meta,
                    text,
                })
                .map_err(|kind| self.error(kind));
            return Some(result);
        }
        None
    }
}

/// Reads one line (without its `\n`) into `buffer`, keeping at most `limit` bytes of it in
/// memory; returns the line's full length, or `None` at the end of the input. A line longer
/// than `limit` is consumed to its end but not kept.
fn read_line_capped<R: BufRead>(
    reader: &mut R,
    buffer: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<Option<u64>> {
    let mut length: u64 = 0;
    let mut read_any = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            return Ok(read_any.then_some(length));
        }
        read_any = true;
        let (chunk, consumed, done) = match memchr::memchr(b'\n', available) {
            Some(newline) => (&available[..newline], newline + 1, true),
            None => (available, available.len(), false),
        };
        length += chunk.len() as u64;
        if length <= limit {
            buffer.extend_from_slice(chunk);
        }
        reader.consume(consumed);
        if done {
            return Ok(Some(length));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

    fn read_all(input: &str, map: FieldMap) -> Vec<Result<SourceRecord, ReadError>> {
        JsonlRecords::new(
            "t.jsonl",
            Cursor::new(input.as_bytes().to_vec()),
            map,
            1_000,
        )
        .collect()
    }

    #[test]
    fn default_map_reads_common_keys_case_insensitively() {
        let input = "{\"Headline\": \"H\", \"Text\": \" Body \\n\", \"Source\": \"El Sol\", \"extra\": [1, {\"a\": 2}]}\n";
        let records = read_all(input, FieldMap::default());
        let record = records[0].as_ref().unwrap();
        assert_eq!(record.text, "Body");
        assert_eq!(record.meta.title.as_deref(), Some("H"));
        assert_eq!(record.meta.source.as_deref(), Some("El Sol"));
        assert_eq!(record.origin.line, Some(1));
    }

    #[test]
    fn earlier_keys_win_and_null_date_is_none() {
        let input =
            r#"{"body": "from body", "text": "from text", "date": null, "text_type": "NORM"}"#;
        let record = read_all(input, FieldMap::default()).remove(0).unwrap();
        assert_eq!(record.text, "from text");
        assert_eq!(record.meta.published, None);
    }

    #[test]
    fn explicit_map_and_author_lists() {
        let map: FieldMap = "text=story,date=when,byline=writers".parse().unwrap();
        let input =
            r#"{"story": "S", "when": "Tue, 24 Feb 2026 10:00:00 +0000", "writers": ["A", " B "]}"#;
        let record = read_all(input, map).remove(0).unwrap();
        assert_eq!(record.text, "S");
        assert_eq!(
            record.meta.published,
            chrono::NaiveDate::from_ymd_opt(2026, 2, 24)
        );
        assert_eq!(record.meta.byline.as_deref(), Some("A, B"));
    }

    #[test]
    fn byte_order_mark_and_crlf_are_ignored() {
        let input = "\u{feff}{\"text\": \"a\"}\r\n{\"text\": \"b\"}\r\n";
        let texts: Vec<String> = read_all(input, FieldMap::default())
            .into_iter()
            .map(|r| r.unwrap().text)
            .collect();
        assert_eq!(texts, ["a", "b"]);
    }

    #[test]
    fn one_key_can_feed_two_fields() {
        let map: FieldMap = "title=text".parse().unwrap();
        let record = read_all(r#"{"text": "Same"}"#, map).remove(0).unwrap();
        assert_eq!(record.text, "Same");
        assert_eq!(record.meta.title.as_deref(), Some("Same"));
    }

    #[test]
    fn bad_lines_are_errors_and_reading_goes_on() {
        let input = "{\"text\": \"one\"}\n\n{\"text\": \n[1, 2]\n{\"title\": \"t\"}\n{\"body\": \"  \"}\n{\"text\": 5}\n{\"text\": \"last\"}";
        let results = read_all(input, FieldMap::default());
        let messages: Vec<String> = results
            .iter()
            .map(|r| match r {
                Ok(record) => format!("ok {}", record.text),
                Err(error) => error.to_string(),
            })
            .collect();
        assert_eq!(messages[0], "ok one");
        assert!(
            messages[1].starts_with("t.jsonl:3: malformed JSON at column"),
            "{}",
            messages[1]
        );
        assert_eq!(
            messages[2],
            "t.jsonl:4: expected a JSON object, found an array"
        );
        assert_eq!(
            messages[3],
            "t.jsonl:5: no text field: looked for the keys text, body, content, article"
        );
        assert_eq!(messages[4], "t.jsonl:6: the text field \"body\" is empty");
        assert_eq!(
            messages[5],
            "t.jsonl:7: the text field \"text\" holds a number, expected a string"
        );
        assert_eq!(messages[6], "ok last");
        assert_eq!(messages.len(), 7);
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let mut input = b"{\"text\": \"ok\"}\n{\"text\": \"caf".to_vec();
        input.extend_from_slice(b"\xff\"}\n");
        let results: Vec<_> =
            JsonlRecords::new("u.jsonl", Cursor::new(input), FieldMap::default(), 1_000).collect();
        let error = results[1].as_ref().unwrap_err();
        assert_eq!(
            error.to_string(),
            "u.jsonl:2: invalid UTF-8 at byte offset 13 of the line"
        );
    }

    #[test]
    fn overlong_line_is_an_error_and_the_next_line_still_reads() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(2_000));
        let input = format!("{long}\n{{\"text\": \"short\"}}\n");
        let results = read_all(&input, FieldMap::default());
        assert!(matches!(
            results[0].as_ref().unwrap_err().kind,
            ReadErrorKind::TooLarge {
                size: Some(2012),
                limit: 1_000
            }
        ));
        assert_eq!(results[1].as_ref().unwrap().text, "short");
    }

    #[test]
    fn blank_only_input_is_empty() {
        let results = read_all("\n  \n\n", FieldMap::default());
        assert_eq!(results.len(), 1);
        assert!(matches!(
            results[0].as_ref().unwrap_err().kind,
            ReadErrorKind::Empty
        ));
    }

    #[test]
    fn capped_line_reader_handles_crlf_and_no_final_newline() {
        let mut reader =
            std::io::BufReader::with_capacity(4, Cursor::new(b"ab\r\ncdefgh".to_vec()));
        let mut buffer = Vec::new();
        assert_eq!(
            read_line_capped(&mut reader, &mut buffer, 100).unwrap(),
            Some(3)
        );
        assert_eq!(buffer, b"ab\r");
        buffer.clear();
        assert_eq!(
            read_line_capped(&mut reader, &mut buffer, 100).unwrap(),
            Some(6)
        );
        assert_eq!(buffer, b"cdefgh");
        buffer.clear();
        assert_eq!(
            read_line_capped(&mut reader, &mut buffer, 100).unwrap(),
            None
        );
    }
}
