//! The WebAssembly export layer: JavaScript values in, a core call, JavaScript values out.
//!
//! Nothing here decides anything. Inputs cross as JSON (`JSON.stringify` inside a JS `try`, so a
//! cycle or a BigInt becomes an `invalid-input` diagnostic instead of a trap), options objects in
//! one call when they hold only `operation` and property by property otherwise, and results go
//! back as plain objects.

use crate::api;
use crate::diagnostics::Report;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

// talc instead of std's dlmalloc: smaller (Cargo.toml). The module is single-threaded.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("wasm_types.d.ts");

/// Reads a JS value as JSON; `undefined` reads as `null`.
fn read(value: &JsValue) -> Result<Value, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    Ok(read_json(value)?.unwrap_or(Value::Null))
}

/// `JSON.parse(JSON.stringify(value))`, read into Rust; `None` where `JSON.stringify` gives
/// `undefined` (for `undefined`, a function or a symbol).
fn read_json(value: &JsValue) -> Result<Option<Value>, String> {
    let text = js_sys::JSON::stringify(value).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "JSON.stringify failed".into())
    })?;
    text.as_string()
        .map(|t| serde_json::from_str(&t).map_err(|e| e.to_string()))
        .transpose()
}

/// Reads an optional options argument; absent reads as `null`.
///
/// `{ operation: "add" }` and the like are recognised in one call; other options objects are
/// read property by property: strings, booleans and numbers directly, other values (a `current`
/// integration, a `tags` list) through JSON. For an object of plain data properties, which
/// options are, the result is what `JSON.stringify` then parsing would give, at a fraction of
/// the cost (measured with `make bench`); at the edges of exotic objects it differs: a
/// non-enumerable property is read, a `toJSON` method on the object itself is not called.
fn read_opt(value: Option<JsValue>) -> Result<Value, String> {
    let Some(value) = value else {
        return Ok(Value::Null);
    };
    let operation = match operation_only_index(&value) {
        0 => return read_properties(&value),
        OTHER_OPERATION => match json_of(&take_operation())? {
            Some(item) => item,
            None => return Ok(Value::Object(serde_json::Map::new())),
        },
        i => match OPERATIONS.get(i - 1) {
            Some(&op) => Value::from(op),
            None => return read_properties(&value),
        },
    };
    let mut options = serde_json::Map::with_capacity(1);
    options.insert("operation".to_owned(), operation);
    Ok(Value::Object(options))
}

/// The `operation` values of the APIs, in the order of `OPERATIONS` in `src/read_options.js`.
const OPERATIONS: [&str; 6] = ["add", "update", "create", "details", "delete", "status"];

/// [`operation_only_index`]'s answer for an object whose only own key is `operation`, with a
/// value that is none of `OPERATIONS`: [`take_operation`] gives the value it read.
const OTHER_OPERATION: usize = 7;

// `{ operation: "add" }` and the like, the options almost every call passes, are recognised in
// one call into JavaScript instead of a call per key, value and string (measured: 1.6 µs of a
// 12 µs validation), with the same result as reading the object property by property.
#[wasm_bindgen(module = "/src/read_options.js")]
extern "C" {
    /// For an object (not an array) whose only own key is `operation`: 1 + the index of its
    /// value in `OPERATIONS`, or `OTHER_OPERATION`; the value is read once, with [[Get]], as
    /// `JSON.stringify` and [`read_properties`] read it. 0 for anything else, and when reading
    /// throws (a proxy): the caller then reads the object in full and reports what throws.
    #[wasm_bindgen(js_name = operationOnly)]
    fn operation_only_index(options: &JsValue) -> usize;

    /// The `operation` value the last `operationOnly` call answered `OTHER_OPERATION` for.
    #[wasm_bindgen(js_name = takeOperation)]
    fn take_operation() -> JsValue;
}

/// An options object, property by property.
fn read_properties(value: &JsValue) -> Result<Value, String> {
    // `Reflect.ownKeys` fails on anything but an object, and on a proxy that throws (where
    // `Object.keys` would throw through the module): those, and arrays, are read whole. It also
    // lists non-enumerable keys, which plain options objects do not have.
    let keys = match js_sys::Reflect::own_keys(value) {
        Ok(keys) if !js_sys::Array::is_array(value) => keys,
        _ => return read(value),
    };
    let object: &js_sys::Object = value.unchecked_ref();
    let mut map = serde_json::Map::new();
    for key in keys {
        let Some(name) = key.as_string() else {
            continue;
        };
        let item = js_sys::Reflect::get(object, &key)
            .map_err(|_| format!("options.{name} cannot be read"))?;
        // JSON.stringify leaves out a property it cannot write (undefined, a function).
        if let Some(item) = json_of(&item)? {
            map.insert(name, item);
        }
    }
    Ok(Value::Object(map))
}

