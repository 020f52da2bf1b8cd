use serde::{Deserialize, Serialize};
use std::fmt;

/// A document's identity: a hash of its source and its content (title and text), so the same
/// article read twice, from whatever file, is the same document.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DocId(String);

/// Hex characters kept from the hash: 128 bits, ample against accidental collision.
const ID_HEX_LEN: usize = 32;

impl DocId {
    pub fn compute(source: Option<&str>, title: Option<&str>, text: &str) -> Self {
        let mut hasher = blake3::Hasher::new();
        // Each field is length-prefixed so that moving bytes between fields changes the hash.
        for field in [source.unwrap_or(""), title.unwrap_or(""), text] {
            hasher.update(&(field.len() as u64).to_le_bytes());
            hasher.update(field.as_bytes());
        }
        let hex = hasher.finalize().to_hex();
        DocId(hex[..ID_HEX_LEN].to_string())
    }

    /// Accepts an id as printed by Tessera (or a unique prefix of one, resolved by the store).
    pub fn from_hex(s: &str) -> Option<Self> {
        let ok = !s.is_empty() && s.len() <= ID_HEX_LEN && s.bytes().all(|b| b.is_ascii_hexdigit());
        ok.then(|| DocId(s.to_ascii_lowercase()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for DocId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_content_same_id_and_fields_do_not_bleed() {
        let a = DocId::compute(Some("Reuters"), Some("Title"), "Body");
        assert_eq!(a, DocId::compute(Some("Reuters"), Some("Title"), "Body"));
        assert_ne!(a, DocId::compute(Some("AP"), Some("Title"), "Body"));
        assert_ne!(
            DocId::compute(None, Some("ab"), "c"),
            DocId::compute(None, Some("a"), "bc")
        );
        assert_eq!(a.as_str().len(), ID_HEX_LEN);
    }

    #[test]
    fn parses_hex_prefixes_only() {
        assert!(DocId::from_hex("abc123").is_some());
        assert!(DocId::from_hex("xyz").is_none());
        assert!(DocId::from_hex("").is_none());
    }
}
