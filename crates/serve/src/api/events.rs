//! `/api/events`: event clusters by the filters of `tessera events`, one cluster, and counts by
//! country, state, week or type for a map's count layer and a histogram.

use super::{Pairs, numbered};
use crate::error::ApiError;
use crate::params::{DEFAULT_LIMIT, EVENT_FILTERS, Params};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use serde_json::{Value, json};
use std::sync::Arc;
use tessera_engine::graph::{ClusterRecord, query};

const PAGE: &[&str] = &["limit", "offset"];

pub async fn list(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[EVENT_FILTERS, PAGE])?;
    let page = params.page(DEFAULT_LIMIT)?;
    let spec = params.event_filter()?;
    let clusters = state
        .read(move |store| {
            let filter = spec.resolve(store, page.fetch())?;
            Ok(query::events(store.connection(), &filter)?)
        })
        .await?;
    Ok(Json(page.envelope(clusters)))
}

pub async fn get(
    State(state): State<Arc<AppState>>,
    Path(id): Path<String>,
) -> Result<Json<ClusterRecord>, ApiError> {
    numbered(&id, 'C', "cluster")?;
    let found = state
        .read(move |store| {
            query::cluster(store.connection(), &id)?
                .ok_or_else(|| ApiError::not_found(format!("no event cluster {id}")))
        })
        .await?;
    Ok(Json(found))
}

pub async fn aggregate(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[EVENT_FILTERS, &["by"]])?;
    let by = params.text("by").unwrap_or_else(|| "country".into());
    if !query::stats::TOTALS_BY.contains(&by.as_str()) {
        return Err(ApiError::bad_request(format!(
            "by: expected one of {}, got {by:?}",
            query::stats::TOTALS_BY.join(", ")
        )));
    }
    let spec = params.event_filter()?;
    let key = by.clone();
    let groups = state
        .read(move |store| {
            let filter = spec.resolve(store, usize::MAX)?;
            Ok(query::event_totals(store.connection(), &filter, &key)?)
        })
        .await?;
    Ok(Json(json!({ "by": by, "groups": groups })))
}
