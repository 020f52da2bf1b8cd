//! Spanish date tests. Most use Tuesday 24 February 2026 as the publication date.

use crate::test_support::{dates, dates_in, day, one_date, pair, tuesday};
use crate::{Direction, Precision};

#[test]
fn weekdays_bare_and_modified() {
    assert_eq!(
        one_date("Fue abatido el domingo en Tapalpa.", "es", tuesday()),
        pair("domingo", "2026-02-22")
    );
    assert_eq!(
        one_date("Ocurrió el pasado lunes.", "es", tuesday()),
        pair("el pasado lunes", "2026-02-23")
    );
    assert_eq!(
        one_date("Ocurrió el lunes pasado.", "es", tuesday()),
        pair("el lunes pasado", "2026-02-23")
    );
    assert_eq!(
        one_date("Llegará el próximo lunes.", "es", tuesday()),
        pair("el próximo lunes", "2026-03-02")
    );
    assert_eq!(
        one_date("Se reunirán el lunes que viene.", "es", tuesday()),
        pair("el lunes que viene", "2026-03-02")
    );
    assert_eq!(
        one_date("Lo detuvieron este domingo.", "es", tuesday()),
        pair("este domingo", "2026-02-22")
    );
    assert_eq!(
        one_date("Habrá elecciones este jueves.", "es", tuesday()),
        pair("este jueves", "2026-02-26")
    );
}

#[test]
fn future_tense_and_planning_verbs_move_a_weekday_forward() {
    assert_eq!(
        one_date("El presidente viajará el lunes a Lima.", "es", tuesday()),
        pair("lunes", "2026-03-02")
    );
    assert_eq!(
        one_date(
            "El sindicato convocó una huelga el miércoles.",
            "es",
            tuesday()
        ),
        pair("miércoles", "2026-02-25")
    );
    let past = dates_in("El ejército atacó el miércoles.", "es", tuesday());
    assert_eq!(
        past[0].resolved.as_ref().map(|r| r.value.as_str()),
        Some("2026-02-18")
    );
    assert_eq!(past[0].direction, Direction::Past);
}

#[test]
fn weekday_boundaries() {
    // Sábado 1 de marzo de 2025: el lunes pasado fue en febrero.
    assert_eq!(
        one_date("Ocurrió el pasado lunes.", "es", day(2025, 3, 1)),
        pair("el pasado lunes", "2025-02-24")
    );
    // Miércoles 31 de diciembre de 2025: el próximo lunes es de 2026.
    assert_eq!(
        one_date("Será el próximo lunes.", "es", day(2025, 12, 31)),
        pair("el próximo lunes", "2026-01-05")
    );
}

#[test]
fn manana_is_tomorrow_only_without_a_determiner() {
    assert_eq!(
        one_date("Mañana habrá marcha.", "es", tuesday()),
        pair("Mañana", "2026-02-25")
    );
    assert_eq!(
        one_date("La reunión de mañana se canceló.", "es", tuesday()),
        pair("mañana", "2026-02-25")
    );
    assert_eq!(
        one_date("Esta mañana hubo disparos.", "es", tuesday()),
        pair("Esta mañana", "2026-02-24")
    );
    assert_eq!(
        one_date("Ayer por la mañana hubo disparos.", "es", tuesday()),
        pair("Ayer", "2026-02-23")
    );
    assert!(
        dates(
            "Hubo disparos por la mañana y en la mañana.",
            "es",
            tuesday()
        )
        .is_empty()
    );
    assert_eq!(
        one_date("Llegan pasado mañana.", "es", tuesday()),
        pair("pasado mañana", "2026-02-26")
    );
}

#[test]
fn ayer_hoy_anteayer() {
    let found = dates(
        "Ayer hubo choques, anteayer bloqueos y hoy calma; anoche, disparos.",
        "es",
        day(2026, 3, 1),
    );
    assert_eq!(
        found,
        [
            pair("Ayer", "2026-02-28"),
            pair("anteayer", "2026-02-27"),
            pair("hoy", "2026-03-01"),
            pair("anoche", "2026-02-28")
        ]
    );
}

#[test]
fn relative_periods() {
    let found = dates(
        "La semana pasada, el mes pasado y el año pasado; la próxima semana, el mes próximo y el año que viene; esta semana y este año.",
        "es",
        day(2026, 1, 7),
    );
    assert_eq!(
        found,
        [
            pair("La semana pasada", "2025-12-29"),
            pair("el mes pasado", "2025-12"),
            pair("el año pasado", "2025"),
            pair("la próxima semana", "2026-01-12"),
            pair("el mes próximo", "2026-02"),
            pair("el año que viene", "2027"),
            pair("esta semana", "2026-01-05"),
            pair("este año", "2026"),
        ]
    );
    let week = dates_in("Ocurrió la semana pasada.", "es", tuesday());
    assert_eq!(
        week[0].resolved.as_ref().map(|r| r.precision),
        Some(Precision::Week)
    );
    assert_eq!(week[0].direction, Direction::Past);
    assert_eq!(
        one_date("Hace dos días hubo disparos.", "es", tuesday()),
        pair("Hace dos días", "2026-02-22")
    );
    assert_eq!(
        one_date("Llegó hace un año.", "es", tuesday()),
        pair("hace un año", "2025")
    );
}

#[test]
fn explicit_dates() {
    let found = dates(
        "El 3 de marzo de 2025, el 3 de marzo, en marzo de 2025, el 1º de mayo del 2024 y el 22/02/2026.",
        "es",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("3 de marzo de 2025", "2025-03-03"),
            pair("3 de marzo", "2025-03-03"),
            pair("marzo de 2025", "2025-03"),
            pair("1º de mayo del 2024", "2024-05-01"),
            pair("22/02/2026", "2026-02-22"),
        ]
    );
    // Day first in Spanish even when both readings are possible.
    assert_eq!(
        one_date("Publicado el 02/03/2026.", "es", None),
        pair("02/03/2026", "2026-03-02")
    );
    assert_eq!(
        one_date("Publicado el 22.02.2026.", "es", None),
        pair("22.02.2026", "2026-02-22")
    );
}

#[test]
fn months_and_years_need_a_context() {
    let found = dates(
        "Fundado en 2009, opera desde 2019; en marzo creció y a finales de marzo cayó.",
        "es",
        tuesday(),
    );
    assert_eq!(
        found,
        [
            pair("2009", "2009"),
            pair("2019", "2019"),
            pair("marzo", "2025-03"),
            pair("marzo", "2025-03")
        ]
    );
    assert_eq!(
        one_date("Ocurrió a principios de 2025.", "es", tuesday()),
        pair("2025", "2025")
    );
    assert_eq!(
        one_date("Ocurrió el pasado mes de marzo.", "es", day(2026, 5, 2)),
        pair("el pasado mes de marzo", "2026-03")
    );
    assert!(dates("Llegaron 2009 personas al mar.", "es", tuesday()).is_empty());
}

#[test]
fn weekday_with_a_day_of_the_month() {
    assert_eq!(
        one_date("Ocurrió el domingo 22 en Tapalpa.", "es", tuesday()),
        pair("domingo 22", "2026-02-22")
    );
    assert_eq!(
        one_date("Ocurrió el lunes 23 de febrero.", "es", tuesday()),
        pair("lunes 23 de febrero", "2026-02-23")
    );
    // A count after the weekday is not its day.
    assert_eq!(
        one_date("El lunes 5 personas murieron.", "es", tuesday()),
        pair("lunes", "2026-02-23")
    );
}
