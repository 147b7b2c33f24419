//! The fields written in other languages, checked by `crate::lang` and placed at their pointer:
//! `apiPath` (host conventions), `apiFilter` (JMESPath), `tagsFilter` and `prHideFilter` (Java
//! regular expressions) and `refSpecCustom` (git refspecs).

use super::{Rule, ptr};
use crate::diagnostics::Diagnostic;
use crate::gij::api_path::{self, ApiHost};
use crate::gij::context::Ctx;
use crate::lang::{self, jmespath::HostShape};
use crate::values::is_blank;

/// Fields whose length and content the language checkers own (they have their own limits).
pub const LANGUAGE_FIELDS: &[&str] = &[
    "apiPath",
    "apiFilter",
    "tagsFilter",
    "prHideFilter",
    "refSpecCustom",
];

// The checkers' codes are listed by `crate::catalogue()` with their modules'.
pub(super) const RULE: Rule = Rule { codes: &[], check };

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(path) = ctx.str("apiPath").filter(|s| !s.is_empty()) {
        let host = ctx.ty.map_or(ApiHost::Other, |t| t.info().api_host);
        placed(
            out,
            api_path::check_api_path(path, host, ctx.text("origin")),
            "apiPath",
            path,
        );
    }
    if let Some(filter) = ctx.str("apiFilter").filter(|s| !is_blank(s)) {
        // A GitHub App integration filters `{repositories: [...]}` (R10): known from its
        // githubApp* fields, or from a filter of the GitHub App form itself.
        let github_app = ctx.body.keys().any(|k| k.starts_with("githubApp"))
            || lang::jmespath::looks_like_github_app_filter(filter);
        let host = ctx.ty.map_or(HostShape::Unknown, |t| t.listing(github_app));
        placed(
            out,
            lang::jmespath::check(filter, host),
            "apiFilter",
            filter,
        );
    }
    for field in ["tagsFilter", "prHideFilter"] {
        if let Some(pattern) = ctx.str(field).filter(|s| !is_blank(s)) {
            placed(out, lang::java_regex::check(pattern), field, pattern);
        }
    }
    if let Some(refspecs) = ctx.str("refSpecCustom").filter(|s| !is_blank(s)) {
        placed(
            out,
            lang::refspec::check_refspecs(refspecs),
            "refSpecCustom",
            refspecs,
        );
    }
}

/// Adds a checker's `found` diagnostics for `field` (whose value is `text`) to `out`.
fn placed(out: &mut Vec<Diagnostic>, found: Vec<Diagnostic>, field: &str, text: &str) {
    // Most values are clean: no pointer is built for them.
    if !found.is_empty() {
        out.extend(lang::place(found, &ptr(field), text));
    }
}
