//! Event clusters as CSV with ACLED's column names and codebook meanings, one row per cluster
//! and place, for R, pandas and DuckDB.
//!
//! ACLED codes political violence, demonstrations and strategic developments; PLOVER codes more
//! (requests, accusations, consultations), which ACLED does not record and this export skips.
//! [`MAPPING`] is the whole table from PLOVER type and mode to ACLED's event type and sub-event
//! type; an ASSAULT between two armed parties is a battle, and against anyone else violence
//! against civilians. Other columns:
//!
//! - `event_id_cnty`: the country code and the cluster's number (`MX52` for C52).
//! - `time_precision`: 1 for a day, 2 for a week or a date known only from publication, 3 for a
//!   month or a year.
//! - `geo_precision`: 1 for a town, 2 for a district, 3 for a state or a country.
//! - `inter1`, `inter2`: ACLED's actor codes (1 state forces, 2 rebels, 3 political militias,
//!   5 rioters, 6 protesters, 7 civilians, 8 external), read from the actor's name; empty when
//!   the name does not say. `interaction` joins the two, lowest first.
//! - `fatalities`: the most conservative figure any report gives, as ACLED codes them.
//! - `notes`: the date, then the words of the first report that say it happened, with the
//!   outlet; differing counts follow.
//! - `source`: the outlets, `;`-separated. `tags`: Tessera's certainty, corroboration,
//!   credibility and cluster id. `timestamp`: the latest report's publication (Unix seconds).
//! - `iso`, `region`, `admin2`, `admin3`, `source_scale`: left empty (Tessera does not hold them).

use crate::ExportSummary;
use crate::error::{Doing, ExportError};
use crate::records::{self, Selection};
use crate::text::csv;
use rusqlite::Connection;
use std::collections::HashMap;
use std::io::Write;
use tessera_graph::ClusterRecord;

/// The columns, in ACLED's order.
pub const COLUMNS: &[&str] = &[
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's classification of one event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcledType {
    pub disorder_type: &'static str,
    pub event_type: &'static str,
    pub sub_event_type: &'static str,
}

const VIOLENCE: &str = "Political violence";
const DEMONSTRATIONS: &str = "Demonstrations";
const STRATEGIC: &str = "Strategic developments";

const fn acled(
    disorder_type: &'static str,
    event_type: &'static str,
    sub: &'static str,
) -> AcledType {
    AcledType {
        disorder_type,
        event_type,
        sub_event_type: sub,
    }
}

