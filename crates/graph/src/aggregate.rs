//! A cluster's record, rebuilt from all its reports whenever one joins: the most precise place
//! and date, every participant, every count with where it came from, contradictions,
//! corroboration and credibility.

use crate::error::{Doing, GraphError};
use crate::{names, sources};
use rusqlite::{Transaction, params};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One event cluster, as `tessera events` prints it (one JSON object a line).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ClusterRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
    pub contexts: Vec<String>,
    pub place: Option<PlaceOut>,
    pub date: Option<DateOut>,
    pub actors: Vec<ParticipantOut>,
    pub recipients: Vec<ParticipantOut>,
    pub fatalities: Count,
    #[serde(default, skip_serializing_if = "Count::is_empty")]
    pub injured: Count,
    #[serde(default, skip_serializing_if = "Count::is_empty")]
    pub arrested: Count,
    pub contradictions: Vec<Contradiction>,
    pub documents: Vec<String>,
    pub reports: Vec<Report>,
    pub corroboration: usize,
    pub credibility: u8,
    pub certainty: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PlaceOut {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames_id: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub precision: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DateOut {
    pub value: String,
    pub precision: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ParticipantOut {
    /// The graph entity (`E…`), when the words name one.
    pub entity: Option<String>,
    pub name: String,
    /// How many reports name it.
    pub reports: usize,
}

/// A count and every value reported, with where each came from. `best` is the latest report's
/// value (a later report revises an earlier count), the highest on a tie.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Count {
    pub best: Option<u32>,
    pub values: Vec<Sourced>,
}

impl Count {
    fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Sourced {
    pub value: serde_json::Value,
    pub document: String,
    pub event: String,
    pub source: Option<String>,
    pub published: Option<String>,
}

impl Sourced {
    /// The value and who gave it: the outlet, else `document` (how the caller names it).
    pub fn cited(&self, document: &str) -> String {
        format!(
            "{} ({})",
            self.value,
            self.source.as_deref().unwrap_or(document)
        )
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Contradiction {
    pub field: String,
    pub values: Vec<Sourced>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub document: String,
    pub event: String,
    pub source: Option<String>,
    pub published: Option<String>,
    pub certainty: String,
    pub attribution: Vec<String>,
    /// Whose word this report rests on; reports with one originator are not independent.
    pub originator: String,
}

struct Row {
    doc: String,
    event: i64,
    doc_row: i64,
    published: Option<String>,
    outlet: Option<String>,
    agency: Option<String>,
    mode: Option<String>,
    contexts: String,
    place: Option<PlaceOut>,
    date: Option<DateOut>,
    fatalities: Option<u32>,
    injured: Option<u32>,
    arrested: Option<u32>,
    certainty: String,
    attribution: String,
}

fn place_rank(p: &PlaceOut) -> u8 {
    crate::clusters::precision_rank(p.precision.as_deref())
}

fn date_rank(d: &DateOut) -> u8 {
    match d.precision.as_str() {
        "day" => 5,
        "week" => 4,
        "month" => 3,
        "year" => 2,
        _ => 1,
    }
}

fn read_rows(tx: &Transaction<'_>, cluster: i64) -> Result<Vec<Row>, GraphError> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT d.id, e.idx, cr.doc, d.published, g.outlet, g.agency, e.mode, e.contexts,
                    e.place_name, e.geonames_id, e.lat, e.lon, e.country, e.admin1,
                    e.place_precision, e.date, e.date_precision, e.fatalities, e.injured,
                    e.arrested, e.certainty, e.attribution
             FROM cluster_reports cr
             JOIN events e ON e.doc = cr.doc AND e.idx = cr.event
             JOIN documents d ON d.rowid = cr.doc
             LEFT JOIN graph_documents g ON g.doc = cr.doc
             WHERE cr.cluster = ?1 ORDER BY cr.doc, cr.event",
        )
        .doing("preparing a cluster's reports")?;
    let rows = stmt
        .query_map([cluster], |r| {
            let place_name: Option<String> = r.get(8)?;
            let date: Option<String> = r.get(15)?;
            Ok(Row {
                doc: r.get(0)?,
                event: r.get(1)?,
                doc_row: r.get(2)?,
                published: r.get(3)?,
                outlet: r.get(4)?,
                agency: r.get(5)?,
                mode: r.get(6)?,
                contexts: r.get(7)?,
                place: place_name
                    .map(|name| -> rusqlite::Result<PlaceOut> {
                        Ok(PlaceOut {
                            name,
                            geonames_id: r.get(9)?,
                            lat: r.get(10)?,
                            lon: r.get(11)?,
                            country: r.get(12)?,
                            admin1: r.get(13)?,
                            precision: r.get(14)?,
                        })
                    })
                    .transpose()?,
                date: date
                    .map(|value| -> rusqlite::Result<DateOut> {
                        Ok(DateOut {
                            value,
                            precision: r.get::<_, Option<String>>(16)?.unwrap_or_default(),
                        })
                    })
                    .transpose()?,
                fatalities: r.get(17)?,
                injured: r.get(18)?,
                arrested: r.get(19)?,
                certainty: r.get(20)?,
                attribution: r.get(21)?,
            })
        })
        .doing("reading a cluster's reports")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading a cluster's reports")
}

/// `(role, graph id, graph name, words)` for each participant of a report.
fn read_participants(
    tx: &Transaction<'_>,
    doc_row: i64,
    event: i64,
) -> Result<Vec<(String, Option<i64>, String)>, GraphError> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT p.role, l.graph, COALESCE(g.name, p.name)
             FROM event_participants p
             LEFT JOIN entity_links l ON l.doc = p.doc AND l.entity = p.entity
             LEFT JOIN graph_entities g ON g.id = l.graph
             WHERE p.doc = ?1 AND p.event = ?2 ORDER BY p.role, p.idx",
        )
        .doing("preparing a report's participants")?;
    let rows = stmt
        .query_map(params![doc_row, event], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .doing("reading a report's participants")?;
    rows.collect::<Result<Vec<_>, _>>()
        .doing("reading a report's participants")
}

/// Whose word a report rests on (see [`crate::sources`]).
fn originator(
    tx: &Transaction<'_>,
    row: &Row,
    chain: &[serde_json::Value],
) -> Result<String, GraphError> {
    if let Some(innermost) = chain.first() {
        let name = innermost
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or_default();
        if let Some(wire) = sources::wire(name) {
            return Ok(format!("wire:{wire}"));
        }
        if let Some(idx) = innermost.get("entity").and_then(|e| e.as_i64()) {
            let graph: Option<i64> = tx
                .prepare_cached("SELECT graph FROM entity_links WHERE doc = ?1 AND entity = ?2")
                .doing("preparing a source lookup")?
                .query_row(params![row.doc_row, idx], |r| r.get(0))
                .ok();
            if let Some(graph) = graph {
                return Ok(format!("entity:E{graph}"));
            }
        }
        if !name.is_empty() {
            return Ok(format!("name:{}", names::fold(name)));
        }
    }
    Ok(match (&row.agency, &row.outlet) {
        (Some(agency), _) => format!("wire:{agency}"),
        (None, Some(outlet)) => match sources::wire(outlet) {
            Some(wire) => format!("wire:{wire}"),
            None => format!("outlet:{}", names::fold(outlet)),
        },
        (None, None) => format!("document:{}", row.doc),
    })
}

fn sourced(row: &Row, value: serde_json::Value) -> Sourced {
    Sourced {
        value,
        document: row.doc.clone(),
        event: format!("v{}", row.event + 1),
        source: row.outlet.clone(),
        published: row.published.clone(),
    }
}

fn count(rows: &[Row], get: impl Fn(&Row) -> Option<u32>) -> Count {
    let mut values = Vec::new();
    let mut best: Option<(Option<&str>, u32)> = None;
    for row in rows {
        if let Some(v) = get(row) {
            values.push(sourced(row, v.into()));
            let key = (row.published.as_deref(), v);
            if best.is_none_or(|b| key > b) {
                best = Some(key);
            }
        }
    }
    Count {
        best: best.map(|b| b.1),
        values,
    }
}

fn contradiction(field: &str, count: &Count) -> Option<Contradiction> {
    let distinct: BTreeSet<String> = count.values.iter().map(|v| v.value.to_string()).collect();
    (distinct.len() > 1).then(|| Contradiction {
        field: field.to_string(),
        values: count.values.clone(),
    })
}

/// Rebuilds a cluster's record and columns from its reports.
pub(crate) fn rebuild(tx: &Transaction<'_>, cluster: i64) -> Result<(), GraphError> {
    let kind: String = tx
        .prepare_cached("SELECT type FROM clusters WHERE id = ?1")
        .doing("preparing a cluster lookup")?
        .query_row([cluster], |r| r.get(0))
        .doing("reading a cluster")?;
    let rows = read_rows(tx, cluster)?;
    if rows.is_empty() {
        tx.execute(
            "DELETE FROM cluster_participants WHERE cluster = ?1",
            [cluster],
        )
        .doing("removing an empty cluster's participants")?;
        tx.execute("DELETE FROM clusters WHERE id = ?1", [cluster])
            .doing("removing an empty cluster")?;
        return Ok(());
    }

    let mut reports = Vec::new();
    let mut originators = BTreeSet::new();
    let mut contexts = BTreeSet::new();
    let mut modes: BTreeMap<String, usize> = BTreeMap::new();
    let mut certainties: BTreeMap<String, usize> = BTreeMap::new();
    let mut participants: BTreeMap<(String, String), (Option<i64>, String, usize)> =
        BTreeMap::new();
    let mut graded_names = BTreeSet::new();
    for row in &rows {
        let chain: Vec<serde_json::Value> =
            serde_json::from_str(&row.attribution).unwrap_or_default();
        let origin = originator(tx, row, &chain)?;
        originators.insert(origin.clone());
        let ctx: Vec<String> = serde_json::from_str(&row.contexts).unwrap_or_default();
        contexts.extend(ctx);
        if let Some(mode) = &row.mode {
            *modes.entry(mode.clone()).or_default() += 1;
        }
        *certainties.entry(row.certainty.clone()).or_default() += 1;
        graded_names.extend(row.outlet.clone());
        graded_names.extend(row.agency.clone());
        for (role, graph, name) in read_participants(tx, row.doc_row, row.event)? {
            let key = match graph {
                Some(g) => format!("E{g}"),
                None => names::fold(&name),
            };
            let slot = participants.entry((role, key)).or_insert((graph, name, 0));
            slot.2 += 1;
        }
        reports.push(Report {
            document: row.doc.clone(),
            event: format!("v{}", row.event + 1),
            source: row.outlet.clone(),
            published: row.published.clone(),
            certainty: row.certainty.clone(),
            attribution: chain
                .iter()
                .filter_map(|a| a.get("name").and_then(|n| n.as_str()).map(str::to_string))
                .collect(),
            originator: origin,
        });
    }

    let place = rows
        .iter()
        .filter_map(|r| r.place.as_ref())
        .max_by_key(|p| {
            (
                place_rank(p),
                rows.iter().filter(|r| r.place.as_ref() == Some(*p)).count(),
            )
        })
        .cloned();
    let date = {
        let mut dated: Vec<&DateOut> = rows.iter().filter_map(|r| r.date.as_ref()).collect();
        dated.sort_by(|a, b| {
            let count = |d: &DateOut| dated_count(&rows, d);
            (date_rank(b), count(b), &a.value).cmp(&(date_rank(a), count(a), &b.value))
        });
        dated.first().map(|d| (*d).clone()).or_else(|| {
            rows.iter()
                .filter_map(|r| r.published.clone())
                .min()
                .map(|value| DateOut {
                    value,
                    precision: "publication".into(),
                })
        })
    };
    // Where to match later reports: the reports' own place, else the scene of their document.
    // A place named but not found in the gazetteer ("Kondele Police Station") cannot be
    // compared by distance: the scene stands in for it.
    let located = rows
        .iter()
        .filter_map(|r| r.place.as_ref().filter(|p| p.lat.is_some()))
        .max_by_key(|p| place_rank(p))
        .cloned();
    let from_scene = located.is_none();
    let matching_place = located.or_else(|| {
        rows.iter()
            .find_map(|r| scene_of(tx, r.doc_row).ok().flatten())
    });
    let fatalities = count(&rows, |r| r.fatalities);
    let injured = count(&rows, |r| r.injured);
    let arrested = count(&rows, |r| r.arrested);
    let mut contradictions: Vec<Contradiction> = [
        contradiction("fatalities", &fatalities),
        contradiction("injured", &injured),
        contradiction("arrested", &arrested),
    ]
    .into_iter()
    .flatten()
    .collect();
    if modes.len() > 1 {
        contradictions.push(Contradiction {
            field: "mode".into(),
            values: rows
                .iter()
                .filter_map(|r| r.mode.clone().map(|m| sourced(r, m.into())))
                .collect(),
        });
    }
    let denied = certainties.contains_key("denied");
    let affirmed = certainties.contains_key("confirmed") || certainties.contains_key("reported");
    if denied && affirmed {
        contradictions.push(Contradiction {
            field: "certainty".into(),
            values: rows
                .iter()
                .map(|r| sourced(r, r.certainty.clone().into()))
                .collect(),
        });
    }
    let grade = best_grade(tx, &graded_names)?;
    let corroboration = originators.len();
    let credibility = sources::credibility(corroboration, grade, affirmed, denied);
    let certainty = certainties
        .iter()
        .max_by_key(|(c, n)| (**n, certainty_rank(c)))
        .map(|(c, _)| c.clone())
        .unwrap_or_else(|| "confirmed".into());
    let mode = modes
        .iter()
        .max_by_key(|(m, n)| (**n, std::cmp::Reverse((*m).clone())))
        .map(|(m, _)| m.clone());
    let (mut actors, mut recipients) = (Vec::new(), Vec::new());
    for ((role, _), (graph, name, n)) in participants {
        let out = ParticipantOut {
            entity: graph.map(|g| format!("E{g}")),
            name,
            reports: n,
        };
        if role == "actor" {
            actors.push(out);
        } else {
            recipients.push(out);
        }
    }
    actors.sort_by(|a, b| b.reports.cmp(&a.reports).then(a.name.cmp(&b.name)));
    recipients.sort_by(|a, b| b.reports.cmp(&a.reports).then(a.name.cmp(&b.name)));
    let mut documents: Vec<String> = rows.iter().map(|r| r.doc.clone()).collect();
    documents.dedup();

    let record = ClusterRecord {
        id: format!("C{cluster}"),
        kind,
        mode: mode.clone(),
        contexts: contexts.into_iter().collect(),
        place: place.clone(),
        date: date.clone(),
        actors,
        recipients,
        fatalities: fatalities.clone(),
        injured,
        arrested,
        contradictions,
        documents,
        reports,
        corroboration,
        credibility,
        certainty: certainty.clone(),
    };
    let json = serde_json::to_string(&record).map_err(|e| GraphError::Invalid(e.to_string()))?;
    tx.prepare_cached(
        "UPDATE clusters SET mode = ?2, date = ?3, date_precision = ?4, lat = ?5, lon = ?6,
            country = ?7, admin1 = ?8, geonames_id = ?9, precision = ?10, fatalities = ?11,
            reports = ?12, corroboration = ?13, credibility = ?14, certainty = ?15, record = ?16,
            place_from_scene = ?17, cell = ?18
         WHERE id = ?1",
    )
    .doing("preparing a cluster update")?
    .execute(params![
        cluster,
        mode,
        date.as_ref().map(|d| &d.value),
        date.as_ref().map(|d| &d.precision),
        matching_place.as_ref().and_then(|p| p.lat),
        matching_place.as_ref().and_then(|p| p.lon),
        matching_place.as_ref().and_then(|p| p.country.clone()),
        matching_place.as_ref().and_then(|p| p.admin1.clone()),
        matching_place.as_ref().and_then(|p| p.geonames_id),
        matching_place.as_ref().and_then(|p| p.precision.clone()),
        fatalities.best,
        rows.len() as i64,
        corroboration as i64,
        credibility,
        certainty,
        json,
        from_scene,
        matching_place
            .as_ref()
            .and_then(|p| Some(crate::clusters::cell(p.lat?, p.lon?))),
    ])
    .doing("updating a cluster")?;
    tx.prepare_cached("DELETE FROM cluster_participants WHERE cluster = ?1")
        .doing("preparing to clear a cluster's participants")?
        .execute([cluster])
        .doing("clearing a cluster's participants")?;
    let mut add = tx
        .prepare_cached(
            "INSERT OR IGNORE INTO cluster_participants (entity, cluster, role, type, date)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .doing("preparing a participant")?;
    for (role, list) in [("actor", &record.actors), ("recipient", &record.recipients)] {
        for p in list {
            if let Some(id) = p.entity.as_deref().and_then(|e| e[1..].parse::<i64>().ok()) {
                add.execute(params![
                    id,
                    cluster,
                    role,
                    record.kind,
                    date.as_ref().map(|d| &d.value)
                ])
                .doing("adding a participant")?;
            }
        }
    }
    Ok(())
}

/// The scene of a document, as a place without a name.
fn scene_of(tx: &Transaction<'_>, doc_row: i64) -> Result<Option<PlaceOut>, GraphError> {
    let found = tx
        .prepare_cached(
            "SELECT scene_geonames_id, scene_lat, scene_lon, scene_country, scene_admin1,
                    scene_precision
             FROM graph_documents WHERE doc = ?1 AND scene_lat IS NOT NULL",
        )
        .doing("preparing a scene lookup")?
        .query_row([doc_row], |r| {
            Ok(PlaceOut {
                name: String::new(),
                geonames_id: r.get(0)?,
                lat: r.get(1)?,
                lon: r.get(2)?,
                country: r.get(3)?,
                admin1: r.get(4)?,
                precision: r.get(5)?,
            })
        });
    match found {
        Ok(place) => Ok(Some(place)),
        Err(rusqlite::Error::QueryReturnedNoRows) => Ok(None),
        Err(source) => Err(GraphError::Query {
            doing: "reading a scene",
            source,
        }),
    }
}

fn dated_count(rows: &[Row], date: &DateOut) -> usize {
    rows.iter()
        .filter(|r| r.date.as_ref() == Some(date))
        .count()
}

fn certainty_rank(c: &str) -> u8 {
    match c {
        "confirmed" => 3,
        "reported" => 2,
        "alleged" => 1,
        _ => 0,
    }
}

/// The best grade set on any of these outlets or wires.
fn best_grade(tx: &Transaction<'_>, names: &BTreeSet<String>) -> Result<Option<char>, GraphError> {
    let mut best: Option<char> = None;
    let mut stmt = tx
        .prepare_cached("SELECT reliability FROM sources WHERE name = ?1")
        .doing("preparing a grade lookup")?;
    for name in names {
        let grade: Option<String> = stmt.query_row([name], |r| r.get(0)).ok().flatten();
        if let Some(g) = grade.and_then(|g| g.chars().next())
            && best.is_none_or(|b| g < b)
        {
            best = Some(g);
        }
    }
    Ok(best)
}
