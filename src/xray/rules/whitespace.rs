//! White space around values: plain text fields (the builder trims them) and the password
//! (sent as typed, never trimmed). `connection_name` has its own, stricter rule; `auth_type` and
//! `installation_type` report padding as a wrong value with the trimmed suggestion.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::values::{is_blank, is_padded};
use crate::xray::context::Ctx;

/// Leading or trailing white space in `username` or `jira_server_url`.
pub const SURROUNDING_WHITESPACE: Code = Code::new(
    "xray-surrounding-whitespace",
    Severity::Warning,
    "username or jira_server_url starts or ends with white space, which the server may keep; the builder trims it.",
);
/// A password with leading or trailing white space.
pub const PASSWORD_WHITESPACE: Code = Code::new(
    "xray-password-whitespace",
    Severity::Warning,
    "The password starts or ends with white space; it is sent as typed, so check it was not pasted by mistake.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[SURROUNDING_WHITESPACE, PASSWORD_WHITESPACE],
    check,
};

fn padded(s: &str) -> bool {
    !is_blank(s) && is_padded(s)
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for name in ["username", "jira_server_url"] {
        if ctx.str(name).is_some_and(padded) {
            out.push(
                Diagnostic::new(
                    &SURROUNDING_WHITESPACE,
                    ptr(name),
                    format!("{name} has white space at its start or end."),
                )
                .param("field", name)
                .suggest("Remove the surrounding spaces."),
            );
        }
    }
    if ctx.str("password").is_some_and(padded) {
        out.push(
            Diagnostic::new(
                &PASSWORD_WHITESPACE,
                ptr("password"),
                "The password has white space at its start or end; it is sent as typed.",
            )
            .param("field", "password"),
        );
    }
}
