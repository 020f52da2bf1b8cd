//! Line layout: what the whitespace between two tokens holds, whether a text is hard-wrapped
//! (a newline every line of ~70 characters, as in Reuters wire copy) or written one paragraph
//! per line, and whether a line looks like a heading.

/// Lines at least this long count when deciding whether a text is hard-wrapped.
const MIN_TEXT_LINE: usize = 20;
/// Lines longer than this are paragraphs, not wrapped lines.
const MAX_WRAPPED_LINE: usize = 100;

/// The line breaks in the whitespace between two tokens: 0, 1, or 2 for a paragraph break
/// (a blank line, a form feed or U+2029).
pub(crate) fn line_breaks(text: &str, from: usize, to: usize) -> u8 {
    let Some(gap) = text.as_bytes().get(from..to) else {
        return 0;
    };
    let mut breaks = 0u8;
    let mut bytes = gap.iter().peekable();
    while let Some(&byte) = bytes.next() {
        breaks = breaks.saturating_add(match byte {
            b'\n' | 0x0B => 1,
            b'\r' if bytes.peek() != Some(&&b'\n') => 1,
            0x0C => 2,
            // U+0085 NEXT LINE is C2 85.
            0xC2 if bytes.peek() == Some(&&0x85) => 1,
            // U+2028 LINE SEPARATOR is E2 80 A8; U+2029 PARAGRAPH SEPARATOR is E2 80 A9.
            0xE2 if bytes.peek() == Some(&&0x80) => {
                bytes.next();
                match bytes.peek() {
                    Some(0xA8) => 1,
                    Some(0xA9) => 2,
                    _ => 0,
                }
            }
            _ => 0,
        });
        if breaks >= 2 {
            return 2;
        }
    }
    breaks
}

/// Whether the text is hard-wrapped: it has at least two lines of text and at most one in five
/// of them is longer than a wrapped line can be. In such a text a single newline is just a
/// space; in a text written one paragraph per line, every newline ends a paragraph.
pub(crate) fn is_hard_wrapped(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut text_lines = 0usize;
    let mut long_lines = 0usize;
    let mut line_start = 0usize;
    let mut count = |len: usize| {
        if len >= MIN_TEXT_LINE {
            text_lines += 1;
            if len > MAX_WRAPPED_LINE {
                long_lines += 1;
            }
        }
    };
    for newline in memchr::memchr_iter(b'\n', bytes) {
        count(newline - line_start);
        line_start = newline + 1;
    }
    count(bytes.len().saturating_sub(line_start));
    text_lines >= 2 && long_lines * 5 <= text_lines
}

/// The line that ends at byte `end` (from the previous newline, or the start of the text).
pub(crate) fn line_ending_at(text: &str, end: usize) -> &str {
    let bytes = text.as_bytes();
    let head = bytes.get(..end).unwrap_or(bytes);
    let start = memchr::memrchr(b'\n', head).map_or(0, |newline| newline + 1);
    text.get(start..end).unwrap_or_default()
}

/// The line that starts at byte `start` (up to the next newline, or the end of the text).
pub(crate) fn line_starting_at(text: &str, start: usize) -> &str {
    let Some(rest) = text.get(start..) else {
        return "";
    };
    let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default()
}

/// A heading, for line-break purposes: at least two capital letters and no lower-case ones
/// (`BAHIA COCOA REVIEW`, `MAESTRA DE 30 AÑOS ...`).
pub(crate) fn is_heading_line(line: &str) -> bool {
    let mut capitals = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            capitals += 1;
        }
    }
    capitals >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_count_newlines_and_paragraph_breaks() {
        let text = "a b\nc\r\nd\n\ne \n \n f\u{2029}g\u{2028}h\rI";
        let between = |a: &str, b: &str| {
            let from = text.find(a).map(|i| i + a.len()).unwrap_or(0);
            let to = text.find(b).unwrap_or(0);
            line_breaks(text, from, to)
        };
        assert_eq!(between("a", "b"), 0);
        assert_eq!(between("b", "c"), 1);
        assert_eq!(between("c", "d"), 1, "CRLF is one break");
        assert_eq!(between("d", "e"), 2);
        assert_eq!(between("e", "f"), 2, "blank line with spaces");
        assert_eq!(between("f", "g"), 2, "paragraph separator");
        assert_eq!(between("g", "h"), 1, "line separator");
        assert_eq!(between("h", "I"), 1, "lone CR");
    }

    #[test]
    fn wire_copy_is_hard_wrapped_and_paragraph_lines_are_not() {
        let wire = "Heavy rain fell across the northern wheat belt for a third\n\
                    day, easing fears of a poor harvest after a dry spell in\n\
                    March and raising hopes for the late barley crop.\n";
        assert!(is_hard_wrapped(wire));
        let paragraphs = format!(
            "Malala anuncia que estudiará en Oxford\n{}\n{}",
            "La joven ha anunciado este jueves que cursará sus estudios superiores en la \
             Universidad británica de Oxford, según dijo en Twitter a sus seguidores.",
            "Este jueves, los estudiantes de Reino Unido han recibido las notas del gran examen \
             que realizan al final de la educación secundaria."
        );
        assert!(!is_hard_wrapped(&paragraphs));
        assert!(!is_hard_wrapped("one line only"));
    }

    #[test]
    fn lines_around_a_position() {
        let text = "first line\nsecond line\nthird";
        let end_of_second = text
            .find("second line")
            .map_or(0, |i| i + "second line".len());
        assert_eq!(line_ending_at(text, end_of_second), "second line");
        assert_eq!(line_starting_at(text, end_of_second + 1), "third");
        assert_eq!(line_ending_at(text, 5), "first");
    }

    #[test]
    fn headings_are_all_capitals() {
        assert!(is_heading_line("BAHIA COCOA REVIEW"));
        assert!(is_heading_line("MAESTRA DE *NUMBER* AÑOS"));
        assert!(!is_heading_line("Bahia Cocoa Review"));
        assert!(!is_heading_line("1987 1986"));
        assert!(!is_heading_line("A"));
    }
}
