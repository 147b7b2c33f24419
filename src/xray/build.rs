//! Form state -> canonical body -> request, for the five calls: create, update, get details,
//! delete and the status check.
//!
//! Form state is what an HTML form or a script has: strings from inputs, `"on"`/`"true"`/
//! `"false"` for check boxes and `""` for unset. The builder normalises it (trims every string
//! but the password), validates the result with the same rules as [`super::validate()`], and
//! returns the request only when there is no error.

use super::context::{Operation, Options};
use super::fields::{FIELDS, field_named};
use super::rules::connection_name::path_unsafe;
use super::rules::update::missing_connection_name;
use super::validate::validate;
use crate::diagnostics::{Diagnostic, Report};
use crate::request::{BuildResult, Headers, Request, encode_component, join_base_url};
use crate::values::normalise_form_value;
use serde_json::{Map, Value};

/// The collection of Jira integrations.
pub const INTEGRATIONS_PATH: &str = "/xray/api/v1/ticketing/jira-integrations";
/// The status check (Xray 3.136 and later).
pub const STATUS_PATH: &str = "/xray/api/v1/ticketing/integrations/status/check";

/// The five calls of the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Action {
    /// POST the collection.
    #[default]
    Create,
    /// PUT the integration (see [`PathStyle`]).
    Update,
    /// GET the integration's settings (see [`PathStyle`]).
    Details,
    /// DELETE the integration.
    Delete,
    /// GET the status check with `?integrationName=`.
    Status,
}

impl Action {
    /// Every action, in the documentation's order.
    pub const ALL: [Action; 5] = [
        Action::Create,
        Action::Update,
        Action::Details,
        Action::Delete,
        Action::Status,
    ];

    /// The option value: `create`, `update`, `details`, `delete` or `status`.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Details => "details",
            Action::Delete => "delete",
            Action::Status => "status",
        }
    }

    /// Parses an option value.
    pub fn parse(s: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.as_str() == s)
    }

    /// The HTTP method.
    pub fn method(self) -> &'static str {
        match self {
            Action::Create => "POST",
            Action::Update => "PUT",
            Action::Details | Action::Status => "GET",
            Action::Delete => "DELETE",
        }
    }

    /// The body operation, for the two calls with a body.
    pub fn operation(self) -> Option<Operation> {
        match self {
            Action::Create => Some(Operation::Create),
            Action::Update => Some(Operation::Update),
            _ => None,
        }
    }
}

/// Which paths update and details use (X13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PathStyle {
    /// The vendor's documentation: PUT `/jira-integrations/{name}`, GET `/jira-integrations/{name}/details`.
    #[default]
    Documented,
    /// The unmerged Terraform provider change "based on live testing": PUT `/jira-integrations`
    /// (the name in the body only) and GET `/jira-integrations/{name}`.
    Terraform,
}

impl PathStyle {
    /// Parses an option value: `documented` or `terraform`.
    pub fn parse(s: &str) -> Option<PathStyle> {
        match s {
            "documented" => Some(PathStyle::Documented),
            "terraform" => Some(PathStyle::Terraform),
            _ => None,
        }
    }
}

/// Builder options (the JS `options` argument), built from the default with the `with_` methods.
/// Their `Debug` output shows the connection name and base URL redacted.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct BuildOptions {
    /// Which call.
    pub action: Action,
    /// The integration's name for the URL; for update it defaults to the form's `connection_name`.
    pub connection_name: Option<String>,
    /// The platform URL, e.g. `https://acme.jfrog.io`; the request then has a full `url`.
    pub base_url: Option<String>,
    /// Paths for update and details.
    pub path_style: PathStyle,
}

impl std::fmt::Debug for BuildOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self
            .connection_name
            .as_deref()
            .map(crate::redact::redact_text);
        f.debug_struct("BuildOptions")
            .field("action", &self.action)
            .field("connection_name", &name)
            .field(
                "base_url",
                &self.base_url.as_deref().map(crate::redact::redact_url),
            )
            .field("path_style", &self.path_style)
            .finish()
    }
}

impl BuildOptions {
    /// These options for the call `action`.
    pub fn with_action(mut self, action: Action) -> BuildOptions {
        self.action = action;
        self
    }

