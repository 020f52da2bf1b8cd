//! Entity resolution and event clustering across documents, against multi-article stories
//! (`fixtures/stories/NN-slug/a*.txt` with `gold.json`; see `fixtures/stories/README.md`).
//!
//! Every article of every story goes into one fresh store (so namesakes across stories meet),
//! through the whole pipeline and resolution. Then each gold name (an entity as one article
//! names it) is found in its article: the document entity whose name, alias or a mention is that
//! name (case and accents aside). Each gold report is found by its quote: the event of that
//! article, of the gold type, whose evidence overlaps the quote. Merges and
//! clusters are scored by pairs: every two gold names (reports) that are one entity (cluster) in
//! gold and in the store are a true pair; precision is over the pairs the store joins, recall
//! over the pairs gold joins (a name or report not found joins nothing).

use crate::{IngestOptions, Pipeline, SqliteStore, ingest_and_resolve};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use tessera_doc::fold;

#[derive(Debug, thiserror::Error)]
pub enum StoriesError {
    #[error("cannot read {path}: {reason}")]
    Gold { path: PathBuf, reason: String },
    #[error(transparent)]
    Engine(#[from] crate::EngineError),
    #[error(transparent)]
    Store(#[from] crate::StoreError),
    #[error("reading the store: {0}")]
    Query(#[from] rusqlite::Error),
}

#[derive(Debug, Deserialize)]
struct Gold {
    entities: Vec<GoldEntity>,
    clusters: Vec<GoldCluster>,
}

#[derive(Debug, Deserialize)]
struct GoldEntity {
    id: String,
    kind: String,
    names: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct GoldCluster {
    id: String,
    #[serde(rename = "type")]
    kind: String,
    reports: Vec<GoldReport>,
    #[serde(default)]
    fatalities: Vec<u32>,
    independent_sources: usize,
}

#[derive(Debug, Deserialize)]
struct GoldReport {
    article: String,
    quote: String,
}

/// Pairs joined by the store, by gold, and by both.
#[derive(Debug, Default, Clone, Copy)]
pub struct Pairs {
    pub predicted: usize,
    pub gold: usize,
    pub both: usize,
}

impl Pairs {
    pub fn precision(&self) -> f64 {
        ratio(self.both, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.both, self.gold)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

#[derive(Debug, Default)]
pub struct StoryScores {
    pub stories: usize,
    pub articles: usize,
    pub entity_pairs: Pairs,
    pub entity_pairs_by_kind: BTreeMap<String, Pairs>,
    /// Gold names found in their article / all gold names.
    pub names_found: (usize, usize),
    /// Gold entities all of whose names found are one entity, and no other gold entity's.
    pub entities_whole: (usize, usize),
    pub cluster_pairs: Pairs,
    pub reports_found: (usize, usize),
    /// Gold clusters whose reports (all found) are exactly one stored cluster, nothing else.
    pub clusters_exact: (usize, usize),
    /// Among exact clusters: the fatality values, and the corroboration, as gold says.
    pub fatalities_right: (usize, usize),
    pub corroboration_right: (usize, usize),
    /// Lines naming each miss (for `--verbose`).
    pub misses: Vec<String>,
}

impl fmt::Display for StoryScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let share = |(a, b): (usize, usize)| format!("{a}/{b} ({:.3})", ratio(a, b));
        let pairs = |p: &Pairs| {
            format!(
                "P {:.3} R {:.3} (pairs: {} joined, {} gold, {} both)",
                p.precision(),
                p.recall(),
                p.predicted,
                p.gold,
                p.both
            )
        };
        writeln!(f, "stories {}, articles {}", self.stories, self.articles)?;
        writeln!(f, "entity merges    {}", pairs(&self.entity_pairs))?;
        for (kind, p) in &self.entity_pairs_by_kind {
            writeln!(f, "  {kind:<4}           {}", pairs(p))?;
        }
        writeln!(f, "names found      {}", share(self.names_found))?;
        writeln!(f, "entities whole   {}", share(self.entities_whole))?;
        writeln!(f, "event clusters   {}", pairs(&self.cluster_pairs))?;
        writeln!(f, "reports found    {}", share(self.reports_found))?;
        writeln!(f, "clusters exact   {}", share(self.clusters_exact))?;
        writeln!(f, "  fatalities     {}", share(self.fatalities_right))?;
        write!(f, "  corroboration  {}", share(self.corroboration_right))
    }
}

/// Scores every story under `dir`, building the store at `db` (which must not exist yet).
pub fn stories(pipeline: &Pipeline, dir: &Path, db: &Path) -> Result<StoryScores, StoriesError> {
    let gold_err = |path: &Path, reason: String| StoriesError::Gold {
        path: path.to_path_buf(),
        reason,
    };
    let mut stories = Vec::new();
    let mut inputs = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| gold_err(dir, e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("gold.json").is_file())
        .collect();
    entries.sort();
    for story in entries {
        let path = story.join("gold.json");
        let text = std::fs::read_to_string(&path).map_err(|e| gold_err(&path, e.to_string()))?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| gold_err(&path, e.to_string()))?;
        let mut articles: Vec<PathBuf> = std::fs::read_dir(&story)
            .map_err(|e| gold_err(&story, e.to_string()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        articles.sort();
        inputs.extend(articles.iter().map(|p| p.display().to_string()));
        let name = story
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        stories.push((name, gold));
    }
    let mut store = SqliteStore::open(db)?;
    ingest_and_resolve(
        &mut store,
        pipeline,
        inputs.clone(),
        &IngestOptions::default(),
        &mut |_| {},
    )?;
    let conn = store.connection();
    let docs = documents_by_article(conn)?;
    let mut scores = StoryScores {
        stories: stories.len(),
        articles: inputs.len(),
        ..StoryScores::default()
    };

    // Entities.
    let mut names: Vec<(String, String, Option<i64>)> = Vec::new(); // (gold id, kind, graph)
    for (story, gold) in &stories {
        for entity in &gold.entities {
            for (article, name) in &entity.names {
                let graph = docs
                    .get(&(story.clone(), article.clone()))
                    .map(|&doc| find_entity(conn, doc, name))
                    .transpose()?
                    .flatten();
                scores.names_found.1 += 1;
                match graph {
                    Some(_) => scores.names_found.0 += 1,
                    None => scores
                        .misses
                        .push(format!("name not found: {story}/{article} {name:?}")),
                }
                names.push((entity.id.clone(), entity.kind.clone(), graph));
            }
        }
    }
    for i in 0..names.len() {
        for j in i + 1..names.len() {
            let (a, b) = (&names[i], &names[j]);
            let gold_same = a.0 == b.0;
            let joined = a.2.is_some() && a.2 == b.2;
            let tally = |p: &mut Pairs| {
                p.gold += gold_same as usize;
                p.predicted += joined as usize;
                p.both += (gold_same && joined) as usize;
            };
            tally(&mut scores.entity_pairs);
            if a.1 == b.1 {
                tally(scores.entity_pairs_by_kind.entry(a.1.clone()).or_default());
            }
            if joined && !gold_same {
                scores.misses.push(format!(
                    "wrongly merged: {} and {} (E{})",
                    a.0,
                    b.0,
                    a.2.unwrap_or(0)
                ));
            }
        }
    }
    let mut by_gold: BTreeMap<&str, Vec<Option<i64>>> = BTreeMap::new();
    for (id, _, graph) in &names {
        by_gold.entry(id.as_str()).or_default().push(*graph);
    }
    for (id, graphs) in &by_gold {
        scores.entities_whole.1 += 1;
        let first = graphs.first().copied().flatten();
        let one = first.is_some() && graphs.iter().all(|g| *g == first);
        let alone = names.iter().all(|(other, _, g)| other == id || *g != first);
        if one && alone {
            scores.entities_whole.0 += 1;
        } else {
            scores
                .misses
                .push(format!("entity not whole: {id} {graphs:?}"));
        }
    }

    // Clusters.
    let mut reports: Vec<(String, Option<i64>)> = Vec::new(); // (gold cluster, stored cluster)
    for (story, gold) in &stories {
        for cluster in &gold.clusters {
            let key = format!("{story}/{}", cluster.id);
            let mut found = Vec::new();
            for report in &cluster.reports {
                let stored = docs
                    .get(&(story.clone(), report.article.clone()))
                    .map(|&doc| find_report(conn, doc, &report.quote, &cluster.kind))
                    .transpose()?
                    .flatten();
                scores.reports_found.1 += 1;
                match stored {
                    Some(_) => scores.reports_found.0 += 1,
                    None => scores.misses.push(format!(
                        "report not found: {key} {}: {:?}",
                        report.article, report.quote
                    )),
                }
                found.push(stored);
                reports.push((key.clone(), stored));
            }
            scores.clusters_exact.1 += 1;
            let first = found.first().copied().flatten();
            let one = first.is_some() && found.iter().all(|c| *c == first);
            if !one {
                scores
                    .misses
                    .push(format!("cluster split or lost: {key} {found:?}"));
                continue;
            }
            let Some(id) = first else { continue };
            // Exact: the stored cluster holds no report of another gold cluster.
            let members: i64 = conn.query_row(
                "SELECT COUNT(DISTINCT doc) FROM cluster_reports WHERE cluster = ?1",
                [id],
                |r| r.get(0),
            )?;
            let gold_docs: std::collections::BTreeSet<&str> =
                cluster.reports.iter().map(|r| r.article.as_str()).collect();
            if members as usize != gold_docs.len() {
                scores.misses.push(format!(
                    "cluster {key} is C{id} with {members} documents, gold has {}",
                    gold_docs.len()
                ));
                continue;
            }
            scores.clusters_exact.0 += 1;
            let record = tessera_graph::query::cluster(conn, &format!("C{id}")).map_err(|e| {
                StoriesError::Gold {
                    path: dir.to_path_buf(),
                    reason: e.to_string(),
                }
            })?;
            if let Some(record) = record {
                let mut values: Vec<u32> = record
                    .fatalities
                    .values
                    .iter()
                    .filter_map(|v| v.value.as_u64().map(|n| n as u32))
                    .collect();
                values.sort_unstable();
                values.dedup();
                let mut expected = cluster.fatalities.clone();
                expected.sort_unstable();
                scores.fatalities_right.1 += 1;
                if values == expected {
                    scores.fatalities_right.0 += 1;
                } else {
                    scores.misses.push(format!(
                        "fatalities of {key}: {values:?}, gold {expected:?}"
                    ));
                }
                scores.corroboration_right.1 += 1;
                if record.corroboration == cluster.independent_sources {
                    scores.corroboration_right.0 += 1;
                } else {
                    scores.misses.push(format!(
                        "corroboration of {key}: {}, gold {}",
                        record.corroboration, cluster.independent_sources
                    ));
                }
            }
        }
    }
    for i in 0..reports.len() {
        for j in i + 1..reports.len() {
            let (a, b) = (&reports[i], &reports[j]);
            let gold_same = a.0 == b.0;
            let joined = a.1.is_some() && a.1 == b.1;
            scores.cluster_pairs.gold += gold_same as usize;
            scores.cluster_pairs.predicted += joined as usize;
            scores.cluster_pairs.both += (gold_same && joined) as usize;
            if joined && !gold_same {
                scores
                    .misses
                    .push(format!("wrongly clustered: {} and {}", a.0, b.0));
            }
        }
    }
    Ok(scores)
}

/// `(story folder, article file)` → documents.rowid, from each document's origin.
fn documents_by_article(
    conn: &Connection,
) -> Result<BTreeMap<(String, String), i64>, StoriesError> {
    let mut stmt =
        conn.prepare("SELECT rowid, json_extract(origin, '$.location') FROM documents")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (rowid, location) = row?;
        let Some(location) = location else { continue };
        let path = Path::new(&location);
        let article = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let story = path
            .parent()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned());
        if let (Some(story), Some(article)) = (story, article) {
            out.insert((story, article), rowid);
        }
    }
    Ok(out)
}

/// The graph entity of the document entity named `name` (by name, alias or mention).
fn find_entity(conn: &Connection, doc: i64, name: &str) -> Result<Option<i64>, StoriesError> {
    let want = fold(name);
    let mut stmt = conn.prepare_cached(
        "SELECT l.graph, e.name FROM entities e
         JOIN entity_links l ON l.doc = e.doc AND l.entity = e.idx WHERE e.doc = ?1
         UNION ALL
         SELECT l.graph, a.name FROM aliases a
         JOIN entity_links l ON l.doc = a.doc AND l.entity = a.entity WHERE a.doc = ?1
         UNION ALL
         SELECT l.graph, CAST(substr(CAST(d.text AS BLOB), m.start + 1, m.end - m.start) AS TEXT)
         FROM entity_mentions m JOIN documents d ON d.rowid = m.doc
         JOIN entity_links l ON l.doc = m.doc AND l.entity = m.entity WHERE m.doc = ?1",
    )?;
    let rows = stmt.query_map([doc], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, Option<String>>(1)?))
    })?;
    for row in rows {
        let (graph, text) = row?;
        if text.is_some_and(|t| fold(&t) == want) {
            return Ok(Some(graph));
        }
    }
    Ok(None)
}

/// The cluster of the event of `doc`, of type `kind`, whose evidence overlaps `quote` (the
/// trigger inside the quote first). An event of another type is not the report: extraction is
/// scored elsewhere, clustering here.
fn find_report(
    conn: &Connection,
    doc: i64,
    quote: &str,
    kind: &str,
) -> Result<Option<i64>, StoriesError> {
    let text: String =
        conn.query_row("SELECT text FROM documents WHERE rowid = ?1", [doc], |r| {
            r.get(0)
        })?;
    let Some(at) = text.find(quote) else {
        return Ok(None);
    };
    let (start, end) = (at as i64, (at + quote.len()) as i64);
    let found: Option<i64> = conn
        .query_row(
            "SELECT cr.cluster FROM events e
             JOIN cluster_reports cr ON cr.doc = e.doc AND cr.event = e.idx
             WHERE e.doc = ?1 AND e.evidence_start < ?3 AND e.evidence_end > ?2 AND e.type = ?4
             ORDER BY e.trigger_start >= ?2 AND e.trigger_end <= ?3 DESC, e.idx
             LIMIT 1",
            params![doc, start, end, kind],
            |r| r.get(0),
        )
        .optional()?;
    Ok(found)
}
