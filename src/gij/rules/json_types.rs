//! The JSON type of every field, and the length limit of text fields.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::{FIELDS, Kind};
use serde_json::Value;

/// A field has the wrong JSON type.
pub const WRONG_JSON_TYPE: Code = Code::new(
    "wrong-json-type",
    Severity::Error,
    "The value has the wrong JSON type (e.g. the string \"true\" where a boolean is expected).",
);
/// A text field is longer than its limit.
pub const STRING_TOO_LONG: Code = Code::new(
    "string-too-long",
    Severity::Error,
    "A text field is longer than its limit (2000 characters).",
);

pub(super) const RULE: Rule = Rule {
    name: "json-types",
    codes: &[WRONG_JSON_TYPE, STRING_TOO_LONG],
    check,
};

/// Longest secret accepted; real tokens are under 300 characters.
const MAX_SECRET_CHARS: usize = 10_000;

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    for field in FIELDS {
        let Some(value) = ctx.get(field.name) else {
            continue;
        };
        let name = field.name;
        let expected = match field.kind {
            Kind::Boolean => "a boolean",
            Kind::Integer { .. } => "a number",
            Kind::String { .. } | Kind::Secret | Kind::Enum { .. } => "a string",
            Kind::ProjectIds => "an array of project ids",
        };
        let ok = match field.kind {
            Kind::Boolean => value.is_boolean(),
            Kind::Integer { .. } => value.is_number(),
            Kind::String { .. } | Kind::Secret | Kind::Enum { .. } => value.is_string(),
            Kind::ProjectIds => value.is_array(),
        };
        if !ok {
            let mut d = Diagnostic::new(
                &WRONG_JSON_TYPE,
                ptr(name),
                format!("{name} must be {expected}, not {}.", json_type_name(value)),
            )
            .param("field", name)
            .param("expected", expected)
            .param("found", json_type_name(value));
            if !field.is_secret() {
                if let Some(s) = suggestion(field.kind, value) {
                    d = d.suggest(s);
                }
            }
            out.push(d);
            continue;
        }
        if super::languages::LANGUAGE_FIELDS.contains(&name) {
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

/// The JSON type's name, for messages.
pub fn json_type_name(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
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
        (Kind::Integer { .. }, Value::String(s)) => {
            s.trim().parse::<i64>().ok().map(|n| n.to_string())
        }
        (Kind::String { .. } | Kind::Enum { .. }, Value::Number(n)) => Some(format!("\"{n}\"")),
        (Kind::String { .. } | Kind::Enum { .. }, Value::Bool(b)) => Some(format!("\"{b}\"")),
        (Kind::ProjectIds, Value::Number(n)) => Some(format!("[{n}]")),
        (Kind::ProjectIds, Value::String(s)) => {
            let ids: Option<Vec<u64>> = s
                .split([',', ' ', ';'])
                .filter(|p| !p.is_empty())
                .map(|p| p.parse::<u64>().ok())
                .collect();
            ids.filter(|v| !v.is_empty()).map(|v| {
                let parts: Vec<String> = v.iter().map(u64::to_string).collect();
                format!("[{}]", parts.join(", "))
            })
        }
        _ => None,
    }
}
