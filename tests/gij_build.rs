//! The request builder: loose form state to canonical body, requests only without errors,
//! minimal update bodies, secrets never trimmed.

use jira_integration_payloads::gij::{BuildOptions, Operation, Options, build};
use serde_json::{Value, json};

fn add_at(base: &str) -> BuildOptions {
    BuildOptions::default().with_base_url(base)
}

fn update(id: Value, current: Option<Value>) -> BuildOptions {
    let options = Options::default()
        .with_operation(Operation::Update)
        .with_integration_id(id);
    let options = match current {
        Some(c) => options.with_current(c),
        None => options,
    };
    BuildOptions::default().with_validation(options)
}

#[test]
fn form_state_becomes_a_canonical_body() {
    let form = json!({
        "displayName": "  Acme GitLab ", "type": "GITLAB_SERVER", "origin": " https://gitlab.example.com ",
        "pat": "glpat-abc", "global": "false", "gitViewerEnabled": "on", "smartCommitsEnabled": "off",
        "projectMappingIds": "10000, 10100 ", "maxMinsToCommitEmail": "60", "apiFilter": "", "tagsFilter": null,
        "requireUserPat": true
    });
    let r = build(&form, &add_at("https://jira.example.com/"));
    assert!(r.ok, "{:?}", r.diagnostics);
    let req = r.request.unwrap();
    assert_eq!(req.method, "POST");
    assert_eq!(
        req.url.as_deref(),
        Some("https://jira.example.com/rest/gitplugin/1.0/integration")
    );
    assert_eq!(
        req.headers
            .0
            .iter()
            .find(|(k, _)| *k == "Content-Type")
            .unwrap()
            .1,
        "application/json"
    );
    let body = req.body.unwrap();
    assert_eq!(
        body,
        json!({"type": "GITLAB_SERVER", "displayName": "Acme GitLab", "origin": "https://gitlab.example.com",
               "pat": "glpat-abc", "global": false, "projectMappingIds": [10000, 10100], "gitViewerEnabled": true,
               "smartCommitsEnabled": false, "requireUserPat": true, "maxMinsToCommitEmail": 60})
    );
    // Canonical order: the field table's.
    let keys: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(keys[0], "type");
}

#[test]
fn no_request_while_there_is_an_error() {
    let r = build(
        &json!({"type": "GERRIT", "username": "u", "password": "p"}),
        &add_at("https://jira.example.com"),
    );
    assert!(!r.ok);
    assert!(r.request.is_none());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "missing-required-field" && d.path == "/origin")
    );
}

#[test]
fn secrets_are_never_trimmed_but_flagged() {
    let r = build(
        &json!({"type": "GITHUB", "pat": "ghp_token\n"}),
        &add_at("https://jira.example.com"),
    );
    assert!(!r.ok);
    assert!(r.diagnostics.iter().any(|d| d.code == "token-whitespace"));
    let text = serde_json::to_string(&r.diagnostics).unwrap();
    assert!(!text.contains("ghp_token"));
}

#[test]
fn update_sends_only_what_changes() {
    let current = json!({"success": "true", "integration": [{"id": 5, "integrationType": "GITLAB", "displayName": "GL",
        "global": false, "projectMappingIds": [10000, 10100], "gitViewerEnabled": true, "tagsFilter": ""}]});
    let form = json!({"type": "GITLAB", "displayName": "GL", "global": "false", "projectMappingIds": "10100,10000",
                      "gitViewerEnabled": "true", "tagsFilter": "^v.*", "pat": "new-token"});
    let r = build(&form, &update(json!("5"), Some(current)));
    assert!(r.ok, "{:?}", r.diagnostics);
    let req = r.request.unwrap();
    assert_eq!(req.method, "PUT");
    assert_eq!(req.path, "/rest/gitplugin/1.0/integration/5");
    assert_eq!(
        req.body.unwrap(),
        json!({"pat": "new-token", "tagsFilter": "^v.*"})
    );
}

#[test]
fn update_without_current_omits_type() {
    let r = build(
        &json!({"type": "GITLAB", "displayName": "x"}),
        &update(json!(5), None),
    );
    assert_eq!(
        r.request.unwrap().body.unwrap(),
        json!({"displayName": "x"})
    );
}

#[test]
fn update_that_changes_the_type_is_refused() {
    let current = json!({"id": 5, "integrationType": "GITLAB"});
    let r = build(&json!({"type": "GITHUB"}), &update(json!(5), Some(current)));
    assert!(!r.ok);
    assert!(r.diagnostics.iter().any(|d| d.code == "type-change"));
}

#[test]
fn bad_base_url_is_a_diagnostic() {
    let r = build(
        &json!({"type": "GITHUB", "pat": "t"}),
        &add_at("jira.example.com"),
    );
    assert!(!r.ok);
    assert!(r.diagnostics.iter().any(|d| d.code == "invalid-base-url"));
}

#[test]
fn unparseable_form_values_are_reported_not_dropped() {
    let r = build(
        &json!({"type": "GITHUB", "pat": "t", "global": "maybe", "folderDepth": "two", "projectMappingIds": "10000, PROJ"}),
        &add_at("https://j.example.com"),
    );
    let codes: Vec<_> = r.diagnostics.iter().map(|d| d.code.id).collect();
    assert!(codes.contains(&"wrong-json-type"), "{codes:?}");
    assert!(codes.contains(&"project-key-not-id"), "{codes:?}");
}

#[test]
fn building_then_validating_is_clean() {
    let form = json!({"type": "AWS", "username": " iam ", "password": "pw", "awsRegion": "eu-west-1 ", "displayName": "CC"});
    let r = build(&form, &add_at("https://jira.example.com"));
    assert!(r.ok, "{:?}", r.diagnostics);
    let body = r.request.unwrap().body.unwrap();
    let again = jira_integration_payloads::gij::validate(&body, &Options::default());
    assert!(again.ok && !again.codes().contains(&"surrounding-whitespace"));
}

#[test]
fn emptying_a_field_on_update_keeps_it_unless_clear_names_it() {
    let current = json!({"id": 5, "integrationType": "GITLAB", "apiFilter": "[?archived]", "tagsFilter": "",
        "global": false, "projectMappingIds": [10000], "gitViewerEnabled": false, "displayName": "GL"});
    let form = json!({"apiFilter": "", "tagsFilter": "", "projectMappingIds": "", "displayName": "", "pat": "", "smartCommitsEnabled": ""});
    let r = build(&form, &update(json!(5), Some(current.clone())));
    assert_eq!(r.request.unwrap().body.unwrap(), json!({}));
    // Asked to clear: apiFilter and the ids had values and are cleared; tagsFilter was already
    // empty; the secret, never in a response, is cleared because it is asked for.
    let mut options = update(json!(5), Some(current));
    options.clear = ["apiFilter", "tagsFilter", "projectMappingIds", "pat"]
        .iter()
        .filter_map(|n| jira_integration_payloads::gij::fields::field_named(n))
        .collect();
    let r = build(&form, &options);
    assert_eq!(
        r.request.unwrap().body.unwrap(),
        json!({"pat": "", "apiFilter": "", "projectMappingIds": []})
    );
    // Without the current integration an empty input means "leave as is".
    let r = build(&form, &update(json!(5), None));
    assert_eq!(r.request.unwrap().body.unwrap(), json!({}));
}
