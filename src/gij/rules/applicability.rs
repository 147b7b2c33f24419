//! Fields sent for a type they do not apply to (R4 to R7, R13): ignored (warning) or a sign of the
//! wrong type (error: awsRegion, tfsCollection, folderDepth).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::Misuse;
use crate::values::is_blank;
use serde_json::Value;

/// The field does nothing for this type.
pub const FIELD_NOT_APPLICABLE: Code = Code::new(
    "field-not-applicable",
    Severity::Warning,
    "The field does not apply to this integration type; the server ignores it.",
);
/// The field belongs to other types only.
pub const FIELD_TYPE_SPECIFIC: Code = Code::new(
    "field-type-specific",
    Severity::Error,
    "The field belongs to other types only (awsRegion: AWS; tfsCollection: Microsoft types; folderDepth: FILESPACE).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[FIELD_NOT_APPLICABLE, FIELD_TYPE_SPECIFIC],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(ty) = ctx.ty else { return };
    for &(field, value) in &ctx.present {
        if field.applies.contains(ty) || value.as_str().is_some_and(is_blank) {
            continue;
        }
        let applies: Vec<&str> = field.applies.types().map(|t| t.as_str()).collect();
        let code = match field.misuse {
            Misuse::Ignored => &FIELD_NOT_APPLICABLE,
            Misuse::WrongType => &FIELD_TYPE_SPECIFIC,
        };
        let tail = if field.misuse == Misuse::WrongType {
            format!("it is only for {}", applies.join(", "))
        } else {
            "the server ignores it".to_string()
        };
        out.push(
            Diagnostic::new(
                code,
                ptr(field.name),
                format!(
                    "{} does not apply to {} integrations; {tail}.",
                    field.name,
                    ty.as_str()
                ),
            )
            .param("field", field.name)
            .param("type", ty.as_str())
            .param("appliesTo", Value::from(applies))
            .suggest(format!("Remove {}.", field.name))
            .on_key(),
        );
    }
}
