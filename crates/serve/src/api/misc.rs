//! The smaller endpoints: paths between entities, timelines, sources and their grades, store
//! counts and exports.

use super::{Body, Pairs};
use crate::error::ApiError;
use crate::params::{EVENT_FILTERS, Params};
use crate::state::AppState;
use axum::Json;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;
use tessera_engine::Store;
use tessera_engine::graph::{self, query};

pub async fn stats(
    State(state): State<Arc<AppState>>,
) -> Result<Json<tessera_engine::Stats>, ApiError> {
    Ok(Json(state.read(|store| Ok(store.stats()?)).await?))
}

pub async fn path(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[&["from", "to", "max_hops"]])?;
    let (Some(from), Some(to)) = (params.text("from"), params.text("to")) else {
        return Err(ApiError::bad_request(
            "from and to: give two entities, by name or id",
        ));
    };
    let max_hops = params.number::<usize>("max_hops")?.unwrap_or(4);
    if !(1..=6).contains(&max_hops) {
        return Err(ApiError::bad_request(format!(
            "max_hops: expected 1 to 6, got {max_hops}"
        )));
    }
    let steps = state
        .read(move |store| {
            let conn = store.connection();
            let (a, b) = (
                query::resolve_name(conn, &from)?,
                query::resolve_name(conn, &to)?,
            );
            Ok(query::path(conn, a, b, max_hops)?)
        })
        .await?;
    Ok(Json(json!({ "steps": steps })))
}

pub async fn timeline(
    State(state): State<Arc<AppState>>,
    Pairs(pairs): Pairs,
) -> Result<Json<Value>, ApiError> {
    let params = Params::new(pairs, &[EVENT_FILTERS, &["entity", "place"]])?;
    let entity = params.text("entity");
    let place = params.text("place");
    let spec = params.event_filter()?;
    let km = spec.filter.km;
    let filtered = EVENT_FILTERS
        .iter()
        .any(|name| *name != "km" && params.text(name).is_some());
    let items = state
        .read(move |store| {
            let conn = store.connection();
            Ok(match (entity, place) {
                (Some(_), Some(_)) => {
                    return Err(ApiError::bad_request("give entity or place, not both"));
                }
                (None, None) => {
                    let filter = spec.resolve(store, 2000)?;
                    query::timeline::of_clusters(&query::events(conn, &filter)?)
                }
                (entity, place) => {
                    let mut items = match entity {
                        Some(e) => {
                            query::timeline::of_entity(conn, query::resolve_name(conn, &e)?)?
                        }
                        None => {
                            let p = place.unwrap_or_default();
                            query::timeline::of_place(conn, query::resolve_name(conn, &p)?, km)?
                        }
                    };
                    // The shared filters narrow an entity's or a place's timeline too: its
                    // events to the clusters they select, its roles and relations by date.
                    if filtered {
                        let filter = spec.resolve(store, usize::MAX)?;
                        let keep = query::cluster_ids(conn, &filter)?;
                        let (since, until) = (filter.since.clone(), filter.until.clone());
                        items.retain(|item| match &item.cluster {
                            Some(id) => keep.contains(id),
                            None => within(item.date.as_deref(), &since, &until),
                        });
                    }
                    items
                }
            })
        })
        .await?;
    Ok(Json(json!({ "items": items })))
}

pub async fn sources(State(state): State<Arc<AppState>>) -> Result<Json<Value>, ApiError> {
    let rows = state
        .read(|store| Ok(graph::edits::list_sources(store)?))
        .await?;
    Ok(Json(json!({ "items": rows })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeBody {
    grade: String,
}

pub async fn set_grade(
    State(state): State<Arc<AppState>>,
    Path(name): Path<String>,
    Body(body): Body<GradeBody>,
) -> Result<Json<Value>, ApiError> {
    let mut chars = body.grade.trim().chars();
    let (Some(grade), None) = (chars.next(), chars.next()) else {
        return Err(ApiError::bad_request(format!(
            "grade: expected one letter A to F, got {:?}",
            body.grade
        )));
    };
    let source = name.clone();
    let updated = state
        .write(move |store, _| Ok(graph::edits::set_grade(store, &source, grade)?))
        .await?;
    Ok(Json(json!({
        "source": name,
        "grade": grade.to_ascii_uppercase().to_string(),
        "clusters_updated": updated,
    })))
}

pub async fn export(
    State(state): State<Arc<AppState>>,
    Path(format): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let format: tessera_export::Format = format
        .parse()
        .map_err(|e: tessera_export::ExportError| ApiError::bad_request(e.to_string()))?;
    if format.writes_folder() {
        return Err(ApiError::bad_request(format!(
            "{} writes a folder of tables; use `tessera export {} -o DIR`",
            format.as_str(),
            format.as_str()
        )));
    }
    let params = Params::new(pairs, &[EVENT_FILTERS, &["entities"]])?;
    let options = tessera_export::Options {
        entities: params.flag("entities")?,
    };
    let spec = params.event_filter()?;
    let bytes = state
        .read(move |store| {
            let filter = spec.resolve(store, usize::MAX)?;
            let mut out = Vec::new();
            tessera_export::export(store.connection(), format, &filter, &options, &mut out)?;
            Ok(out)
        })
        .await?;
    let (content_type, extension) = match format.as_str() {
        "acled" => ("text/csv; charset=utf-8", "csv"),
        "geojson" => ("application/geo+json", "geojson"),
        "graphml" | "gexf" => ("application/xml", format.as_str()),
        _ => ("application/x-ndjson", "jsonl"),
    };
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(disposition) = HeaderValue::from_str(&format!(
        "attachment; filename=\"tessera-{}.{extension}\"",
        format.as_str()
    )) {
        headers.insert(header::CONTENT_DISPOSITION, disposition);
    }
    Ok(response)
}

/// Whether a date (YYYY-MM-DD, or a prefix) falls within the bounds that are set.
fn within(date: Option<&str>, since: &Option<String>, until: &Option<String>) -> bool {
    match date {
        None => since.is_none() && until.is_none(),
        Some(d) => {
            since.as_deref().is_none_or(|s| d >= s)
                && until
                    .as_deref()
                    .is_none_or(|u| d.get(..u.len().min(d.len())).is_some_and(|p| p <= u))
        }
    }
}
