//! `tessera report`, end to end over the fixture articles in `fixtures/report/` (a cartel leader
//! killed in a Michoacán town and clashes in five other states, told in English and in Spanish,
//! and a story whose title, body and URL carry markup and script): the brief maps every state
//! and the town, and the markup stays text. When Chromium is installed (and always where
//! TESSERA_REQUIRE_CHROMIUM=1, as in CI) the brief is rendered headless, screenshotted under
//! `target/`, printed to PDF, and its live DOM checked for anything the articles tried to inject.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::Command;

fn ingested() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("report.db");
    let articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/report");
    let (status, summary) = ingest_json(&db, &[articles.to_str().expect("a UTF-8 path")]);
    assert_eq!(status, Some(0), "{summary}");
    assert_eq!(count(&summary, "new"), 3, "{summary}");
    (dir, db)
}

fn brief(db: &Path, out: &Path, args: &[&str]) -> String {
    let mut all = vec!["report", "-o", out.to_str().expect("a UTF-8 path")];
    all.extend_from_slice(args);
    let run = tessera(db, &all);
    assert_eq!(run.status, Some(0), "{}", run.stderr);
    std::fs::read_to_string(out).expect("the brief is written")
}

/// The values of `attribute` on the map's elements with class `class`.
fn attribute_values(html: &str, class: &str, attribute: &str) -> Vec<String> {
    html.split('<')
        .filter(|tag| tag.contains(&format!("class=\"{class}")))
        .filter_map(|tag| {
            let start = tag.find(&format!("{attribute}=\""))? + attribute.len() + 2;
            let end = start + tag[start..].find('"')?;
            Some(tag[start..end].to_string())
        })
        .collect()
}

#[test]
fn a_state_brief_maps_the_state_the_town_and_the_linked_states() {
    let (dir, db) = ingested();
    let html = brief(
        &db,
        &dir.path().join("brief.html"),
        &["--place", "Michoacán"],
    );
    let mut shaded = attribute_values(&html, "hit", "data-code");
    shaded.sort();
    assert_eq!(
        shaded,
        ["MX.CL", "MX.GJ", "MX.GR", "MX.JA", "MX.MC", "MX.ZA"],
        "the six states with events are shaded"
    );
    // The raid is placed at the town itself: a filled marker there, not a ring at the state.
    let towns = attribute_values(&html, "exact", "data-place");
    assert!(towns.iter().any(|t| t == "Tepalcatepec"), "{towns:?}");
    let rings = attribute_values(&html, "area", "data-place");
    for state in ["Jalisco", "Guerrero", "Colima", "Guanajuato", "Zacatecas"] {
        assert!(rings.iter().any(|r| r == state), "{state} in {rings:?}");
    }
    // The clashes elsewhere are there as linked events, with the words of both reports.
    assert!(
        html.contains("class=\"event linked\""),
        "linked events are marked"
    );
    assert!(
        html.contains("Guanajuato y Zacatecas"),
        "the Spanish report is quoted"
    );
    assert!(
        html.contains("Guanajuato and Zacatecas"),
        "the English report is quoted"
    );
    // Each quotation cites a numbered source that the list holds.
    assert!(html.contains("href=\"#doc-1\""), "quotes link to sources");
    assert!(html.contains("id=\"doc-1\""), "sources are anchored");
    assert!(
        html.contains("Baltazar Quiroga Nava"),
        "the slain leader is named"
    );
    assert!(html.contains("<section id=\"timeline\">") && html.contains("class=\"chart\""));
}

#[test]
fn article_markup_is_written_as_text() {
    let (dir, db) = ingested();
    let html = brief(
        &db,
        &dir.path().join("brief.html"),
        &["--query", "teachers"],
    );
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element");
    assert!(!lower.contains("<img"), "no image element");
    assert!(!lower.contains("javascript:"), "no script URL");
    assert!(
        html.contains("&lt;script&gt;document.title="),
        "the title's markup is shown"
    );
    assert!(
        html.contains("&lt;img src=x onerror="),
        "the body's markup is shown"
    );
    assert!(
        html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"),
        "nothing may load"
    );
}

