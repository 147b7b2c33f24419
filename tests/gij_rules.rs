//! Each Git Integration for Jira rule: an input that triggers its code at the right path, and a
//! near twin that does not. Together the cases cover every code the payload rules can emit.

use jira_integration_payloads::Severity;
use jira_integration_payloads::gij::{self, Operation, Options};
use serde_json::{Value, json};
use std::collections::BTreeSet;

mod common;
use common::has;

struct Case {
    code: &'static str,
    path: &'static str,
    fails: Value,
    passes: Value,
    options: Options,
    /// Options for the passing twin, when they differ.
    twin_options: Option<Options>,
}

fn add() -> Options {
    Options::default()
}

fn update(id: Value, current: Option<Value>) -> Options {
    let options = Options::default()
        .with_operation(Operation::Update)
        .with_integration_id(id);
    match current {
        Some(c) => options.with_current(c),
        None => options,
    }
}

fn case(code: &'static str, path: &'static str, fails: Value, passes: Value) -> Case {
    Case {
        code,
        path,
        fails,
        passes,
        options: add(),
        twin_options: None,
    }
}

fn cases() -> Vec<Case> {
    let current_gitlab = json!({"success": "true", "integration": [{"id": 7, "integrationType": "GITLAB", "global": true,
        "projectMappingIds": [], "displayName": "GL", "gitViewerEnabled": true}]});
    vec![
        case(
            "body-not-object",
            "",
            json!([{"type": "GITHUB"}]),
            json!({"type": "GITHUB", "pat": "t"}),
        ),
        case(
            "unknown-field",
            "/dispalyName",
            json!({"type": "GITHUB", "pat": "t", "dispalyName": "x"}),
            json!({"type": "GITHUB", "pat": "t", "displayName": "x"}),
        ),
        case(
            "undocumented-field",
            "/githubAppId",
            json!({"type": "GITHUB", "pat": "t", "githubAppId": 5}),
            json!({"type": "GITHUB", "pat": "t"}),
        ),
        case(
            "read-only-field",
            "/initDate",
            json!({"type": "GITHUB", "pat": "t", "initDate": 1}),
            json!({"type": "GITHUB", "pat": "t"}),
        ),
        case(
            "deprecated-field",
            "/limitGitData",
            json!({"type": "GITHUB", "pat": "t", "limitGitData": true}),
            json!({"type": "GITHUB", "pat": "t"}),
        ),
        case(
            "wrong-json-type",
            "/global",
            json!({"type": "GITHUB", "pat": "t", "global": "true"}),
            json!({"type": "GITHUB", "pat": "t", "global": true}),
        ),
        case(
            "string-too-long",
            "/displayName",
            json!({"type": "GITHUB", "pat": "t", "displayName": "x".repeat(2001)}),
            json!({"type": "GITHUB", "pat": "t", "displayName": "x".repeat(2000)}),
        ),
        case(
            "missing-type",
            "/type",
            json!({"pat": "t"}),
            json!({"type": "GITLAB", "pat": "t"}),
        ),
        case(
            "unknown-integration-type",
            "/type",
            json!({"type": "GITLAB_SERVERS", "pat": "t"}),
            json!({"type": "GITLAB", "pat": "t"}),
        ),
        Case {
            options: update(json!(7), Some(current_gitlab.clone())),
            ..case(
                "type-change",
                "/type",
                json!({"type": "GITHUB", "displayName": "x"}),
                json!({"displayName": "x"}),
            )
        },
        Case {
            options: update(json!(7), None),
            ..case(
                "type-on-update",
                "/integrationType",
                json!({"integrationType": "GITLAB", "displayName": "x"}),
                json!({"displayName": "x"}),
            )
        },
        Case {
            options: update(json!("abc"), None),
            twin_options: Some(update(json!("7"), None)),
            ..case(
                "invalid-integration-id",
                "",
                json!({"displayName": "x"}),
                json!({"displayName": "x"}),
            )
        },
        Case {
            options: update(json!(7), None),
            ..case(
                "id-mismatch",
                "/id",
                json!({"id": 8, "displayName": "x"}),
                json!({"id": 7, "displayName": "x"}),
            )
        },
        Case {
            options: update(json!(7), Some(json!([{"id": 7}, {"id": 8}]))),
            twin_options: Some(update(json!(7), Some(current_gitlab.clone()))),
            ..case(
                "invalid-current",
                "",
                json!({"displayName": "x"}),
                json!({"displayName": "x"}),
            )
        },
        Case {
            options: update(json!(8), Some(current_gitlab.clone())),
            twin_options: Some(update(json!(7), Some(current_gitlab.clone()))),
            ..case(
                "current-id-mismatch",
                "",
                json!({"displayName": "x"}),
                json!({"displayName": "x"}),
            )
        },
        case(
            "password-auth-retired",
            "/password",
            json!({"type": "GITHUB", "username": "u", "password": "p"}),
            json!({"type": "GITHUB", "pat": "p"}),
        ),
        Case {
            options: update(json!(7), Some(current_gitlab.clone())),
            ..case(
                "empty-update",
                "",
                json!({"displayName": "GL"}),
                json!({"displayName": "GL2"}),
            )
        },
        case(
            "field-not-applicable",
            "/apiPath",
            json!({"type": "VSTS", "pat": "t", "apiPath": "/x"}),
            json!({"type": "GITLAB", "pat": "t", "apiPath": "/api/v4/projects?owned=true"}),
        ),
        case(
            "field-type-specific",
            "/awsRegion",
            json!({"type": "GITHUB", "pat": "t", "awsRegion": "us-east-1"}),
            json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "us-east-1"}),
        ),
        case(
            "missing-required-field",
            "/origin",
            json!({"type": "GERRIT", "username": "u", "password": "p"}),
            json!({"type": "GERRIT", "origin": "https://g.example.com", "username": "u", "password": "p"}),
        ),
        case(
            "missing-credentials",
            "/pat",
            json!({"type": "GITLAB"}),
            json!({"type": "GITLAB", "pat": "t"}),
        ),
        case(
            "tfs-pat-username",
            "/username",
            json!({"type": "TFS_SERVER", "origin": "https://tfs.example.com", "username": "bob", "pat": "t"}),
            json!({"type": "TFS_SERVER", "origin": "https://tfs.example.com", "username": "all", "pat": "t"}),
        ),
        case(
            "username-with-pat",
            "/username",
            json!({"type": "GITHUB", "username": "bob", "pat": "t"}),
            json!({"type": "GITHUB", "pat": "t"}),
        ),
        case(
            "credentials-ambiguous",
            "/password",
            json!({"type": "GITHUB", "username": "bob", "password": "p", "pat": "t"}),
            json!({"type": "GITHUB", "username": "bob", "password": "p"}),
        ),
        case(
            "token-whitespace",
            "/pat",
            json!({"type": "GITHUB", "pat": "ghp_x "}),
            json!({"type": "GITHUB", "pat": "ghp_x"}),
        ),
        case(
            "password-whitespace",
            "/password",
            json!({"type": "GITHUB", "username": "u", "password": " p"}),
            json!({"type": "GITHUB", "username": "u", "password": "p"}),
        ),
        case(
            "unknown-aws-region",
            "/awsRegion",
            json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "ap-outh-1"}),
            json!({"type": "AWS", "username": "u", "password": "p", "awsRegion": "ap-south-1"}),
        ),
        case(
            "not-an-integer",
            "/maxMinsToCommitEmail",
            json!({"type": "GITHUB", "pat": "t", "maxMinsToCommitEmail": 1.5}),
            json!({"type": "GITHUB", "pat": "t", "maxMinsToCommitEmail": 0}),
        ),
        case(
            "out-of-range",
            "/folderDepth",
            json!({"type": "FILESPACE", "origin": "/srv/git", "folderDepth": 6}),
            json!({"type": "FILESPACE", "origin": "/srv/git", "folderDepth": 5}),
        ),
        case(
            "invalid-project-id",
            "/projectMappingIds/1",
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000, "10100"]}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000, 10100]}),
        ),
        case(
            "project-key-not-id",
            "/projectMappingIds/0",
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": ["PROJ"]}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000]}),
        ),
        case(
            "duplicate-project-id",
            "/projectMappingIds/1",
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000, 10000]}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000]}),
        ),
        case(
            "too-many-project-ids",
            "/projectMappingIds",
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": (1..=10_001).collect::<Vec<u32>>()}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": (1..=10_000).collect::<Vec<u32>>()}),
        ),
        case(
            "global-with-projects",
            "/projectMappingIds",
            json!({"type": "GITHUB", "pat": "t", "global": true, "projectMappingIds": [10000]}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000]}),
        ),
        case(
            "viewer-without-projects",
            "/projectMappingIds",
            json!({"type": "GITHUB", "pat": "t", "global": false}),
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [1]}),
        ),
        case(
            "no-projects",
            "/projectMappingIds",
            json!({"type": "GITHUB", "pat": "t", "global": false, "gitViewerEnabled": false}),
            json!({"type": "GITHUB", "pat": "t", "global": true, "gitViewerEnabled": false}),
        ),
        case(
            "invalid-origin-url",
            "/origin",
            json!({"type": "GITLAB_SERVER", "origin": "gitlab.example.com", "pat": "t"}),
            json!({"type": "GITLAB_SERVER", "origin": "https://gitlab.example.com", "pat": "t"}),
        ),
        case(
            "origin-credentials",
            "/origin",
            json!({"type": "GITLAB_SERVER", "origin": "https://bob:s3cret@gitlab.example.com", "pat": "t"}),
            json!({"type": "GITLAB_SERVER", "origin": "https://gitlab.example.com", "pat": "t"}),
        ),
        case(
            "filespace-origin-url",
            "/origin",
            json!({"type": "FILESPACE", "origin": "https://files.example.com/git"}),
            json!({"type": "FILESPACE", "origin": "/srv/git/*"}),
        ),
        case(
            "filespace-relative-path",
            "/origin",
            json!({"type": "FILESPACE", "origin": "git/*"}),
            json!({"type": "FILESPACE", "origin": "/srv/git/*"}),
        ),
        case(
            "insecure-origin",
            "/origin",
            json!({"type": "GITLAB_SERVER", "origin": "http://gitlab.example.com", "pat": "t"}),
            json!({"type": "GITLAB_SERVER", "origin": "https://gitlab.example.com", "pat": "t"}),
        ),
        case(
            "ssl-verification-disabled",
            "/disableSslVerification",
            json!({"type": "GITHUB", "pat": "t", "disableSslVerification": true}),
            json!({"type": "GITHUB", "pat": "t", "disableSslVerification": false}),
        ),
        case(
            "surrounding-whitespace",
            "/displayName",
            json!({"type": "GITHUB", "pat": "t", "displayName": " Acme "}),
            json!({"type": "GITHUB", "pat": "t", "displayName": "Acme"}),
        ),
        case(
            "require-user-pat-recommended",
            "/requireUserPat",
            json!({"type": "GITHUB", "pat": "t"}),
            json!({"type": "GITHUB", "pat": "t", "requireUserPat": true}),
        ),
        case(
            "trust-folder-stat-recommended",
            "/trustFolderStat",
            json!({"type": "GITHUB", "pat": "t", "trustFolderStat": true}),
            json!({"type": "GITHUB", "pat": "t", "trustFolderStat": false}),
        ),
        Case {
            options: update(json!(7), None),
            ..case(
                "prefer-enable-disable-api",
                "/disabled",
                json!({"disabled": true}),
                json!({"displayName": "x"}),
            )
        },
    ]
}

