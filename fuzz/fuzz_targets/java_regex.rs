//! `tagsFilter` and `prHideFilter` Java regexes: the first byte picks the mode, then
//! `pattern NUL tags` (one tag a line). Checked on their own (with a preview over the tags) and
//! inside a payload's JSON text.
#![no_main]

use fuzz_support::checks;
use jira_integration_payloads::api;
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let Some((selector, parts)) = fuzz_support::framed(data, 2) else {
        return;
    };
    let pattern = parts.first().copied().unwrap_or("");
    let mode = if selector & 1 == 0 { "show" } else { "hide" };
    let options = match parts.get(1) {
        Some(tags) => json!({"mode": mode, "tags": tags.lines().collect::<Vec<_>>()}),
        None => json!({"mode": mode}),
    };
    let r = api::check_java_regex(pattern, &options);
    checks::spans_inside(&r.diagnostics, pattern);
    let field = if selector & 1 == 0 {
        "tagsFilter"
    } else {
        "prHideFilter"
    };
    checks::in_payload("GITHUB", field, pattern);
});
