//! What wraps every request: the token check (when one is set), CORS (off unless an origin is
//! given), headers that keep the browser from running anything the app did not ship, and a log
//! line per request.

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::Instant;

const COOKIE: &str = "tessera_token";

/// The page may run only its own scripts, load only its own files and talk only to this
/// server; article text is never HTML, and this makes an injected tag inert even if one slipped
/// through. Inline styles are allowed because the map library positions its layers with them.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
                   img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; \
                   base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let origin = request.headers().get(header::ORIGIN).cloned();
    let cors = allowed_origin(&state, origin.as_ref());

    let mut set_cookie = None;
    let response = if state.config.token.is_none() && !loopback_host(request.headers()) {
        // Without a token the server trusts whoever reaches it, which is only this machine;
        // a page elsewhere that points its own name at 127.0.0.1 (DNS rebinding) is refused
        // by the name it asks for.
        ApiError {
            status: StatusCode::FORBIDDEN,
            code: "forbidden",
            message: "this server answers only to localhost, 127.0.0.1 or [::1] without a token"
                .into(),
        }
        .into_response()
    } else if method == Method::OPTIONS && cors.is_some() {
        StatusCode::NO_CONTENT.into_response()
    } else {
        match &state.config.token {
            Some(token) => match presented(&request) {
                Some((given, from_query)) if same(given.as_bytes(), token.as_bytes()) => {
                    if from_query {
                        set_cookie = Some(format!(
                            "{COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict"
                        ));
                    }
                    next.run(request).await
                }
                _ => ApiError::unauthorized().into_response(),
            },
            None => next.run(request).await,
        }
    };
    let mut response = response;
    let headers = response.headers_mut();
    secure_headers(headers);
    if let Some(cookie) = set_cookie.and_then(|c| HeaderValue::from_str(&c).ok()) {
        headers.append(header::SET_COOKIE, cookie);
    }
    if state.config.cors_origin.is_some() {
        headers.insert(header::VARY, HeaderValue::from_static("Origin"));
    }
    if let Some(origin) = cors {
        headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET, POST, OPTIONS"),
        );
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("authorization, content-type"),
        );
    }
    // The path only: a query may carry the token.
    tracing::info!(
        %method,
        path,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

fn secure_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
}

/// Whether the Host the client asked for is this machine by a loopback name or address.
fn loopback_host(headers: &HeaderMap) -> bool {
    let Some(host) = headers.get(header::HOST).and_then(|h| h.to_str().ok()) else {
        return false;
    };
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or_default(),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The request's origin, echoed, when it is the one origin allowed.
fn allowed_origin(state: &AppState, origin: Option<&HeaderValue>) -> Option<HeaderValue> {
    let allowed = state.config.cors_origin.as_deref()?;
    let origin = origin?;
    (origin.to_str().ok()? == allowed).then(|| origin.clone())
}

/// The token the request carries: a bearer header, the cookie, or `?token=` (the one way a
/// browser's first visit can carry it; answered with the cookie).
fn presented(request: &Request) -> Option<(String, bool)> {
    let headers = request.headers();
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some((bearer.trim().to_string(), false));
    }
    if let Some(query) = request.uri().query() {
        for pair in query.split('&') {
            if let Some(value) = pair.strip_prefix("token=") {
                return Some((percent_decode(value), true));
            }
        }
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|c| c.trim().strip_prefix("tessera_token="))
        .map(|v| (v.to_string(), false))
}

/// Compares in time that depends on the length only, not on where the first difference is.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3])
                    .ok()
                    .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    None => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd"));
        assert!(!same(b"abc", b"abcd"));
    }

    #[test]
    fn only_loopback_names_are_trusted_without_a_token() {
        let host = |h: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(
                header::HOST,
                HeaderValue::from_str(h).unwrap_or(HeaderValue::from_static("x")),
            );
            loopback_host(&headers)
        };
        assert!(host("127.0.0.1:7800") && host("localhost:7800") && host("[::1]:7800"));
        assert!(host("127.0.0.1") && host("LOCALHOST"));
        assert!(
            !host("evil.example:7800") && !host("10.0.0.1:7800") && !host("localhost.evil.example")
        );
        assert!(!loopback_host(&HeaderMap::new()));
    }

    #[test]
    fn query_tokens_are_decoded() {
        assert_eq!(percent_decode("a%20b+c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz"), "%zz");
        assert_eq!(percent_decode("%é1"), "%é1");
        assert_eq!(percent_decode("%+1"), "%+1".replace('+', " "));
    }
}