#[test]
fn every_case_fails_and_its_twin_passes() {
    for c in cases() {
        let failing = gij::validate(&c.fails, &c.options);
        assert!(
            has(&failing, c.code, c.path),
            "{}: expected at {:?}, got {:?}",
            c.code,
            c.path,
            failing.diagnostics
        );
        let passing = gij::validate(&c.passes, c.twin_options.as_ref().unwrap_or(&c.options));
        assert!(!failing.diagnostics.is_empty());
        assert!(
            !passing.codes().contains(&c.code),
            "{}: twin still has it: {:?}",
            c.code,
            passing.diagnostics
        );
        let severity = failing
            .diagnostics
            .iter()
            .find(|d| d.code == c.code)
            .unwrap()
            .severity;
        assert_eq!(
            failing.ok,
            failing
                .diagnostics
                .iter()
                .all(|d| d.severity != Severity::Error)
        );
        if severity == Severity::Error {
            assert!(!failing.ok);
        }
    }
}

#[test]
fn cases_cover_every_payload_rule_code() {
    let covered: BTreeSet<&str> = cases().iter().map(|c| c.code).collect();
    let payload_codes: BTreeSet<&str> = gij::codes()
        .iter()
        .map(|c| c.id)
        .filter(|id| {
            *id != "unexpected-response"
                && !id.starts_with("jmespath")
                && !id.starts_with("regex")
                && !id.starts_with("refspec")
                && !id.starts_with("api-path")
        })
        .collect();
    let missing: Vec<_> = payload_codes.difference(&covered).collect();
    assert!(missing.is_empty(), "codes without a case: {missing:?}");
}

