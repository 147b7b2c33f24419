//! The JSON type of every field, and the length limit of text fields.

use super::Rule;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::fields::Kind;
use crate::values::{TypeCodes, check_value};
use crate::xray::context::Ctx;
use crate::xray::fields::{FIELDS, MAX_SECRET_CHARS};

/// A field has the wrong JSON type.
pub const WRONG_JSON_TYPE: Code = Code::new(
    "xray-wrong-json-type",
    Severity::Error,
    "The value has the wrong JSON type (skip_proxy is a boolean, every other field a string).",
);
/// A text field is longer than its limit.
pub const STRING_TOO_LONG: Code = Code::new(
    "xray-string-too-long",
    Severity::Error,
    "A text field is longer than its limit (connection_name and username 255, jira_server_url 2000, password 10000 characters).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[WRONG_JSON_TYPE, STRING_TOO_LONG],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let codes = TypeCodes {
        wrong_type: &WRONG_JSON_TYPE,
        too_long: &STRING_TOO_LONG,
    };
    for field in FIELDS {
        let Some(value) = ctx.get(field.name) else {
            continue;
        };
        let limit = match field.kind {
            Kind::String { max_chars } => Some(max_chars),
            Kind::Secret => Some(MAX_SECRET_CHARS),
            _ => None,
        };
        out.extend(check_value(field.name, field.kind, value, limit, &codes));
    }
}
