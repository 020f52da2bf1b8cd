//! How two entities connect: the shortest chains through relations, roles and shared event
//! clusters, each step with the document and words that support it. Only when no such chain
//! exists are weaker steps allowed: two names in one sentence (`sentence`), with the sentence as
//! evidence.

use super::profile::evidence;
use crate::error::{Doing, GraphError};
use rusqlite::Connection;
use serde::Serialize;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// One step of a path.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Step {
    pub from: String,
    pub from_name: String,
    pub to: String,
    pub to_name: String,
    /// `relation`, `role` or `event`.
    pub via: String,
    /// The predicate, the role's title, or the cluster's type and id.
    pub label: String,
    pub document: String,
    pub evidence: String,
}

/// Neighbours examined per entity: the widest hubs (a country in every document) are cut short.
const FAN_OUT: i64 = 200;

/// The shortest path from `a` to `b` of at most `max_hops` steps, or `None`.
pub fn path(
    conn: &Connection,
    a: i64,
    b: i64,
    max_hops: usize,
) -> Result<Option<Vec<Step>>, GraphError> {
    if a == b {
        return Ok(Some(Vec::new()));
    }
    // Cheapest first (Dijkstra): a relation, role or shared event costs 10, two names in one
    // sentence 16, and passing through a place (a country links everything) 5 more, so that
    // the path shown is the most telling of those within reach.
    let mut best: HashMap<i64, (u32, usize)> = HashMap::from([(a, (0, 0))]);
    let mut came_from: HashMap<i64, (i64, Edge)> = HashMap::new();
    let mut heap = BinaryHeap::from([Reverse((0u32, 0usize, a))]);
    let mut expanded = 0;
    while let Some(Reverse((cost, hops, node))) = heap.pop() {
        if node == b {
            return steps(conn, &came_from, a, b).map(Some);
        }
        if best.get(&node).is_some_and(|&(c, _)| c < cost) || hops >= max_hops {
            continue;
        }
        // A bounded search: a few hundred entities looked at, and none of the hubs that every
        // document names (a country, a wire), through which everything would connect.
        expanded += 1;
        if expanded > EXPANSIONS {
            break;
        }
        if node != a && is_hub(conn, node)? {
            continue;
        }
        let through_place = node != a && is_place(conn, node)?;
        let mut edges = neighbours(conn, node)?;
        edges.extend(same_sentence(conn, node)?);
        for edge in edges {
            let step =
                if edge.via == "sentence" { 16 } else { 10 } + if through_place { 5 } else { 0 };
            let next = cost + step;
            if best.get(&edge.to).is_some_and(|&(c, _)| c <= next) {
                continue;
            }
            best.insert(edge.to, (next, hops + 1));
            heap.push(Reverse((next, hops + 1, edge.to)));
            came_from.insert(edge.to, (node, edge));
        }
    }
    Ok(None)
}

/// Entities looked at per search, at most.
const EXPANSIONS: usize = 30;
/// An entity named in more documents than this is a hub, passed through but not searched from.
const HUB_DOCUMENTS: i64 = 1000;

fn is_hub(conn: &Connection, id: i64) -> Result<bool, GraphError> {
    conn.prepare_cached("SELECT documents > ?2 FROM graph_entities WHERE id = ?1")
        .doing("preparing a hub check")?
        .query_row(rusqlite::params![id, HUB_DOCUMENTS], |r| r.get(0))
        .doing("reading an entity's documents")
}

fn is_place(conn: &Connection, id: i64) -> Result<bool, GraphError> {
    conn.prepare_cached("SELECT kind = 'LOC' FROM graph_entities WHERE id = ?1")
        .doing("preparing a kind lookup")?
        .query_row([id], |r| r.get(0))
        .doing("reading an entity's kind")
}

#[derive(Debug, Clone)]
pub(crate) struct Edge {
    pub(crate) to: i64,
    pub(crate) via: &'static str,
    pub(crate) label: String,
    pub(crate) document: String,
    pub(crate) evidence: String,
}

fn steps(
    conn: &Connection,
    came_from: &HashMap<i64, (i64, Edge)>,
    a: i64,
    b: i64,
) -> Result<Vec<Step>, GraphError> {
    let mut chain = Vec::new();
    let mut at = b;
    while at != a {
        let Some((prev, edge)) = came_from.get(&at) else {
            break;
        };
        chain.push((*prev, edge.clone()));
        at = *prev;
    }
    chain.reverse();
    let mut out = Vec::with_capacity(chain.len());
    for (from, edge) in chain {
        out.push(Step {
            from: format!("E{from}"),
            from_name: name(conn, from)?,
            to: format!("E{}", edge.to),
            to_name: name(conn, edge.to)?,
            via: edge.via.to_string(),
            label: edge.label,
            document: edge.document,
            evidence: edge.evidence,
        });
    }
    Ok(out)
}

