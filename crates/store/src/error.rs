use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("cannot migrate the store at {path} to schema version {version}: {source}")]
    Migrate {
        path: PathBuf,
        version: u32,
        source: rusqlite::Error,
    },
    #[error(
        "the store at {path} has schema version {found}, newer than this build knows ({known}); \
         use a newer tessera"
    )]
    TooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("store query failed while {doing}: {source}")]
    Query {
        doing: &'static str,
        source: rusqlite::Error,
    },
    #[error("search query {query:?} is empty or has nothing to search for")]
    EmptyQuery { query: String },
    #[error("search query {query:?} is not valid: {message}")]
    BadQuery { query: String, message: String },
    #[error("id prefix {prefix:?} matches more than one document; give more characters")]
    AmbiguousId { prefix: String },
    #[error("cannot encode {what} of document {id} for storage: {source}")]
    Encode {
        id: String,
        what: &'static str,
        source: serde_json::Error,
    },
    #[error("document {id} has a corrupt layer: {message}")]
    Corrupt { id: String, message: String },
}

pub(crate) trait QueryContext<T> {
    fn doing(self, doing: &'static str) -> Result<T, StoreError>;
}

impl<T> QueryContext<T> for Result<T, rusqlite::Error> {
    fn doing(self, doing: &'static str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Query { doing, source })
    }
}
