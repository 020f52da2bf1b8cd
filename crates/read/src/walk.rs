//! Directory inputs: walked lazily and recursively in file-name order, hidden entries skipped,
//! files chosen by extension and by the include/exclude globs.

use crate::error::{ReadError, ReadErrorKind};
use crate::files::read_file;
use crate::stream::one;
use crate::{Format, ReadOptions, Records};
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use walkdir::{DirEntry, WalkDir};

/// The records of every chosen file under `directory`, one file opened at a time.
pub(crate) fn read_directory(directory: PathBuf, options: Arc<ReadOptions>) -> Records {
    let location = directory.display().to_string();
    let filter = match PathFilter::new(&options) {
        Ok(filter) => Arc::new(filter),
        Err(kind) => return one(Err(ReadError::at(&location, kind))),
    };
    let entry_filter = Arc::clone(&filter);
    let entry_root = directory.clone();
    let walker = WalkDir::new(&directory)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(move |entry| {
            entry.depth() == 0
                || !(is_hidden(entry)
                    || entry.file_type().is_dir()
                        && entry_filter.excludes(relative(entry.path(), &entry_root)))
        });
    let files = walker.filter_map(move |entry| match entry {
        Err(error) => {
            let at = error
                .path()
                .map_or(location.clone(), |p| p.display().to_string());
            let message = error.to_string();
            Some(Err(ReadError::at(&at, ReadErrorKind::Walk { message })))
        }
        Ok(entry) if entry.file_type().is_file() => filter
            .selects(relative(entry.path(), &directory))
            .then(|| Ok(entry.into_path())),
        Ok(_) => None,
    });
    Box::new(files.flat_map(move |file| match file {
        Ok(path) => read_file(&path, &options),
        Err(error) => one(Err(error)),
    }))
}

fn is_hidden(entry: &DirEntry) -> bool {
    entry
        .file_name()
        .to_str()
        .is_some_and(|name| name.starts_with('.'))
}

fn relative<'a>(path: &'a Path, root: &Path) -> &'a Path {
    path.strip_prefix(root).unwrap_or(path)
}

/// Which files of a walk are read.
struct PathFilter {
    include: Option<GlobSet>,
    exclude: GlobSet,
    /// With a forced format every file is that format, so the extension does not matter.
    any_extension: bool,
}

impl PathFilter {
    fn new(options: &ReadOptions) -> Result<Self, ReadErrorKind> {
        let include = if options.include.is_empty() {
            None
        } else {
            Some(build_globs(&options.include)?)
        };
        Ok(PathFilter {
            include,
            exclude: build_globs(&options.exclude)?,
            any_extension: options.format.is_some(),
        })
    }

    /// Whether a path (relative to the walked directory) or its file name matches `globs`.
    fn matches(globs: &GlobSet, relative: &Path) -> bool {
        globs.is_match(relative)
            || relative
                .file_name()
                .is_some_and(|name| globs.is_match(name))
    }

    fn excludes(&self, relative: &Path) -> bool {
        Self::matches(&self.exclude, relative)
    }

    /// A file is read when its extension is a known one (or a format is forced), it matches an
    /// include pattern (if any are given) and no exclude pattern.
    fn selects(&self, relative: &Path) -> bool {
        (self.any_extension || Format::from_path(relative).is_some())
            && self
                .include
                .as_ref()
                .is_none_or(|include| Self::matches(include, relative))
            && !self.excludes(relative)
    }
}

fn build_globs(patterns: &[String]) -> Result<GlobSet, ReadErrorKind> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|error| ReadErrorKind::InvalidGlob {
            pattern: pattern.clone(),
            message: error.kind().to_string(),
        })?;
        builder.add(glob);
    }
    builder.build().map_err(|error| ReadErrorKind::InvalidGlob {
        pattern: patterns.join(" "),
        message: error.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filter(include: &[&str], exclude: &[&str]) -> PathFilter {
        let options = ReadOptions {
            include: include.iter().map(|p| p.to_string()).collect(),
            exclude: exclude.iter().map(|p| p.to_string()).collect(),
            ..ReadOptions::default()
        };
        PathFilter::new(&options).unwrap()
    }

    #[test]
    fn known_extensions_only_without_patterns() {
        let all = filter(&[], &[]);
        assert!(all.selects(Path::new("a/b.txt")));
        assert!(all.selects(Path::new("feed.xml")));
        assert!(!all.selects(Path::new("photo.jpg")));
        assert!(!all.selects(Path::new("README")));
    }

    #[test]
    fn include_matches_name_or_relative_path() {
        let by_name = filter(&["*.md"], &[]);
        assert!(by_name.selects(Path::new("deep/dir/x.md")));
        assert!(!by_name.selects(Path::new("deep/dir/x.txt")));
        let by_path = filter(&["**/2024/*"], &[]);
        assert!(by_path.selects(Path::new("2024/a.txt")));
        assert!(by_path.selects(Path::new("news/2024/a.txt")));
        assert!(!by_path.selects(Path::new("news/2023/a.txt")));
        assert!(!by_path.selects(Path::new("news/2024/a.jpg")));
    }

    #[test]
    fn exclude_wins() {
        let f = filter(&["*.txt"], &["draft*", "old/**"]);
        assert!(!f.selects(Path::new("draft-1.txt")));
        assert!(!f.selects(Path::new("old/x.txt")));
        assert!(f.selects(Path::new("new/x.txt")));
        // A directory named by an exclude pattern is not entered.
        assert!(filter(&[], &["old"]).excludes(Path::new("a/old")));
    }

    #[test]
    fn bad_glob_is_an_error() {
        let options = ReadOptions {
            include: vec!["a[".into()],
            ..ReadOptions::default()
        };
        assert!(matches!(
            PathFilter::new(&options),
            Err(ReadErrorKind::InvalidGlob { .. })
        ));
    }
}
