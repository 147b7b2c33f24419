//! Form state -> canonical body -> request, and the minimal body of an update.
//!
//! Form state is what an HTML form or a script has: strings from inputs, `"on"`/`"true"`/
//! `"false"` for check boxes, numbers as strings, project ids as `"10000, 10100 "` or an array,
//! and `""` for unset. The builder normalises it, validates the result with the same rules as
//! [`super::validate()`], and returns the request only when there is no error.

use super::context::{Operation, Options, current_integration};
use super::fields::{FIELDS, Field, Kind};
use super::rules::update::integration_id;
use super::validate::validate;
use crate::diagnostics::{Diagnostic, Report};
use crate::redact::redact_url;
use crate::request::{BuildResult, Headers, Request, join_base_url};
use crate::values::normalise_form_value;
use serde_json::{Map, Value};

/// The API's base path.
pub const INTEGRATION_PATH: &str = "/rest/gitplugin/1.0/integration";

/// Builder options (the JS `options` argument), built from the default with the `with_` methods.
/// Their `Debug` output shows the base URL redacted.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct BuildOptions {
    /// Add, update, the URL id and the current integration.
    pub validation: Options,
    /// The Jira base URL, e.g. `https://jira.example.com`; the request then has a full `url`.
    pub base_url: Option<String>,
    /// Update: the fields whose empty form value means "clear" (send the empty value) rather
    /// than "keep" (send nothing). Only text, secret and project-id fields can be cleared.
    pub clear: Vec<&'static Field>,
}

impl BuildOptions {
    /// These options with `validation`'s operation, URL id and current integration.
    pub fn with_validation(mut self, validation: Options) -> BuildOptions {
        self.validation = validation;
        self
    }

    /// These options with the Jira base URL, so that the request has a full `url`.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> BuildOptions {
        self.base_url = Some(base_url.into());
        self
    }

    /// These options with the fields whose empty form value clears them on update.
    pub fn with_clear(mut self, clear: Vec<&'static Field>) -> BuildOptions {
        self.clear = clear;
        self
    }
}

impl std::fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let clear: Vec<&str> = self.clear.iter().map(|field| field.name).collect();
        f.debug_struct("BuildOptions")
            .field("validation", &self.validation)
            .field("base_url", &self.base_url.as_deref().map(redact_url))
            .field("clear", &clear)
            .finish()
    }
}

/// Builds the request from form state.
///
/// ```
/// use jira_integration_payloads::gij;
/// use serde_json::json;
///
/// let form = json!({"type": "GITHUB", "pat": "<pat>", "requireUserPat": "on", "projectMappingIds": "10000, 10100"});
/// let result = gij::build(&form, &gij::BuildOptions::default());
/// let request = result.request.expect("no error");
/// assert_eq!((request.method, request.path.as_str()), ("POST", "/rest/gitplugin/1.0/integration"));
/// assert_eq!(request.body.expect("a body")["projectMappingIds"], json!([10000, 10100]));
/// ```
pub fn build(form: &Value, options: &BuildOptions) -> BuildResult {
    let body = match form.as_object() {
        Some(obj) => Value::Object(canonical_body(obj, &options.validation, &options.clear)),
        None => form.clone(),
    };
    let mut report = validate(&body, &options.validation);
    let path = match options.validation.operation {
        Operation::Add => INTEGRATION_PATH.to_string(),
        Operation::Update => {
            let id = integration_id(options.validation.integration_id.as_ref()).unwrap_or(0);
            format!("{INTEGRATION_PATH}/{id}")
        }
    };
    let mut warnings = Vec::new();
    let url = match join_base_url(options.base_url.as_deref(), &path, &mut warnings) {
        Ok(url) => url,
        Err(d) => {
            warnings.push(d);
            None
        }
    };
    for d in warnings {
        report = with(report, d);
    }
    let method = match options.validation.operation {
        Operation::Add => "POST",
        Operation::Update => "PUT",
    };
    BuildResult::new(
        report,
        Request {
            method,
            path,
            url,
            headers: Headers::json(true),
            body: Some(body),
        },
    )
}

fn with(report: Report, d: Diagnostic) -> Report {
    let mut all = report.diagnostics;
    all.push(d);
    Report::new(all)
}

