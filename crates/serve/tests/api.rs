//! Every endpoint over a real server on loopback, with good and bad input: a store built from the
//! repository's sample articles, a server on a free port, and plain HTTP requests.

use serde_json::{Value, json};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use tessera_engine::{IngestOptions, Pipeline, SqliteStore, ingest_and_resolve};
use tessera_serve::{ServeConfig, ServeError};

struct Server {
    base: String,
    _dir: tempfile::TempDir,
}

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A store of the four samples, and a server on it (one for the whole file, shared).
fn build_store(dir: &Path) -> PathBuf {
    let db = dir.join("t.db");
    let mut store = SqliteStore::open(&db).expect("a new store opens");
    let pipeline = Pipeline::with_models().expect("the shipped models load");
    let inputs = vec![repo().join("samples").display().to_string()];
    ingest_and_resolve(
        &mut store,
        &pipeline,
        inputs,
        &IngestOptions::default(),
        &mut |_| {},
    )
    .expect("the samples ingest");
    db
}

fn start(config: ServeConfig) -> String {
    let (tx, rx) = std::sync::mpsc::channel::<SocketAddr>();
    std::thread::spawn(move || {
        let result = tessera_serve::run(config, move |addr| {
            let _ = tx.send(addr);
        });
        if let Err(e) = result {
            panic!("the server stopped: {e}");
        }
    });
    let addr = rx
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("the server listens");
    format!("http://{addr}")
}

fn loopback(db: &Path) -> ServeConfig {
    ServeConfig {
        bind: SocketAddr::from(([127, 0, 0, 1], 0)),
        max_body_bytes: 64 * 1024,
        ..ServeConfig::new(db)
    }
}

fn server() -> &'static Server {
    static SERVER: OnceLock<Server> = OnceLock::new();
    SERVER.get_or_init(|| {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let db = build_store(dir.path());
        Server {
            base: start(loopback(&db)),
            _dir: dir,
        }
    })
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// A 4xx with the JSON error envelope and the expected code.
    fn refused(&self, status: u16, code: &str) -> String {
        assert_eq!(self.status, status, "{}", self.body);
        let v = self.json();
        assert_eq!(v["error"]["code"], code, "{}", self.body);
        let message = v["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        assert!(!message.is_empty());
        message
    }
}

fn answer(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Answer {
    let mut response = response.expect("the server answers");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    Answer {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().unwrap_or_default(),
    }
}

/// A server on a store of its own, for tests that change what is stored.
fn private_server(token: Option<&str>) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = build_store(dir.path());
    let base = start(ServeConfig {
        token: token.map(str::to_string),
        ..loopback(&db)
    });
    (base, dir)
}

fn get(path: &str) -> Answer {
    answer(agent().get(format!("{}{path}", server().base)).call())
}

fn post(base: &str, path: &str, body: &str) -> Answer {
    answer(
        agent()
            .post(format!("{base}{path}"))
            .header("content-type", "application/json")
            .send(body),
    )
}

fn ok(path: &str) -> Value {
    let a = get(path);
    assert_eq!(a.status, 200, "{path}: {}", a.body);
    a.json()
}

#[test]
fn stats_count_the_samples() {
    let v = ok("/api/stats");
    assert!(v["documents"].as_u64().unwrap_or(0) >= 4, "{v}");
}

#[test]
fn documents_list_search_and_open_with_links() {
    let latest = ok("/api/documents?limit=2");
    assert_eq!(latest["items"].as_array().map(Vec::len), Some(2));
    assert_eq!(latest["next_offset"], 2);
    let next = ok("/api/documents?limit=2&offset=2");
    assert_ne!(next["items"][0]["id"], latest["items"][0]["id"]);

    let hits = ok("/api/documents?q=Rotterdam");
    let id = hits["items"][0]["id"].as_str().expect("a hit").to_string();
    assert!(
        hits["items"][0]["snippet"]
            .as_str()
            .unwrap_or("")
            .contains("Rotterdam")
    );

    let doc = ok(&format!("/api/documents/{}", &id[..8]));
    assert_eq!(doc["document"]["id"], id.as_str());
    let text = doc["document"]["text"].as_str().expect("text");
    // Offsets are bytes into the text.
    for m in doc["mentions"].as_array().expect("mentions") {
        let (s, e) = (
            m["start"].as_u64().unwrap_or(0) as usize,
            m["end"].as_u64().unwrap_or(0) as usize,
        );
        assert_eq!(text.get(s..e), m["text"].as_str(), "{m}");
    }
    let links = &doc["links"]["entities"];
    assert!(links.as_object().is_some_and(|l| !l.is_empty()), "{doc}");
    for (local, graph) in links.as_object().into_iter().flatten() {
        assert!(local.starts_with('e') && graph.as_str().unwrap_or("").starts_with('E'));
    }

    get("/api/documents/ffffffffffffffff").refused(404, "not_found");
    get("/api/documents/not-hex").refused(400, "bad_request");
    get("/api/documents?since=yesterday").refused(400, "bad_request");
}

