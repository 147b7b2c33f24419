//! `auth_type` (R19, X16): `basic` is the only value requests accept; `oauth1` and `oauth2` exist
//! only in responses, for integrations made in the Xray UI.

use super::{Rule, not_allowed, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::xray::context::Ctx;
use crate::xray::fields::{AUTH_TYPES, RESPONSE_AUTH_TYPES};

/// Not `basic`.
pub const INVALID_AUTH_TYPE: Code = Code::new(
    "xray-invalid-auth-type",
    Severity::Error,
    "auth_type is not basic, the only value create and update requests accept (R19).",
);
/// `oauth1` or `oauth2` in a request.
pub const OAUTH_NOT_SUPPORTED: Code = Code::new(
    "xray-oauth-not-supported",
    Severity::Error,
    "auth_type oauth1 or oauth2 appears in details responses for integrations made in the Xray UI, but requests accept basic only (R19).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[INVALID_AUTH_TYPE, OAUTH_NOT_SUPPORTED],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = ctx.text("auth_type") else {
        return;
    };
    if AUTH_TYPES.contains(&value) {
        return;
    }
    let oauth = RESPONSE_AUTH_TYPES
        .iter()
        .find(|o| o.eq_ignore_ascii_case(value.trim()));
    match oauth {
        Some(o) => out.push(
            Diagnostic::new(
                &OAUTH_NOT_SUPPORTED,
                ptr("auth_type"),
                format!(
                    "{o} integrations can be made only in the Xray UI; the REST API accepts auth_type basic only, with a username and password or API token."
                ),
            )
            .param("field", "auth_type")
            .param("value", *o)
            .param("allowed", AUTH_TYPES.to_vec())
            .suggest("basic"),
        ),
        None => out.push(not_allowed(
            &INVALID_AUTH_TYPE,
            "auth_type",
            value,
            AUTH_TYPES,
            "an accepted auth_type",
        )),
    }
}
