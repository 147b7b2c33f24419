//! Xray Jira-integration bodies as JSON text (any bytes that are UTF-8), validated for a create,
//! an update named by the option, and an update named by the body.
#![no_main]

use fuzz_support::checks::{Api, json_texts};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let options = [
        json!(null),
        json!({"operation": "update", "connectionName": "prod-jira"}),
        json!({"operation": "update"}),
    ];
    json_texts(Api::Xray, data, &options);
});
