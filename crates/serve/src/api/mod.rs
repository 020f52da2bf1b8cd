//! The JSON endpoints, one module per resource; each checks its parameters, calls the engine on
//! a store connection off the async threads, and answers what the CLI's `--json` prints.

pub mod documents;
pub mod entities;
pub mod events;
pub mod ingest;
pub mod misc;

use crate::error::ApiError;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::request::Parts;

/// The query string as name-value pairs; a malformed one is a JSON 400.
pub struct Pairs(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Pairs {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        Query::<Vec<(String, String)>>::from_request_parts(parts, state)
            .await
            .map(|Query(pairs)| Pairs(pairs))
            .map_err(|r| ApiError::rejected(r.status(), r.body_text()))
    }
}

/// A JSON body; malformed JSON, a wrong content type or a body over the limit is a JSON 4xx.
pub struct Body<T>(pub T);

impl<S: Send + Sync, T: serde::de::DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = ApiError;

    async fn from_request(request: Request, state: &S) -> Result<Self, ApiError> {
        axum::Json::<T>::from_request(request, state)
            .await
            .map(|axum::Json(value)| Body(value))
            .map_err(|r| ApiError::rejected(r.status(), r.body_text()))
    }
}

/// `C12` → 12, or a 400 naming what was expected.
pub fn numbered(id: &str, letter: char, what: &str) -> Result<i64, ApiError> {
    id.strip_prefix(letter)
        .and_then(|n| n.parse::<i64>().ok())
        .filter(|&n| n > 0)
        .ok_or_else(|| {
            ApiError::bad_request(format!(
                "{what} id: expected {letter} and a number, got {id:?}"
            ))
        })
}
