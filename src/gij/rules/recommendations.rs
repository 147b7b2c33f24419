//! The vendor's recommendations (R13, R16, R17), as information.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::{Ctx, Operation};
use crate::gij::fields::field_named;

/// Users do not need their own PAT for branch and pull-request actions.
pub const REQUIRE_USER_PAT_RECOMMENDED: Code = Code::new(
    "require-user-pat-recommended",
    Severity::Info,
    "requireUserPat is off: branches and pull requests created from Jira are attributed to the integration's account.",
);
/// `trustFolderStat: true` when adding.
pub const TRUST_FOLDER_STAT_RECOMMENDED: Code = Code::new(
    "trust-folder-stat-recommended",
    Severity::Info,
    "The vendor recommends trustFolderStat false when adding an integration, and always for network shares (R17).",
);
/// `disabled` in an update body.
pub const PREFER_ENABLE_DISABLE_API: Code = Code::new(
    "prefer-enable-disable-api",
    Severity::Info,
    "To enable or disable, the vendor recommends PUT /repository/{id}/disable?disable=true|false over the disabled field (R16).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        REQUIRE_USER_PAT_RECOMMENDED,
        TRUST_FOLDER_STAT_RECOMMENDED,
        PREFER_ENABLE_DISABLE_API,
    ],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    match ctx.op {
        Operation::Add => {
            let supports = ctx.ty.is_some_and(|t| {
                field_named("requireUserPat").is_some_and(|f| f.applies.contains(t))
            });
            if supports && ctx.bool("requireUserPat") != Some(true) {
                out.push(
                    Diagnostic::new(
                        &REQUIRE_USER_PAT_RECOMMENDED,
                        ptr("requireUserPat"),
                        "Consider requireUserPat: true so that each user's own token creates branches and pull requests.",
                    )
                    .suggest("\"requireUserPat\": true"),
                );
            }
            if ctx.bool("trustFolderStat") == Some(true) {
                out.push(
                    Diagnostic::new(
                        &TRUST_FOLDER_STAT_RECOMMENDED,
                        ptr("trustFolderStat"),
                        "The vendor recommends trustFolderStat false when adding an integration.",
                    )
                    .suggest("\"trustFolderStat\": false"),
                );
            }
        }
        Operation::Update => {
            if ctx.bool("disabled").is_some() {
                out.push(Diagnostic::new(
                    &PREFER_ENABLE_DISABLE_API,
                    ptr("disabled"),
                    "Use PUT /rest/gitplugin/1.0/repository/{id}/disable?disable=true|false to enable or disable; the vendor calls it more reliable.",
                ));
            }
        }
    }
}
