//! Dates and numbers found by rules (DATE and NUM mentions), in both languages.

use tessera_doc::{Document, Mention, MentionKind, Span};
use tessera_time::{DateMention, NumberMention};

/// Adds DATE and NUM mentions; returns the dates (resolved) and numbers for later stages.
pub fn find_values(doc: &mut Document) -> (Vec<DateMention>, Vec<NumberMention>) {
    let lang = doc.lang.as_ref().map(|l| l.code.as_str());
    let tokens = &doc.segmentation.tokens;
    let (dates, numbers) = tessera_time::find_values(&doc.text, tokens, lang, doc.meta.published);
    let found = dates
        .iter()
        .map(|d| (d.start, d.end, MentionKind::Date))
        // A year inside a date is part of the DATE mention, not a count.
        .chain(
            numbers
                .iter()
                .filter(|n| !matches!(n.kind, tessera_time::NumberKind::Year))
                .map(|n| (n.start, n.end, MentionKind::Num)),
        );
    doc.mentions.extend(found.map(|(start, end, kind)| Mention {
        span: Span::new(start, end),
        kind,
    }));
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    (dates, numbers)
}
