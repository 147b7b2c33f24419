//! The HTTP request a builder produces, shared by both APIs.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::lang::recent::{Recent, memo};
use crate::redact::redact;
use serde::Serialize;
use serde_json::Value;
use std::cell::RefCell;
use std::fmt;
use url::Url;

/// The `baseUrl` option is not an http(s) URL without credentials, query or fragment.
pub const INVALID_BASE_URL: Code = Code::new(
    "invalid-base-url",
    Severity::Error,
    "The baseUrl option is not an http(s) URL without credentials, query or fragment.",
);

/// The `baseUrl` option already ends with the start of the API path.
pub const BASE_URL_HAS_API_PATH: Code = Code::new(
    "base-url-has-api-path",
    Severity::Warning,
    "The baseUrl option already ends with the start of the API path (such as /rest/gitplugin/1.0 or /xray); that part is used once, not twice.",
);

/// A ready-to-send request. Its `Debug` output masks secrets.
#[derive(Clone, PartialEq, Serialize)]
pub struct Request {
    /// `POST`, `PUT`, `GET` or `DELETE`.
    pub method: &'static str,
    /// The path and query, e.g. `/rest/gitplugin/1.0/integration/7`.
    pub path: String,
    /// `baseUrl` + `path`, when a base URL was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Request headers.
    pub headers: Headers,
    /// The JSON body; `None` for requests without one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<Value>,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("url", &self.url)
            .field("body", &self.body.as_ref().map(redact))
            .finish()
    }
}

/// Request headers, serialised as a JSON object.
#[derive(Debug, Clone, PartialEq)]
pub struct Headers(pub Vec<(&'static str, &'static str)>);

impl Serialize for Headers {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Headers {
    /// `Accept` JSON, plus `Content-Type` JSON when there is a body.
    pub fn json(with_body: bool) -> Headers {
        let mut h = vec![("Accept", "application/json")];
        if with_body {
            h.push(("Content-Type", "application/json"));
        }
        Headers(h)
    }
}

/// A builder's result: the diagnostics, and the request when there is no error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BuildResult {
    /// No diagnostic is an error.
    pub ok: bool,
    /// Every finding.
    pub diagnostics: Vec<Diagnostic>,
    /// The request, only when `ok`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<Request>,
}

impl BuildResult {
    /// Keeps the request only when the report has no error. The report's diagnostics are
    /// redacted already. The request's path and URL are what the caller sends, so they stay as
    /// built: [`join_base_url`] refuses a base URL with credentials, a query or a fragment, the
    /// only parts of a URL that hold secrets.
    pub fn new(report: Report, request: Request) -> BuildResult {
        BuildResult {
            ok: report.ok,
            request: report.ok.then_some(request),
            diagnostics: report.diagnostics,
        }
    }
}

