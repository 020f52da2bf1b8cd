//! Tessera's time and quantity rules: finds date expressions and number/amount expressions in
//! English and Spanish news text, and resolves dates against the publication date.
//!
//! Both finders are one left-to-right pass over the tokens of the segmentation layer
//! ([`tessera_doc::Token`], byte spans into the unaltered text), with small word tables, no
//! regular expressions and no allocation beyond the results.
//!
//! ```
//! use chrono::NaiveDate;
//! let text = "Security forces killed him on Sunday, officials said.";
//! let tokens = tessera_segment::segment(text, Some(tessera_doc::Lang::EN)).tokens;
//! let published = NaiveDate::from_ymd_opt(2026, 2, 24); // a Tuesday
//! let dates = tessera_time::find_dates(text, &tokens, Some(tessera_doc::Lang::EN), published);
//! assert_eq!(dates[0].text, "Sunday");
//! assert_eq!(dates[0].resolved.as_ref().map(|r| r.value.as_str()), Some("2026-02-22"));
//!
//! let text = "Al menos 14 personas murieron.";
//! let tokens = tessera_segment::segment(text, Some(tessera_doc::Lang::ES)).tokens;
//! let numbers = tessera_time::find_numbers(text, &tokens, Some(tessera_doc::Lang::ES));
//! assert_eq!(numbers[0].value, Some(14.0));
//! assert_eq!(numbers[0].unit.as_deref(), Some("personas"));
//! ```
//!
//! See [`find_dates`] and [`find_numbers`] for what is found, the span conventions and the
//! resolution rules.

mod dates;
mod lexicon;
mod numbers;
#[cfg(test)]
mod test_support;
mod words;

pub use dates::find_dates;
pub use numbers::find_numbers;

/// Dates and numbers together over a document's shared view, reading the tokens once: what
/// [`find_dates`] and [`find_numbers`] give separately.
pub fn find_values(
    view: &tessera_doc::DocView<'_>,
    lang: Option<tessera_doc::Lang>,
    published: Option<chrono::NaiveDate>,
) -> tessera_doc::Values {
    let words = words::Lexed::new(view, lang);
    tessera_doc::Values {
        dates: dates::dates_in(&words, published),
        numbers: numbers::numbers_in(&words),
    }
}
pub use tessera_doc::{
    DateMention, DatePrecision as Precision, Direction, NumberKind, NumberMention, Quantity,
    ResolvedDate, ResolvedDateError,
};
