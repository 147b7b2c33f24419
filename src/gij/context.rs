//! What every rule sees: the body, the operation, the effective integration type and, for an
//! update, the current integration as the server returned it.

use super::fields::{Default, FIELD_COUNT, FIELDS, Field, field_index, field_named};
use super::types::IntegrationType;
use crate::engine::Body;
use crate::json::view::{Items, JsonRef};
use serde_json::{Map, Value};
use std::ops::Deref;

/// Add (POST) or update (PUT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Operation {
    /// POST `/rest/gitplugin/1.0/integration`.
    #[default]
    Add,
    /// PUT `/rest/gitplugin/1.0/integration/{integrationId}`.
    Update,
}

/// Validation options (the JS `options` argument). Its `Debug` output masks secrets.
///
/// Built from the default with the `with_` methods, as the fields will grow:
///
/// ```
/// use jira_integration_payloads::gij::{Operation, Options};
/// use serde_json::json;
///
/// let options = Options::default()
///     .with_operation(Operation::Update)
///     .with_integration_id(json!(7))
///     .with_current(json!({"id": 7, "integrationType": "GITHUB", "pat": "<pat>"}));
/// assert_eq!(options.operation, Operation::Update);
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// Add or update.
    pub operation: Operation,
    /// The id in the update URL, as given (a number, or digits in a string).
    pub integration_id: Option<Value>,
    /// The current integration: a GET response or the integration object inside it.
    pub current: Option<Value>,
}

impl Options {
    /// These options for `operation`.
    pub fn with_operation(mut self, operation: Operation) -> Options {
        self.operation = operation;
        self
    }

    /// These options with the update URL's id (a number, or digits in a string).
    pub fn with_integration_id(mut self, id: Value) -> Options {
        self.integration_id = Some(id);
        self
    }

    /// These options with the current integration (a GET response or the integration in it).
    pub fn with_current(mut self, current: Value) -> Options {
        self.current = Some(current);
        self
    }
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("operation", &self.operation)
            .field(
                "integration_id",
                &self.integration_id.as_ref().map(crate::redact::redact),
            )
            .field("current", &self.current.as_ref().map(redacted_current))
            .finish()
    }
}

/// `current` safe to show: a text that is not JSON (kept for `invalid-current`) may hold a
/// secret no redaction can find, so only its size is shown.
fn redacted_current(v: &Value) -> Value {
    match v {
        Value::String(text) => Value::from(format!("<text of {} bytes>", text.len())),
        other => crate::redact::redact(other),
    }
}

/// The view of a payload that rules read.
pub struct Ctx<'a> {
    /// The request body.
    pub body: Body<'a>,
    /// Add or update.
    pub op: Operation,
    /// The integration type the rules apply: the body's on add, the current one's on update.
    pub ty: Option<IntegrationType>,
    /// The current integration (update only), with `integrationType` readable as `type`.
    pub current: Option<&'a Map<String, Value>>,
    /// Why the `current` option, when given, is not one integration.
    pub current_problem: Option<CurrentProblem>,
    /// The update URL's id, as given.
    pub integration_id: Option<&'a Value>,
    /// The body's known, non-null fields with their values, in the field table's order. Rules
    /// that go over every field read this instead of looking each of the table's fields up.
    pub present: Vec<(&'static Field, JsonRef<'a>)>,
}

impl<'a> Ctx<'a> {
    /// Builds the context, working out the effective type.
    pub fn new(body: Body<'a>, options: &'a Options) -> Ctx<'a> {
        let updating = options.operation == Operation::Update;
        let read = options
            .current
            .as_ref()
            .filter(|_| updating)
            .map(read_current);
        let current = read.and_then(Result::ok);
        let type_of = |m: &Map<String, Value>| {
            ["type", "integrationType"]
                .iter()
                .find_map(|k| m.get(*k).and_then(Value::as_str))
                .and_then(IntegrationType::parse)
        };
        let body_type = |keys: &[&str]| {
            keys.iter()
                .find_map(|k| body.str(k))
                .and_then(IntegrationType::parse)
        };
        let ty = match options.operation {
            Operation::Add => body_type(&["type"]),
            Operation::Update => current
                .and_then(type_of)
                .or_else(|| body_type(&["type", "integrationType"])),
        };
        Ctx {
            present: present_fields(body),
            body,
            op: options.operation,
            ty,
            current,
            current_problem: read.and_then(Result::err),
            integration_id: options.integration_id.as_ref(),
        }
    }

    /// The value the integration will have after the request: the body's, else the current
    /// integration's (update), else the documented default.
    pub fn effective_bool(&self, name: &str) -> Option<bool> {
        self.after(name).and_then(JsonRef::as_bool).or_else(|| {
            match field_named(name).and_then(|f| f.default) {
                Some(Default::Bool(b)) => Some(b),
                _ => None,
            }
        })
    }

    /// The project ids after the request, as far as they are known.
    pub fn effective_projects(&self) -> Option<Items<'a>> {
        self.after("projectMappingIds").and_then(JsonRef::as_array)
    }

    /// The value after the request: the body's, else (update) the current integration's;
    /// `null` reads as absent in both.
    pub fn after(&self, name: &str) -> Option<JsonRef<'a>> {
        self.get(name).or_else(|| {
            (self.op == Operation::Update)
                .then(|| self.current?.get(name).filter(|v| !v.is_null()))
                .flatten()
                .map(JsonRef::Value)
        })
    }

    /// The string after the request (see [`Ctx::after`]).
    pub fn after_str(&self, name: &str) -> Option<&'a str> {
        self.after(name).and_then(JsonRef::as_str)
    }

    /// True when the body sends `name` (not `null`).
    pub fn touches(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// True when adding.
    pub fn adding(&self) -> bool {
        self.op == Operation::Add
    }
}

