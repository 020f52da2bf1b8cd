//! What a caller can tell the readers: a forced format, the JSON Lines field mapping, a default
//! source name, directory filters and limits.

use crate::Format;
use std::fmt;
use std::str::FromStr;
use std::time::Duration;

/// Options for [`crate::read_inputs`].
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Read every input as this format; otherwise by extension (or Content-Type), else sniffed.
    pub format: Option<Format>,
    /// Which JSON Lines keys feed which record fields.
    pub map: FieldMap,
    /// A source name given to records whose input names none.
    pub source: Option<String>,
    /// Glob patterns a file in a directory walk must match (any of them; all files when empty),
    /// against its path relative to the directory or its file name. A file matching one is read
    /// even when its extension is not a known one.
    pub include: Vec<String>,
    /// Glob patterns for files and directories a walk leaves out.
    pub exclude: Vec<String>,
    /// The largest file, document, JSON line or HTTP body read; anything larger is an error.
    pub max_document_bytes: u64,
    /// The whole-request timeout for fetching a URL.
    pub http_timeout: Duration,
}

/// 16 MiB: far above any news article, low enough to refuse a mistaken multi-gigabyte input.
pub const DEFAULT_MAX_DOCUMENT_BYTES: u64 = 16 * 1024 * 1024;
/// The default whole-request timeout for URLs.
pub const DEFAULT_HTTP_TIMEOUT: Duration = Duration::from_secs(20);

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            format: None,
            map: FieldMap::default(),
            source: None,
            include: Vec::new(),
            exclude: Vec::new(),
            max_document_bytes: DEFAULT_MAX_DOCUMENT_BYTES,
            http_timeout: DEFAULT_HTTP_TIMEOUT,
        }
    }
}

/// A record field that a JSON Lines key can feed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// The headline.
    Title,
    /// The article text (required).
    Text,
    /// The publication date.
    Date,
    /// The outlet or agency.
    Source,
    /// The article's address.
    Url,
    /// The author or authors.
    Byline,
}

impl Field {
    /// Every field, in declaration order.
    pub const ALL: [Field; 6] = [
        Field::Title,
        Field::Text,
        Field::Date,
        Field::Source,
        Field::Url,
        Field::Byline,
    ];

    /// The field's name as a field map writes it (`title`, `text`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Text => "text",
            Field::Date => "date",
            Field::Source => "source",
            Field::Url => "url",
            Field::Byline => "byline",
        }
    }

    /// The field's position in [`Field::ALL`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    fn default_keys(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["title", "headline"],
            Field::Text => &["text", "body", "content", "article"],
            Field::Date => &["date", "published", "publish_date", "pubdate"],
            Field::Source => &["source", "outlet", "publisher"],
            Field::Url => &["url", "link"],
            Field::Byline => &["byline", "author"],
        }
    }
}

impl FromStr for Field {
    type Err = FieldMapError;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        let name = name.trim();
        Field::ALL
            .into_iter()
            .find(|field| field.name().eq_ignore_ascii_case(name))
            .ok_or_else(|| FieldMapError::UnknownField(name.to_string()))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Which JSON Lines keys feed each record field. Keys match case-insensitively; when an object
/// has several keys for one field, the one listed first wins.
///
/// The default tries common names (text: `text|body|content|article`, title: `title|headline`,
/// date: `date|published|publish_date|pubdate`, source: `source|outlet|publisher`,
/// url: `url|link`, byline: `byline|author`). Parse `"title=headline,text=body"` to replace
/// the keys of the fields named (alternatives separated by `|`) and keep the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldMap {
    keys: [Vec<String>; 6],
}

impl Default for FieldMap {
    fn default() -> Self {
        FieldMap {
            keys: Field::ALL.map(|field| {
                field
                    .default_keys()
                    .iter()
                    .map(|key| key.to_string())
                    .collect()
            }),
        }
    }
}

impl FieldMap {
    /// The keys that feed `field`, most preferred first.
    pub fn keys(&self, field: Field) -> &[String] {
        &self.keys[field.index()]
    }

    /// Replaces the keys that feed `field`.
    pub fn set(&mut self, field: Field, keys: Vec<String>) {
        self.keys[field.index()] = keys;
    }

    /// For a JSON key, the rank (0 = most preferred) it has for each field it feeds.
    pub(crate) fn ranks_of(&self, key: &str) -> [Option<u8>; 6] {
        let mut ranks = [None; 6];
        for (field_keys, rank) in self.keys.iter().zip(ranks.iter_mut()) {
            *rank = field_keys
                .iter()
                .position(|candidate| candidate.eq_ignore_ascii_case(key))
                .map(|position| position.min(usize::from(u8::MAX)) as u8);
        }
        ranks
    }
}

/// Why a `--map` string could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FieldMapError {
    /// A name before `=` that is not a field.
    #[error(
        "unknown field {0:?} in the field map; expected title, text, date, source, url or byline"
    )]
    UnknownField(String),
    /// An entry without `=`.
    #[error("expected FIELD=KEY in the field map, found {0:?}")]
    NotAnAssignment(String),
    /// A field given no key.
    #[error("no key given for the field {0} in the field map")]
    EmptyKey(Field),
}

impl FromStr for FieldMap {
    type Err = FieldMapError;

    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        let mut map = FieldMap::default();
        for assignment in spec.split(',').map(str::trim).filter(|a| !a.is_empty()) {
            let (field, keys) = assignment
                .split_once('=')
                .ok_or_else(|| FieldMapError::NotAnAssignment(assignment.to_string()))?;
            let field: Field = field.parse()?;
            let keys: Vec<String> = keys
                .split('|')
                .map(str::trim)
                .filter(|key| !key.is_empty())
                .map(str::to_string)
                .collect();
            if keys.is_empty() {
                return Err(FieldMapError::EmptyKey(field));
            }
            map.set(field, keys);
        }
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parsing_replaces_named_fields_and_keeps_defaults() {
        let map: FieldMap = "title=headline, text=Body|content ,byline=author"
            .parse()
            .unwrap();
        assert_eq!(map.keys(Field::Title), ["headline"]);
        assert_eq!(map.keys(Field::Text), ["Body", "content"]);
        assert_eq!(map.keys(Field::Date), FieldMap::default().keys(Field::Date));
    }

    #[test]
    fn parsing_rejects_bad_specs() {
        assert_eq!(
            "colour=red".parse::<FieldMap>(),
            Err(FieldMapError::UnknownField("colour".into()))
        );
        assert_eq!(
            "title".parse::<FieldMap>(),
            Err(FieldMapError::NotAnAssignment("title".into()))
        );
        assert_eq!(
            "text=".parse::<FieldMap>(),
            Err(FieldMapError::EmptyKey(Field::Text))
        );
        assert_eq!("".parse::<FieldMap>(), Ok(FieldMap::default()));
    }

    #[test]
    fn ranks_match_case_insensitively_and_prefer_earlier_keys() {
        let map = FieldMap::default();
        let ranks = map.ranks_of("Headline");
        assert_eq!(ranks[Field::Title.index()], Some(1));
        assert_eq!(ranks[Field::Text.index()], None);
        assert_eq!(map.ranks_of("BODY")[Field::Text.index()], Some(1));
        assert_eq!(map.ranks_of("text_type"), [None; 6]);
    }
}
