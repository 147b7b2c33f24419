//! The WebAssembly export layer: JavaScript values in, a core call, JavaScript values out.
//!
//! Nothing here decides anything. Inputs cross as JSON (`JSON.stringify` inside a JS `try`, so a
//! cycle or a BigInt becomes an `invalid-input` diagnostic instead of a trap; a payload object
//! is then validated as that text, the others parsed into a `Value`), options objects in one
//! call when they hold only `operation` and property by property otherwise, and results go back
//! as plain objects.
//!
//! Every argument is taken as a `JsValue` and checked here, before a byte of it is copied into
//! the module: the glue of a `&str` parameter allocates `value.length` bytes before it finds the
//! value is no string (a Buffer leaked them; `{length: -1}` asked for 4 GiB and trapped). A
//! non-string where a string is expected throws a `TypeError` naming the argument; a text, an
//! object's JSON or an options object over the JSON-text limits gets the diagnostic a JSON text
//! gets, and an option string over [`MAX_OPTION_UNITS`] an `invalid-option` that never echoes it.
//! Text of the caller's that a diagnostic quotes (an option's key, the message of an exception
//! their code threw) is redacted, then cut, here, by [`crate::text::truncate`].

use crate::api;
use crate::diagnostics::Report;
use crate::json::MAX_TEXT_BYTES;
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

// talc instead of std's dlmalloc: smaller (Cargo.toml). The module is single-threaded.
#[cfg(not(target_feature = "atomics"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("wasm_types.d.ts");

/// The longest string an options object may hold in one property, in UTF-16 code units: the
/// 8 KiB request line servers (Tomcat, Jetty) accept by default bounds every URL and name an
/// option carries. Also the longest name argument that can name something.
pub const MAX_OPTION_UNITS: usize = 8192;

/// How many characters of an option's key a diagnostic shows, after redaction.
const SHOWN_KEY_CHARS: usize = 40;

/// How many characters of an exception's message a diagnostic shows, after redaction.
const SHOWN_REASON_CHARS: usize = 200;

/// Reads a JS value as JSON; `undefined` reads as `null`.
fn read(value: &JsValue) -> Result<Value, Report> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    Ok(read_json(value)?.unwrap_or(Value::Null))
}

/// `JSON.parse(JSON.stringify(value))`, read into Rust; `None` where `JSON.stringify` gives
/// `undefined` (for `undefined`, a function or a symbol).
/// The JSON text is held to the limits of a JSON text argument ([`MAX_TEXT_BYTES`], nesting)
/// and gets the same diagnostics, without a line and column (they would point into a text the
/// caller never wrote).
fn read_json(value: &JsValue) -> Result<Option<Value>, Report> {
    let Some(text) = payload_text(value)? else {
        return Ok(None);
    };
    match crate::json::parse(&text) {
        Ok(parsed) => Ok(Some(parsed.value)),
        Err(mut d) => {
            (d.line, d.column) = (None, None);
            Err(Report::new(vec![d]))
        }
    }
}

