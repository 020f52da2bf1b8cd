//! The date patterns, tried at each token. Each returns the tokens it covers and what they
//! denote; the scan in [`super::find_dates`] resumes after the last one.

use tessera_doc::TokenKind;

use super::calendar::{Pick, expand_two_digit_year};
use super::{Found, Value};
use crate::Direction;
use crate::lexicon::{self, MonthName};
use crate::words::Lexed as Words;

/// Words after which a bare year is a date: "in 2009", "desde 2009", "el año 2009".
const YEAR_CONTEXT: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "before",
    "after",
    "during",
    "from",
    "through",
    "throughout",
    "between",
    "year",
    "en",
    "desde",
    "hasta",
    "durante",
    "entre",
    "ano",
];

/// Words before "de 2025" that make it a date: "a principios de 2025".
const PART_OF_YEAR: &[&str] = &[
    "principios",
    "finales",
    "mediados",
    "fines",
    "inicios",
    "comienzos",
    "ano",
    "mes",
];

/// Words after which a month alone is a date: "in March", "en marzo", "a finales de marzo".
const MONTH_CONTEXT: &[&str] = &[
    "in", "since", "until", "till", "by", "during", "early", "late", "mid", "from", "through",
    "en", "de", "desde", "hasta", "durante",
];

/// Words that, before "mañana", make it "morning" rather than "tomorrow".
const MORNING_DETERMINERS: &[&str] = &[
    "la", "una", "esta", "esa", "aquella", "cada", "toda", "misma", "media", "buena", "su",
];

pub(crate) fn date_at(words: &Words, i: usize) -> Option<Found> {
    if words.kind(i) == Some(TokenKind::Number) {
        return numeric_date(words, i)
            .or_else(|| day_then_month(words, i, i))
            .or_else(|| year_in_context(words, i))
            .or_else(|| amount_ago(words, i));
    }
    let folded = words.norm(i);
    let word = folded;
    if let Some(weekday) = words.lex(i).weekday {
        return Some(weekday_phrase(words, i, i, weekday, None, None));
    }
    if month_at(words, i).is_some() || word.starts_with("mid-") {
        return month_phrase(words, i, i, None, None);
    }
    relative_word(words, i, word)
        .or_else(|| modifier_phrase(words, i, word))
        .or_else(|| amount_ago(words, i))
}

fn found(first: usize, last: usize, value: Value, stated: Option<Direction>) -> Option<Found> {
    Some(Found {
        first,
        last,
        value,
        stated,
    })
}

/// The month token `i` names. English names count only capitalised ("may" is a verb).
fn month_at(words: &Words, i: usize) -> Option<MonthName> {
    words.lex(i).month
}

/// A day of the month: "3", "22", "3rd", "1º".
fn day_number(words: &Words, i: usize) -> Option<u32> {
    if words.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let raw = words.text(i);
    let day = if raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()) {
        raw.parse().ok()?
    } else {
        lexicon::digit_ordinal(raw)?
    };
    (1..=31).contains(&day).then_some(day)
}

/// A four-digit year from 1000 to 2100.
fn year_number(words: &Words, i: usize) -> Option<i32> {
    let raw = words.text(i);
    if words.kind(i) != Some(TokenKind::Number) || raw.len() != 4 {
        return None;
    }
    let year: i32 = raw.parse().ok()?;
    (1000..=2100).contains(&year).then_some(year)
}

/// A year right after a date, at `j`: "2026", ", 2026", "de 2025", "del 2025", "of 2025".
/// Returns the year and its token.
fn year_after(words: &Words, j: usize) -> Option<(i32, usize)> {
    if let Some(year) = year_number(words, j) {
        return Some((year, j));
    }
    let joined = words.text(j) == "," || words.is_any(j, &["de", "del", "of"]);
    if joined {
        year_number(words, j + 1).map(|year| (year, j + 1))
    } else {
        None
    }
}

