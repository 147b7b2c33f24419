//! One test per contradiction of the reference (X1 to X18) that the library decides; the README's
//! "Where the vendor's documents disagree" table states each decision.

use jira_integration_payloads::gij::{self, Operation, Options, integration_types};
use jira_integration_payloads::{api, xray};
use serde_json::{Value, json};

fn add(body: Value) -> jira_integration_payloads::Report {
    gij::validate(&body, &Options::default())
}

fn update(body: Value, current: Option<Value>) -> jira_integration_payloads::Report {
    let options = Options::default()
        .with_operation(Operation::Update)
        .with_integration_id(json!(1));
    let options = match current {
        Some(c) => options.with_current(c),
        None => options,
    };
    gij::validate(&body, &options)
}

#[test]
fn x1_origin_is_required_per_type() {
    assert!(add(json!({"type": "GITHUB", "pat": "t", "requireUserPat": true})).ok);
    assert!(!add(json!({"type": "GITHUB_SERVER", "pat": "t"})).ok);
    let aws = add(
        json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "us-east-1", "origin": "https://x.example.com"}),
    );
    assert!(aws.ok && aws.codes().contains(&"field-not-applicable"));
}

#[test]
fn x2_integration_type_on_add_and_update() {
    let r = add(json!({"integrationType": "GITLAB", "pat": "t"}));
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "missing-type")
        .unwrap();
    assert_eq!(d.path, "/integrationType");
    assert_eq!(d.suggestion.as_deref(), Some("\"type\": \"GITLAB\""));
    let current = json!({"integrationType": "GITLAB"});
    assert!(
        update(
            json!({"integrationType": "GITLAB", "displayName": "x"}),
            Some(current.clone())
        )
        .codes()
        .contains(&"type-on-update")
    );
    assert!(
        update(json!({"integrationType": "GITHUB"}), Some(current))
            .codes()
            .contains(&"type-change")
    );
}

#[test]
fn x3_azure_is_the_cloud_service_and_azure_devops_the_server() {
    assert!(add(json!({"type": "AZURE", "pat": "t", "requireUserPat": true})).ok);
    assert!(
        add(json!({"type": "AZURE_DEVOPS", "pat": "t"}))
            .codes()
            .contains(&"missing-required-field")
    );
}

#[test]
fn x4_folder_depth_is_optional_with_default_one() {
    assert!(add(json!({"type": "FILESPACE", "origin": "/srv/git/*"})).ok);
    let filespace = integration_types()
        .into_iter()
        .find(|t| t.id == "FILESPACE")
        .unwrap();
    let depth = filespace
        .fields
        .iter()
        .find(|f| f.field.name == "folderDepth")
        .unwrap();
    assert!(!depth.required);
    assert_eq!(serde_json::to_value(depth.field.default).unwrap(), json!(1));
}

#[test]
fn x5_ids_with_global_true_are_an_error_and_ids_without_global_restrict() {
    assert!(
        add(json!({"type": "GITLAB", "pat": "t", "global": true, "projectMappingIds": [1]}))
            .codes()
            .contains(&"global-with-projects")
    );
    let r = add(
        json!({"type": "GITLAB", "pat": "t", "requireUserPat": true, "projectMappingIds": [1]}),
    );
    assert!(r.ok && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn x6_api_path_and_api_filter_together() {
    let r = add(
        json!({"type": "GITHUB", "pat": "t", "requireUserPat": true, "apiPath": "/orgs/acme/repos", "apiFilter": "[?contains(name, 'svc')]"}),
    );
    assert!(r.ok && r.diagnostics.is_empty(), "{:?}", r.diagnostics);
}

#[test]
fn x7_limit_git_data_is_deprecated_not_unknown() {
    let r = add(json!({"type": "GITLAB", "pat": "t", "limitGitData": true}));
    assert!(
        r.ok && r.codes().contains(&"deprecated-field") && !r.codes().contains(&"unknown-field")
    );
}

#[test]
fn x8_the_ap_outh_1_typo_suggests_ap_south_1() {
    let r = add(json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "ap-outh-1"}));
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "unknown-aws-region")
        .unwrap();
    assert_eq!(d.suggestion.as_deref(), Some("ap-south-1"));
    // A region of the newer list, absent from the 2022 one.
    assert!(
        add(json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "me-central-1"}))
            .ok
    );
}

#[test]
fn x9_api_v3_is_flagged_only_when_doubled() {
    let base = json!({"type": "GITHUB_SERVER", "pat": "t", "requireUserPat": true, "apiPath": "/api/v3/user/repos"});
    let mut plain = base.clone();
    plain["origin"] = json!("https://ghe.example.com");
    assert!(add(plain).diagnostics.is_empty());
    let mut doubled = base;
    doubled["origin"] = json!("https://ghe.example.com/api/v3");
    assert!(add(doubled).codes().contains(&"api-path-doubled-prefix"));
}

