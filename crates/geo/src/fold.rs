//! Name folding: the key under which names are indexed and looked up.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds a place name to its lookup key: accents removed, lower case, periods and apostrophes
/// dropped ("U.S." and "US" meet, so do "EE.UU." and "EEUU"), other punctuation turned into
/// single spaces, outer spaces trimmed.
///
/// ```
/// assert_eq!(tessera_geo::fold_name("Michoacán de Ocampo"), "michoacan de ocampo");
/// assert_eq!(tessera_geo::fold_name("EE. UU."), "ee uu");
/// assert_eq!(tessera_geo::fold_name("Mont-Royal"), "mont royal");
/// ```
pub fn fold_name(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// [`fold_name`] appending to `out`, to reuse one buffer over many names.
pub(crate) fn fold_into(text: &str, out: &mut String) {
    let base = out.len();
    let mut folder = Folder {
        out,
        base,
        pending_space: false,
    };
    if text.is_ascii() {
        text.chars().for_each(|c| folder.feed(c));
    } else {
        text.nfkd()
            .filter(|&c| !is_combining_mark(c))
            .for_each(|c| folder.feed(c));
    }
}

/// Accumulates a folded key, collapsing runs of separators into one space.
struct Folder<'a> {
    out: &'a mut String,
    /// Where this name starts in `out` (no space is put before its first character).
    base: usize,
    pending_space: bool,
}

impl Folder<'_> {
    fn push(&mut self, c: char) {
        if self.pending_space && self.out.len() > self.base {
            self.out.push(' ');
        }
        self.pending_space = false;
        self.out.push(c);
    }

    fn feed(&mut self, c: char) {
        if c.is_ascii_alphanumeric() {
            self.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            // Letters that do not decompose into a base letter and a mark.
            let expansion: &[char] = match c {
                'ß' => &['s', 's'],
                'æ' | 'Æ' => &['a', 'e'],
                'œ' | 'Œ' => &['o', 'e'],
                'ø' | 'Ø' => &['o'],
                'đ' | 'Đ' => &['d'],
                'ł' | 'Ł' => &['l'],
                'ı' => &['i'],
                _ => &[],
            };
            if expansion.is_empty() {
                for lower in c.to_lowercase() {
                    self.push(lower);
                }
            } else {
                expansion.iter().for_each(|&e| self.push(e));
            }
        } else if !matches!(c, '.' | '\'' | '’' | '‘' | '`' | 'ʼ' | 'ʻ' | '´') {
            self.pending_space = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_and_punctuation_fold_together() {
        assert_eq!(fold_name("Ciudad de México"), "ciudad de mexico");
        assert_eq!(fold_name("  SÃO   PAULO "), "sao paulo");
        assert_eq!(fold_name("U.S."), fold_name("US"));
        assert_eq!(fold_name("EE.UU."), fold_name("EEUU"));
        assert_eq!(fold_name("Côte d’Ivoire"), "cote divoire");
        assert_eq!(fold_name("Aydın"), "aydin");
        assert_eq!(fold_name("Łódź"), "lodz");
        assert_eq!(fold_name("St. John's"), "st johns");
        assert_eq!(fold_name("Winston-Salem"), "winston salem");
        assert_eq!(fold_name("..."), "");
    }
}
