//! Transport security: Xray sends the Jira username and password with every call (basic auth),
//! so a plain-http `jira_server_url` exposes them to anyone on the network. Loopback hosts are
//! exempt. Atlassian Cloud serves https only, so there the warning also saves a redirect.

use super::jira_url::{clean, jira_url};
use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::url::is_loopback;
use crate::xray::context::Ctx;

/// Plain http with basic credentials.
pub const INSECURE_JIRA_URL: Code = Code::new(
    "xray-insecure-jira-url",
    Severity::Warning,
    "jira_server_url uses plain http while Xray signs in with basic credentials; the password crosses the network unencrypted.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[INSECURE_JIRA_URL],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(url) = jira_url(ctx) else {
        return;
    };
    // Requests carry basic only; an absent auth_type (update) keeps the current one, basic for
    // integrations made through the API.
    let basic = ctx.str("auth_type").is_none_or(|a| a.trim() == "basic");
    if url.scheme() != "http" || !basic || is_loopback(url) {
        return;
    }
    let mut secure = url.clone();
    let _ = secure.set_scheme("https");
    out.push(
        Diagnostic::new(
            &INSECURE_JIRA_URL,
            ptr("jira_server_url"),
            "jira_server_url uses plain http; Xray sends the Jira username and password with every call, readable by anyone on the network.",
        )
        .suggest(clean(&secure)),
    );
}
