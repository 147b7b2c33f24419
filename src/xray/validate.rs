//! The entry points: validate a payload value or a JSON text.

use super::context::{Ctx, Options};
use super::rules::RULES;
use crate::diagnostics::Report;
use crate::engine::{self, Api, Body, Check, Rule};
use serde_json::Value;

/// JFrog Xray, as the engine validates it.
pub(crate) struct Xray;

impl Api for Xray {
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
    engine::validate::<Xray>(payload, options)
}

/// Validates a JSON text; diagnostics carry `line` and `column`.
pub fn validate_json(text: &str, options: &Options) -> Report {
    engine::validate_json::<Xray>(text, options)
}
