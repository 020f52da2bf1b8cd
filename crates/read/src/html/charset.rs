//! Decoding page bytes: UTF-8, or the charset the page or its HTTP header declares.

/// Decodes a page's bytes: UTF-8 when they are valid UTF-8, else the charset the HTTP header or
/// a `<meta charset>` declares. `Err` holds the offset of the first invalid UTF-8 byte when no
/// other charset is declared.
pub(crate) fn decode_html(bytes: Vec<u8>, declared_charset: Option<&str>) -> Result<String, usize> {
    let error = match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            return Ok(text);
        }
        Err(error) => error,
    };
    let offset = error.utf8_error().valid_up_to();
    let bytes = error.into_bytes();
    let label = declared_charset
        .map(str::to_string)
        .or_else(|| meta_charset(&bytes[..bytes.len().min(2048)]));
    match label.and_then(|label| encoding_rs::Encoding::for_label(label.trim().as_bytes())) {
        Some(encoding) if encoding != encoding_rs::UTF_8 => {
            Ok(encoding.decode_without_bom_handling(&bytes).0.into_owned())
        }
        _ => Err(offset),
    }
}

/// The charset a `<meta charset=...>` or `http-equiv` Content-Type declares in a page's head.
fn meta_charset(head: &[u8]) -> Option<String> {
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + b"charset=".len();
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    (end > 0).then(|| String::from_utf8_lossy(&rest[..end]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_declared_charsets() {
        assert_eq!(
            decode_html(b"\xef\xbb\xbf<p>".to_vec(), None),
            Ok("<p>".into())
        );
        assert_eq!(
            decode_html(b"caf\xc3\xa9".to_vec(), None),
            Ok("café".into())
        );
        assert_eq!(
            decode_html(b"caf\xe9".to_vec(), Some("iso-8859-1")),
            Ok("café".into())
        );
        let page = b"<meta charset=\"windows-1252\"><p>caf\xe9</p>".to_vec();
        assert!(decode_html(page, None).unwrap().contains("café"));
        assert_eq!(decode_html(b"ab\xffcd".to_vec(), None), Err(2));
    }
}