#[test]
fn mistakes_are_named() {
    let (dir, db) = ingested();
    let out = dir.path().join("brief.html");
    let out = out.to_str().expect("a UTF-8 path");
    let none = tessera(&db, &["report", "-o", out]);
    assert_eq!(none.status, Some(2), "{}", none.stderr);
    assert!(none.stderr.contains("--place"), "{}", none.stderr);
    let two = tessera(&db, &["report", "--place", "Michoacán", "--entity", "E1"]);
    assert_eq!(two.status, Some(2), "{}", two.stderr);
    let unknown = tessera(&db, &["report", "--place", "Atlantis", "-o", out]);
    assert_ne!(unknown.status, Some(0));
    assert!(unknown.stderr.contains("Atlantis"), "{}", unknown.stderr);
    assert!(!Path::new(out).exists(), "nothing is written on a failure");
    let no_browser = command(&db)
        .args(["report", "--place", "Michoacán", "-o", out, "--pdf"])
        .arg(dir.path().join("brief.pdf"))
        .env("TESSERA_CHROMIUM", dir.path().join("no-such-browser"))
        .output()
        .expect("run tessera");
    assert_eq!(no_browser.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&no_browser.stderr);
    assert!(stderr.contains("no-such-browser"), "{stderr}");
    assert!(
        Path::new(out).exists(),
        "the HTML is kept when printing fails"
    );
    assert!(!dir.path().join("brief.pdf").exists());
}

/// Debian's `chromium`, or another on the PATH; in CI it must be there.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|path| {
        ["chromium", "chromium-browser", "google-chrome"]
            .iter()
            .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
            .find(|p| p.is_file())
    });
    if found.is_none() && std::env::var("TESSERA_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
        panic!("TESSERA_REQUIRE_CHROMIUM=1 but no chromium is on the PATH");
    }
    found
}

fn headless(program: &Path, profile: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--no-first-run",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

#[test]
fn chromium_renders_the_brief_inert_and_prints_it() {
    let Some(program) = chromium() else {
        eprintln!("skipped: no chromium on the PATH");
        return;
    };
    let (dir, db) = ingested();
    let page = dir.path().join("brief.html");
    let pdf = dir.path().join("brief.pdf");
    let run = command(&db)
        .args(["report", "--place", "Michoacán", "-o"])
        .arg(&page)
        .arg("--pdf")
        .arg(&pdf)
        .env("TESSERA_CHROMIUM", &program)
        .output()
        .expect("run tessera");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let printed = std::fs::read(&pdf).expect("the PDF is written");
    assert!(printed.starts_with(b"%PDF"), "a PDF");

    let url = format!("file://{}", page.display());
    let dom = headless(&program, &dir.path().join("profile-dom"))
        .arg("--dump-dom")
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8_lossy(&dom.stdout).to_lowercase();
    assert!(
        dom.contains("class=\"map\"") && dom.contains("data-code=\"mx.mc\""),
        "the page rendered: {}",
        &dom[..dom.len().min(400)]
    );
    assert!(
        !dom.contains("<script"),
        "a script element in the live page"
    );
    assert!(!dom.contains("<img"), "an image element in the live page");
    assert!(!dom.contains("data-pwned"), "injected code ran");
    assert!(!dom.contains("<title>pwned"), "injected code ran");
    assert!(
        dom.contains("&lt;script&gt;"),
        "the markup is shown as text"
    );

    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target");
    std::fs::create_dir_all(&target).expect("target folder");
    let screenshot = target.join("report.png");
    let _ = std::fs::remove_file(&screenshot);
    let shot = headless(&program, &dir.path().join("profile-shot"))
        .arg("--window-size=1000,2200")
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&url)
        .output()
        .expect("run chromium");
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let png = std::fs::read(&screenshot).expect("the screenshot is saved");
    assert!(png.starts_with(b"\x89PNG"), "a PNG under target/");
}
