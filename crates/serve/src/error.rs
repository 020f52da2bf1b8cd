//! Errors: what stops the server from starting ([`ServeError`]) and what one request gets back
//! ([`ApiError`], always JSON: `{"error": {"code": "...", "message": "..."}}`).

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;
use std::path::PathBuf;
use tessera_engine::StoreError;
use tessera_engine::graph::GraphError;

/// Why `tessera serve` could not start or stopped.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("no store at {0}: ingest something first (tessera ingest PATH), or point --db at one")]
    NoStore(PathBuf),
    #[error("opening the store {path}: {source}")]
    Open { path: PathBuf, source: StoreError },
    #[error(
        "refusing to listen on {0} without a token: anyone who can reach it could read and change \
         the store; give --token (or TESSERA_TOKEN), or bind 127.0.0.1"
    )]
    OpenWithoutToken(SocketAddr),
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("the token may hold only visible ASCII characters other than ';' and ','")]
    BadToken,
    #[error("the server stopped: {0}")]
    Io(#[from] std::io::Error),
}

/// One request's failure, answered as JSON with a status, a stable code and a message.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
}

impl ApiError {
    pub fn bad_request(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code: "bad_request",
            message: message.into(),
        }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }

    pub fn unauthorized() -> Self {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            message: "this server needs its token: send `Authorization: Bearer TOKEN`, or open \
                      the app once with ?token=TOKEN"
                .into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
        }
    }

    /// A rejection by an axum extractor (bad JSON, a body over the limit, a wrong content type),
    /// with its status kept and its message made JSON.
    pub fn rejected(status: StatusCode, message: String) -> Self {
        let code = match status {
            StatusCode::PAYLOAD_TOO_LARGE => "payload_too_large",
            StatusCode::UNSUPPORTED_MEDIA_TYPE => "unsupported_media_type",
            s if s.is_server_error() => "internal",
            _ => "bad_request",
        };
        ApiError {
            status,
            code,
            message,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            tracing::error!(message = %self.message, "request failed");
        }
        let body = serde_json::json!({ "error": { "code": self.code, "message": self.message } });
        (self.status, Json(body)).into_response()
    }
}

impl From<GraphError> for ApiError {
    fn from(e: GraphError) -> Self {
        match e {
            GraphError::NoEntity(_) | GraphError::NoDocument(_) => {
                ApiError::not_found(e.to_string())
            }
            GraphError::AmbiguousEntity { .. }
            | GraphError::Invalid(_)
            | GraphError::NotInDocument { .. } => ApiError::bad_request(e.to_string()),
            GraphError::Store(inner) => inner.into(),
            GraphError::Query { .. } => ApiError::internal(e.to_string()),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::EmptyQuery { .. }
            | StoreError::BadQuery { .. }
            | StoreError::AmbiguousId { .. } => ApiError::bad_request(e.to_string()),
            _ => ApiError::internal(e.to_string()),
        }
    }
}

impl From<tessera_export::ExportError> for ApiError {
    fn from(e: tessera_export::ExportError) -> Self {
        match e {
            tessera_export::ExportError::Graph(inner) => inner.into(),
            other => ApiError::internal(other.to_string()),
        }
    }
}