/// "1987-02-26", "22/02/2026", "2/26/87", "22.02.2026" as one number token.
fn numeric_date(words: &Words, i: usize) -> Option<Found> {
    let raw = words.text(i);
    let separator = raw.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(separator, '-' | '/' | '.') {
        return None;
    }
    let mut parts = raw.split(separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || [a, b, c]
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|x| x.is_ascii_digit()))
    {
        return None;
    }
    let number = |p: &str| p.parse::<u32>().ok();
    if a.len() == 4 {
        let (month, day) = (number(b)?, number(c)?);
        if b.len() > 2 || c.len() > 2 || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let year = i32::try_from(number(a)?).ok()?;
        return found(
            i,
            i,
            Value::Day {
                year: Some(year),
                month,
                day,
            },
            None,
        );
    }
    let year = match c.len() {
        4 => i32::try_from(number(c)?).ok()?,
        2 if separator == '/' => expand_two_digit_year(i32::try_from(number(c)?).ok()?),
        _ => return None,
    };
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (first, second) = (number(a)?, number(b)?);
    let day_first = words.spanish && !words.english;
    let (day, month) = if day_first || (first > 12 && second <= 12) {
        (first, second)
    } else if second > 12 && first <= 12 || first == second {
        (second, first)
    } else if first <= 12 && second <= 12 {
        return found(i, i, Value::Ambiguous, None);
    } else {
        return None;
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    found(
        i,
        i,
        Value::Day {
            year: Some(year),
            month,
            day,
        },
        None,
    )
}

/// "22 February 2026", "22nd of February", "3 de marzo", "3 de marzo de 2025" from token `i`;
/// the mention starts at `first`.
fn day_then_month(words: &Words, first: usize, i: usize) -> Option<Found> {
    let day = day_number(words, i)?;
    let mut j = i + 1;
    if words.is_any(j, &["de", "of"]) {
        j += 1;
    }
    let month = month_at(words, j)?.month;
    let (year, last) = match year_after(words, j + 1) {
        Some((year, last)) => (Some(year), last),
        None => (None, j),
    };
    found(first, last, Value::Day { year, month, day }, None)
}

/// A phrase led by a month name at `i`: "February 22, 2026", "Feb. 22", "March 2025",
/// "marzo de 2025", or the month alone in a date context. `pick` and `stated` come from a
/// modifier before it ("el pasado marzo"), which also counts as context.
fn month_phrase(
    words: &Words,
    first: usize,
    i: usize,
    pick: Option<Pick>,
    stated: Option<Direction>,
) -> Option<Found> {
    let folded = words.norm(i);
    let (name, mid) = match folded.strip_prefix("mid-") {
        Some(rest) => (lexicon::month(rest, words.english, words.spanish)?, true),
        None => (month_at(words, i)?, false),
    };
    let month = name.month;
    if !mid {
        if let Some(day) = day_number(words, i + 1) {
            let (year, last) = match year_after(words, i + 2) {
                Some((year, last)) => (Some(year), last),
                None => (None, i + 1),
            };
            return found(first, last, Value::Day { year, month, day }, stated);
        }
        if let Some((year, last)) = year_after(words, i + 1).filter(|_| words.text(i + 1) != ",") {
            return found(
                first,
                last,
                Value::Month {
                    year: Some(year),
                    month,
                    pick,
                },
                stated,
            );
        }
    }
    let in_context = mid
        || pick.is_some()
        || (i > 0 && words.is_any(i - 1, MONTH_CONTEXT))
        || (i > 1
            && words.is(i - 1, "of")
            && words.is_any(i - 2, &["end", "beginning", "start", "middle", "month"]));
    if in_context && !name.abbreviated {
        return found(
            first,
            i,
            Value::Month {
                year: None,
                month,
                pick,
            },
            stated,
        );
    }
    None
}