fn name(conn: &Connection, id: i64) -> Result<String, GraphError> {
    conn.prepare_cached("SELECT name FROM graph_entities WHERE id = ?1")
        .doing("preparing a name lookup")?
        .query_row([id], |r| r.get(0))
        .doing("reading an entity name")
}

pub(crate) fn neighbours(conn: &Connection, node: i64) -> Result<Vec<Edge>, GraphError> {
    let sql = format!(
        "SELECT * FROM (
            SELECT lo.graph, 'relation', r.predicate, d.id, {rel}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1 ORDER BY doc DESC LIMIT 200) l
            JOIN relations r ON r.doc = l.doc AND r.subject = l.entity
            JOIN entity_links lo ON lo.doc = r.doc AND lo.entity = r.object_entity
            JOIN documents d ON d.rowid = l.doc
            UNION ALL
            SELECT ls.graph, 'relation', 'inverse of ' || r.predicate, d.id, {rel}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1 ORDER BY doc DESC LIMIT 200) l
            JOIN relations r ON r.doc = l.doc AND r.object_entity = l.entity
            JOIN entity_links ls ON ls.doc = r.doc AND ls.entity = r.subject
            JOIN documents d ON d.rowid = l.doc
            UNION ALL
            SELECT lo.graph, 'role', ro.title, d.id, {role}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1 ORDER BY doc DESC LIMIT 200) l
            JOIN roles ro ON ro.doc = l.doc AND ro.entity = l.entity
            JOIN entity_links lo ON lo.doc = ro.doc AND lo.entity = ro.org
            JOIN documents d ON d.rowid = l.doc
            UNION ALL
            SELECT lp.graph, 'role', 'has ' || ro.title, d.id, {role}
            FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1 ORDER BY doc DESC LIMIT 200) l
            JOIN roles ro ON ro.doc = l.doc AND ro.org = l.entity
            JOIN entity_links lp ON lp.doc = ro.doc AND lp.entity = ro.entity
            JOIN documents d ON d.rowid = l.doc)
         LIMIT ?2",
        rel = evidence("r.evidence_start", "r.evidence_end"),
        role = evidence("ro.evidence_start", "ro.evidence_end"),
    );
    let mut edges = Vec::new();
    {
        let mut stmt = conn
            .prepare_cached(&sql)
            .doing("preparing a neighbour lookup")?;
        let rows = stmt
            .query_map(rusqlite::params![node, FAN_OUT], |r| {
                Ok(Edge {
                    to: r.get(0)?,
                    via: if r.get::<_, String>(1)? == "role" {
                        "role"
                    } else {
                        "relation"
                    },
                    label: r.get(2)?,
                    document: r.get(3)?,
                    evidence: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                })
            })
            .doing("reading neighbours")?;
        for row in rows {
            let edge = row.doing("reading a neighbour")?;
            if edge.to != node {
                edges.push(edge);
            }
        }
    }
    // Shared event clusters: the other participants, with the first report's words.
    let sql = format!(
        "SELECT other.entity, c.type || ' ' || 'C' || c.id, d.id, {ev}
         FROM cluster_participants mine
         JOIN cluster_participants other ON other.cluster = mine.cluster AND other.entity != ?1
         JOIN clusters c ON c.id = mine.cluster
         JOIN cluster_reports cr ON cr.cluster = c.id
            AND cr.doc = (SELECT MIN(doc) FROM cluster_reports WHERE cluster = c.id)
         JOIN events e ON e.doc = cr.doc AND e.idx = cr.event
         JOIN documents d ON d.rowid = cr.doc
         WHERE mine.entity = ?1 LIMIT ?2",
        ev = evidence("e.evidence_start", "e.evidence_end"),
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .doing("preparing a cluster neighbour lookup")?;
    let rows = stmt
        .query_map(rusqlite::params![node, FAN_OUT], |r| {
            Ok(Edge {
                to: r.get(0)?,
                via: "event",
                label: r.get(1)?,
                document: r.get(2)?,
                evidence: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
            })
        })
        .doing("reading cluster neighbours")?;
    for row in rows {
        edges.push(row.doing("reading a cluster neighbour")?);
    }
    Ok(edges)
}