#[test]
fn did_you_mean_suggestions() {
    let r = gij::validate(
        &json!({"type": "github", "pat": "t", "integration_type": "x"}),
        &add(),
    );
    let s: Vec<_> = r
        .diagnostics
        .iter()
        .filter_map(|d| d.suggestion.as_deref())
        .collect();
    assert!(s.contains(&"GITHUB"), "{s:?}");
    assert!(s.contains(&"type"), "{s:?}");
}

#[test]
fn project_id_suggestions() {
    let r = gij::validate(
        &json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000.10001]}),
        &add(),
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid-project-id")
        .unwrap();
    assert_eq!(d.suggestion.as_deref(), Some("10000, 10001"));
    let r = gij::validate(
        &json!({"type": "GITHUB", "pat": "t", "projectMappingIds": [9007199254740992_u64, 0, -3]}),
        &add(),
    );
    assert_eq!(
        r.codes()
            .iter()
            .filter(|c| **c == "invalid-project-id")
            .count(),
        3
    );
    let r = gij::validate(
        &json!({"type": "GITHUB", "pat": "t", "projectMappingIds": "10000, 10100"}),
        &add(),
    );
    assert_eq!(
        r.diagnostics[0].suggestion.as_deref(),
        Some("[10000, 10100]")
    );
}

