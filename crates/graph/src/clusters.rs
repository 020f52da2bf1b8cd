//! Event clustering: each event of a new document joins the cluster of the same real-world event
//! (same type, a compatible place, a date within a short window, no conflicting participants) or
//! starts one. The cluster's record is then rebuilt from all its reports ([`crate::aggregate`]).

use crate::cache::GraphCache;
use crate::entities::Links;
use crate::error::{Doing, GraphError};
use chrono::NaiveDate;
use rusqlite::{Transaction, params};
use std::collections::{HashMap, HashSet};
use tessera_doc::{DatePrecision, Dateline, Document, Event, PlacePrecision};

/// Days either side of a day-precise date within which reports are compared.
const WINDOW_DAYS: i64 = 2;
/// A score (place + date + participants) a report needs to join a cluster.
const JOIN_SCORE: f64 = 1.5;

/// The date an event is compared by: its own, else the publication date.
pub(crate) fn effective_date<'a>(
    event: &'a Event,
    published: Option<&'a str>,
) -> Option<(&'a str, &'static str)> {
    match &event.date {
        Some(date) => Some((date.value.as_str(), date.precision.as_str())),
        None => published.map(|p| (p, DatePrecision::Publication.as_str())),
    }
}

/// The range of stored dates (as text) that could be the same day, month or year.
fn date_range(value: &str, precision: &str) -> Option<(String, String)> {
    match precision {
        "day" | "week" | "publication" => {
            let day = NaiveDate::parse_from_str(value, "%Y-%m-%d").ok()?;
            let span = chrono::Duration::days(if precision == "week" { 7 } else { WINDOW_DAYS });
            Some(((day - span).to_string(), (day + span).to_string()))
        }
        "month" | "year" => Some((value.to_string(), format!("{value}-99"))),
        _ => None,
    }
}

fn day_distance(a: &str, b: &str) -> Option<i64> {
    let a = NaiveDate::parse_from_str(a, "%Y-%m-%d").ok()?;
    let b = NaiveDate::parse_from_str(b, "%Y-%m-%d").ok()?;
    Some((a - b).num_days().abs())
}

/// Great-circle distance in kilometres.
pub fn distance_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Where a report or a cluster is, as far as matching needs.
#[derive(Debug, Clone, Default)]
pub(crate) struct Where {
    pub geonames_id: Option<i64>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub precision: Option<String>,
    /// Taken from the document's scene, not named for the event: it says "around here".
    pub from_scene: bool,
}

/// Where a document is set: the place it names most often (a town before a state on a tie),
/// else the place of its dateline. A wire's dateline says where it was filed ("MANILA (AFP)"),
/// which for a story from the provinces is not where things happened. Events that name no
/// place of their own are compared by the scene, weakly.
pub(crate) fn scene(doc: &Document, dateline: Option<&Dateline>) -> Where {
    let in_dateline = |span: tessera_doc::Span| {
        dateline.is_some_and(|d| span.start >= d.span.start && span.end <= d.span.end)
    };
    let mut counts: Vec<(&tessera_doc::Place, usize)> = Vec::new();
    for g in doc.places.iter().filter(|g| !in_dateline(g.span)) {
        match counts
            .iter_mut()
            .find(|(p, _)| p.geonames_id == g.place.geonames_id)
        {
            Some(slot) => slot.1 += 1,
            None => counts.push((&g.place, 1)),
        }
    }
    let rank = |p: &tessera_doc::Place| Where::from_place(p).rank();
    let named = counts
        .into_iter()
        .filter(|(p, _)| rank(p) >= 2)
        .max_by_key(|(p, n)| (*n, rank(p)))
        .map(|(p, _)| Where::from_place(p));
    named
        .or_else(|| {
            let d = dateline?;
            doc.places
                .iter()
                .find(|g| g.span.start >= d.place.start && g.span.end <= d.place.end)
                .map(|g| Where::from_place(&g.place))
        })
        .unwrap_or_default()
}

