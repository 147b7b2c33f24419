//! The JSON type of every field, and the length limit of text fields.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::fields::Kind;
use crate::gij::rules::json_type_name;
use crate::xray::context::Ctx;
use crate::xray::fields::{FIELDS, MAX_SECRET_CHARS};
use serde_json::Value;

/// A field has the wrong JSON type.
pub const WRONG_JSON_TYPE: Code = Code::new(
    "xray-wrong-json-type",
    Severity::Error,
    "The value has the wrong JSON type (skip_proxy is a boolean, every other field a string).",
);
/// A text field is longer than its limit.
pub const STRING_TOO_LONG: Code = Code::new(
    "xray-string-too-long",
    Severity::Error,
    "A text field is longer than its limit (connection_name and username 255, jira_server_url 2000, password 10000 characters).",
);

pub(super) const RULE: Rule = Rule {
    name: "json-types",
    codes: &[WRONG_JSON_TYPE, STRING_TOO_LONG],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for field in FIELDS {
        let Some(value) = ctx.get(field.name) else {
            continue;
        };
        let name = field.name;
        let (ok, expected) = match field.kind {
            Kind::Boolean => (value.is_boolean(), "a boolean"),
            _ => (value.is_string(), "a string"),
        };
        if !ok {
            let found = json_type_name(value);
            let mut d = Diagnostic::new(
                &WRONG_JSON_TYPE,
                ptr(name),
                format!("{name} must be {expected}, not {found}."),
            )
            .param("field", name)
            .param("expected", expected)
            .param("found", found);
            if !field.secret {
                if let Some(s) = suggestion(field.kind, value) {
                    d = d.suggest(s);
                }
            }
            out.push(d);
            continue;
        }
        let limit = match field.kind {
            Kind::String { max_chars } => max_chars,
            Kind::Secret => MAX_SECRET_CHARS,
            _ => continue,
        };
        let chars = value.as_str().map_or(0, |s| s.chars().count());
        if chars > limit {
            out.push(
                Diagnostic::new(
                    &STRING_TOO_LONG,
                    ptr(name),
                    format!("{name} is {chars} characters long; the limit is {limit}."),
                )
                .param("field", name)
                .param("limit", limit)
                .param("length", chars),
            );
        }
    }
}

fn suggestion(kind: Kind, value: &Value) -> Option<String> {
    match (kind, value) {
        (Kind::Boolean, Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "on" | "1" => Some("true".into()),
            "false" | "no" | "off" | "0" => Some("false".into()),
            _ => None,
        },
        (Kind::Boolean, Value::Number(n)) => match n.as_i64() {
            Some(1) => Some("true".into()),
            Some(0) => Some("false".into()),
            _ => None,
        },
        (Kind::String { .. } | Kind::Enum { .. }, Value::Number(n)) => Some(format!("\"{n}\"")),
        (Kind::String { .. } | Kind::Enum { .. }, Value::Bool(b)) => Some(format!("\"{b}\"")),
        _ => None,
    }
}
