//! What a brief says, gathered from the graph: the clusters in scope (and, for a place, those
//! its reports link to elsewhere), the actors, every report's words and the sources.

use crate::error::{Doing, ReportError};
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};
use tessera_graph::ClusterRecord;
use tessera_graph::query::{self, EventFilter};

/// What the brief is about.
#[derive(Debug, Clone, PartialEq)]
pub enum Scope {
    /// A place entity by name or id: the events there, and the events its reports tie to it.
    Place(String),
    /// An entity by name or id: the events it takes part in.
    Entity(String),
    /// Words the reports contain (the syntax of `tessera search`).
    Query(String),
}

/// A brief to build.
#[derive(Debug, Clone)]
pub struct Request {
    pub scope: Scope,
    /// YYYY-MM-DD, inclusive.
    pub since: Option<String>,
    pub until: Option<String>,
    /// For a town or a point: how far around it counts as there.
    pub km: f64,
    /// The most clusters listed (the latest first); the counts cover all of them.
    pub limit: usize,
}

/// One cluster in the brief, with the words of each of its reports.
#[derive(Debug, Clone)]
pub struct Item {
    pub record: ClusterRecord,
    /// Outside the place asked about, but reported in the same documents with the same actors.
    pub linked: bool,
    pub quotes: Vec<Quote>,
}

/// The words one report rests on.
#[derive(Debug, Clone)]
pub struct Quote {
    pub document: String,
    pub words: String,
    pub certainty: String,
    pub attribution: Vec<String>,
}

/// A participant, with what it did across the brief's clusters.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    pub entity: Option<String>,
    pub name: String,
    pub kind: Option<String>,
    /// Titles the documents give it (`Defense Secretary`).
    pub roles: Vec<String>,
    pub as_actor: usize,
    pub as_target: usize,
    /// Event types it took part in, the commonest first.
    pub types: Vec<String>,
}

