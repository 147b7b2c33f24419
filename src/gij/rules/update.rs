//! Update-only rules: the URL id, a body `id` that must match it, and an update that changes nothing.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::{Ctx, Operation};
use crate::gij::fields::{READ_ONLY, field_named};
use serde_json::Value;

/// The update URL's id is missing or not a positive integer.
pub const INVALID_INTEGRATION_ID: Code = Code::new(
    "invalid-integration-id",
    Severity::Error,
    "An update needs integrationId, a positive integer (the id in the URL).",
);
/// The body's `id` differs from the URL's.
pub const ID_MISMATCH: Code = Code::new(
    "id-mismatch",
    Severity::Error,
    "The body's id differs from the integrationId in the URL.",
);
/// The update changes nothing.
pub const EMPTY_UPDATE: Code = Code::new(
    "empty-update",
    Severity::Warning,
    "The update body sets no field, or only values the integration already has.",
);

pub(super) const RULE: Rule = Rule {
    name: "update",
    codes: &[INVALID_INTEGRATION_ID, ID_MISMATCH, EMPTY_UPDATE],
    check,
};

/// The update id as a positive integer, when it is one (a number or a string of digits).
pub fn integration_id(v: Option<&Value>) -> Option<u64> {
    let id = match v? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    }?;
    (1..=super::projects::MAX_SAFE_INTEGER)
        .contains(&id)
        .then_some(id)
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.op != Operation::Update {
        return;
    }
    let id = integration_id(ctx.integration_id);
    if id.is_none() {
        let message = if ctx.integration_id.is_some() {
            "integrationId must be a positive integer."
        } else {
            "An update needs integrationId, the id of the integration to change."
        };
        out.push(
            Diagnostic::new(&INVALID_INTEGRATION_ID, "", message).param("option", "integrationId"),
        );
    }
    if let (Some(url_id), Some(body_id)) = (id, ctx.get("id")) {
        if integration_id(Some(body_id)) != Some(url_id) {
            out.push(
                Diagnostic::new(
                    &ID_MISMATCH,
                    ptr("id"),
                    format!("The body's id does not match integrationId {url_id} in the URL."),
                )
                .param("integrationId", url_id)
                .suggest(format!("Remove id, or set it to {url_id}.")),
            );
        }
    }
    let changes = ctx.body.iter().filter(|(k, v)| {
        !READ_ONLY.contains(&k.as_str())
            && field_named(k).is_some()
            && !v.is_null()
            && ctx.current.is_none_or(|c| c.get(k.as_str()) != Some(v))
    });
    if changes.count() == 0 {
        let message = if ctx.current.is_some() {
            "The update sets only values the integration already has."
        } else {
            "The update body sets no field."
        };
        out.push(Diagnostic::new(&EMPTY_UPDATE, "", message));
    }
}
