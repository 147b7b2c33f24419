//! The entry points: validate a payload value or a JSON text.

use super::context::{Ctx, Options};
use super::rules::RULES;
use crate::diagnostics::Report;
use crate::engine::{self, Api, Body, Check, Rule};
use serde_json::Value;

/// Git Integration for Jira, as the engine validates it.
pub(crate) struct Gij;

impl Api for Gij {
    type Options = Options;
    type Ctx<'a> = Ctx<'a>;

    fn context<'a>(body: Body<'a>, options: &'a Options) -> Ctx<'a> {
        Ctx::new(body, options)
    }

    fn rules<'a>() -> &'a [Rule<Check<Ctx<'a>>>] {
        RULES
    }
}

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
    engine::validate::<Gij>(payload, options)
}

/// Validates a JSON text; diagnostics carry `line` and `column`.
///
/// ```
/// use jira_integration_payloads::gij;
///
/// let text = "{\n  \"type\": \"GERRIT\",\n  \"username\": \"u\", \"password\": \"p\"\n}";
/// let report = gij::validate_json(text, &gij::Options::default());
/// let missing = &report.diagnostics[0];
/// assert_eq!((missing.code.id, missing.path.as_str()), ("missing-required-field", "/origin"));
/// // The password never appears in a diagnostic.
/// assert!(report.diagnostics.iter().all(|d| !format!("{d:?}").contains("\"p\"")));
/// ```
pub fn validate_json(text: &str, options: &Options) -> Report {
    engine::validate_json::<Gij>(text, options)
}
