//! Tessera's readers: everything that turns inputs into [`SourceRecord`]s.
//!
//! [`read_inputs`] takes file paths, directories, `-` (standard input) and http(s) URLs and
//! yields one record per article: plain text and Markdown (with optional date/title, byline
//! and front-matter headers), JSON Lines (one object per line, keys mapped by a [`FieldMap`]),
//! HTML pages (article text without boilerplate), and RSS/Atom feeds (one record per item).
//!
//! Reading is lazy and streaming: a file is opened only when the iteration reaches it,
//! directories are walked as they are read, and JSON Lines is read line by line, so memory does
//! not grow with input size. A bad input, line or item yields one [`ReadError`] naming it, and
//! the iteration goes on with the rest.
//!
//! Plain-text records keep the text exactly as the file holds it (an exact, trimmed byte slice
//! after the header), because later stages point byte spans into it.

#![warn(missing_docs)]

mod dates;
mod error;
mod feed;
mod fetch;
mod files;
mod format;
mod html;
mod jsonl;
mod options;
mod plain;
mod stream;
mod walk;

pub use error::{MAX_DOC_BYTES_FLAG, ReadError, ReadErrorKind};
pub use format::{Format, UnknownFormat};
pub use options::{
    DEFAULT_HTTP_TIMEOUT, DEFAULT_MAX_DOCUMENT_BYTES, Field, FieldMap, FieldMapError, ReadOptions,
};
pub use tessera_doc::{Origin, SourceRecord};

use std::path::PathBuf;
use std::sync::Arc;

/// A stream of records, each or an error naming the input it came from.
pub type Records = Box<dyn Iterator<Item = Result<SourceRecord, ReadError>> + Send>;

/// Reads `inputs` in order: each a file, a directory (walked recursively), `-` for standard
/// input, or an http(s) URL. Records without a source get `options.source`.
///
/// ```
/// use tessera_read::{ReadOptions, read_inputs};
///
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("story.txt");
/// std::fs::write(&path, "date 2026-02-24 Port reopens\n\nBy Staff\n\nThe port reopened.\n")?;
/// let inputs = vec![path.display().to_string()];
/// let records: Vec<_> = read_inputs(inputs, ReadOptions::default()).collect();
/// let record = records[0].as_ref().expect("a record");
/// assert_eq!(record.meta.title.as_deref(), Some("Port reopens"));
/// assert_eq!(record.meta.byline.as_deref(), Some("Staff"));
/// assert_eq!(record.text, "The port reopened.");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn read_inputs(inputs: Vec<String>, options: ReadOptions) -> Records {
    let default_source = options.source.clone();
    let options = Arc::new(options);
    let records = inputs
        .into_iter()
        .flat_map(move |input| read_input(&input, &options));
    Box::new(records.map(move |result| {
        result.map(|mut record| {
            if record.meta.source.is_none() {
                record.meta.source.clone_from(&default_source);
            }
            record
        })
    }))
}

fn read_input(input: &str, options: &Arc<ReadOptions>) -> Records {
    if input == "-" {
        return files::read_stdin(options);
    }
    if fetch::is_url(input) {
        return fetch::read_url(input, options);
    }
    let path = PathBuf::from(input);
    match std::fs::metadata(&path) {
        Ok(metadata) if metadata.is_dir() => walk::read_directory(path, Arc::clone(options)),
        Ok(_) => files::read_file(&path, options),
        Err(error) => {
            let kind = match error.kind() {
                std::io::ErrorKind::NotFound => ReadErrorKind::NotFound,
                _ => ReadErrorKind::Io {
                    action: "inspect the path",
                    source: error,
                },
            };
            stream::one(Err(ReadError::at(input, kind)))
        }
    }
}
