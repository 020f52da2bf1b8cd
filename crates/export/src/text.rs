//! Escaping for the text formats: CSV fields and XML.

/// A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.
pub(crate) fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// Text for an XML attribute or element; characters XML 1.0 cannot hold at all are dropped.
pub(crate) fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Whitespace runs (line breaks included) as single spaces.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A short id that stays the same for the same parts in every export (64-bit FNV-1a, in hex).
pub(crate) fn stable_id(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        // A separator byte that text cannot hold, so ("ab", "c") and ("a", "bc") differ.
        for byte in part.bytes().chain([0xff]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Days since 1970-01-01 of the first day `YYYY`, `YYYY-MM` or `YYYY-MM-DD…` names.
pub(crate) fn epoch_days(text: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let year = number(0..4)?;
    let month = if text.len() >= 7 { number(5..7)? } else { 1 };
    let day = if text.len() >= 10 { number(8..10)? } else { 1 };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    // Days from civil (proleptic Gregorian), counting years from March so leap days fall last.
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let shifted_month = (month + 9) % 12;
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    Some(era * 146_097 + day_of_era - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv("Culiacán"), "Culiacán");
        assert_eq!(csv("a, b"), "\"a, b\"");
        assert_eq!(csv("he said \"no\""), "\"he said \"\"no\"\"\"");
        assert_eq!(xml("<b>&\u{1}'"), "&lt;b&gt;&amp;&apos;");
        assert_eq!(one_line(" a\n\n b  c "), "a b c");
    }

    #[test]
    fn stable_ids_depend_on_every_part_and_its_boundaries() {
        assert_eq!(stable_id(&["a", "bc"]), stable_id(&["a", "bc"]));
        assert_ne!(stable_id(&["ab", "c"]), stable_id(&["a", "bc"]));
        assert_eq!(stable_id(&[]).len(), 16);
    }
}
