//! Credential sets the vendor's table documents (§A2) that the git host itself no longer
//! accepts for its REST API: a password where the host now needs a token.
//!
//! Sources, checked 2026-12 (README, "Where the vendor's documents disagree"):
//! - GitHub.com answers password authentication with 401 since 2020-11-13
//!   (<https://developer.github.com/changes/2020-02-14-deprecating-password-auth/>); this was not
//!   applied to GitHub Enterprise Server, so a self-hosted GHE origin is not flagged.
//! - Azure DevOps Services (dev.azure.com, *.visualstudio.com) stopped Alternate Credentials, its
//!   username/password for tools, from 2020-03-02, fully in 2024-01
//!   (<https://devblogs.microsoft.com/devops/azure-devops-will-no-longer-support-alternate-credentials-authentication/>);
//!   Azure DevOps Server and TFS on premises keep their own accounts.
//! - GitLab disabled its password login API (Session API) for two-factor accounts in 8.11 and
//!   removed it in 10.2 (<https://gitlab.com/gitlab-org/gitlab-foss/issues/38595>); GitLab.com
//!   runs the current version, so a GitLab.com origin with a password is flagged.
//! - Bitbucket Cloud's app passwords end on 2026-07-28 for API tokens, but Bitbucket is no
//!   Self-Managed integration type, so no payload here can carry one.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::types::IntegrationType;
use crate::url::parse_url;

/// A username and password for a host that accepts only tokens now.
pub const PASSWORD_AUTH_RETIRED: Code = Code::new(
    "password-auth-retired",
    Severity::Warning,
    "The host no longer accepts a username and password for its API (GitHub.com since 2020-11, Azure DevOps Services since 2020-03, GitLab.com's password login since GitLab 10.2); send a personal access token.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[PASSWORD_AUTH_RETIRED],
    check,
};

/// The hosts that refuse passwords, as the host name's suffix, with what a message says.
const TOKEN_ONLY_HOSTS: &[(&str, &str)] = &[
    (
        "github.com",
        "GitHub.com has refused passwords for its API since 2020-11-13",
    ),
    (
        "dev.azure.com",
        "Azure DevOps Services retired username/password (Alternate Credentials) from 2020-03-02",
    ),
    (
        "visualstudio.com",
        "Azure DevOps Services retired username/password (Alternate Credentials) from 2020-03-02",
    ),
    (
        "gitlab.com",
        "GitLab.com removed its password login API in GitLab 10.2",
    ),
];

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.text("password").is_none() || ctx.text("pat").is_some() {
        return;
    }
    let host = ctx
        .after_str("origin")
        .and_then(|o| parse_url(o.trim()).ok())
        .and_then(|u| u.host_str().map(str::to_owned));
    let by_host = host.as_deref().and_then(|h| {
        TOKEN_ONLY_HOSTS.iter().find(|(suffix, _)| {
            h.strip_suffix(suffix)
                .is_some_and(|p| p.is_empty() || p.ends_with('.'))
        })
    });
    // GITHUB is GitHub.com (and Enterprise Cloud, the same API) whatever the origin says.
    let github = TOKEN_ONLY_HOSTS
        .first()
        .filter(|_| ctx.ty == Some(IntegrationType::Github));
    let Some((suffix, why)) = github.or(by_host) else {
        return;
    };
    out.push(
        Diagnostic::new(
            &PASSWORD_AUTH_RETIRED,
            ptr("password"),
            format!("{why}; this password will be refused."),
        )
        .param("host", host.unwrap_or_else(|| (*suffix).to_owned()))
        .suggest("Create a personal access token on the host and send it as pat instead of username and password."),
    );
}