/// [`place_fit`], weighing a scene as weak evidence: at most 0.5, and nothing at all against a
/// town the other report names when the scene is only a state (a town named there could be any
/// of the state's towns), so that only shared participants can then join them.
pub(crate) fn fit(a: &Where, b: &Where) -> Option<f64> {
    let base = place_fit(a, b)?;
    if !a.from_scene && !b.from_scene {
        return Some(base);
    }
    let (scene, other) = if a.from_scene { (a, b) } else { (b, a) };
    if !other.from_scene && other.rank() >= 3 && scene.rank() <= 2 {
        return Some(0.0);
    }
    Some(base.min(0.5))
}

impl Where {
    fn from_place(p: &tessera_doc::Place) -> Self {
        Where {
            geonames_id: p.geonames_id.map(|g| g as i64),
            lat: Some(p.lat),
            lon: Some(p.lon),
            country: p.country.clone(),
            admin1: p.admin1.clone(),
            precision: Some(p.precision.as_str().to_string()),
            from_scene: false,
        }
    }

    pub fn of(event: &Event) -> Self {
        match event.place.as_ref().and_then(|p| p.place.as_ref()) {
            Some(p) => Where::from_place(p),
            None => Where::default(),
        }
    }

    fn rank(&self) -> u8 {
        precision_rank(self.precision.as_deref())
    }
}

/// How precisely a stored precision ("city", "admin1", ...) places something: 4 for a town down
/// to 1 for a country, 0 for a region or nothing.
pub(crate) fn precision_rank(precision: Option<&str>) -> u8 {
    match precision.and_then(PlacePrecision::parse) {
        Some(PlacePrecision::City) => 4,
        Some(PlacePrecision::Admin2) => 3,
        Some(PlacePrecision::Admin1) => 2,
        Some(PlacePrecision::Country) => 1,
        _ => 0,
    }
}

/// How well two places can be one event's place: `None` when they cannot; a country alone
/// (rank 1) fits weakly and leans on shared participants.
pub(crate) fn place_fit(a: &Where, b: &Where) -> Option<f64> {
    let (Some(alat), Some(alon), Some(blat), Some(blon)) = (a.lat, a.lon, b.lat, b.lon) else {
        return Some(0.0);
    };
    if a.geonames_id.is_some() && a.geonames_id == b.geonames_id {
        return Some(1.0);
    }
    if a.country.is_some() && b.country.is_some() && a.country != b.country {
        return None;
    }
    let km = distance_km((alat, alon), (blat, blon));
    let same_admin1 = a.admin1.is_some() && a.admin1 == b.admin1;
    match a.rank().min(b.rank()) {
        // Two towns: one place only when one is within the other (a district of a city).
        4 => (km <= 10.0).then_some(0.8),
        3 => {
            (km <= 60.0 && (same_admin1 || a.admin1.is_none() || b.admin1.is_none())).then_some(0.6)
        }
        2 => same_admin1.then_some(0.5),
        _ => Some(0.2),
    }
}

fn date_fit(a: (&str, &str), b: (&str, &str)) -> f64 {
    match day_distance(a.0, b.0) {
        Some(0) => 1.0,
        Some(1) => 0.8,
        Some(d) if d <= WINDOW_DAYS => 0.5,
        Some(d) if d <= 7 && (a.1 == "week" || b.1 == "week") => 0.5,
        Some(_) => 0.0,
        // Month or year precision on one side: the same period.
        None => 0.5,
    }
}

struct Stored {
    id: i64,
    date: String,
    precision: String,
    place: Where,
    fatalities: Option<u32>,
    reports: i64,
}

/// Death counts far apart ("one man" and "seven police officers") speak against one event;
/// revised counts ("five", then "seven") do not.
fn count_fit(a: Option<u32>, b: Option<u32>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) if a.abs_diff(b) >= 3 && a.max(b) > 2 * a.min(b).max(1) => -0.5,
        _ => 0.0,
    }
}

/// The graph entities taking part in an event (actors and recipients).
fn participants(event: &Event, links: &Links) -> HashSet<i64> {
    event
        .actors
        .iter()
        .chain(&event.recipients)
        .filter_map(|p| p.entity)
        .filter_map(|i| links.get(i as usize).copied().flatten())
        .collect()
}

