/// What went wrong writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Graph(#[from] tessera_graph::GraphError),
    #[error("store query failed while {doing}: {source}")]
    Query {
        doing: &'static str,
        source: rusqlite::Error,
    },
    #[error("writing the export failed: {0}")]
    Io(#[from] std::io::Error),
    #[error("encoding JSON failed: {0}")]
    Json(#[from] serde_json::Error),
    #[error("{0}")]
    Invalid(String),
}

pub(crate) trait Doing<T> {
    fn doing(self, doing: &'static str) -> Result<T, ExportError>;
}

impl<T> Doing<T> for Result<T, rusqlite::Error> {
    fn doing(self, doing: &'static str) -> Result<T, ExportError> {
        self.map_err(|source| ExportError::Query { doing, source })
    }
}
