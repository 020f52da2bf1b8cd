//! How the tagger sees a sentence written without case (all capitals, as in some wire
//! headlines and archives, or no capitals, as in transcripts): each word in lower case,
//! capitalised where it starts the sentence, is part of a known place name, or is no common
//! word of the language (a name, a day, a word the language writes with a capital), as a
//! reader restores it. The document text itself is never changed; only the tagger's view is.
//!
//! The common words are the case lexicons `assets/case/{en,es}.common.gz`, compiled by
//! `tools/case/` from the words news and treebank text writes in lower case.

use flate2::read::GzDecoder;
use std::collections::HashSet;
use std::io::Read;
use std::sync::LazyLock;
use tessera_doc::{Case, DocView, Lang};
use tessera_geo::{FeatureKind, Gazetteer};

static EMBEDDED_EN: &[u8] = include_bytes!("../../../assets/case/en.common.gz");
static EMBEDDED_ES: &[u8] = include_bytes!("../../../assets/case/es.common.gz");

/// The words English writes in lower case inside a sentence.
static COMMON_EN: LazyLock<HashSet<String>> = LazyLock::new(|| common_words(EMBEDDED_EN));
/// The words Spanish writes in lower case inside a sentence.
static COMMON_ES: LazyLock<HashSet<String>> = LazyLock::new(|| common_words(EMBEDDED_ES));

/// One word a line. An unreadable lexicon is empty, and then only sentence starts and places
/// get capitals, as before the lexicons.
fn common_words(compressed: &[u8]) -> HashSet<String> {
    let mut text = String::new();
    if GzDecoder::new(compressed)
        .read_to_string(&mut text)
        .is_err()
    {
        tracing::warn!("the embedded case lexicon cannot be read");
        return HashSet::new();
    }
    text.lines().map(str::to_string).collect()
}

/// Endings a word may add to a common word and stay common ("dredgers", "pumping").
const COMMON_ENDINGS: &[&str] = &[
    "s", "es", "ed", "d", "ing", "ly", "er", "ers", "mente", "ción", "ciones",
];

/// Whether the lower-case `word` is a common word of `lang` (of either language when it is
/// not known), by itself or with an ending taken off.
pub(crate) fn is_common(word: &str, lang: Option<Lang>) -> bool {
    let lexicons: &[&HashSet<String>] = match lang {
        Some(Lang::EN) => &[&COMMON_EN],
        Some(Lang::ES) => &[&COMMON_ES],
        _ => &[&COMMON_EN, &COMMON_ES],
    };
    lexicons.iter().any(|lexicon| {
        lexicon.is_empty()
            || lexicon.contains(word)
            || COMMON_ENDINGS.iter().any(|ending| {
                word.strip_suffix(ending)
                    .is_some_and(|stem| stem.chars().count() >= 3 && lexicon.contains(stem))
            })
    })
}

/// The longest place name, in words, looked up.
const MAX_NAME_WORDS: usize = 4;
/// A one-word name must be a place of this many people (or a country or state) to be
/// capitalised: small towns share their names with common words.
const MIN_TOWN_POPULATION: u64 = 50_000;
/// Words a sentence needs before its case is judged.
const MIN_WORDS: usize = 3;

/// Words never taken for a place on their own.
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "in", "on", "at", "to", "for", "by", "from", "with", "as", "or", "a", "an",
    "de", "del", "la", "las", "el", "los", "y", "en", "con", "por", "para", "al", "un", "una",
    "que", "se", "su", "sus", "no", "it", "he", "she", "they", "we", "is", "was", "are",
];

/// The words of sentence tokens `range` as the tagger should see them, or `None` when the
/// sentence has ordinary case.
pub fn truecased(
    view: &DocView<'_>,
    range: std::ops::Range<usize>,
    gazetteer: Option<&Gazetteer>,
) -> Option<Vec<String>> {
    // One pass, stopping at the first word in ordinary case (most sentences stop at once).
    let (mut words, mut upper, mut lower) = (0usize, true, true);
    let mut first_word = None;
    for i in range.clone() {
        match view.case(i) {
            Case::NoLetters => continue,
            Case::Upper => lower = false,
            Case::Lower => upper = false,
            _ => return None,
        }
        if !upper && !lower {
            return None;
        }
        words += 1;
        first_word.get_or_insert(i);
    }
    if words < MIN_WORDS {
        return None;
    }
    let mut out: Vec<String> = range.clone().map(|i| view.lower(i).to_string()).collect();
    let at = |i: usize| i - range.start;
    if let Some(first) = first_word {
        capitalise(&mut out[at(first)]);
    }
    // A word the language never writes in lower case is a name ("tarkwa", "addo-bempah").
    let lang = view.doc().and_then(|d| d.lang());
    for i in range.clone() {
        let word = view.lower(i);
        if view.case(i) != Case::NoLetters
            && word.chars().count() >= 2
            && word
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !FUNCTION_WORDS.contains(&word)
            && !is_common(word, lang)
        {
            capitalise_parts(&mut out[at(i)]);
        }
    }
    let Some(gazetteer) = gazetteer else {
        return Some(out);
    };
    let mut i = range.start;
    while i < range.end {
        let longest = (1..=MAX_NAME_WORDS.min(range.end - i))
            .rev()
            .find(|&n| is_place_name(view, i, n, gazetteer));
        match longest {
            Some(n) => {
                for j in i..i + n {
                    if !FUNCTION_WORDS.contains(&view.norm(j)) {
                        capitalise(&mut out[at(j)]);
                    }
                }
                i += n;
            }
            None => i += 1,
        }
    }
    Some(out)
}

