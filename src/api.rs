//! The crate's API over loosely typed options, as JavaScript and the CLI pass them: every
//! function takes JSON values and returns a serialisable result. The wasm layer is a thin
//! conversion around these.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::gij::api_path::{self, ApiHost};
use crate::gij::{self, BuildOptions, IntegrationType, Operation, Options};
use crate::request::BuildResult;
use crate::values::is_blank;
use crate::xray;
use serde_json::Value;

pub use crate::gij::api_path::KnownPath;
pub use crate::lang::java_regex::{Mode as JavaRegexMode, Preview as JavaRegexPreview};
pub use crate::lang::jmespath::{Preview as JmesPathPreview, PreviewItem as JmesPathPreviewItem};

/// An option has a value it cannot take.
pub const INVALID_OPTION: Code = Code::new(
    "invalid-option",
    Severity::Error,
    "An option passed to the function has a wrong value (e.g. operation other than add or update).",
);
/// A JavaScript value that has no JSON form.
pub const INVALID_INPUT: Code = Code::new(
    "invalid-input",
    Severity::Error,
    "The JavaScript value cannot be read as JSON (it has a cycle, a BigInt, or nests too deeply).",
);

/// Reads `{operation?, integrationId?, current?}`.
#[allow(clippy::result_large_err)]
pub fn gij_options(options: &Value) -> Result<Options, Diagnostic> {
    let get = |k: &str| options.get(k).filter(|v| !v.is_null());
    let operation = match get("operation") {
        None => Operation::Add,
        Some(Value::String(s)) if s == "add" => Operation::Add,
        Some(Value::String(s)) if s == "update" => Operation::Update,
        Some(_) => {
            return Err(Diagnostic::new(
                &INVALID_OPTION,
                "",
                "operation must be \"add\" or \"update\".",
            )
            .param("option", "operation")
            .param("allowed", vec!["add", "update"]));
        }
    };
    Ok(Options {
        operation,
        integration_id: get("integrationId").cloned(),
        current: get("current").map(current_option),
    })
}

/// The `current` option; the text of a GET response is read as JSON (text that is not JSON is
/// kept, and validation reports it as `invalid-current`).
fn current_option(v: &Value) -> Value {
    match v {
        Value::String(text) => crate::json::parse(text).map_or_else(|_| v.clone(), |p| p.value),
        other => other.clone(),
    }
}

/// Reads the `clear` option: the names of text, secret or project-id fields whose empty form
/// value clears them on update.
#[allow(clippy::result_large_err)]
fn clear_option(options: &Value) -> Result<Vec<&'static gij::fields::Field>, Diagnostic> {
    use gij::fields::Kind;
    let names = match options.get("clear") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(names)) => names,
        Some(_) => &Vec::new(),
    };
    let fields: Option<Vec<_>> = names
        .iter()
        .map(|name| {
            name.as_str()
                .and_then(gij::fields::field_named)
                .filter(|f| {
                    matches!(
                        f.kind,
                        Kind::String { .. } | Kind::Secret | Kind::ProjectIds
                    )
                })
        })
        .collect();
    match fields {
        Some(fields) if options.get("clear").is_some_and(Value::is_array) => Ok(fields),
        _ => Err(Diagnostic::new(
            &INVALID_OPTION,
            "",
            "clear must be an array of the names of text, secret or projectMappingIds fields.",
        )
        .param("option", "clear")),
    }
}

fn option_error(d: Diagnostic) -> Report {
    Report::new(vec![d])
}

/// `validateIntegration(payload, options)`.
pub fn validate_integration(payload: &Value, options: &Value) -> Report {
    match gij_options(options) {
        Ok(o) => gij::validate(payload, &o),
        Err(d) => option_error(d),
    }
}

/// `validateIntegrationJson(text, options)`.
pub fn validate_integration_json(text: &str, options: &Value) -> Report {
    match gij_options(options) {
        Ok(o) => gij::validate_json(text, &o),
        Err(d) => option_error(d),
    }
}