#[test]
fn x10_x11_documented_defaults() {
    let github = integration_types()
        .into_iter()
        .find(|t| t.id == "GITHUB")
        .unwrap();
    let default = |name: &str| {
        serde_json::to_value(
            github
                .fields
                .iter()
                .find(|f| f.field.name == name)
                .unwrap()
                .field
                .default,
        )
        .unwrap()
    };
    assert_eq!(default("refSpecNotes"), json!(true));
    assert_eq!(default("trustFolderStat"), json!(false));
    assert!(
        add(json!({"type": "GITLAB", "pat": "t", "trustFolderStat": true}))
            .codes()
            .contains(&"trust-folder-stat-recommended")
    );
}

#[test]
fn x12_every_response_shape() {
    for text in [
        r#"{"success": "true", "integration": {"id": 1}}"#,
        r#"{"success": "true", "integration": [{"id": 1}]}"#,
        r#"{"success": "true", "integrations": [{"id": 1}]}"#,
        r#"{"success": true, "integrations": [{"id": 1}, {"id": 2}]}"#,
    ] {
        assert!(gij::parse_response(text).ok, "{text}");
    }
}

#[test]
fn x13_x15_xray_paths_in_both_styles() {
    let documented = api::build_xray_jira_integration_request(
        &json!({"jira_server_url": "https://x.atlassian.net"}),
        &json!({"operation": "update", "connectionName": "a b"}),
    );
    assert_eq!(
        documented.request.unwrap().path,
        "/xray/api/v1/ticketing/jira-integrations/a%20b"
    );
    let terraform = api::build_xray_jira_integration_request(
        &json!({"jira_server_url": "https://x.atlassian.net"}),
        &json!({"operation": "update", "connectionName": "a b", "pathStyle": "terraform"}),
    );
    assert_eq!(
        terraform.request.unwrap().path,
        "/xray/api/v1/ticketing/jira-integrations"
    );
    let details = api::build_xray_jira_integration_request(
        &Value::Null,
        &json!({"operation": "details", "connectionName": "a"}),
    );
    assert_eq!(
        details.request.unwrap().path,
        "/xray/api/v1/ticketing/jira-integrations/a/details"
    );
    let status = api::build_xray_jira_integration_request(
        &Value::Null,
        &json!({"operation": "status", "connectionName": "a&b"}),
    );
    assert_eq!(
        status.request.unwrap().path,
        "/xray/api/v1/ticketing/integrations/status/check?integrationName=a%26b"
    );
}

#[test]
fn x14_x16_xray_auth_type() {
    let options = xray::Options::default()
        .with_operation(xray::Operation::Update)
        .with_connection_name("c");
    let r = xray::validate(
        &json!({"connection_name": "c", "authType": "basic"}),
        &options,
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "xray-unknown-field")
        .unwrap();
    assert_eq!(d.suggestion.as_deref(), Some("auth_type"));
    let create = xray::Options::default().with_operation(xray::Operation::Create);
    let body = json!({"connection_name": "c", "username": "u", "password": "p", "installation_type": "cloud", "jira_server_url": "https://x.atlassian.net"});
    assert!(
        xray::validate(&body, &create)
            .codes()
            .contains(&"xray-missing-required-field")
    );
    let built = api::build_xray_jira_integration_request(&body, &json!({"operation": "create"}));
    assert_eq!(built.request.unwrap().body.unwrap()["auth_type"], "basic");
}

#[test]
fn x17_vendor_examples_as_printed_are_one_positioned_error() {
    let r = gij::validate_json(
        "{\"global\": false,\n \"projectMappingIds\": [10000],\n}",
        &Options::default(),
    );
    assert_eq!(r.codes(), ["invalid-json"]);
    assert_eq!(r.diagnostics[0].line, Some(2));
}

#[test]
fn x18_username_next_to_a_pat() {
    assert!(
        add(json!({"type": "GITHUB", "username": "u", "pat": "t"}))
            .codes()
            .contains(&"username-with-pat")
    );
    assert!(!add(json!({"type": "TFS_SERVER", "origin": "https://t.example.com", "username": "all", "pat": "t"})).codes().contains(&"username-with-pat"));
}

#[test]
fn github_app_filters_of_the_vendor_validate_on_github_types() {
    for filter in [
        "repositories[] | [?starts_with(name, 'repo-prefix')]",
        "repositories[] | [?contains(name, 'substring')]",
        "repositories[] | [?(!contains(name, 'search-phrase'))]",
        "repositories[] | [?name == 'exact-repo-name']",
    ] {
        for ty in ["GITHUB", "GITHUB_SERVER"] {
            let mut body =
                json!({"type": ty, "pat": "t", "requireUserPat": true, "apiFilter": filter});
            if ty == "GITHUB_SERVER" {
                body["origin"] = json!("https://ghe.example.com");
            }
            let r = add(body);
            assert!(
                r.diagnostics.is_empty(),
                "{ty} {filter}: {:?}",
                r.diagnostics
            );
        }
        let r = api::check_jmespath(filter, &json!({"type": "GITHUB"}));
        assert!(
            r.ok && r.diagnostics.is_empty(),
            "{filter}: {:?}",
            r.diagnostics
        );
    }
}
