//! Per-type required fields (R2 `origin`, R4 `awsRegion`), read from the type table: missing when
//! adding, emptied by an update (the state after the request is judged, for the fields it sends).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::types::IntegrationType;

/// A field the type needs is absent or blank.
pub const MISSING_REQUIRED_FIELD: Code = Code::new(
    "missing-required-field",
    Severity::Error,
    "A field this integration type needs is missing or blank (origin for server types, awsRegion for AWS).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[MISSING_REQUIRED_FIELD],
    check,
};

/// The non-credential fields `ty` needs, when adding and after every update.
pub fn required_fields(ty: IntegrationType) -> &'static [&'static str] {
    match ty {
        IntegrationType::Aws => &["awsRegion"],
        t if t.info().origin_required => &["origin"],
        _ => &[],
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(ty) = ctx.ty else {
        return;
    };
    for &name in required_fields(ty) {
        if !ctx.adding() && !ctx.touches(name) {
            continue;
        }
        let after = ctx.after(name);
        if after.is_none_or(|v| v.as_str().is_some_and(crate::values::is_blank)) {
            let what = match name {
                "origin" if ty.info().origin == crate::gij::types::OriginKind::Path => {
                    "the folder path or glob (origin)"
                }
                "origin" => "the host URL (origin)",
                _ => "the region (awsRegion)",
            };
            let mut d = Diagnostic::new(
                &MISSING_REQUIRED_FIELD,
                ptr(name),
                if ctx.adding() {
                    format!("{} integrations need {what}.", ty.as_str())
                } else {
                    format!(
                        "{} integrations need {what}; an update cannot empty it.",
                        ty.as_str()
                    )
                },
            )
            .param("field", name)
            .param("type", ty.as_str());
            let example = ty.info().origin_example;
            if name == "origin" && !example.is_empty() {
                d = d.suggest(format!("\"origin\": \"{example}\""));
            }
            out.push(d);
        }
    }
}
