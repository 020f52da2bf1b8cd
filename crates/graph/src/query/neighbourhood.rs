//! An entity's neighbourhood for a graph view, and which graph entity and cluster each of a
//! document's entities and events joined (for a reader that links them).

use super::path::{Edge, neighbours, same_sentence};
use crate::error::{Doing, GraphError};
use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

/// The entities one step from a centre, and the edges that join them to it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Neighbourhood {
    pub nodes: Vec<Node>,
    pub edges: Vec<GraphEdge>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Node {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub documents: i64,
}

/// One reason two entities are joined, with the words that say so.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GraphEdge {
    pub source: String,
    pub target: String,
    /// `relation`, `role`, `event` or `sentence`.
    pub via: String,
    /// The predicate, the role's title, or the cluster's type and id.
    pub label: String,
    /// The cluster, for shared events.
    pub cluster: Option<String>,
    pub document: String,
    pub evidence: String,
}

/// Fewer stated neighbours than this and names sharing a sentence are added, weakly.
const FEW: usize = 3;

/// `id`'s neighbours through relations, roles and shared event clusters (one edge per
/// neighbour, reason and label), at most `limit` neighbours, the best-documented first.
pub fn neighbourhood(
    conn: &Connection,
    id: i64,
    limit: usize,
) -> Result<Neighbourhood, GraphError> {
    let centre = node(conn, id)?.ok_or_else(|| GraphError::NoEntity(format!("E{id}")))?;
    let mut edges = neighbours(conn, id)?;
    let stated: HashSet<i64> = edges.iter().map(|e| e.to).collect();
    if stated.len() < FEW {
        edges.extend(same_sentence(conn, id)?);
    }
    let mut seen = HashSet::new();
    let mut by_neighbour: BTreeMap<i64, Vec<Edge>> = BTreeMap::new();
    for edge in edges {
        if edge.to != id && seen.insert((edge.to, edge.via, edge.label.clone())) {
            by_neighbour.entry(edge.to).or_default().push(edge);
        }
    }
    let mut nodes = Vec::new();
    for &other in by_neighbour.keys() {
        if let Some(n) = node(conn, other)? {
            nodes.push((other, n));
        }
    }
    nodes.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then(a.0.cmp(&b.0)));
    nodes.truncate(limit);
    let mut out = Neighbourhood {
        nodes: vec![centre],
        edges: Vec::new(),
    };
    for (other, n) in nodes {
        for edge in by_neighbour.remove(&other).unwrap_or_default() {
            let cluster = (edge.via == "event")
                .then(|| edge.label.rsplit(' ').next().map(str::to_string))
                .flatten();
            out.edges.push(GraphEdge {
                source: format!("E{id}"),
                target: n.id.clone(),
                via: edge.via.to_string(),
                label: edge.label,
                cluster,
                document: edge.document,
                evidence: edge.evidence,
            });
        }
        out.nodes.push(n);
    }
    Ok(out)
}

fn node(conn: &Connection, id: i64) -> Result<Option<Node>, GraphError> {
    conn.prepare_cached("SELECT name, kind, documents FROM graph_entities WHERE id = ?1")
        .doing("preparing an entity lookup")?
        .query_row([id], |r| {
            Ok(Node {
                id: format!("E{id}"),
                name: r.get(0)?,
                kind: r.get(1)?,
                documents: r.get(2)?,
            })
        })
        .optional()
        .doing("reading an entity")
}

/// For one stored document: its entities (`e1`…) and the graph entities they joined (`E…`),
/// and its events (`v1`…) and the clusters they joined (`C…`).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct DocumentLinks {
    pub entities: BTreeMap<String, String>,
    pub events: BTreeMap<String, String>,
}

pub fn document_links(conn: &Connection, document: &str) -> Result<DocumentLinks, GraphError> {
    let mut links = DocumentLinks::default();
    let mut stmt = conn
        .prepare_cached(
            "SELECT 'e', l.entity, 'E' || l.graph FROM entity_links l
             JOIN documents d ON d.rowid = l.doc WHERE d.id = ?1
             UNION ALL
             SELECT 'v', r.event, 'C' || r.cluster FROM cluster_reports r
             JOIN documents d ON d.rowid = r.doc WHERE d.id = ?1",
        )
        .doing("preparing a document's links")?;
    let rows = stmt
        .query_map([document], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .doing("reading a document's links")?;
    for row in rows {
        let (layer, index, target) = row.doing("reading a document link")?;
        // The contract numbers entities and events from 1; the store's positions are from 0.
        let key = format!("{layer}{}", index + 1);
        match layer.as_str() {
            "e" => links.entities.insert(key, target),
            _ => links.events.insert(key, target),
        };
    }
    Ok(links)
}
