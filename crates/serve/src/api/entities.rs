//! `/api/entities`: find entities by name, an entity's profile and neighbourhood, and merges
//! and splits made by hand (recorded, as `tessera entity merge|split` records them).

use super::{Body, Pairs};
use crate::error::ApiError;
use crate::params::Params;
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;
use tessera_engine::graph::{self, query};

const KINDS: &[&str] = &["PER", "ORG", "LOC", "MISC"];

pub async fn list(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[&["q", "kind", "limit", "offset"]])?;
    let page = params.page(50)?;
    let q = params
        .text("q")
        .ok_or_else(|| ApiError::bad_request("q: give a name or the start of one"))?;
    let kind = params.text("kind").map(|k| k.to_uppercase());
    if let Some(k) = &kind
        && !KINDS.contains(&k.as_str())
    {
        return Err(ApiError::bad_request(format!(
            "kind: expected one of {}, got {k:?}",
            KINDS.join(", ")
        )));
    }
    let found = state
        .read(move |store| {
            Ok(query::search(
                store.connection(),
                &q,
                kind.as_deref(),
                page.fetch(),
            )?)
        })
        .await?;
    Ok(Json(page.envelope(found)))
}

pub async fn get(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Json<query::Profile>, ApiError> {
    let params = Params::new(pairs, &[&["why"]])?;
    let why = params.flag("why")?;
    let profile = state
        .read(move |store| {
            let conn = store.connection();
            let id = query::resolve_name(conn, &name)?;
            Ok(query::profile(conn, id, why)?)
        })
        .await?;
    Ok(Json(profile))
}

pub async fn neighbourhood(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Json<query::Neighbourhood>, ApiError> {
    let params = Params::new(pairs, &[&["limit"]])?;
    let limit = params.number::<usize>("limit")?.unwrap_or(40);
    if limit == 0 || limit > 500 {
        return Err(ApiError::bad_request(format!(
            "limit: expected 1 to 500 neighbours, got {limit}"
        )));
    }
    let found = state
        .read(move |store| {
            let conn = store.connection();
            let id = query::resolve_name(conn, &name)?;
            Ok(query::neighbourhood(conn, id, limit)?)
        })
        .await?;
    Ok(Json(found))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    a: String,
    b: String,
}

pub async fn merge(
    State(state): State<Arc<AppState>>,
    Body(body): Body<MergeBody>,
) -> Result<Json<Value>, ApiError> {
    let kept = state
        .write(move |store, _| {
            let a = query::resolve_name(store.connection(), &body.a)?;
            let b = query::resolve_name(store.connection(), &body.b)?;
            if a == b {
                return Err(ApiError::bad_request(format!(
                    "{:?} and {:?} are already one entity (E{a})",
                    body.a, body.b
                )));
            }
            Ok(graph::edits::merge(store, a, b)?)
        })
        .await?;
    Ok(Json(json!({ "kept": format!("E{kept}") })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitBody {
    document: String,
}

pub async fn split(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    Body(body): Body<SplitBody>,
) -> Result<Json<Value>, ApiError> {
    let new = state
        .write(move |store, _| {
            let id = query::resolve_name(store.connection(), &name)?;
            Ok(graph::edits::split(store, id, &body.document)?)
        })
        .await?;
    Ok(Json(json!({ "new": format!("E{new}") })))
}
