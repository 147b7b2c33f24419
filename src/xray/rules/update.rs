//! Update-only rules: the body's `connection_name` equals the one in the URL (R21, [I]), and an
//! update changes something.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::text::truncate;
use crate::values::is_blank;
use crate::xray::context::{Ctx, Operation};
use crate::xray::fields::field_named;
use serde_json::Value;

/// The connection name for the URL is missing or blank.
pub const MISSING_CONNECTION_NAME: Code = Code::new(
    "xray-missing-connection-name",
    Severity::Error,
    "The connectionName option is missing or blank; update, details, delete and the status check name the integration in the URL.",
);
/// The body's name differs from the URL's.
pub const CONNECTION_NAME_MISMATCH: Code = Code::new(
    "xray-connection-name-mismatch",
    Severity::Error,
    "The body's connection_name differs from the connection name in the URL; an integration cannot be renamed (R21).",
);
/// The update changes nothing.
pub const EMPTY_UPDATE: Code = Code::new(
    "xray-empty-update",
    Severity::Warning,
    "The update body sets no field besides connection_name.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        MISSING_CONNECTION_NAME,
        CONNECTION_NAME_MISMATCH,
        EMPTY_UPDATE,
    ],
    check,
};

/// The diagnostic for a missing or blank `connectionName` option.
pub fn missing_connection_name(what: &str) -> Diagnostic {
    Diagnostic::new(
        &MISSING_CONNECTION_NAME,
        "",
        format!("{what} needs connectionName, the name of the integration, for its URL."),
    )
    .param("option", "connectionName")
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.op != Operation::Update {
        return;
    }
    match ctx.connection_name {
        Some(name) if is_blank(name) => out.push(missing_connection_name("An update")),
        Some(url_name) => {
            if let Some(body_name) = ctx.text("connection_name") {
                if body_name != url_name {
                    out.push(
                        Diagnostic::new(
                            &CONNECTION_NAME_MISMATCH,
                            ptr("connection_name"),
                            format!(
                                "connection_name \"{}\" differs from \"{}\" in the URL; an integration cannot be renamed.",
                                truncate(body_name, 40),
                                truncate(url_name, 40)
                            ),
                        )
                        .param("connectionName", url_name)
                        .suggest(format!(
                            "Set connection_name to {}, or delete the integration and create one with the new name.",
                            Value::from(url_name)
                        )),
                    );
                }
            }
        }
        None => {}
    }
    let changes = ctx
        .body
        .iter()
        .filter(|(k, v)| {
            *k != "connection_name"
                && field_named(k).is_some()
                && !v.is_null()
                && v.as_str().is_none_or(|s| !is_blank(s))
        })
        .count();
    if changes == 0 {
        out.push(Diagnostic::new(
            &EMPTY_UPDATE,
            "",
            "The update body sets no field besides connection_name, so it changes nothing.",
        ));
    }
}
