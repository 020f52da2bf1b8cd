//! Word lists for both languages: month and weekday names, number words, ordinals, and the
//! parsing of digit tokens. Every look-up takes a folded word (see [`tessera_doc::DocView::norm`]).

/// A month name: its number (1–12) and whether it is an abbreviation (`Feb.`, `sept`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct MonthName {
    pub(crate) month: u32,
    pub(crate) abbreviated: bool,
}

/// The month a folded word names. `english`/`spanish` select the lists. A trailing dot (kept by
/// the tokeniser on abbreviations) is ignored.
pub(crate) fn month(word: &str, english: bool, spanish: bool) -> Option<MonthName> {
    let dotted = word.ends_with('.');
    let word = word.strip_suffix('.').unwrap_or(word);
    let full = |month| {
        Some(MonthName {
            month,
            abbreviated: false,
        })
    };
    let short = |month| {
        Some(MonthName {
            month,
            abbreviated: true,
        })
    };
    if english {
        let found = match word {
            "january" => full(1),
            "february" => full(2),
            "march" => full(3),
            "april" => full(4),
            "may" => full(5),
            "june" => full(6),
            "july" => full(7),
            "august" => full(8),
            "september" => full(9),
            "october" => full(10),
            "november" => full(11),
            "december" => full(12),
            "jan" => short(1),
            "feb" => short(2),
            "mar" => short(3),
            "apr" => short(4),
            "jun" => short(6),
            "jul" => short(7),
            "aug" => short(8),
            "sep" | "sept" => short(9),
            "oct" => short(10),
            "nov" => short(11),
            "dec" => short(12),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    if spanish {
        let found = match word {
            "enero" => full(1),
            "febrero" => full(2),
            "marzo" => full(3),
            "abril" => full(4),
            "mayo" => full(5),
            "junio" => full(6),
            "julio" => full(7),
            "agosto" => full(8),
            "septiembre" | "setiembre" => full(9),
            "octubre" => full(10),
            "noviembre" => full(11),
            "diciembre" => full(12),
            // Short Spanish forms collide with words ("mar" is "sea"), so only dotted ones count.
            "ene" if dotted => short(1),
            "feb" if dotted => short(2),
            "abr" if dotted => short(4),
            "ago" if dotted => short(8),
            "sept" | "sep" if dotted => short(9),
            "dic" if dotted => short(12),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The weekday a folded word names, Monday = 0.
pub(crate) fn weekday(word: &str, english: bool, spanish: bool) -> Option<u32> {
    if english {
        let found = match word {
            "monday" => Some(0),
            "tuesday" => Some(1),
            "wednesday" => Some(2),
            "thursday" => Some(3),
            "friday" => Some(4),
            "saturday" => Some(5),
            "sunday" => Some(6),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    if spanish {
        return match word {
            "lunes" => Some(0),
            "martes" => Some(1),
            "miercoles" => Some(2),
            "jueves" => Some(3),
            "viernes" => Some(4),
            "sabado" => Some(5),
            "domingo" => Some(6),
            _ => None,
        };
    }
    None
}

/// The role a number word plays when words are combined into one value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum NumberWord {
    /// Added to the current group: "five", "twenty", "doscientos", "cien".
    Add(f64),
    /// Multiplies the current group by 100: English "hundred".
    Hundred,
    /// Multiplies the current group by 12: "dozen", "docena".
    Dozen,
    /// Closes the group below a million: "thousand", "mil".
    Thousand,
    /// Closes everything before it: "million" (1e6), "billion" (1e9), "billón" (1e12).
    Scale(f64),
}

/// The number word a folded word is. Spanish "un"/"una" (also articles) are included: callers
/// decide when a value of one counts.
pub(crate) fn number_word(word: &str, english: bool, spanish: bool) -> Option<NumberWord> {
    use NumberWord::{Add, Dozen, Hundred, Scale, Thousand};
    if english {
        let found = match word {
            "one" => Add(1.0),
            "two" => Add(2.0),
            "three" => Add(3.0),
            "four" => Add(4.0),
            "five" => Add(5.0),
            "six" => Add(6.0),
            "seven" => Add(7.0),
            "eight" => Add(8.0),
            "nine" => Add(9.0),
            "ten" => Add(10.0),
            "eleven" => Add(11.0),
            "twelve" => Add(12.0),
            "thirteen" => Add(13.0),
            "fourteen" => Add(14.0),
            "fifteen" => Add(15.0),
            "sixteen" => Add(16.0),
            "seventeen" => Add(17.0),
            "eighteen" => Add(18.0),
            "nineteen" => Add(19.0),
            "twenty" => Add(20.0),
            "thirty" => Add(30.0),
            "forty" => Add(40.0),
            "fifty" => Add(50.0),
            "sixty" => Add(60.0),
            "seventy" => Add(70.0),
            "eighty" => Add(80.0),
            "ninety" => Add(90.0),
            "hundred" => Hundred,
            "thousand" => Thousand,
            "million" | "mln" => Scale(1e6),
            "billion" | "bln" | "bn" => Scale(1e9),
            "trillion" => Scale(1e12),
            "dozen" => Dozen,
            _ => return english_compound(word).or_else(|| spanish_word(word, spanish)),
        };
        return Some(found);
    }
    spanish_word(word, spanish)
}

/// "twenty-five": a tens word and a unit word joined by a hyphen.
fn english_compound(word: &str) -> Option<NumberWord> {
    let (tens, unit) = word.split_once('-')?;
    match (
        number_word(tens, true, false)?,
        number_word(unit, true, false)?,
    ) {
        (NumberWord::Add(t), NumberWord::Add(u)) if t >= 20.0 && t % 10.0 == 0.0 && u < 10.0 => {
            Some(NumberWord::Add(t + u))
        }
        _ => None,
    }
}

fn spanish_word(word: &str, spanish: bool) -> Option<NumberWord> {
    use NumberWord::{Add, Dozen, Scale, Thousand};
    if !spanish {
        return None;
    }
    let value = match word {
        "un" | "una" | "uno" => 1.0,
        "dos" => 2.0,
        "tres" => 3.0,
        "cuatro" => 4.0,
        "cinco" => 5.0,
        "seis" => 6.0,
        "siete" => 7.0,
        "ocho" => 8.0,
        "nueve" => 9.0,
        "diez" => 10.0,
        "once" => 11.0,
        "doce" => 12.0,
        "trece" => 13.0,
        "catorce" => 14.0,
        "quince" => 15.0,
        "dieciseis" => 16.0,
        "diecisiete" => 17.0,
        "dieciocho" => 18.0,
        "diecinueve" => 19.0,
        "veinte" => 20.0,
        "veintiun" | "veintiuno" | "veintiuna" => 21.0,
        "veintidos" => 22.0,
        "veintitres" => 23.0,
        "veinticuatro" => 24.0,
        "veinticinco" => 25.0,
        "veintiseis" => 26.0,
        "veintisiete" => 27.0,
        "veintiocho" => 28.0,
        "veintinueve" => 29.0,
        "treinta" => 30.0,
        "cuarenta" => 40.0,
        "cincuenta" => 50.0,
        "sesenta" => 60.0,
        "setenta" => 70.0,
        "ochenta" => 80.0,
        "noventa" => 90.0,
        "cien" | "ciento" => 100.0,
        "doscientos" | "doscientas" => 200.0,
        "trescientos" | "trescientas" => 300.0,
        "cuatrocientos" | "cuatrocientas" => 400.0,
        "quinientos" | "quinientas" => 500.0,
        "seiscientos" | "seiscientas" => 600.0,
        "setecientos" | "setecientas" => 700.0,
        "ochocientos" | "ochocientas" => 800.0,
        "novecientos" | "novecientas" => 900.0,
        "mil" => return Some(Thousand),
        "millon" | "millones" => return Some(Scale(1e6)),
        "billon" | "billones" => return Some(Scale(1e12)),
        "docena" => return Some(Dozen),
        _ => return None,
    };
    Some(Add(value))
}

/// Ordinal words: "first" .. "twelfth", "primero" .. "décimo" (all genders and apocopes).
pub(crate) fn ordinal_word(word: &str, english: bool, spanish: bool) -> Option<u32> {
    if english {
        let found = match word {
            "first" => Some(1),
            "second" => Some(2),
            "third" => Some(3),
            "fourth" => Some(4),
            "fifth" => Some(5),
            "sixth" => Some(6),
            "seventh" => Some(7),
            "eighth" => Some(8),
            "ninth" => Some(9),
            "tenth" => Some(10),
            "eleventh" => Some(11),
            "twelfth" => Some(12),
            _ => None,
        };
        if found.is_some() {
            return found;
        }
    }
    if spanish {
        return match word {
            "primer" | "primero" | "primera" | "primeros" | "primeras" => Some(1),
            "segundo" | "segunda" => Some(2),
            "tercer" | "tercero" | "tercera" => Some(3),
            "cuarto" | "cuarta" => Some(4),
            "quinto" | "quinta" => Some(5),
            "sexto" | "sexta" => Some(6),
            "septimo" | "septima" => Some(7),
            "octavo" | "octava" => Some(8),
            "noveno" | "novena" => Some(9),
            "decimo" | "decima" => Some(10),
            _ => None,
        };
    }
    None
}

/// A number token's digits read as an ordinal: "1st", "22nd", "3rd", "4th", "1º", "3ª", "1er",
/// "2do", "4to". Returns the number.
pub(crate) fn digit_ordinal(raw: &str) -> Option<u32> {
    let digits_end = raw.find(|c: char| !c.is_ascii_digit())?;
    let (digits, suffix) = raw.split_at(digits_end);
    if digits.is_empty() || digits.len() > 4 {
        return None;
    }
    let suffix_ok = matches!(
        suffix,
        "st" | "nd"
            | "rd"
            | "th"
            | "º"
            | "ª"
            | "°"
            | "o"
            | "a"
            | "er"
            | "ero"
            | "ra"
            | "ro"
            | "do"
            | "da"
            | "to"
            | "ta"
            | "vo"
            | "va"
            | "no"
            | "na"
            | "mo"
            | "ma"
            | "ST"
            | "ND"
            | "RD"
            | "TH"
    );
    if suffix_ok { digits.parse().ok() } else { None }
}

/// A plain number token's value: digits with group separators and one decimal mark.
///
/// - Both `,` and `.` present: the last one is the decimal mark (`1,234.5`, `1.234,5`).
/// - One kind repeated (`1,250,000`, `1.250.000`): group separators.
/// - One `,` followed by exactly three digits: a group separator (`1,250`), in both languages
///   (Mexican and US style agree); otherwise a decimal comma (`5,9`).
/// - One `.` followed by exactly three digits: a group separator in Spanish (`1.250`), a
///   decimal point in English; otherwise a decimal point (`5.93`).
///
/// Anything else (`10:30`, `3-1`, `2/26`, letters) is not a plain number.
pub(crate) fn parse_digits(raw: &str, spanish_first: bool) -> Option<f64> {
    if raw.is_empty()
        || !raw
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    if !raw.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
        return None;
    }
    let commas = raw.bytes().filter(|&b| b == b',').count();
    let dots = raw.bytes().filter(|&b| b == b'.').count();
    let decimal_mark = match (commas, dots) {
        (0, 0) => None,
        (c, d) if c > 0 && d > 0 => {
            let last_comma = raw.rfind(',');
            let last_dot = raw.rfind('.');
            if last_comma > last_dot {
                Some(',')
            } else {
                Some('.')
            }
        }
        (c, 0) if c > 1 => None,
        (0, d) if d > 1 => None,
        (1, 0) => {
            let after = raw.rsplit(',').next().unwrap_or_default();
            if after.len() == 3 { None } else { Some(',') }
        }
        _ => {
            let after = raw.rsplit('.').next().unwrap_or_default();
            if after.len() == 3 && spanish_first {
                None
            } else {
                Some('.')
            }
        }
    };
    // Digits accumulate as a whole mantissa, divided once at the end, so 5.93 reads as the
    // nearest double to 5.93 rather than 5 + 0.9 + 0.03.
    let mut mantissa = 0.0f64;
    let mut decimals: Option<i32> = None;
    for c in raw.chars() {
        if let Some(digit) = c.to_digit(10) {
            mantissa = mantissa * 10.0 + f64::from(digit);
            decimals = decimals.map(|d| d + 1);
        } else if Some(c) == decimal_mark {
            if decimals.is_some() {
                return None;
            }
            decimals = Some(0);
        }
    }
    Some(mantissa / 10f64.powi(decimals.unwrap_or(0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_follow_the_separator_rules() {
        assert_eq!(parse_digits("1,250", false), Some(1250.0));
        assert_eq!(parse_digits("1,250", true), Some(1250.0));
        assert_eq!(parse_digits("1.250", true), Some(1250.0));
        assert_eq!(parse_digits("1.250", false), Some(1.25));
        assert_eq!(parse_digits("5.93", true), Some(5.93));
        assert_eq!(parse_digits("5,9", true), Some(5.9));
        assert_eq!(parse_digits("1,250,000", false), Some(1_250_000.0));
        assert_eq!(parse_digits("1.250.000", true), Some(1_250_000.0));
        assert_eq!(parse_digits("1.234,56", true), Some(1234.56));
        assert_eq!(parse_digits("1,234.56", false), Some(1234.56));
        assert_eq!(parse_digits("10:30", false), None);
        assert_eq!(parse_digits("3-1", false), None);
        assert_eq!(parse_digits("3rd", false), None);
        assert_eq!(parse_digits("1.2.3,4,5", false), None);
    }

    #[test]
    fn digit_ordinals_in_both_languages() {
        assert_eq!(digit_ordinal("1st"), Some(1));
        assert_eq!(digit_ordinal("22nd"), Some(22));
        assert_eq!(digit_ordinal("1º"), Some(1));
        assert_eq!(digit_ordinal("3ª"), Some(3));
        assert_eq!(digit_ordinal("1er"), Some(1));
        assert_eq!(digit_ordinal("4to"), Some(4));
        assert_eq!(digit_ordinal("15"), None);
        assert_eq!(digit_ordinal("5bn"), None);
    }

    #[test]
    fn month_abbreviations_need_a_dot_in_spanish() {
        assert_eq!(month("mar", false, true), None);
        assert_eq!(
            month("dic.", false, true),
            Some(MonthName {
                month: 12,
                abbreviated: true
            })
        );
        assert_eq!(
            month("feb.", true, false),
            Some(MonthName {
                month: 2,
                abbreviated: true
            })
        );
        assert_eq!(month("setiembre", false, true).map(|m| m.month), Some(9));
    }

    #[test]
    fn compound_english_number_words() {
        assert_eq!(
            number_word("twenty-five", true, false),
            Some(NumberWord::Add(25.0))
        );
        assert_eq!(number_word("twenty-twenty", true, false), None);
        assert_eq!(
            number_word("veintidos", false, true),
            Some(NumberWord::Add(22.0))
        );
    }
}
