//! The trigger lexicons, compiled once into a map from a lowercase word form to the triggers
//! that start with it.

mod english;
mod inflect;
mod spanish;

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;
use tessera_doc::{EventType, Mode};

/// Whether a trigger is a verb (a clause's action) or a noun (a named event).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum WordClass {
    Verb,
    Noun,
}

/// One trigger: what it codes and what must surround it.
#[derive(Debug, Clone)]
pub(crate) struct Trigger {
    pub kind: EventType,
    pub mode: Option<Mode>,
    pub class: WordClass,
    /// The subject receives the act ("Mexico received aid").
    pub reversed: bool,
    /// The trigger names a disruption of infrastructure.
    pub disruption: bool,
    /// Words after the head, each a set of forms (up to two other words may come between).
    pub rest: Vec<Vec<String>>,
    /// Some word of the sentence must start with one of these.
    pub needs: Vec<String>,
    /// Spanish (for the morphology cues of context).
    pub spanish: bool,
    /// Announces an intent ("promised to", "vowed to"): the act it governs decides whether
    /// it is an AGREE (a cooperative act) or a THREATEN (a hostile one).
    pub intent: bool,
}

impl Trigger {
    /// A trigger of `kind` with no mode, conditions or flags.
    pub(crate) fn bare(kind: EventType) -> Self {
        Trigger {
            kind,
            mode: None,
            class: WordClass::Verb,
            reversed: false,
            disruption: false,
            rest: Vec::new(),
            needs: Vec::new(),
            spanish: false,
            intent: false,
        }
    }
}

/// A small, fast hasher for short lowercase keys (FNV-1a).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for byte in bytes {
            hash ^= u64::from(*byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = hash;
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// Every trigger, keyed on the lowercase form of its first word.
pub(crate) struct Lexicon {
    pub by_head: FastMap<String, Vec<Trigger>>,
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let mut by_head: FastMap<String, Vec<Trigger>> = FastMap::default();
    for (text, spanish) in [(english::LEXICON, false), (spanish::LEXICON, true)] {
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
            parse_line(line, spanish, &mut by_head);
        }
    }
    // Longer phrases first, so the matcher takes the most specific.
    for triggers in by_head.values_mut() {
        // Among phrases of one length, one whose sense a condition settles comes first.
        triggers.sort_by_key(|t| (std::cmp::Reverse(t.rest.len()), t.needs.is_empty()));
    }
    Lexicon { by_head }
});

/// A mode by its name in the lexicon files.
fn intern(mode: &str) -> Option<Mode> {
    Mode::parse(mode)
}

fn parse_line(line: &str, spanish: bool, by_head: &mut FastMap<String, Vec<Trigger>>) {
    let Some((header, items)) = line.split_once(':') else {
        return;
    };
    let mut header = header.split_whitespace();
    let Some(kind) = header.next().and_then(EventType::parse) else {
        return;
    };
    let mode = header.next().and_then(intern);
    let flags: Vec<&str> = header.collect();
    let disruption = flags.contains(&"disruption");
    let intent = flags.contains(&"intent");
    for item in items.split(';') {
        let (body, needs) = item.split_once('+').unwrap_or((item, ""));
        let (words, extra) = body.split_once('|').unwrap_or((body, ""));
        let mut words = words.split_whitespace();
        let Some(class_mark) = words.next() else {
            continue;
        };
        let words: Vec<&str> = words.collect();
        let Some((&head, rest)) = words.split_first() else {
            continue;
        };
        let extra: Vec<String> = extra.split_whitespace().map(str::to_string).collect();
        let (class, reversed) = match class_mark {
            "v" | "xv" => (WordClass::Verb, false),
            "v<" => (WordClass::Verb, true),
            _ => (WordClass::Noun, false),
        };
        let mut head_forms = match (class_mark, spanish) {
            ("v" | "v<", false) => inflect::english_verb(head),
            ("v" | "v<", true) => inflect::spanish_verb(head),
            ("n", _) if rest.is_empty() && !spanish => inflect::english_noun(head),
            ("n", _) if rest.is_empty() => inflect::spanish_noun(head),
            _ => vec![head.to_string()],
        };
        let mut rest_forms: Vec<Vec<String>> = rest.iter().map(|w| vec![w.to_string()]).collect();
        match (class, rest_forms.last_mut()) {
            (WordClass::Noun, Some(last)) => {
                let word = last[0].clone();
                *last = if spanish {
                    inflect::spanish_noun(&word)
                } else {
                    inflect::english_noun(&word)
                };
                last.extend(extra.iter().cloned());
            }
            _ => head_forms.extend(extra.iter().cloned()),
        }
        let trigger = Trigger {
            kind,
            mode,
            class,
            reversed,
            disruption,
            rest: rest_forms,
            needs: needs.split_whitespace().map(str::to_string).collect(),
            spanish,
            intent,
        };
        head_forms.sort();
        head_forms.dedup();
        for form in head_forms {
            by_head.entry(form).or_default().push(trigger.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(form: &str) -> Vec<(EventType, Option<&'static str>)> {
        LEXICON
            .by_head
            .get(form)
            .map(|ts| {
                ts.iter()
                    .map(|t| (t.kind, t.mode.map(Mode::as_str)))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn english_forms_are_indexed_by_type_and_mode() {
        assert!(codes("arrested").contains(&(EventType::Coerce, Some("arrest"))));
        assert!(codes("clashes").contains(&(EventType::Assault, None)));
        assert!(codes("kidnapped").contains(&(EventType::Assault, Some("abduct"))));
        assert!(codes("urged").contains(&(EventType::Request, None)));
        assert!(codes("threatening").contains(&(EventType::Threaten, None)));
    }

    #[test]
    fn spanish_forms_are_indexed_by_type_and_mode() {
        assert!(codes("detuvieron").contains(&(EventType::Coerce, Some("arrest"))));
        assert!(codes("enfrentamientos").contains(&(EventType::Assault, None)));
        assert!(codes("exigieron").contains(&(EventType::Request, None)));
        assert!(codes("bloquearon").contains(&(EventType::Protest, Some("obstruct"))));
        assert!(codes("secuestraron").contains(&(EventType::Assault, Some("abduct"))));
    }

    #[test]
    fn every_line_parses_to_a_known_type_and_mode() {
        for (text, _) in [(english::LEXICON, false), (spanish::LEXICON, true)] {
            for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                let (header, _) = line.split_once(':').unwrap_or(("", ""));
                let mut parts = header.split_whitespace();
                let kind = EventType::parse(parts.next().unwrap_or(""));
                assert!(kind.is_some(), "type in {line}");
                let mode = parts.next().unwrap_or("");
                let fits = kind.is_some_and(|k| intern(mode).is_some_and(|m| m.fits(k)));
                assert!(
                    mode == "-" || fits,
                    "PLOVER has no mode {mode} for the type of {line}"
                );
            }
        }
    }
}
