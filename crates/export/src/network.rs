//! The entities as a network for Gephi and networkx: a node per graph entity (kind, aliases,
//! document count), an edge per relation the documents state between two of them (member of,
//! leader of...) and one per pair of entities taking part in the same event clusters, each with
//! its weight (documents or clusters), first and last date, and its evidence. Written as
//! GraphML ([`write_graphml`]) or GEXF 1.2 ([`write_gexf`]).

use crate::ExportSummary;
use crate::error::ExportError;
use crate::records::{self, EntityRecord, Selection};
use crate::text::xml;
use rusqlite::Connection;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

/// One edge, between graph entity ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub source: i64,
    pub target: i64,
    /// `relation` (directed: subject to object) or `event` (shared event clusters).
    pub kind: &'static str,
    /// The predicate (`member_of`) or the event type (`ASSAULT`).
    pub label: String,
    /// Documents stating the relation, or clusters shared.
    pub weight: usize,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    /// The words of the first document that states it, with the document id; or the clusters.
    pub evidence: String,
}

/// Nodes and edges, in a stable order.
#[derive(Debug, Clone, Default)]
pub struct Network {
    pub nodes: Vec<EntityRecord>,
    pub edges: Vec<Edge>,
}

/// The most cluster ids an event edge lists as its evidence.
const EVIDENCE_CLUSTERS: usize = 5;

impl Network {
    pub fn load(conn: &Connection, selection: &Selection) -> Result<Self, ExportError> {
        let nodes = records::entities(conn, selection.entities.as_ref())?;
        let known: BTreeSet<i64> = nodes
            .iter()
            .filter_map(|n| records::entity_number(&n.id))
            .collect();
        let mut edges = relations(conn, &known)?;
        edges.extend(shared_events(selection, &known));
        Ok(Network { nodes, edges })
    }
}

fn relations(conn: &Connection, known: &BTreeSet<i64>) -> Result<Vec<Edge>, ExportError> {
    let mut by_pair: BTreeMap<(i64, i64, String), (BTreeSet<String>, Edge)> = BTreeMap::new();
    for row in records::relations(conn)? {
        let Some(object) = row.object else { continue };
        let source = row.subject;
        if source == object || !known.contains(&source) || !known.contains(&object) {
            continue;
        }
        let (docs, edge) = by_pair
            .entry((source, object, row.predicate.clone()))
            .or_insert_with(|| {
                (
                    BTreeSet::new(),
                    Edge {
                        source,
                        target: object,
                        kind: "relation",
                        label: row.predicate.clone(),
                        weight: 0,
                        first_seen: None,
                        last_seen: None,
                        evidence: format!("{} [{}]", row.evidence, row.document),
                    },
                )
            });
        widen(edge, row.published.as_deref());
        if docs.insert(row.document) {
            edge.weight += 1;
        }
    }
    Ok(by_pair.into_values().map(|(_, edge)| edge).collect())
}

fn shared_events(selection: &Selection, known: &BTreeSet<i64>) -> Vec<Edge> {
    let mut by_pair: BTreeMap<(i64, i64, String), (Vec<String>, Edge)> = BTreeMap::new();
    for c in &selection.clusters {
        let mut taking_part: Vec<i64> = c
            .actors
            .iter()
            .chain(&c.recipients)
            .filter_map(|p| p.entity.as_deref().and_then(records::entity_number))
            .filter(|id| known.contains(id))
            .collect();
        taking_part.sort_unstable();
        taking_part.dedup();
        let day = c.date.as_ref().map(|d| d.value.as_str());
        for (i, &a) in taking_part.iter().enumerate() {
            for &b in &taking_part[i + 1..] {
                let (clusters, edge) = by_pair.entry((a, b, c.kind.clone())).or_insert_with(|| {
                    (
                        Vec::new(),
                        Edge {
                            source: a,
                            target: b,
                            kind: "event",
                            label: c.kind.clone(),
                            weight: 0,
                            first_seen: None,
                            last_seen: None,
                            evidence: String::new(),
                        },
                    )
                });
                edge.weight += 1;
                if clusters.len() < EVIDENCE_CLUSTERS {
                    clusters.push(c.id.clone());
                }
                widen(edge, day);
            }
        }
    }
    by_pair
        .into_values()
        .map(|(clusters, mut edge)| {
            edge.evidence = format!("event clusters {}", clusters.join(", "));
            edge
        })
        .collect()
}

fn widen(edge: &mut Edge, day: Option<&str>) {
    let Some(day) = day else { return };
    if edge.first_seen.as_deref().is_none_or(|f| day < f) {
        edge.first_seen = Some(day.to_string());
    }
    if edge.last_seen.as_deref().is_none_or(|l| day > l) {
        edge.last_seen = Some(day.to_string());
    }
}

fn summary(network: &Network) -> ExportSummary {
    ExportSummary {
        entities: network.nodes.len(),
        edges: network.edges.len(),
        ..ExportSummary::default()
    }
}

