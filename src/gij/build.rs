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
use crate::request::{BuildResult, Headers, Request, join_base_url};
use crate::values::normalise_form_value;
use serde_json::{Map, Value};

/// The API's base path.
pub const INTEGRATION_PATH: &str = "/rest/gitplugin/1.0/integration";

/// Builder options (the JS `options` argument).
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Add, update, the URL id and the current integration.
    pub validation: Options,
    /// The Jira base URL, e.g. `https://jira.example.com`; the request then has a full `url`.
    pub base_url: Option<String>,
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
        Some(obj) => Value::Object(canonical_body(obj, &options.validation)),
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
    let url = match join_base_url(options.base_url.as_deref(), &path) {
        Ok(url) => url,
        Err(d) => {
            report = with(report, d);
            None
        }
    };
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
/// dropped, strings trimmed except secrets, loose values converted; on update, `type` and
/// fields equal to the current integration are dropped, and a text or project-id field the form
/// leaves empty while the current integration has a value is sent empty, which clears it.
pub fn canonical_body(form: &Map<String, Value>, options: &Options) -> Map<String, Value> {
    let current = options.current.as_ref().and_then(current_integration);
    let updating = options.operation == Operation::Update;
    let mut body = Map::new();
    for field in FIELDS {
        let Some(raw) = form.get(field.name) else {
            continue;
        };
        let value = normalise_form_value(field.kind, raw).or_else(|| {
            updating
                .then(|| cleared(field, current?.get(field.name)?))
                .flatten()
        });
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
        if extra && !v.is_null() && v.as_str() != Some("") {
            if updating && k == "integrationType" {
                continue;
            }
            body.insert(k.clone(), v.clone());
        }
    }
    body
}

/// The empty value that clears `field`, when the current value is not already empty. Secrets
/// and booleans are never cleared this way: an empty input keeps them.
fn cleared(field: &Field, current: &Value) -> Option<Value> {
    match (field.kind, current) {
        (Kind::String { .. }, Value::String(s)) if !s.is_empty() => Some(Value::from("")),
        (Kind::ProjectIds, Value::Array(ids)) if !ids.is_empty() => Some(Value::Array(Vec::new())),
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
