//! FollowTheMoney entities as JSON lines, for Aleph and the `followthemoney` tools.
//!
//! - graph entities: people as `Person`, organisations as `Organization`, places as `Address`
//!   (other kinds have no FtM schema and are left out);
//! - each document as an `Article`, and each person or organisation named in it as a `Mention`
//!   that links the article to the entity;
//! - relations: `holds_role` as `Occupancy` of a `Position`; `leader_of` an organisation as
//!   `Directorship`, of a place as `Occupancy` of a `Position`; `member_of` as `Membership`;
//!   `family_of` as `Family`; `associate_of` and `partner_of` as `Associate`; `founded_on` as the
//!   organisation's `incorporationDate`; anything else (part_of, located_in, or a pair of
//!   schemata a FtM link does not allow) as `UnknownLink` with the predicate as its role;
//! - event clusters as `Event`, with the people and organisations taking part as `involved`.
//!
//! Every id is stable: a graph entity is `tessera-e12` and a cluster `tessera-c7` in every
//! export of the same store; articles, mentions, positions and links are named by a hash of
//! what they stand for. Links and events carry their articles as `proof`.

use crate::ExportSummary;
use crate::error::{Doing, ExportError};
use crate::records::{self, EntityRecord, RelationRow, Selection};
use crate::text::stable_id;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// The most articles a link or an event lists as its proof.
const PROOFS: usize = 10;

/// One FtM entity, as the `followthemoney` tools read it.
#[derive(Debug, Serialize)]
struct Entity {
    id: String,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<String>>,
}

impl Entity {
    fn new(id: String, schema: &'static str) -> Self {
        Entity {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds values, skipping empty ones and repeats.
    fn set<I, S>(&mut self, property: &'static str, values: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        for value in values {
            let value: String = value.into();
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let list = self.properties.entry(property).or_default();
            if !list.iter().any(|v| v == value) {
                list.push(value.to_string());
            }
        }
        self
    }
}

fn entity_id(graph: i64) -> String {
    format!("tessera-e{graph}")
}

fn article_id(document: &str) -> String {
    format!("tessera-doc-{}", stable_id(&[document]))
}

/// The FtM schema for a graph entity kind.
fn schema_of(kind: &str) -> Option<&'static str> {
    match kind {
        "PER" => Some("Person"),
        "ORG" => Some("Organization"),
        "LOC" => Some("Address"),
        _ => None,
    }
}

/// Whether a FtM schema can stand where a property's range asks for a legal entity.
fn legal(schema: &str) -> bool {
    matches!(schema, "Person" | "Organization")
}

/// A date FtM accepts: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the first ten characters of a
/// timestamp.
fn ftm_date(text: &str) -> Option<String> {
    let day = text.get(..text.len().min(10))?;
    let ok = match day.len() {
        4 | 7 | 10 => day.char_indices().all(|(i, c)| match i {
            4 | 7 => c == '-',
            _ => c.is_ascii_digit(),
        }),
        _ => false,
    };
    ok.then(|| day.to_string())
}

/// ISO 639-2 (what FtM's language type holds) for the languages Tessera reads.
fn language(code: &str) -> Option<&'static str> {
    match code {
        "en" => Some("eng"),
        "es" => Some("spa"),
        "pt" => Some("por"),
        "fr" => Some("fra"),
        "de" => Some("deu"),
        "it" => Some("ita"),
        _ => None,
    }
}

