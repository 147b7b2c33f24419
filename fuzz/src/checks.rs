//! The invariants, and the drivers that put an input through every function that takes it. A
//! broken law panics: libFuzzer reports it as a finding.

use crate::{assert_no_secret, generate, has_secret};
use arbitrary::Unstructured;
use jira_integration_payloads::api;
use jira_integration_payloads::diagnostics::{Diagnostic, Report};
use jira_integration_payloads::redact::redact;
use jira_integration_payloads::request::BuildResult;
use serde_json::Value;

fn to_json(v: &impl serde::Serialize) -> String {
    serde_json::to_string(v).unwrap_or_default()
}

/// No serialised, Debug or Display form of a report names the secret, nor the text of the record
/// the wasm exports return it as (`Report::to_record`).
pub fn report_keeps_secret(what: &str, r: &Report) {
    assert_no_secret(what, &to_json(r));
    assert_no_secret(what, &r.to_record().text);
    assert_no_secret(what, &format!("{r:?}"));
    diagnostics_keep_secret(what, &r.diagnostics);
}

/// No form of the diagnostics names the secret, and each is already redacted: redacting it again
/// changes nothing (checked on the diagnostics as returned, not through `Report::new`, which
/// would redact them first).
fn diagnostics_keep_secret(what: &str, diagnostics: &[Diagnostic]) {
    assert_no_secret(what, &to_json(&diagnostics));
    for d in diagnostics {
        assert_no_secret(what, &d.to_string());
        let mut again = d.clone();
        again.redact();
        assert_eq!(&again, d, "{what}: a returned diagnostic redacts further");
    }
}

/// Only the request body may carry the secret: not the diagnostics, the path, the URL or the
/// Debug output (which masks the body).
pub fn build_keeps_secret(what: &str, b: &BuildResult) {
    diagnostics_keep_secret(what, &b.diagnostics);
    assert_no_secret(what, &format!("{b:?}"));
    if let Some(r) = &b.request {
        assert_no_secret(what, &r.path);
        assert_no_secret(what, r.url.as_deref().unwrap_or(""));
    }
}

/// Redacting a redacted copy changes nothing (so nothing is left that looks like a secret).
pub fn redaction_is_idempotent(v: &Value) -> Value {
    let once = redact(v);
    assert_eq!(redact(&once), once, "redacting twice differs from once");
    once
}

/// `ok` means no error, and a request comes back exactly when `ok`.
pub fn build_is_consistent(b: &BuildResult) {
    assert_eq!(b.ok, b.request.is_some(), "{:?}", b.diagnostics);
    assert_eq!(b.ok, Report::new(b.diagnostics.clone()).ok);
}

/// Every span lies inside `text` (character offsets, end not before start).
pub fn spans_inside(diagnostics: &[Diagnostic], text: &str) {
    let chars = text.chars().count();
    for d in diagnostics {
        if let Some(s) = d.span {
            assert!(
                s.start <= s.end && s.end <= chars,
                "span {s:?} outside a text of {chars} characters: {d}"
            );
        }
    }
}

/// The codes only a JSON text can have (README, Rule catalogue: the JSON reader's codes).
const TEXT_CODES: &[&str] = &[
    "invalid-json",
    "input-too-large",
    "nesting-too-deep",
    "duplicate-key",
];

/// The value path and the JSON-text path of a validation agree on the codes about the value,
/// and every diagnostic of the text path has a line and column.
fn text_agrees(value_report: &Report, text_report: &Report) {
    // Only text has duplicate keys (serde_json keeps the last value, as the text path does).
    let about_value = |r: &Report| -> Vec<&str> {
        let text_only = |c: &str| TEXT_CODES.contains(&c);
        r.codes().into_iter().filter(|c| !text_only(c)).collect()
    };
    assert_eq!(about_value(value_report), about_value(text_report));
    positioned(text_report);
}

/// Every diagnostic of a JSON-text validation has a line and column.
fn positioned(text_report: &Report) {
    for d in &text_report.diagnostics {
        assert!(d.line.is_some() && d.column.is_some(), "no position: {d}");
    }
}

/// Which API an input is for.
#[derive(Clone, Copy)]
pub enum Api {
    /// Git Integration for Jira.
    Gij,
    /// JFrog Xray.
    Xray,
}

impl Api {
    fn validate_text(self, text: &str, options: &Value) -> Report {
        match self {
            Api::Gij => api::validate_integration_json(text, options),
            Api::Xray => api::validate_xray_jira_integration_json(text, options),
        }
    }

