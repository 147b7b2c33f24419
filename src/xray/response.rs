//! The API's responses (reference §B1 to §B5) in one shape: the HTTP status, the `{info}` or
//! `{error}` body, the settings of a details call, the status check's health (whose failures
//! come with HTTP 200), and a plain-English explanation of what happened.

use super::build::Action;
use super::fields::{AUTH_TYPES, RESPONSE_AUTH_TYPES};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::json;
use crate::redact::redact;
use crate::values::is_blank;
use serde::Serialize;
use serde_json::{Map, Value};

/// The body is not JSON (an HTML error or login page, plain text).
pub const NON_JSON_RESPONSE: Code = Code::new(
    "xray-non-json-response",
    Severity::Warning,
    "The response body is not JSON (an HTML error or login page from a proxy, or a wrong base URL), so Xray did not answer it.",
);
/// JSON, but not a documented shape.
pub const UNEXPECTED_RESPONSE: Code = Code::new(
    "xray-unexpected-response",
    Severity::Warning,
    "The response is JSON but not a documented Xray shape (not an object, no status in a status check, an unknown auth_type or status).",
);

/// The codes the response parser can emit.
pub const CODES: &[Code] = &[NON_JSON_RESPONSE, UNEXPECTED_RESPONSE];

/// The status check's `status` values (§B5); only the first is healthy.
pub const HEALTH_STATUSES: &[&str] = &[
    "HEALTHY_INTEGRATION",
    "FAULTY_CONFIGURATION",
    "INTEGRATION_NOT_FOUND",
    "INTERNAL_SERVER_ERROR",
];

/// A parsed response.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct XrayResponse {
    /// The call did what was asked (for the status check: the integration is healthy).
    pub ok: bool,
    /// The HTTP status.
    pub status: u16,
    /// The server's success text (`info`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub info: Option<String>,
    /// The server's error text (`error`, `errors[].message`, or a failed check's `reason`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// What happened, in plain English.
    pub explanation: String,
    /// The settings (details) or the status object (status check), secrets masked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details: Option<Value>,
    /// The status check's `status`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub health_status: Option<String>,
    /// Problems reading the response.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a response. `action` is the call that produced it; when `None` it is guessed from the
/// body (a status object, a details object), and explanations are generic. What it returns is
/// redacted: texts, details and diagnostics.
///
/// ```
/// use jira_integration_payloads::xray;
///
/// let text = r#"{"status": "error", "reason": "Unauthorized"}"#;
/// let response = xray::parse_response(200, text, Some(xray::Action::Status));
/// assert!(!response.ok);
/// assert_eq!(response.health_status.as_deref(), Some("error"));
/// ```
pub fn parse_response(status: u16, text: &str, action: Option<Action>) -> XrayResponse {
    let mut r = read_response(status, text, action);
    r.details = r.details.as_ref().map(redact);
    for s in [&mut r.info, &mut r.error, &mut r.health_status]
        .into_iter()
        .flatten()
        .chain([&mut r.explanation])
    {
        *s = crate::redact::redact_url(s);
    }
    r.diagnostics.iter_mut().for_each(Diagnostic::redact);
    r
}