/// The builder's options: the validation options, `baseUrl` and `clear`.
#[allow(clippy::result_large_err)]
fn gij_build_options(options: &Value) -> Result<BuildOptions, Diagnostic> {
    Ok(BuildOptions {
        validation: gij_options(options)?,
        base_url: options
            .get("baseUrl")
            .and_then(Value::as_str)
            .map(str::to_string),
        clear: clear_option(options)?,
    })
}

/// `buildIntegrationRequest(form, options)`.
pub fn build_integration_request(form: &Value, options: &Value) -> BuildResult {
    match gij_build_options(options) {
        Ok(o) => gij::build(form, &o),
        Err(d) => BuildResult::new(
            option_error(d),
            crate::request::Request {
                method: "POST",
                path: String::new(),
                url: None,
                headers: crate::request::Headers::json(false),
                body: None,
            },
        ),
    }
}

/// A report for input that could not be converted to JSON.
pub fn invalid_input(reason: &str) -> Report {
    Report::new(vec![
        Diagnostic::new(
            &INVALID_INPUT,
            "",
            format!("The value cannot be read as JSON: {reason}."),
        )
        .param("reason", reason),
    ])
}

/// A report for an option string of `length` characters, over `limit`; the value is not echoed.
pub fn option_too_long(option: &str, length: usize, limit: usize) -> Report {
    Report::new(vec![
        Diagnostic::new(
            &INVALID_OPTION,
            "",
            format!("The {option} option is {length} characters long; the limit is {limit}."),
        )
        .param("option", option)
        .param("limit", limit),
    ])
}

/// The codes this module can emit.
pub const CODES: &[Code] = &[INVALID_OPTION, INVALID_INPUT];

/// The result of checking one field-language text: the report, and a preview when asked for.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[non_exhaustive]
pub struct CheckResult<P> {
    /// No diagnostic is an error.
    pub ok: bool,
    /// Every finding, positioned by `span` (and an `excerpt` param) inside the text.
    pub diagnostics: Vec<Diagnostic>,
    /// What the filter does to the sample, when one was given and it could be computed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preview: Option<P>,
}

impl<P> CheckResult<P> {
    fn new(text: &str, diagnostics: Vec<Diagnostic>, preview: Option<P>) -> CheckResult<P> {
        let report = Report::new(crate::lang::place(diagnostics, "", text));
        CheckResult {
            ok: report.ok,
            diagnostics: report.diagnostics,
            preview,
        }
    }
}

/// Adds the preview's own diagnostics (e.g. "preview unavailable") to the check's.
fn merge_preview<P>(
    mut diagnostics: Vec<Diagnostic>,
    preview: Option<Result<P, Vec<Diagnostic>>>,
) -> (Vec<Diagnostic>, Option<P>) {
    match preview {
        Some(Ok(p)) => (diagnostics, Some(p)),
        Some(Err(extra)) => {
            for d in extra {
                if !diagnostics.contains(&d) {
                    diagnostics.push(d);
                }
            }
            (diagnostics, None)
        }
        None => (diagnostics, None),
    }
}

/// `checkJmesPath(expression, {type?, githubApp?, sample?})`: an `apiFilter` on its own, with a
/// preview of what it keeps from `sample` (a repository listing as the host returns it).
pub fn check_jmespath(expression: &str, options: &Value) -> CheckResult<JmesPathPreview> {
    use crate::lang::jmespath::{self, HostShape};
    let github_app = options
        .get("githubApp")
        .and_then(Value::as_bool)
        .unwrap_or_else(|| jmespath::looks_like_github_app_filter(expression));
    let host = integration_type(options).map_or(HostShape::Unknown, |t| t.listing(github_app));
    let diagnostics = jmespath::check(expression, host);
    let preview = options
        .get("sample")
        .filter(|s| !s.is_null() && !is_blank(expression))
        .map(|sample| jmespath::preview(expression, sample, host));
    let (diagnostics, preview) = merge_preview(diagnostics, preview);
    CheckResult::new(expression, diagnostics, preview)
}

