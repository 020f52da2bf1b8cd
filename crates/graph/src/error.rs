/// What went wrong across documents.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("store query failed while {doing}: {source}")]
    Query {
        doing: &'static str,
        source: rusqlite::Error,
    },
    #[error(transparent)]
    Store(#[from] tessera_store::StoreError),
    #[error("no entity matches {0:?}; `tessera entities WORDS` lists the candidates")]
    NoEntity(String),
    #[error("{query:?} names {count} entities ({examples}); give its id (E…) instead")]
    AmbiguousEntity {
        query: String,
        count: usize,
        examples: String,
    },
    #[error("no document matches {0:?}")]
    NoDocument(String),
    #[error("entity {entity} has no mention in document {document}")]
    NotInDocument { entity: String, document: String },
    #[error("{0}")]
    Invalid(String),
}

pub(crate) trait Doing<T> {
    fn doing(self, doing: &'static str) -> Result<T, GraphError>;
}

impl<T> Doing<T> for Result<T, rusqlite::Error> {
    fn doing(self, doing: &'static str) -> Result<T, GraphError> {
        self.map_err(|source| GraphError::Query { doing, source })
    }
}
