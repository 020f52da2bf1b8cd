//! Tessera's server: `tessera serve`. An HTTP JSON API over the same engine functions as the
//! command line (documents, entities, event clusters, paths, timelines, sources, ingest,
//! exports) and the web app (map, graph, timeline, reader) embedded in the binary.
//!
//! The engine knows nothing of HTTP; this crate is a layer over it, as Meilisearch's server is
//! over `milli`. Every store call runs on a blocking thread with a connection of its own (the
//! store is SQLite in WAL mode: readers never wait for the writer).
//!
//! Safe by default: it listens on 127.0.0.1:7800; listening anywhere else needs a token, which
//! every request must then carry; CORS is off unless an origin is named; request bodies are
//! limited; the app never renders article text as HTML and the pages forbid scripts from
//! anywhere but the app itself.

mod api;
mod assets;
mod error;
mod openapi;
mod params;
mod security;
mod state;

pub use error::{ApiError, ServeError};
pub use state::{AppState, ServeConfig};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::extract::OriginalUri;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::sync::Arc;

/// The whole application: the API under `/api`, the web app everywhere else.
pub fn router(state: Arc<AppState>) -> Router {
    let limit = state.config.max_body_bytes;
    let api = Router::new()
        .route("/stats", get(api::misc::stats))
        .route("/documents", get(api::documents::list))
        .route("/documents/{id}", get(api::documents::get))
        .route("/entities", get(api::entities::list))
        .route("/entities/merge", post(api::entities::merge))
        .route("/entities/{id}", get(api::entities::get))
        .route("/entities/{id}/graph", get(api::entities::neighbourhood))
        .route("/entities/{id}/split", post(api::entities::split))
        .route("/events", get(api::events::list))
        .route("/events/aggregate", get(api::events::aggregate))
        .route("/events/{id}", get(api::events::get))
        .route("/path", get(api::misc::path))
        .route("/timeline", get(api::misc::timeline))
        .route("/sources", get(api::misc::sources))
        .route("/sources/{name}/grade", post(api::misc::set_grade))
        .route("/ingest", post(api::ingest::ingest))
        .route("/export/{format}", get(api::misc::export))
        .route(
            "/openapi.json",
            get(|| async { axum::Json(openapi::document()) }),
        )
        .fallback(|OriginalUri(uri): OriginalUri| async move {
            ApiError::not_found(format!("no endpoint {}; see /api/openapi.json", uri.path()))
        })
        .method_not_allowed_fallback(|| async {
            ApiError {
                status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
                code: "method_not_allowed",
                message: "this endpoint does not take that method; see /api/openapi.json".into(),
            }
        });
    Router::new()
        .nest("/api", api)
        .fallback(get(assets::static_file))
        .layer(DefaultBodyLimit::max(limit))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            security::guard,
        ))
        .with_state(state)
}

/// Opens the store, listens, calls `on_listening` with the address (port 0 picks one), and
/// serves until Ctrl-C or SIGTERM.
pub async fn serve(
    config: ServeConfig,
    on_listening: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    if !config.bind.ip().is_loopback() && config.token.as_deref().is_none_or(str::is_empty) {
        return Err(ServeError::OpenWithoutToken(config.bind));
    }
    if let Some(token) = &config.token
        && !token
            .bytes()
            .all(|b| b.is_ascii_graphic() && b != b';' && b != b',')
    {
        return Err(ServeError::BadToken);
    }
    let addr = config.bind;
    let state = AppState::open(config)?;
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    on_listening(listener.local_addr()?);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown())
        .await?;
    Ok(())
}

/// [`serve`] on a runtime of its own, for a caller that has none (the command line).
pub fn run(config: ServeConfig, on_listening: impl FnOnce(SocketAddr)) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(config, on_listening))
}

async fn shutdown() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {},
        () = terminate => {},
    }
    tracing::info!("shutting down");
}