/// Entities named in the same sentence as `node`'s mentions (a sentence ends at `.`, `!` or `?`
/// before a capital, or at a line break).
pub(crate) fn same_sentence(conn: &Connection, node: i64) -> Result<Vec<Edge>, GraphError> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT l2.graph, d.id, MIN(m1.start, m2.start), MAX(m1.end, m2.end),
                    substr(CAST(d.text AS BLOB), MAX(MIN(m1.start, m2.start) - 300, 0) + 1,
                           MAX(m1.end, m2.end) - MAX(MIN(m1.start, m2.start) - 300, 0) + 300),
                    MAX(MIN(m1.start, m2.start) - 300, 0),
                    MIN(m1.end, m2.end), MAX(m1.start, m2.start)
             FROM (SELECT doc, entity FROM entity_links WHERE graph = ?1
                   ORDER BY doc DESC LIMIT 24) l1
             JOIN entity_mentions m1 ON m1.doc = l1.doc AND m1.entity = l1.entity
             JOIN entity_mentions m2 ON m2.doc = m1.doc AND m2.entity != m1.entity
                  AND m2.start BETWEEN m1.start - 400 AND m1.start + 400
             JOIN entity_links l2 ON l2.doc = m2.doc AND l2.entity = m2.entity AND l2.graph != ?1
             JOIN documents d ON d.rowid = l1.doc
             LIMIT ?2",
        )
        .doing("preparing a same-sentence lookup")?;
    let rows = stmt
        .query_map(rusqlite::params![node, FAN_OUT], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, Option<Vec<u8>>>(4)?,
                r.get::<_, i64>(5)?,
                r.get::<_, i64>(6)?,
                r.get::<_, i64>(7)?,
            ))
        })
        .doing("reading same-sentence names")?;
    let mut edges = Vec::new();
    for row in rows {
        let (to, document, start, end, window, base, gap_start, gap_end) =
            row.doing("reading a same-sentence name")?;
        let Some((window, base)) = window.and_then(|bytes| utf8_window(bytes, base)) else {
            continue;
        };
        let at = |offset: i64| (offset - base).clamp(0, window.len() as i64) as usize;
        let (Some(gap), Some(before), Some(after)) = (
            window.get(at(gap_start)..at(gap_end)),
            window.get(..at(start)),
            window.get(at(end)..),
        ) else {
            continue;
        };
        if sentence_breaks(gap).next().is_some() {
            continue;
        }
        let from = sentence_breaks(before).last().unwrap_or(0);
        let to_end = sentence_breaks(after).next().unwrap_or(after.len());
        let sentence = format!(
            "{}{}{}",
            &before[from..],
            &window[at(start)..at(end)],
            &after[..to_end]
        );
        edges.push(Edge {
            to,
            via: "sentence",
            label: "named in one sentence".into(),
            document,
            evidence: sentence.trim().to_string(),
        });
    }
    Ok(edges)
}

/// A window of a text's bytes cut at any offset, as text: partial characters at either edge are
/// dropped, and the offset of its first byte moves with them.
fn utf8_window(mut bytes: Vec<u8>, mut base: i64) -> Option<(String, i64)> {
    let lead = bytes.iter().take_while(|&&b| b & 0xC0 == 0x80).count();
    bytes.drain(..lead);
    base += lead as i64;
    match String::from_utf8(bytes) {
        Ok(text) => Some((text, base)),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let mut bytes = e.into_bytes();
            bytes.truncate(valid);
            String::from_utf8(bytes).ok().map(|text| (text, base))
        }
    }
}

/// Byte offsets just after each sentence end in `text`.
fn sentence_breaks(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).filter_map(move |i| {
        let c = bytes[i];
        if c == b'\n' {
            return Some(i + 1);
        }
        if matches!(c, b'.' | b'!' | b'?') {
            let rest = &text[i + 1..];
            let mut chars = rest.chars();
            let space = chars.next().is_some_and(char::is_whitespace);
            let capital = chars
                .find(|c| !c.is_whitespace())
                .is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
            if space && capital {
                return Some(i + 1);
            }
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::sentence_breaks;

    #[test]
    fn sentences_end_before_a_capital_or_at_a_line_break() {
        let text = "He met the U.S. envoy. Then he left.\nNext";
        let breaks: Vec<usize> = sentence_breaks(text).collect();
        assert_eq!(breaks, vec![22, 36, 37]);
    }
}
