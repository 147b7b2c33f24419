//! The entry points: validate a payload value or a JSON text.

use super::context::{Ctx, Options};
use super::rules::RULES;
use crate::diagnostics::{Diagnostic, Report};
use crate::engine::{Members, body_object, run, validate_text};
use serde_json::Value;

/// Validates a payload, collecting every problem in one pass.
///
/// ```
/// use jira_integration_payloads::xray;
/// use serde_json::json;
///
/// let body = json!({"connection_name": "jira", "jira_server_url": "https://acme.atlassian.net",
///     "installation_type": "cloud", "auth_type": "basic", "username": "u", "password": "<token>",
///     "authType": "basic"});
/// let report = xray::validate(&body, &xray::Options::default());
/// assert_eq!(report.diagnostics[0].code, "xray-unknown-field");
/// ```
pub fn validate(payload: &Value, options: &Options) -> Report {
    Report::new(diagnostics(payload, options))
}

/// Validates a JSON text; diagnostics carry `line` and `column`.
pub fn validate_json(text: &str, options: &Options) -> Report {
    validate_text(text, |value| diagnostics(value, options))
}

fn diagnostics(payload: &Value, options: &Options) -> Vec<Diagnostic> {
    match body_object(payload) {
        Ok(body) => run(&Ctx::new(&Members::of(body), options), RULES),
        Err(d) => vec![d],
    }
}