/// Reads an optional options argument; absent reads as `null`.
///
/// `{ operation: "add" }` and the like are recognised in one call; other options objects are
/// read property by property: strings, booleans and numbers directly, other values (a `current`
/// integration, a `tags` list) through JSON. For an object of plain data properties, which
/// options are, the result is what `JSON.stringify` then parsing would give, at a fraction of
/// the cost (measured with `make bench`); at the edges of exotic objects it differs: a
/// non-enumerable property is read, a `toJSON` method on the object itself is not called.
fn read_opt(value: Option<JsValue>) -> Result<Value, Report> {
    let Some(value) = value else {
        return Ok(Value::Null);
    };
    let operation = match operation_only_index(&value) {
        0 => return read_properties(&value),
        OTHER_OPERATION => match json_of("operation", &take_operation())? {
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
// one call into JavaScript instead of a call per key, value and string (docs/performance.md),
// with the same result as reading the object property by property.
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

    // The reads below return `undefined` where the JS call throws, and keep the reason for
    // `take_failure`: js-sys's `catch` imports leak an externref slot on every throw (measured
    // in tests/wasm/leaks.rs).

    /// `JSON.stringify(value)`.
    fn stringify(value: &JsValue) -> JsValue;

    /// `Reflect.ownKeys(value)`.
    #[wasm_bindgen(js_name = ownKeys)]
    fn own_keys(value: &JsValue) -> JsValue;

    /// `Reflect.get(object, key)`.
    #[wasm_bindgen(js_name = getProperty)]
    fn get_property(object: &JsValue, key: &JsValue) -> JsValue;

    /// Why the last guarded read threw, once, as the caller's code said it (at most
    /// `MAX_OPTION_UNITS` long: a longer message is not passed on); `None` if it did not.
    #[wasm_bindgen(js_name = takeFailure)]
    fn take_failure() -> Option<String>;
}

/// Why the last guarded read threw, redacted and then cut, once; `None` if it did not.
fn failure() -> Option<String> {
    take_failure().map(|reason| crate::text::truncate(&reason, SHOWN_REASON_CHARS))
}

/// An option's key as a diagnostic shows it: redacted, then cut.
fn shown_key(name: &str) -> String {
    crate::text::truncate(name, SHOWN_KEY_CHARS)
}

/// An options object, property by property; its keys and values together are held to
/// [`MAX_TEXT_BYTES`] as their JSON text would be.
fn read_properties(value: &JsValue) -> Result<Value, Report> {
    // `Reflect.ownKeys` fails on anything but an object, and on a proxy that throws (where
    // `Object.keys` would throw through the module): those, and arrays, are read whole. It also
    // lists non-enumerable keys, which plain options objects do not have.
    let keys = own_keys(value);
    let Some(keys) = keys.dyn_ref::<js_sys::Array>() else {
        take_failure();
        return read(value);
    };
    if js_sys::Array::is_array(value) {
        return read(value);
    }
    let mut map = serde_json::Map::new();
    let mut size = 0usize;
    for key in keys.iter() {
        let Some(key) = key.dyn_ref::<js_sys::JsString>() else {
            continue;
        };
        size = size.saturating_add(units(key)).saturating_add(1);
        if size > MAX_TEXT_BYTES {
            return Err(Report::new(vec![crate::json::too_large(size)]));
        }
        let name = String::from(key);
        let item = get_property(value, key);
        if item.is_undefined() && take_failure().is_some() {
            let shown = shown_key(&name);
            return Err(api::invalid_input(&format!(
                "options.{shown} cannot be read"
            )));
        }
        // JSON.stringify leaves out a property it cannot write (undefined, a function).
        if let Some(item) = json_of(&name, &item)? {
            size = size.saturating_add(json_size(&item));
            if size > MAX_TEXT_BYTES {
                return Err(Report::new(vec![crate::json::too_large(size)]));
            }
            map.insert(name, item);
        }
    }
    Ok(Value::Object(map))
}

/// A JS string's length in UTF-16 code units.
fn units(s: &js_sys::JsString) -> usize {
    usize::try_from(s.length()).unwrap_or(usize::MAX)
}

/// About the length of a value's JSON text: its strings' lengths and one per other scalar.
fn json_size(v: &Value) -> usize {
    match v {
        Value::String(s) => s.len(),
        Value::Array(a) => a.iter().map(json_size).fold(a.len(), usize::saturating_add),
        Value::Object(o) => o
            .iter()
            .map(|(k, v)| k.len().saturating_add(json_size(v)))
            .fold(o.len(), usize::saturating_add),
        _ => 1,
    }
}

/// One property value of an options object as JSON; `None` where `JSON.stringify` leaves the
/// property out. A string longer than [`MAX_OPTION_UNITS`] is refused before it is copied.
fn json_of(name: &str, item: &JsValue) -> Result<Option<Value>, Report> {
    Ok(Some(if let Some(s) = item.dyn_ref::<js_sys::JsString>() {
        let length = units(s);
        if length > MAX_OPTION_UNITS {
            return Err(api::option_too_long(
                &shown_key(name),
                length,
                MAX_OPTION_UNITS,
            ));
        }
        Value::String(String::from(s))
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
    /// `serde_json` only writes valid JSON, so it cannot throw.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn parse_json(text: &str) -> JsValue;
}

// A report crosses as a compact record (src/report_record.rs) that the glue turns into the plain
// object: no JSON text to write, decode and parse (measured with `make bench`).
#[wasm_bindgen(module = "/src/boundary.js")]
extern "C" {
    /// The catalogue's codes as a JS array, from [`crate::report_record::code_table`].
    #[wasm_bindgen(js_name = codeTable)]
    fn code_table(text: &str) -> JsValue;

    /// The plain object of a record: the words are read in place, the text decoded once.
    fn report(words: &[u32], text: &str, codes: &JsValue) -> JsValue;
}

thread_local! {
    /// The code table of this instance's records, made on the first report.
    static CODES: JsValue = code_table(&crate::report_record::code_table());
}

/// A report as a plain JS object, through its record.
fn write_report(report_value: &Report) -> JsValue {
    let record = report_value.to_record();
    CODES.with(|codes| report(&record.words, &record.text, codes))
}

/// A validation of a payload object: its `JSON.stringify` text (which [`read`] would parse into
/// a `Value`) validated as a JSON text by `from_text`, without the line and column the text's
/// reader places (they would point into a text the caller never wrote). The same report as
/// `from_value` of [`read`]'s `Value` (`tests/object_route.rs`), and faster: the text is copied
/// with `encodeInto` and read in one pass, not parsed into a `Value` (docs/performance.md).
/// `null`, `undefined` and what `JSON.stringify` cannot write are `from_value` of `null`.
fn validate_object(
    payload: &JsValue,
    options: Option<JsValue>,
    from_text: impl Fn(&str, &Value) -> Report,
    from_value: impl Fn(&Value, &Value) -> Report,
) -> JsValue {
    let text = if payload.is_undefined() || payload.is_null() {
        Ok(None)
    } else {
        payload_text(payload)
    };
    match (text, read_opt(options)) {
        (Ok(Some(t)), Ok(o)) => {
            let mut report = from_text(&t, &o);
            for d in &mut report.diagnostics {
                (d.line, d.column) = (None, None);
            }
            write_report(&report)
        }
        (Ok(None), Ok(o)) => write_report(&from_value(&Value::Null, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&e),
    }
}

/// A value's `JSON.stringify` text, copied in and held to the limits of a JSON text argument;
/// `None` where `JSON.stringify` gives `undefined`.
fn payload_text(value: &JsValue) -> Result<Option<String>, Report> {
    let text = stringify(value);
    let Some(text) = text.dyn_ref::<js_sys::JsString>() else {
        return match failure() {
            Some(reason) => Err(api::invalid_input(&reason)),
            None => Ok(None),
        };
    };
    match copy_text(text) {
        Text::Read(text) => Ok(Some(text)),
        Text::TooLarge(n) => Err(Report::new(vec![crate::json::too_large(n)])),
    }
}

/// A string argument, or why it is none: its length in UTF-8 bytes (at least) when it is longer
/// than a JSON text may be.
enum Text {
    Read(String),
    TooLarge(usize),
}

/// The string argument `name` of `function`; anything but a string throws a `TypeError` naming
/// both, before anything is copied into the module.
fn string_arg<'v>(
    value: &'v JsValue,
    function: &str,
    name: &str,
) -> Result<&'v js_sys::JsString, JsValue> {
    value.dyn_ref::<js_sys::JsString>().ok_or_else(|| {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        let message = format!("{function}: the {name} argument must be a string, not {kind}.");
        js_sys::TypeError::new(&message).into()
    })
}

// A string argument is copied with `TextEncoder.encodeInto`: wasm-bindgen's copy (`String::from`,
// a `&str` parameter) writes ASCII one unit at a time from JS first (docs/performance.md). The
// first try has a byte per unit, enough for ASCII text; other text is copied again into room for
// the most bytes its units can take (3 each), so ASCII text never holds three times its size.
#[wasm_bindgen(module = "/src/boundary.js")]
extern "C" {
    /// `TextEncoder.encodeInto(text, into)`: the bytes written, or -1 when `into` is too short.
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &js_sys::JsString, into: &mut [u8]) -> i32;
}

/// Reads the string argument `name` of `function`, held to [`MAX_TEXT_BYTES`] UTF-8 bytes.
fn text_arg(value: &JsValue, function: &str, name: &str) -> Result<Text, JsValue> {
    Ok(copy_text(string_arg(value, function, name)?))
}

/// A JS string copied into the module, held to [`MAX_TEXT_BYTES`] UTF-8 bytes.
fn copy_text(s: &js_sys::JsString) -> Text {
    // A UTF-16 unit is at least one UTF-8 byte: more units than the limit allows bytes is over
    // it, known before the copy; the copy's bytes then decide.
    let at_least = units(s);
    if at_least > MAX_TEXT_BYTES {
        return Text::TooLarge(at_least);
    }
    let mut bytes = vec![0; at_least];
    let mut written = encode_into(s, &mut bytes);
    if written < 0 {
        bytes = vec![0; at_least.saturating_mul(3)];
        written = encode_into(s, &mut bytes);
    }
    bytes.truncate(usize::try_from(written).unwrap_or(0));
    // encodeInto writes UTF-8 (a lone surrogate as U+FFFD, as `String::from` would).
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    match text.len() {
        bytes if bytes > MAX_TEXT_BYTES => Text::TooLarge(bytes),
        _ => Text::Read(text),
    }
}

/// A report-shaped answer for a string argument: `f` of the text, or `input-too-large`.
fn text_report(
    value: &JsValue,
    function: &str,
    name: &str,
    f: impl FnOnce(&str) -> JsValue,
) -> Result<JsValue, JsValue> {
    Ok(match text_arg(value, function, name)? {
        Text::Read(text) => f(&text),
        Text::TooLarge(n) => write_report(&Report::new(vec![crate::json::too_large(n)])),
    })
}

/// `f`'s report with the options, or the report on why the options cannot be read.
fn with_options(options: &Result<Value, Report>, f: impl FnOnce(&Value) -> Report) -> JsValue {
    match options {
        Ok(o) => write_report(&f(o)),
        Err(e) => write_report(e),
    }
}

/// `f`'s result with the options, as [`write`] writes it, or the report on the options.
fn result_with_options<T: Serialize>(
    options: &Result<Value, Report>,
    f: impl FnOnce(&Value) -> T,
) -> JsValue {
    match options {
        Ok(o) => write(&f(o)),
        Err(e) => write_report(e),
    }
}

/// A string argument that names something (a type, a schema): one over [`MAX_OPTION_UNITS`]
/// UTF-16 units names nothing, and is not copied.
fn name_arg(value: &JsValue, function: &str, name: &str) -> Result<String, JsValue> {
    let s = string_arg(value, function, name)?;
    Ok(if units(s) <= MAX_OPTION_UNITS {
        String::from(s)
    } else {
        String::new()
    })
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
    validate_object(
        &payload,
        options,
        api::validate_integration_json,
        api::validate_integration,
    )
}

/// Validates a Git Integration for Jira payload JSON text; diagnostics carry line and column.
#[wasm_bindgen(js_name = validateIntegrationJson, skip_typescript)]
pub fn validate_integration_json(
    text: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ValidateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_opt(options);
    text_report(&text, "validateIntegrationJson", "text", |text| {
        with_options(&options, |o| api::validate_integration_json(text, o))
    })
}

/// Builds the add or update request from loose form state.
#[wasm_bindgen(js_name = buildIntegrationRequest, skip_typescript)]
pub fn build_integration_request(
    #[wasm_bindgen(unchecked_param_type = "IntegrationForm")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "BuildOptions")] options: Option<JsValue>,
) -> JsValue {
    match (read(&form), read_opt(options)) {
        (Ok(f), Ok(o)) => write(&api::build_integration_request(&f, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&e),
    }
}

/// Parses a Git Integration for Jira response text.
#[wasm_bindgen(js_name = parseIntegrationResponse, unchecked_return_type = "IntegrationResponse")]
pub fn parse_integration_response(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    text_report(&text, "parseIntegrationResponse", "text", |text| {
        write(&crate::gij::parse_response(text))
    })
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
pub fn check_jmespath(expression: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = read_opt(options);
    text_report(&expression, "checkJmesPath", "expression", |e| {
        result_with_options(&options, |o| api::check_jmespath(e, o))
    })
}

/// Checks a `tagsFilter` or `prHideFilter` Java regex; with `tags`, previews what it shows.
#[wasm_bindgen(js_name = checkJavaRegex, skip_typescript)]
pub fn check_java_regex(pattern: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let options = read_opt(options);
    text_report(&pattern, "checkJavaRegex", "pattern", |p| {
        result_with_options(&options, |o| api::check_java_regex(p, o))
    })
}

/// Checks a `refSpecCustom` value (comma-separated git refspecs).
#[wasm_bindgen(js_name = checkRefSpecs, unchecked_return_type = "CheckResult<never>")]
pub fn check_ref_specs(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    text_report(&text, "checkRefSpecs", "text", |t| {
        write(&api::check_ref_specs(t))
    })
}

/// Checks an `apiPath` value against the conventions of the type's host.
#[wasm_bindgen(js_name = checkApiPath, skip_typescript)]
pub fn check_api_path(
    path: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ApiPathOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_opt(options);
    text_report(&path, "checkApiPath", "path", |p| {
        with_options(&options, |o| api::check_api_path(p, o))
    })
}

/// The documented `apiPath` examples for a type's host (placeholders in angle brackets).
#[wasm_bindgen(js_name = knownApiPaths, unchecked_return_type = "KnownApiPath[]")]
pub fn known_api_paths(
    #[wasm_bindgen(unchecked_param_type = "string")] integration_type: JsValue,
) -> Result<JsValue, JsValue> {
    let name = name_arg(&integration_type, "knownApiPaths", "type")?;
    Ok(write(&api::known_api_paths(&name)))
}

// JFrog Xray Jira integrations. Optional trailing arguments are `Option<JsValue>`; their
// TypeScript signatures are declared in wasm_types.d.ts (wasm-bindgen cannot write `?` there).
// Only `read` and `write` are used, so these exports do not depend on the other helpers here.

/// Validates an Xray Jira-integration body object.
#[wasm_bindgen(js_name = validateXrayJiraIntegration, skip_typescript)]
pub fn validate_xray_jira_integration(payload: JsValue, options: Option<JsValue>) -> JsValue {
    validate_object(
        &payload,
        options,
        api::validate_xray_jira_integration_json,
        api::validate_xray_jira_integration,
    )
}

/// Validates an Xray Jira-integration body JSON text; diagnostics carry line and column.
#[wasm_bindgen(js_name = validateXrayJiraIntegrationJson, skip_typescript)]
pub fn validate_xray_jira_integration_json(
    text: JsValue,
    options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = read_opt(options);
    let name = "validateXrayJiraIntegrationJson";
    text_report(&text, name, "text", |text| {
        with_options(&options, |o| {
            api::validate_xray_jira_integration_json(text, o)
        })
    })
}

/// Builds an Xray create, update, details, delete or status-check request from form state.
#[wasm_bindgen(js_name = buildXrayJiraIntegrationRequest, skip_typescript)]
pub fn build_xray_jira_integration_request(form: JsValue, options: Option<JsValue>) -> JsValue {
    match (read(&form), read_opt(options)) {
        (Ok(f), Ok(o)) => write(&api::build_xray_jira_integration_request(&f, &o)),
        (Err(e), _) | (_, Err(e)) => write_report(&e),
    }
}

/// Parses an Xray response from its HTTP status and body text.
#[wasm_bindgen(js_name = parseXrayResponse, skip_typescript)]
pub fn parse_xray_response(
    status: JsValue,
    text: JsValue,
    operation: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let name = "parseXrayResponse";
    let status = status
        .as_f64()
        .filter(|s| s.fract() == 0.0 && (0.0..=f64::from(u16::MAX)).contains(s))
        .ok_or_else(|| {
            js_sys::TypeError::new(&format!(
                "{name}: the status argument must be an HTTP status number."
            ))
        })?;
    // `as` is exact: `status` is a whole number in u16's range.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let status = status as u16;
    let operation = read(&operation.unwrap_or(JsValue::UNDEFINED)).unwrap_or(Value::Bool(false));
    text_report(&text, name, "text", |text| {
        write(&api::parse_xray_response(status, text, &operation))
    })
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
pub fn json_schema(
    #[wasm_bindgen(unchecked_param_type = "SchemaName")] name: JsValue,
) -> Result<JsValue, JsValue> {
    let name = name_arg(&name, "jsonSchema", "name")?;
    Ok(crate::schema::schema(&name).map_or(JsValue::NULL, |s| write(&s)))
}

/// `text` with every secret it shows (URL credentials, tokens, secret query values) masked, for
/// printing strings a caller was given, such as command-line arguments; a text over the JSON-text
/// limit is masked whole.
#[wasm_bindgen(js_name = redactText, unchecked_return_type = "string")]
pub fn redact_text(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
) -> Result<JsValue, JsValue> {
    use crate::diagnostics::secret_text::{MASK, redact_text};
    Ok(match text_arg(&text, "redactText", "text")? {
        Text::Read(t) => JsValue::from_str(&redact_text(&t)),
        Text::TooLarge(_) => JsValue::from_str(MASK),
    })
}
