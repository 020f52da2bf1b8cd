//! A language by its ISO code, small enough to copy, so stages compare values, not strings.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A language: ISO 639-1 where one exists (`en`, `es`), otherwise ISO 639-3 (`cmn`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Lang {
    code: [u8; 3],
}

impl Lang {
    pub const EN: Lang = Lang { code: *b"en\0" };
    pub const ES: Lang = Lang { code: *b"es\0" };
    /// Undetermined (ISO 639-2 `und`).
    pub const UND: Lang = Lang { code: *b"und" };

    /// A language from its two- or three-letter lowercase ASCII code.
    pub fn parse(code: &str) -> Option<Lang> {
        let bytes = code.as_bytes();
        if !(2..=3).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_lowercase) {
            return None;
        }
        let mut out = [0u8; 3];
        out[..bytes.len()].copy_from_slice(bytes);
        Some(Lang { code: out })
    }

    pub fn as_str(&self) -> &str {
        let len = if self.code[2] == 0 { 2 } else { 3 };
        std::str::from_utf8(&self.code[..len]).unwrap_or("")
    }

    /// Whether the pipeline has word lists and a model for this language.
    pub fn is_supported(self) -> bool {
        self == Lang::EN || self == Lang::ES
    }
}

impl fmt::Debug for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Lang({})", self.as_str())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        Lang::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("not a language code: {text:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_bad_ones_are_refused() {
        assert_eq!(Lang::parse("en"), Some(Lang::EN));
        assert_eq!(
            Lang::parse("cmn").map(|l| l.to_string()).as_deref(),
            Some("cmn")
        );
        assert_eq!(Lang::ES.as_str(), "es");
        assert!(Lang::parse("EN").is_none() && Lang::parse("e").is_none());
        assert!(Lang::parse("engl").is_none());
        assert!(Lang::ES.is_supported() && !Lang::parse("fr").is_some_and(Lang::is_supported));
    }
}
