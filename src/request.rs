//! The HTTP request a builder produces, shared by both APIs: its headers, the base URL joined
//! to its path, and percent-encoded path parts.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::redact::redact;
use crate::url::{NotHttpUrl, has_credentials, parse_http_url};
use serde::Serialize;
use serde_json::Value;
use std::fmt;

/// URL parsing, kept at its 0.1 path; it lives in the crate's `url` module.
pub use crate::url::{NON_ASCII_HOST_FIX, UrlError, parse_url};

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
            .field("path", &crate::redact::redact_text(&self.path))
            .field("url", &self.url.as_deref().map(crate::redact::redact_url))
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
    let url = parse_http_url(base).map_err(|e| match e {
        NotHttpUrl::NonAsciiHost => bad(NON_ASCII_HOST_FIX),
        NotHttpUrl::NoScheme | NotHttpUrl::Invalid(_) => {
            bad("is not a URL such as https://jira.example.com")
        }
        NotHttpUrl::OtherScheme(_) => bad("must start with https:// or http://"),
    })?;
    if has_credentials(&url) {
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
        for (bad, why) in [
            (
                "jira.example.com",
                "is not a URL such as https://jira.example.com",
            ),
            ("https://", "is not a URL such as https://jira.example.com"),
            (
                "jira.example.com:8080",
                "must start with https:// or http://",
            ),
            ("ftp://x", "must start with https:// or http://"),
            ("https://u:p@x", "must not contain credentials"),
            ("https://x/?a=1", "must not have a query or fragment"),
        ] {
            let d = join_base_url(Some(bad), "/x", &mut Vec::new()).unwrap_err();
            assert_eq!(d.code, "invalid-base-url");
            assert_eq!(d.message, format!("baseUrl {why}."));
        }
    }

    #[test]
    fn a_base_url_with_a_non_ascii_host_is_refused() {
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