#[test]
fn entities_search_profile_and_neighbourhood() {
    let found = ok("/api/entities?q=rotterdam");
    let first = &found["items"][0];
    assert_eq!(first["name"], "Rotterdam", "{found}");
    let id = first["id"].as_str().expect("an id");
    let profile = ok(&format!("/api/entities/{id}"));
    assert_eq!(profile["id"], id);
    let listed = profile["document_list"].as_array().map_or(0, Vec::len);
    assert!(
        listed > 0 && profile["documents"].as_u64() == Some(listed as u64),
        "{profile}"
    );
    let by_name = ok("/api/entities/Rotterdam");
    assert_eq!(by_name["id"], id);
    let graph = ok(&format!("/api/entities/{id}/graph"));
    assert_eq!(graph["nodes"][0]["id"], id);
    for edge in graph["edges"].as_array().expect("edges") {
        assert_eq!(edge["source"], id);
        assert!(
            graph["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|n| n["id"] == edge["target"])
        );
        assert!(
            !edge["evidence"].as_str().unwrap_or("").is_empty(),
            "{edge}"
        );
    }

    get("/api/entities").refused(400, "bad_request");
    get("/api/entities?q=x&kind=ANIMAL").refused(400, "bad_request");
    get("/api/entities/E999999").refused(404, "not_found");
    get("/api/entities/Nobody%20Anywhere").refused(404, "not_found");
    get(&format!("/api/entities/{id}/graph?limit=0")).refused(400, "bad_request");
}

#[test]
fn events_filter_page_and_aggregate() {
    let all = ok("/api/events?limit=1000");
    let items = all["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let first = items[0]["id"].as_str().expect("an id");
    assert_eq!(ok(&format!("/api/events/{first}"))["id"], first);

    let kind = items[0]["type"].as_str().expect("a type");
    let typed = ok(&format!("/api/events?type={}", kind.to_lowercase()));
    assert!(
        typed["items"]
            .as_array()
            .expect("items")
            .iter()
            .all(|c| c["type"] == kind)
    );

    if items.len() > 1 {
        let page = ok("/api/events?limit=1");
        assert_eq!(page["next_offset"], 1);
        let second = ok("/api/events?limit=1&offset=1");
        assert_eq!(second["items"][0]["id"], items[1]["id"]);
    }
    let none = ok("/api/events?since=2099-01-01");
    assert_eq!(none["items"], json!([]));

    // Each count is what the same filter lists.
    let by_country = ok("/api/events/aggregate?by=country");
    let groups = by_country["groups"].as_array().expect("groups");
    assert!(!groups.is_empty());
    for g in groups {
        let key = g["key"].as_str().expect("a country");
        let listed = ok(&format!("/api/events?country={key}&limit=1000"));
        assert_eq!(
            listed["items"].as_array().map(Vec::len),
            g["clusters"].as_u64().map(|n| n as usize),
            "{g}"
        );
        assert!(g["lat"].is_number() && g["lon"].is_number(), "{g}");
    }
    assert!(ok("/api/events/aggregate?by=week")["groups"].is_array());

    get("/api/events?since=2026-13-01").refused(400, "bad_request");
    get("/api/events?since=2026-03-01&until=2026-02-01").refused(400, "bad_request");
    get("/api/events?near=200,5").refused(400, "bad_request");
    get("/api/events?min_certainty=sure").refused(400, "bad_request");
    get("/api/events?country=Mexico").refused(400, "bad_request");
    get("/api/events?limit=5000").refused(400, "bad_request");
    get("/api/events?limit=-1").refused(400, "bad_request");
    get("/api/events?colour=red").refused(400, "bad_request");
    get("/api/events?type=A&type=B").refused(400, "bad_request");
    get("/api/events?actor=Nobody%20Anywhere").refused(404, "not_found");
    get("/api/events/C999999").refused(404, "not_found");
    get("/api/events/12").refused(400, "bad_request");
    get("/api/events/aggregate?by=planet").refused(400, "bad_request");
}

#[test]
fn path_timeline_and_sources() {
    let found = ok("/api/entities?q=rotterdam");
    let id = found["items"][0]["id"].as_str().expect("an id").to_string();
    let path = ok(&format!("/api/path?from={id}&to={id}"));
    assert_eq!(path["steps"], json!([]));
    get("/api/path?from=Rotterdam").refused(400, "bad_request");
    get(&format!("/api/path?from={id}&to={id}&max_hops=99")).refused(400, "bad_request");

    let timeline = ok("/api/timeline");
    let items = timeline["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let dates: Vec<&str> = items.iter().filter_map(|i| i["date"].as_str()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(ok(&format!("/api/timeline?entity={id}"))["items"].is_array());
    let of_place = ok(&format!("/api/timeline?place={id}"));
    assert!(
        of_place["items"].as_array().is_some_and(|i| !i.is_empty()),
        "{of_place}"
    );
    let later = ok(&format!("/api/timeline?place={id}&since=2099-01-01"));
    assert_eq!(
        later["items"],
        json!([]),
        "the shared filters narrow a place's timeline"
    );
    get(&format!("/api/timeline?entity={id}&place={id}")).refused(400, "bad_request");

    let sources = ok("/api/sources");
    assert!(
        sources["items"].as_array().is_some_and(|s| !s.is_empty()),
        "{sources}"
    );
}

#[test]
fn ingest_takes_an_article_and_refuses_bad_bodies() {
    let (base, _dir) = private_server(None);
    let post = |path: &str, body: &str| post(&base, path, body);
    let article = json!({
        "title": "Ferry workers walk out in Vigo",
        "text": "Ferry workers in Vigo walked out on Tuesday over pay, the CIG union said. \
                 The strike halted crossings to the Cíes Islands, port officials said.",
        "source": "Harbour Gazette",
        "published": "2026-04-07",
    });
    let first = post("/api/ingest", &article.to_string());
    assert_eq!(first.status, 200, "{}", first.body);
    let v = first.json();
    assert_eq!(v["documents"][0]["new"], true, "{v}");
    let again = post("/api/ingest", &article.to_string()).json();
    assert_eq!(again["documents"][0]["new"], false, "{again}");
    let hits = answer(agent().get(format!("{base}/api/documents?q=Vigo")).call()).json();
    assert_eq!(hits["items"][0]["title"], "Ferry workers walk out in Vigo");
    assert_eq!(hits["items"][0]["source"], "Harbour Gazette");

    post("/api/ingest", "{not json").refused(400, "bad_request");
    post("/api/ingest", "{}").refused(400, "bad_request");
    post("/api/ingest", r#"{"text": "   "}"#).refused(400, "bad_request");
    post("/api/ingest", r#"{"text": "x", "colour": "red"}"#).refused(422, "bad_request");
    post("/api/ingest", r#"{"text": "x", "published": "soon"}"#).refused(400, "bad_request");
    post("/api/ingest", r#"{"url": "file:///etc/passwd"}"#).refused(400, "bad_request");
    post("/api/ingest", r#"{"url": "http://127.0.0.1:9/feed"}"#).refused(400, "bad_request");
    // Over the 64 KiB limit, yet small enough that the whole body is written before the server
    // answers 413 and closes (a larger one can meet a closed socket mid-write).
    let huge = json!({ "text": "word ".repeat(16_000) }).to_string();
    post("/api/ingest", &huge).refused(413, "payload_too_large");
    let wrong_type = answer(
        agent()
            .post(format!("{base}/api/ingest"))
            .header("content-type", "text/plain")
            .send("plain words"),
    );
    wrong_type.refused(415, "unsupported_media_type");
}

#[test]
fn exports_answer_files() {
    let geojson = get("/api/export/geojson");
    assert_eq!(geojson.status, 200, "{}", geojson.body);
    assert_eq!(geojson.header("content-type"), Some("application/geo+json"));
    assert_eq!(geojson.json()["type"], "FeatureCollection");
    let acled = get("/api/export/acled?country=MX");
    assert_eq!(acled.status, 200);
    assert!(
        acled.body.starts_with("event_id_cnty"),
        "{}",
        &acled.body[..acled.body.len().min(80)]
    );
    get("/api/export/parquet").refused(400, "bad_request");
    get("/api/export/pdf").refused(400, "bad_request");
}

#[test]
fn openapi_names_every_endpoint() {
    let v = ok("/api/openapi.json");
    assert_eq!(v["openapi"], "3.1.0");
    for path in [
        "/api/documents",
        "/api/documents/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/entities/{id}/graph",
        "/api/events",
        "/api/events/{id}",
        "/api/events/aggregate",
        "/api/path",
        "/api/timeline",
        "/api/sources",
        "/api/ingest",
        "/api/export/{format}",
    ] {
        assert!(v["paths"][path].is_object(), "{path} missing");
    }
    get("/api/no-such-thing").refused(404, "not_found");
    answer(
        agent()
            .delete(format!("{}/api/events", server().base))
            .call(),
    )
    .refused(405, "method_not_allowed");
}

#[test]
fn the_app_is_served_safely() {
    let page = get("/");
    assert_eq!(page.status, 200);
    assert!(
        page.header("content-type")
            .is_some_and(|t| t.starts_with("text/html"))
    );
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert!(page.header("access-control-allow-origin").is_none());
    for path in [
        "/../Cargo.toml",
        "/assets/../../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/assets/none.js",
    ] {
        let a = get(path);
        assert_eq!(a.status, 404, "{path}");
        assert!(!a.body.contains("[package]"));
    }
}

#[test]
fn a_token_guards_every_request_and_edits_are_recorded() {
    let (base, _dir) = private_server(Some("s3cret"));
    let call = |path: &str, auth: Option<&str>| {
        let mut request = agent().get(format!("{base}{path}"));
        if let Some(value) = auth {
            request = request.header("authorization", value);
        }
        answer(request.call())
    };
    call("/api/stats", None).refused(401, "unauthorized");
    call("/api/stats", Some("Bearer wrong")).refused(401, "unauthorized");
    call("/", None).refused(401, "unauthorized");
    assert_eq!(call("/api/stats", Some("Bearer s3cret")).status, 200);
    let first = call("/?token=s3cret", None);
    assert_eq!(first.status, 200);
    let cookie = first.header("set-cookie").expect("a cookie").to_string();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    let pair = cookie.split(';').next().unwrap_or_default().to_string();
    let with_cookie = answer(
        agent()
            .get(format!("{base}/api/stats"))
            .header("cookie", &pair)
            .call(),
    );
    assert_eq!(with_cookie.status, 200);

    // Merge two entities by hand, then split one document back off.
    let auth = |r: ureq::RequestBuilder<ureq::typestate::WithBody>| {
        r.header("authorization", "Bearer s3cret")
            .header("content-type", "application/json")
    };
    let search = |q: &str| {
        call(&format!("/api/entities?q={q}"), Some("Bearer s3cret")).json()["items"][0]["id"]
            .as_str()
            .expect("an entity")
            .to_string()
    };
    let (a, b) = (search("rotterdam"), search("antwerp"));
    let merged = answer(
        auth(agent().post(format!("{base}/api/entities/merge")))
            .send(json!({"a": a, "b": b}).to_string()),
    );
    assert_eq!(merged.status, 200, "{}", merged.body);
    assert_eq!(merged.json()["kept"], a.as_str());
    let same = answer(
        auth(agent().post(format!("{base}/api/entities/merge")))
            .send(json!({"a": a, "b": a}).to_string()),
    );
    same.refused(400, "bad_request");
    let graded = answer(
        auth(agent().post(format!("{base}/api/sources/Reuters/grade"))).send(r#"{"grade": "b"}"#),
    );
    assert_eq!(graded.status, 200, "{}", graded.body);
    let bad_grade = answer(
        auth(agent().post(format!("{base}/api/sources/Reuters/grade"))).send(r#"{"grade": "Z"}"#),
    );
    bad_grade.refused(400, "bad_request");
}

#[test]
fn listening_beyond_loopback_needs_a_token() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let db = dir.path().join("empty.db");
    SqliteStore::open(&db).expect("a new store");
    let config = ServeConfig {
        bind: SocketAddr::from(([0, 0, 0, 0], 0)),
        ..ServeConfig::new(&db)
    };
    let refused = tessera_serve::run(config, |_| {});
    assert!(
        matches!(refused, Err(ServeError::OpenWithoutToken(_))),
        "{refused:?}"
    );
    let missing = tessera_serve::run(ServeConfig::new(dir.path().join("none.db")), |_| {});
    assert!(
        matches!(missing, Err(ServeError::NoStore(_))),
        "{missing:?}"
    );
}