pub fn write(
    conn: &Connection,
    selection: &Selection,
    out: &mut dyn Write,
) -> Result<ExportSummary, ExportError> {
    let mut summary = ExportSummary::default();
    let entities = records::entities(conn, selection.entities.as_ref())?;
    let schemata: BTreeMap<i64, &'static str> = entities
        .iter()
        .filter_map(|e| Some((records::entity_number(&e.id)?, schema_of(&e.kind)?)))
        .collect();
    let relations: Vec<RelationRow> = records::relations(conn)?
        .into_iter()
        .filter(|r| {
            schemata.contains_key(&r.subject) && r.object.is_none_or(|o| schemata.contains_key(&o))
        })
        .collect();
    let mut documents: BTreeSet<String> = BTreeSet::new();
    let emit = |entity: &Entity, out: &mut dyn Write| -> Result<(), ExportError> {
        serde_json::to_writer(&mut *out, entity)?;
        writeln!(out)?;
        Ok(())
    };

    let founded = founding_dates(&relations);
    for record in &entities {
        let Some(entity) = graph_entity(record, &founded) else {
            continue;
        };
        emit(&entity, out)?;
        summary.entities += 1;
    }
    // One post (a Position) may be held by several people: it is written once.
    let mut positions: BTreeSet<String> = BTreeSet::new();
    for link in links(&relations, &schemata, &entities) {
        documents.extend(link.documents.iter().cloned());
        for entity in link.entities {
            if entity.schema == "Position" && !positions.insert(entity.id.clone()) {
                continue;
            }
            emit(&entity, out)?;
        }
        summary.edges += 1;
    }
    for (graph, document, names) in mentions(conn, &schemata)? {
        let mut mention = Entity::new(
            format!(
                "tessera-mention-{}",
                stable_id(&[&graph.to_string(), &document])
            ),
            "Mention",
        );
        mention
            .set("resolved", [entity_id(graph)])
            .set("document", [article_id(&document)])
            .set("name", names)
            .set("detectedSchema", schemata.get(&graph).copied());
        emit(&mention, out)?;
        documents.insert(document);
    }
    for c in &selection.clusters {
        let mut event = Entity::new(format!("tessera-{}", c.id.to_lowercase()), "Event");
        let place = c.place.as_ref();
        let day = c.date.as_ref().and_then(|d| ftm_date(&d.value));
        event
            .set(
                "name",
                [[
                    Some(c.kind.as_str()),
                    place.map(|p| p.name.as_str()),
                    day.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")],
            )
            .set("date", day.clone())
            .set("location", place.map(|p| p.name.clone()))
            .set(
                "country",
                place
                    .and_then(|p| p.country.as_ref())
                    .map(|c| c.to_lowercase()),
            )
            .set(
                "keywords",
                std::iter::once(c.kind.clone())
                    .chain(c.mode.clone())
                    .chain(c.contexts.iter().cloned()),
            )
            .set(
                "notes",
                [format!(
                    "Tessera event cluster {}: {}, {} independent report(s), credibility {}{}",
                    c.id,
                    c.certainty,
                    c.corroboration,
                    c.credibility,
                    c.fatalities
                        .best
                        .map(|n| format!(", {n} killed"))
                        .unwrap_or_default()
                )],
            );
        let taking_part = |side: &[tessera_graph::aggregate::ParticipantOut]| -> Vec<String> {
            side.iter()
                .filter_map(|p| p.entity.as_deref().and_then(records::entity_number))
                .filter(|id| schemata.get(id).is_some_and(|s| legal(s)))
                .map(entity_id)
                .collect()
        };
        event
            .set("organizer", taking_part(&c.actors))
            .set("involved", taking_part(&c.actors))
            .set("involved", taking_part(&c.recipients))
            .set(
                "proof",
                c.documents.iter().take(PROOFS).map(|d| article_id(d)),
            );
        if let Some(report) = c.reports.first()
            && let Some(words) = records::evidence(conn, &report.document, &report.event)?
        {
            event.set("summary", [words]);
        }
        documents.extend(c.documents.iter().take(PROOFS).cloned());
        emit(&event, out)?;
        summary.clusters += 1;
    }
    for article in articles(conn, &documents)? {
        emit(&article, out)?;
    }
    Ok(summary)
}

/// `founded_on` years by organisation.
fn founding_dates(relations: &[RelationRow]) -> BTreeMap<i64, BTreeSet<String>> {
    let mut founded: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for r in relations {
        if r.predicate == "founded_on"
            && let Some(day) = r.value.as_deref().and_then(ftm_date)
        {
            founded.entry(r.subject).or_default().insert(day);
        }
    }
    founded
}

fn graph_entity(
    record: &EntityRecord,
    founded: &BTreeMap<i64, BTreeSet<String>>,
) -> Option<Entity> {
    let schema = schema_of(&record.kind)?;
    let number = records::entity_number(&record.id)?;
    let mut entity = Entity::new(entity_id(number), schema);
    entity
        .set("name", [record.name.clone()])
        .set("alias", record.aliases.iter().cloned())
        .set("country", record.country.as_ref().map(|c| c.to_lowercase()))
        .set(
            "notes",
            [format!(
                "Tessera graph entity {}, named in {} document(s){}",
                record.id,
                record.documents,
                match (&record.first_seen, &record.last_seen) {
                    (Some(first), Some(last)) => format!(" from {first} to {last}"),
                    _ => String::new(),
                }
            )],
        );
    if schema == "Address" {
        entity
            .set("full", [record.name.clone()])
            .set("latitude", record.lat.map(|v| format!("{v:.5}")))
            .set("longitude", record.lon.map(|v| format!("{v:.5}")));
    }
    if schema == "Organization" {
        entity.set(
            "incorporationDate",
            founded.get(&number).into_iter().flatten().cloned(),
        );
    }
    Some(entity)
}

/// The FtM entities standing for one relation (a link, and the position it is a post in),
/// and the documents that state it.
struct Link {
    entities: Vec<Entity>,
    documents: Vec<String>,
}

/// One link per distinct (subject, predicate, object, role), with every document stating it.
fn links(
    relations: &[RelationRow],
    schemata: &BTreeMap<i64, &'static str>,
    entities: &[EntityRecord],
) -> Vec<Link> {
    let names: BTreeMap<i64, &EntityRecord> = entities
        .iter()
        .filter_map(|e| Some((records::entity_number(&e.id)?, e)))
        .collect();
    let mut grouped: BTreeMap<(i64, &str, Option<i64>, String), Vec<&RelationRow>> =
        BTreeMap::new();
    for r in relations {
        if r.predicate == "founded_on" || r.object == Some(r.subject) {
            continue;
        }
        let role = r
            .role
            .clone()
            .or_else(|| r.value.clone())
            .unwrap_or_default();
        grouped
            .entry((r.subject, r.predicate.as_str(), r.object, role))
            .or_default()
            .push(r);
    }
    let mut out = Vec::new();
    for ((subject, predicate, object, role), rows) in grouped {
        let subject_schema = schemata.get(&subject).copied().unwrap_or_default();
        let object_schema = object.and_then(|o| schemata.get(&o).copied());
        let key = [
            subject.to_string(),
            predicate.to_string(),
            object.map(|o| o.to_string()).unwrap_or_default(),
            role.clone(),
        ];
        let id = |kind: &str| {
            format!(
                "tessera-{kind}-{}",
                stable_id(&key.iter().map(String::as_str).collect::<Vec<_>>())
            )
        };
        let mut documents: Vec<String> = Vec::new();
        for r in &rows {
            if !documents.contains(&r.document) && documents.len() < PROOFS {
                documents.push(r.document.clone());
            }
        }
        let first = rows[0];
        let date = rows
            .iter()
            .filter_map(|r| r.published.as_deref().and_then(ftm_date))
            .min();
        let mut entities = Vec::new();
        let mut link = match (predicate, subject_schema, object_schema) {
            ("holds_role" | "leader_of", "Person", None | Some("Address" | "Organization"))
                if !(predicate == "leader_of" && object_schema == Some("Organization")) =>
            {
                let place = object.filter(|_| object_schema == Some("Address"));
                let organisation = object.filter(|_| object_schema == Some("Organization"));
                let title = match (role.is_empty(), place.and_then(|p| names.get(&p))) {
                    (false, _) => role.clone(),
                    (true, Some(p)) => format!("Leader of {}", p.name),
                    (true, None) => continue,
                };
                let mut position = Entity::new(
                    format!(
                        "tessera-position-{}",
                        stable_id(&[
                            &title.to_lowercase(),
                            &object.map(|o| o.to_string()).unwrap_or_default()
                        ])
                    ),
                    "Position",
                );
                position
                    .set("name", [title])
                    .set("organization", organisation.map(entity_id));
                if let Some(p) = place.and_then(|p| names.get(&p)) {
                    position
                        .set("subnationalArea", [p.name.clone()])
                        .set("country", p.country.as_ref().map(|c| c.to_lowercase()));
                }
                let mut occupancy = Entity::new(id("occupancy"), "Occupancy");
                occupancy
                    .set("holder", [entity_id(subject)])
                    .set("post", [position.id.clone()]);
                entities.push(position);
                occupancy
            }
            ("leader_of", s, Some("Organization")) if legal(s) => {
                let mut link = Entity::new(id("directorship"), "Directorship");
                link.set("director", [entity_id(subject)])
                    .set("organization", object.map(entity_id))
                    .set(
                        "role",
                        [if role.is_empty() {
                            "leader".into()
                        } else {
                            role
                        }],
                    );
                link
            }
            ("member_of", s, Some("Organization")) if legal(s) => {
                let mut link = Entity::new(id("membership"), "Membership");
                link.set("member", [entity_id(subject)])
                    .set("organization", object.map(entity_id))
                    .set("role", [role]);
                link
            }
            ("family_of", "Person", Some("Person")) => {
                let mut link = Entity::new(id("family"), "Family");
                link.set("person", [entity_id(subject)])
                    .set("relative", object.map(entity_id))
                    .set("relationship", [role]);
                link
            }
            ("associate_of" | "partner_of", "Person", Some("Person")) => {
                let mut link = Entity::new(id("associate"), "Associate");
                link.set("person", [entity_id(subject)])
                    .set("associate", object.map(entity_id))
                    .set(
                        "relationship",
                        [if role.is_empty() {
                            predicate.replace('_', " ")
                        } else {
                            role
                        }],
                    );
                link
            }
            (_, _, Some(_)) => {
                let mut link = Entity::new(id("link"), "UnknownLink");
                link.set("subject", [entity_id(subject)])
                    .set("object", object.map(entity_id))
                    .set(
                        "role",
                        [if role.is_empty() {
                            predicate.to_string()
                        } else {
                            format!("{predicate}: {role}")
                        }],
                    );
                link
            }
            // A value the schemata have no place for.
            _ => continue,
        };
        link.set("date", date)
            .set("description", [first.evidence.clone()])
            .set("proof", documents.iter().map(|d| article_id(d)));
        entities.push(link);
        out.push(Link {
            entities,
            documents,
        });
    }
    out
}

/// (graph entity, document, the names it goes by there) for every person and organisation.
fn mentions(
    conn: &Connection,
    schemata: &BTreeMap<i64, &'static str>,
) -> Result<Vec<(i64, String, Vec<String>)>, ExportError> {
    let mut stmt = conn
        .prepare(
            "SELECT l.graph, d.id, e.name FROM entity_links l
             JOIN entities e ON e.doc = l.doc AND e.idx = l.entity
             JOIN documents d ON d.rowid = l.doc
             ORDER BY l.graph, l.doc, e.idx",
        )
        .doing("preparing mentions")?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .doing("reading mentions")?;
    let mut out: Vec<(i64, String, Vec<String>)> = Vec::new();
    for row in rows {
        let (graph, document, name) = row.doing("reading mentions")?;
        if !schemata.get(&graph).is_some_and(|s| legal(s)) {
            continue;
        }
        match out.last_mut() {
            Some((g, d, names)) if *g == graph && *d == document => {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
            _ => out.push((graph, document, vec![name])),
        }
    }
    Ok(out)
}

/// An `Article` for each document, with its text.
fn articles(conn: &Connection, documents: &BTreeSet<String>) -> Result<Vec<Entity>, ExportError> {
    let list = serde_json::Value::from(documents.iter().cloned().collect::<Vec<_>>()).to_string();
    let mut stmt = conn
        .prepare(
            "SELECT id, title, published, source, url, byline, lang, text FROM documents
             WHERE id IN (SELECT value FROM json_each(?1)) ORDER BY id",
        )
        .doing("preparing articles")?;
    let rows = stmt
        .query_map([list], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
            ))
        })
        .doing("reading articles")?;
    let mut out = Vec::new();
    for row in rows {
        let (id, title, published, source, url, byline, lang, text) =
            row.doing("reading articles")?;
        let mut article = Entity::new(article_id(&id), "Article");
        article
            .set("title", title.clone())
            .set("name", [title.unwrap_or_else(|| id.clone())])
            .set("fileName", [id])
            .set("publishedAt", published.as_deref().and_then(ftm_date))
            .set("publisher", source)
            .set("sourceUrl", url.filter(|u| u.starts_with("http")))
            .set("author", byline)
            .set("language", lang.as_deref().and_then(language))
            .set("bodyText", [text]);
        out.push(article);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_cut_to_what_ftm_holds() {
        assert_eq!(
            ftm_date("2026-01-15T10:00:00Z").as_deref(),
            Some("2026-01-15")
        );
        assert_eq!(ftm_date("2026-01").as_deref(), Some("2026-01"));
        assert_eq!(ftm_date("1970").as_deref(), Some("1970"));
        assert_eq!(ftm_date("W03"), None);
        assert_eq!(ftm_date("twenty"), None);
    }

    #[test]
    fn values_are_trimmed_and_kept_once() {
        let mut e = Entity::new("x".into(), "Person");
        e.set("name", [" Ana ", "Ana", ""]);
        assert_eq!(e.properties["name"], vec!["Ana".to_string()]);
    }

    fn row(subject: i64, predicate: &str, object: Option<i64>, role: Option<&str>) -> RelationRow {
        RelationRow {
            subject,
            predicate: predicate.into(),
            object,
            value: None,
            role: role.map(String::from),
            document: "d1".into(),
            published: Some("2026-02-03".into()),
            evidence: "words".into(),
        }
    }

    fn record(id: i64, kind: &str, name: &str) -> EntityRecord {
        EntityRecord {
            id: format!("E{id}"),
            kind: kind.into(),
            name: name.into(),
            aliases: vec![],
            country: Some("MX".into()),
            geonames_id: None,
            lat: None,
            lon: None,
            documents: 1,
            first_seen: None,
            last_seen: None,
        }
    }

    #[test]
    fn each_predicate_becomes_the_link_its_schemata_allow() {
        let entities = vec![
            record(1, "PER", "Ana"),
            record(2, "ORG", "Cartel"),
            record(3, "LOC", "Jalisco"),
            record(4, "PER", "Luis"),
        ];
        let schemata: BTreeMap<i64, &'static str> = entities
            .iter()
            .map(|e| {
                (
                    records::entity_number(&e.id).unwrap_or_default(),
                    schema_of(&e.kind).unwrap_or_default(),
                )
            })
            .collect();
        let relations = vec![
            row(1, "holds_role", Some(2), Some("spokeswoman")),
            row(1, "leader_of", Some(3), None),
            row(4, "leader_of", Some(2), None),
            row(4, "member_of", Some(2), None),
            row(1, "family_of", Some(4), Some("sister")),
            row(2, "located_in", Some(3), None),
            row(3, "member_of", Some(2), None),
        ];
        let links = links(&relations, &schemata, &entities);
        let schemas: Vec<Vec<&str>> = links
            .iter()
            .map(|l| l.entities.iter().map(|e| e.schema).collect())
            .collect();
        assert_eq!(
            schemas,
            vec![
                vec!["Family"],
                vec!["Position", "Occupancy"],
                vec!["Position", "Occupancy"],
                vec!["UnknownLink"],
                vec!["UnknownLink"],
                vec!["Directorship"],
                vec!["Membership"],
            ]
        );
        let leader = &links[2].entities[0];
        assert_eq!(
            leader.properties["name"],
            vec!["Leader of Jalisco".to_string()]
        );
        assert_eq!(leader.properties["country"], vec!["mx".to_string()]);
        let role = &links[1].entities[0];
        assert_eq!(
            role.properties["organization"],
            vec!["tessera-e2".to_string()]
        );
        assert_eq!(
            links[1].entities[1].properties["proof"],
            vec![article_id("d1")]
        );
    }
}