/// Joins a base URL and a path; `Err` is an `invalid-base-url` diagnostic. A base URL that ends
/// with the path's first segments (`https://jira.example.com/rest/gitplugin/1.0`,
/// `https://acme.jfrog.io/xray/`) has them once in the URL, and a `base-url-has-api-path`
/// warning is pushed to `warnings`.
#[allow(clippy::result_large_err)]
pub fn join_base_url(
    base: Option<&str>,
    path: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Option<String>, Diagnostic> {
    let Some(base) = base.map(str::trim).filter(|b| !b.is_empty()) else {
        return Ok(None);
    };
    let bad = |why: &str| {
        Diagnostic::new(&INVALID_BASE_URL, "", format!("baseUrl {why}.")).param("option", "baseUrl")
    };
    let url = parse_url(base).map_err(|e| match e {
        UrlError::NonAsciiHost => bad(NON_ASCII_HOST_FIX),
        UrlError::Parse(_) => bad("is not a URL such as https://jira.example.com"),
    })?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("must start with https:// or http://"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("must not contain credentials"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    let base = url.as_str().trim_end_matches('/');
    let overlap = api_path_overlap(url.path(), path);
    if overlap.is_empty() {
        return Ok(Some(format!("{base}{path}")));
    }
    warnings.push(
        Diagnostic::new(
            &BASE_URL_HAS_API_PATH,
            "",
            format!("baseUrl already ends with {overlap}, the start of the request path; the URL has it once."),
        )
        .param("option", "baseUrl")
        .param("overlap", overlap),
    );
    let base = base.strip_suffix(overlap).unwrap_or(base);
    Ok(Some(format!("{base}{path}")))
}

/// The longest run of segments that ends `base_path` and starts `path`, as `/a/b` (empty when
/// none): what a base URL repeats of the API path.
fn api_path_overlap<'p>(base_path: &str, path: &'p str) -> &'p str {
    let base = base_path.trim_end_matches('/');
    let path = path.split(['?', '#']).next().unwrap_or("");
    // Each prefix of `path` that ends at a segment boundary, longest first.
    let ends = path.match_indices('/').map(|(i, _)| i).chain([path.len()]);
    let mut best = "";
    for end in ends {
        let prefix = path.get(..end).unwrap_or("");
        if !prefix.is_empty() && base.ends_with(prefix) {
            best = prefix;
        }
    }
    best
}

/// Why [`parse_url`] refused a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlError {
    /// The host of an http(s) URL has a character outside ASCII or a percent escape. The
    /// library reads host names as ASCII only (the `url` crate without Unicode IDNA tables, which
    /// would double the wasm): an internationalised name must be written in its `xn--` form,
    /// which is also what Java's `URI` (and so the server) needs.
    NonAsciiHost,
    /// The `url` crate's reason.
    Parse(url::ParseError),
}

/// How to fix a [`UrlError::NonAsciiHost`], for messages ("baseUrl ...", "origin's host ...").
pub const NON_ASCII_HOST_FIX: &str = "must have a plain ASCII host name (letters, digits, hyphens and dots): write an internationalised name in its xn-- form, as Java's URI needs";

/// Parses a URL as the WHATWG URL standard does, except that a host with non-ASCII characters or
/// percent escapes in a special scheme (http, https, ws, wss, ftp, file) is refused before the
/// `url` crate sees it (see [`UrlError::NonAsciiHost`]).
pub fn parse_url(s: &str) -> Result<Url, UrlError> {
    // Parsing took a fifth of validating a payload with an origin; a form revalidating on each
    // keystroke, or rules reading the same URL, reuse a recent result (a clone is one copy).
    thread_local! {
        static RECENT: RefCell<Recent<Result<Url, UrlError>>> =
            const { RefCell::new(Recent::new(8)) };
    }
    memo(&RECENT, s, || parse_url_uncached(s)).as_ref().clone()
}

fn parse_url_uncached(s: &str) -> Result<Url, UrlError> {
    #[cfg(test)]
    tests::URL_PARSES.with(|n| n.set(n.get() + 1));
    if has_non_ascii_host(s) {
        return Err(UrlError::NonAsciiHost);
    }
    Url::parse(s).map_err(UrlError::Parse)
}

/// True when `s` has a special scheme and its host part (between `//` and the path, after any
/// user info) holds a non-ASCII character or a `%`. Follows the URL parser's reading: leading C0
/// controls and spaces are skipped, tabs and newlines anywhere are ignored, `\\` is `/`.
fn has_non_ascii_host(s: &str) -> bool {
    if s.is_ascii() && !s.contains('%') {
        return false;
    }
    let s = s.trim_start_matches(|c: char| c <= ' ');
    let mut chars = s.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let scheme: String = chars.by_ref().take_while(|&c| c != ':').take(8).collect();
    let special = ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|k| scheme.eq_ignore_ascii_case(k));
    if !special {
        return false;
    }
    let authority = chars
        .skip_while(|&c| matches!(c, '/' | '\\'))
        .take_while(|&c| !matches!(c, '/' | '\\' | '?' | '#'));
    let mut non_ascii = false;
    for c in authority {
        if c == '@' {
            non_ascii = false; // user info, not the host
        } else if !c.is_ascii() || c == '%' {
            non_ascii = true;
        }
    }
    non_ascii
}

