//! Update-only rules: the URL id, a body `id` and the current integration's id that must match
//! it, a `current` option that is one integration, and an update that changes nothing.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::{Ctx, CurrentProblem, Operation};
use crate::gij::fields::{READ_ONLY, field_named};
use crate::json::view::{JsonRef, Shape};

/// The update URL's id is missing or not a positive integer.
pub const INVALID_INTEGRATION_ID: Code = Code::new(
    "invalid-integration-id",
    Severity::Error,
    "An update needs integrationId, a whole number from 1 to 2147483647 (the id in the URL, a Java Integer).",
);
/// The body's `id` differs from the URL's.
pub const ID_MISMATCH: Code = Code::new(
    "id-mismatch",
    Severity::Error,
    "The body's id differs from the integrationId in the URL.",
);
/// The `current` option is not one integration object.
pub const INVALID_CURRENT: Code = Code::new(
    "invalid-current",
    Severity::Error,
    "The current option is not one integration (it is a list, an error response, text that is not JSON, or an object without id or type); the update cannot be judged against it.",
);
/// The current integration's `id` differs from the URL's.
pub const CURRENT_ID_MISMATCH: Code = Code::new(
    "current-id-mismatch",
    Severity::Error,
    "The current integration's id differs from integrationId: the change would be judged against one integration and sent to another.",
);
/// The update changes nothing.
pub const EMPTY_UPDATE: Code = Code::new(
    "empty-update",
    Severity::Warning,
    "The update body sets no field, or only values the integration already has.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        INVALID_INTEGRATION_ID,
        ID_MISMATCH,
        INVALID_CURRENT,
        CURRENT_ID_MISMATCH,
        EMPTY_UPDATE,
    ],
    check,
};

/// The largest integration id: the id is a Java `Integer` (GIJ-UPD, GIJ-DEL).
pub const MAX_INTEGRATION_ID: u64 = i32::MAX as u64;

/// The update id when it is a Java `Integer` from 1 to 2^31 - 1: a whole number however written
/// (`7`, `7.0`) or that number's digits in a string.
pub fn integration_id<'a>(v: Option<impl Into<JsonRef<'a>>>) -> Option<u64> {
    let id = match v?.into().shape() {
        Shape::Number(n) => crate::values::whole_number(n),
        Shape::String(s) => crate::json::number_literal(s.trim())
            .as_ref()
            .and_then(crate::values::whole_number),
        _ => None,
    }?;
    u64::try_from(id)
        .ok()
        .filter(|id| (1..=MAX_INTEGRATION_ID).contains(id))
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.op != Operation::Update {
        return;
    }
    let id = integration_id(ctx.integration_id);
    if id.is_none() {
        let message = if ctx.integration_id.is_some() {
            "integrationId must be a whole number from 1 to 2147483647 (a Java Integer)."
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
    check_current(ctx, id, out);
    let changes = ctx.body.iter().filter(|(k, v)| {
        !READ_ONLY.contains(k)
            && field_named(k).is_some()
            && !v.is_null()
            && ctx
                .current
                .is_none_or(|c| c.get(*k).is_none_or(|was| !v.equals(was)))
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

fn check_current(ctx: &Ctx<'_>, url_id: Option<u64>, out: &mut Vec<Diagnostic>) {
    if let Some(problem) = ctx.current_problem {
        let (what, message) = match problem {
            CurrentProblem::List(n) => (
                "list",
                format!("current is a list of {n} items, not one integration; pass the GET response for the one integration, or the object itself."),
            ),
            CurrentProblem::ErrorResponse => (
                "error-response",
                "current is an error response (success false or an error member), not an integration.".to_string(),
            ),
            CurrentProblem::NotJson => (
                "not-json",
                "current is text that is not JSON; pass the parsed GET response or its text.".to_string(),
            ),
            CurrentProblem::NotAnIntegration => (
                "not-an-integration",
                "current is an object without id, type or integrationType, so it is not an integration.".to_string(),
            ),
            CurrentProblem::NotAnObject(found) => (
                "not-an-object",
                format!("current is {found}, not an integration object."),
            ),
        };
        out.push(
            Diagnostic::new(&INVALID_CURRENT, "", message)
                .param("option", "current")
                .param("found", what),
        );
        return;
    }
    let current_id = ctx.current.and_then(|c| c.get("id"));
    if let (Some(url_id), Some(current_id)) = (url_id, current_id) {
        if integration_id(Some(current_id)) != Some(url_id) {
            out.push(
                Diagnostic::new(
                    &CURRENT_ID_MISMATCH,
                    "",
                    format!("The current integration's id is not integrationId {url_id}."),
                )
                .param("option", "current")
                .param("integrationId", url_id),
            );
        }
    }
}
