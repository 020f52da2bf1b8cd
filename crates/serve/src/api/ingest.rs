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
                Input::Fetch(url) => url.clone(),
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