/// `checkJavaRegex(pattern, {tags?, mode?})`: a `tagsFilter` (`mode: "show"`, the default) or
/// `prHideFilter` (`mode: "hide"`) on its own, with a preview over `tags`.
///
/// ```
/// use jira_integration_payloads::api;
/// use serde_json::json;
///
/// let result = api::check_java_regex("^release-.*", &json!({"tags": ["release-1", "v2"]}));
/// assert!(result.ok);
/// assert_eq!(result.preview.expect("a preview").shown, ["release-1"]);
/// assert!(!api::check_java_regex("(?P<n>a)", &json!({})).ok);
/// ```
pub fn check_java_regex(pattern: &str, options: &Value) -> CheckResult<JavaRegexPreview> {
    use crate::lang::java_regex::{self, Mode};
    let mode = match options.get("mode").and_then(Value::as_str) {
        Some("hide") => Mode::Hide,
        _ => Mode::Show,
    };
    let diagnostics = java_regex::check(pattern);
    let tags: Option<Vec<String>> = options.get("tags").and_then(Value::as_array).map(|items| {
        items
            .iter()
            .filter_map(|t| t.as_str().map(str::to_string))
            .collect()
    });
    // The preview echoes the tags: redacted like everything else shown.
    let preview = tags.map(|tags| {
        java_regex::preview(pattern, &tags, mode).map(|mut p| {
            for tag in p
                .shown
                .iter_mut()
                .chain(&mut p.hidden)
                .chain(&mut p.ambiguous)
            {
                *tag = crate::redact::redact_url(tag);
            }
            p
        })
    });
    let (diagnostics, preview) = merge_preview(diagnostics, preview);
    CheckResult::new(pattern, diagnostics, preview)
}

/// `checkRefSpecs(text)`: a `refSpecCustom` value on its own.
pub fn check_ref_specs(text: &str) -> CheckResult<()> {
    CheckResult::new(text, crate::lang::refspec::check_refspecs(text), None)
}

/// `checkApiPath(path, {type?, origin?})`: an `apiPath` value on its own.
pub fn check_api_path(path: &str, options: &Value) -> Report {
    let host = integration_type(options).map_or(ApiHost::Other, |t| t.info().api_host);
    let origin = options.get("origin").and_then(Value::as_str);
    Report::new(crate::lang::place(
        api_path::check_api_path(path, host, origin),
        "",
        path,
    ))
}

/// `knownApiPaths(type)`: the documented `apiPath` examples for a type's host.
pub fn known_api_paths(integration_type: &str) -> &'static [KnownPath] {
    let host =
        IntegrationType::parse(integration_type).map_or(ApiHost::Other, |t| t.info().api_host);
    api_path::known_paths(host)
}

/// The `type` option, when it names an integration type exactly.
fn integration_type(options: &Value) -> Option<IntegrationType> {
    options
        .get("type")
        .and_then(Value::as_str)
        .and_then(IntegrationType::parse)
}

/// Reads the `connectionName` option: a string (or a number, as a form may give it).
#[allow(clippy::result_large_err)]
fn connection_name_option(options: &Value) -> Result<Option<String>, Diagnostic> {
    match options.get("connectionName") {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(_) => Err(
            Diagnostic::new(&INVALID_OPTION, "", "connectionName must be a string.")
                .param("option", "connectionName"),
        ),
    }
}

/// Reads a string option with a fixed set of values; absent reads as `default`.
#[allow(clippy::result_large_err)]
fn choice<T: Copy>(
    options: &Value,
    name: &'static str,
    allowed: &'static [&'static str],
    parse: fn(&str) -> Option<T>,
    default: T,
) -> Result<T, Diagnostic> {
    match options.get(name).filter(|v| !v.is_null()) {
        None => Ok(default),
        Some(v) => v.as_str().and_then(parse).ok_or_else(|| {
            let quoted: Vec<String> = allowed.iter().map(|a| format!("\"{a}\"")).collect();
            Diagnostic::new(
                &INVALID_OPTION,
                "",
                format!("{name} must be {}.", quoted.join(" or ")),
            )
            .param("option", name)
            .param("allowed", allowed.to_vec())
        }),
    }
}

