//! Every kind of bad input yields one clear error naming it, and reading goes on.

mod common;

use common::{fixture, only_error, read};
use std::path::Path;
use tempfile::TempDir;
use tessera_read::{ReadErrorKind, ReadOptions};

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn message(input: &str) -> String {
    only_error(input, ReadOptions::default()).to_string()
}

#[test]
fn binary_file() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "photo.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    assert_eq!(
        message(&path),
        format!(
            "{path}: looks like a binary file (NUL byte at offset 8); expected plain text, \
             Markdown, JSON Lines, HTML or an RSS/Atom feed"
        )
    );
}

#[test]
fn invalid_utf8_says_the_byte_offset() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "latin1.txt", b"Caf\xe9 con leche");
    assert_eq!(
        message(&path),
        format!("{path}: invalid UTF-8 at byte offset 3")
    );
    let path = write(
        &dir,
        "bad.jsonl",
        b"{\"text\": \"ok\"}\n{\"text\": \"Caf\xe9\"}\n",
    );
    let results = read(std::slice::from_ref(&path), ReadOptions::default());
    assert!(results[0].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().to_string(),
        format!("{path}:2: invalid UTF-8 at byte offset 13 of the line")
    );
}

#[test]
fn empty_and_whitespace_only_files() {
    let dir = TempDir::new().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.md", b" \n\t\n"),
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n\n   \n"),
        ("empty.html", b"  "),
        ("empty.rss", b"\n"),
    ] {
        let path = write(&dir, name, bytes);
        assert_eq!(
            message(&path),
            format!("{path}: empty input (nothing but whitespace)"),
            "{name}"
        );
    }
}

#[test]
fn malformed_json_names_line_and_column() {
    let dir = TempDir::new().unwrap();
    let path = write(
        &dir,
        "m.jsonl",
        b"{\"text\": \"a\"}\n{\"text\": \"b\",}\n\"just a string\"\n",
    );
    let results = read(std::slice::from_ref(&path), ReadOptions::default());
    assert_eq!(results.len(), 3);
    let malformed = results[1].as_ref().unwrap_err();
    assert_eq!(malformed.origin.line, Some(2));
    assert!(
        matches!(
            malformed.kind,
            ReadErrorKind::MalformedJson { column: 14, .. }
        ),
        "{malformed}"
    );
    assert_eq!(
        results[2].as_ref().unwrap_err().to_string(),
        format!("{path}:3: expected a JSON object, found a string")
    );
}

#[test]
fn feed_that_is_not_xml() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "news.rss", b"Breaking: this is not a feed at all.");
    let error = message(&path);
    assert!(
        error.starts_with(&format!("{path}: not a valid RSS or Atom feed: ")),
        "{error}"
    );
}

#[test]
fn nonexistent_path() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("missing.txt").display().to_string();
    assert_eq!(message(&path), format!("{path}: no such file or directory"));
}

#[test]
fn path_through_a_file_cannot_be_inspected() {
    let dir = TempDir::new().unwrap();
    let file = write(&dir, "plain.txt", b"text");
    let below_file = format!("{file}/child.txt");
    let error = only_error(&below_file, ReadOptions::default());
    assert!(
        matches!(
            error.kind,
            ReadErrorKind::Io {
                action: "inspect the path",
                ..
            }
        ),
        "{error}"
    );
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_an_error_even_for_root() {
    // A Unix socket is a file that no one, root included, can open for reading.
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("socket.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&path).unwrap();
    let location = path.display().to_string();
    let error = only_error(&location, ReadOptions::default());
    assert!(
        matches!(
            error.kind,
            ReadErrorKind::Io {
                action: "open the file",
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error
            .to_string()
            .starts_with(&format!("{location}: cannot open the file: "))
    );
}

#[cfg(unix)]
#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "secret.txt", b"text");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::File::open(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is no error to check
        // here; `unreadable_file_is_an_error_even_for_root` covers the open failure.
        return;
    }
    let error = only_error(&path, ReadOptions::default());
    assert!(
        error.to_string().contains("cannot open the file"),
        "{error}"
    );
}

#[test]
fn file_over_the_size_limit() {
    let dir = TempDir::new().unwrap();
    let options = || ReadOptions {
        max_document_bytes: 100,
        ..ReadOptions::default()
    };
    let path = write(&dir, "long.txt", &[b'a'; 150]);
    assert_eq!(
        only_error(&path, options()).to_string(),
        format!(
            "{path}: 150 bytes is over the limit of 100 bytes; raise it with --max-doc-bytes BYTES"
        )
    );
    let path = write(
        &dir,
        "long.html",
        format!("<p>{}</p>", "b".repeat(200)).as_bytes(),
    );
    assert!(matches!(
        only_error(&path, options()).kind,
        ReadErrorKind::TooLarge {
            size: Some(207),
            limit: 100
        }
    ));
    // JSON Lines is limited per line, not per file.
    let short_line = format!("{{\"text\": \"{}\"}}\n", "c".repeat(50));
    let long_line = format!("{{\"text\": \"{}\"}}\n", "d".repeat(150));
    let path = write(
        &dir,
        "lines.jsonl",
        format!("{short_line}{long_line}{short_line}").as_bytes(),
    );
    let results = read(std::slice::from_ref(&path), options());
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[2].is_ok());
    assert_eq!(
        results[1].as_ref().unwrap_err().to_string(),
        format!(
            "{path}:2: 162 bytes is over the limit of 100 bytes; raise it with --max-doc-bytes BYTES"
        )
    );
}

#[test]
fn bad_inputs_do_not_stop_the_iteration() {
    let dir = TempDir::new().unwrap();
    let inputs = vec![
        write(&dir, "zero.txt", b""),
        dir.path().join("nope.md").display().to_string(),
        fixture("heading.md"),
        write(&dir, "bin.html", b"<html>\0</html>"),
        fixture("walk/a.txt"),
    ];
    let results = read(&inputs, ReadOptions::default());
    let oks: Vec<bool> = results.iter().map(Result::is_ok).collect();
    assert_eq!(oks, [false, false, true, false, true]);
}

#[test]
fn bad_file_in_a_directory_walk_is_one_error() {
    let dir = TempDir::new().unwrap();
    write(&dir, "a.txt", b"First.");
    write(&dir, "b.txt", b"\0\0\0");
    std::fs::create_dir(dir.path().join("c")).unwrap();
    write(&dir, "c/d.md", b"Last.");
    let root = dir.path().display().to_string();
    let results = read(&[root], ReadOptions::default());
    let summary: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(record) => record.text.clone(),
            Err(error) => {
                let name = Path::new(&error.origin.location).file_name().unwrap();
                format!("error in {}", name.to_string_lossy())
            }
        })
        .collect();
    assert_eq!(summary, ["First.", "error in b.txt", "Last."]);
}

#[test]
fn invalid_glob_is_an_error_for_the_directory() {
    let options = ReadOptions {
        include: vec!["[unclosed".into()],
        ..ReadOptions::default()
    };
    let error = only_error(&fixture("walk"), options);
    assert!(
        error
            .to_string()
            .contains("invalid glob pattern \"[unclosed\""),
        "{error}"
    );
}