/// One property value of an options object as JSON; `None` where `JSON.stringify` leaves the
/// property out.
fn json_of(item: &JsValue) -> Result<Option<Value>, String> {
    Ok(Some(if let Some(s) = item.as_string() {
        Value::String(s)
    } else if let Some(b) = item.as_bool() {
        Value::Bool(b)
    } else if let Some(n) = item.as_f64() {
        crate::values::js_number(n)
    } else {
        return read_json(item);
    }))
}

/// A result as a plain JS object: serialised to JSON text here, then `JSON.parse`. One string
/// crosses the boundary instead of a call per property, which is faster than building the object
/// from Rust (serde-wasm-bindgen) and needs no second serialiser for every result type (smaller);
/// measured with `make bench` and `make size`. An integer beyond 2^53 (a diagnostic's `value`
/// param) is rounded by `JSON.parse` as JavaScript always does.
fn write<T: Serialize>(value: &T) -> JsValue {
    serde_json::to_string(value).map_or(JsValue::NULL, |text| parse_json(&text))
}

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` without the exception guard `js_sys::JSON::parse` wraps every call in:
    /// `serde_json` and [`Report::to_json`] only write valid JSON, so it cannot throw.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn parse_json(text: &str) -> JsValue;
}

/// A report as a plain JS object, through [`Report::to_json`].
fn write_report(report: &Report) -> JsValue {
    parse_json(&report.to_json())
}

fn report_or_invalid(
    payload: &JsValue,
    options: Option<JsValue>,
    f: impl Fn(&Value, &Value) -> Report,
) -> JsValue {
    match (read(payload), read_opt(options)) {
        (Ok(p), Ok(o)) => write_report(&f(&p, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&api::invalid_input(&e)),
    }
}

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// Validates a Git Integration for Jira payload object.
#[wasm_bindgen(js_name = validateIntegration, skip_typescript)]
pub fn validate_integration(
    #[wasm_bindgen(unchecked_param_type = "IntegrationPayload")] payload: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    report_or_invalid(&payload, options, api::validate_integration)
}

/// Validates a Git Integration for Jira payload JSON text; diagnostics carry line and column.
#[wasm_bindgen(js_name = validateIntegrationJson, skip_typescript)]
pub fn validate_integration_json(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> JsValue {
    match read_opt(options) {
        Ok(o) => write_report(&api::validate_integration_json(text, &o)),
        Err(e) => write_report(&api::invalid_input(&e)),
    }
}

/// Builds the add or update request from loose form state.
#[wasm_bindgen(js_name = buildIntegrationRequest, skip_typescript)]
pub fn build_integration_request(
    #[wasm_bindgen(unchecked_param_type = "IntegrationForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: Option<JsValue>,
) -> JsValue {
    match (read(&form), read_opt(options)) {
        (Ok(f), Ok(o)) => write(&api::build_integration_request(&f, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&api::invalid_input(&e)),
    }
}

/// Parses a Git Integration for Jira response text.
#[wasm_bindgen(js_name = parseIntegrationResponse, unchecked_return_type = "IntegrationResponse")]
pub fn parse_integration_response(text: &str) -> JsValue {
    write(&crate::gij::parse_response(text))
}

/// A copy of a payload with every secret masked, safe to log.
#[wasm_bindgen(js_name = redactIntegration, unchecked_return_type = "IntegrationPayload | null")]
pub fn redact_integration(
    #[wasm_bindgen(unchecked_param_type = "IntegrationPayload")] payload: JsValue,
) -> JsValue {
    match read(&payload) {
        Ok(v) => write(&crate::redact::redact(&v)),
        Err(_) => JsValue::NULL,
    }
}

/// The integration types with their fields, defaults and requirements, for forms.
#[wasm_bindgen(js_name = integrationTypes, unchecked_return_type = "IntegrationTypeDescription[]")]
pub fn integration_types() -> JsValue {
    write(&crate::gij::integration_types())
}

/// Every diagnostic code with its severity and summary.
#[wasm_bindgen(js_name = ruleCatalogue, unchecked_return_type = "CatalogueEntry[]")]
pub fn rule_catalogue() -> JsValue {
    let entries: Vec<Value> = crate::catalogue()
        .into_iter()
        .map(|c| serde_json::json!({"code": c.id, "severity": c.severity.as_str(), "summary": c.summary}))
        .collect();
    write(&entries)
}

/// Checks an `apiFilter` JMESPath expression; with `sample`, previews what it keeps.
#[wasm_bindgen(js_name = checkJmesPath, skip_typescript)]
pub fn check_jmespath(expression: &str, options: Option<JsValue>) -> JsValue {
    match read_opt(options) {
        Ok(o) => write(&api::check_jmespath(expression, &o)),
        Err(e) => write_report(&api::invalid_input(&e)),
    }
}

/// Checks a `tagsFilter` or `prHideFilter` Java regex; with `tags`, previews what it shows.
#[wasm_bindgen(js_name = checkJavaRegex, skip_typescript)]
pub fn check_java_regex(pattern: &str, options: Option<JsValue>) -> JsValue {
    match read_opt(options) {
        Ok(o) => write(&api::check_java_regex(pattern, &o)),
        Err(e) => write_report(&api::invalid_input(&e)),
    }
}

/// Checks a `refSpecCustom` value (comma-separated git refspecs).
#[wasm_bindgen(js_name = checkRefSpecs, unchecked_return_type = "CheckResult<never>")]
pub fn check_ref_specs(text: &str) -> JsValue {
    write(&api::check_ref_specs(text))
}

/// Checks an `apiPath` value against the conventions of the type's host.
#[wasm_bindgen(js_name = checkApiPath, skip_typescript)]
pub fn check_api_path(
    path: &str,
    #[wasm_bindgen(unchecked_param_type = "ApiPathOptions")] options: Option<JsValue>,
) -> JsValue {
    match read_opt(options) {
        Ok(o) => write_report(&api::check_api_path(path, &o)),
        Err(e) => write_report(&api::invalid_input(&e)),
    }
}

/// The documented `apiPath` examples for a type's host (placeholders in angle brackets).
#[wasm_bindgen(js_name = knownApiPaths, unchecked_return_type = "KnownApiPath[]")]
pub fn known_api_paths(integration_type: &str) -> JsValue {
    write(&api::known_api_paths(integration_type))
}

// JFrog Xray Jira integrations. Optional trailing arguments are `Option<JsValue>`; their
// TypeScript signatures are declared in wasm_types.d.ts (wasm-bindgen cannot write `?` there).
// Only `read` and `write` are used, so these exports do not depend on the other helpers here.

/// Validates an Xray Jira-integration body object.
#[wasm_bindgen(js_name = validateXrayJiraIntegration, skip_typescript)]
pub fn validate_xray_jira_integration(payload: JsValue, options: Option<JsValue>) -> JsValue {
    match (read(&payload), read_opt(options)) {
        (Ok(p), Ok(o)) => write_report(&api::validate_xray_jira_integration(&p, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&api::invalid_input(&e)),
    }
}

/// Validates an Xray Jira-integration body JSON text; diagnostics carry line and column.
#[wasm_bindgen(js_name = validateXrayJiraIntegrationJson, skip_typescript)]
pub fn validate_xray_jira_integration_json(text: &str, options: Option<JsValue>) -> JsValue {
    match read_opt(options) {
        Ok(o) => write_report(&api::validate_xray_jira_integration_json(text, &o)),
        Err(e) => write_report(&api::invalid_input(&e)),
    }
}

/// Builds an Xray create, update, details, delete or status-check request from form state.
#[wasm_bindgen(js_name = buildXrayJiraIntegrationRequest, skip_typescript)]
pub fn build_xray_jira_integration_request(form: JsValue, options: Option<JsValue>) -> JsValue {
    match (read(&form), read_opt(options)) {
        (Ok(f), Ok(o)) => write(&api::build_xray_jira_integration_request(&f, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&api::invalid_input(&e)),
    }
}

/// Parses an Xray response from its HTTP status and body text.
#[wasm_bindgen(js_name = parseXrayResponse, skip_typescript)]
pub fn parse_xray_response(status: u16, text: &str, operation: Option<JsValue>) -> JsValue {
    let operation = read(&operation.unwrap_or(JsValue::UNDEFINED)).unwrap_or(Value::Bool(false));
    write(&api::parse_xray_response(status, text, &operation))
}

/// A copy of an Xray body with the password and URL credentials masked, safe to log.
#[wasm_bindgen(
    js_name = redactXrayJiraIntegration,
    unchecked_return_type = "XrayJiraIntegrationPayload | null"
)]
pub fn redact_xray_jira_integration(
    #[wasm_bindgen(unchecked_param_type = "XrayJiraIntegrationPayload")] payload: JsValue,
) -> JsValue {
    match read(&payload) {
        Ok(v) => write(&api::redact_xray_jira_integration(&v)),
        Err(_) => JsValue::NULL,
    }
}

/// The Xray fields with their kinds, limits and per-operation requirements, for forms.
#[wasm_bindgen(js_name = xrayFields, unchecked_return_type = "XrayFieldDescription[]")]
pub fn xray_fields() -> JsValue {
    write(&api::xray_fields())
}

/// The JSON Schema (draft 2020-12) of a request body: `gij-add`, `gij-update`, `xray-create` or
/// `xray-update`; `null` for another name.
#[wasm_bindgen(js_name = jsonSchema, unchecked_return_type = "JsonSchema | null")]
pub fn json_schema(#[wasm_bindgen(unchecked_param_type = "SchemaName")] name: &str) -> JsValue {
    crate::schema::schema(name).map_or(JsValue::NULL, |s| write(&s))
}
