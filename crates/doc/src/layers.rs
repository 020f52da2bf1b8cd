use crate::Span;
use serde::{Deserialize, Serialize};

/// The coarse class of a token, decided from its characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    Word,
    Number,
    Punct,
    Symbol,
}

impl TokenKind {
    fn code(self) -> u8 {
        match self {
            TokenKind::Word => 0,
            TokenKind::Number => 1,
            TokenKind::Punct => 2,
            TokenKind::Symbol => 3,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => TokenKind::Word,
            1 => TokenKind::Number,
            2 => TokenKind::Punct,
            3 => TokenKind::Symbol,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// A sentence: its span and the half-open range of its tokens in [`Segmentation::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub first_token: u32,
    pub token_count: u32,
}

/// The segmentation layer: sentences and tokens, in text order, not overlapping.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Segmentation {
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
}

/// What a mention names: the four CoNLL entity kinds, plus dates and numbers found by rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum MentionKind {
    Per,
    Org,
    Loc,
    Misc,
    Date,
    Num,
}

impl MentionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Per => "PER",
            MentionKind::Org => "ORG",
            MentionKind::Loc => "LOC",
            MentionKind::Misc => "MISC",
            MentionKind::Date => "DATE",
            MentionKind::Num => "NUM",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "PER" => MentionKind::Per,
            "ORG" => MentionKind::Org,
            "LOC" => MentionKind::Loc,
            "MISC" => MentionKind::Misc,
            "DATE" => MentionKind::Date,
            "NUM" => MentionKind::Num,
            _ => return None,
        })
    }

    /// Whether this is a name (from the recogniser) rather than a rule-found value.
    pub fn is_name(self) -> bool {
        matches!(
            self,
            MentionKind::Per | MentionKind::Org | MentionKind::Loc | MentionKind::Misc
        )
    }
}

/// A span of text that names something or states a date or number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
    /// The entity (in [`crate::Document::entities`]) it refers to, once entities are resolved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<crate::EntityId>,
}

impl Mention {
    /// A mention not yet linked to an entity.
    pub fn new(span: Span, kind: MentionKind) -> Self {
        Mention {
            span,
            kind,
            entity: None,
        }
    }
}

/// Why an encoded segmentation could not be read back.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("corrupt segmentation blob at byte {offset}: {reason}")]
pub struct DecodeError {
    pub offset: usize,
    pub reason: &'static str,
}

impl Segmentation {
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &[Token] {
        let start = sentence.first_token as usize;
        let end = start + sentence.token_count as usize;
        self.tokens.get(start..end).unwrap_or(&[])
    }

    /// A compact encoding for storage: LEB128 varints of gaps and lengths, so a token costs
    /// about three bytes instead of a row in a table.
    pub fn encode(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(8 + self.tokens.len() * 3 + self.sentences.len() * 4);
        put_varint(&mut out, self.tokens.len() as u64);
        let mut cursor = 0u32;
        for token in &self.tokens {
            put_span(&mut out, token.span, cursor);
            out.push(token.kind.code());
            cursor = token.span.end;
        }
        put_varint(&mut out, self.sentences.len() as u64);
        let mut cursor = 0u32;
        for sentence in &self.sentences {
            put_varint(
                &mut out,
                u64::from(sentence.span.start.saturating_sub(cursor)),
            );
            put_varint(&mut out, u64::from(sentence.span.end - sentence.span.start));
            put_varint(&mut out, u64::from(sentence.first_token));
            put_varint(&mut out, u64::from(sentence.token_count));
            cursor = sentence.span.end;
        }
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<Self, DecodeError> {
        let mut reader = VarintReader { bytes, offset: 0 };
        let token_count = reader.next_u32()?;
        let mut tokens = Vec::with_capacity(token_count.min(1 << 20) as usize);
        let mut cursor = 0u32;
        for _ in 0..token_count {
            let Span { start, end } = reader.next_span(cursor)?;
            let kind = TokenKind::from_code(reader.next_byte()?).ok_or(reader.err("bad kind"))?;
            tokens.push(Token {
                span: Span { start, end },
                kind,
            });
            cursor = end;
        }
        let sentence_count = reader.next_u32()?;
        let mut sentences = Vec::with_capacity(sentence_count.min(1 << 16) as usize);
        let mut cursor = 0u32;
        for _ in 0..sentence_count {
            let Span { start, end } = reader.next_span(cursor)?;
            let first_token = reader.next_u32()?;
            let token_count = reader.next_u32()?;
            sentences.push(Sentence {
                span: Span { start, end },
                first_token,
                token_count,
            });
            cursor = end;
        }
        Ok(Segmentation { sentences, tokens })
    }
}

/// A span as its gap from the previous span's end (`cursor`) and its length.
fn put_span(out: &mut Vec<u8>, span: Span, cursor: u32) {
    put_varint(out, u64::from(span.start.saturating_sub(cursor)));
    put_varint(out, u64::from(span.end.saturating_sub(span.start)));
}

fn put_varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

struct VarintReader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl VarintReader<'_> {
    fn err(&self, reason: &'static str) -> DecodeError {
        DecodeError {
            offset: self.offset,
            reason,
        }
    }

    fn next_byte(&mut self) -> Result<u8, DecodeError> {
        let byte = *self.bytes.get(self.offset).ok_or(self.err("truncated"))?;
        self.offset += 1;
        Ok(byte)
    }

    /// A span written by [`put_span`] after a previous span ending at `cursor`.
    fn next_span(&mut self, cursor: u32) -> Result<Span, DecodeError> {
        let start = cursor
            .checked_add(self.next_u32()?)
            .ok_or(self.err("overflow"))?;
        let end = start
            .checked_add(self.next_u32()?)
            .ok_or(self.err("overflow"))?;
        Ok(Span { start, end })
    }

    fn next_u32(&mut self) -> Result<u32, DecodeError> {
        let mut value = 0u64;
        for shift in (0..35).step_by(7) {
            let byte = self.next_byte()?;
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return u32::try_from(value).map_err(|_| self.err("value too large"));
            }
        }
        Err(self.err("varint too long"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encoding_round_trips() {
        let tokens = vec![
            Token {
                span: Span::new(0, 5),
                kind: TokenKind::Word,
            },
            Token {
                span: Span::new(6, 300),
                kind: TokenKind::Number,
            },
            Token {
                span: Span::new(300, 301),
                kind: TokenKind::Punct,
            },
            Token {
                span: Span::new(70_000, 70_004),
                kind: TokenKind::Symbol,
            },
        ];
        let sentences = vec![
            Sentence {
                span: Span::new(0, 301),
                first_token: 0,
                token_count: 3,
            },
            Sentence {
                span: Span::new(70_000, 70_004),
                first_token: 3,
                token_count: 1,
            },
        ];
        let seg = Segmentation { sentences, tokens };
        let bytes = seg.encode();
        assert_eq!(Segmentation::decode(&bytes), Ok(seg));
    }

    #[test]
    fn truncated_blob_is_an_error_not_a_panic() {
        let seg = Segmentation {
            sentences: vec![],
            tokens: vec![Token {
                span: Span::new(0, 3),
                kind: TokenKind::Word,
            }],
        };
        let bytes = seg.encode();
        for cut in 0..bytes.len() {
            assert!(Segmentation::decode(&bytes[..cut]).is_err());
        }
    }
}
