//! `POST /api/ingest`: one article given as JSON (text and metadata), or a URL of an article or
//! a feed, through the whole pipeline into the store and across it, as `tessera ingest` does.

use super::Body;
use crate::error::ApiError;
use crate::state::AppState;
use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};
use std::io::Write;
use std::sync::Arc;
use tessera_engine::{IngestEvent, IngestOptions, ingest_and_resolve};

/// An article, or where to fetch one (an article page or an RSS/Atom feed).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IngestBody {
    text: Option<String>,
    title: Option<String>,
    source: Option<String>,
    /// YYYY-MM-DD.
    published: Option<String>,
    byline: Option<String>,
    /// With `text`: where it was published; alone: what to fetch.
    url: Option<String>,
}

pub async fn ingest(
    State(state): State<Arc<AppState>>,
    Body(body): Body<IngestBody>,
) -> Result<Json<Value>, ApiError> {
    let input = Input::from_body(body)?;
    let answer = state
        .write(move |store, state| {
            let pipeline = state.pipeline()?;
            // The reader takes files and URLs: a posted article becomes a one-line JSON Lines
            // file, which keeps every field as given.
            let folder = tempfile::tempdir()
                .map_err(|e| ApiError::internal(format!("making a temporary folder: {e}")))?;
            let path = match &input {
                Input::Fetch(url) => {
                    refuse_internal(url)?;
                    url.clone()
                }
                Input::Article(record) => {
                    let path = folder.path().join("posted.jsonl");
                    let mut file = std::fs::File::create(&path)
                        .map_err(|e| ApiError::internal(format!("writing the article: {e}")))?;
                    writeln!(file, "{record}")
                        .map_err(|e| ApiError::internal(format!("writing the article: {e}")))?;
                    path.display().to_string()
                }
            };
            let (mut documents, mut failures) = (Vec::new(), Vec::new());
            let mut on_event = |event: IngestEvent<'_>| match event {
                IngestEvent::Stored { id, .. } => {
                    documents.push(json!({ "id": id.as_str(), "new": true }))
                }
                IngestEvent::Duplicate { id, .. } => {
                    documents.push(json!({ "id": id.as_str(), "new": false }))
                }
                IngestEvent::Failed { message, .. } => failures.push(message),
            };
            let summary = ingest_and_resolve(
                store,
                pipeline,
                vec![path],
                &IngestOptions::default(),
                &mut on_event,
            )
            .map_err(|e| ApiError::internal(format!("ingest stopped: {e}")))?;
            if documents.is_empty() {
                return Err(ApiError::bad_request(format!(
                    "nothing was stored: {}",
                    if failures.is_empty() {
                        "no article was found in the input".to_string()
                    } else {
                        failures.join("; ")
                    }
                )));
            }
            Ok(json!({ "summary": summary, "documents": documents, "failures": failures }))
        })
        .await?;
    Ok(Json(answer))
}

enum Input {
    Fetch(String),
    /// One JSON object in the reader's default keys.
    Article(Value),
}

impl Input {
    fn from_body(body: IngestBody) -> Result<Self, ApiError> {
        if let Some(url) = &body.url {
            let lower = url.to_ascii_lowercase();
            if !(lower.starts_with("http://") || lower.starts_with("https://")) {
                return Err(ApiError::bad_request(format!(
                    "url: expected an http(s) address, got {url:?}"
                )));
            }
        }
        if let Some(date) = &body.published
            && chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err()
        {
            return Err(ApiError::bad_request(format!(
                "published: expected a date YYYY-MM-DD, got {date:?}"
            )));
        }
        match body.text {
            Some(text) if text.trim().is_empty() => {
                Err(ApiError::bad_request("text: the article is empty"))
            }
            Some(text) => Ok(Input::Article(json!({
                "text": text, "title": body.title, "source": body.source,
                "date": body.published, "byline": body.byline, "url": body.url,
            }))),
            None => match body.url {
                Some(url) => Ok(Input::Fetch(url)),
                None => Err(ApiError::bad_request(
                    "give the article as {\"text\": ..., \"title\"?, \"source\"?, \"published\"?} \
                     or a page or feed to fetch as {\"url\": ...}",
                )),
            },
        }
    }
}

/// Refuses a URL whose host is this machine or a private network (by address or by what its
/// name resolves to): a client must not make the server read what only the server can reach.
/// (A redirect from a public address is not followed up here; run with a token off loopback.)
fn refuse_internal(url: &str) -> Result<(), ApiError> {
    use std::net::{IpAddr, ToSocketAddrs};
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let (host, port) = match host_port.strip_prefix('[') {
        Some(v6) => {
            let (host, after) = v6.split_once(']').unwrap_or((v6, ""));
            (host, after.strip_prefix(':'))
        }
        None => match host_port.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (host_port, None),
        },
    };
    let port: u16 = match port {
        Some(p) => p
            .parse()
            .map_err(|_| ApiError::bad_request(format!("url: bad port in {url:?}")))?,
        None if url.to_ascii_lowercase().starts_with("https") => 443,
        None => 80,
    };
    let internal = |ip: IpAddr| match ip {
        IpAddr::V4(v4) => {
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.octets()[0] == 100 && (v4.octets()[1] & 0xc0) == 64 // shared (CGNAT)
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || (v6.segments()[0] & 0xfe00) == 0xfc00 // unique local
                || (v6.segments()[0] & 0xffc0) == 0xfe80 // link local
                || v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback() || v4.is_private())
        }
    };
    let refused = || {
        ApiError::bad_request(format!(
            "url: {host:?} is this machine or a private network; the server fetches public \
             addresses only"
        ))
    };
    if host.is_empty() || host.eq_ignore_ascii_case("localhost") {
        return Err(refused());
    }
    // An unresolvable name is left to the reader, which says so in its own words.
    if let Ok(addresses) = (host, port).to_socket_addrs() {
        for address in addresses {
            if internal(address.ip()) {
                return Err(refused());
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::refuse_internal;

    #[test]
    fn internal_addresses_are_not_fetched() {
        for url in [
            "http://localhost/x",
            "http://127.0.0.1:8080/",
            "http://10.1.2.3/feed",
            "http://user@192.168.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]:7800/api/stats",
            "https://[fd00::1]/",
            "http://0.0.0.0/",
        ] {
            assert!(refuse_internal(url).is_err(), "{url}");
        }
        assert!(refuse_internal("http://93.184.216.34/news").is_ok());
        assert!(refuse_internal("http://host:notaport/").is_err());
    }
}