/// A document the brief cites, numbered in order of first citation.
#[derive(Debug, Clone)]
pub struct Source {
    pub number: usize,
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Brief {
    /// What the brief is about, as the store names it.
    pub subject: String,
    /// One line on what is counted.
    pub scope: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub items: Vec<Item>,
    /// Clusters in scope beyond `limit`, counted but not listed.
    pub unlisted: usize,
    pub actors: Vec<Actor>,
    pub sources: Vec<Source>,
}

/// The most actors listed.
const ACTORS: usize = 15;

pub fn build(conn: &Connection, request: &Request) -> Result<Brief, ReportError> {
    let dated = |mut filter: EventFilter| {
        filter.since = request.since.clone();
        filter.until = request.until.clone();
        filter.limit = usize::MAX;
        filter
    };
    let (subject, scope, primary, linked) = match &request.scope {
        Scope::Place(name) => {
            let id = query::resolve_name(conn, name)?;
            let subject = entity_name(conn, id)?;
            let filter = dated(EventFilter::at_place(conn, id, request.km)?);
            let kind = if filter.admin1.is_some() {
                "in the state or province"
            } else if filter.country.is_some() {
                "in the country"
            } else {
                "within the radius"
            };
            let primary = query::events(conn, &filter)?;
            let linked = linked_elsewhere(conn, &primary, &filter)?;
            let scope = format!(
                "Events {kind} of {subject} (E{id}){}, and {} linked event(s) elsewhere: reported \
                 in the same documents, with the same actors",
                match filter.near {
                    Some(_) => format!(", {} km around it", request.km),
                    None => String::new(),
                },
                linked.len()
            );
            (subject, scope, primary, linked)
        }
        Scope::Entity(name) => {
            let id = query::resolve_name(conn, name)?;
            let subject = entity_name(conn, id)?;
            let mut primary = Vec::new();
            for cluster in participations(conn, id)? {
                if let Some(record) = query::cluster(conn, &cluster.to_string())?
                    && in_period(&record, request.since.as_deref(), request.until.as_deref())
                {
                    primary.push(record);
                }
            }
            let scope = format!("Events in which {subject} (E{id}) acts or is acted on");
            (subject, scope, primary, Vec::new())
        }
        Scope::Query(words) => {
            let filter = dated(EventFilter {
                query: Some(words.clone()),
                ..EventFilter::default()
            });
            let primary = query::events(conn, &filter)?;
            let scope = format!("Events reported in documents matching \u{201c}{words}\u{201d}");
            (words.clone(), scope, primary, Vec::new())
        }
    };
    let total = primary.len() + linked.len();
    let mut items: Vec<Item> = primary
        .into_iter()
        .map(|record| (record, false))
        .chain(linked.into_iter().map(|record| (record, true)))
        .map(|(record, linked)| Item {
            record,
            linked,
            quotes: Vec::new(),
        })
        .collect();
    // Latest first, as `tessera events` lists them.
    items.sort_by(|a, b| {
        date_key(&b.record)
            .cmp(&date_key(&a.record))
            .then(b.record.id.cmp(&a.record.id))
    });
    items.truncate(request.limit);
    for item in &mut items {
        for report in &item.record.reports {
            if let Some(words) = query::report_evidence(conn, &report.document, &report.event)? {
                item.quotes.push(Quote {
                    document: report.document.clone(),
                    words: words.split_whitespace().collect::<Vec<_>>().join(" "),
                    certainty: report.certainty.clone(),
                    attribution: report.attribution.clone(),
                });
            }
        }
    }
    let actors = actors(conn, &items)?;
    let sources = sources(conn, &items)?;
    Ok(Brief {
        subject,
        scope,
        since: request.since.clone(),
        until: request.until.clone(),
        unlisted: total - items.len(),
        items,
        actors,
        sources,
    })
}

fn date_key(c: &ClusterRecord) -> String {
    c.date.as_ref().map(|d| d.value.clone()).unwrap_or_default()
}

fn entity_name(conn: &Connection, id: i64) -> Result<String, ReportError> {
    conn.query_row("SELECT name FROM graph_entities WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .doing("reading an entity's name")
}

/// Whether a cluster's date falls in the period (an undated one does not, once one is set).
fn in_period(c: &ClusterRecord, since: Option<&str>, until: Option<&str>) -> bool {
    let day = c.date.as_ref().map(|d| d.value.as_str());
    since.is_none_or(|s| day.is_some_and(|d| d >= s))
        && until.is_none_or(|u| day.is_some_and(|d| d <= u))
}

/// The clusters an entity acts in or is acted on in.
fn participations(conn: &Connection, entity: i64) -> Result<BTreeSet<i64>, ReportError> {
    let mut stmt = conn
        .prepare("SELECT DISTINCT cluster FROM cluster_participants WHERE entity = ?1")
        .doing("preparing an entity's clusters")?;
    let rows = stmt
        .query_map([entity], |r| r.get::<_, i64>(0))
        .doing("reading an entity's clusters")?;
    rows.collect::<Result<_, _>>()
        .doing("reading an entity's clusters")
}

fn graph_ids(c: &ClusterRecord) -> BTreeSet<&str> {
    c.actors
        .iter()
        .chain(&c.recipients)
        .filter_map(|p| p.entity.as_deref())
        .collect()
}

/// Clusters outside the place that the place's own reports also describe, sharing an actor or
/// target with the place's clusters: the reprisals elsewhere a story about the place tells of.
fn linked_elsewhere(
    conn: &Connection,
    primary: &[ClusterRecord],
    filter: &EventFilter,
) -> Result<Vec<ClusterRecord>, ReportError> {
    let here: BTreeSet<&str> = primary.iter().map(|c| c.id.as_str()).collect();
    let documents: BTreeSet<&str> = primary
        .iter()
        .flat_map(|c| c.documents.iter().map(String::as_str))
        .collect();
    let mut taking_part: BTreeSet<String> = primary
        .iter()
        .flat_map(graph_ids)
        .map(str::to_string)
        .collect();
    if documents.is_empty() || taking_part.is_empty() {
        return Ok(Vec::new());
    }
    let list = serde_json::Value::from(documents.iter().copied().collect::<Vec<_>>()).to_string();
    // A slain leader's organisation is the one that answers: one hop along the relations these
    // documents state (leader_of, member_of, ...) counts as the same actors.
    for (a, b) in related_pairs(conn, &list)? {
        if taking_part.contains(&a) {
            taking_part.insert(b);
        } else if taking_part.contains(&b) {
            taking_part.insert(a);
        }
    }
    let mut stmt = conn
        .prepare(
            "SELECT DISTINCT r.cluster FROM cluster_reports r JOIN documents d ON d.rowid = r.doc
             WHERE d.id IN (SELECT value FROM json_each(?1)) ORDER BY r.cluster",
        )
        .doing("preparing linked clusters")?;
    let ids: Vec<i64> = stmt
        .query_map([list], |r| r.get(0))
        .doing("reading linked clusters")?
        .collect::<Result<_, _>>()
        .doing("reading linked clusters")?;
    let mut out = Vec::new();
    for id in ids {
        let Some(record) = query::cluster(conn, &id.to_string())? else {
            continue;
        };
        if here.contains(record.id.as_str())
            || !in_period(&record, filter.since.as_deref(), filter.until.as_deref())
            || !graph_ids(&record)
                .iter()
                .any(|id| taking_part.contains(*id))
        {
            continue;
        }
        out.push(record);
    }
    Ok(out)
}

/// Pairs of graph entities (`E…`) that a relation in the documents (a JSON list of ids) joins.
fn related_pairs(conn: &Connection, documents: &str) -> Result<Vec<(String, String)>, ReportError> {
    let mut stmt = conn
        .prepare(
            "SELECT DISTINCT ls.graph, lo.graph FROM relations r
             JOIN documents d ON d.rowid = r.doc
             JOIN entity_links ls ON ls.doc = r.doc AND ls.entity = r.subject
             JOIN entity_links lo ON lo.doc = r.doc AND lo.entity = r.object_entity
             WHERE d.id IN (SELECT value FROM json_each(?1))",
        )
        .doing("preparing related entities")?;
    let pairs = stmt
        .query_map([documents], |r| {
            Ok((
                format!("E{}", r.get::<_, i64>(0)?),
                format!("E{}", r.get::<_, i64>(1)?),
            ))
        })
        .doing("reading related entities")?;
    pairs
        .collect::<Result<_, _>>()
        .doing("reading related entities")
}

fn actors(conn: &Connection, items: &[Item]) -> Result<Vec<Actor>, ReportError> {
    let mut by_key: BTreeMap<String, (Actor, BTreeMap<String, usize>)> = BTreeMap::new();
    for item in items {
        let c = &item.record;
        for (side, acting) in [(&c.actors, true), (&c.recipients, false)] {
            for p in side {
                let key = p
                    .entity
                    .clone()
                    .unwrap_or_else(|| format!("name:{}", p.name.to_lowercase()));
                let (actor, types) = by_key.entry(key).or_insert_with(|| {
                    (
                        Actor {
                            entity: p.entity.clone(),
                            name: p.name.clone(),
                            kind: None,
                            roles: Vec::new(),
                            as_actor: 0,
                            as_target: 0,
                            types: Vec::new(),
                        },
                        BTreeMap::new(),
                    )
                });
                if acting {
                    actor.as_actor += 1;
                } else {
                    actor.as_target += 1;
                }
                *types.entry(c.kind.clone()).or_default() += 1;
            }
        }
    }
    let mut out: Vec<Actor> = by_key
        .into_values()
        .map(|(mut actor, types)| {
            let mut types: Vec<(String, usize)> = types.into_iter().collect();
            types.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            actor.types = types.into_iter().map(|(t, _)| t).collect();
            actor
        })
        .collect();
    out.sort_by(|a, b| {
        (b.as_actor + b.as_target)
            .cmp(&(a.as_actor + a.as_target))
            .then(b.entity.is_some().cmp(&a.entity.is_some()))
            .then(a.name.cmp(&b.name))
    });
    out.truncate(ACTORS);
    for actor in &mut out {
        let Some(id) = actor.entity.as_deref().and_then(|e| e.strip_prefix('E')) else {
            continue;
        };
        let id: i64 = id.parse().unwrap_or_default();
        let (name, kind): (String, String) = conn
            .query_row(
                "SELECT name, kind FROM graph_entities WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .doing("reading an actor")?;
        actor.name = name;
        actor.kind = Some(kind);
        let mut stmt = conn
            .prepare_cached(
                "SELECT r.title, COUNT(*) AS n FROM entity_links l
                 JOIN roles r ON r.doc = l.doc AND r.entity = l.entity
                 WHERE l.graph = ?1 GROUP BY lower(r.title) ORDER BY n DESC, r.title LIMIT 3",
            )
            .doing("preparing an actor's roles")?;
        actor.roles = stmt
            .query_map([id], |r| r.get(0))
            .doing("reading an actor's roles")?
            .collect::<Result<_, _>>()
            .doing("reading an actor's roles")?;
    }
    Ok(out)
}

fn sources(conn: &Connection, items: &[Item]) -> Result<Vec<Source>, ReportError> {
    let mut order: Vec<&str> = Vec::new();
    for item in items {
        for id in item
            .quotes
            .iter()
            .map(|q| q.document.as_str())
            .chain(item.record.documents.iter().map(String::as_str))
        {
            if !order.contains(&id) {
                order.push(id);
            }
        }
    }
    let mut stmt = conn
        .prepare_cached("SELECT title, published, source, url FROM documents WHERE id = ?1")
        .doing("preparing sources")?;
    let mut out = Vec::new();
    for (i, id) in order.into_iter().enumerate() {
        let (title, published, outlet, url) = stmt
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .doing("reading a source")?;
        out.push(Source {
            number: i + 1,
            id: id.to_string(),
            title,
            published,
            outlet,
            url,
        });
    }
    Ok(out)
}
