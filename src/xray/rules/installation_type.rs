//! `installation_type` (R20): `cloud` or `server`. Jira Data Center is `server`.

use super::{Rule, not_allowed};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::xray::context::Ctx;
use crate::xray::fields::INSTALLATION_TYPES;

/// Not `cloud` or `server`.
pub const INVALID_INSTALLATION_TYPE: Code = Code::new(
    "xray-invalid-installation-type",
    Severity::Error,
    "installation_type is not cloud or server (R20); Jira Data Center is server.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[INVALID_INSTALLATION_TYPE],
    check,
};

/// Self-managed Jira under other names.
const SERVER_NAMES: &[&str] = &[
    "datacenter",
    "dc",
    "onprem",
    "onpremise",
    "onpremises",
    "selfhosted",
    "selfmanaged",
];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(value) = ctx.text("installation_type") else {
        return;
    };
    if INSTALLATION_TYPES.contains(&value) {
        return;
    }
    let mut d = not_allowed(
        &INVALID_INSTALLATION_TYPE,
        "installation_type",
        value,
        INSTALLATION_TYPES,
        "an installation_type",
    );
    let squashed: String = value
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if d.suggestion.is_none() && SERVER_NAMES.contains(&squashed.as_str()) {
        d.message = "Self-managed Jira (Server or Data Center) is installation_type server.".into();
        d = d.suggest("server");
    }
    out.push(d);
}
