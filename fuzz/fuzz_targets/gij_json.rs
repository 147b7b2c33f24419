//! Git Integration for Jira payloads as JSON text (any bytes that are UTF-8), validated as an
//! add, an update by id, and an update against a current integration.
#![no_main]

use fuzz_support::checks::{Api, json_texts};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

fuzz_target!(|data: &[u8]| {
    let options = [
        json!(null),
        json!({"operation": "update", "integrationId": 5}),
        json!({"operation": "update", "integrationId": "5",
               "current": {"integrationType": "GITLAB", "global": false, "projectMappingIds": [1]}}),
    ];
    json_texts(Api::Gij, data, &options);
});
