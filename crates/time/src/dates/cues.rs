//! Past and future cues near a date: planning verbs, "will", the Spanish future tense, and
//! past-tense forms. A cheap look at the same clause, not a parse.

use crate::Direction;
use crate::words::Lexed as Words;

/// How far from the date expression a cue may sit, in tokens: far enough back to pass a list
/// of places ("will walk out at depots in Leeds, Doncaster and Manchester on Monday").
const LOOK_BACK: usize = 12;
const LOOK_AHEAD: usize = 5;

/// The direction the nearby words imply for the date spanning tokens `first..=last`: first the
/// words before it in the same clause (nearest first), then a few after it.
pub(crate) fn tense_near(words: &Words, first: usize, last: usize) -> Direction {
    // "para el lunes", "for Thursday": the date something is set for.
    let mut before = first;
    if before > 0 && matches!(words.norm(before - 1), "el" | "la" | "the") {
        before -= 1;
    }
    // "starting Wednesday", "a partir del lunes": when something is to begin.
    if before > 0
        && matches!(
            words.norm(before - 1),
            "para" | "for" | "starting" | "beginning"
        )
        || before > 2
            && matches!(words.norm(before - 1), "de" | "del")
            && words.norm(before - 2) == "partir"
            && words.norm(before - 3) == "a"
    {
        return Direction::Future;
    }
    let mut i = first;
    let mut seen = 0;
    while i > 0 && seen < LOOK_BACK {
        i -= 1;
        seen += 1;
        if words.is_clause_break(i) {
            break;
        }
        if let Some(direction) = cue_at(words, i) {
            return direction;
        }
    }
    for j in last + 1..(last + 1 + LOOK_AHEAD).min(words.len()) {
        if words.is_clause_break(j) {
            break;
        }
        if let Some(direction) = cue_at(words, j) {
            return direction;
        }
    }
    Direction::Unknown
}

fn cue_at(words: &Words, i: usize) -> Option<Direction> {
    let folded = words.norm(i);
    let word = folded;
    let planning_phrase = (word == "called" && words.is(i + 1, "for"))
        || (word == "set" && words.is_any(i + 1, &["to", "for"]));
    if is_future_word(word) || planning_phrase {
        return Some(Direction::Future);
    }
    let raw = words.text(i);
    if words.spanish && raw.chars().count() > 4 && (raw.ends_with("rá") || raw.ends_with("rán")) {
        return Some(Direction::Future);
    }
    if is_past_word(word) {
        return Some(Direction::Past);
    }
    let letters = raw.chars().count();
    if words.english
        && letters > 4
        && word.ends_with("ed")
        && word.bytes().all(|b| b.is_ascii_lowercase())
    {
        return Some(Direction::Past);
    }
    if words.spanish
        && letters > 3
        && (raw.ends_with('ó') || word.ends_with("aron") || word.ends_with("ieron"))
    {
        return Some(Direction::Past);
    }
    None
}

fn is_future_word(word: &str) -> bool {
    matches!(
        word,
        "will"
            | "would"
            | "'ll"
            | "shall"
            | "scheduled"
            | "planned"
            | "plans"
            | "plan"
            | "planning"
            | "expected"
            | "expects"
            | "due"
            | "upcoming"
            | "vowed"
            | "promised"
            | "threatened"
            | "intends"
            | "convoco"
            | "convocaron"
            | "convoca"
            | "convocan"
            | "preve"
            | "preven"
            | "previsto"
            | "prevista"
            | "programado"
            | "programada"
            | "planea"
            | "planean"
            | "pretende"
            | "pretenden"
            | "va"
            | "van"
            | "vamos"
            | "prometio"
            | "amenazo"
    )
}

fn is_past_word(word: &str) -> bool {
    matches!(
        word,
        "was"
            | "were"
            | "had"
            | "did"
            | "said"
            | "told"
            | "died"
            | "killed"
            | "fue"
            | "fueron"
            | "hubo"
            | "dijo"
            | "murio"
            | "habia"
            | "habian"
            | "ha"
            | "han"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn direction(text: &str, lang: &str, date_word: &str) -> Direction {
        let lang = tessera_doc::Lang::parse(lang);
        let tokens = tessera_segment::segment(text, lang).tokens;
        let view = tessera_doc::DocView::of_tokens(text, &tokens);
        let words = Words::new(&view, lang);
        let at = (0..words.len())
            .find(|&i| words.text(i) == date_word)
            .unwrap_or(0);
        tense_near(&words, at, at)
    }

    #[test]
    fn planning_and_future_forms_point_forward() {
        assert_eq!(
            direction("The union called for a strike on Monday", "en", "Monday"),
            Direction::Future
        );
        assert_eq!(
            direction("The minister will travel to Lima on Monday", "en", "Monday"),
            Direction::Future
        );
        assert_eq!(
            direction("On Monday, the minister will travel", "en", "Monday"),
            Direction::Future
        );
        assert_eq!(
            direction("El presidente viajará el lunes", "es", "lunes"),
            Direction::Future
        );
        assert_eq!(
            direction("El sindicato convocó una huelga el lunes", "es", "lunes"),
            Direction::Future
        );
        assert_eq!(
            direction(
                "La federación llamó a una marcha para el jueves",
                "es",
                "jueves"
            ),
            Direction::Future
        );
        assert_eq!(
            direction(
                "Drivers will stop work at depots in Derby, Crewe and Leek on Friday",
                "en",
                "Friday"
            ),
            Direction::Future
        );
        assert_eq!(
            direction(
                "The group said it would march on Thursday",
                "en",
                "Thursday"
            ),
            Direction::Future
        );
        assert_eq!(
            direction(
                "The union called a two-day strike starting Tuesday",
                "en",
                "Tuesday"
            ),
            Direction::Future
        );
        assert_eq!(
            direction(
                "Rige el toque de queda a partir del viernes",
                "es",
                "viernes"
            ),
            Direction::Future
        );
    }

    #[test]
    fn past_forms_point_back_and_clauses_bound_the_look() {
        assert_eq!(
            direction("Troops arrested him on Monday", "en", "Monday"),
            Direction::Past
        );
        assert_eq!(
            direction("El ejército lo detuvo y atacó el lunes", "es", "lunes"),
            Direction::Past
        );
        assert_eq!(
            direction("He will go. Sunday is a holiday", "en", "Sunday"),
            Direction::Unknown
        );
    }
}
