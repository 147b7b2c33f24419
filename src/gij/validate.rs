//! The entry points: validate a payload value or a JSON text.

use super::context::{Ctx, Options};
use super::rules::RULES;
use crate::diagnostics::{Diagnostic, Report};
use crate::engine::{Members, body_object, run, validate_text};
use serde_json::Value;

/// Validates a payload, collecting every problem in one pass.
///
/// ```
/// use jira_integration_payloads::gij;
/// use serde_json::json;
///
/// let payload = json!({"type": "GITLAB", "pat": "<pat>", "dispalyName": "Payments"});
/// let report = gij::validate(&payload, &gij::Options::default());
/// assert!(!report.ok);
/// assert_eq!(report.diagnostics[0].code, "unknown-field");
/// assert_eq!(report.diagnostics[0].suggestion.as_deref(), Some("displayName"));
/// ```
pub fn validate(payload: &Value, options: &Options) -> Report {
    Report::new(diagnostics(payload, options))
}

/// Validates a JSON text; diagnostics carry `line` and `column`.
///
/// ```
/// use jira_integration_payloads::gij;
///
/// let text = "{\n  \"type\": \"GERRIT\",\n  \"username\": \"u\", \"password\": \"p\"\n}";
/// let report = gij::validate_json(text, &gij::Options::default());
/// let missing = &report.diagnostics[0];
/// assert_eq!((missing.code, missing.path.as_str()), ("missing-required-field", "/origin"));
/// // The password never appears in a diagnostic.
/// assert!(report.diagnostics.iter().all(|d| !format!("{d:?}").contains("\"p\"")));
/// ```
pub fn validate_json(text: &str, options: &Options) -> Report {
    validate_text(text, |value| diagnostics(value, options))
}

fn diagnostics(payload: &Value, options: &Options) -> Vec<Diagnostic> {
    match body_object(payload) {
        Ok(body) => run(&Ctx::new(&Members::of(body), options), RULES),
        Err(d) => vec![d],
    }
}
