//! URL inputs: fetched over HTTP(S) with a whole-request timeout; the Content-Type, else
//! sniffing, says whether the body is a page, a feed or another format.

use crate::error::{ReadError, ReadErrorKind};
use crate::plain::Fallback;
use crate::stream::{StreamInfo, one, read_stream};
use crate::{Format, ReadOptions, Records};

/// Whether an input names a URL rather than a path.
pub(crate) fn is_url(input: &str) -> bool {
    let lower = |prefix: &str| {
        input
            .get(..prefix.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(prefix))
    };
    lower("http://") || lower("https://")
}

/// Fetches `url` and reads its body; an unreachable host or an HTTP error status is one `Err`.
pub(crate) fn read_url(url: &str, options: &ReadOptions) -> Records {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.http_timeout))
        .http_status_as_error(true)
        .build()
        .into();
    let response = match agent.get(url).call() {
        Ok(response) => response,
        Err(error) => {
            let kind = match error {
                ureq::Error::StatusCode(status) => ReadErrorKind::HttpStatus { status },
                other => ReadErrorKind::Fetch {
                    message: other.to_string(),
                },
            };
            return one(Err(ReadError::at(url, kind)));
        }
    };
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|value| value.to_str().ok())
        .map(str::to_string);
    let info = StreamInfo {
        location: url.to_string(),
        format_hint: content_type.as_deref().and_then(Format::from_content_type),
        fallback: Fallback {
            title: last_path_segment(url),
            published: None,
        },
        size: response.body().content_length(),
        charset: content_type.as_deref().and_then(charset_parameter),
    };
    let body = response.into_body().into_reader();
    read_stream(info, Box::new(body), options)
}

/// `charset=...` from a Content-Type value.
fn charset_parameter(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|parameter| {
        let (name, value) = parameter.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    })
}

/// The last non-empty path segment of a URL, without query or extension: a title of last
/// resort for plain-text bodies.
fn last_path_segment(url: &str) -> Option<String> {
    let without_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let path = without_scheme.split(['?', '#']).next()?;
    let (_, path) = path.split_once('/')?;
    let segment = path.rsplit('/').find(|segment| !segment.is_empty())?;
    let stem = segment.rsplit_once('.').map_or(segment, |(stem, _)| stem);
    (!stem.is_empty()).then(|| stem.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_urls() {
        assert!(is_url("https://example.com/a"));
        assert!(is_url("HTTP://example.com"));
        assert!(!is_url("ftp://example.com"));
        assert!(!is_url("news/http.txt"));
        assert!(!is_url("-"));
    }

    #[test]
    fn reads_charset_and_path_segment() {
        assert_eq!(
            charset_parameter("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1".into())
        );
        assert_eq!(charset_parameter("text/html"), None);
        assert_eq!(
            last_path_segment("https://x.org/news/story-1.txt?a=b"),
            Some("story-1".into())
        );
        assert_eq!(last_path_segment("https://x.org/a/b/"), Some("b".into()));
        assert_eq!(last_path_segment("https://x.org"), None);
    }
}