    fn validate_value(self, value: &Value, options: &Value) -> Report {
        match self {
            Api::Gij => api::validate_integration(value, options),
            Api::Xray => api::validate_xray_jira_integration(value, options),
        }
    }

    fn options_are_valid(self, options: &Value) -> bool {
        match self {
            Api::Gij => api::gij_options(options).is_ok(),
            Api::Xray => api::xray_options(options).is_ok(),
        }
    }

    fn build(self, form: &Value, options: &Value) -> BuildResult {
        match self {
            Api::Gij => api::build_integration_request(form, options),
            Api::Xray => api::build_xray_jira_integration_request(form, options),
        }
    }

    /// The validation options a built body answers to. The Xray builder trims the connection
    /// name as it trims form strings, and the URL it builds holds the trimmed name.
    fn as_built(self, options: &Value) -> Value {
        let mut options = options.clone();
        if let (Api::Xray, Some(map)) = (self, options.as_object_mut())
            && let Some(Value::String(name)) = map.get("connectionName")
        {
            match name.trim().to_string() {
                trimmed if trimmed.is_empty() => map.remove("connectionName"),
                trimmed => map.insert("connectionName".into(), Value::from(trimmed)),
            };
        }
        options
    }
}

/// A payload or form of `which` API through every function that takes one: validation of the
/// value and of its JSON text, the builder (whose body must validate cleanly) and redaction.
pub fn payload(which: Api, payload: &Value, options: &Value) {
    let report = which.validate_value(payload, options);
    report_keeps_secret("validation", &report);
    if which.options_are_valid(options) {
        let text = serde_json::to_string_pretty(payload).unwrap_or_default();
        let from_text = which.validate_text(&text, options);
        report_keeps_secret("validation of JSON text", &from_text);
        text_agrees(&report, &from_text);
    }
    let built = which.build(payload, options);
    build_keeps_secret("builder", &built);
    build_is_consistent(&built);
    if let Some(body) = built.request.and_then(|r| r.body) {
        let again = which.validate_value(&body, &which.as_built(options));
        assert!(again.ok, "a built body has errors: {:?}", again.diagnostics);
    }
    let redacted = redaction_is_idempotent(payload);
    assert_no_secret("redacted copy", &to_json(&redacted));
}

/// A JSON text: every diagnostic has a line and column, and when serde_json reads the same text
/// the value path gives the same codes.
pub fn json_text(which: Api, text: &str, options: &Value) {
    let from_text = which.validate_text(text, options);
    match serde_json::from_str::<Value>(text) {
        Ok(value) => {
            text_agrees(&which.validate_value(&value, options), &from_text);
            redaction_is_idempotent(&value);
        }
        Err(_) => positioned(&from_text),
    }
}

/// A field-language text as the value of `field` in a payload of type `ty`: validated as a
/// value and as JSON text, where every diagnostic gets a line and column inside the text.
pub fn in_payload(ty: &str, field: &str, text: &str) {
    let mut map = serde_json::Map::new();
    map.insert("type".into(), Value::from(ty));
    map.insert(field.into(), Value::from(text));
    let payload = Value::Object(map);
    json_text(Api::Gij, &payload.to_string(), &Value::Null);
    let report = api::validate_integration(&payload, &Value::Null);
    spans_inside(
        &report
            .diagnostics
            .into_iter()
            .filter(|d| d.path == format!("/{field}"))
            .collect::<Vec<_>>(),
        text,
    );
}

/// A raw input as JSON text (when it is UTF-8) under each of `options`.
pub fn json_texts(which: Api, data: &[u8], options: &[Value]) {
    if let Ok(text) = std::str::from_utf8(data) {
        for o in options {
            json_text(which, text, o);
        }
    }
}

/// A generated payload, with the secret placed in it, through [`payload`] for both APIs, each
/// with generated options.
pub fn both_apis(data: &[u8], generate: fn(&mut Unstructured) -> arbitrary::Result<Value>) {
    let mut u = Unstructured::new(data);
    let (Ok(mut value), Ok(gij_options), Ok(xray_options)) = (
        generate(&mut u),
        generate::gij_options(&mut u),
        generate::xray_options(&mut u),
    ) else {
        return;
    };
    // The fuzzer learns the secret from the comparisons: an input that already holds it (outside
    // a credential) is not a leak.
    let input = format!("{value}{gij_options}{xray_options}");
    if has_secret(&input) || generate::place_secret(&mut u, &mut value).is_err() {
        return;
    }
    payload(Api::Gij, &value, &gij_options);
    payload(Api::Xray, &value, &xray_options);
}
