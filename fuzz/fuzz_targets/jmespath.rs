//! `apiFilter` JMESPath expressions: the first byte picks the integration type and the GitHub App
//! flag, then `expression NUL sample-JSON`. Checked on their own (with a preview over the
//! sample) and inside a payload's JSON text.
#![no_main]

use fuzz_support::checks;
use jira_integration_payloads::api;
use jira_integration_payloads::gij::fields::TYPE_VALUES;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value};

fuzz_target!(|data: &[u8]| {
    let Some((selector, parts)) = fuzz_support::framed(data, 2) else {
        return;
    };
    let expression = parts.first().copied().unwrap_or("");
    let mut options = Map::new();
    let ty = TYPE_VALUES.get(usize::from(selector & 0x0f)).copied();
    if let Some(t) = ty {
        options.insert("type".into(), Value::from(t));
    }
    match selector >> 6 {
        1 => _ = options.insert("githubApp".into(), Value::Bool(true)),
        2 => _ = options.insert("githubApp".into(), Value::Bool(false)),
        _ => {}
    }
    if let Some(sample) = parts.get(1).and_then(|s| serde_json::from_str(s).ok()) {
        options.insert("sample".into(), sample);
    }
    let r = api::check_jmespath(expression, &Value::Object(options));
    checks::spans_inside(&r.diagnostics, expression);
    assert_eq!(
        r.ok,
        jira_integration_payloads::Report::new(r.diagnostics.clone()).ok
    );
    checks::in_payload(ty.unwrap_or("GITHUB"), "apiFilter", expression);
});
