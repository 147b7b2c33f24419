//! Every example payload of the reference (realistic examples, per-type examples, the vendor's
//! update example) validates with no error, and the documented response examples parse.

use jira_integration_payloads::gij::{Operation, Options, parse_response, validate, validate_json};
use jira_integration_payloads::{Report, Severity};
use serde_json::{Value, json};

fn add() -> Options {
    Options::default()
}

fn errors(r: &Report) -> Vec<String> {
    r.diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect()
}

/// The realistic examples of the reference, §"Realistic example payloads", in order.
fn realistic_examples() -> Vec<Value> {
    vec![
        json!({ "type": "GITHUB", "pat": "<github-pat>", "displayName": "Acme GitHub",
                "apiFilter": "[?starts_with(name, 'svc-')]", "requireUserPat": true }),
        json!({ "type": "GITHUB_SERVER", "origin": "https://ghe.example.com", "pat": "<pat>",
                "displayName": "GHE", "apiPath": "/orgs/acme/repos", "disableSslVerification": false }),
        json!({ "type": "GITLAB_SERVER", "origin": "https://gitlab.example.com", "pat": "<pat>",
                "apiPath": "/api/v4/groups/acme/projects?include_subgroups=true",
                "global": false, "projectMappingIds": [10000, 10100], "gitViewerEnabled": true,
                "tagsFilter": "^(Release|release).*" }),
        json!({ "type": "GITLAB_SERVER_LEGACY", "origin": "http://gitlab-old.example.com/",
                "username": "<user>", "password": "<password>", "displayName": "GitLab v3" }),
        json!({ "type": "AWS", "username": "<iam-git-user>", "password": "<iam-git-password>", "awsRegion": "eu-west-1" }),
        json!({ "type": "AZURE", "pat": "<pat>", "apiFilter": "{value:value[?contains(project.name, 'payments')]}" }),
        json!({ "type": "VSTS", "pat": "<pat>", "displayName": "VSTS" }),
        json!({ "type": "TFS_SERVER", "origin": "http://tfs.example.com:8080/tfs", "username": "all",
                "pat": "<pat>", "tfsCollection": "DefaultCollection" }),
        json!({ "type": "AZURE_DEVOPS", "origin": "http://ado.example.com/", "username": "<user>", "password": "<password>" }),
        json!({ "type": "FILESPACE", "origin": "/srv/git/*", "displayName": "Local repos", "folderDepth": 2,
                "apiFilter": "[?!starts_with(fullPath, '/srv/git/private')]" }),
        json!({ "type": "GERRIT", "origin": "http://gerrit.example.com:8080", "username": "<user>", "password": "<password>",
                "refSpecNotes": true, "refSpecChanges": true, "refSpecCustom": "+refs/meta/*:refs/meta/*" }),
    ]
}

#[test]
fn realistic_examples_have_no_errors() {
    for (i, example) in realistic_examples().iter().enumerate() {
        let r = validate(example, &add());
        assert!(r.ok, "example {} has errors: {:?}", i + 1, errors(&r));
    }
}

#[test]
fn plain_http_examples_with_passwords_get_the_security_warning() {
    // Examples 4, 9 and 11 (GitLab legacy, Azure DevOps Server, Gerrit) send passwords over
    // plain http: valid, but worth a warning.
    let examples = realistic_examples();
    for i in [3, 8, 10] {
        let r = validate(&examples[i], &add());
        assert!(
            r.codes().contains(&"insecure-origin"),
            "example {}: {:?}",
            i + 1,
            r.codes()
        );
    }
}

#[test]
fn examples_validate_identically_as_text() {
    for example in realistic_examples() {
        let text = serde_json::to_string_pretty(&example).unwrap();
        let from_text = validate_json(&text, &add());
        let from_value = validate(&example, &add());
        assert_eq!(from_text.codes(), from_value.codes());
        assert!(
            from_text
                .diagnostics
                .iter()
                .all(|d| d.line.is_some() && d.column.is_some())
        );
    }
}

#[test]
fn vendor_update_example_is_clean_for_its_integration() {
    let body = json!({ "global": false, "projectMappingIds": [10000], "gitViewerEnabled": true, "prHideFilter": "^(Test|test).*" });
    let options = Options::default()
        .with_operation(Operation::Update)
        .with_integration_id(json!(1));
    let r = validate(&body, &options);
    assert!(r.ok, "{:?}", errors(&r));
    // With the redundant `"id": 1` of GIJ-UPD Example 2, still clean.
    let mut with_id = body.clone();
    with_id["id"] = json!(1);
    assert!(validate(&with_id, &options).ok);
}

#[test]
fn vendor_update_example_with_its_trailing_comma_is_one_positioned_error() {
    // GIJ-UPD Example 2 as printed (X17): a trailing comma before the closing brace.
    let text = "{\n  \"id\": 1,\n  \"global\": false,\n  \"projectMappingIds\": [10000],\n  \"gitViewerEnabled\": true,\n}";
    let options = Options::default()
        .with_operation(Operation::Update)
        .with_integration_id(json!(1));
    let r = validate_json(text, &options);
    assert_eq!(r.codes(), ["invalid-json"]);
    let d = &r.diagnostics[0];
    assert_eq!((d.line, d.column), (Some(5), Some(27)));
}

#[test]
fn vendor_add_example_with_typographic_quotes_is_explained() {
    let text =
        "{\"type\": \"GITLAB\", \"pat\": \"x\", \u{201C}projectMappingIds\u{201D}: [10000,10100]}";
    let r = validate_json(text, &add());
    assert_eq!(r.codes(), ["invalid-json"]);
    assert!(
        r.diagnostics[0]
            .suggestion
            .as_deref()
            .unwrap()
            .contains("straight")
    );
}

#[test]
fn per_type_examples_of_gij_types_validate() {
    // GIJ-TYPES shapes: one minimal valid body per type.
    let bodies = [
        json!({"type": "GITHUB", "pat": "t"}),
        json!({"type": "GITHUB", "username": "u", "password": "p"}),
        json!({"type": "GITHUB_SERVER", "origin": "https://ghe.example.com", "pat": "t"}),
        json!({"type": "GITLAB", "pat": "t"}),
        json!({"type": "GITLAB_SERVER", "origin": "https://gitlab.example.com", "pat": "t"}),
        json!({"type": "GITLAB_SERVER_LEGACY", "origin": "https://gitlab.example.com", "username": "u", "password": "p"}),
        json!({"type": "FILESPACE", "origin": "D:\\tmp\\*"}),
        json!({"type": "AZURE_DEVOPS", "origin": "https://ado.example.com", "pat": "t"}),
        json!({"type": "VSTS", "pat": "t"}),
        json!({"type": "AZURE", "pat": "t"}),
        json!({"type": "TFS_SERVER", "origin": "https://tfs.example.com", "username": "u", "password": "p"}),
        json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "us-east-1"}),
        json!({"type": "GERRIT", "origin": "https://gerrit.example.com", "username": "u", "password": "p", "refSpecChanges": true}),
    ];
    for b in bodies {
        let r = validate(&b, &add());
        assert!(r.ok, "{b}: {:?}", errors(&r));
    }
}

#[test]
fn documented_responses_parse() {
    let r = parse_response(
        r#"{ "success": "true", "integration": { "id": 1, "integrationType": "GITLAB", "global": false, "projectMappingIds": [10000] } }"#,
    );
    assert!(r.ok);
    assert_eq!(r.integration.unwrap()["integrationType"], "GITLAB");
    assert!(parse_response(r#"{"success": true}"#).ok);
}
