//! Quotation marks in the forms news text uses, for nicknames and titles in quotes.

/// Opening quotation marks.
pub(crate) fn is_open_quote(word: &str) -> bool {
    matches!(word, "\"" | "“" | "«" | "‘" | "'")
}

/// Closing quotation marks.
pub(crate) fn is_close_quote(word: &str) -> bool {
    matches!(word, "\"" | "”" | "»" | "’" | "'")
}
