/// What went wrong building a brief.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Graph(#[from] tessera_graph::GraphError),
    #[error("store query failed while {doing}: {source}")]
    Query {
        doing: &'static str,
        source: rusqlite::Error,
    },
    #[error("the shipped map outlines are unreadable: {0}")]
    Outlines(String),
    #[error("{0}")]
    Invalid(String),
}

pub(crate) trait Doing<T> {
    fn doing(self, doing: &'static str) -> Result<T, ReportError>;
}

impl<T> Doing<T> for Result<T, rusqlite::Error> {
    fn doing(self, doing: &'static str) -> Result<T, ReportError> {
        self.map_err(|source| ReportError::Query { doing, source })
    }
}