/// The body's known, non-null fields in [`FIELDS`] order (one pass over the body's keys, one
/// over the field table).
fn present_fields(body: Body<'_>) -> Vec<(&'static Field, JsonRef<'_>)> {
    let mut slots: [Option<JsonRef<'_>>; FIELD_COUNT] = [None; FIELD_COUNT];
    for (k, v) in body.iter().filter(|(_, v)| !v.is_null()) {
        if let Some(slot) = field_index(k).and_then(|i| slots.get_mut(i)) {
            *slot = Some(v);
        }
    }
    FIELDS
        .iter()
        .zip(slots)
        .filter_map(|(f, v)| v.map(|v| (f, v)))
        .collect()
}

/// Why the `current` option is not one integration object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurrentProblem {
    /// A list (a list response, or an array of integrations) with this many items.
    List(usize),
    /// An error response (`success: false`, or an `error` member).
    ErrorResponse,
    /// Text that is not JSON (a string the caller could not or did not parse).
    NotJson,
    /// An object without `id`, `type` or `integrationType`.
    NotAnIntegration,
    /// A number, a boolean: no JSON object at all.
    NotAnObject(&'static str),
}

/// The integration object inside a GET/PUT/POST response, or the object itself; or why
/// `v` is not one integration.
pub fn read_current(v: &Value) -> Result<&Map<String, Value>, CurrentProblem> {
    let obj = match v {
        Value::Object(o) => o,
        Value::Array(items) => return Err(CurrentProblem::List(items.len())),
        Value::String(_) => return Err(CurrentProblem::NotJson),
        other => {
            return Err(CurrentProblem::NotAnObject(crate::values::json_type_name(
                other,
            )));
        }
    };
    let failed = matches!(obj.get("success"), Some(Value::Bool(false)))
        || obj.get("success").and_then(Value::as_str) == Some("false")
        || obj.get("error").is_some_and(|e| !e.is_null());
    if failed {
        return Err(CurrentProblem::ErrorResponse);
    }
    let inner = obj.get("integration").or_else(|| obj.get("integrations"));
    let integration = match inner {
        Some(Value::Object(o)) => o,
        Some(Value::Array(a)) => match a.as_slice() {
            [Value::Object(o)] => o,
            _ => return Err(CurrentProblem::List(a.len())),
        },
        _ => obj,
    };
    let identified = ["id", "type", "integrationType"]
        .iter()
        .any(|k| integration.get(*k).is_some_and(|v| !v.is_null()));
    if identified {
        Ok(integration)
    } else {
        Err(CurrentProblem::NotAnIntegration)
    }
}

/// The integration object inside a GET/PUT/POST response, or the object itself, when `v` is one
/// integration.
pub fn current_integration(v: &Value) -> Option<&Map<String, Value>> {
    read_current(v).ok()
}

impl<'a> Deref for Ctx<'a> {
    type Target = Body<'a>;

    fn deref(&self) -> &Body<'a> {
        &self.body
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_a_current_text() {
        let options = Options {
            operation: Operation::Update,
            integration_id: None,
            current: Some(Value::from("{\"pat\": \"s3cr3t-tok\",")),
        };
        assert!(!format!("{options:?}").contains("s3cr3t"));
    }

    #[test]
    fn present_fields_are_in_table_order_without_nulls_or_unknown_keys() {
        let mut body = Map::new();
        for f in FIELDS.iter().rev() {
            body.insert(f.name.to_owned(), Value::from(1));
        }
        body.insert("displayName".into(), Value::Null);
        body.insert("notAField".into(), Value::from(1));
        let body = Value::Object(body);
        let members = crate::engine::Members::of(JsonRef::Value(&body), false).unwrap();
        let names: Vec<&str> = present_fields(Body::new(&members))
            .iter()
            .map(|(f, _)| f.name)
            .collect();
        let want: Vec<&str> = FIELDS
            .iter()
            .map(|f| f.name)
            .filter(|&n| n != "displayName")
            .collect();
        assert_eq!(names, want);
    }
}