/// GraphML, with typed attributes networkx and Gephi read.
pub fn write_graphml(network: &Network, out: &mut dyn Write) -> Result<ExportSummary, ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    for (id, target, name, kind) in [
        ("n_label", "node", "label", "string"),
        ("n_kind", "node", "kind", "string"),
        ("n_aliases", "node", "aliases", "string"),
        ("n_documents", "node", "documents", "int"),
        ("n_country", "node", "country", "string"),
        ("n_first", "node", "first_seen", "string"),
        ("n_last", "node", "last_seen", "string"),
        ("e_kind", "edge", "kind", "string"),
        ("e_label", "edge", "label", "string"),
        ("e_weight", "edge", "weight", "double"),
        ("e_first", "edge", "first_seen", "string"),
        ("e_last", "edge", "last_seen", "string"),
        ("e_evidence", "edge", "evidence", "string"),
    ] {
        writeln!(
            out,
            r#"  <key id="{id}" for="{target}" attr.name="{name}" attr.type="{kind}"/>"#
        )?;
    }
    writeln!(out, r#"  <graph id="tessera" edgedefault="directed">"#)?;
    for n in &network.nodes {
        writeln!(out, r#"    <node id="{}">"#, xml(&n.id))?;
        let mut data = vec![
            ("n_label", n.name.clone()),
            ("n_kind", n.kind.clone()),
            ("n_aliases", n.aliases.join("; ")),
            ("n_documents", n.documents.to_string()),
        ];
        data.extend(n.country.clone().map(|c| ("n_country", c)));
        data.extend(n.first_seen.clone().map(|d| ("n_first", d)));
        data.extend(n.last_seen.clone().map(|d| ("n_last", d)));
        for (key, value) in data {
            writeln!(out, r#"      <data key="{key}">{}</data>"#, xml(&value))?;
        }
        writeln!(out, "    </node>")?;
    }
    for (i, e) in network.edges.iter().enumerate() {
        writeln!(
            out,
            r#"    <edge id="r{i}" source="E{}" target="E{}">"#,
            e.source, e.target
        )?;
        let mut data = vec![
            ("e_kind", e.kind.to_string()),
            ("e_label", e.label.clone()),
            ("e_weight", e.weight.to_string()),
            ("e_evidence", e.evidence.clone()),
        ];
        data.extend(e.first_seen.clone().map(|d| ("e_first", d)));
        data.extend(e.last_seen.clone().map(|d| ("e_last", d)));
        for (key, value) in data {
            writeln!(out, r#"      <data key="{key}">{}</data>"#, xml(&value))?;
        }
        writeln!(out, "    </edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    Ok(summary(network))
}

/// GEXF 1.2, Gephi's own format.
pub fn write_gexf(network: &Network, out: &mut dyn Write) -> Result<ExportSummary, ExportError> {
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <meta><creator>Tessera</creator><description>Entities, relations and shared events</description></meta>
  <graph defaultedgetype="directed" mode="static">
    <attributes class="node">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="aliases" title="aliases" type="string"/>
      <attribute id="documents" title="documents" type="integer"/>
      <attribute id="country" title="country" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="last_seen" title="last_seen" type="string"/>
    </attributes>
    <attributes class="edge">
      <attribute id="kind" title="kind" type="string"/>
      <attribute id="first_seen" title="first_seen" type="string"/>
      <attribute id="last_seen" title="last_seen" type="string"/>
      <attribute id="evidence" title="evidence" type="string"/>
    </attributes>
    <nodes>"#
    )?;
    let attvalues = |values: Vec<(&str, String)>| -> String {
        values
            .into_iter()
            .map(|(key, value)| format!(r#"<attvalue for="{key}" value="{}"/>"#, xml(&value)))
            .collect()
    };
    for n in &network.nodes {
        let mut values = vec![
            ("kind", n.kind.clone()),
            ("aliases", n.aliases.join("; ")),
            ("documents", n.documents.to_string()),
        ];
        values.extend(n.country.clone().map(|c| ("country", c)));
        values.extend(n.first_seen.clone().map(|d| ("first_seen", d)));
        values.extend(n.last_seen.clone().map(|d| ("last_seen", d)));
        writeln!(
            out,
            r#"      <node id="{}" label="{}"><attvalues>{}</attvalues></node>"#,
            xml(&n.id),
            xml(&n.name),
            attvalues(values)
        )?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for (i, e) in network.edges.iter().enumerate() {
        let mut values = vec![
            ("kind", e.kind.to_string()),
            ("evidence", e.evidence.clone()),
        ];
        values.extend(e.first_seen.clone().map(|d| ("first_seen", d)));
        values.extend(e.last_seen.clone().map(|d| ("last_seen", d)));
        writeln!(
            out,
            r#"      <edge id="r{i}" source="E{}" target="E{}" label="{}" weight="{}"><attvalues>{}</attvalues></edge>"#,
            e.source,
            e.target,
            xml(&e.label),
            e.weight,
            attvalues(values)
        )?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
    Ok(summary(network))
}
