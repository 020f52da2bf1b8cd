//! Number and amount expressions: figures, number words, vague quantities, money,
//! percentages, ordinals and years, with the quantity words before them and the counted noun
//! after them.

mod tables;

#[cfg(test)]
mod tests;

use tessera_doc::{DocView, Lang, Token, TokenKind};

use crate::dates::patterns::{is_day_of_date, is_year_of_date};
use crate::lexicon::{self, NumberWord};
use crate::words::Lexed as Words;
use crate::{NumberKind, NumberMention, Quantity};
use tables::{currency_after, currency_before, is_not_a_unit, quantity_words, vague_word};

/// Finds the number and amount expressions in `text`.
///
/// `tokens` are the segmentation layer's tokens of `text`; `lang` is `"en"`, `"es"`, or
/// anything else (or `None`) for both languages' words. It also decides a lone `1.250`: a
/// thousand two hundred and fifty in Spanish, one and a quarter in English (a `,` before
/// three digits is a group separator in both; see `lexicon::parse_digits`).
///
/// What is found:
/// - figures ("14", "1,250", "5.93", "1.250" in Spanish) and number words ("five", "two
///   dozen", "a hundred", "twenty-five", "cinco", "veinte", "treinta y dos", "cien", "mil");
///   with scale words ("5 million", "5 millones", "3 mil millones");
/// - quantity words before them: "at least", "more than", "over", "al menos", "más de"
///   ([`Quantity::AtLeast`]); "up to", "less than", "hasta", "menos de" ([`Quantity::AtMost`]);
///   "about", "some", "nearly", "unos", "alrededor de", "casi" ([`Quantity::About`]);
/// - vague quantities with no figure: "dozens", "hundreds", "several", "decenas", "cientos",
///   "miles", "varios" ([`Quantity::Vague`], `value` `None`);
/// - money ("$5 million", "US$3", "USD 3 billion", "€20", "5 millones de pesos", "40
///   dollars"), percentages ("15%", "15 percent", "15 por ciento"), ordinals ("1st", "1º",
///   "the first", "primer"), and years in a date context ("in 2009", "marzo de 2025").
///
/// Not counts: the day and year of an explicit date ("March 3, 2026" gives only a year),
/// times and numeric dates ("10:30", "2026-02-24"), scores ("3-1"), and number words that
/// neither count a following noun nor follow a quantity word: "one of the country's", "the
/// five were", Spanish "un"/"una" (articles) unless a scale follows ("un millón").
///
/// `unit` is the counted noun right after the figure ("14 people", "300 elementos"), after
/// "of"/"de" for vague and scaled figures ("dozens of people", "3 millones de personas"),
/// skipping one of "more", "other", "additional", "otros", "más" ("two other people").
pub fn find_numbers(text: &str, tokens: &[Token], lang: Option<Lang>) -> Vec<NumberMention> {
    let view = DocView::of_tokens(text, tokens);
    numbers_in(&Words::new(&view, lang))
}

/// [`find_numbers`] over an already folded token view.
pub(crate) fn numbers_in(words: &Words) -> Vec<NumberMention> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match number_at(words, i) {
            Some(found) => {
                i = found.last + 1;
                mentions.push(NumberMention {
                    start: words.start(found.first),
                    end: words.end(found.last),
                    text: words.slice(found.first, found.last).to_string(),
                    value: found.value,
                    quantity: found.quantity,
                    kind: found.kind,
                    unit: found.unit.map(|u| words.text(u).to_string()),
                });
            }
            None => i += 1,
        }
    }
    mentions
}

/// A number phrase as read, before it becomes a [`NumberMention`].
struct Found {
    first: usize,
    last: usize,
    value: Option<f64>,
    quantity: Quantity,
    kind: NumberKind,
    /// The token of the counted noun.
    unit: Option<usize>,
}

/// The figure at the heart of a phrase.
struct Figure {
    value: Option<f64>,
    last: usize,
    /// Written in words (needs a noun or a quantity word to count).
    in_words: bool,
    /// Ends in a scale or vague word, so "of"/"de" may come before the noun.
    takes_of: bool,
    vague: bool,
}

