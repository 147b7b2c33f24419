//! `type` (R1, X2): required and one of twelve values when adding; fixed on update.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::{Ctx, Operation};
use crate::gij::fields::TYPE_VALUES;
use crate::gij::types::IntegrationType;
use crate::suggest::did_you_mean;
use crate::text::truncate;
use serde_json::Value;

/// No `type` when adding.
pub const MISSING_TYPE: Code = Code::new(
    "missing-type",
    Severity::Error,
    "Adding an integration needs \"type\" (R1).",
);
/// `type` is not one of the twelve values.
pub const UNKNOWN_INTEGRATION_TYPE: Code = Code::new(
    "unknown-integration-type",
    Severity::Error,
    "The type is not one of the 12 integration types (values are upper case, e.g. GITHUB).",
);
/// An update changes the type.
pub const TYPE_CHANGE: Code = Code::new(
    "type-change",
    Severity::Error,
    "An update tries to change the integration type, which the server does not allow (R1).",
);
/// An update sends the type (unchanged or unknown to be so).
pub const TYPE_ON_UPDATE: Code = Code::new(
    "type-on-update",
    Severity::Warning,
    "An update sends type or integrationType; the type cannot change, so omit it (X2).",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        MISSING_TYPE,
        UNKNOWN_INTEGRATION_TYPE,
        TYPE_CHANGE,
        TYPE_ON_UPDATE,
    ],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    // `type` is in the field table, whose JSON types another rule checks; `integrationType` is not.
    if let Some(v) = ctx.get("integrationType").filter(|v| !v.is_string()) {
        let found = crate::values::json_type_name(v);
        out.push(
            Diagnostic::new(
                &super::json_types::WRONG_JSON_TYPE,
                ptr("integrationType"),
                format!("integrationType must be a string, not {found}."),
            )
            .param("field", "integrationType")
            .param("expected", "a string")
            .param("found", found),
        );
    }
    for key in ["type", "integrationType"] {
        if let Some(s) = ctx.str(key) {
            if IntegrationType::parse(s).is_none() && (key == "type" || ctx.op == Operation::Update)
            {
                out.push(unknown(key, s));
            }
        }
    }
    match ctx.op {
        Operation::Add => {
            if ctx.get("type").is_none() {
                let mut d = Diagnostic::new(
                    &MISSING_TYPE,
                    ptr("type"),
                    "The body has no \"type\"; adding an integration needs one of the 12 types.",
                );
                if let Some(t) = ctx.str("integrationType") {
                    d.path = ptr("integrationType");
                    d.message = "Adding an integration reads \"type\", not \"integrationType\" (the name used in responses).".into();
                    d = d
                        .suggest(format!("\"type\": \"{}\"", truncate(t, 40)))
                        .on_key();
                }
                out.push(d);
            }
        }
        Operation::Update => {
            let current = ctx
                .current
                .and_then(|c| c.get("integrationType").or_else(|| c.get("type")))
                .and_then(Value::as_str)
                .and_then(IntegrationType::parse);
            for key in ["type", "integrationType"] {
                let Some(sent) = ctx.str(key).and_then(IntegrationType::parse) else {
                    continue;
                };
                match current {
                    Some(cur) if cur != sent => out.push(
                        Diagnostic::new(
                            &TYPE_CHANGE,
                            ptr(key),
                            format!(
                                "The integration is {}; an update cannot change it to {}.",
                                cur.as_str(),
                                sent.as_str()
                            ),
                        )
                        .param("current", cur.as_str())
                        .param("sent", sent.as_str())
                        .suggest(format!(
                            "Remove {key}, or delete the integration and add a new {} one.",
                            sent.as_str()
                        )),
                    ),
                    _ => out.push(
                        Diagnostic::new(
                            &TYPE_ON_UPDATE,
                            ptr(key),
                            format!("{key} cannot change on update; leave it out of the body."),
                        )
                        .param("field", key)
                        .suggest(format!("Remove {key}."))
                        .on_key(),
                    ),
                }
            }
        }
    }
}

fn unknown(key: &str, value: &str) -> Diagnostic {
    let shown = truncate(value, 40);
    let mut d = Diagnostic::new(
        &UNKNOWN_INTEGRATION_TYPE,
        ptr(key),
        format!("\"{shown}\" is not an integration type."),
    )
    .param("value", shown.as_str())
    .param("allowed", TYPE_VALUES.to_vec());
    if let Some(s) = did_you_mean(value.trim(), TYPE_VALUES.iter().copied()) {
        d.message = format!("\"{shown}\" is not an integration type; did you mean {s}?");
        d = d.suggest(s);
    }
    d
}
