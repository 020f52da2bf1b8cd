//! What every request shares: connections to the store (several readers, one writer, as SQLite
//! in WAL mode allows), the models (loaded on the first ingest), and the settings.

use crate::error::{ApiError, ServeError};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use tessera_engine::{Pipeline, SqliteStore};

/// The server's settings, as `tessera serve` takes them.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    pub db: PathBuf,
    pub bind: std::net::SocketAddr,
    /// Required of every request when set; required to be set off loopback.
    pub token: Option<String>,
    /// Largest request body accepted (ingest).
    pub max_body_bytes: usize,
    /// An origin allowed to call the API from another site; none (CORS off) by default.
    pub cors_origin: Option<String>,
    /// Connections that answer reads at once.
    pub readers: usize,
}

impl ServeConfig {
    pub fn new(db: impl Into<PathBuf>) -> Self {
        ServeConfig {
            db: db.into(),
            bind: std::net::SocketAddr::from(([127, 0, 0, 1], 7800)),
            token: None,
            max_body_bytes: 2 * 1024 * 1024,
            cors_origin: None,
            readers: std::thread::available_parallelism().map_or(2, |n| n.get().clamp(2, 8)),
        }
    }
}

pub struct AppState {
    pub config: ServeConfig,
    readers: Vec<Mutex<SqliteStore>>,
    next_reader: AtomicUsize,
    writer: Mutex<SqliteStore>,
    pipeline: OnceLock<Result<Pipeline, String>>,
}

impl AppState {
    pub fn open(config: ServeConfig) -> Result<Arc<Self>, ServeError> {
        if !config.db.exists() {
            return Err(ServeError::NoStore(config.db.clone()));
        }
        let open = |path: &Path| {
            SqliteStore::open(path).map_err(|source| ServeError::Open {
                path: path.to_path_buf(),
                source,
            })
        };
        let writer = Mutex::new(open(&config.db)?);
        let readers = (0..config.readers.max(1))
            .map(|_| open(&config.db).map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Arc::new(AppState {
            config,
            readers,
            next_reader: AtomicUsize::new(0),
            writer,
            pipeline: OnceLock::new(),
        }))
    }

    /// Runs `f` with a reading connection, off the async threads.
    pub async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&SqliteStore) -> Result<T, ApiError> + Send + 'static,
    {
        let state = Arc::clone(self);
        blocking(move || {
            let start = state.next_reader.fetch_add(1, Ordering::Relaxed);
            let n = state.readers.len();
            // A free connection if there is one; else wait for the next in turn.
            for i in 0..n {
                if let Ok(store) = state.readers[(start + i) % n].try_lock() {
                    return f(&store);
                }
            }
            // A panic mid-request rolled its transaction back: the connection is still sound.
            let store = state.readers[start % n]
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&store)
        })
        .await
    }

    /// Runs `f` with the one writing connection (merges, splits, grades, ingest).
    pub async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut SqliteStore, &AppState) -> Result<T, ApiError> + Send + 'static,
    {
        let state = Arc::clone(self);
        blocking(move || {
            let mut store = state
                .writer
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            f(&mut store, &state)
        })
        .await
    }

    /// The models, loaded once, on the first document posted.
    pub fn pipeline(&self) -> Result<&Pipeline, ApiError> {
        self.pipeline
            .get_or_init(|| Pipeline::with_models().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|e| ApiError::internal(format!("loading the shipped models: {e}")))
    }
}

async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::internal(format!("a request's worker stopped: {e}")))?
}