/// Clusters every event of `doc`, rebuilding each cluster it joins or starts.
pub(crate) fn assign(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    doc: &Document,
    rowid: i64,
    published: Option<&str>,
    links: &Links,
    scene: &Where,
) -> Result<(), GraphError> {
    // What the document names, weighted as entity resolution weighs context.
    let mut named: HashMap<i64, f64> = HashMap::new();
    for (entity, graph) in doc.entities.iter().zip(links) {
        if let Some(graph) = graph {
            let slot = named.entry(*graph).or_insert(0.0);
            *slot = slot.max(crate::entities::context_weight(entity));
        }
    }
    // Once per document: the clusters that other documents telling the same story report.
    let story = if doc.events.is_empty() {
        HashMap::new()
    } else {
        story_overlap(tx, cache, &named)?
    };
    for (index, event) in doc.events.iter().enumerate() {
        let Some((date, precision)) = effective_date(event, published) else {
            // Nothing to place it in time: a cluster of its own.
            let id = create(tx, event)?;
            add_report(tx, rowid, index, id, "no date: a cluster of its own")?;
            crate::aggregate::rebuild(tx, id)?;
            continue;
        };
        let own = Where::of(event);
        // With no place of its own (or only a country), the event is compared by the
        // document's scene, which can only say "around here".
        let scene_inside = scene.lat.is_some()
            && scene.rank() > own.rank()
            && (own.lat.is_none() || own.country == scene.country);
        let place = if own.rank() <= 1 && scene_inside {
            Where {
                from_scene: true,
                ..scene.clone()
            }
        } else {
            own
        };
        let mine = participants(event, links);
        let mut best: Option<((f64, bool, i64), i64, String)> = None;
        // A fixed handful of indexed queries per event, whatever the number of candidates:
        // the candidates, the story each shares with this document, their participants, and
        // this document's own reports among them.
        let stored_candidates = candidates(tx, event, &place, &mine, date, precision)?;
        let ids: Vec<i64> = stored_candidates.iter().map(|c| c.id).collect();
        let participants_of = participants_of(tx, &ids)?;
        let own_reports = own_reports(tx, rowid)?;
        for stored in stored_candidates {
            // What costs nothing first: place and date.
            let Some(place_score) = fit(&place, &stored.place) else {
                continue;
            };
            let date_score = date_fit((date, precision), (&stored.date, &stored.precision));
            let empty = HashSet::new();
            let theirs = participants_of.get(&stored.id).unwrap_or(&empty);
            let shared = mine.intersection(theirs).count();
            let participant_score = match shared {
                0 if !mine.is_empty() && !theirs.is_empty() => -0.5,
                0 => 0.0,
                1 => 0.5,
                _ => 1.0,
            };
            // With no place (or only a country) on one side, only shared participants can
            // say it is the same event.
            let weak_place = place.rank() <= 1 || stored.place.rank() <= 1;
            if weak_place && shared == 0 {
                continue;
            }
            // Two events of one type that the extractor kept apart in one document are two
            // events unless they name the same place or share participants; and a document
            // says nothing about its own story.
            let mine_there = own_reports.get(&stored.id).copied().unwrap_or(0);
            let same_document = mine_there > 0;
            let others = stored.reports > mine_there;
            let same_place = place.geonames_id.is_some()
                && place.geonames_id == stored.place.geonames_id
                && place.rank() >= 3
                && !place.from_scene
                && !stored.place.from_scene;
            if same_document && shared == 0 && !same_place {
                continue;
            }
            let story_score = if others {
                story_fit(story.get(&stored.id).copied().unwrap_or(0.0))
            } else {
                0.0
            };
            // A place that is only the document's scene says "around here": the reports must
            // also share participants or their story.
            if (place.from_scene || stored.place.from_scene) && shared == 0 && story_score <= 0.0 {
                continue;
            }
            // What is said (a request, a meeting, an accusation) is one event only when the
            // same party says it: one side naming a party the other lacks is not enough.
            let parties_known = !mine.is_empty() || !theirs.is_empty();
            if is_verbal(event.kind)
                && shared == 0
                && (parties_known || story_score < 0.5 || place_score < 0.5)
            {
                continue;
            }
            let score = place_score
                + date_score
                + participant_score
                + story_score
                + count_fit(event.fatalities, stored.fatalities);
            // On a tie, the cluster placed by its own reports, then the first one.
            let rank = (score, !stored.place.from_scene, -stored.id);
            if score >= JOIN_SCORE && best.as_ref().is_none_or(|b| rank > b.0) {
                let reason = format!(
                    "same type; place fit {place_score:.1}, date {} vs {}, {shared} shared \
                     participant(s), story fit {story_score:.2}; score {score:.2}",
                    date, stored.date
                );
                best = Some((rank, stored.id, reason));
            }
        }
        let (id, reason) = match best {
            Some((_, id, reason)) => (id, reason),
            None => (create(tx, event)?, "first report".to_string()),
        };
        add_report(tx, rowid, index, id, &reason)?;
        // At once, so that the document's next event finds this cluster's place, date and
        // participants.
        crate::aggregate::rebuild(tx, id)?;
    }
    Ok(())
}

