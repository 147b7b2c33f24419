//! Keys that are not request fields: unknown (with did-you-mean), undocumented, read-only,
//! deprecated.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::engine::SCHEMA_KEY;
use crate::gij::context::{Ctx, Operation};
use crate::gij::fields::{FIELDS, READ_ONLY, UNDOCUMENTED, field_named};
use crate::suggest::did_you_mean;
use crate::text::truncate;

/// A key that is no field of the API.
pub const UNKNOWN_FIELD: Code = Code::new(
    "unknown-field",
    Severity::Error,
    "The key is not a field of the API (often a typo); the server would ignore it.",
);
/// A Java-model field with no REST documentation.
pub const UNDOCUMENTED_FIELD: Code = Code::new(
    "undocumented-field",
    Severity::Warning,
    "The key exists in the server's Java model (group, githubApp*) but has no REST documentation.",
);
/// A field that only responses contain.
pub const READ_ONLY_FIELD: Code = Code::new(
    "read-only-field",
    Severity::Warning,
    "The key appears in responses only (id, initDate, integrationType, ...); the server ignores it in requests.",
);
/// `limitGitData`.
pub const DEPRECATED_FIELD: Code = Code::new(
    "deprecated-field",
    Severity::Warning,
    "limitGitData was deprecated on 2021-01-01; commits are limited by project permissions instead.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        UNKNOWN_FIELD,
        UNDOCUMENTED_FIELD,
        READ_ONLY_FIELD,
        DEPRECATED_FIELD,
    ],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for key in ctx.body.keys().filter(|k| *k != SCHEMA_KEY) {
        if let Some(field) = field_named(key) {
            if field.deprecated {
                out.push(
                    Diagnostic::new(
                        &DEPRECATED_FIELD,
                        ptr(key),
                        format!("{key} is deprecated and ignored by the server."),
                    )
                    .param("field", key)
                    .suggest(format!("Remove {key}."))
                    .on_key(),
                );
            }
        } else if UNDOCUMENTED.contains(&key) {
            out.push(
                Diagnostic::new(
                    &UNDOCUMENTED_FIELD,
                    ptr(key),
                    format!("{key} is not documented for the REST API; the server may ignore it."),
                )
                .param("field", key)
                .on_key(),
            );
        } else if READ_ONLY.contains(&key) {
            // On update, `id` must match the URL and `integrationType` names the type: other rules.
            let handled_elsewhere = ctx.op == Operation::Update
                && (key == "id" || key == "integrationType")
                || ctx.op == Operation::Add
                    && key == "integrationType"
                    && ctx.body.get("type").is_none();
            if !handled_elsewhere {
                let mut d = Diagnostic::new(
                    &READ_ONLY_FIELD,
                    ptr(key),
                    format!("{key} is a response field; the server ignores it in a request."),
                )
                .param("field", key)
                .on_key();
                if key == "integrationType" {
                    d = d.suggest("Remove integrationType; the type is sent as \"type\" when adding and cannot change.");
                } else {
                    d = d.suggest(format!("Remove {key}."));
                }
                out.push(d);
            }
        } else {
            let names = FIELDS
                .iter()
                .map(|f| f.name)
                .chain(UNDOCUMENTED.iter().copied())
                .chain(READ_ONLY.iter().copied());
            let shown = truncate(key, 40);
            let mut d = Diagnostic::new(
                &UNKNOWN_FIELD,
                ptr(key),
                format!("\"{shown}\" is not a field of the integration API."),
            )
            .param("field", shown)
            .on_key();
            // `integration_type` means the response's `integrationType`, which requests send as `type`.
            let guess =
                did_you_mean(key, names).map(|s| if s == "integrationType" { "type" } else { s });
            if let Some(s) = guess {
                d.message = format!(
                    "\"{}\" is not a field of the integration API; did you mean \"{s}\"?",
                    truncate(key, 40)
                );
                d = d.suggest(s);
            }
            out.push(d);
        }
    }
}
