//! The HTTP request a builder produces, shared by both APIs.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::redact::redact;
use serde::Serialize;
use serde_json::Value;
use std::fmt;
use url::Url;

/// The `baseUrl` option is not an http(s) URL without credentials, query or fragment.
pub const INVALID_BASE_URL: Code = Code::new(
    "invalid-base-url",
    Severity::Error,
    "The baseUrl option is not an http(s) URL without credentials, query or fragment.",
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
    /// Keeps the request only when the report has no error.
    pub fn new(report: Report, request: Request) -> BuildResult {
        BuildResult {
            ok: report.ok,
            request: report.ok.then_some(request),
            diagnostics: report.diagnostics,
        }
    }
}

/// Joins a base URL and a path; `Err` is an `invalid-base-url` diagnostic.
#[allow(clippy::result_large_err)]
pub fn join_base_url(base: Option<&str>, path: &str) -> Result<Option<String>, Diagnostic> {
    let Some(base) = base.map(str::trim).filter(|b| !b.is_empty()) else {
        return Ok(None);
    };
    let bad = |why: &str| {
        Diagnostic::new(&INVALID_BASE_URL, "", format!("baseUrl {why}.")).param("option", "baseUrl")
    };
    let url = Url::parse(base).map_err(|_| bad("is not a URL such as https://jira.example.com"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(bad("must start with https:// or http://"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(bad("must not contain credentials"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(bad("must not have a query or fragment"));
    }
    Ok(Some(format!(
        "{}{path}",
        url.as_str().trim_end_matches('/')
    )))
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
            join_base_url(Some("https://jira.example.com/jira/"), "/rest/x").unwrap(),
            Some("https://jira.example.com/jira/rest/x".into())
        );
        assert_eq!(join_base_url(None, "/x").unwrap(), None);
        for bad in [
            "jira.example.com",
            "ftp://x",
            "https://u:p@x",
            "https://x/?a=1",
        ] {
            assert_eq!(
                join_base_url(Some(bad), "/x").unwrap_err().code,
                "invalid-base-url"
            );
        }
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