/// Reads `{operation?: "create" | "update", connectionName?}`.
#[allow(clippy::result_large_err)]
pub fn xray_options(options: &Value) -> Result<xray::Options, Diagnostic> {
    let operation = choice(
        options,
        "operation",
        &["create", "update"],
        |s| match s {
            "create" => Some(xray::Operation::Create),
            "update" => Some(xray::Operation::Update),
            _ => None,
        },
        xray::Operation::Create,
    )?;
    Ok(xray::Options {
        operation,
        connection_name: connection_name_option(options)?,
    })
}

/// Reads `{operation?, connectionName?, baseUrl?, pathStyle?}` for the Xray builder.
#[allow(clippy::result_large_err)]
pub fn xray_build_options(options: &Value) -> Result<xray::BuildOptions, Diagnostic> {
    Ok(xray::BuildOptions {
        action: choice(
            options,
            "operation",
            &["create", "update", "details", "delete", "status"],
            xray::Action::parse,
            xray::Action::Create,
        )?,
        connection_name: connection_name_option(options)?,
        base_url: options
            .get("baseUrl")
            .and_then(Value::as_str)
            .map(str::to_string),
        path_style: choice(
            options,
            "pathStyle",
            &["documented", "terraform"],
            xray::PathStyle::parse,
            xray::PathStyle::Documented,
        )?,
    })
}

/// `validateXrayJiraIntegration(payload, options)`.
pub fn validate_xray_jira_integration(payload: &Value, options: &Value) -> Report {
    match xray_options(options) {
        Ok(o) => xray::validate(payload, &o),
        Err(d) => option_error(d),
    }
}

/// `validateXrayJiraIntegrationJson(text, options)`.
pub fn validate_xray_jira_integration_json(text: &str, options: &Value) -> Report {
    match xray_options(options) {
        Ok(o) => xray::validate_json(text, &o),
        Err(d) => option_error(d),
    }
}

/// `buildXrayJiraIntegrationRequest(form, options)`.
pub fn build_xray_jira_integration_request(form: &Value, options: &Value) -> BuildResult {
    match xray_build_options(options) {
        Ok(o) => xray::build(form, &o),
        Err(d) => BuildResult {
            ok: false,
            diagnostics: vec![d],
            request: None,
        },
    }
}

/// `parseXrayResponse(status, text, operation?)`; `operation` is `null` or one of the five calls.
pub fn parse_xray_response(status: u16, text: &str, operation: &Value) -> xray::XrayResponse {
    let action = match operation {
        Value::Null => Ok(None),
        Value::String(s) => xray::Action::parse(s).map(Some).ok_or(()),
        _ => Err(()),
    };
    match action {
        Ok(action) => xray::parse_response(status, text, action),
        Err(()) => {
            let mut r = xray::parse_response(status, text, None);
            r.ok = false;
            r.explanation = "The operation option is not create, update, details, delete or status, so the response was not interpreted.".into();
            let allowed: Vec<&str> = xray::Action::ALL.iter().map(|a| a.as_str()).collect();
            r.diagnostics.insert(
                0,
                Diagnostic::new(
                    &INVALID_OPTION,
                    "",
                    "operation must be \"create\", \"update\", \"details\", \"delete\" or \"status\".",
                )
                .param("option", "operation")
                .param("allowed", allowed),
            );
            r
        }
    }
}

/// `redactXrayJiraIntegration(payload)`: a copy with the password masked and any credentials in
/// `jira_server_url` hidden, safe to log.
pub fn redact_xray_jira_integration(payload: &Value) -> Value {
    crate::redact::redact(payload)
}

/// `xrayFields()`: the field table, for forms.
pub fn xray_fields() -> &'static [xray::fields::Field] {
    xray::FIELDS
}