fn number_at(words: &Words, i: usize) -> Option<Found> {
    if let Some(found) = year_or_ordinal(words, i) {
        return found;
    }
    let (quantity, after_quantity) = quantity_words(words, i).unwrap_or((Quantity::Exact, i));
    let (prefix_currency, start) = match currency_before(words, after_quantity) {
        Some((currency, next)) => (Some(currency), next),
        None => (None, after_quantity),
    };
    if is_day_of_date(words, start) || is_year_of_date(words, start) {
        return None;
    }
    let figure = figure_at(words, start)?;
    let mut last = figure.last;
    let mut kind = NumberKind::Count;
    if let Some(end) = percent_after(words, last + 1) {
        kind = NumberKind::Percent;
        last = end;
    } else if let Some((currency, end)) = currency_after(words, last + 1, figure.takes_of) {
        kind = NumberKind::Money { currency };
        last = end;
    } else if let Some(currency) = prefix_currency {
        kind = NumberKind::Money { currency };
    }
    let unit = if kind == NumberKind::Count {
        unit_after(words, last + 1, figure.takes_of)
    } else {
        None
    };
    let qualified = quantity != Quantity::Exact || kind != NumberKind::Count;
    let counts = if figure.vague {
        qualified || vague_stands_alone(words, start, unit)
    } else {
        qualified || !figure.in_words || unit.is_some()
    };
    if !counts {
        return None;
    }
    Some(Found {
        first: i,
        last,
        value: figure.value,
        quantity: if figure.vague {
            Quantity::Vague
        } else {
            quantity
        },
        kind,
        unit,
    })
}

/// "hundreds" and "decenas" stand alone ("hundreds were hurt"); "several"/"varios" need a noun.
fn vague_stands_alone(words: &Words, i: usize, unit: Option<usize>) -> bool {
    unit.is_some() || !words.is_any(i, &["several", "varios", "varias", "various"])
}

/// Years of dates and ordinals, which take no quantity words. `Some(None)` means "this token
/// is settled and is not a mention" (a day of a date).
fn year_or_ordinal(words: &Words, i: usize) -> Option<Option<Found>> {
    let single = |value: f64, kind: NumberKind, unit: Option<usize>| {
        Some(Some(Found {
            first: i,
            last: i,
            value: Some(value),
            quantity: Quantity::Exact,
            kind,
            unit,
        }))
    };
    if words.kind(i) == Some(TokenKind::Number) {
        let raw = words.text(i);
        if is_year_of_date(words, i) || is_year_of_event(words, i) {
            return single(lexicon::parse_digits(raw, false)?, NumberKind::Year, None);
        }
        if is_day_of_date(words, i) {
            return Some(None);
        }
        let ordinal = lexicon::digit_ordinal(raw)?;
        return single(
            f64::from(ordinal),
            NumberKind::Ordinal,
            unit_after(words, i + 1, false),
        );
    }
    let folded = words.norm(i);
    let ordinal = words.lex(i).ordinal?;
    let determined = folded == "primer" || (i > 0 && words.is_any(i - 1, tables::DETERMINERS));
    if !determined {
        return None;
    }
    single(
        f64::from(ordinal),
        NumberKind::Ordinal,
        unit_after(words, i + 1, false),
    )
}

/// "the 2009 election", "las elecciones de 2018" stay years when a noun follows "the 2009".
fn is_year_of_event(words: &Words, i: usize) -> bool {
    let raw = words.text(i);
    let Ok(year) = raw.parse::<u32>() else {
        return false;
    };
    raw.len() == 4
        && (1900..=2100).contains(&year)
        && i > 0
        && words.is_any(i - 1, &["the", "el", "la", "its", "their"])
        && words.kind(i + 1) == Some(TokenKind::Word)
        && !words.text(i + 1).ends_with('s')
}