/// The 1-degree grid cell of a point (see the `clusters.cell` column).
pub(crate) fn cell(lat: f64, lon: f64) -> i64 {
    ((lat + 90.0).floor() as i64) * 360 + ((lon + 180.0).floor() as i64)
}

/// The clusters of this type and time that could be this event: those located in its grid cell
/// or the eight around it (two towns are one place only within 10 km, a district within 60), a
/// state or country of its country, and any that share one of its participants (which alone
/// can join reports with no place or only a country). Each look-up is an indexed range.
fn candidates(
    tx: &Transaction<'_>,
    event: &Event,
    place: &Where,
    participants: &HashSet<i64>,
    date: &str,
    precision: &str,
) -> Result<Vec<Stored>, GraphError> {
    let Some((low, high)) = date_range(date, precision) else {
        return Ok(Vec::new());
    };
    const COLUMNS: &str = STORED_COLUMNS;
    let kind = event.kind.as_str();
    let mut found: Vec<Stored> = Vec::new();
    let mut seen = HashSet::new();
    let mut collect = |sql: &str, values: &[&dyn rusqlite::ToSql]| -> Result<(), GraphError> {
        let mut stmt = tx.prepare_cached(sql).doing("preparing a cluster lookup")?;
        let rows = stmt
            .query_map(values, stored_row)
            .doing("looking up clusters")?;
        for row in rows {
            let stored = row.doing("reading clusters")?;
            if seen.insert(stored.id) {
                found.push(stored);
            }
        }
        Ok(())
    };
    // Only a cluster sharing a participant can take an event placed no better than its country,
    // or something said when the speakers are known (see `assign`): the participants' look-ups
    // below find those, so the look-ups by place are skipped. For the same reason these look
    // only for clusters placed at least in a state.
    let by_place = place.rank() >= 2 && (participants.is_empty() || !is_verbal(event.kind));
    if by_place && let (Some(lat), Some(lon)) = (place.lat, place.lon) {
        let centre = cell(lat, lon);
        let cells: Vec<i64> = [-360, 0, 360]
            .iter()
            .flat_map(|row| [-1, 0, 1].map(|col| centre + row + col))
            .collect();
        // The cells go in as parameters, so that one prepared statement serves every event.
        let sql = format!(
            "SELECT {COLUMNS} FROM clusters c WHERE c.type = ?1 \
             AND c.cell IN (?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) \
             AND c.date BETWEEN ?2 AND ?3 AND c.precision IN ('city', 'admin2', 'admin1') \
             LIMIT 120"
        );
        let mut values: Vec<&dyn rusqlite::ToSql> = vec![&kind, &low, &high];
        values.extend(cells.iter().map(|c| c as &dyn rusqlite::ToSql));
        collect(&sql, &values)?;
        // A cluster placed only in a state fits a place in that state, far from it or not.
        if let (Some(country), Some(admin1)) = (&place.country, &place.admin1) {
            collect(
                &format!(
                    "SELECT {COLUMNS} FROM clusters c INDEXED BY clusters_type_country \
                     WHERE c.type = ?1 AND c.country = ?2 \
                     AND c.admin1 = ?3 AND c.date BETWEEN ?4 AND ?5 AND c.precision = 'admin1' \
                     LIMIT 100"
                ),
                &[&kind, country, admin1, &low, &high],
            )?;
        }
    }
    for entity in participants {
        collect(
            &format!(
                "SELECT {COLUMNS} FROM cluster_participants p JOIN clusters c ON c.id = p.cluster \
                 WHERE p.entity = ?1 AND p.type = ?2 AND p.date BETWEEN ?3 AND ?4 LIMIT 100"
            ),
            &[entity, &kind, &low, &high],
        )?;
    }
    Ok(found)
}

