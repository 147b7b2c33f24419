//! The API's responses (reference §A4, X12) in one shape: `success` as `"true"` or `true`,
//! `integration` as an object or a one-element array, `integrations` for lists, and the error
//! shape `{success: false, error, advice}`.

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::json;
use crate::redact::{redact, redact_url};
use serde::Serialize;
use serde_json::Value;

/// The body is not one of the documented response shapes.
pub const UNEXPECTED_RESPONSE: Code = Code::new(
    "unexpected-response",
    Severity::Warning,
    "The response is not one of the documented shapes (no success field, or not an object).",
);

/// A parsed response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct IntegrationResponse {
    /// The call succeeded.
    pub ok: bool,
    /// The integration (add, update, get one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration: Option<Value>,
    /// The integrations (list).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integrations: Option<Vec<Value>>,
    /// The server's error text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The server's advice for the error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub advice: Option<String>,
    /// Problems reading the response.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a response text. What it returns is redacted: the server echoes the integration,
/// credentials included, and its error texts may quote a URL with credentials.
///
/// ```
/// use jira_integration_payloads::gij;
///
/// let text = r#"{"success": "true", "integration": [{"id": 7, "type": "GITHUB", "pat": "ghp_secret"}]}"#;
/// let response = gij::parse_response(text);
/// assert!(response.ok);
/// let integration = response.integration.expect("the integration");
/// assert_eq!(integration["id"], 7);
/// assert_eq!(integration["pat"], "[REDACTED]");
/// ```
pub fn parse_response(text: &str) -> IntegrationResponse {
    let mut r = read_response(text);
    r.integration = r.integration.as_ref().map(redact);
    r.integrations = r
        .integrations
        .map(|items| items.iter().map(redact).collect());
    for s in r.error.iter_mut().chain(r.advice.iter_mut()) {
        *s = redact_url(s);
    }
    r.diagnostics.iter_mut().for_each(Diagnostic::redact);
    r
}

fn read_response(text: &str) -> IntegrationResponse {
    let mut r = IntegrationResponse {
        ok: false,
        integration: None,
        integrations: None,
        error: None,
        advice: None,
        diagnostics: Vec::new(),
    };
    let value = match json::parse(text) {
        Ok(p) => p.value,
        Err(d) => {
            r.diagnostics.push(d);
            return r;
        }
    };
    let Some(obj) = value.as_object() else {
        r.diagnostics.push(Diagnostic::new(
            &UNEXPECTED_RESPONSE,
            "",
            "The response is not a JSON object.",
        ));
        return r;
    };
    let text_of = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_string);
    r.error = text_of("error");
    r.advice = text_of("advice");
    let success = match obj.get("success") {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    };
    if success.is_none() {
        r.diagnostics.push(Diagnostic::new(
            &UNEXPECTED_RESPONSE,
            "/success",
            "The response has no success field of true or false.",
        ));
    }
    r.ok = success.unwrap_or(false) && r.error.is_none();
    match obj.get("integration") {
        Some(Value::Array(items)) if items.len() == 1 => r.integration = items.first().cloned(),
        Some(Value::Array(items)) => r.integrations = Some(items.clone()),
        Some(v @ Value::Object(_)) => r.integration = Some(v.clone()),
        _ => {}
    }
    if let Some(Value::Array(items)) = obj.get("integrations") {
        r.integrations = Some(items.clone());
    }
    r
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn documented_shapes() {
        let add = parse_response(
            r#"{"success": "true", "integration": {"id": 1, "integrationType": "GITLAB"}}"#,
        );
        assert!(add.ok && add.integration.unwrap()["id"] == 1);
        let get = parse_response(r#"{"success": "true", "integration": [{"id": 2}]}"#);
        assert_eq!(get.integration.unwrap()["id"], 2);
        let list = parse_response(r#"{"success": true, "integrations": [{"id": 1}, {"id": 2}]}"#);
        assert_eq!(list.integrations.unwrap().len(), 2);
        let err = parse_response(
            r#"{"success": false, "error": "Repository with id=5 does not exist", "advice": "Please try again with an existing repository id."}"#,
        );
        assert!(!err.ok);
        assert_eq!(
            err.error.as_deref(),
            Some("Repository with id=5 does not exist")
        );
        assert!(err.diagnostics.is_empty());
    }

    #[test]
    fn odd_bodies_are_diagnosed() {
        assert_eq!(
            parse_response("[]").diagnostics[0].code,
            "unexpected-response"
        );
        assert_eq!(
            parse_response("{}").diagnostics[0].code,
            "unexpected-response"
        );
        assert_eq!(parse_response("<html>").diagnostics[0].code, "invalid-json");
    }
}
