//! Number tests in both languages.

use crate::test_support::numbers;
use crate::{NumberKind, NumberMention, Quantity};

/// `(text, value, quantity, unit)` of each mention.
fn read(text: &str, lang: &str) -> Vec<(String, Option<f64>, Quantity, Option<String>)> {
    numbers(text, lang)
        .into_iter()
        .map(|m| (m.text, m.value, m.quantity, m.unit))
        .collect()
}

fn row(
    text: &str,
    value: Option<f64>,
    quantity: Quantity,
    unit: Option<&str>,
) -> (String, Option<f64>, Quantity, Option<String>) {
    (text.to_string(), value, quantity, unit.map(str::to_string))
}

fn only(text: &str, lang: &str) -> NumberMention {
    let mut found = numbers(text, lang);
    assert_eq!(
        found.len(),
        1,
        "expected one number in {text:?}, got {found:?}"
    );
    found.remove(0)
}

fn money_in(currency: &str) -> NumberKind {
    NumberKind::Money {
        currency: currency.to_string(),
    }
}

#[test]
fn quantity_phrases_in_english() {
    let found = read(
        "At least 14 people died, more than 300 troops deployed, about 40 homes burned and up to 5 were hurt.",
        "en",
    );
    assert_eq!(
        found,
        [
            row("At least 14", Some(14.0), Quantity::AtLeast, Some("people")),
            row(
                "more than 300",
                Some(300.0),
                Quantity::AtLeast,
                Some("troops")
            ),
            row("about 40", Some(40.0), Quantity::About, Some("homes")),
            row("up to 5", Some(5.0), Quantity::AtMost, None),
        ]
    );
}

#[test]
fn quantity_phrases_in_spanish() {
    let found = read(
        "Al menos 14 personas murieron; más de 300 elementos llegaron, unos 40 vehículos ardieron y hubo menos de 10 heridos.",
        "es",
    );
    assert_eq!(
        found,
        [
            row(
                "Al menos 14",
                Some(14.0),
                Quantity::AtLeast,
                Some("personas")
            ),
            row(
                "más de 300",
                Some(300.0),
                Quantity::AtLeast,
                Some("elementos")
            ),
            row("unos 40", Some(40.0), Quantity::About, Some("vehículos")),
            row("menos de 10", Some(10.0), Quantity::AtMost, Some("heridos")),
        ]
    );
}

#[test]
fn separators_depend_on_the_language() {
    assert_eq!(only("Some 1,250 troops.", "en").value, Some(1250.0));
    assert_eq!(only("Llegaron 1.250 elementos.", "es").value, Some(1250.0));
    assert_eq!(only("It fell 5.93 points.", "en").value, Some(5.93));
    assert_eq!(only("Cayó 5,9 puntos.", "es").value, Some(5.9));
}

#[test]
fn number_words() {
    let found = read(
        "Five soldiers, two dozen rifles, a hundred rounds and twenty-five trucks.",
        "en",
    );
    assert_eq!(
        found,
        [
            row("Five", Some(5.0), Quantity::Exact, Some("soldiers")),
            row("two dozen", Some(24.0), Quantity::Exact, Some("rifles")),
            row("a hundred", Some(100.0), Quantity::Exact, Some("rounds")),
            row("twenty-five", Some(25.0), Quantity::Exact, Some("trucks")),
        ]
    );
    let found = read(
        "Cinco soldados, dos camionetas, veinte fusiles, treinta y dos cartuchos, cien balas y mil agentes.",
        "es",
    );
    let values: Vec<_> = found.iter().map(|r| (r.0.as_str(), r.1)).collect();
    assert_eq!(
        values,
        [
            ("Cinco", Some(5.0)),
            ("dos", Some(2.0)),
            ("veinte", Some(20.0)),
            ("treinta y dos", Some(32.0)),
            ("cien", Some(100.0)),
            ("mil", Some(1000.0)),
        ]
    );
    assert_eq!(
        only("one hundred and fifty people", "en").value,
        Some(150.0)
    );
    assert_eq!(
        only("dos mil trescientos soldados", "es").value,
        Some(2300.0)
    );
}

#[test]
fn a_number_word_counts_only_a_noun_or_in_a_quantity_phrase() {
    assert!(
        numbers(
            "He was one of the country's most wanted men. The five were charged.",
            "en"
        )
        .is_empty()
    );
    assert!(numbers("Uno de los detenidos tenía un arma y una granada.", "es").is_empty());
    let one = only("One soldier died.", "en");
    assert_eq!(
        (one.value, one.unit.as_deref()),
        (Some(1.0), Some("soldier"))
    );
    let about = only("It took about five.", "en");
    assert_eq!((about.value, about.quantity), (Some(5.0), Quantity::About));
}

#[test]
fn vague_quantities() {
    let found = read(
        "Dozens of people fled, hundreds were hurt and several vehicles burned.",
        "en",
    );
    assert_eq!(
        found,
        [
            row("Dozens", None, Quantity::Vague, Some("people")),
            row("hundreds", None, Quantity::Vague, None),
            row("several", None, Quantity::Vague, Some("vehicles")),
        ]
    );
    let found = read(
        "Decenas de cartuchos y cientos de miles de personas; varios heridos.",
        "es",
    );
    assert_eq!(
        found,
        [
            row("Decenas", None, Quantity::Vague, Some("cartuchos")),
            row("cientos de miles", None, Quantity::Vague, Some("personas")),
            row("varios", None, Quantity::Vague, Some("heridos")),
        ]
    );
    assert!(numbers("Several said so. Several killed.", "en").is_empty());
    let verb = only("Unos 14 llegaron.", "es");
    assert_eq!((verb.text.as_str(), verb.unit), ("Unos 14", None));
}

