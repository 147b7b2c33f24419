//! The loosely typed API that JavaScript and the CLI call.

use jira_integration_payloads::api;
use serde_json::json;

#[test]
fn bad_operation_is_an_invalid_option() {
    let r = api::validate_integration(
        &json!({"type": "GITHUB", "pat": "t"}),
        &json!({"operation": "delete"}),
    );
    assert_eq!(r.codes(), ["invalid-option"]);
    let r = api::validate_integration(
        &json!({"type": "GITHUB", "pat": "t"}),
        &json!({"operation": "add"}),
    );
    assert!(r.ok);
}

#[test]
fn missing_options_mean_add() {
    let r = api::validate_integration(&json!({"type": "GERRIT"}), &serde_json::Value::Null);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "missing-required-field" && d.path == "/origin")
    );
}

#[test]
fn build_with_bad_options_has_no_request() {
    let r = api::build_integration_request(
        &json!({"type": "GITHUB", "pat": "t"}),
        &json!({"operation": 3}),
    );
    assert!(!r.ok && r.request.is_none());
}

#[test]
fn invalid_input_reports_the_reason() {
    let r = api::invalid_input("cycle");
    assert_eq!(r.codes(), ["invalid-input"]);
    assert!(!r.ok);
}

#[test]
fn every_checker_quotes_at_most_forty_characters() {
    // One quoting helper: 39 characters and an ellipsis, in the Java regex checker as in the
    // JMESPath and refspec checkers.
    let name = "g".repeat(50);
    let r = api::check_java_regex(&format!("(?<{name}>x)(?<{name}>y)"), &json!({}));
    let message = &r.diagnostics[0].message;
    assert!(
        message.contains(&format!("<{}…>", "g".repeat(39))),
        "{message}"
    );
}
