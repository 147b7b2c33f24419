//! The fields written in other languages, checked by `crate::lang` and placed at their pointer:
//! `apiPath` (host conventions) and `refSpecCustom` (git refspecs).

use super::{Rule, ptr};
use crate::diagnostics::Diagnostic;
use crate::gij::context::Ctx;
use crate::lang::{self, api_path::ApiHost};

/// Fields whose length and content the language checkers own (they have their own limits).
pub const LANGUAGE_FIELDS: &[&str] = &["apiPath", "refSpecCustom"];

// The language checkers' codes are listed by `crate::lang::codes()`.
pub(super) const RULE: Rule = Rule {
    name: "languages",
    codes: &[],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if let Some(path) = ctx.str("apiPath").filter(|s| !s.is_empty()) {
        let host = ctx.ty.map_or(ApiHost::Other, |t| {
            ApiHost::from_integration_type(t.as_str())
        });
        let origin = ctx.text("origin");
        out.extend(lang::at_path(
            lang::api_path::check_api_path(path, host, origin),
            &ptr("apiPath"),
        ));
    }
    if let Some(refspecs) = ctx.str("refSpecCustom").filter(|s| !s.trim().is_empty()) {
        out.extend(lang::at_path(
            lang::refspec::check_refspecs(refspecs),
            &ptr("refSpecCustom"),
        ));
    }
}