const STORED_COLUMNS: &str = "c.id, c.date, c.date_precision, c.geonames_id, c.lat, c.lon,
    c.country, c.admin1, c.precision, c.fatalities, c.place_from_scene, c.reports";

fn stored_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Stored> {
    Ok(Stored {
        id: r.get(0)?,
        date: r.get(1)?,
        precision: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        place: Where {
            geonames_id: r.get(3)?,
            lat: r.get(4)?,
            lon: r.get(5)?,
            country: r.get(6)?,
            admin1: r.get(7)?,
            precision: r.get(8)?,
            from_scene: r.get(10)?,
        },
        fatalities: r.get(9)?,
        reports: r.get(11)?,
    })
}

/// Events that are said or agreed rather than done on the ground.
fn is_verbal(kind: tessera_doc::EventType) -> bool {
    use tessera_doc::EventType::*;
    matches!(
        kind,
        Agree | Consult | Support | Concede | Cooperate | Request | Accuse | Reject | Threaten
    )
}

/// Entities named in more documents than this say little about which story a document tells
/// (a country, a wire agency, a head of state), and would make the look-up slow.
const STORY_HUB: i64 = 60;
/// The rarest entities of a document that are looked up for its story.
const STORY_ENTITIES: i64 = 8;

/// For each cluster reported by another document that names what this document names (its
/// rarest people, organisations and places), the weight of what they share: the same story,
/// whatever the language.
fn story_overlap(
    tx: &Transaction<'_>,
    cache: &mut GraphCache,
    named: &HashMap<i64, f64>,
) -> Result<HashMap<i64, f64>, GraphError> {
    let mut rare: Vec<(i64, i64, f64)> = Vec::new();
    for (&graph, &weight) in named {
        if weight < 0.5 {
            continue;
        }
        let documents = cache.entity(tx, graph)?.map_or(0, |known| known.documents);
        if documents > 1 && documents <= STORY_HUB {
            rare.push((documents, graph, weight));
        }
    }
    rare.sort_by_key(|r| (r.0, r.1));
    rare.truncate(STORY_ENTITIES as usize);
    let mut stmt = tx
        .prepare_cached(
            "SELECT DISTINCT cr.cluster FROM entity_links l
             JOIN cluster_reports cr ON cr.doc = l.doc
             WHERE l.graph = ?1",
        )
        .doing("preparing a story look-up")?;
    let mut by_cluster: HashMap<i64, f64> = HashMap::new();
    for (_, graph, weight) in rare {
        let rows = stmt
            .query_map([graph], |r| r.get::<_, i64>(0))
            .doing("looking up a story")?;
        for row in rows {
            *by_cluster.entry(row.doing("reading a story")?).or_default() += weight;
        }
    }
    Ok(by_cluster)
}

/// The graph entities taking part in each of these clusters, in one query.
fn participants_of(
    tx: &Transaction<'_>,
    clusters: &[i64],
) -> Result<HashMap<i64, HashSet<i64>>, GraphError> {
    let mut out: HashMap<i64, HashSet<i64>> = HashMap::new();
    if clusters.is_empty() {
        return Ok(out);
    }
    // One statement whatever the number of clusters: the ids go in as a JSON array.
    let list = format!(
        "[{}]",
        clusters
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",")
    );
    let mut stmt = tx
        .prepare_cached(
            "SELECT cluster, entity FROM cluster_participants
             WHERE cluster IN (SELECT value FROM json_each(?1))",
        )
        .doing("preparing a participant look-up")?;
    let rows = stmt
        .query_map([list], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .doing("reading participants")?;
    for row in rows {
        let (cluster, entity) = row.doing("reading participants")?;
        out.entry(cluster).or_default().insert(entity);
    }
    Ok(out)
}

