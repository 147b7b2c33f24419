//! The entry points: validate a payload value or a JSON text.

use super::context::{Ctx, Options};
use super::rules::RULES;
use crate::diagnostics::{Diagnostic, Report};
use crate::gij::rules::json_type_name;
use crate::gij::validate::BODY_NOT_OBJECT;
use crate::json;
use serde_json::Value;

/// Validates a payload, collecting every problem in one pass.
pub fn validate(payload: &Value, options: &Options) -> Report {
    Report::new(diagnostics(payload, options))
}

/// Validates a JSON text; diagnostics carry `line` and `column`.
pub fn validate_json(text: &str, options: &Options) -> Report {
    match json::parse(text) {
        Err(d) => Report::new(vec![d]),
        Ok(parsed) => {
            let mut all = parsed.diagnostics;
            all.extend(diagnostics(&parsed.value, options));
            json::locate(text, &mut all);
            Report::new(all)
        }
    }
}

fn diagnostics(payload: &Value, options: &Options) -> Vec<Diagnostic> {
    let Some(body) = payload.as_object() else {
        let found = json_type_name(payload);
        return vec![
            Diagnostic::new(
                &BODY_NOT_OBJECT,
                "",
                format!("The body must be a JSON object, not {found}."),
            )
            .param("found", found),
        ];
    };
    let ctx = Ctx::new(body, options);
    let mut out = Vec::new();
    for rule in RULES {
        (rule.check)(&ctx, &mut out);
    }
    out
}
