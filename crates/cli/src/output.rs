//! Small formatting helpers shared by the commands.

use std::time::Duration;

pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{:.0} ms", secs * 1000.0)
    } else if secs < 120.0 {
        format!("{secs:.1} s")
    } else {
        format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

/// Marks the highlighted byte ranges of `text`: bold on a terminal, `[...]` otherwise.
pub fn highlight(text: &str, ranges: &[(usize, usize)], terminal: bool) -> String {
    let (open, close) = if terminal {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for &(start, end) in ranges {
        let (Some(before), Some(inner)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(inner);
        out.push_str(close);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_ranges_and_ignores_bad_ones() {
        assert_eq!(
            highlight("a cocoa crop", &[(2, 7)], false),
            "a [cocoa] crop"
        );
        assert_eq!(highlight("abc", &[(2, 9)], false), "abc");
        assert_eq!(duration(Duration::from_millis(1500)), "1.5 s");
    }
}
