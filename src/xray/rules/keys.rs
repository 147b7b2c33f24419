//! Keys that are not request fields. A key that plainly means a field (a camelCase spelling as
//! in the vendor's own update example, X14; a typo; a known alias such as `integrationName` or
//! `token`) is an error, because the value it carries is lost. Any other key is a warning: the
//! API accepts extra properties (XR-OAS `additionalProperties: true`) and ignores them.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::engine::SCHEMA_KEY;
use crate::suggest::did_you_mean;
use crate::text::truncate;
use crate::xray::context::Ctx;
use crate::xray::fields::{ALIASES, FIELDS, field_named};

/// A key that means a field but is not its name.
pub const UNKNOWN_FIELD: Code = Code::new(
    "xray-unknown-field",
    Severity::Error,
    "The key is not an Xray field but plainly means one (authType for auth_type, a typo, integrationName, token); its value would be lost.",
);
/// Any other key.
pub const EXTRA_FIELD: Code = Code::new(
    "xray-extra-field",
    Severity::Warning,
    "The key is not a documented Xray field; the API accepts extra properties and ignores them.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[UNKNOWN_FIELD, EXTRA_FIELD],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for key in ctx.body.keys() {
        if field_named(key).is_some() || key == SCHEMA_KEY {
            continue;
        }
        let shown = truncate(key, 40);
        let candidates = FIELDS
            .iter()
            .map(|f| f.name)
            .chain(ALIASES.iter().map(|(alias, _)| *alias));
        let meant = did_you_mean(key, candidates).map(|c| {
            ALIASES
                .iter()
                .find(|(alias, _)| *alias == c)
                .map_or(c, |(_, field)| field)
        });
        let Some(meant) = meant else {
            out.push(
                Diagnostic::new(
                    &EXTRA_FIELD,
                    ptr(key),
                    format!(
                        "\"{shown}\" is not a field of the Xray Jira-integration API; the server accepts extra keys and most likely ignores it."
                    ),
                )
                .param("field", shown.as_str())
                .suggest(format!("Remove {shown}."))
                .on_key(),
            );
            continue;
        };
        let snake = key.to_ascii_lowercase().replace('-', "_");
        let message = if camel_to_snake(key) == meant || snake == meant {
            format!(
                "\"{shown}\" is not a field; the Xray API spells its fields in snake_case: \"{meant}\"."
            )
        } else if meant == "password" {
            format!(
                "\"{shown}\" is not a field; the password or Jira Cloud API token goes in \"password\"."
            )
        } else {
            format!("\"{shown}\" is not a field of the Xray API; did you mean \"{meant}\"?")
        };
        out.push(
            Diagnostic::new(&UNKNOWN_FIELD, ptr(key), message)
                .param("field", shown.as_str())
                .param("expected", meant)
                .suggest(meant)
                .on_key(),
        );
    }
}

/// `authType` -> `auth_type`.
fn camel_to_snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
