use serde::{Deserialize, Serialize};

/// A byte range `[start, end)` into a document's UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

/// Why a span cannot be applied to a text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SpanError {
    #[error("span {start}..{end} is reversed")]
    Reversed { start: u32, end: u32 },
    #[error("span {start}..{end} runs past the end of a {len}-byte text")]
    OutOfBounds { start: u32, end: u32, len: usize },
    #[error("span {start}..{end} does not fall on UTF-8 character boundaries")]
    NotOnCharBoundary { start: u32, end: u32 },
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        // Texts are capped well below 4 GiB by the readers, so u32 offsets are enough and halve
        // the size of the token layer.
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The text this span covers, or an error saying why it cannot be taken.
    pub fn text<'a>(&self, text: &'a str) -> Result<&'a str, SpanError> {
        let (start, end) = (self.start, self.end);
        if start > end {
            return Err(SpanError::Reversed { start, end });
        }
        if end as usize > text.len() {
            return Err(SpanError::OutOfBounds {
                start,
                end,
                len: text.len(),
            });
        }
        text.get(self.range())
            .ok_or(SpanError::NotOnCharBoundary { start, end })
    }

    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_round_trips_and_rejects_bad_spans() {
        let text = "Michoacán y Jalisco";
        let span = Span::new(0, "Michoacán".len());
        assert_eq!(span.text(text), Ok("Michoacán"));
        assert_eq!(
            Span::new(0, 8).text(text),
            Err(SpanError::NotOnCharBoundary { start: 0, end: 8 })
        );
        assert!(matches!(
            Span::new(3, 200).text(text),
            Err(SpanError::OutOfBounds { .. })
        ));
        assert!(matches!(
            Span { start: 5, end: 2 }.text(text),
            Err(SpanError::Reversed { .. })
        ));
    }
}
