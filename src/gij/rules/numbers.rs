//! Integer fields (`maxMinsToCommitEmail` >= 0, `folderDepth` 1 to 5): whole numbers in range.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::Kind;
use crate::values::whole_number;

/// A number with a fractional part where a whole number is needed.
pub const NOT_AN_INTEGER: Code = Code::new(
    "not-an-integer",
    Severity::Error,
    "The number must be a whole number.",
);
/// A whole number outside the field's range.
pub const OUT_OF_RANGE: Code = Code::new(
    "out-of-range",
    Severity::Error,
    "The number is outside the field's range (maxMinsToCommitEmail >= 0; folderDepth 1 to 5).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[NOT_AN_INTEGER, OUT_OF_RANGE],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for &(field, value) in &ctx.present {
        let Kind::Integer { min, max } = field.kind else {
            continue;
        };
        let Some(n) = value.as_number() else {
            continue;
        };
        let name = field.name;
        let whole = whole_number(n);
        match whole {
            None => out.push(
                Diagnostic::new(
                    &NOT_AN_INTEGER,
                    ptr(name),
                    format!("{name} must be a whole number, not {n}."),
                )
                .param("field", name)
                .param("value", n.clone()),
            ),
            Some(v) if v < min || v > max => {
                let range = if max == i64::from(i32::MAX) {
                    format!("at least {min}")
                } else {
                    format!("from {min} to {max}")
                };
                out.push(
                    Diagnostic::new(
                        &OUT_OF_RANGE,
                        ptr(name),
                        format!("{name} must be {range}; it is {n}."),
                    )
                    .param("field", name)
                    .param("min", min)
                    .param("max", max)
                    .param("value", n.clone())
                    .suggest(v.clamp(min, max).to_string()),
                )
            }
            Some(_) => {}
        }
    }
}