/// A weekday at `i` (the mention starting at `first`), with what may follow it: a date
/// ("Monday, Feb. 23", "lunes 23 de febrero", "domingo 22") or a Spanish modifier ("lunes
/// pasado", "el lunes que viene").
fn weekday_phrase(
    words: &Words,
    first: usize,
    i: usize,
    weekday: u32,
    pick: Option<Pick>,
    stated: Option<Direction>,
) -> Found {
    let after = if words.text(i + 1) == "," {
        i + 2
    } else {
        i + 1
    };
    let explicit = month_phrase(words, first, after, None, stated)
        .filter(|f| matches!(f.value, Value::Day { .. }))
        .or_else(|| day_then_month(words, first, after));
    if let Some(mut date) = explicit {
        date.stated = stated;
        return date;
    }
    let modifier = if pick.is_none() && words.spanish {
        spanish_modifier_after(words, i + 1)
    } else {
        None
    };
    if let Some((pick, stated, last)) = modifier {
        return Found {
            first,
            last,
            value: Value::Weekday {
                weekday,
                pick: Some(pick),
            },
            stated: Some(stated),
        };
    }
    if let Some(day) = day_number(words, i + 1).filter(|_| ends_date(words, i + 2)) {
        return Found {
            first,
            last: i + 1,
            value: Value::WeekdayAndDay { weekday, day },
            stated,
        };
    }
    Found {
        first,
        last: i,
        value: Value::Weekday { weekday, pick },
        stated,
    }
}

/// Whether token `j` can follow a day number that closes a date ("domingo 22, en Tapalpa")
/// rather than a count ("el lunes 5 personas").
fn ends_date(words: &Words, j: usize) -> bool {
    j >= words.len()
        || words.kind(j) == Some(TokenKind::Punct)
        || words.is_any(
            j,
            &[
                "en", "a", "y", "por", "cuando", "at", "in", "when", "and", "de",
            ],
        )
}

/// A Spanish modifier after a noun at `j`: "pasado", "próxima", "entrante", "que viene".
/// Returns the pick, the direction and the modifier's last token.
fn spanish_modifier_after(words: &Words, j: usize) -> Option<(Pick, Direction, usize)> {
    if words.is_any(j, &["pasado", "pasada"]) {
        Some((Pick::Before, Direction::Past, j))
    } else if words.is_any(j, &["proximo", "proxima", "entrante"]) {
        Some((Pick::After, Direction::Future, j))
    } else if words.is_phrase(j, &["que", "viene"]) {
        Some((Pick::After, Direction::Future, j + 1))
    } else {
        None
    }
}

/// Single words that are dates by themselves: "yesterday", "ayer", "mañana", ...
fn relative_word(words: &Words, i: usize, word: &str) -> Option<Found> {
    let past = Some(Direction::Past);
    let future = Some(Direction::Future);
    if words.english {
        match word {
            "yesterday" => return found(i, i, Value::Days(-1), past),
            "today" | "tonight" => return found(i, i, Value::Days(0), None),
            "tomorrow" => return found(i, i, Value::Days(1), future),
            _ => {}
        }
    }
    if words.spanish {
        match word {
            "ayer" => return found(i, i, Value::Days(-1), past),
            "anoche" => return found(i, i, Value::Days(-1), past),
            "anteayer" | "antier" => return found(i, i, Value::Days(-2), past),
            "hoy" => return found(i, i, Value::Days(0), None),
            "pasado" if words.is(i + 1, "manana") => {
                return found(i, i + 1, Value::Days(2), future);
            }
            "manana" => {
                let after_determiner = i > 0 && words.is_any(i - 1, MORNING_DETERMINERS);
                return if after_determiner {
                    None
                } else {
                    found(i, i, Value::Days(1), future)
                };
            }
            _ => {}
        }
    }
    None
}

/// A period noun: week, month or year, in either language.
#[derive(Clone, Copy)]
enum Period {
    Week,
    Month,
    Year,
}

fn period_at(words: &Words, i: usize) -> Option<Period> {
    let folded = words.norm(i);
    match folded {
        "week" if words.english => Some(Period::Week),
        "month" if words.english => Some(Period::Month),
        "year" if words.english => Some(Period::Year),
        "semana" if words.spanish => Some(Period::Week),
        "mes" if words.spanish => Some(Period::Month),
        "ano" if words.spanish => Some(Period::Year),
        _ => None,
    }
}

fn offset(period: Period, amount: i64) -> Value {
    let months = i32::try_from(amount).unwrap_or(0);
    match period {
        Period::Week => Value::Weeks(amount),
        Period::Month => Value::Months(months),
        Period::Year => Value::Years(months),
    }
}