/// How many of each cluster's reports come from this document (so far).
fn own_reports(tx: &Transaction<'_>, doc: i64) -> Result<HashMap<i64, i64>, GraphError> {
    let mut stmt = tx
        .prepare_cached(
            "SELECT cluster, COUNT(*) FROM cluster_reports WHERE doc = ?1 GROUP BY cluster",
        )
        .doing("preparing a report count")?;
    let rows = stmt
        .query_map([doc], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
        .doing("counting reports")?;
    rows.collect::<Result<HashMap<_, _>, _>>()
        .doing("counting reports")
}

/// Sharing three or more named things says "the same story"; sharing none speaks against.
fn story_fit(shared: f64) -> f64 {
    if shared >= 3.0 {
        0.5
    } else if shared >= 1.5 {
        0.25
    } else if shared < 0.5 {
        -0.25
    } else {
        0.0
    }
}

/// A new cluster with this one report's type; its record is filled in by `aggregate`.
fn create(tx: &Transaction<'_>, event: &Event) -> Result<i64, GraphError> {
    tx.prepare_cached(
        "INSERT INTO clusters (type, reports, corroboration, credibility, certainty, record)
         VALUES (?1, 0, 0, 6, 'confirmed', '{}')",
    )
    .doing("preparing a new cluster")?
    .execute([event.kind.as_str()])
    .doing("adding a cluster")?;
    Ok(tx.last_insert_rowid())
}

fn add_report(
    tx: &Transaction<'_>,
    rowid: i64,
    index: usize,
    cluster: i64,
    reason: &str,
) -> Result<(), GraphError> {
    tx.prepare_cached(
        "INSERT OR REPLACE INTO cluster_reports (doc, event, cluster, reason) VALUES (?1, ?2, ?3, ?4)",
    )
    .doing("preparing a report")?
    .execute(params![rowid, index as i64, cluster, reason])
    .doing("adding a report")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn city(id: i64, lat: f64, lon: f64) -> Where {
        Where {
            geonames_id: Some(id),
            lat: Some(lat),
            lon: Some(lon),
            country: Some("MX".into()),
            admin1: Some("25".into()),
            precision: Some("city".into()),
            from_scene: false,
        }
    }

    #[test]
    fn two_towns_are_two_places_but_a_town_fits_its_state() {
        let culiacan = city(1, 24.80, -107.39);
        let navolato = city(2, 24.77, -107.70);
        assert!(place_fit(&culiacan, &navolato).is_none());
        assert_eq!(place_fit(&culiacan, &culiacan), Some(1.0));
        let state = Where {
            geonames_id: Some(3),
            precision: Some("admin1".into()),
            ..culiacan.clone()
        };
        assert_eq!(place_fit(&culiacan, &state), Some(0.5));
        let abroad = Where {
            country: Some("GT".into()),
            ..city(4, 14.6, -90.5)
        };
        assert!(place_fit(&culiacan, &abroad).is_none());
        // A scene that is only the state says nothing of which town.
        let scene = Where {
            from_scene: true,
            ..state.clone()
        };
        assert_eq!(fit(&culiacan, &scene), Some(0.0));
        let town_scene = Where {
            from_scene: true,
            ..culiacan.clone()
        };
        assert_eq!(fit(&culiacan, &town_scene), Some(0.5));
    }

    #[test]
    fn dates_fit_within_a_short_window() {
        assert_eq!(date_fit(("2026-03-04", "day"), ("2026-03-04", "day")), 1.0);
        assert_eq!(date_fit(("2026-03-04", "day"), ("2026-03-05", "day")), 0.8);
        assert_eq!(date_fit(("2026-03-04", "day"), ("2026-03-09", "day")), 0.0);
        assert_eq!(
            date_range("2026-03-04", "day"),
            Some(("2026-03-02".into(), "2026-03-06".into()))
        );
        assert!((distance_km((0.0, 0.0), (0.0, 1.0)) - 111.2).abs() < 0.5);
    }
}
