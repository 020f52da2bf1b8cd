//! Small formatting helpers shared by the commands, and how they write to standard output.
//!
//! Commands write their results through [`with_stdout`] with `write!`/`writeln!` and pass any
//! error up with `?`, never with `print!`/`println!` (which panic when the reader has gone).
//! When the reader of standard output closes early (`tessera search x | head -1`), the write
//! fails with a broken pipe; `main` recognises that with [`is_broken_pipe`] and ends quietly
//! with exit status 0, as `head` asked for no more.

use anyhow::Context;
use std::io::{self, Write};
use std::time::Duration;

/// Runs `command` with a buffered, locked standard output, then flushes it, so that a failed
/// write (a closed pipe, a full disk) is an error of the command rather than lost on drop.
pub fn with_stdout<T>(
    command: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    let value = command(&mut out)?;
    out.flush().context("writing to standard output")?;
    Ok(value)
}

/// Writes `path` whole or not at all: into a file beside it, renamed into place once `write`
/// has finished and been flushed, so a failed or killed run leaves no half-written file under
/// the name asked for.
pub fn write_atomically<T>(
    path: &std::path::Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("creating a file in {}", dir.display()))?;
    let value = {
        let mut out = io::BufWriter::new(file.as_file_mut());
        let value = write(&mut out)?;
        out.flush()
            .with_context(|| format!("writing {}", path.display()))?;
        value
    };
    file.persist(path)
        .with_context(|| format!("writing {}", path.display()))?;
    Ok(value)
}

/// Whether the error, or anything in its chain of causes, is a write to a pipe whose reader
/// has closed: an `io::Error` of kind `BrokenPipe`, bare or inside a `serde_json::Error`
/// (which does not hand its `io::Error` on as a source).
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<io::Error>()
            .map(io::Error::kind)
            .or_else(|| {
                cause
                    .downcast_ref::<serde_json::Error>()
                    .and_then(serde_json::Error::io_error_kind)
            });
        kind == Some(io::ErrorKind::BrokenPipe)
    })
}

pub fn duration(d: Duration) -> String {
    let secs = d.as_secs_f64();
    if secs < 1.0 {
        format!("{:.0} ms", secs * 1000.0)
    } else if secs < 120.0 {
        format!("{secs:.1} s")
    } else {
        format!("{}m{:02}s", d.as_secs() / 60, d.as_secs() % 60)
    }
}

/// Marks the highlighted byte ranges of `text`: bold on a terminal, `[...]` otherwise.
pub fn highlight(text: &str, ranges: &[(usize, usize)], terminal: bool) -> String {
    let (open, close) = if terminal {
        ("\x1b[1;33m", "\x1b[0m")
    } else {
        ("[", "]")
    };
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for &(start, end) in ranges {
        let (Some(before), Some(inner)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push_str(open);
        out.push_str(inner);
        out.push_str(close);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_ranges_and_ignores_bad_ones() {
        assert_eq!(
            highlight("a cocoa crop", &[(2, 7)], false),
            "a [cocoa] crop"
        );
        assert_eq!(highlight("abc", &[(2, 9)], false), "abc");
        assert_eq!(duration(Duration::from_millis(1500)), "1.5 s");
    }

    #[test]
    fn a_broken_pipe_is_found_anywhere_in_the_chain() {
        let pipe = || io::Error::new(io::ErrorKind::BrokenPipe, "closed");
        assert!(is_broken_pipe(&anyhow::Error::new(pipe())));
        assert!(is_broken_pipe(
            &anyhow::Error::new(pipe())
                .context("writing to standard output")
                .context("show")
        ));
        let json = serde_json::to_writer(FailingWriter, &[1, 2, 3]).expect_err("write fails");
        assert!(is_broken_pipe(&anyhow::Error::new(json).context("json")));

        let other = io::Error::new(io::ErrorKind::PermissionDenied, "denied");
        assert!(!is_broken_pipe(&anyhow::Error::new(other).context("x")));
        assert!(!is_broken_pipe(&anyhow::anyhow!(
            "broken pipe, in words only"
        )));
    }

    struct FailingWriter;

    impl Write for FailingWriter {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::BrokenPipe, "closed"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
}