/// A figure at `i`: digits (with scale words after), number words, or a vague word.
fn figure_at(words: &Words, i: usize) -> Option<Figure> {
    let folded = words.norm(i);
    if vague_word(folded, words) {
        let mut last = i;
        // "hundreds of thousands", "cientos de miles".
        if words.is_any(i + 1, &["of", "de"]) && vague_word(words.norm(i + 2), words) {
            last = i + 2;
        }
        return Some(Figure {
            value: None,
            last,
            in_words: true,
            takes_of: true,
            vague: true,
        });
    }
    let mut total = Total::default();
    let mut j = i;
    let in_words = if words.kind(i) == Some(TokenKind::Number) {
        total.group = lexicon::parse_digits(words.text(i), words.spanish && !words.english)?;
        j += 1;
        false
    } else {
        true
    };
    let mut took_scale = false;
    let mut only_article = false;
    loop {
        let word = words.norm(j);
        let article = matches!(word, "a" | "an") && words.english && in_words && j == i;
        let next = if article {
            match words.lex(j + 1).number {
                Some(
                    next @ (NumberWord::Hundred
                    | NumberWord::Thousand
                    | NumberWord::Scale(_)
                    | NumberWord::Dozen),
                ) => {
                    total.group = 1.0;
                    j += 1;
                    Some(next)
                }
                _ => None,
            }
        } else {
            words.lex(j).number
        };
        let Some(number) = next else { break };
        // A scale word needs a figure before it: "5 mln", not a bare "mln".
        if j == i && matches!(number, NumberWord::Scale(_)) {
            return None;
        }
        match number {
            NumberWord::Add(value) => {
                if !in_words || !total.accepts_add(value) {
                    break;
                }
                only_article = matches!(word, "un" | "una" | "uno") && j == i;
                total.add(value);
            }
            other => {
                total.apply(other);
                took_scale = true;
                only_article = false;
            }
        }
        j += 1;
        // "treinta y cinco", "one hundred and fifty".
        if in_words && words.is_any(j, &["y", "and"]) && total.accepts_and() {
            let following = words.lex(j + 1).number;
            let joins = match following {
                Some(NumberWord::Add(value)) => {
                    value < 10.0 || (words.is(j, "and") && value < 100.0)
                }
                _ => false,
            };
            if joins {
                j += 1;
            }
        }
    }
    if j == i || only_article {
        return None;
    }
    Some(Figure {
        value: Some(total.value()),
        last: j - 1,
        in_words,
        takes_of: took_scale,
        vague: false,
    })
}

/// A running total of number words: `group` below a thousand, `thousands` below a million,
/// `millions` for everything scaled above.
#[derive(Default)]
struct Total {
    group: f64,
    thousands: f64,
    millions: f64,
    last_add: Option<f64>,
    last_scale: bool,
}

impl Total {
    /// A unit may follow a ten ("treinta y cinco"), a hundred or a scale, not another unit.
    fn accepts_add(&self, value: f64) -> bool {
        match self.last_add {
            None => true,
            Some(previous) => {
                previous >= 20.0 && previous % 10.0 == 0.0 && value < 10.0
                    || previous >= 100.0 && value < 100.0
            }
        }
    }

    fn accepts_and(&self) -> bool {
        self.last_scale || self.last_add.is_some_and(|v| v >= 20.0)
    }

    fn add(&mut self, value: f64) {
        self.group += value;
        self.last_add = Some(value);
        self.last_scale = false;
    }

    fn apply(&mut self, word: NumberWord) {
        let group = if self.group == 0.0 { 1.0 } else { self.group };
        match word {
            NumberWord::Add(value) => self.add(value),
            NumberWord::Hundred => self.group = group * 100.0,
            NumberWord::Dozen => self.group = group * 12.0,
            NumberWord::Thousand => {
                self.thousands += group * 1000.0;
                self.group = 0.0;
            }
            NumberWord::Scale(scale) => {
                let below = self.thousands + self.group;
                self.millions += if below == 0.0 { scale } else { below * scale };
                self.thousands = 0.0;
                self.group = 0.0;
            }
        }
        self.last_add = None;
        self.last_scale = true;
    }

    fn value(&self) -> f64 {
        self.millions + self.thousands + self.group
    }
}

/// "%", "percent", "per cent", "pct", "por ciento", "porciento" at `j`; returns the last token.
fn percent_after(words: &Words, j: usize) -> Option<usize> {
    if words.text(j) == "%" || words.is_any(j, &["percent", "pct", "porciento"]) {
        Some(j)
    } else if words.is_phrase(j, &["per", "cent"]) || words.is_phrase(j, &["por", "ciento"]) {
        Some(j + 1)
    } else {
        None
    }
}

/// The counted noun at `j` (after "of"/"de" when `takes_of`, skipping "more"/"other"/...).
fn unit_after(words: &Words, mut j: usize, takes_of: bool) -> Option<usize> {
    if takes_of && words.is_any(j, &["of", "de"]) {
        j += 1;
    }
    if words.is_any(
        j,
        &[
            "more",
            "other",
            "additional",
            "further",
            "otros",
            "otras",
            "mas",
        ],
    ) {
        j += 1;
    }
    let raw = words.text(j);
    // Lower-case only: a capitalised word after a figure is more often a name or a heading
    // ("12 Avg", "1,497 Note") than what it counts.
    let noun_like = words.kind(j) == Some(TokenKind::Word)
        && raw.chars().next().is_some_and(char::is_lowercase)
        && raw.chars().all(|c| c.is_alphabetic() || c == '-')
        && !is_not_a_unit(words, j);
    noun_like.then_some(j)
}
