//! `/api/documents`: full-text search or the latest documents, and one document with every
//! annotation layer and the graph entities and clusters its own entities and events joined.

use super::Pairs;
use crate::error::ApiError;
use crate::params::{DEFAULT_LIMIT, Params};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use serde_json::Value;
use std::sync::Arc;
use tessera_engine::graph::query::document_links;
use tessera_engine::{SearchQuery, Store};

const PARAMS: &[&str] = &["q", "lang", "source", "since", "until", "limit", "offset"];

pub async fn list(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[PARAMS])?;
    let page = params.page(DEFAULT_LIMIT)?;
    let (since, until) = (params.date("since")?, params.date("until")?);
    if let (Some(s), Some(u)) = (since, until)
        && s > u
    {
        return Err(ApiError::bad_request(format!(
            "since ({s}) is after until ({u})"
        )));
    }
    let query = SearchQuery {
        text: params.text("q").unwrap_or_default(),
        lang: params.text("lang"),
        since,
        until,
        source: params.text("source"),
        limit: page.fetch(),
    };
    let hits = state
        .read(move |store| {
            Ok(if query.text.is_empty() {
                store.latest(&query, 0)?
            } else {
                store.search(&query)?
            })
        })
        .await?;
    Ok(Json(page.envelope(hits)))
}

pub async fn get(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<Value>, ApiError> {
    if !(4..=32).contains(&id.len()) || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ApiError::bad_request(format!(
            "document id: expected 4 to 32 hexadecimal digits (an id or its prefix), got {id:?}"
        )));
    }
    let value = state
        .read(move |store| {
            let stored = store
                .get(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))?;
            let contract = tessera_engine::extraction(&stored.document);
            let mut value = tessera_engine::stored_document_json(&stored, &contract)
                .map_err(|e| ApiError::internal(format!("rendering the document: {e}")))?;
            let links = document_links(store.connection(), stored.document.id.as_str())?;
            if let Some(object) = value.as_object_mut() {
                let links = serde_json::to_value(links)
                    .map_err(|e| ApiError::internal(format!("rendering the links: {e}")))?;
                object.insert("links".into(), links);
            }
            Ok(value)
        })
        .await?;
    Ok(Json(value))
}
