//! A run killed with SIGKILL mid-ingest leaves a consistent store, and re-running completes it
//! with every document exactly once.

mod common;

use common::*;
use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

const DOCUMENTS: usize = 8_000;

fn stored(db: &std::path::Path) -> i64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_then_rerun_stores_each_document_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("t.db");
    let input = dir.path().join("big.jsonl");
    {
        let mut out = BufWriter::new(std::fs::File::create(&input).expect("create input"));
        for n in 0..DOCUMENTS {
            writeln!(
                out,
                r#"{{"title": "Bulletin {n}", "text": "Report number {n}. Officials in district {d} said on Monday that {n} sacks of grain were delivered. The U.S. agency confirmed it.", "date": "2025-01-{day:02}"}}"#,
                d = n % 97,
                day = n % 28 + 1
            )
            .expect("write input");
        }
    }
    let input = input.to_str().expect("utf-8 path");

    let mut child = command(&db)
        .args(["ingest", "--quiet", "--batch-size", "16", input])
        .spawn()
        .expect("spawn ingest");
    let deadline = Instant::now() + Duration::from_secs(120);
    let at_kill = loop {
        let n = stored(&db);
        if n > 0 {
            break n;
        }
        assert!(Instant::now() < deadline, "ingest stored nothing in time");
        std::thread::sleep(Duration::from_millis(5));
    };
    child.kill().expect("SIGKILL the ingest");
    child.wait().expect("reap");
    assert!(
        (at_kill as usize) < DOCUMENTS,
        "the kill must land mid-ingest to test anything ({at_kill} stored)"
    );

    let conn = rusqlite::Connection::open(&db).expect("open after kill");
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .expect("integrity");
    assert_eq!(integrity, "ok");
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
        [],
    )
    .expect("full-text index consistent with documents");
    let (docs, segs): (i64, i64) = conn
        .query_row(
            "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM segmentations)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("counts");
    assert_eq!(docs, segs, "no document without its segmentation layer");
    drop(conn);

    let (status, summary) = ingest_json(&db, &[input]);
    assert_eq!(status, Some(0), "{summary}");
    assert_eq!(
        count(&summary, "new") + count(&summary, "duplicate"),
        DOCUMENTS as u64
    );
    assert_eq!(stored(&db), DOCUMENTS as i64);
    // Resolution across documents caught up with everything the killed run stored.
    let conn = rusqlite::Connection::open(&db).expect("open after rerun");
    let resolved: i64 = conn
        .query_row("SELECT COUNT(*) FROM graph_documents", [], |r| r.get(0))
        .expect("resolved count");
    assert_eq!(resolved, DOCUMENTS as i64, "every document resolved once");
    drop(conn);

    let (_, again) = ingest_json(&db, &[input]);
    assert_eq!(count(&again, "new"), 0);
    assert_eq!(stored(&db), DOCUMENTS as i64);
}
