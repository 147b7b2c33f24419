//! The crate's API over loosely typed options, as JavaScript and the CLI pass them: every
//! function takes JSON values and returns a serialisable result. The wasm layer is a thin
//! conversion around these.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::gij::{self, BuildOptions, Operation, Options};
use crate::request::BuildResult;
use serde_json::Value;

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
        current: get("current").cloned(),
    })
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

/// `buildIntegrationRequest(form, options)`.
pub fn build_integration_request(form: &Value, options: &Value) -> BuildResult {
    match gij_options(options) {
        Ok(validation) => {
            let base_url = options
                .get("baseUrl")
                .and_then(Value::as_str)
                .map(str::to_string);
            gij::build(
                form,
                &BuildOptions {
                    validation,
                    base_url,
                },
            )
        }
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

/// The codes this module can emit.
pub const CODES: &[Code] = &[INVALID_OPTION, INVALID_INPUT];

/// `checkRefSpecs(text)`: a `refSpecCustom` value on its own.
pub fn check_ref_specs(text: &str) -> Report {
    Report::new(crate::lang::refspec::check_refspecs(text))
}

/// `checkApiPath(path, {type?, origin?})`: an `apiPath` value on its own.
pub fn check_api_path(path: &str, options: &Value) -> Report {
    let host = options.get("type").and_then(Value::as_str).map_or(
        crate::lang::api_path::ApiHost::Other,
        crate::lang::api_path::ApiHost::from_integration_type,
    );
    let origin = options.get("origin").and_then(Value::as_str);
    Report::new(crate::lang::api_path::check_api_path(path, host, origin))
}

/// `knownApiPaths(type)`: the documented `apiPath` examples for a type's host.
pub fn known_api_paths(integration_type: &str) -> &'static [crate::lang::api_path::KnownPath] {
    crate::lang::api_path::known_paths(crate::lang::api_path::ApiHost::from_integration_type(
        integration_type,
    ))
}