#[test]
fn money() {
    let cases = [
        (
            "They paid $5 million.",
            "en",
            "$5 million",
            5e6,
            money_in("$"),
        ),
        (
            "A loan of USD 3 billion.",
            "en",
            "USD 3 billion",
            3e9,
            money_in("USD"),
        ),
        ("Tickets cost €20.", "en", "€20", 20.0, money_in("EUR")),
        (
            "He paid US$3 million.",
            "en",
            "US$3 million",
            3e6,
            money_in("USD"),
        ),
        (
            "It cost 40 dollars.",
            "en",
            "40 dollars",
            40.0,
            money_in("USD"),
        ),
        (
            "Robaron 5 millones de pesos.",
            "es",
            "5 millones de pesos",
            5e6,
            money_in("pesos"),
        ),
        (
            "Costó 3 mil millones de dólares.",
            "es",
            "3 mil millones de dólares",
            3e9,
            money_in("USD"),
        ),
        (
            "Pagó 200 pesos mexicanos.",
            "es",
            "200 pesos mexicanos",
            200.0,
            money_in("MXN"),
        ),
    ];
    for (text, lang, span, value, kind) in cases {
        let found = only(text, lang);
        assert_eq!(
            (found.text.as_str(), found.value, &found.kind),
            (span, Some(value), &kind),
            "{text}"
        );
        assert_eq!(found.unit, None);
    }
    let vague = only("It cost millions of dollars.", "en");
    assert_eq!(
        (vague.quantity, vague.kind),
        (Quantity::Vague, money_in("USD"))
    );
}

#[test]
fn percentages() {
    for (text, lang, span) in [
        ("It rose 15% in a year.", "en", "15%"),
        ("It rose 15 percent.", "en", "15 percent"),
        ("It rose 15 per cent.", "en", "15 per cent"),
        ("Subió 15 por ciento.", "es", "15 por ciento"),
        ("Subió quince por ciento.", "es", "quince por ciento"),
    ] {
        let found = only(text, lang);
        assert_eq!(
            (found.text.as_str(), found.value, &found.kind),
            (span, Some(15.0), &NumberKind::Percent),
            "{text}"
        );
    }
    let about = only("Casi el 40% votó.", "es");
    assert_eq!(about.text, "40%");
}

#[test]
fn ordinals() {
    let found = numbers(
        "The first attack, the 2nd wave and el primer ataque, la 3ª ola.",
        "en",
    );
    assert!(found.is_empty() || found.iter().all(|m| m.kind == NumberKind::Ordinal));
    let english: Vec<_> = numbers("The first attack and the 2nd wave.", "en")
        .into_iter()
        .map(|m| (m.text, m.value, m.kind, m.unit))
        .collect();
    assert_eq!(
        english,
        [
            (
                "first".to_string(),
                Some(1.0),
                NumberKind::Ordinal,
                Some("attack".to_string())
            ),
            (
                "2nd".to_string(),
                Some(2.0),
                NumberKind::Ordinal,
                Some("wave".to_string())
            ),
        ]
    );
    let spanish: Vec<_> = numbers("Fue el primer ataque y la 3ª ola.", "es")
        .into_iter()
        .map(|m| (m.text, m.value))
        .collect();
    assert_eq!(
        spanish,
        [
            ("primer".to_string(), Some(1.0)),
            ("3ª".to_string(), Some(3.0))
        ]
    );
    // An adverb "first" without a determiner is not an ordinal.
    assert!(numbers("First, he spoke.", "en").is_empty());
}

#[test]
fn years_and_dates_are_not_counts() {
    let found = numbers(
        "On Feb. 22, 2026 at 10:30 a.m., founded in 2009, 2009 people met; score 3-1.",
        "en",
    );
    let read: Vec<_> = found
        .into_iter()
        .map(|m| (m.text, m.kind, m.unit))
        .collect();
    assert_eq!(
        read,
        [
            ("2026".to_string(), NumberKind::Year, None),
            ("2009".to_string(), NumberKind::Year, None),
            (
                "2009".to_string(),
                NumberKind::Count,
                Some("people".to_string())
            ),
        ]
    );
    let spanish: Vec<_> = numbers("El 3 de marzo de 2025 llegaron 300 agentes.", "es")
        .into_iter()
        .map(|m| (m.text, m.kind))
        .collect();
    assert_eq!(
        spanish,
        [
            ("2025".to_string(), NumberKind::Year),
            ("300".to_string(), NumberKind::Count)
        ]
    );
    assert_eq!(only("in the 2018 election", "en").kind, NumberKind::Year);
}

#[test]
fn scaled_figures_take_their_noun_after_of() {
    let found = only("Some 3 millones de personas votaron.", "es");
    assert_eq!(
        (found.value, found.unit.as_deref()),
        (Some(3e6), Some("personas"))
    );
    let found = only("About 1.5 million people fled.", "en");
    assert_eq!(
        (found.text.as_str(), found.value, found.quantity),
        ("About 1.5 million", Some(1.5e6), Quantity::About)
    );
}

#[test]
fn wire_abbreviations_and_capitalised_words_after_figures() {
    let found = numbers("Net profit 22.4 mln dlrs vs 18.1 Note", "en");
    let read: Vec<_> = found
        .iter()
        .map(|m| (m.text.as_str(), m.value, &m.kind, m.unit.as_deref()))
        .collect();
    assert_eq!(
        read,
        [
            ("22.4 mln dlrs", Some(22.4e6), &money_in("USD"), None),
            ("18.1", Some(18.1), &NumberKind::Count, None),
        ]
    );
    assert!(numbers("Sales rose mln.", "en").is_empty());
    assert_eq!(only("Shares 1,497 Avg", "en").unit, None);
}