fn read_response(status: u16, given: &str, action: Option<Action>) -> XrayResponse {
    // A body with a byte order mark is read as the body without it, as every JSON entry point
    // reads it: a BOM alone is an empty body, and a BOM before `{` is JSON, not plain text.
    let text = json::without_bom(given);
    let mut r = XrayResponse {
        ok: false,
        status,
        info: None,
        error: None,
        explanation: String::new(),
        details: None,
        health_status: None,
        diagnostics: Vec::new(),
    };
    let (value, from_xray) = read_body(given, &mut r.diagnostics);
    let obj = value.as_ref().and_then(Value::as_object);
    if value.is_some() && obj.is_none() {
        r.diagnostics.push(Diagnostic::new(
            &UNEXPECTED_RESPONSE,
            "",
            "The response is JSON but not an object.",
        ));
    }
    let action = action.or_else(|| obj.and_then(guess_action));
    if let Some(obj) = obj {
        r.info = text_of(obj, "info");
        r.error = text_of(obj, "error").or_else(|| errors_text(obj));
    }
    if !(200..300).contains(&status) {
        r.explanation = explain_failure(status, action, from_xray);
        // A status check may answer 404 or 500 with its status object.
        if let (Some(Action::Status), Some(obj)) = (action, obj) {
            if obj.get("status").and_then(Value::as_str).is_some() {
                health(&mut r, obj);
                r.explanation = explain_failure(status, action, from_xray);
            }
        }
        return r;
    }
    if !from_xray && !is_blank(text) {
        r.explanation = format!(
            "The server answered {status} with a page that is not Xray's JSON: a login page, a proxy or a wrong base URL answered."
        );
        return r;
    }
    r.ok = r.error.is_none();
    r.explanation = match (action, obj) {
        (Some(Action::Status), Some(obj)) => health(&mut r, obj),
        (Some(Action::Status), None) => {
            r.ok = false;
            unexpected(&mut r, "", "The status check's response has no status.");
            "The status check returned no status.".into()
        }
        (Some(Action::Details), Some(obj)) => {
            check_details(obj, &mut r.diagnostics);
            r.details = Some(redact(&Value::Object(obj.clone())));
            "The integration's settings are in details; the password is never returned.".into()
        }
        _ if r.error.is_some() => "The server reported an error despite the success status.".into(),
        (Some(Action::Create), _) => "The integration was created.".into(),
        (Some(Action::Update), _) => "The integration was updated.".into(),
        (Some(Action::Delete), _) => "The integration was deleted.".into(),
        (Some(Action::Details), None) => {
            r.ok = false;
            unexpected(&mut r, "", "The details response has no settings object.");
            "The details response holds no settings.".into()
        }
        (None, _) => "The request succeeded.".into(),
    };
    r
}

/// The JSON value of the body (`None` when empty or not JSON) and whether it is JSON.
/// Reads the body as given: `json::parse` drops its one byte order mark, so a second one is
/// text, not JSON.
fn read_body(text: &str, diagnostics: &mut Vec<Diagnostic>) -> (Option<Value>, bool) {
    let trimmed = json::without_bom(text).trim_start();
    if trimmed.is_empty() {
        return (None, false);
    }
    match json::parse(text) {
        Ok(p) => (Some(p.value), true),
        // Text that starts like JSON is reported as malformed JSON, at its position.
        Err(d) if trimmed.starts_with(['{', '[']) => {
            diagnostics.push(d);
            (None, false)
        }
        Err(_) => {
            let html = trimmed.starts_with('<');
            let message = if html {
                "The response is an HTML page, not Xray's JSON; a proxy, a login page or a wrong base URL answered."
            } else {
                "The response is plain text, not Xray's JSON."
            };
            diagnostics.push(
                Diagnostic::new(&NON_JSON_RESPONSE, "", message)
                    .param("content", if html { "html" } else { "text" }),
            );
            (None, false)
        }
    }
}

fn text_of(obj: &Map<String, Value>, key: &str) -> Option<String> {
    obj.get(key)
        .and_then(Value::as_str)
        .map(|s| crate::text::truncate(s, 500))
}

/// The JFrog platform's error shape, `{"errors": [{"message": "..."}]}`.
fn errors_text(obj: &Map<String, Value>) -> Option<String> {
    let messages: Vec<String> = obj
        .get("errors")?
        .as_array()?
        .iter()
        .filter_map(|e| e.get("message").and_then(Value::as_str))
        .map(|m| crate::text::truncate(m, 500))
        .collect();
    (!messages.is_empty()).then(|| messages.join("; "))
}

fn guess_action(obj: &Map<String, Value>) -> Option<Action> {
    if obj.contains_key("integration_name")
        || obj
            .get("status")
            .and_then(Value::as_str)
            .is_some_and(|s| HEALTH_STATUSES.contains(&s))
    {
        Some(Action::Status)
    } else if obj.contains_key("connection_name") {
        Some(Action::Details)
    } else {
        None
    }
}

fn unexpected(r: &mut XrayResponse, path: &str, message: &str) {
    r.diagnostics
        .push(Diagnostic::new(&UNEXPECTED_RESPONSE, path, message));
}

