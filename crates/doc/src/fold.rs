//! The one folding rule: how Tessera compares words as readers do, case and accents aside.
//!
//! - **lower**: Unicode lowercase, nothing else ("Año" → "año").
//! - **fold** (the token's normalised form): lowercase with the accents and marks of Latin
//!   letters removed by compatibility decomposition ("Michoacán" → "michoacan", "Año" → "ano",
//!   "Aydın" → "aydin", "Łódź" → "lodz", "Straße" → "strasse"), and the typographic apostrophes
//!   as the plain one ("d’Ivoire" → "d'ivoire"). Spaces and punctuation are kept, so a folded
//!   text has the same words as the original.
//! - **key** (for name look-ups: gazetteer, entities across documents): the fold, with dots and
//!   apostrophes dropped ("U.S." = "US", "EE.UU." = "EEUU") and any other run of punctuation
//!   or spaces as one space, trimmed.
//!
//! `ñ` folds to `n` like any other accented letter: names are written both ways in news
//! ("Peña"/"Pena"), and no word list depends on the difference.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Appends the folded form of one character (one or more characters: "ß" → "ss").
pub fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    let expansion: &str = match c {
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' => "d",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        '’' | '‘' | 'ʼ' | 'ʻ' | '´' | '`' => "'",
        _ => "",
    };
    if !expansion.is_empty() {
        out.push_str(expansion);
        return;
    }
    decompose_compatible(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// `text` folded: lowercase, no accents (see the module documentation).
pub fn fold(text: &str) -> String {
    collect(text, fold_into)
}

/// [`fold`] appending to `out`, to reuse one buffer over many words.
pub fn fold_into(text: &str, out: &mut String) {
    map_chars_into(text, out, fold_char_into);
}

/// `text` in lowercase, accents kept.
pub fn lower(text: &str) -> String {
    collect(text, lower_into)
}

/// [`lower`] appending to `out`.
pub fn lower_into(text: &str, out: &mut String) {
    map_chars_into(text, out, |c, out| out.extend(c.to_lowercase()));
}

fn collect(text: &str, into: fn(&str, &mut String)) -> String {
    let mut out = String::with_capacity(text.len());
    into(text, &mut out);
    out
}

/// Appends `text` with each character mapped by `map`; ASCII text (most words) is only
/// lowercased, which is what every mapping does to it.
fn map_chars_into(text: &str, out: &mut String, map: impl Fn(char, &mut String)) {
    if text.is_ascii() {
        out.extend(text.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        text.chars().for_each(|c| map(c, out));
    }
}

/// The look-up key of a name: its fold without dots or apostrophes, other punctuation and
/// spaces as single spaces, trimmed.
pub fn fold_key(text: &str) -> String {
    collect(text, fold_key_into)
}

/// [`fold_key`] appending to `out`.
pub fn fold_key_into(text: &str, out: &mut String) {
    let base = out.len();
    let mut pending_space = false;
    let mut folded = String::with_capacity(4);
    for c in text.chars() {
        folded.clear();
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else {
            fold_char_into(c, &mut folded);
        }
        for f in folded.chars() {
            if f.is_alphanumeric() {
                if pending_space && out.len() > base {
                    out.push(' ');
                }
                pending_space = false;
                out.push(f);
            } else if !matches!(f, '.' | '\'') {
                pending_space = true;
            }
        }
    }
}

/// The folded form of a capital letter, kept a capital ("Á" → "A"), for comparing initials.
pub fn fold_capital(c: char) -> char {
    let mut folded = String::with_capacity(4);
    fold_char_into(c, &mut folded);
    let plain = folded.chars().next().unwrap_or(c);
    if c.is_uppercase() {
        plain.to_uppercase().next().unwrap_or(plain)
    } else {
        plain
    }
}

/// Wire agencies, by folded name: named as the carrier or a source of a story, never the body
/// that a later "the agency" or "its director" stands for.
const WIRE_AGENCIES: &[&str] = &["reuters", "ap", "afp", "efe", "associated press", "dpa"];

/// Whether a name is a wire agency's ("Reuters", "AFP", "EFE").
pub fn is_wire_agency(name: &str) -> bool {
    WIRE_AGENCIES.contains(&fold(name).trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spanish_case_accents_and_enye_fold_together() {
        assert_eq!(fold("Michoacán"), "michoacan");
        assert_eq!(fold("CÁRTEL Año"), "cartel ano");
        assert_eq!(fold("Peña Nieto"), fold("Pena Nieto"));
        assert_eq!(fold("Güero, ¿qué?"), "guero, ¿que?");
        assert_eq!(fold("MIÉRCOLES"), "miercoles");
    }

    #[test]
    fn english_case_apostrophes_and_other_latin_letters() {
        assert_eq!(fold("Cervantes’"), "cervantes'");
        assert_eq!(fold("The U.S. Army"), "the u.s. army");
        assert_eq!(fold("Aydın Łódź Straße Ærø"), "aydin lodz strasse aero");
        assert_eq!(fold("naïve café"), "naive cafe");
    }

    #[test]
    fn lower_keeps_accents() {
        let mut out = String::new();
        lower_into("Año MÉXICO", &mut out);
        assert_eq!(out, "año méxico");
    }

    #[test]
    fn keys_drop_dots_and_apostrophes_and_collapse_punctuation() {
        assert_eq!(fold_key("Michoacán de Ocampo"), "michoacan de ocampo");
        assert_eq!(fold_key("EE. UU."), "ee uu");
        assert_eq!(fold_key("EE.UU."), fold_key("EEUU"));
        assert_eq!(fold_key("U.S."), fold_key("US"));
        assert_eq!(fold_key("Côte d’Ivoire"), "cote divoire");
        assert_eq!(fold_key("  SÃO   PAULO "), "sao paulo");
        assert_eq!(fold_key("Winston-Salem"), "winston salem");
        assert_eq!(fold_key("St. John's"), "st johns");
        assert_eq!(fold_key("..."), "");
    }

    #[test]
    fn capitals_stay_capitals() {
        assert_eq!(fold_capital('Á'), 'A');
        assert_eq!(fold_capital('ñ'), 'n');
        assert_eq!(fold_capital('Ñ'), 'N');
    }
}
