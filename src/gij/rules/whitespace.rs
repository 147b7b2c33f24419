//! Plain text fields with white space around them (the builder trims them; secrets are never
//! trimmed and have their own rule).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::Kind;
use crate::values::{is_blank, is_padded};

/// Leading or trailing white space in a non-secret text field.
pub const SURROUNDING_WHITESPACE: Code = Code::new(
    "surrounding-whitespace",
    Severity::Warning,
    "A text value starts or ends with white space, which the server keeps; the builder trims it.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[SURROUNDING_WHITESPACE],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for &(field, value) in &ctx.present {
        // `type` and `awsRegion` report padding as an unknown value with the trimmed suggestion.
        if !matches!(field.kind, Kind::String { .. })
            || super::languages::LANGUAGE_FIELDS.contains(&field.name)
        {
            continue;
        }
        let Some(s) = value.as_str() else {
            continue;
        };
        if is_blank(s) || !is_padded(s) {
            continue;
        }
        out.push(
            Diagnostic::new(
                &SURROUNDING_WHITESPACE,
                ptr(field.name),
                format!("{} has white space at its start or end.", field.name),
            )
            .param("field", field.name)
            .suggest("Remove the surrounding spaces."),
        );
    }
}