/// The status check: `FAULTY_CONFIGURATION` and the others fail although HTTP says 200.
fn health(r: &mut XrayResponse, obj: &Map<String, Value>) -> String {
    r.details = Some(redact(&Value::Object(obj.clone())));
    let reason = text_of(obj, "reason");
    let Some(status) = obj.get("status").and_then(Value::as_str) else {
        r.ok = false;
        unexpected(r, "/status", "The status check's response has no status.");
        return "The status check returned no status.".into();
    };
    r.health_status = Some(crate::text::truncate(status, 60));
    let explanation = match status {
        "HEALTHY_INTEGRATION" => {
            r.info = r.info.take().or(reason);
            return "Xray can connect to Jira with this integration.".into();
        }
        "FAULTY_CONFIGURATION" => {
            "The integration exists but Xray cannot connect to Jira with it (the check still answers HTTP 200): check jira_server_url, the username, the password or API token, and skip_proxy."
        }
        "INTEGRATION_NOT_FOUND" => "No integration has this name.",
        "INTERNAL_SERVER_ERROR" => {
            "Xray failed while checking the integration; try again later or see the Xray logs."
        }
        _ => {
            unexpected(
                r,
                "/status",
                "The status check returned a status that is not documented.",
            );
            "The status check returned an unknown status, so the integration's health is not known."
        }
    };
    r.ok = false;
    r.error = r.error.take().or(reason);
    explanation.into()
}

/// A details object: `auth_type` may be `oauth1` or `oauth2` here (R19).
fn check_details(obj: &Map<String, Value>, diagnostics: &mut Vec<Diagnostic>) {
    if let Some(auth) = obj.get("auth_type").and_then(Value::as_str) {
        if !AUTH_TYPES.contains(&auth) && !RESPONSE_AUTH_TYPES.contains(&auth) {
            diagnostics.push(
                Diagnostic::new(
                    &UNEXPECTED_RESPONSE,
                    "/auth_type",
                    "The details response has an auth_type other than basic, oauth1 or oauth2.",
                )
                .param("value", crate::text::truncate(auth, 40)),
            );
        }
    }
}

fn explain_failure(status: u16, action: Option<Action>, from_xray: bool) -> String {
    let other_style = matches!(action, Some(Action::Update | Action::Details));
    let style_hint = if other_style {
        " If the integration exists, this Xray may expect the other pathStyle (X13)."
    } else {
        ""
    };
    match (status, action) {
        (0, _) => "No HTTP response: the request did not complete (a network error, CORS, or a timeout).".to_string(),
        (300..=399, _) => format!(
            "The server redirected the request (HTTP {status}); use the final address as the base URL, because a redirect can drop the credentials or turn the request into a GET."
        ),
        (400, Some(Action::Create | Action::Update)) => "Xray rejected the request: a field is missing or invalid, or Xray could not connect to Jira with the URL and credentials given (it tests them when saving).".into(),
        (400, Some(Action::Status)) => "The status check needs the integrationName query parameter.".into(),
        (400, _) => "Xray rejected the request as missing or invalid fields.".into(),
        (401, _) => "The request was not authenticated: send a valid JFrog access token (Authorization: Bearer) or an admin's credentials.".into(),
        (403, _) => "Permission denied: managing Jira integrations needs an admin user.".into(),
        (404, _) if !from_xray => format!(
            "The endpoint was not found: check that the base URL is the JFrog platform URL (such as https://acme.jfrog.io) and that Xray is 3.129 or later (3.136 for the status check).{style_hint}"
        ),
        (404, Some(Action::Create)) => "Xray answered 404 to a create request: the endpoint is missing (Xray older than 3.129) or the base URL is wrong.".into(),
        (404, Some(_)) => format!("No integration has this connection name.{style_hint}"),
        (404, None) => "Not found: no integration has this connection name, or the endpoint does not exist.".into(),
        (405, _) => "The server does not accept this method on this path; for update and details, try the other pathStyle (X13).".into(),
        (409, Some(Action::Create)) => "An integration with this connection name may already exist; names are unique.".into(),
        (500, Some(a)) => format!(
            "Xray failed to {} (an internal error); the error text may say why.",
            match a {
                Action::Create => "create the integration",
                Action::Update => "update the integration",
                Action::Details => "read the integration",
                Action::Delete => "delete the integration",
                Action::Status => "check the integration",
            }
        ),
        (500, None) => "Xray failed with an internal error; the error text may say why.".into(),
        (502..=504, _) => "Xray, or a proxy in front of it, is unavailable or timed out; try again later.".into(),
        (400..=499, _) => format!("The request was refused (HTTP {status})."),
        (500..=599, _) => format!("The server failed (HTTP {status})."),
        _ => format!("Unexpected HTTP status {status}."),
    }
}
