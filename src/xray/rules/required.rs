//! Mandatory fields: all but `skip_proxy` on create (R18), `connection_name` on update (R21).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::values::is_blank;
use crate::xray::context::{Ctx, Operation};
use crate::xray::fields::{FIELDS, MAX_NAME_CHARS};

/// A mandatory field is absent, null or blank.
pub const MISSING_REQUIRED_FIELD: Code = Code::new(
    "xray-missing-required-field",
    Severity::Error,
    "A mandatory field is missing, null or blank (create: every field but skip_proxy, R18; update: connection_name, R21, and no blank value for the others).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[MISSING_REQUIRED_FIELD],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for field in FIELDS {
        let name = field.name;
        let present = ctx.get(name).is_some();
        // An update may leave a field out, but a blank value would erase a mandatory setting.
        let required = match ctx.op {
            Operation::Create => field.required_on_create,
            Operation::Update => field.required_on_update || (field.required_on_create && present),
        };
        // A value of another type is reported by the JSON-type rule.
        if !required || ctx.text(name).is_some() || ctx.get(name).is_some_and(|v| !v.is_string()) {
            continue;
        }
        let state = if present { "is blank" } else { "is missing" };
        let why = match ctx.op {
            Operation::Create => "creating an integration needs it",
            Operation::Update if field.required_on_update => {
                "an update names the integration in the body as well as the URL"
            }
            Operation::Update => "leave it out to keep the current value",
        };
        let mut d = Diagnostic::new(
            &MISSING_REQUIRED_FIELD,
            ptr(name),
            format!("{name} {state}; {why}."),
        )
        .param("field", name)
        .param(
            "operation",
            if ctx.creating() { "create" } else { "update" },
        );
        let fix = match name {
            "auth_type" => Some("\"auth_type\": \"basic\"".to_string()),
            "connection_name" => ctx
                .connection_name
                .filter(|n| !is_blank(n) && n.encode_utf16().count() <= MAX_NAME_CHARS)
                .map(|n| format!("\"connection_name\": {}", serde_json::Value::from(n))),
            _ => None,
        };
        if let Some(fix) = fix {
            d = d.suggest(fix);
        }
        out.push(d);
    }
}