#[test]
fn credential_alternatives_per_type() {
    // GITHUB: username+password or pat; a username alone is not enough.
    let r = gij::validate(&json!({"type": "GITHUB", "username": "u"}), &add());
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "missing-credentials")
        .unwrap();
    assert_eq!(d.path, "/password");
    // TFS with a PAT and no username needs "all".
    let r = gij::validate(
        &json!({"type": "TFS_SERVER", "origin": "https://t.example.com", "pat": "t"}),
        &add(),
    );
    assert!(r.codes().contains(&"tfs-pat-username"));
    // FILESPACE needs none; credentials are not required on update.
    assert!(gij::validate(&json!({"type": "FILESPACE", "origin": "/srv/git"}), &add()).ok);
    assert!(gij::validate(&json!({"displayName": "x"}), &update(json!(3), None)).ok);
}

#[test]
fn origin_suggestions_never_echo_credentials() {
    let r = gij::validate(
        &json!({"type": "GITLAB_SERVER", "origin": "http://bob:hunter2@gitlab.example.com", "password": "pw"}),
        &add(),
    );
    let text = serde_json::to_string(&r).unwrap();
    assert!(
        !text.contains("hunter2") && !text.contains("\"pw\""),
        "{text}"
    );
    let r = gij::validate(
        &json!({"type": "GITLAB_SERVER", "origin": "git@gitlab.example.com:acme/app.git", "pat": "t"}),
        &add(),
    );
    assert_eq!(
        r.diagnostics[0].suggestion.as_deref(),
        Some("https://gitlab.example.com")
    );
}