/// What follows a modifier at `j`: a weekday, a period, or a month. The mention runs from
/// `first`; `step` is -1, 0 or 1 (last, this, next).
fn after_modifier(
    words: &Words,
    first: usize,
    j: usize,
    step: i64,
    stated: Option<Direction>,
) -> Option<Found> {
    let pick = match step {
        -1 => Pick::Before,
        1 => Pick::After,
        _ => Pick::Nearest,
    };
    if let Some(weekday) = words.lex(j).weekday {
        return Some(weekday_phrase(words, first, j, weekday, Some(pick), stated));
    }
    if let Some(period) = period_at(words, j) {
        // "el pasado mes de marzo": the month named after the period word.
        if matches!(period, Period::Month)
            && words.is(j + 1, "de")
            && month_at(words, j + 2).is_some()
        {
            return month_phrase(words, first, j + 2, Some(pick), stated);
        }
        return found(first, j, offset(period, step), stated);
    }
    if month_at(words, j).is_some() {
        return month_phrase(words, first, j, Some(pick), stated);
    }
    None
}

/// Phrases led by a modifier word at `i`: "last week", "next Monday", "earlier this month",
/// "la semana pasada", "el próximo lunes", "esta mañana", "hace dos días".
fn modifier_phrase(words: &Words, i: usize, word: &str) -> Option<Found> {
    let past = Some(Direction::Past);
    let future = Some(Direction::Future);
    if words.english {
        match word {
            "last" if words.is(i + 1, "night") => return found(i, i + 1, Value::Days(-1), past),
            "this" if words.is_any(i + 1, &["morning", "afternoon", "evening"]) => {
                return found(i, i + 1, Value::Days(0), None);
            }
            "last" => return after_modifier(words, i, i + 1, -1, past),
            "next" => return after_modifier(words, i, i + 1, 1, future),
            "this" => return after_modifier(words, i, i + 1, 0, None),
            "earlier" | "later" if words.is(i + 1, "this") => {
                let period = period_at(words, i + 2)?;
                let stated = if word == "earlier" { past } else { future };
                return found(i, i + 2, offset(period, 0), stated);
            }
            "the" if words.is_phrase(i + 1, &["day", "before", "yesterday"]) => {
                return found(i, i + 3, Value::Days(-2), past);
            }
            "the" if words.is_phrase(i + 1, &["day", "after", "tomorrow"]) => {
                return found(i, i + 3, Value::Days(2), future);
            }
            _ => {}
        }
    }
    if words.spanish {
        match word {
            "el" | "la" => {
                if words.is_any(i + 1, &["pasado", "pasada"]) {
                    return after_modifier(words, i, i + 2, -1, past);
                }
                if words.is_any(i + 1, &["proximo", "proxima"]) {
                    return after_modifier(words, i, i + 2, 1, future);
                }
                if let Some(weekday) = words.lex(i + 1).weekday {
                    let (pick, _, _) = spanish_modifier_after(words, i + 2)?;
                    let found = weekday_phrase(words, i, i + 1, weekday, None, None);
                    return matches!(found.value, Value::Weekday { pick: Some(p), .. } if p == pick).then_some(found);
                }
                let period = period_at(words, i + 1)?;
                let (pick, stated, last) = spanish_modifier_after(words, i + 2)?;
                let step = if pick == Pick::Before { -1 } else { 1 };
                return found(i, last, offset(period, step), Some(stated));
            }
            "este" | "esta" => {
                if words.is_any(i + 1, &["manana", "tarde", "noche"]) {
                    return found(i, i + 1, Value::Days(0), None);
                }
                return after_modifier(words, i, i + 1, 0, None);
            }
            "proximo" | "proxima" => return after_modifier(words, i, i + 1, 1, future),
            "antes" if words.is_phrase(i + 1, &["de", "ayer"]) => {
                return found(i, i + 2, Value::Days(-2), past);
            }
            "hace" => {
                let (amount, unit) = small_amount(words, i + 1)?;
                let (value, last) = counted_period(words, unit, -amount)?;
                return found(i, last, value, past);
            }
            _ => {}
        }
    }
    None
}

