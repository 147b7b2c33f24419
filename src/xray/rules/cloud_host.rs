//! `installation_type` against the URL's host. Atlassian Cloud sites are `<site>.atlassian.net`;
//! a cloud URL elsewhere is a custom domain (an Atlassian early-access feature, where the
//! atlassian.net address stays the reliable one for API clients), a legacy `*.jira.com` address
//! (which redirects, and a redirect to another host drops the Authorization header), or a mistake.
//! Warnings, because custom domains exist.

use super::jira_url::{clean, is_cloud_host, jira_url};
use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::xray::context::Ctx;

/// The type and the host disagree.
pub const INSTALLATION_TYPE_MISMATCH: Code = Code::new(
    "xray-installation-type-mismatch",
    Severity::Warning,
    "installation_type does not fit the URL's host: cloud with a host other than <site>.atlassian.net, or server with an atlassian.net host.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[INSTALLATION_TYPE_MISMATCH],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(kind), Some(url)) = (ctx.text("installation_type"), jira_url(ctx)) else {
        return;
    };
    let host = url.host_str().unwrap_or("");
    let path = "/installation_type";
    let diagnostic = match kind {
        "cloud" if is_cloud_host(url) => return,
        "cloud" if host == "jira.com" || host.ends_with(".jira.com") => Diagnostic::new(
            &INSTALLATION_TYPE_MISMATCH,
            ptr("jira_server_url"),
            "jira.com is a legacy Atlassian Cloud domain that redirects to <site>.atlassian.net, and a redirect drops the credentials; use the atlassian.net address.",
        ),
        "cloud" => Diagnostic::new(
            &INSTALLATION_TYPE_MISMATCH,
            path,
            "installation_type is cloud but the URL is not an Atlassian Cloud address (<site>.atlassian.net); use server for self-managed Jira, or the site's atlassian.net address if this is a custom domain.",
        ),
        "server" if is_cloud_host(url) => {
            let mut site = url.clone();
            site.set_path("");
            Diagnostic::new(
                &INSTALLATION_TYPE_MISMATCH,
                path,
                format!(
                    "installation_type is server but {} is an Atlassian Cloud site; use cloud.",
                    clean(&site).trim_end_matches('/')
                ),
            )
            .suggest("cloud")
        }
        _ => return,
    };
    out.push(
        diagnostic
            .param("installationType", kind)
            .param("host", crate::text::truncate(host, 60)),
    );
}
