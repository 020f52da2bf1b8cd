//! English date tests. Most use Tuesday 24 February 2026 as the publication date.

use crate::test_support::{dates, dates_in, day, one_date, pair, tuesday};
use crate::{Direction, Precision};

#[test]
fn a_bare_weekday_is_the_most_recent_one() {
    let text = "He was killed on Sunday in Tapalpa.";
    assert_eq!(
        one_date(text, "en", tuesday()),
        pair("Sunday", "2026-02-22")
    );
    // The article's own weekday is the article's day.
    assert_eq!(
        one_date("Officials met on Tuesday.", "en", tuesday()),
        pair("Tuesday", "2026-02-24")
    );
    assert_eq!(
        one_date("Officials met on Wednesday.", "en", tuesday()),
        pair("Wednesday", "2026-02-18")
    );
}

#[test]
fn weekdays_across_month_and_year_boundaries() {
    // Thursday 1 January 2026: Monday was in December 2025.
    assert_eq!(
        one_date("Clashes began on Monday.", "en", day(2026, 1, 1)),
        pair("Monday", "2025-12-29")
    );
    // Saturday 28 February 2026: next Monday is in March.
    assert_eq!(
        one_date("Talks resume next Monday.", "en", day(2026, 2, 28)),
        pair("next Monday", "2026-03-02")
    );
    // Tuesday 31 December 2024: next Friday is in 2025.
    assert_eq!(
        one_date("The law takes effect next Friday.", "en", day(2024, 12, 31)),
        pair("next Friday", "2025-01-03")
    );
}

#[test]
fn future_cues_move_a_weekday_forward() {
    let strike = "The union called for a strike on Monday.";
    assert_eq!(
        one_date(strike, "en", tuesday()),
        pair("Monday", "2026-03-02")
    );
    let will = "The minister will travel to Lima on Monday.";
    assert_eq!(
        one_date(will, "en", tuesday()),
        pair("Monday", "2026-03-02")
    );
    let mentions = dates_in(will, "en", tuesday());
    assert_eq!(mentions[0].direction, Direction::Future);
    assert!(mentions[0].relative);
    // Future on the article's own weekday means a week later.
    assert_eq!(
        one_date("They will vote on Tuesday.", "en", tuesday()),
        pair("Tuesday", "2026-03-03")
    );
}

#[test]
fn last_next_and_this_weekday() {
    assert_eq!(
        one_date("It happened last Tuesday.", "en", tuesday()),
        pair("last Tuesday", "2026-02-17")
    );
    assert_eq!(
        one_date("It opens next Tuesday.", "en", tuesday()),
        pair("next Tuesday", "2026-03-03")
    );
    assert_eq!(
        one_date("Police said this Sunday.", "en", tuesday()),
        pair("this Sunday", "2026-02-22")
    );
    let last = dates_in("It happened last Tuesday.", "en", tuesday());
    assert_eq!(last[0].direction, Direction::Past);
}

#[test]
fn yesterday_today_tomorrow() {
    let found = dates(
        "Yesterday troops arrived; today they left and tomorrow they return.",
        "en",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("Yesterday", "2026-02-23"),
            pair("today", "2026-02-24"),
            pair("tomorrow", "2026-02-25")
        ]
    );
    assert_eq!(
        one_date("Shots were heard last night.", "en", day(2026, 3, 1)),
        pair("last night", "2026-02-28")
    );
    assert_eq!(
        one_date("It came the day before yesterday.", "en", tuesday()),
        pair("the day before yesterday", "2026-02-22")
    );
}

#[test]
fn weeks_months_and_years_relative_to_publication() {
    let found = dates(
        "Last week he fled; last month he was charged; last year he was elected. Next week a trial opens.",
        "en",
        day(2026, 1, 7),
    );
    assert_eq!(
        found,
        [
            pair("Last week", "2025-12-29"),
            pair("last month", "2025-12"),
            pair("last year", "2025"),
            pair("Next week", "2026-01-12"),
        ]
    );
    let mentions = dates_in("It rose earlier this month and this year.", "en", tuesday());
    assert_eq!(mentions[0].text, "earlier this month");
    assert_eq!(
        mentions[0]
            .resolved
            .as_ref()
            .map(|r| (r.value.as_str(), r.precision)),
        Some(("2026-02", Precision::Month))
    );
    assert_eq!(mentions[0].direction, Direction::Past);
    assert_eq!(
        mentions[1]
            .resolved
            .as_ref()
            .map(|r| (r.value.as_str(), r.precision)),
        Some(("2026", Precision::Year))
    );
    let week = dates_in("Prices fell last week.", "en", tuesday());
    assert_eq!(
        week[0].resolved.as_ref().map(|r| r.precision),
        Some(Precision::Week)
    );
}

