//! When an event happened: the date expression of its sentence nearest the trigger, else the
//! previous sentence's last one, else the publication date (precision `publication`).

use chrono::NaiveDate;
use tessera_doc::{Document, EventDate, Span};
use tessera_time::{DateMention, Direction, Precision};

/// The dates of sentence `index` of `doc`, resolved against the publication date.
pub(crate) fn sentence_dates(doc: &Document, index: usize, lang: Option<&str>) -> Vec<DateMention> {
    let Some(sentence) = doc.segmentation.sentences.get(index) else {
        return Vec::new();
    };
    let tokens = doc.segmentation.sentence_tokens(sentence);
    tessera_time::find_dates(&doc.text, tokens, lang, doc.meta.published)
        .into_iter()
        .filter(|d| d.resolved.is_some())
        .collect()
}

/// The dates of each sentence, found at most once (or taken from the document's dates when the
/// pipeline already found them).
pub(crate) struct DateCache<'k> {
    found: Vec<Option<Vec<DateMention>>>,
    known: Option<&'k [DateMention]>,
}

impl<'k> DateCache<'k> {
    pub fn new(sentences: usize, known: Option<&'k [DateMention]>) -> Self {
        DateCache {
            found: vec![None; sentences],
            known,
        }
    }

    pub fn get(&mut self, doc: &Document, index: usize, lang: Option<&str>) -> &[DateMention] {
        let known = self.known;
        match self.found.get_mut(index) {
            Some(slot) => slot.get_or_insert_with(|| match known {
                Some(all) => within_sentence(doc, index, all)
                    .filter(|d| d.resolved.is_some())
                    .cloned()
                    .collect(),
                None => sentence_dates(doc, index, lang),
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

impl Located for tessera_time::NumberMention {
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

/// The date mention a trigger at `trigger` takes, and whether it came from its own sentence.
pub(crate) fn pick<'d>(
    here: &'d [DateMention],
    previous: &'d [DateMention],
    trigger: Span,
) -> Option<&'d DateMention> {
    let at = trigger.start as usize;
    here.iter()
        .min_by_key(|d| {
            if d.end <= at {
                at - d.end
            } else {
                d.start.saturating_sub(at)
            }
        })
        .or_else(|| previous.last())
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
            precision: precision_name(resolved.precision).to_string(),
            text: mention.text.clone(),
            span: Some(Span::new(mention.start, mention.end)),
        });
    }
    published.map(|date| EventDate {
        value: date.format("%Y-%m-%d").to_string(),
        precision: "publication".to_string(),
        text: String::new(),
        span: None,
    })
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Day => "day",
        Precision::Week => "week",
        Precision::Month => "month",
        Precision::Year => "year",
    }
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