#[test]
fn update_uses_the_current_integration() {
    let current = json!({"id": 7, "integrationType": "GITLAB", "global": false, "projectMappingIds": [10000], "gitViewerEnabled": true});
    // Moving to global with the old ids left in the body is flagged; only the body's ids count.
    let r = gij::validate(
        &json!({"global": true, "projectMappingIds": [10000]}),
        &update(json!(7), Some(current.clone())),
    );
    assert!(r.codes().contains(&"global-with-projects"));
    // Emptying the project list of a non-global integration with the browser on is an error.
    let r = gij::validate(
        &json!({"projectMappingIds": []}),
        &update(json!(7), Some(current.clone())),
    );
    assert!(
        r.codes().contains(&"viewer-without-projects"),
        "{:?}",
        r.codes()
    );
    // Per-type rules use the current type: awsRegion on a GitLab integration.
    let r = gij::validate(
        &json!({"awsRegion": "us-east-1"}),
        &update(json!(7), Some(current)),
    );
    assert!(r.codes().contains(&"field-type-specific"));
}

#[test]
fn null_means_unset() {
    let r = gij::validate(
        &json!({"type": "GITLAB", "pat": "t", "origin": null, "displayName": null}),
        &add(),
    );
    assert!(r.ok, "{:?}", r.diagnostics);
}

#[test]
fn origins_without_a_scheme_are_read_as_host_names() {
    let r = gij::validate(
        &json!({"type": "GITLAB_SERVER", "origin": "gitlab.example.com:8443", "pat": "t"}),
        &add(),
    );
    let d = r
        .diagnostics
        .iter()
        .find(|d| d.code == "invalid-origin-url")
        .unwrap();
    assert_eq!(
        d.suggestion.as_deref(),
        Some("https://gitlab.example.com:8443")
    );
    let r = gij::validate(
        &json!({"type": "GITLAB_SERVER", "origin": "glpat-AbCdEf123:x@gitlab.example.com", "pat": "t"}),
        &add(),
    );
    let text = serde_json::to_string(&r).unwrap();
    assert!(!text.to_lowercase().contains("glpat-abcdef123"), "{text}");
}

#[test]
fn suggestions_drop_query_strings_that_may_hold_tokens() {
    let r = gij::validate(
        &json!({"type": "GITLAB_SERVER", "origin": "http://gitlab.example.com/?private_token=SECRET123", "pat": "t"}),
        &add(),
    );
    assert!(r.codes().contains(&"insecure-origin"));
    assert!(!serde_json::to_string(&r).unwrap().contains("SECRET123"));
}

#[test]
fn many_diagnostics_in_a_text_are_placed_in_linear_time() {
    // 20,000 unknown keys: each diagnostic is located through an index, not a scan of the keys.
    let body: serde_json::Map<String, Value> =
        (0..20_000).map(|i| (format!("k{i}"), json!(i))).collect();
    let text = serde_json::to_string(&Value::Object(body)).unwrap();
    let r = gij::validate_json(&text, &add());
    assert!(
        r.diagnostics
            .iter()
            .filter(|d| d.code == "unknown-field")
            .all(|d| d.line == Some(1))
    );
    assert_eq!(
        r.diagnostics
            .iter()
            .filter(|d| d.code == "unknown-field")
            .count(),
        20_000
    );
}