/// A small whole number at `i` for "three days ago"/"hace dos días": digits, a number word, or
/// an article meaning one ("a week ago", "hace un año"). Returns it and the next token.
fn small_amount(words: &Words, i: usize) -> Option<(i64, usize)> {
    let folded = words.norm(i);
    let word = folded;
    if matches!(word, "a" | "an") && words.english || matches!(word, "un" | "una") && words.spanish
    {
        return Some((1, i + 1));
    }
    if words.kind(i) == Some(TokenKind::Number) {
        let raw = words.text(i);
        if raw.len() <= 3 && raw.bytes().all(|b| b.is_ascii_digit()) {
            return Some((raw.parse().ok()?, i + 1));
        }
        return None;
    }
    match words.lex(i).number? {
        lexicon::NumberWord::Add(value) if value < 100.0 => Some((value as i64, i + 1)),
        _ => None,
    }
}

/// A plural-or-singular period unit at `j` ("days", "semanas", "año") with `amount` applied.
fn counted_period(words: &Words, j: usize, amount: i64) -> Option<(Value, usize)> {
    let folded = words.norm(j);
    let value = match folded {
        "day" | "days" | "dia" | "dias" => Value::Days(amount),
        "week" | "weeks" | "semana" | "semanas" => Value::Weeks(amount),
        "month" | "months" | "mes" | "meses" => Value::Months(i32::try_from(amount).ok()?),
        "year" | "years" | "ano" | "anos" => Value::Years(i32::try_from(amount).ok()?),
        _ => return None,
    };
    Some((value, j))
}

/// "three days ago", "2 weeks ago", "a year ago" starting at `i`.
fn amount_ago(words: &Words, i: usize) -> Option<Found> {
    if !words.english {
        return None;
    }
    let (amount, unit) = small_amount(words, i)?;
    let (value, last) = counted_period(words, unit, -amount)?;
    if !words.is(last + 1, "ago") {
        return None;
    }
    found(i, last + 1, value, Some(Direction::Past))
}

/// A bare year in a date context at `i`: "in 2009", "desde 2009", "a principios de 2025",
/// "in early 2009", "between 2009 and 2012".
fn year_in_context(words: &Words, i: usize) -> Option<Found> {
    let year = year_number(words, i)?;
    let before = |k: usize| i.checked_sub(k);
    let prev = before(1)?;
    let in_context = words.is_any(prev, YEAR_CONTEXT)
        || (words.is_any(prev, &["de", "del"])
            && before(2).is_some_and(|p| words.is_any(p, PART_OF_YEAR)))
        || (words.is_any(prev, &["early", "late"])
            && before(2).is_some_and(|p| words.is_any(p, &["in", "since", "by"])))
        || (words.is_any(prev, &["and", "to", "y", "a", "al"])
            && before(2).is_some_and(|p| year_number(words, p).is_some())
            && before(3)
                .is_some_and(|p| words.is_any(p, YEAR_CONTEXT) || words.is_any(p, &["de", "del"])));
    if in_context {
        found(i, i, Value::Year(year), None)
    } else {
        None
    }
}

/// Whether number token `i` is the day of an explicit date ("March 3", "3 de marzo",
/// "22nd of February"), so that it is not also a count.
pub(crate) fn is_day_of_date(words: &Words, i: usize) -> bool {
    day_number(words, i).is_some()
        && ((i > 0 && month_at(words, i - 1).is_some())
            || month_at(words, i + 1).is_some()
            || (words.is_any(i + 1, &["de", "of"]) && month_at(words, i + 2).is_some()))
}

/// Whether number token `i` is a year in a date: in a date context ("in 2009") or after a
/// month or a day ("March 2025", "marzo de 2025", "Feb. 22, 2026").
pub(crate) fn is_year_of_date(words: &Words, i: usize) -> bool {
    if year_number(words, i).is_none() || i == 0 {
        return false;
    }
    let prev = i - 1;
    year_in_context(words, i).is_some()
        || month_at(words, prev).is_some()
        || (words.is_any(prev, &["de", "del", "of", ","])
            && prev > 0
            && (month_at(words, prev - 1).is_some() || is_day_of_date(words, prev - 1)))
}
