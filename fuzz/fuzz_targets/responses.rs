//! Response texts of both APIs: the first byte picks the HTTP status, the rest is the body,
//! parsed as each Xray call (and as none, and with a wrong operation) and as a Git Integration
//! for Jira response.
#![no_main]

use fuzz_support::checks;
use jira_integration_payloads::{api, gij};
use libfuzzer_sys::fuzz_target;
use serde_json::{Value, json};

const STATUSES: [u16; 12] = [200, 201, 204, 400, 401, 403, 404, 409, 415, 500, 502, 302];

fuzz_target!(|data: &[u8]| {
    let Some((selector, parts)) = fuzz_support::framed(data, 1) else {
        return;
    };
    let text = parts.first().copied().unwrap_or("");
    let status = STATUSES
        .get(usize::from(selector) % 16)
        .copied()
        .unwrap_or(u16::from(selector) * 3);
    let _ = gij::parse_response(text);
    let operations = [
        Value::Null,
        json!("create"),
        json!("update"),
        json!("details"),
        json!("delete"),
        json!("status"),
        json!("remove"),
    ];
    for op in &operations {
        let r = api::parse_xray_response(status, text, op);
        if op == "remove" {
            assert!(!r.ok);
        }
        if let Some(details) = &r.details {
            // Details are shown to people: already redacted, so redacting changes nothing.
            assert_eq!(&checks::redaction_is_idempotent(details), details);
        }
    }
});
