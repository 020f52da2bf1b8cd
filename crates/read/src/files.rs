//! Single files and standard input.

use crate::error::{ReadError, ReadErrorKind};
use crate::plain::Fallback;
use crate::stream::{StreamInfo, one, read_stream};
use crate::{Format, ReadOptions, Records};
use chrono::{DateTime, Utc};
use std::fs::File;
use std::io::ErrorKind;
use std::path::Path;

/// Opens and reads one file. The extension names its format; an unknown one is sniffed.
pub(crate) fn read_file(path: &Path, options: &ReadOptions) -> Records {
    let location = path.display().to_string();
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) => {
            let kind = match error.kind() {
                ErrorKind::NotFound => ReadErrorKind::NotFound,
                _ => ReadErrorKind::Io {
                    action: "open the file",
                    source: error,
                },
            };
            return one(Err(ReadError::at(&location, kind)));
        }
    };
    let metadata = file.metadata().ok();
    let fallback = Fallback {
        title: path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned()),
        published: metadata
            .as_ref()
            .and_then(|m| m.modified().ok())
            .map(|modified| DateTime::<Utc>::from(modified).date_naive()),
    };
    let info = StreamInfo {
        location,
        format_hint: Format::from_path(path),
        fallback,
        size: metadata.map(|m| m.len()),
        charset: None,
    };
    read_stream(info, Box::new(file), options)
}

/// Reads standard input (`-`): the forced format, else sniffed.
pub(crate) fn read_stdin(options: &ReadOptions) -> Records {
    let info = StreamInfo {
        location: "-".to_string(),
        ..StreamInfo::default()
    };
    read_stream(info, Box::new(std::io::stdin()), options)
}