/// Percent-encodes one path segment or query value (RFC 3986 unreserved characters kept).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        pub(super) static URL_PARSES: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn url_parses_are_remembered_and_answer_as_uncached() {
        let parses = || URL_PARSES.with(Cell::get);
        let inputs = [
            "https://memo.example.com/a?b#c",
            "http://memo.example.com:8080/tfs",
            "not a url",
            "https://m\u{e9}mo.example.com/",
        ];
        let before = parses();
        let first: Vec<_> = inputs.iter().map(|s| parse_url(s)).collect();
        assert_eq!(parses() - before, inputs.len());
        for _ in 0..3 {
            let again: Vec<_> = inputs.iter().map(|s| parse_url(s)).collect();
            assert_eq!(again, first);
        }
        assert_eq!(parses() - before, inputs.len());
        assert_eq!(
            first[2],
            Err(UrlError::Parse(url::ParseError::RelativeUrlWithoutBase))
        );
        assert_eq!(first[3], Err(UrlError::NonAsciiHost));
        assert_eq!(first[1].as_ref().map(|u| u.port()), Ok(Some(8080)));
    }

    #[test]
    fn base_url_joins_without_double_slash_and_rejects_bad_ones() {
        assert_eq!(
            join_base_url(
                Some("https://jira.example.com/jira/"),
                "/rest/x",
                &mut Vec::new()
            )
            .unwrap(),
            Some("https://jira.example.com/jira/rest/x".into())
        );
        assert_eq!(join_base_url(None, "/x", &mut Vec::new()).unwrap(), None);
        for bad in [
            "jira.example.com",
            "ftp://x",
            "https://u:p@x",
            "https://x/?a=1",
        ] {
            assert_eq!(
                join_base_url(Some(bad), "/x", &mut Vec::new())
                    .unwrap_err()
                    .code,
                "invalid-base-url"
            );
        }
    }

    #[test]
    fn non_ascii_hosts_are_refused_before_the_url_parser() {
        for bad in [
            "https://bücher.example",
            "https://BÜCHER.example/x",
            "HTTPS://user:pässword@BÜCHER.example",
            " \thttps:\\\\bücher.example",
            "ht\ttps://BÜCHER.example",
            "https://E%C3%A4.com/",
            "https://%41.com",
            "https://ｅｘａｍｐｌｅ.com",
        ] {
            assert_eq!(parse_url(bad).unwrap_err(), UrlError::NonAsciiHost, "{bad}");
        }
        for good in [
            "https://xn--bcher-kva.example/bücher?q=ä#ü",
            "https://EXAMPLE.com",
            "https://user:pässword@example.com",
            "ssh://BÜCHER/x",
        ] {
            assert!(parse_url(good).is_ok(), "{good}");
        }
        assert_eq!(
            parse_url("no scheme").unwrap_err(),
            UrlError::Parse(url::ParseError::RelativeUrlWithoutBase)
        );
        let d =
            join_base_url(Some("https://jira.bücher.example"), "/x", &mut Vec::new()).unwrap_err();
        assert_eq!(d.code, "invalid-base-url");
        assert!(d.message.contains("xn--"), "{}", d.message);
    }

    #[test]
    fn components_are_percent_encoded() {
        assert_eq!(encode_component("on prem/jira?"), "on%20prem%2Fjira%3F");
        assert_eq!(encode_component("é"), "%C3%A9");
    }

    #[test]
    fn debug_masks_the_body() {
        let r = Request {
            method: "POST",
            path: "/".into(),
            url: None,
            headers: Headers::json(true),
            body: Some(serde_json::json!({"pat": "ghp_secret"})),
        };
        assert!(!format!("{r:?}").contains("ghp_secret"));
    }
}
