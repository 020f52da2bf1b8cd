//! Resolution across documents: what it adds to ingest, and how fast the queries over it
//! answer (in-process), on Reuters-21578 plus the Spanish (Mexico) news corpus; optionally on a
//! synthetic store of those corpora replicated to a million documents; and how long exporting
//! the store takes in each format.
//!
//! Run: `cargo bench -p tessera-engine --bench graph`. Settings (environment):
//! - `TESSERA_BENCH_REUTERS`, `TESSERA_BENCH_SPANISH` (a folder with `spanish-news-mx.*.jsonl`):
//!   the corpora; by default `../shared/data/news/` beside the repository.
//! - `TESSERA_BENCH_RUNS` (default 2): ingest runs with and without resolution, alternated.
//! - `TESSERA_BENCH_SYNTHETIC=N`: also replicate the resolved store to about N documents
//!   (distinct ids, publication and event dates shifted a week per copy) and time the queries
//!   there. `TESSERA_BENCH_DIR` says where to build it (it needs several GB).
//!
//! Figures are medians and 95th percentiles, as this machine is shared and noisy.

mod common;

use common::median;
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Instant;
use tessera_engine::graph::query::{self, EventFilter};
use tessera_engine::{IngestOptions, Pipeline, SqliteStore, ingest, ingest_and_resolve};

fn corpora() -> Option<Vec<String>> {
    let news = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/news");
    let reuters = common::reuters()?;
    let spanish = std::env::var_os("TESSERA_BENCH_SPANISH")
        .map(PathBuf::from)
        .unwrap_or(news);
    let mut inputs = vec![reuters.display().to_string()];
    for part in ["train", "dev"] {
        let file = spanish.join(format!("spanish-news-mx.{part}.jsonl"));
        if file.exists() {
            inputs.push(file.display().to_string());
        }
    }
    Some(inputs)
}

fn percentile(mut values: Vec<f64>, p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let at = ((values.len() as f64 - 1.0) * p).round() as usize;
    values.get(at).copied().unwrap_or(f64::NAN)
}

fn report(what: &str, ms: Vec<f64>) {
    let n = ms.len();
    println!(
        "{what:<34} p50 {:>7.2} ms  p95 {:>7.2} ms  max {:>7.2} ms  ({n} queries)",
        percentile(ms.clone(), 0.5),
        percentile(ms.clone(), 0.95),
        ms.iter().copied().fold(0.0, f64::max)
    );
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, f64) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed().as_secs_f64() * 1e3)
}

