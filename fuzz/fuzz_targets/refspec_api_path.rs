//! `refSpecCustom` and `apiPath` values: the first byte picks the integration type, then
//! `text NUL origin`. The text is checked as a refspec list and as an API path (against the
//! origin), on its own and inside a payload's JSON text.
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
    let text = parts.first().copied().unwrap_or("");
    let ty = TYPE_VALUES
        .get(usize::from(selector & 0x0f))
        .copied()
        .unwrap_or("GITLAB_SERVER");
    let refspecs = api::check_ref_specs(text);
    checks::spans_inside(&refspecs.diagnostics, text);
    let mut options = Map::new();
    options.insert("type".into(), Value::from(ty));
    if let Some(origin) = parts.get(1) {
        options.insert("origin".into(), Value::from(*origin));
    }
    let path = api::check_api_path(text, &Value::Object(options));
    checks::spans_inside(&path.diagnostics, text);
    let _ = api::known_api_paths(ty);
    checks::in_payload(ty, "refSpecCustom", text);
    checks::in_payload(ty, "apiPath", text);
});
