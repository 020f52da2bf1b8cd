//! One JSON Lines object to a record's metadata and text, decoding only the mapped keys.

use crate::dates::parse_date;
use crate::error::ReadErrorKind;
use crate::options::{Field, FieldMap};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;
use std::fmt;
use tessera_doc::Metadata;

/// Parses one line (without its `\n`) into metadata and text, or says why it cannot be.
pub(super) fn parse_line(line: &[u8], map: &FieldMap) -> Result<(Metadata, String), ReadErrorKind> {
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = crate::format::skip_bom(line);
    let line = std::str::from_utf8(line).map_err(|error| ReadErrorKind::InvalidUtf8 {
        offset: error.valid_up_to(),
        in_line: true,
    })?;
    let trimmed = line.trim_start();
    if !trimmed.starts_with('{') {
        return Err(match serde_json::from_str::<IgnoredAny>(trimmed) {
            Ok(_) => ReadErrorKind::NotAnObject {
                found: json_kind_of_text(trimmed),
            },
            Err(error) => malformed(&error),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(line);
    let fields = FieldsSeed { map }
        .deserialize(&mut deserializer)
        .and_then(|fields| deserializer.end().map(|()| fields))
        .map_err(|error| malformed(&error))?;
    fields.into_record(map)
}

fn malformed(error: &serde_json::Error) -> ReadErrorKind {
    // serde_json's message ends with " at line L column C"; the line is already in the origin.
    let message = error.to_string();
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    ReadErrorKind::MalformedJson {
        column: error.column(),
        message,
    }
}

fn json_kind_of_text(text: &str) -> &'static str {
    match text.as_bytes().first() {
        Some(b'[') => "an array",
        Some(b'"') => "a string",
        Some(b't' | b'f') => "a boolean",
        Some(b'n') => "null",
        _ => "a number",
    }
}

fn json_kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The values found for each field, with the rank of the key they came from.
#[derive(Default)]
struct FoundFields {
    values: [Option<(u8, Value)>; 6],
}

impl FoundFields {
    fn take(&mut self, field: Field) -> Option<(u8, Value)> {
        self.values[field.index()].take()
    }

    fn into_record(mut self, map: &FieldMap) -> Result<(Metadata, String), ReadErrorKind> {
        let text_keys = map.keys(Field::Text);
        let (text, text_key) = match self.take(Field::Text) {
            None | Some((_, Value::Null)) => {
                return Err(ReadErrorKind::MissingText {
                    keys: text_keys.to_vec(),
                });
            }
            Some((rank, value)) => {
                let key = text_keys
                    .get(usize::from(rank))
                    .map_or("text", String::as_str);
                match value {
                    Value::String(text) => (text, key),
                    other => {
                        return Err(ReadErrorKind::TextNotString {
                            key: key.to_string(),
                            found: json_kind(&other),
                        });
                    }
                }
            }
        };
        let text = trim_owned(text);
        if text.is_empty() {
            return Err(ReadErrorKind::EmptyText {
                key: text_key.to_string(),
            });
        }
        let meta = Metadata {
            title: self.take_string(Field::Title),
            published: self.take_date(),
            source: self.take_string(Field::Source),
            url: self.take_string(Field::Url),
            byline: self.take_string(Field::Byline),
        };
        Ok((meta, text))
    }

    /// A string field, trimmed; a list of strings (several authors) is joined with ", ".
    fn take_string(&mut self, field: Field) -> Option<String> {
        let text = match self.take(field)?.1 {
            Value::String(text) => trim_owned(text),
            Value::Array(items) => items
                .iter()
                .filter_map(Value::as_str)
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .collect::<Vec<_>>()
                .join(", "),
            Value::Number(number) => number.to_string(),
            _ => return None,
        };
        (!text.is_empty()).then_some(text)
    }

    fn take_date(&mut self) -> Option<chrono::NaiveDate> {
        match self.take(Field::Date)?.1 {
            Value::String(text) if text.trim().is_empty() => None,
            Value::String(text) => {
                let date = parse_date(&text);
                if date.is_none() {
                    tracing::warn!(date = %text, "unrecognised date; published left empty");
                }
                date
            }
            _ => None,
        }
    }
}

/// Trims whitespace in place, without a new allocation.
fn trim_owned(mut text: String) -> String {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    text.drain(..start);
    text
}

/// Decodes one JSON object, keeping only the values of keys the map names.
struct FieldsSeed<'a> {
    map: &'a FieldMap,
}

impl<'de> DeserializeSeed<'de> for FieldsSeed<'_> {
    type Value = FoundFields;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<FoundFields, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FieldsSeed<'_> {
    type Value = FoundFields;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut entries: A) -> Result<FoundFields, A::Error> {
        let mut found = FoundFields::default();
        while let Some(ranks) = entries.next_key_seed(KeySeed { map: self.map })? {
            let wanted = ranks
                .iter()
                .zip(&found.values)
                .any(|(rank, current)| rank.is_some_and(|rank| better(rank, current)));
            if !wanted {
                entries.next_value::<IgnoredAny>()?;
                continue;
            }
            let mut value: Value = entries.next_value()?;
            let mut targets = ranks
                .iter()
                .zip(found.values.iter_mut())
                .filter_map(|(rank, slot)| {
                    rank.filter(|&rank| better(rank, slot))
                        .map(|rank| (rank, slot))
                })
                .peekable();
            // Usually one field takes the value: move it there; copy only for a shared key.
            while let Some((rank, slot)) = targets.next() {
                *slot = Some(if targets.peek().is_some() {
                    (rank, value.clone())
                } else {
                    (rank, std::mem::take(&mut value))
                });
            }
        }
        Ok(found)
    }
}

/// Whether a key of `rank` should replace what a field holds: it has nothing yet, or holds a
/// null or a value from a less preferred key.
fn better(rank: u8, current: &Option<(u8, Value)>) -> bool {
    match current {
        None => true,
        Some((_, Value::Null)) => true,
        Some((current_rank, _)) => rank < *current_rank,
    }
}

/// Decodes an object key straight into the fields it feeds, borrowing it where JSON allows.
struct KeySeed<'a> {
    map: &'a FieldMap,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = [Option<u8>; 6];

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = [Option<u8>; 6];

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("an object key")
    }

    fn visit_str<E: serde::de::Error>(self, key: &str) -> Result<Self::Value, E> {
        Ok(self.map.ranks_of(key))
    }
}
