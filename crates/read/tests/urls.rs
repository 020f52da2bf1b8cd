//! URL inputs against a tiny HTTP server on 127.0.0.1, started inside each test.

mod common;

use common::{only_error, read};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread::JoinHandle;
use std::time::Duration;
use tessera_read::{ReadErrorKind, ReadOptions};

/// One canned response: status line, Content-Type (if any) and body.
struct Route {
    path: &'static str,
    status: &'static str,
    content_type: Option<&'static str>,
    body: Vec<u8>,
}

/// Serves `routes` to exactly `connections` requests, then stops.
fn serve(routes: Vec<Route>, connections: usize) -> (String, JoinHandle<()>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        for stream in listener.incoming().take(connections) {
            let Ok(stream) = stream else { continue };
            answer(stream, &routes);
        }
    });
    (base, handle)
}

fn answer(mut stream: TcpStream, routes: &[Route]) {
    stream
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    reader.read_line(&mut request_line).unwrap();
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header).unwrap() == 0 || header.trim().is_empty() {
            break;
        }
    }
    let path = request_line.split_whitespace().nth(1).unwrap_or("/");
    let not_found = Route {
        path: "",
        status: "404 Not Found",
        content_type: Some("text/plain"),
        body: b"not found".to_vec(),
    };
    let route = routes.iter().find(|r| r.path == path).unwrap_or(&not_found);
    let mut response = format!(
        "HTTP/1.1 {}\r\nContent-Length: {}\r\nConnection: close\r\n",
        route.status,
        route.body.len()
    );
    if let Some(content_type) = route.content_type {
        response.push_str(&format!("Content-Type: {content_type}\r\n"));
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes()).unwrap();
    stream.write_all(&route.body).unwrap();
}

fn route(
    path: &'static str,
    content_type: Option<&'static str>,
    body: impl Into<Vec<u8>>,
) -> Route {
    Route {
        path,
        status: "200 OK",
        content_type,
        body: body.into(),
    }
}

const PAGE: &str = "<html><head><title>Served page</title></head><body><nav>Menu</nav>\
                    <article><p>Served article text.</p></article></body></html>";
const FEED: &str = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Local</title>\
                    <item><title>One</title><description>First item.</description></item>\
                    <item><title>Two</title><description>Second item.</description></item>\
                    </channel></rss>";

#[test]
fn html_and_feeds_by_content_type_and_by_sniffing() {
    let routes = vec![
        route("/page", Some("text/html; charset=utf-8"), PAGE),
        route("/feed", Some("application/rss+xml"), FEED),
        route("/sniffed-feed", Some("application/octet-stream"), FEED),
        route("/sniffed-page", None, PAGE),
        route(
            "/latin1",
            Some("text/html; charset=ISO-8859-1"),
            &b"<p>Caf\xe9 served.</p>"[..],
        ),
    ];
    let (base, server) = serve(routes, 5);
    let inputs: Vec<String> = [
        "/page",
        "/feed",
        "/sniffed-feed",
        "/sniffed-page",
        "/latin1",
    ]
    .iter()
    .map(|path| format!("{base}{path}"))
    .collect();
    let results = read(&inputs, ReadOptions::default());
    server.join().unwrap();
    let texts: Vec<&str> = results
        .iter()
        .map(|r| r.as_ref().unwrap().text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "Served article text.",
            "First item.",
            "Second item.",
            "First item.",
            "Second item.",
            "Served article text.",
            "Café served."
        ]
    );
    let page = results[0].as_ref().unwrap();
    assert_eq!(page.origin.location, inputs[0]);
    assert_eq!(page.meta.title.as_deref(), Some("Served page"));
    let item = results[2].as_ref().unwrap();
    assert_eq!(item.origin.item, Some(2));
    assert_eq!(item.meta.source.as_deref(), Some("Local"));
}

#[test]
fn http_error_status_names_the_url() {
    let (base, server) = serve(Vec::new(), 1);
    let url = format!("{base}/missing");
    let error = only_error(&url, ReadOptions::default());
    server.join().unwrap();
    assert!(matches!(
        error.kind,
        ReadErrorKind::HttpStatus { status: 404 }
    ));
    assert_eq!(error.to_string(), format!("{url}: HTTP status 404"));
}

#[test]
fn unreachable_host_names_the_url() {
    // Bind to get a free port, then close it so that nothing listens there.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/story");
    let error = only_error(&url, ReadOptions::default());
    assert!(matches!(error.kind, ReadErrorKind::Fetch { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with(&format!("{url}: cannot fetch: ")),
        "{error}"
    );
}

#[test]
fn body_over_the_limit_is_refused() {
    let body = format!("<p>{}</p>", "x".repeat(500));
    let routes = vec![route("/big", Some("text/html"), body)];
    let (base, server) = serve(routes, 1);
    let options = ReadOptions {
        max_document_bytes: 100,
        ..ReadOptions::default()
    };
    let error = only_error(&format!("{base}/big"), options);
    server.join().unwrap();
    assert!(
        matches!(
            error.kind,
            ReadErrorKind::TooLarge {
                size: Some(507),
                limit: 100
            }
        ),
        "{error}"
    );
}

#[test]
fn slow_server_times_out() {
    // Accepts the connection but never answers.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow", listener.local_addr().unwrap());
    let server = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        std::thread::sleep(Duration::from_millis(1_500));
        drop(stream);
    });
    let options = ReadOptions {
        http_timeout: Duration::from_millis(300),
        ..ReadOptions::default()
    };
    let started = std::time::Instant::now();
    let error = only_error(&url, options);
    assert!(
        started.elapsed() < Duration::from_millis(1_400),
        "{:?}",
        started.elapsed()
    );
    assert!(matches!(error.kind, ReadErrorKind::Fetch { .. }), "{error}");
    server.join().unwrap();
}
