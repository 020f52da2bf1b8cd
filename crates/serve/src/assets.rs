//! The embedded web app: files looked up by exact name in a table compiled into the binary, so
//! no request can reach the file system (no path traversal is possible).

use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The page served when the app was not built into this binary.
const NOT_BUILT: &str = "<!doctype html><meta charset=utf-8><title>Tessera</title>\
<p>This build of tessera has no web app (build it with <code>npm ci &amp;&amp; npm run build</code> \
in <code>web/</code>). The API is at <a href=\"/api/openapi.json\">/api/openapi.json</a>.</p>";

pub fn lookup(name: &str) -> Option<&'static [u8]> {
    ASSETS.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
}

/// GET of anything outside `/api`: `/` is the app's page, the rest its files.
pub async fn static_file(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let name = if path.is_empty() { "index.html" } else { path };
    if name
        .split('/')
        .any(|part| part == ".." || part == "." || part.is_empty())
    {
        return (StatusCode::NOT_FOUND, "not found").into_response();
    }
    let Some(bytes) = lookup(name) else {
        if name == "index.html" {
            return (
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                NOT_BUILT,
            )
                .into_response();
        }
        return (StatusCode::NOT_FOUND, "not found").into_response();
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(content_type(name)),
    );
    // Vite names built files by content hash: they never change under one name.
    let cache = if name.starts_with("assets/") {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
