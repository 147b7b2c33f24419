//! The JSON type of every field, and the length limit of text fields.

use super::Rule;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::Kind;
use crate::values::{TypeCodes, check_value};

/// A field has the wrong JSON type.
pub const WRONG_JSON_TYPE: Code = Code::new(
    "wrong-json-type",
    Severity::Error,
    "The value has the wrong JSON type (e.g. the string \"true\" where a boolean is expected).",
);
/// A text field is longer than its limit.
pub const STRING_TOO_LONG: Code = Code::new(
    "string-too-long",
    Severity::Error,
    "A text field is longer than its limit (2000 characters).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[WRONG_JSON_TYPE, STRING_TOO_LONG],
    check,
};

/// Longest secret accepted; real tokens are under 300 characters.
const MAX_SECRET_CHARS: usize = 10_000;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let codes = TypeCodes {
        wrong_type: &WRONG_JSON_TYPE,
        too_long: &STRING_TOO_LONG,
    };
    for &(field, value) in &ctx.present {
        let limit = match field.kind {
            Kind::String { max_chars } => Some(max_chars),
            Kind::Secret => Some(MAX_SECRET_CHARS),
            _ => None,
        };
        // The field languages have their own length limits and codes.
        let limit = limit.filter(|_| !super::languages::LANGUAGE_FIELDS.contains(&field.name));
        out.extend(check_value(field.name, field.kind, value, limit, &codes));
    }
}