    /// These options with the integration's name for the URL.
    pub fn with_connection_name(mut self, name: impl Into<String>) -> BuildOptions {
        self.connection_name = Some(name.into());
        self
    }

    /// These options with the platform URL, so that the request has a full `url`.
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> BuildOptions {
        self.base_url = Some(base_url.into());
        self
    }

    /// These options with the paths `style` for update and details.
    pub fn with_path_style(mut self, style: PathStyle) -> BuildOptions {
        self.path_style = style;
        self
    }
}

/// The path (and query) of a call on the integration called `name`.
pub fn request_path(action: Action, name: &str, style: PathStyle) -> String {
    let name = encode_component(name);
    match (action, style) {
        (Action::Create, _) | (Action::Update, PathStyle::Terraform) => INTEGRATIONS_PATH.into(),
        (Action::Update | Action::Delete, _) | (Action::Details, PathStyle::Terraform) => {
            format!("{INTEGRATIONS_PATH}/{name}")
        }
        (Action::Details, PathStyle::Documented) => format!("{INTEGRATIONS_PATH}/{name}/details"),
        (Action::Status, _) => format!("{STATUS_PATH}?integrationName={name}"),
    }
}

/// Builds the request from form state.
///
/// ```
/// use jira_integration_payloads::xray;
/// use serde_json::json;
///
/// let options = xray::BuildOptions::default()
///     .with_action(xray::Action::Status)
///     .with_connection_name("my jira");
/// let request = xray::build(&json!({}), &options).request.expect("no error");
/// assert_eq!(request.method, "GET");
/// assert_eq!(request.path, "/xray/api/v1/ticketing/integrations/status/check?integrationName=my%20jira");
/// ```
pub fn build(form: &Value, options: &BuildOptions) -> BuildResult {
    let option_name = options
        .connection_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let form_name = form
        .get("connection_name")
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let (mut report, body, name) = match options.action.operation() {
        Some(operation) => {
            let body = match form.as_object() {
                Some(obj) => Value::Object(canonical_body(obj, operation, option_name)),
                None => form.clone(),
            };
            let validation = Options {
                operation,
                connection_name: option_name.map(str::to_string),
            };
            let report = validate(&body, &validation);
            (report, Some(body), option_name.or(form_name))
        }
        None => {
            let name = option_name.or(form_name);
            let mut diagnostics = Vec::new();
            match name {
                None => diagnostics.push(missing_connection_name(match options.action {
                    Action::Details => "Getting an integration's details",
                    Action::Delete => "Deleting an integration",
                    _ => "The status check",
                })),
                Some(n) if options.action != Action::Status => {
                    diagnostics.extend(path_unsafe(n, ""));
                }
                Some(_) => {}
            }
            (Report::new(diagnostics), None, name)
        }
    };
    let path = request_path(options.action, name.unwrap_or(""), options.path_style);
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
    BuildResult::new(
        report,
        Request {
            method: options.action.method(),
            path,
            url,
            headers: Headers::json(body.is_some()),
            body,
        },
    )
}

fn with(report: Report, d: Diagnostic) -> Report {
    let mut all = report.diagnostics;
    all.push(d);
    Report::new(all)
}

/// The canonical body: fields in table order (unknown keys after, as given), unset values
/// dropped, strings trimmed except the password, check-box values converted. On create an unset
/// `auth_type` becomes `basic`, its only accepted value (X16); on update an unset
/// `connection_name` is filled from the URL's name.
pub fn canonical_body(
    form: &Map<String, Value>,
    operation: Operation,
    connection_name: Option<&str>,
) -> Map<String, Value> {
    let mut body = Map::new();
    for field in FIELDS {
        let value = form
            .get(field.name)
            .and_then(|raw| normalise_form_value(field.kind, raw));
        let value = value.or_else(|| match (field.name, operation) {
            ("auth_type", Operation::Create) => Some(Value::from("basic")),
            ("connection_name", Operation::Update) => connection_name.map(Value::from),
            _ => None,
        });
        if let Some(value) = value {
            body.insert(field.name.to_string(), value);
        }
    }
    for (k, v) in form {
        let extra = field_named(k).is_none() && k != crate::engine::SCHEMA_KEY;
        if extra && !v.is_null() && v.as_str() != Some("") {
            body.insert(k.clone(), v.clone());
        }
    }
    body
}
