//! The values stage: dates (resolved against the publication date) and numbers found by rules,
//! kept in the document's values layer and marked as DATE and NUM mentions.

use tessera_doc::{DocView, Document, Mention, MentionKind, NumberKind, Span};

/// Fills `doc.values` and adds its DATE and NUM mentions.
pub fn find_values(doc: &mut Document) {
    let values = tessera_time::find_values(&DocView::new(doc), doc.lang(), doc.meta.published);
    let found = values
        .dates
        .iter()
        .map(|d| (d.start, d.end, MentionKind::Date))
        // A year inside a date is part of the DATE mention, not a count.
        .chain(
            values
                .numbers
                .iter()
                .filter(|n| !matches!(n.kind, NumberKind::Year))
                .map(|n| (n.start, n.end, MentionKind::Num)),
        );
    doc.mentions
        .extend(found.map(|(start, end, kind)| Mention::new(Span::new(start, end), kind)));
    doc.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    doc.values = values;
}