/// Whether tokens `start..start + n` are a known place: any gazetteer name of two or more
/// words, or one word naming a country, a first-level division, a region or a large town.
fn is_place_name(view: &DocView<'_>, start: usize, n: usize, gazetteer: &Gazetteer) -> bool {
    let edge_words = [view.norm(start), view.norm(start + n - 1)];
    if edge_words
        .iter()
        .any(|w| FUNCTION_WORDS.contains(w) || w.len() < 3)
        || (start..start + n).any(|j| view.case(j) == Case::NoLetters)
    {
        return false;
    }
    let key = tessera_geo::fold_name(view.slice(start, start + n - 1));
    gazetteer.lookup_folded(&key).iter().any(|candidate| {
        n > 1
            || matches!(
                candidate.place.kind,
                FeatureKind::Country
                    | FeatureKind::Admin1
                    | FeatureKind::Region
                    | FeatureKind::Continent
            )
            || candidate.place.population >= MIN_TOWN_POPULATION
    })
}

/// "addo-bempah" as "Addo-Bempah".
fn capitalise_parts(word: &mut String) {
    let parts: Vec<String> = word
        .split('-')
        .map(|part| {
            let mut part = part.to_string();
            capitalise(&mut part);
            part
        })
        .collect();
    *word = parts.join("-");
}

fn capitalise(word: &mut String) {
    if let Some(first) = word.chars().next() {
        let upper: String = first.to_uppercase().collect();
        word.replace_range(..first.len_utf8(), &upper);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tessera_doc::{Document, Metadata, Origin, SourceRecord};

    fn view_of(text: &str) -> Document {
        let mut doc = Document::from_record(SourceRecord {
            origin: Origin::file("t"),
            meta: Metadata::default(),
            text: text.into(),
        });
        doc.set_segmentation(tessera_segment::segment(text, None));
        doc
    }

    #[test]
    fn sentences_without_case_get_sentence_and_place_capitals() {
        let gazetteer = Gazetteer::embedded().expect("the gazetteer loads");
        let doc = view_of("police fired tear gas at workers in dhaka and north waziristan.");
        let view = DocView::new(&doc);
        let words = truecased(&view, view.sentence_tokens(0), Some(&gazetteer)).unwrap_or_default();
        assert_eq!(
            words.join(" "),
            "Police fired tear gas at workers in Dhaka and North Waziristan ."
        );
        let doc = view_of("TROOPS ARRESTED THREE MEN IN MOGADISHU ON SUNDAY.");
        let view = DocView::new(&doc);
        let words = truecased(&view, view.sentence_tokens(0), Some(&gazetteer)).unwrap_or_default();
        assert_eq!(
            words.join(" "),
            "Troops arrested three men in Mogadishu on Sunday ."
        );
        // Words no lexicon writes in lower case are names; common words with an ending stay.
        let doc =
            view_of("THE CHAIRMAN, KOFI ANTWI-BOASIAKO, SAID DREDGERS WERE SEIZED IN OBUASIKROM.");
        let view = DocView::new(&doc);
        let words = truecased(&view, view.sentence_tokens(0), Some(&gazetteer)).unwrap_or_default();
        assert_eq!(
            words.join(" "),
            "The chairman , Kofi Antwi-Boasiako , said dredgers were seized in Obuasikrom ."
        );
    }

    #[test]
    fn sentences_with_ordinary_case_are_left_alone() {
        let doc = view_of("Police fired tear gas at workers in Dhaka.");
        let view = DocView::new(&doc);
        assert!(truecased(&view, view.sentence_tokens(0), None).is_none());
    }
}
