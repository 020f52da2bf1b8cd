//! When an event happened: the date expression of its sentence nearest the trigger, else the
//! scene of the events before it, else the publication date (precision `publication`).

use chrono::NaiveDate;
use tessera_doc::{DateMention, DatePrecision, Direction, DocView, Document, EventDate, Span};

/// The resolved dates of each sentence, picked out of the document's values once.
pub(crate) struct DateCache {
    found: Vec<Option<Vec<DateMention>>>,
}

impl DateCache {
    pub fn new(sentences: usize) -> Self {
        DateCache {
            found: vec![None; sentences],
        }
    }

    pub fn get(&mut self, doc: &Document, index: usize) -> &[DateMention] {
        match self.found.get_mut(index) {
            Some(slot) => slot.get_or_insert_with(|| {
                within_sentence(doc, index, &doc.values.dates)
                    .filter(|d| d.resolved.is_some())
                    .cloned()
                    .collect()
            }),
            None => &[],
        }
    }
}

/// The items of a document-wide list (by byte offsets) that lie in sentence `index`.
pub(crate) fn within_sentence<'a, T: Located>(
    doc: &Document,
    index: usize,
    all: &'a [T],
) -> impl Iterator<Item = &'a T> {
    let span = doc
        .segmentation
        .sentences
        .get(index)
        .map_or(Span::new(0, 0), |s| s.span);
    all.iter()
        .filter(move |item| item.start() >= span.start as usize && item.end() <= span.end as usize)
}

/// Something found by offsets in the text.
pub(crate) trait Located {
    fn start(&self) -> usize;
    fn end(&self) -> usize;
}

impl Located for DateMention {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl Located for tessera_doc::NumberMention {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// The date mention of its own sentence a trigger at `trigger` takes: the nearest.
pub(crate) fn pick(here: &[DateMention], trigger: Span) -> Option<&DateMention> {
    let at = trigger.start as usize;
    here.iter().min_by_key(|d| {
        if d.end <= at {
            at - d.end
        } else {
            d.start.saturating_sub(at)
        }
    })
}

pub(crate) fn event_date(
    mention: Option<&DateMention>,
    published: Option<NaiveDate>,
) -> Option<EventDate> {
    if let Some(mention) = mention
        && let Some(resolved) = &mention.resolved
    {
        return Some(EventDate {
            value: resolved.value.clone(),
            precision: resolved.precision,
            text: mention.text.clone(),
            span: Some(Span::new(mention.start, mention.end)),
        });
    }
    published.map(|date| EventDate {
        value: date.format("%Y-%m-%d").to_string(),
        precision: DatePrecision::Publication,
        text: String::new(),
        span: None,
    })
}

/// The date of the scene the last dated event set, for an event told with no date of its own
/// (an event dated only by publication sets no scene): its value and precision, without words
/// of its own.
pub(crate) fn scene_date(events: &[tessera_doc::Event]) -> Option<EventDate> {
    let last = events
        .iter()
        .rev()
        .filter_map(|e| e.date.as_ref())
        .find(|d| d.precision != DatePrecision::Publication)?;
    Some(EventDate {
        text: String::new(),
        span: None,
        ..last.clone()
    })
}

/// Whether the date lies after publication, or its words point forward.
pub(crate) fn is_future(mention: &DateMention, published: Option<NaiveDate>) -> bool {
    if mention.direction == Direction::Future {
        return true;
    }
    match (&mention.resolved, published) {
        (Some(resolved), Some(published)) => resolved
            .day_range()
            .is_ok_and(|(start, _)| start > published),
        _ => false,
    }
}

/// Whether the date ended more than a year before publication.
pub(crate) fn is_historical(mention: &DateMention, published: Option<NaiveDate>) -> bool {
    match (&mention.resolved, published) {
        (Some(resolved), Some(published)) => resolved
            .day_range()
            .is_ok_and(|(_, end)| (published - end).num_days() > 365),
        _ => false,
    }
}

/// The reporting verb a date whose first token is `at` follows, telling when something was
/// reported: right after it, past "on", "el", "this" or a listener ("said on Monday",
/// "informó ayer", "told reporters on Monday").
pub(crate) fn report_verb_before(words: &DocView, at: usize, first: usize) -> Option<usize> {
    let mut i = at;
    while i > first && at - i < 3 {
        i -= 1;
        let w = words.lower(i);
        if tessera_claims::is_reporting_verb(w) {
            return Some(i);
        }
        if !matches!(
            w,
            "on" | "el" | "la" | "this" | "este" | "esta" | "reporters" | "late" | "early"
        ) {
            return None;
        }
    }
    None
}

/// Whether the word at `at` lies in what a statement at `last` demands, threatens or says
/// will happen: past a complement word ("to", "que", "if", "hasta"), or far from the verb.
pub(crate) fn in_complement(words: &DocView, last: usize, at: usize) -> bool {
    at > last + 5
        || (last + 1..at).any(|i| {
            matches!(
                words.lower(i),
                "to" | "que"
                    | "if"
                    | "unless"
                    | "until"
                    | "si"
                    | "hasta"
                    | "antes"
                    | "before"
                    | "para"
            )
        })
}