/// PLOVER type, mode (`*`: any other or none) → ACLED. ASSAULT's `*` row is for one-sided
/// violence; between two armed parties it is [`ARMED_CLASH`].
pub const MAPPING: &[(&str, &str, AcledType)] = &[
    (
        "ASSAULT",
        "explosives",
        acled(
            VIOLENCE,
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
    ),
    (
        "ASSAULT",
        "suicide-attack",
        acled(VIOLENCE, "Explosions/Remote violence", "Suicide bomb"),
    ),
    (
        "ASSAULT",
        "aerial",
        acled(VIOLENCE, "Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "ASSAULT",
        "drone",
        acled(VIOLENCE, "Explosions/Remote violence", "Air/drone strike"),
    ),
    (
        "ASSAULT",
        "heavy-weapons",
        acled(
            VIOLENCE,
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
        ),
    ),
    (
        "ASSAULT",
        "sexual",
        acled(VIOLENCE, "Violence against civilians", "Sexual violence"),
    ),
    (
        "ASSAULT",
        "abduct",
        acled(
            VIOLENCE,
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
    ),
    (
        "ASSAULT",
        "crowd-control",
        acled(
            "Political violence; Demonstrations",
            "Protests",
            "Excessive force against protesters",
        ),
    ),
    (
        "ASSAULT",
        "destroy",
        acled(
            STRATEGIC,
            "Strategic developments",
            "Looting/property destruction",
        ),
    ),
    (
        "ASSAULT",
        "*",
        acled(VIOLENCE, "Violence against civilians", "Attack"),
    ),
    (
        "PROTEST",
        "riot",
        acled(DEMONSTRATIONS, "Riots", "Violent demonstration"),
    ),
    (
        "PROTEST",
        "vandalize",
        acled(DEMONSTRATIONS, "Riots", "Violent demonstration"),
    ),
    (
        "PROTEST",
        "*",
        acled(DEMONSTRATIONS, "Protests", "Peaceful protest"),
    ),
    (
        "COERCE",
        "arrest",
        acled(STRATEGIC, "Strategic developments", "Arrests"),
    ),
    (
        "COERCE",
        "seize",
        acled(
            STRATEGIC,
            "Strategic developments",
            "Looting/property destruction",
        ),
    ),
    (
        "COERCE",
        "*",
        acled(STRATEGIC, "Strategic developments", "Other"),
    ),
    (
        "AGREE",
        "*",
        acled(STRATEGIC, "Strategic developments", "Agreement"),
    ),
    (
        "RETREAT",
        "ceasefire",
        acled(STRATEGIC, "Strategic developments", "Agreement"),
    ),
    (
        "RETREAT",
        "withdraw",
        acled(
            STRATEGIC,
            "Strategic developments",
            "Non-violent transfer of territory",
        ),
    ),
    (
        "RETREAT",
        "*",
        acled(STRATEGIC, "Strategic developments", "Other"),
    ),
    (
        "MOBILIZE",
        "*",
        acled(STRATEGIC, "Strategic developments", "Other"),
    ),
];

/// An ASSAULT between two armed parties.
pub const ARMED_CLASH: AcledType = acled(VIOLENCE, "Battles", "Armed clash");

/// ACLED's classification of a PLOVER type and mode; `None` for what ACLED does not record.
/// `armed_sides`: whether both actor and target are armed parties.
pub fn classify(kind: &str, mode: Option<&str>, armed_sides: bool) -> Option<AcledType> {
    let kind = kind.to_uppercase();
    let mode = mode.unwrap_or("");
    let exact = MAPPING
        .iter()
        .find(|(k, m, _)| *k == kind && *m == mode)
        .map(|(_, _, t)| *t);
    let any = || {
        MAPPING
            .iter()
            .find(|(k, m, _)| *k == kind && *m == "*")
            .map(|(_, _, t)| *t)
    };
    let found = exact.or_else(any)?;
    let one_sided = found == acled(VIOLENCE, "Violence against civilians", "Attack");
    Some(if one_sided && armed_sides {
        ARMED_CLASH
    } else {
        found
    })
}

/// ACLED's actor code from the words of an actor's name; `None` when they do not say.
pub fn inter_code(name: &str) -> Option<u8> {
    let words: Vec<String> = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    let has = |list: &[&str]| words.iter().any(|w| list.contains(&w.as_str()));
    if has(&[
        "rebels",
        "rebel",
        "guerrilla",
        "guerrillas",
        "guerrilleros",
        "insurgents",
        "insurgentes",
        "liberation",
        "liberación",
        "npa",
        "eln",
        "farc",
    ]) {
        Some(2)
    } else if has(&[
        "militia",
        "militias",
        "milicia",
        "milicias",
        "cartel",
        "cártel",
        "gang",
        "gangs",
        "pandilla",
        "gunmen",
        "sicarios",
        "paramilitaries",
        "paramilitares",
    ]) {
        Some(3)
    } else if has(&[
        "police",
        "policía",
        "policia",
        "army",
        "ejército",
        "ejercito",
        "military",
        "militares",
        "soldiers",
        "soldados",
        "troops",
        "tropas",
        "navy",
        "marina",
        "sedena",
        "guard",
        "guardia",
        "forces",
        "fuerzas",
        "government",
        "gobierno",
        "ministry",
        "ministerio",
    ]) {
        Some(1)
    } else if has(&["rioters", "saqueadores", "looters"]) {
        Some(5)
    } else if has(&[
        "protesters",
        "demonstrators",
        "manifestantes",
        "protestors",
        "strikers",
        "huelguistas",
        "farmers",
        "agricultores",
        "campesinos",
        "truckers",
        "camioneros",
        "transportistas",
    ]) {
        Some(6)
    } else if has(&[
        "civilians",
        "civiles",
        "residents",
        "vecinos",
        "pobladores",
        "villagers",
        "habitantes",
        "family",
        "familia",
        "relatives",
        "familiares",
        "children",
        "niños",
        "women",
        "mujeres",
    ]) {
        Some(7)
    } else {
        None
    }
}

/// Writes the header and a row per cluster ACLED records.
pub fn write(
    conn: &Connection,
    selection: &Selection,
    out: &mut dyn Write,
) -> Result<ExportSummary, ExportError> {
    writeln!(out, "{}", COLUMNS.join(","))?;
    let mut summary = ExportSummary::default();
    let mut countries: HashMap<String, String> = HashMap::new();
    for cluster in &selection.clusters {
        match row(conn, cluster, &mut countries)? {
            Some(fields) => {
                let line: Vec<String> = fields.iter().map(|f| csv(f)).collect();
                writeln!(out, "{}", line.join(","))?;
                summary.clusters += 1;
            }
            None => summary.skipped += 1,
        }
    }
    Ok(summary)
}

fn row(
    conn: &Connection,
    c: &ClusterRecord,
    countries: &mut HashMap<String, String>,
) -> Result<Option<Vec<String>>, ExportError> {
    let actor1 = c.actors.first().map(|p| p.name.clone());
    let actor2 = c.recipients.first().map(|p| p.name.clone());
    let inter1 = actor1.as_deref().and_then(inter_code);
    let inter2 = actor2.as_deref().and_then(inter_code);
    let armed = |code: Option<u8>| matches!(code, Some(1..=3));
    let Some(kind) = classify(&c.kind, c.mode.as_deref(), armed(inter1) && armed(inter2)) else {
        return Ok(None);
    };
    let Some(date) = &c.date else {
        return Ok(None);
    };
    let (day, time_precision) = match date.precision.as_str() {
        "day" => (date.value.clone(), 1),
        "week" | "publication" => (date.value.clone(), 2),
        "month" => (format!("{}-01", date.value), 3),
        _ => (
            format!("{}-01-01", &date.value[..date.value.len().min(4)]),
            3,
        ),
    };
    let place = c.place.as_ref();
    let iso2 = place.and_then(|p| p.country.clone());
    let country = match &iso2 {
        Some(code) => country_name(conn, code, countries)?,
        None => String::new(),
    };
    let geo_precision = match place.and_then(|p| p.precision.as_deref()) {
        Some("city") => "1",
        Some("admin2") => "2",
        Some(_) => "3",
        None => "",
    };
    let interaction = match (inter1, inter2) {
        (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
        (Some(a), None) | (None, Some(a)) => format!("{a}0"),
        _ => String::new(),
    };
    let civilian = kind.event_type == "Violence against civilians" || inter2 == Some(7);
    let mut sources: Vec<String> = c.reports.iter().filter_map(|r| r.source.clone()).collect();
    sources.sort();
    sources.dedup();
    let fatalities = c
        .fatalities
        .values
        .iter()
        .filter_map(|v| v.value.as_u64())
        .min()
        .unwrap_or(0);
    let timestamp = c
        .reports
        .iter()
        .filter_map(|r| r.published.as_deref())
        .max()
        .and_then(unix_seconds)
        .map(|s| s.to_string())
        .unwrap_or_default();
    let number = records::cluster_number(&c.id).unwrap_or_default();
    let names = |list: &[tessera_graph::aggregate::ParticipantOut]| {
        list.iter()
            .skip(1)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    };
    Ok(Some(vec![
        format!("{}{number}", iso2.as_deref().unwrap_or("XX")),
        day.clone(),
        day.get(..4).unwrap_or_default().to_string(),
        time_precision.to_string(),
        kind.disorder_type.to_string(),
        kind.event_type.to_string(),
        kind.sub_event_type.to_string(),
        actor1.unwrap_or_default(),
        names(&c.actors),
        inter1.map(|i| i.to_string()).unwrap_or_default(),
        actor2.unwrap_or_default(),
        names(&c.recipients),
        inter2.map(|i| i.to_string()).unwrap_or_default(),
        interaction,
        if civilian {
            "Civilian targeting".into()
        } else {
            String::new()
        },
        String::new(),
        String::new(),
        country,
        place.and_then(|p| p.admin1.clone()).unwrap_or_default(),
        String::new(),
        String::new(),
        place.map(|p| p.name.clone()).unwrap_or_default(),
        place
            .and_then(|p| p.lat)
            .map(|v| format!("{v:.4}"))
            .unwrap_or_default(),
        place
            .and_then(|p| p.lon)
            .map(|v| format!("{v:.4}"))
            .unwrap_or_default(),
        geo_precision.to_string(),
        sources.join("; "),
        String::new(),
        notes(conn, c, &day)?,
        fatalities.to_string(),
        format!(
            "certainty={}; corroboration={}; credibility={}; tessera={}",
            c.certainty, c.corroboration, c.credibility, c.id
        ),
        timestamp,
    ]))
}

/// The date, the words of the first report, its outlet; differing counts after.
fn notes(conn: &Connection, c: &ClusterRecord, day: &str) -> Result<String, ExportError> {
    let mut notes = format!("On {day}:");
    if let Some(first) = c.reports.first() {
        if let Some(words) = records::evidence(conn, &first.document, &first.event)? {
            notes.push_str(&format!(" \"{words}\""));
        }
        if let Some(source) = &first.source {
            notes.push_str(&format!(" ({source})"));
        }
    }
    for contradiction in &c.contradictions {
        let values: Vec<String> = contradiction
            .values
            .iter()
            .map(|v| v.cited(&v.document))
            .collect();
        notes.push_str(&format!(
            " Reports differ on {}: {}.",
            contradiction.field,
            values.join(", ")
        ));
    }
    Ok(notes)
}

/// A country's name as the store's gazetteer matches give it, else its code.
fn country_name(
    conn: &Connection,
    code: &str,
    known: &mut HashMap<String, String>,
) -> Result<String, ExportError> {
    if let Some(name) = known.get(code) {
        return Ok(name.clone());
    }
    let name: Option<String> = conn
        .prepare_cached(
            "SELECT place_name FROM entities
             WHERE feature = 'country' AND place_country = ?1 AND place_name IS NOT NULL LIMIT 1",
        )
        .doing("preparing a country look-up")?
        .query_row([code], |r| r.get(0))
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            other => Err(other),
        })
        .doing("reading a country name")?;
    let name = name.unwrap_or_else(|| code.to_string());
    known.insert(code.to_string(), name.clone());
    Ok(name)
}

/// Midnight UTC of a `YYYY-MM-DD` day, in Unix seconds.
fn unix_seconds(day: &str) -> Option<i64> {
    if day.len() < 10 {
        return None;
    }
    Some(crate::text::epoch_days(day)? * 86_400)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mapping_covers_violence_protest_and_strategic_developments() {
        let t = |kind, mode, armed| classify(kind, mode, armed).map(|t| t.sub_event_type);
        assert_eq!(t("ASSAULT", Some("firearms"), false), Some("Attack"));
        assert_eq!(t("ASSAULT", Some("firearms"), true), Some("Armed clash"));
        assert_eq!(t("ASSAULT", None, true), Some("Armed clash"));
        assert_eq!(
            t("ASSAULT", Some("explosives"), true),
            Some("Remote explosive/landmine/IED")
        );
        assert_eq!(
            t("ASSAULT", Some("crowd-control"), false),
            Some("Excessive force against protesters")
        );
        assert_eq!(t("PROTEST", Some("demo"), false), Some("Peaceful protest"));
        assert_eq!(
            t("PROTEST", Some("riot"), false),
            Some("Violent demonstration")
        );
        assert_eq!(t("PROTEST", None, false), Some("Peaceful protest"));
        assert_eq!(t("COERCE", Some("arrest"), false), Some("Arrests"));
        assert_eq!(t("AGREE", None, false), Some("Agreement"));
        assert_eq!(t("REQUEST", Some("assist"), false), None);
        assert_eq!(t("ACCUSE", None, false), None);
        // Every event type named in the table is a PLOVER type, and every ACLED event type is
        // one of the codebook's six.
        let plover: Vec<&str> = tessera_doc::EventType::ALL
            .iter()
            .map(|t| t.as_str())
            .collect();
        let acled_types = [
            "Battles",
            "Explosions/Remote violence",
            "Violence against civilians",
            "Protests",
            "Riots",
            "Strategic developments",
        ];
        for (kind, _, t) in MAPPING {
            assert!(plover.contains(kind), "{kind}");
            assert!(acled_types.contains(&t.event_type), "{}", t.event_type);
        }
    }

    #[test]
    fn actor_codes_come_from_the_name() {
        assert_eq!(inter_code("Policía Estatal"), Some(1));
        assert_eq!(inter_code("Philippine Army"), Some(1));
        assert_eq!(inter_code("Liberation Army of the Visayas"), Some(2));
        assert_eq!(inter_code("manifestantes"), Some(6));
        assert_eq!(inter_code("María Pérez"), None);
    }

    #[test]
    fn days_become_unix_seconds() {
        assert_eq!(unix_seconds("1970-01-01"), Some(0));
        assert_eq!(unix_seconds("2026-03-04"), Some(1_772_582_400));
        assert_eq!(unix_seconds("2026-03"), None);
    }
}