fn ids(conn: &Connection, sql: &str) -> Vec<i64> {
    let mut stmt = conn.prepare(sql).expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// Times every query kind over a resolved store.
fn queries(store: &SqliteStore, label: &str) {
    let conn = store.connection();
    println!("-- queries on {label}");
    let top = ids(
        conn,
        "SELECT id FROM graph_entities ORDER BY documents DESC LIMIT 100",
    );
    let spread = ids(
        conn,
        "SELECT id FROM graph_entities WHERE id % 97 = 0 LIMIT 100",
    );
    let everyone: Vec<i64> = top.iter().chain(&spread).copied().collect();

    let ms = everyone
        .iter()
        .map(|&id| timed(|| query::profile(conn, id, false).expect("profile")).1)
        .collect();
    report("entity (profile)", ms);
    let ms = everyone
        .iter()
        .map(|&id| timed(|| query::timeline::of_entity(conn, id).expect("timeline")).1)
        .collect();
    report("timeline (entity)", ms);

    let (lat, lon): (f64, f64) = conn
        .query_row(
            "SELECT lat, lon FROM clusters WHERE lat IS NOT NULL ORDER BY reports DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or((40.7, -74.0));
    let (first, last): (String, String) = conn
        .query_row(
            "SELECT MIN(date), MAX(date) FROM clusters WHERE length(date) = 10",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap_or_default();
    let middle = |from: &str| -> String {
        chrono::NaiveDate::parse_from_str(from, "%Y-%m-%d")
            .map(|d| (d + chrono::Duration::days(30)).to_string())
            .unwrap_or_default()
    };
    let base = EventFilter {
        limit: 100,
        km: 50.0,
        ..EventFilter::default()
    };
    let filters: Vec<(&str, EventFilter)> = vec![
        ("latest", base.clone()),
        (
            "type",
            EventFilter {
                kind: Some("ASSAULT".into()),
                ..base.clone()
            },
        ),
        (
            "country and month",
            EventFilter {
                country: Some("US".into()),
                since: Some(first.clone()),
                until: Some(middle(&first)),
                ..base.clone()
            },
        ),
        (
            "near 50 km",
            EventFilter {
                near: Some((lat, lon)),
                ..base.clone()
            },
        ),
        (
            "actor",
            EventFilter {
                actor: top.first().copied(),
                ..base.clone()
            },
        ),
        (
            "corroborated, since",
            EventFilter {
                min_corroboration: Some(2),
                since: Some(middle(&first)),
                ..base.clone()
            },
        ),
        (
            "words",
            EventFilter {
                query: Some("oil OR petróleo".into()),
                ..base.clone()
            },
        ),
        (
            "certainty and type, until",
            EventFilter {
                min_certainty: Some("reported".into()),
                kind: Some("PROTEST".into()),
                until: Some(last.clone()),
                ..base.clone()
            },
        ),
    ];
    let mut all = Vec::new();
    for (name, filter) in &filters {
        let ms: Vec<f64> = (0..20)
            .map(|_| timed(|| query::events(conn, filter).expect("events")).1)
            .collect();
        report(&format!("events: {name}"), ms.clone());
        all.extend(ms);
    }
    report("events (all filters)", all);

    let ms = top
        .iter()
        .zip(spread.iter().rev())
        .take(60)
        .map(|(&a, &b)| timed(|| query::path(conn, a, b, 4).expect("path")).1)
        .collect();
    report("path (max 4 hops)", ms);
}

/// Times `tessera export` of the whole store in every format (streams written to nowhere,
/// folders to a scratch folder).
fn exports(store: &SqliteStore) {
    println!("-- exports of the whole store");
    for &format in tessera_export::Format::ALL {
        let runs: Vec<f64> = (0..3)
            .map(|_| {
                timed(|| {
                    if format.writes_folder() {
                        let folder = tempfile::tempdir().expect("temp dir");
                        tessera_export::export_folder(
                            store.connection(),
                            format,
                            &EventFilter::default(),
                            folder.path(),
                        )
                        .expect("export")
                    } else {
                        tessera_export::export(
                            store.connection(),
                            format,
                            &EventFilter::default(),
                            &tessera_export::Options { entities: true },
                            &mut std::io::sink(),
                        )
                        .expect("export")
                    }
                })
                .1
            })
            .collect();
        println!(
            "export {:<8} median {:>7.0} ms over 3 runs",
            format.as_str(),
            median(runs)
        );
    }
}

/// Copies every document, layer and graph row `copies` more times, with new ids (the first five
/// hex digits XOR the copy number, so no copy meets an original or another copy) and dates
/// shifted a week per copy: a store of the real corpora, only bigger.
fn replicate(db: &Path, copies: u32) {
    let conn = Connection::open(db).expect("open for replication");
    conn.execute_batch("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;")
        .expect("pragmas");
    let max = |sql: &str| -> i64 { conn.query_row(sql, [], |r| r.get(0)).expect("max") };
    let docs = max("SELECT MAX(rowid) FROM documents");
    let clusters = max("SELECT COALESCE(MAX(id), 0) FROM clusters");
    for k in 1..=copies as i64 {
        let (off, coff, days) = (k * docs, k * clusters, format!("+{} days", 7 * k));
        let sql = format!(
            "BEGIN;
            INSERT INTO documents (rowid, id, title, published, source, url, byline, lang,
                lang_confidence, origin, text, unsupported, ingested_at)
              SELECT rowid + {off}, printf('%05x', ((p | {k}) - (p & {k}))) || substr(id, 6), title,
                date(published, '{days}'), source, url, byline, lang, lang_confidence, origin,
                text, unsupported, ingested_at FROM (SELECT *,
                  (instr('0123456789abcdef', substr(id, 1, 1)) - 1) * 65536
                  + (instr('0123456789abcdef', substr(id, 2, 1)) - 1) * 4096
                  + (instr('0123456789abcdef', substr(id, 3, 1)) - 1) * 256
                  + (instr('0123456789abcdef', substr(id, 4, 1)) - 1) * 16
                  + (instr('0123456789abcdef', substr(id, 5, 1)) - 1) AS p
                  FROM documents WHERE rowid <= {docs});
            INSERT INTO documents_fts (rowid, title, text)
              SELECT rowid, title, text FROM documents WHERE rowid > {off} AND rowid <= {off} + {docs};
            INSERT INTO segmentations SELECT doc + {off}, sentence_count, token_count, layer
              FROM segmentations WHERE doc <= {docs};
            INSERT INTO mentions SELECT doc + {off}, start, end, kind, entity FROM mentions WHERE doc <= {docs};
            INSERT INTO places SELECT doc + {off}, idx, start, end, geonames_id, name, lat, lon,
              country, admin1, feature, precision FROM places WHERE doc <= {docs};
            INSERT INTO entities (doc, idx, kind, name, unnamed, country, geonames_id, place_name,
                lat, lon, place_country, admin1, feature, precision)
              SELECT doc + {off}, idx, kind, name, unnamed, country, geonames_id, place_name, lat,
                lon, place_country, admin1, feature, precision FROM entities WHERE doc <= {docs};
            INSERT INTO entity_mentions SELECT doc + {off}, entity, idx, start, end
              FROM entity_mentions WHERE doc <= {docs};
            INSERT INTO aliases SELECT doc + {off}, entity, idx, name, start, end, evidence_start,
              evidence_end FROM aliases WHERE doc <= {docs};
            INSERT INTO roles SELECT doc + {off}, entity, idx, title, org, country, evidence_start,
              evidence_end FROM roles WHERE doc <= {docs};
            INSERT INTO relations SELECT doc + {off}, idx, subject, predicate, object_entity,
              object_value, role, evidence_start, evidence_end, certainty, attribution
              FROM relations WHERE doc <= {docs};
            INSERT INTO events SELECT doc + {off}, idx, type, mode, contexts, place_entity,
              place_name, place_start, place_end, geonames_id, gazetteer_name, lat, lon, country,
              admin1, feature, place_precision,
              CASE WHEN length(date) = 10 THEN date(date, '{days}') ELSE date END,
              date_precision, date_text, date_start, date_end, fatalities, injured, arrested,
              certainty, attribution, trigger_start, trigger_end, evidence_start, evidence_end
              FROM events WHERE doc <= {docs};
            INSERT INTO event_participants SELECT doc + {off}, event, role, idx, entity, name,
              start, end FROM event_participants WHERE doc <= {docs};
            INSERT INTO graph_documents SELECT doc + {off}, outlet, agency, resolved_at,
              scene_geonames_id, scene_lat, scene_lon, scene_country, scene_admin1,
              scene_precision FROM graph_documents WHERE doc <= {docs};
            INSERT INTO entity_links SELECT doc + {off}, entity, graph, reason
              FROM entity_links WHERE doc <= {docs};
            INSERT INTO clusters SELECT id + {coff}, type, mode,
              CASE WHEN length(date) = 10 THEN date(date, '{days}') ELSE date END,
              date_precision, lat, lon, country, admin1, geonames_id, precision,
              place_from_scene, cell, fatalities, reports, corroboration, credibility, certainty,
              record FROM clusters WHERE id <= {clusters};
            INSERT INTO cluster_reports SELECT doc + {off}, event, cluster + {coff}, reason
              FROM cluster_reports WHERE doc <= {docs};
            INSERT INTO cluster_participants SELECT entity, cluster + {coff}, role, type,
              CASE WHEN length(date) = 10 THEN date(date, '{days}') ELSE date END
              FROM cluster_participants WHERE cluster <= {clusters};
            COMMIT;"
        );
        conn.execute_batch(&sql).expect("replicate");
        if k % 5 == 0 {
            eprintln!("replicated {k}/{copies}");
        }
    }
    conn.execute(
        "UPDATE graph_entities SET documents = documents * ?1",
        [copies as i64 + 1],
    )
    .expect("recount");
}

fn main() {
    let Some(inputs) = corpora() else {
        eprintln!("reuters21578.jsonl not found; set TESSERA_BENCH_REUTERS to run this benchmark");
        return;
    };
    let runs: usize = std::env::var("TESSERA_BENCH_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2);
    let pipeline = Pipeline::with_models().expect("shipped models");
    let dir = match std::env::var_os("TESSERA_BENCH_DIR") {
        Some(d) => tempfile::tempdir_in(d),
        None => tempfile::tempdir(),
    }
    .expect("temp dir");
    let options = IngestOptions::default();
    let (mut plain, mut resolved) = (Vec::new(), Vec::new());
    let mut documents = 0;
    for run in 0..runs {
        let db = dir.path().join(format!("plain-{run}.db"));
        let mut store = SqliteStore::open(&db).expect("store");
        let started = Instant::now();
        let summary =
            ingest(&mut store, &pipeline, inputs.clone(), &options, &mut |_| {}).expect("ingest");
        plain.push(started.elapsed().as_secs_f64());
        documents = summary.new;
        drop(store);
        std::fs::remove_file(&db).ok();

        let db = dir.path().join(format!("resolved-{run}.db"));
        let mut store = SqliteStore::open(&db).expect("store");
        let started = Instant::now();
        ingest_and_resolve(&mut store, &pipeline, inputs.clone(), &options, &mut |_| {})
            .expect("ingest and resolve");
        resolved.push(started.elapsed().as_secs_f64());
        eprintln!(
            "run {run}: ingest {:.1} s, with resolution {:.1} s",
            plain[run], resolved[run]
        );
    }
    let (p, r) = (median(plain), median(resolved));
    println!(
        "ingest of {documents} documents (Reuters-21578 + Spanish news): median {p:.1} s without \
         resolution, {r:.1} s with it: resolution adds {:.0}% over {runs} runs",
        (r / p - 1.0) * 100.0
    );

    let db = dir.path().join(format!("resolved-{}.db", runs - 1));
    let store = SqliteStore::open(&db).expect("reopen");
    let counts: (i64, i64, i64) = store
        .connection()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM graph_entities), (SELECT COUNT(*) FROM clusters),
                    (SELECT COUNT(*) FROM cluster_reports)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .expect("counts");
    println!(
        "graph: {} entities, {} clusters of {} reports",
        counts.0, counts.1, counts.2
    );
    queries(&store, "Reuters-21578 + Spanish news");
    exports(&store);

    if let Some(target) = std::env::var("TESSERA_BENCH_SYNTHETIC")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        drop(store);
        let copies = (target / documents.max(1)).saturating_sub(1) as u32;
        let started = Instant::now();
        replicate(&db, copies);
        let store = SqliteStore::open(&db).expect("reopen synthetic");
        let total: i64 = store
            .connection()
            .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
            .expect("count");
        let bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
        println!(
            "synthetic store: {total} documents ({copies} copies, built in {:.0} s), {:.2} GB, \
             {:.1} KB per document",
            started.elapsed().as_secs_f64(),
            bytes as f64 / 1e9,
            bytes as f64 / total.max(1) as f64 / 1e3
        );
        queries(&store, &format!("a synthetic store of {total} documents"));
    }
}
