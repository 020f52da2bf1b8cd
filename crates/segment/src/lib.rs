//! Tessera's segmentation stage: language detection, sentence splitting and tokenisation over
//! unaltered text.
//!
//! Nothing here copies or rewrites the text: [`segment`] returns byte spans into it (on
//! character boundaries), so every later annotation can point back at the exact words. The
//! tokeniser and the splitter are one left-to-right pass each over the text, with no regular
//! expressions and no per-token allocation; abbreviation and sentence-starter look-ups go
//! through small sorted tables (see the `lists` module) with a stack buffer for lower-casing.
//!
//! ```
//! let text = "Gen. J. R. Smith of the U.S. Army arrived at 10:30 a.m. on Jan. 5. He left.";
//! let lang = tessera_segment::detect_language(text);
//! assert_eq!(lang.as_ref().map(|l| l.code), Some(tessera_doc::Lang::EN));
//! let seg = tessera_segment::segment(text, lang.map(|l| l.code));
//! let sentences: Vec<&str> = seg.sentences.iter().map(|s| &text[s.span.range()]).collect();
//! assert_eq!(
//!     sentences,
//!     ["Gen. J. R. Smith of the U.S. Army arrived at 10:30 a.m. on Jan. 5.", "He left."]
//! );
//! ```

mod chars;
mod common_words;
mod dateline;
mod language;
mod layout;
mod lexicon;
mod lists;
mod sentences;
mod tokenize;

pub use dateline::find_dateline;
use tessera_doc::{Lang, Language, Segmentation};

/// The language of `text`: the ISO 639-1 code where one exists (`"en"`, `"es"`, `"fr"`,
/// `"de"`, `"pt"`, `"it"`, `"nl"`, `"ru"`, `"ar"`, `"zh"`, `"ja"`, ...) else whatlang's
/// ISO 639-3 code, with whatlang's confidence in `[0, 1]`.
///
/// Looks at the first ~2,000 bytes only. Returns `None` for a text of fewer than three words
/// (or no recognisable script). Case is ignored, so all-capitals headlines still detect.
pub fn detect_language(text: &str) -> Option<Language> {
    language::detect(text)
}

/// Sentences and tokens of `text`. `lang` is the detected language and selects the
/// abbreviation lists: English, Spanish, or both for any other language or none.
///
/// Guarantees, for any input:
/// - every span is a byte range into `text` on character boundaries;
/// - tokens are in order, do not overlap, and cover every non-whitespace character exactly
///   once (whitespace as `char::is_whitespace`);
/// - sentences are in order, each holds at least one token, together they hold every token
///   exactly once, and each sentence's span runs from its first token's start to its last
///   token's end.
///
/// The tokenisation conventions (`$5` is `$` `5`, `15%` is `15` `%`, `company’s` is `company`
/// `’s`, `U.S.` and `Gen.` keep their dot, ...) are listed in the `tokenize` module, and the
/// sentence rules in the `sentences` module. A text longer than `u32::MAX` bytes (beyond what
/// a span can address) is segmented up to that length only.
pub fn segment(text: &str, lang: Option<Lang>) -> Segmentation {
    let text = addressable_prefix(text);
    let lexicon = lexicon::Lexicon::for_language(lang);
    let tokens = tokenize::tokenize(text, lexicon);
    let sentences = sentences::split_sentences(text, &tokens, lexicon);
    Segmentation { sentences, tokens }
}

/// The part of `text` that `u32` spans can address.
fn addressable_prefix(text: &str) -> &str {
    let limit = u32::MAX as usize;
    if text.len() <= limit {
        text
    } else {
        text.get(..text.floor_char_boundary(limit))
            .unwrap_or_default()
    }
}