#[test]
fn explicit_dates() {
    let found = dates(
        "On February 22, 2026 and on 22 February 2026, and on Feb. 22, and on March 3rd, and on the 5th of March.",
        "en",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("February 22, 2026", "2026-02-22"),
            pair("22 February 2026", "2026-02-22"),
            pair("Feb. 22", "2026-02-22"),
            pair("March 3rd", "2025-03-03"),
            pair("5th of March", "2025-03-05"),
        ]
    );
    let absolute = dates_in("On February 22, 2026 it rained.", "en", None);
    assert!(!absolute[0].relative);
    assert_eq!(
        absolute[0].resolved.as_ref().map(|r| r.value.as_str()),
        Some("2026-02-22")
    );
}

#[test]
fn a_day_without_a_year_looks_back_unless_a_future_cue() {
    assert_eq!(
        one_date("The vote was held on March 3.", "en", tuesday()),
        pair("March 3", "2025-03-03")
    );
    assert_eq!(
        one_date("The vote will be held on March 3.", "en", tuesday()),
        pair("March 3", "2026-03-03")
    );
    assert_eq!(
        one_date("The vote will be held in January.", "en", tuesday()),
        pair("January", "2027-01")
    );
}

#[test]
fn numeric_dates() {
    assert_eq!(
        one_date("Born 1987-02-26 in Jalisco.", "en", None),
        pair("1987-02-26", "1987-02-26")
    );
    assert_eq!(
        one_date("Filed 22/02/2026.", "en", None),
        pair("22/02/2026", "2026-02-22")
    );
    assert_eq!(
        one_date("Filed 2/26/87.", "en", None),
        pair("2/26/87", "1987-02-26")
    );
    // Month and day both possible: found, not resolved.
    assert_eq!(
        one_date("Filed 02/03/2026.", "en", None),
        ("02/03/2026".to_string(), None)
    );
    assert!(dates("The score was 3-1 at 10:30 a.m.", "en", tuesday()).is_empty());
}

#[test]
fn months_and_years() {
    let found = dates(
        "In March 2025 the group, founded in 2009, split; since 2019 it has grown.",
        "en",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("March 2025", "2025-03"),
            pair("2009", "2009"),
            pair("2019", "2019")
        ]
    );
    assert_eq!(
        one_date("Arrests rose in March.", "en", tuesday()),
        pair("March", "2025-03")
    );
    assert_eq!(
        one_date("Arrests rose in February.", "en", tuesday()),
        pair("February", "2026-02")
    );
    assert_eq!(
        one_date("He left last March.", "en", day(2026, 3, 10)),
        pair("last March", "2025-03")
    );
    let range = dates("Trade grew between 2009 and 2012.", "en", None);
    assert_eq!(range, [pair("2009", "2009"), pair("2012", "2012")]);
}

#[test]
fn may_as_a_verb_or_a_name_is_not_a_date() {
    assert!(
        dates(
            "Officials may have known. Theresa May said so. May God help us.",
            "en",
            tuesday()
        )
        .is_empty()
    );
    assert_eq!(
        one_date("Elections are held in May.", "en", tuesday()),
        pair("May", "2025-05")
    );
    assert_eq!(
        one_date("It opened May 3, 2024.", "en", tuesday()),
        pair("May 3, 2024", "2024-05-03")
    );
    // A bare "March" and an abbreviation without a day are not dates either.
    assert!(
        dates(
            "They march on. Jan Smith spoke. 2009 people came.",
            "en",
            tuesday()
        )
        .is_empty()
    );
}

#[test]
fn weekday_with_a_date_is_one_mention() {
    assert_eq!(
        one_date("On Monday, Feb. 23, troops moved.", "en", tuesday()),
        pair("Monday, Feb. 23", "2026-02-23")
    );
}

#[test]
fn ago_phrases() {
    let found = dates(
        "Three days ago and two weeks ago and a year ago.",
        "en",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("Three days ago", "2026-02-21"),
            pair("two weeks ago", "2026-02-09"),
            pair("a year ago", "2025")
        ]
    );
}

#[test]
fn without_a_publication_date_relative_dates_are_found_unresolved() {
    let mentions = dates_in("He died on Sunday, yesterday, last month.", "en", None);
    assert_eq!(mentions.len(), 3);
    assert!(mentions.iter().all(|m| m.resolved.is_none() && m.relative));
}

#[test]
fn tokens_that_do_not_fit_the_text_are_ignored_not_a_panic() {
    use tessera_doc::{Span, Token, TokenKind};
    let text = "on Sunday";
    let tokens = [
        Token {
            span: Span::new(3, 9),
            kind: TokenKind::Word,
        },
        Token {
            span: Span::new(7, 400),
            kind: TokenKind::Number,
        },
        Token {
            span: Span::new(10, 5),
            kind: TokenKind::Word,
        },
    ];
    let found = crate::find_dates(text, &tokens, Some(tessera_doc::Lang::EN), tuesday());
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "Sunday");
    assert!(crate::find_numbers(text, &tokens, None).is_empty());
    assert!(crate::find_dates("", &[], None, None).is_empty());
}