/// The canonical body: fields in table order (unknown keys after, as given), unset values
/// dropped, strings trimmed except secrets, loose values converted.
///
/// On update the body is the change alone: a field the form leaves out, or leaves empty (blank
/// text, a list of no ids), keeps its value and is not sent, unless `clear` names it, when its
/// empty value is sent (and only if the current integration has a value, when it is known); `type`, `integrationType`, the `id`
/// of the URL and values equal to the current integration's are dropped.
pub fn canonical_body(
    form: &Map<String, Value>,
    options: &Options,
    clear: &[&Field],
) -> Map<String, Value> {
    let current = options.current.as_ref().and_then(current_integration);
    let updating = options.operation == Operation::Update;
    let mut body = Map::new();
    for field in FIELDS {
        let asked = updating && clear.iter().any(|c| c.name == field.name);
        // A field `clear` names is cleared though the form leaves it out: the user asked.
        let raw = match form.get(field.name) {
            Some(raw) => raw,
            None if asked => &Value::Null,
            None => continue,
        };
        let value = normalise_form_value(field.kind, raw)
            .or_else(|| asked.then(|| cleared(field, current)).flatten());
        let Some(value) = value else {
            continue;
        };
        if updating {
            let current_value = current.and_then(|c| {
                c.get(field.name).or_else(|| {
                    (field.name == "type")
                        .then(|| c.get("integrationType"))
                        .flatten()
                })
            });
            if field.name == "type" && current_value.is_none_or(|c| *c == value) {
                continue;
            }
            if current_value.is_some_and(|c| same(field, c, &value)) {
                continue;
            }
        }
        body.insert(field.name.to_string(), value);
    }
    for (k, v) in form {
        let extra = super::fields::field_named(k).is_none() && k != crate::engine::SCHEMA_KEY;
        if !extra || v.is_null() || v.as_str() == Some("") {
            continue;
        }
        if updating && k == "integrationType" {
            continue;
        }
        let v = if k == "id" { form_id(v) } else { v.clone() };
        if updating && k == "id" && redundant_id(&v, options, current) {
            continue;
        }
        body.insert(k.clone(), v);
    }
    body
}

/// A form's `id` as the number it stands for; kept as given when it is not one.
fn form_id(v: &Value) -> Value {
    let kind = Kind::Integer {
        min: 1,
        max: i64::from(i32::MAX),
    };
    normalise_form_value(kind, v).unwrap_or_else(|| v.clone())
}

/// True when a body `id` repeats the URL's id (or the current integration's): the URL carries it.
fn redundant_id(id: &Value, options: &Options, current: Option<&Map<String, Value>>) -> bool {
    let id = integration_id(Some(id));
    id.is_some()
        && (id == integration_id(options.integration_id.as_ref())
            || id == integration_id(current.and_then(|c| c.get("id"))))
}

/// The empty value that clears `field` (`""`, or `[]` for project ids), unless the current
/// integration, when known, has no value to clear. Booleans and numbers have no empty value.
fn cleared(field: &Field, current: Option<&Map<String, Value>>) -> Option<Value> {
    let empty = match field.kind {
        Kind::String { .. } | Kind::Secret => Value::from(""),
        Kind::ProjectIds => Value::Array(Vec::new()),
        Kind::Boolean | Kind::Integer { .. } | Kind::Enum { .. } => return None,
    };
    let Some(current) = current else {
        return Some(empty);
    };
    match current.get(field.name) {
        Some(Value::String(s)) if !s.is_empty() => Some(empty),
        Some(Value::Array(ids)) if !ids.is_empty() => Some(empty),
        // A secret is never in a response: asking to clear it sends the empty value.
        None if field.is_secret() => Some(empty),
        _ => None,
    }
}

/// Equal as the server sees them: project ids compare as sets.
fn same(field: &Field, a: &Value, b: &Value) -> bool {
    match (field.kind, a, b) {
        (Kind::ProjectIds, Value::Array(x), Value::Array(y)) => {
            // Hash the JSON text of each id: linear for any list a caller passes.
            let set = |items: &[Value]| {
                items
                    .iter()
                    .map(Value::to_string)
                    .collect::<std::collections::HashSet<_>>()
            };
            set(x) == set(y)
        }
        _ => a == b,
    }
}
