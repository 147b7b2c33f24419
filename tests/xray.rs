//! The Xray Jira-integration API: each rule failing and passing, the vendor's examples, every
//! request the builder makes, every response status, secrets never echoed, and text positions.
// Helpers outside #[test] functions unwrap and index too; a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use jira_integration_payloads::api;
use jira_integration_payloads::xray::{
    self, Action, BuildOptions, Operation, Options, PathStyle, parse_response,
};
use jira_integration_payloads::{Report, Severity, catalogue};
use serde_json::{Value, json};
use std::collections::BTreeSet;

mod common;
use common::has;

fn create() -> Options {
    Options::default()
}

fn update(name: &str) -> Options {
    Options::default()
        .with_operation(Operation::Update)
        .with_connection_name(name)
}

/// A complete, clean create body; `with` overrides or removes (null) keys.
fn body(with: Value) -> Value {
    let mut b = json!({
        "connection_name": "prod-jira-cloud", "auth_type": "basic", "username": "bot@example.com",
        "password": "token", "installation_type": "cloud",
        "jira_server_url": "https://example.atlassian.net", "skip_proxy": false
    });
    for (k, v) in with.as_object().unwrap() {
        if v.is_null() {
            b.as_object_mut().unwrap().remove(k);
        } else {
            b[k] = v.clone();
        }
    }
    b
}

fn find<'r>(report: &'r Report, code: &str) -> &'r jira_integration_payloads::Diagnostic {
    report
        .diagnostics
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in {:#?}", report.diagnostics))
}

struct Case {
    code: &'static str,
    path: &'static str,
    fails: Value,
    passes: Value,
    options: Options,
}

fn case(code: &'static str, path: &'static str, fails: Value, passes: Value) -> Case {
    Case {
        code,
        path,
        fails,
        passes,
        options: create(),
    }
}

fn on_update(mut c: Case, name: &str) -> Case {
    c.options = update(name);
    c
}

fn cases() -> Vec<Case> {
    vec![
        case(
            "body-not-object",
            "",
            json!([body(json!({}))]),
            body(json!({})),
        ),
        case(
            "xray-unknown-field",
            "/authType",
            body(json!({"auth_type": null, "authType": "basic"})),
            body(json!({})),
        ),
        case(
            "xray-unknown-field",
            "/usrname",
            body(json!({"username": null, "usrname": "bot"})),
            body(json!({})),
        ),
        case(
            "xray-extra-field",
            "/description",
            body(json!({"description": "Jira for the payments team"})),
            body(json!({})),
        ),
        case(
            "xray-wrong-json-type",
            "/skip_proxy",
            body(json!({"skip_proxy": "true"})),
            body(json!({"skip_proxy": true})),
        ),
        case(
            "xray-wrong-json-type",
            "/username",
            body(json!({"username": 42})),
            body(json!({"username": "42"})),
        ),
        case(
            "xray-string-too-long",
            "/connection_name",
            body(json!({"connection_name": "n".repeat(256)})),
            body(json!({"connection_name": "n".repeat(255)})),
        ),
        case(
            "xray-string-too-long",
            "/jira_server_url",
            body(
                json!({"jira_server_url": format!("https://example.atlassian.net/?{}", "a".repeat(2000))}),
            ),
            body(json!({})),
        ),
        case(
            "xray-missing-required-field",
            "/password",
            body(json!({"password": null})),
            body(json!({})),
        ),
        case(
            "xray-missing-required-field",
            "/connection_name",
            body(json!({"connection_name": "  "})),
            body(json!({"connection_name": "x"})),
        ),
        on_update(
            case(
                "xray-missing-required-field",
                "/connection_name",
                json!({"skip_proxy": true}),
                json!({"connection_name": "onprem-jira", "skip_proxy": true}),
            ),
            "onprem-jira",
        ),
        on_update(
            case(
                "xray-missing-required-field",
                "/username",
                json!({"connection_name": "onprem-jira", "username": ""}),
                json!({"connection_name": "onprem-jira", "username": "svc"}),
            ),
            "onprem-jira",
        ),
        case(
            "xray-connection-name-whitespace",
            "/connection_name",
            body(json!({"connection_name": " prod-jira "})),
            body(json!({"connection_name": "prod-jira"})),
        ),
        case(
            "xray-connection-name-path-unsafe",
            "/connection_name",
            body(json!({"connection_name": "team/jira"})),
            body(json!({"connection_name": "team-jira"})),
        ),
        on_update(
            case(
                "xray-missing-connection-name",
                "",
                json!({"connection_name": "onprem-jira", "skip_proxy": true}),
                json!({"connection_name": "onprem-jira", "skip_proxy": true}),
            ),
            "",
        ),
        on_update(
            case(
                "xray-connection-name-mismatch",
                "/connection_name",
                json!({"connection_name": "other-jira", "skip_proxy": true}),
                json!({"connection_name": "onprem-jira", "skip_proxy": true}),
            ),
            "onprem-jira",
        ),
        on_update(
            case(
                "xray-empty-update",
                "",
                json!({"connection_name": "onprem-jira"}),
                json!({"connection_name": "onprem-jira", "skip_proxy": false}),
            ),
            "onprem-jira",
        ),
        case(
            "xray-invalid-auth-type",
            "/auth_type",
            body(json!({"auth_type": "Basic"})),
            body(json!({"auth_type": "basic"})),
        ),
        case(
            "xray-oauth-not-supported",
            "/auth_type",
            body(json!({"auth_type": "oauth2"})),
            body(json!({"auth_type": "basic"})),
        ),
        case(
            "xray-invalid-installation-type",
            "/installation_type",
            body(
                json!({"installation_type": "datacenter", "jira_server_url": "https://jira.example.com"}),
            ),
            body(
                json!({"installation_type": "server", "jira_server_url": "https://jira.example.com"}),
            ),
        ),
        case(
            "xray-invalid-jira-url",
            "/jira_server_url",
            body(json!({"jira_server_url": "example.atlassian.net"})),
            body(json!({"jira_server_url": "https://example.atlassian.net"})),
        ),
        case(
            "xray-jira-url-credentials",
            "/jira_server_url",
            body(json!({"jira_server_url": "https://bot:pw@example.atlassian.net"})),
            body(json!({})),
        ),
        case(
            "xray-jira-url-query-or-fragment",
            "/jira_server_url",
            body(json!({"jira_server_url": "https://example.atlassian.net/?x=1"})),
            body(json!({"jira_server_url": "https://example.atlassian.net/"})),
        ),
        case(
            "xray-jira-url-not-base",
            "/jira_server_url",
            body(
                json!({"jira_server_url": "https://example.atlassian.net/jira/software/projects/P/boards/1"}),
            ),
            body(json!({"jira_server_url": "https://example.atlassian.net"})),
        ),
        case(
            "xray-installation-type-mismatch",
            "/installation_type",
            body(json!({"jira_server_url": "https://jira.example.com"})),
            body(json!({"jira_server_url": "https://acme.atlassian.net"})),
        ),
        case(
            "xray-insecure-jira-url",
            "/jira_server_url",
            body(
                json!({"installation_type": "server", "jira_server_url": "http://jira.example.com"}),
            ),
            body(
                json!({"installation_type": "server", "jira_server_url": "https://jira.example.com"}),
            ),
        ),
        case(
            "xray-surrounding-whitespace",
            "/username",
            body(json!({"username": " bot@example.com"})),
            body(json!({"username": "bot@example.com"})),
        ),
        case(
            "xray-password-whitespace",
            "/password",
            body(json!({"password": "token\n"})),
            body(json!({"password": "token"})),
        ),
    ]
}

#[test]
fn every_rule_fails_and_passes() {
    for c in cases() {
        let failing = xray::validate(&c.fails, &c.options);
        assert!(
            has(&failing, c.code, c.path),
            "{} at {:?} not reported for {}: {:#?}",
            c.code,
            c.path,
            c.fails,
            failing.diagnostics
        );
        let options = if c.code == "xray-missing-connection-name" {
            update("onprem-jira")
        } else {
            c.options.clone()
        };
        let passing = xray::validate(&c.passes, &options);
        assert!(
            !passing.codes().contains(&c.code),
            "{} reported for its passing twin {}: {:#?}",
            c.code,
            c.passes,
            passing.diagnostics
        );
    }
}

/// The response parser's codes, which the response tests below cover; every other code of
/// `xray::codes()` is a rule's.
const RESPONSE_CODES: &[&str] = &["xray-non-json-response", "xray-unexpected-response"];

#[test]
fn the_cases_cover_every_rule_code() {
    let covered: BTreeSet<&str> = cases().iter().map(|c| c.code).collect();
    let codes: Vec<&str> = xray::codes().iter().map(|c| c.id).collect();
    for id in RESPONSE_CODES {
        assert!(codes.contains(id), "{id} is no longer a response code");
    }
    for id in codes.iter().filter(|id| !RESPONSE_CODES.contains(id)) {
        assert!(covered.contains(id), "no case for {id}");
    }
}

#[test]
fn xray_codes_are_in_the_catalogue_once_with_their_prefix() {
    let all: Vec<&str> = catalogue().iter().map(|c| c.id).collect();
    for code in xray::codes() {
        assert!(code.id.starts_with("xray-"), "{}", code.id);
        assert!(code.summary.ends_with('.'), "{}", code.id);
        assert_eq!(
            all.iter().filter(|id| **id == code.id).count(),
            1,
            "{}",
            code.id
        );
    }
    let unique: BTreeSet<&str> = all.iter().copied().collect();
    assert_eq!(unique.len(), all.len(), "duplicate ids in the catalogue");
}

// --- The reference's examples -------------------------------------------------------------

#[test]
fn reference_examples_validate_clean() {
    let cloud = json!({ "connection_name": "prod-jira-cloud", "auth_type": "basic", "username": "bot@example.com",
        "password": "<jira-api-token>", "installation_type": "cloud",
        "jira_server_url": "https://example.atlassian.net", "skip_proxy": false });
    let r = xray::validate(&cloud, &create());
    assert!(r.ok && r.diagnostics.is_empty(), "{:#?}", r.diagnostics);

    // The self-hosted example uses plain http with basic credentials: accepted, with exactly the
    // transport warning the issue asks for.
    let server = json!({ "connection_name": "onprem-jira", "auth_type": "basic", "username": "xray-service",
        "password": "<password>", "installation_type": "server",
        "jira_server_url": "http://10.0.0.11", "skip_proxy": true });
    let r = xray::validate(&server, &create());
    assert!(r.ok);
    assert_eq!(r.codes(), vec!["xray-insecure-jira-url"]);
    assert_eq!(
        r.diagnostics[0].suggestion.as_deref(),
        Some("https://10.0.0.11/")
    );

    let upd = json!({ "connection_name": "onprem-jira", "jira_server_url": "https://jira2.example.com", "skip_proxy": false });
    let r = xray::validate(&upd, &update("onprem-jira"));
    assert!(r.ok && r.diagnostics.is_empty(), "{:#?}", r.diagnostics);

    // The details example response, fed back as a create body, only lacks the password.
    let details = json!({"auth_type":"basic","connection_name":"jira-connection-1","jira_server_url":"https://jira.example.com",
        "username":"adminUser","installation_type":"cloud","skip_proxy":false});
    let r = xray::validate(&details, &create());
    assert!(has(&r, "xray-missing-required-field", "/password"));
}

#[test]
fn vendor_update_example_2_with_auth_type_in_camel_case_is_flagged() {
    // XR-UPDATE Example 2 (X14), reconstructed.
    let example = json!({"connection_name": "jira-connection-1", "authType": "basic",
        "username": "adminUser", "password": "<password>"});
    let r = xray::validate(&example, &update("jira-connection-1"));
    assert!(!r.ok);
    let d = find(&r, "xray-unknown-field");
    assert_eq!(d.path, "/authType");
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.suggestion.as_deref(), Some("auth_type"));
    assert!(d.message.contains("snake_case"), "{}", d.message);
    assert_eq!(r.codes(), vec!["xray-unknown-field"]);
}

#[test]
fn every_camel_case_spelling_suggests_the_snake_case_field() {
    for (camel, snake) in [
        ("connectionName", "connection_name"),
        ("authType", "auth_type"),
        ("installationType", "installation_type"),
        ("jiraServerUrl", "jira_server_url"),
        ("skipProxy", "skip_proxy"),
        ("UserName", "username"),
    ] {
        let r = xray::validate(&json!({ camel: "x" }), &create());
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.path == format!("/{camel}"))
            .unwrap();
        assert_eq!(d.code, "xray-unknown-field", "{camel}");
        assert_eq!(d.suggestion.as_deref(), Some(snake), "{camel}");
    }
}

#[test]
fn aliases_point_at_the_field_they_mean() {
    for (alias, field) in [
        ("integrationName", "connection_name"),
        ("integration_name", "connection_name"),
        ("api_token", "password"),
        ("apiToken", "password"),
        ("token", "password"),
        ("jira_url", "jira_server_url"),
        ("url", "jira_server_url"),
        ("email", "username"),
    ] {
        let r = xray::validate(&body(json!({ alias: "x" })), &create());
        let d = find(&r, "xray-unknown-field");
        assert_eq!(d.path, format!("/{alias}"));
        assert_eq!(d.suggestion.as_deref(), Some(field), "{alias}");
    }
    let r = xray::validate(&body(json!({"api_token": "x"})), &create());
    assert!(find(&r, "xray-unknown-field").message.contains("API token"));
}

#[test]
fn extra_keys_are_warnings_so_the_body_stays_ok() {
    let r = xray::validate(&body(json!({"team": "payments"})), &create());
    assert!(r.ok);
    assert_eq!(find(&r, "xray-extra-field").severity, Severity::Warning);
}

// --- Field rules in detail ----------------------------------------------------------------

#[test]
fn enum_values_get_case_and_alias_suggestions() {
    let r = xray::validate(&body(json!({"auth_type": "BASIC"})), &create());
    assert_eq!(
        find(&r, "xray-invalid-auth-type").suggestion.as_deref(),
        Some("basic")
    );
    let r = xray::validate(&body(json!({"auth_type": " basic"})), &create());
    assert_eq!(
        find(&r, "xray-invalid-auth-type").suggestion.as_deref(),
        Some("basic")
    );
    let r = xray::validate(&body(json!({"installation_type": "Cloud"})), &create());
    assert_eq!(
        find(&r, "xray-invalid-installation-type")
            .suggestion
            .as_deref(),
        Some("cloud")
    );
    for server in ["Data Center", "on-prem", "self-managed"] {
        let r = xray::validate(
            &body(
                json!({"installation_type": server, "jira_server_url": "https://jira.example.com"}),
            ),
            &create(),
        );
        assert_eq!(
            find(&r, "xray-invalid-installation-type")
                .suggestion
                .as_deref(),
            Some("server"),
            "{server}"
        );
    }
    let r = xray::validate(&body(json!({"installation_type": "hybrid"})), &create());
    assert!(
        find(&r, "xray-invalid-installation-type")
            .suggestion
            .is_none()
    );
}

#[test]
fn oauth_has_its_own_message_and_is_checked_on_update_too() {
    for value in ["oauth1", "oauth2", "OAuth2"] {
        let r = xray::validate(
            &json!({"connection_name": "j", "auth_type": value}),
            &update("j"),
        );
        let d = find(&r, "xray-oauth-not-supported");
        assert!(d.message.contains("Xray UI"), "{}", d.message);
    }
}

#[test]
fn auth_type_is_mandatory_on_create_and_the_fix_is_basic() {
    let r = xray::validate(&body(json!({"auth_type": null})), &create());
    let d = find(&r, "xray-missing-required-field");
    assert_eq!(d.path, "/auth_type");
    assert_eq!(d.suggestion.as_deref(), Some("\"auth_type\": \"basic\""));
}

#[test]
fn create_requires_every_field_but_skip_proxy() {
    let r = xray::validate(&json!({}), &create());
    let paths: Vec<&str> = r.diagnostics.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "/connection_name",
            "/auth_type",
            "/username",
            "/password",
            "/installation_type",
            "/jira_server_url"
        ]
    );
    assert!(
        r.diagnostics
            .iter()
            .all(|d| d.code == "xray-missing-required-field")
    );
    let r = xray::validate(&body(json!({"skip_proxy": null})), &create());
    assert!(r.ok && r.diagnostics.is_empty());
}

#[test]
fn update_suggests_the_url_name_for_a_missing_body_name() {
    let r = xray::validate(&json!({"skip_proxy": true}), &update("onprem jira"));
    assert_eq!(
        find(&r, "xray-missing-required-field")
            .suggestion
            .as_deref(),
        Some("\"connection_name\": \"onprem jira\"")
    );
    // Without the URL's name there is nothing to compare against.
    let r = xray::validate(
        &json!({"connection_name": "a", "skip_proxy": true}),
        &Options::default().with_operation(Operation::Update),
    );
    assert!(r.ok && r.diagnostics.is_empty());
}

#[test]
fn jira_url_rules_in_detail() {
    let url = |u: &str, kind: &str| {
        xray::validate(
            &body(json!({"jira_server_url": u, "installation_type": kind})),
            &create(),
        )
    };
    let r = url("jira.example.com:8080/jira", "server");
    let d = find(&r, "xray-invalid-jira-url");
    assert_eq!(
        d.suggestion.as_deref(),
        Some("https://jira.example.com:8080/jira")
    );
    let r = url("ftp://jira.example.com", "server");
    assert!(find(&r, "xray-invalid-jira-url").message.contains("ftp"));
    let r = url("https://jira.example.com:99999", "server");
    assert!(has(&r, "xray-invalid-jira-url", "/jira_server_url"));
    let r = url("https://", "server");
    assert!(has(&r, "xray-invalid-jira-url", "/jira_server_url"));

    let r = url("https://bot:s3cr3t@jira.example.com/jira", "server");
    let d = find(&r, "xray-jira-url-credentials");
    assert!(
        d.suggestion
            .as_deref()
            .unwrap()
            .starts_with("https://jira.example.com/jira ")
    );
    let r = url("https://jira.example.com/jira#top", "server");
    assert_eq!(
        find(&r, "xray-jira-url-query-or-fragment")
            .suggestion
            .as_deref(),
        Some("https://jira.example.com/jira")
    );

    let r = url("https://jira.example.com/jira/browse/PAY-1", "server");
    assert_eq!(
        find(&r, "xray-jira-url-not-base").suggestion.as_deref(),
        Some("https://jira.example.com/jira")
    );
    let r = url("https://jira.example.com/rest/api/2/issue", "server");
    assert_eq!(
        find(&r, "xray-jira-url-not-base").suggestion.as_deref(),
        Some("https://jira.example.com/")
    );
    // The leftmost marker cuts, in any letter case, whatever its place in the marker list.
    let r = url("https://jira.example.com/ctx/Secure/x/browse/Y", "server");
    assert_eq!(
        find(&r, "xray-jira-url-not-base").suggestion.as_deref(),
        Some("https://jira.example.com/ctx")
    );
    // A context path is a base URL.
    assert!(
        url("https://jira.example.com/jira", "server")
            .diagnostics
            .is_empty()
    );
    assert!(
        url("https://jira.example.com/jira/", "server")
            .diagnostics
            .is_empty()
    );
}

#[test]
fn cloud_hosts_and_installation_types() {
    let url = |u: &str, kind: &str| {
        xray::validate(
            &body(json!({"jira_server_url": u, "installation_type": kind})),
            &create(),
        )
    };
    assert!(
        url("https://acme.atlassian.net", "cloud")
            .diagnostics
            .is_empty()
    );
    assert!(
        url("https://ACME.Atlassian.NET/", "cloud")
            .diagnostics
            .is_empty()
    );
    for custom in [
        "https://jira.acme.com",
        "https://atlassian.net",
        "https://acme.atlassian.net.evil.com",
        "https://10.0.0.5",
    ] {
        let r = url(custom, "cloud");
        assert!(r.ok, "{custom}");
        assert!(
            has(&r, "xray-installation-type-mismatch", "/installation_type"),
            "{custom}"
        );
    }
    let r = url("https://acme.jira.com", "cloud");
    let d = find(&r, "xray-installation-type-mismatch");
    assert_eq!(d.path, "/jira_server_url");
    assert!(d.message.contains("legacy"));
    let r = url("https://acme.atlassian.net", "server");
    let d = find(&r, "xray-installation-type-mismatch");
    assert_eq!(d.suggestion.as_deref(), Some("cloud"));
    assert!(
        url("https://jira.example.com", "server")
            .diagnostics
            .is_empty()
    );
}

#[test]
fn plain_http_is_a_warning_except_on_loopback() {
    let url = |u: &str| {
        xray::validate(
            &body(json!({"jira_server_url": u, "installation_type": "server"})),
            &create(),
        )
    };
    for insecure in ["http://jira.example.com:8080/jira", "http://10.0.0.11"] {
        let r = url(insecure);
        assert!(r.ok);
        assert!(
            has(&r, "xray-insecure-jira-url", "/jira_server_url"),
            "{insecure}"
        );
    }
    assert_eq!(
        find(
            &url("http://jira.example.com:8080/jira"),
            "xray-insecure-jira-url"
        )
        .suggestion
        .as_deref(),
        Some("https://jira.example.com:8080/jira")
    );
    for local in [
        "http://localhost:8080",
        "http://127.0.0.1",
        "http://[::1]:2990/jira",
    ] {
        assert!(
            !url(local).codes().contains(&"xray-insecure-jira-url"),
            "{local}"
        );
    }
    // An update that moves to http warns too: the stored credentials travel with every call.
    let r = xray::validate(
        &json!({"connection_name": "j", "jira_server_url": "http://jira.example.com"}),
        &update("j"),
    );
    assert!(has(&r, "xray-insecure-jira-url", "/jira_server_url"));
}

#[test]
fn control_characters_and_backslashes_in_names_are_path_unsafe() {
    for name in ["a\\b", "a\u{7}b", "..", "."] {
        let r = xray::validate(&body(json!({"connection_name": name})), &create());
        assert!(
            has(&r, "xray-connection-name-path-unsafe", "/connection_name"),
            "{name:?}"
        );
    }
    let r = xray::validate(
        &body(json!({"connection_name": "Jira prod (é) v2.1"})),
        &create(),
    );
    assert!(r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
}

#[test]
fn null_means_unset() {
    let r = xray::validate(
        &body(json!({}))
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("skip_proxy".into(), Value::Null);
                Value::Object(o)
            })
            .unwrap(),
        &create(),
    );
    assert!(r.diagnostics.is_empty());
}

// --- JSON text ----------------------------------------------------------------------------

#[test]
fn json_text_diagnostics_have_line_and_column() {
    let text = "{\n  \"connection_name\": \"jira-connection-1\",\n  \"authType\": \"basic\",\n  \"skip_proxy\": \"yes\"\n}";
    let r = api::validate_xray_jira_integration_json(
        text,
        &json!({"operation": "update", "connectionName": "jira-connection-1"}),
    );
    let key = find(&r, "xray-unknown-field");
    assert_eq!((key.line, key.column), (Some(3), Some(3)));
    let value = find(&r, "xray-wrong-json-type");
    assert_eq!((value.line, value.column), (Some(4), Some(17)));
    assert_eq!(value.suggestion.as_deref(), Some("true"));

    let r = api::validate_xray_jira_integration_json("{\"connection_name\": \"a\",}", &json!({}));
    assert_eq!(r.codes(), vec!["invalid-json"]);
    let r = api::validate_xray_jira_integration_json(
        "{\"connection_name\": \"a\", \"connection_name\": \"b\"}",
        &json!({"operation": "update", "connectionName": "b"}),
    );
    assert!(r.codes().contains(&"duplicate-key"));
}

// --- Options ------------------------------------------------------------------------------

#[test]
fn bad_options_are_invalid_option() {
    for options in [
        json!({"operation": "details"}),
        json!({"operation": "add"}),
        json!({"connectionName": ["a"]}),
    ] {
        let r = api::validate_xray_jira_integration(&body(json!({})), &options);
        assert_eq!(r.codes(), vec!["invalid-option"], "{options}");
    }
    for options in [
        json!({"operation": "list"}),
        json!({"operation": "update", "pathStyle": "legacy"}),
        json!({"connectionName": {}}),
    ] {
        let r = api::build_xray_jira_integration_request(&body(json!({})), &options);
        assert!(!r.ok && r.request.is_none());
        assert_eq!(r.diagnostics[0].code, "invalid-option", "{options}");
    }
    // A number is a name a form might hand over.
    let r = api::validate_xray_jira_integration(
        &json!({"connection_name": "42", "skip_proxy": true}),
        &json!({"operation": "update", "connectionName": 42}),
    );
    assert!(r.ok && r.diagnostics.is_empty(), "{:#?}", r.diagnostics);
}

// --- Builder ------------------------------------------------------------------------------

fn build(form: Value, options: Value) -> jira_integration_payloads::request::BuildResult {
    api::build_xray_jira_integration_request(&form, &options)
}

fn request(form: Value, options: Value) -> jira_integration_payloads::request::Request {
    let r = build(form, options);
    assert!(r.ok, "{:#?}", r.diagnostics);
    r.request.unwrap()
}

#[test]
fn create_normalises_the_form() {
    let req = request(
        json!({"connection_name": " prod-jira ", "username": " bot@example.com ", "password": "  spaced pw ",
               "installation_type": "cloud", "jira_server_url": " https://acme.atlassian.net ",
               "skip_proxy": "on", "auth_type": ""}),
        json!({"operation": "create", "baseUrl": "https://acme.jfrog.io/"}),
    );
    assert_eq!(req.method, "POST");
    assert_eq!(req.path, "/xray/api/v1/ticketing/jira-integrations");
    assert_eq!(
        req.url.as_deref(),
        Some("https://acme.jfrog.io/xray/api/v1/ticketing/jira-integrations")
    );
    assert_eq!(
        req.body.unwrap(),
        json!({"connection_name": "prod-jira", "auth_type": "basic", "username": "bot@example.com",
               "password": "  spaced pw ", "installation_type": "cloud",
               "jira_server_url": "https://acme.atlassian.net", "skip_proxy": true})
    );
    let headers = serde_json::to_value(&req.headers).unwrap();
    assert_eq!(
        headers,
        json!({"Accept": "application/json", "Content-Type": "application/json"})
    );
}

#[test]
fn check_box_values_and_empty_strings() {
    for (input, expected) in [
        (json!("true"), Some(json!(true))),
        (json!("false"), Some(json!(false))),
        (json!("off"), Some(json!(false))),
        (json!(true), Some(json!(true))),
        (json!(""), None),
        (json!(null), None),
    ] {
        let req = request(
            body(json!({"skip_proxy": input.clone()})),
            json!({"operation": "create"}),
        );
        assert_eq!(
            req.body.unwrap().get("skip_proxy").cloned(),
            expected,
            "{input}"
        );
    }
    let r = build(body(json!({"skip_proxy": "maybe"})), json!({}));
    assert!(!r.ok);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "xray-wrong-json-type")
    );
}

#[test]
fn update_fills_the_name_from_the_option_and_both_path_styles_work() {
    let form = json!({"connection_name": "", "jira_server_url": "https://jira2.example.com", "password": ""});
    let documented = request(
        form.clone(),
        json!({"operation": "update", "connectionName": "onprem-jira"}),
    );
    assert_eq!(documented.method, "PUT");
    assert_eq!(
        documented.path,
        "/xray/api/v1/ticketing/jira-integrations/onprem-jira"
    );
    assert_eq!(
        documented.body.unwrap(),
        json!({"connection_name": "onprem-jira", "jira_server_url": "https://jira2.example.com"})
    );
    let terraform = request(
        form,
        json!({"operation": "update", "connectionName": "onprem-jira", "pathStyle": "terraform"}),
    );
    assert_eq!(terraform.method, "PUT");
    assert_eq!(terraform.path, "/xray/api/v1/ticketing/jira-integrations");
    assert_eq!(terraform.body.unwrap()["connection_name"], "onprem-jira");

    // The form's name serves when there is no option; a different one is refused.
    let from_form = request(
        json!({"connection_name": "on prem", "skip_proxy": "true"}),
        json!({"operation": "update"}),
    );
    assert_eq!(
        from_form.path,
        "/xray/api/v1/ticketing/jira-integrations/on%20prem"
    );
    let r = build(
        json!({"connection_name": "other", "skip_proxy": "true"}),
        json!({"operation": "update", "connectionName": "onprem-jira"}),
    );
    assert!(!r.ok && r.request.is_none());
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "xray-connection-name-mismatch")
    );
    // No name anywhere: the body's mandatory name is reported.
    let r = build(
        json!({"skip_proxy": "true"}),
        json!({"operation": "update"}),
    );
    assert!(!r.ok);
    assert!(
        r.diagnostics
            .iter()
            .any(|d| d.code == "xray-missing-required-field" && d.path == "/connection_name")
    );
}

#[test]
fn requests_without_a_body() {
    let name = "Team A/Jira é 🚀?&";
    let encoded = "Team%20A%2FJira%20%C3%A9%20%F0%9F%9A%80%3F%26";
    let expect = [
        (
            "details",
            "documented",
            "GET",
            format!("/xray/api/v1/ticketing/jira-integrations/{encoded}/details"),
        ),
        (
            "details",
            "terraform",
            "GET",
            format!("/xray/api/v1/ticketing/jira-integrations/{encoded}"),
        ),
        (
            "delete",
            "documented",
            "DELETE",
            format!("/xray/api/v1/ticketing/jira-integrations/{encoded}"),
        ),
        (
            "delete",
            "terraform",
            "DELETE",
            format!("/xray/api/v1/ticketing/jira-integrations/{encoded}"),
        ),
        (
            "status",
            "documented",
            "GET",
            format!("/xray/api/v1/ticketing/integrations/status/check?integrationName={encoded}"),
        ),
        (
            "status",
            "terraform",
            "GET",
            format!("/xray/api/v1/ticketing/integrations/status/check?integrationName={encoded}"),
        ),
    ];
    for (operation, style, method, path) in expect {
        let r = build(
            Value::Null,
            json!({"operation": operation, "connectionName": name, "pathStyle": style, "baseUrl": "https://acme.jfrog.io"}),
        );
        assert!(r.ok, "{operation}: {:#?}", r.diagnostics);
        let req = r.request.unwrap();
        assert_eq!(req.method, method, "{operation}");
        assert_eq!(req.path, path, "{operation} {style}");
        assert_eq!(req.url.unwrap(), format!("https://acme.jfrog.io{path}"));
        assert!(req.body.is_none());
        assert_eq!(
            serde_json::to_value(&req.headers).unwrap(),
            json!({"Accept": "application/json"})
        );
        // The slash travels encoded in a path, where servers may refuse it: a warning, not in a query.
        let warned = r
            .diagnostics
            .iter()
            .any(|d| d.code == "xray-connection-name-path-unsafe");
        assert_eq!(warned, operation != "status", "{operation}");
    }
    // Plain names need no encoding; the name may also come from the form.
    let req = request(
        json!({"connection_name": " onprem-jira "}),
        json!({"operation": "status"}),
    );
    assert_eq!(
        req.path,
        "/xray/api/v1/ticketing/integrations/status/check?integrationName=onprem-jira"
    );
    assert!(req.url.is_none());
}

#[test]
fn a_missing_connection_name_is_an_error_for_calls_without_a_body() {
    for operation in ["details", "delete", "status"] {
        for name in [json!(null), json!(""), json!("   ")] {
            let r = build(
                json!({}),
                json!({"operation": operation, "connectionName": name}),
            );
            assert!(!r.ok && r.request.is_none());
            assert_eq!(r.diagnostics[0].code, "xray-missing-connection-name");
            assert_eq!(
                r.diagnostics[0].params.get("option"),
                Some(&json!("connectionName"))
            );
        }
    }
}

#[test]
fn a_bad_base_url_is_reported() {
    for bad in [
        "acme.jfrog.io",
        "https://u:p@acme.jfrog.io",
        "https://acme.jfrog.io/?x",
    ] {
        let r = build(
            json!({}),
            json!({"operation": "delete", "connectionName": "a", "baseUrl": bad}),
        );
        assert!(!r.ok);
        assert_eq!(r.diagnostics[0].code, "invalid-base-url", "{bad}");
    }
    let req = request(
        json!({}),
        json!({"operation": "delete", "connectionName": "a", "baseUrl": "https://acme.example.com/artifactory/../"}),
    );
    assert_eq!(
        req.url.as_deref(),
        Some("https://acme.example.com/xray/api/v1/ticketing/jira-integrations/a")
    );
}

#[test]
fn the_rust_builder_matches_the_loose_api() {
    let options = BuildOptions::default()
        .with_action(Action::Details)
        .with_connection_name("x")
        .with_path_style(PathStyle::Terraform);
    let r = xray::build(&Value::Null, &options);
    assert_eq!(
        r.request.unwrap().path,
        "/xray/api/v1/ticketing/jira-integrations/x"
    );
    let documented = options.with_path_style(PathStyle::Documented);
    assert_eq!(
        xray::build(&Value::Null, &documented).request.unwrap().path,
        "/xray/api/v1/ticketing/jira-integrations/x/details"
    );
}

// --- Responses ----------------------------------------------------------------------------

#[test]
fn success_responses() {
    for (op, text, word) in [
        (
            Action::Create,
            r#"{"info": "Integration has been successfully created"}"#,
            "created",
        ),
        (
            Action::Update,
            r#"{"info": "Integration has been successfully updated"}"#,
            "updated",
        ),
        (Action::Delete, r#"{}"#, "deleted"),
        (Action::Delete, "", "deleted"),
    ] {
        let r = parse_response(200, text, Some(op));
        assert!(r.ok, "{text}");
        assert_eq!(r.status, 200);
        assert!(r.explanation.contains(word), "{}", r.explanation);
        assert!(r.diagnostics.is_empty());
    }
    let r = parse_response(
        200,
        r#"{"info": "Integration has been successfully created"}"#,
        None,
    );
    assert!(r.ok);
    assert_eq!(
        r.info.as_deref(),
        Some("Integration has been successfully created")
    );
}

#[test]
fn error_statuses_are_explained() {
    let r = parse_response(
        400,
        r#"{"error": "We were not able to connect to your Jira based on the credentials you provided, please check all the values and try again."}"#,
        Some(Action::Create),
    );
    assert!(!r.ok);
    assert!(r.error.unwrap().starts_with("We were not able"));
    assert!(r.explanation.contains("could not connect to Jira"));
    assert!(
        parse_response(400, "", Some(Action::Status))
            .explanation
            .contains("integrationName")
    );
    assert!(
        parse_response(401, "", None)
            .explanation
            .contains("access token")
    );
    assert!(
        parse_response(403, r#"{"error": "Forbidden"}"#, Some(Action::Update))
            .explanation
            .contains("admin")
    );

    let r = parse_response(
        404,
        r#"{"error": "No integration found with the given connection name"}"#,
        Some(Action::Update),
    );
    assert!(!r.ok);
    assert!(r.explanation.contains("No integration"));
    assert!(r.explanation.contains("pathStyle"));
    let r = parse_response(
        404,
        r#"{"error": "Integration does not exist"}"#,
        Some(Action::Delete),
    );
    assert!(!r.explanation.contains("pathStyle"));
    let r = parse_response(
        404,
        "<html><body>404 Not Found</body></html>",
        Some(Action::Details),
    );
    assert!(r.explanation.contains("endpoint was not found"));
    assert_eq!(r.diagnostics[0].code, "xray-non-json-response");
    assert!(
        parse_response(405, "", Some(Action::Update))
            .explanation
            .contains("pathStyle")
    );
    assert!(
        parse_response(500, r#"{"error": "Failed"}"#, Some(Action::Create))
            .explanation
            .contains("failed to create")
    );
    assert!(
        parse_response(500, "", None)
            .explanation
            .contains("internal error")
    );
    assert!(
        parse_response(502, "<html>Bad gateway</html>", None)
            .explanation
            .contains("unavailable")
    );
    assert!(
        parse_response(0, "", None)
            .explanation
            .contains("No HTTP response")
    );
    assert!(
        parse_response(302, "", None)
            .explanation
            .contains("redirected")
    );
    assert!(parse_response(418, "", None).explanation.contains("418"));
    // The JFrog platform's own error shape.
    let r = parse_response(
        401,
        r#"{"errors": [{"code": "UNAUTHORIZED", "message": "Bad credentials"}]}"#,
        None,
    );
    assert_eq!(r.error.as_deref(), Some("Bad credentials"));
}

#[test]
fn status_check_failures_come_with_http_200() {
    let body = |s: &str| {
        format!(
            r#"{{"status": "{s}", "reason": "The system is unable to connect to Jira.", "time": "2025-12-22T08:18:02Z", "integration_name": "onprem-jira"}}"#
        )
    };
    let healthy = parse_response(200, &body("HEALTHY_INTEGRATION"), Some(Action::Status));
    assert!(healthy.ok);
    assert_eq!(
        healthy.health_status.as_deref(),
        Some("HEALTHY_INTEGRATION")
    );
    assert_eq!(healthy.details.unwrap()["integration_name"], "onprem-jira");
    for status in [
        "FAULTY_CONFIGURATION",
        "INTEGRATION_NOT_FOUND",
        "INTERNAL_SERVER_ERROR",
    ] {
        let r = parse_response(200, &body(status), Some(Action::Status));
        assert!(!r.ok, "{status}");
        assert_eq!(r.health_status.as_deref(), Some(status));
        assert_eq!(
            r.error.as_deref(),
            Some("The system is unable to connect to Jira.")
        );
        assert!(r.diagnostics.is_empty());
    }
    let faulty = parse_response(200, &body("FAULTY_CONFIGURATION"), None);
    assert!(
        !faulty.ok,
        "the status shape is recognised without the operation"
    );
    assert!(faulty.explanation.contains("HTTP 200"));
    let unknown = parse_response(200, &body("DEGRADED"), Some(Action::Status));
    assert!(!unknown.ok);
    assert_eq!(unknown.diagnostics[0].code, "xray-unexpected-response");
    let not_found = parse_response(404, &body("INTEGRATION_NOT_FOUND"), Some(Action::Status));
    assert!(!not_found.ok);
    assert_eq!(
        not_found.health_status.as_deref(),
        Some("INTEGRATION_NOT_FOUND")
    );
    assert!(not_found.explanation.contains("No integration"));
    let missing = parse_response(200, r#"{"reason": "?"}"#, Some(Action::Status));
    assert!(!missing.ok);
    assert_eq!(missing.diagnostics[0].code, "xray-unexpected-response");
}

#[test]
fn details_are_returned_with_oauth_accepted_and_secrets_masked() {
    let text = r#"{"auth_type":"oauth2","connection_name":"jira-connection-1","jira_server_url":"https://jira.example.com","username":"adminUser","installation_type":"cloud","skip_proxy":false}"#;
    let r = parse_response(200, text, Some(Action::Details));
    assert!(r.ok);
    assert!(r.diagnostics.is_empty());
    assert_eq!(r.details.as_ref().unwrap()["auth_type"], "oauth2");
    assert!(parse_response(200, text, None).details.is_some());
    let leaky = r#"{"auth_type":"kerberos","connection_name":"c","password":"hunter2-leak"}"#;
    let r = parse_response(200, leaky, Some(Action::Details));
    assert_eq!(r.diagnostics[0].code, "xray-unexpected-response");
    assert_eq!(r.diagnostics[0].path, "/auth_type");
    assert!(!serde_json::to_string(&r).unwrap().contains("hunter2-leak"));
    assert!(!format!("{r:?}").contains("hunter2-leak"));
}

#[test]
fn non_json_bodies_are_handled() {
    let r = parse_response(
        200,
        "<!DOCTYPE html><html><title>Sign in</title></html>",
        Some(Action::Create),
    );
    assert!(!r.ok, "a login page is not a success");
    assert_eq!(r.diagnostics[0].code, "xray-non-json-response");
    assert_eq!(r.diagnostics[0].params.get("content"), Some(&json!("html")));
    let r = parse_response(500, "Internal Server Error", None);
    assert_eq!(r.diagnostics[0].params.get("content"), Some(&json!("text")));
    let r = parse_response(200, "{\"info\": ", Some(Action::Create));
    assert!(!r.ok);
    assert_eq!(r.diagnostics[0].code, "invalid-json");
    let r = parse_response(200, "[1]", Some(Action::Create));
    assert_eq!(r.diagnostics[0].code, "xray-unexpected-response");
    // One byte order mark is dropped, as every JSON entry point drops it; a second is text.
    let r = parse_response(200, "\u{feff}{}", Some(Action::Delete));
    assert!(r.ok && r.diagnostics.is_empty(), "{r:?}");
    let r = parse_response(200, "\u{feff}\u{feff}{}", Some(Action::Delete));
    assert!(!r.ok);
    assert_eq!(r.diagnostics[0].code, "xray-non-json-response");
    assert_eq!(r.diagnostics[0].params.get("content"), Some(&json!("text")));
}

#[test]
fn the_loose_response_api_checks_the_operation() {
    let r = api::parse_xray_response(200, "{}", &json!("remove"));
    assert!(!r.ok);
    assert_eq!(r.diagnostics[0].code, "invalid-option");
    let r = api::parse_xray_response(200, "{}", &json!("delete"));
    assert!(r.ok);
    let v = serde_json::to_value(api::parse_xray_response(
        200,
        r#"{"status":"HEALTHY_INTEGRATION"}"#,
        &Value::Null,
    ))
    .unwrap();
    assert_eq!(v["healthStatus"], "HEALTHY_INTEGRATION");
    assert!(v.get("health_status").is_none());
}

// --- Secrets ------------------------------------------------------------------------------

const SECRET: &str = "Zebra-7c1f-UNIQUE-pw";

/// Bodies that together trigger every rule, each carrying the secret where a careless message
/// would pick it up.
fn secret_bodies() -> Vec<(Value, Options)> {
    let padded = format!("  {SECRET}  ");
    let long = SECRET.repeat(600);
    vec![
        (body(json!({"password": padded})), create()),
        (body(json!({"password": long})), create()),
        (
            body(json!({"password": 12345, "private_notes": SECRET})),
            create(),
        ),
        (
            body(
                json!({"jira_server_url": format!("https://bot:{SECRET}@jira.example.com/browse/X?token={SECRET}#{SECRET}"), "installation_type": "cloud"}),
            ),
            create(),
        ),
        (
            body(
                json!({"jira_server_url": format!("http://bot:{SECRET}@jira.example.com"), "installation_type": "server"}),
            ),
            create(),
        ),
        (
            body(json!({"jira_server_url": format!("bot:{SECRET}@jira.example.com/?t={SECRET}")})),
            create(),
        ),
        (
            body(json!({"jira_server_url": format!("jira.example.com?t={SECRET}")})),
            create(),
        ),
        (
            body(json!({"jira_server_url": format!("https://jira.example.com:{SECRET}")})),
            create(),
        ),
        (
            body(json!({"jira_server_url": format!("ftp://bot:{SECRET}@jira.example.com")})),
            create(),
        ),
        (
            json!({"password": SECRET, "api_token": SECRET, "apiToken": SECRET, "authType": "basic"}),
            create(),
        ),
        (
            json!({"connection_name": "a", "password": format!(" {SECRET}")}),
            update("b"),
        ),
        (json!([SECRET]), create()),
    ]
}

#[test]
fn secrets_never_appear_in_diagnostics_or_debug_output() {
    let mut seen = BTreeSet::new();
    for (payload, options) in secret_bodies() {
        let report = xray::validate(&payload, &options);
        seen.extend(report.codes());
        let json = serde_json::to_string(&report).unwrap();
        assert!(!json.contains(SECRET), "{json}");
        let debug = format!("{report:?}");
        assert!(!debug.contains(SECRET), "{debug}");
        for d in &report.diagnostics {
            assert!(!d.to_string().contains(SECRET), "{d}");
        }
        let text = serde_json::to_string_pretty(&payload).unwrap();
        let located = api::validate_xray_jira_integration_json(&text, &json!({}));
        assert!(!serde_json::to_string(&located).unwrap().contains(SECRET));
        // The builder's result: diagnostics, and the request's Debug (which masks the body).
        let form = payload.clone();
        let action = match options.operation {
            Operation::Create => Action::Create,
            Operation::Update => Action::Update,
        };
        let build_options = BuildOptions::default().with_action(action);
        let build_options = match &options.connection_name {
            Some(name) => build_options.with_connection_name(name.clone()),
            None => build_options,
        };
        let built = xray::build(&form, &build_options);
        assert!(!format!("{built:?}").contains(SECRET));
        assert!(
            !serde_json::to_string(&built.diagnostics)
                .unwrap()
                .contains(SECRET)
        );
    }
    for code in [
        "xray-password-whitespace",
        "xray-string-too-long",
        "xray-wrong-json-type",
        "xray-jira-url-credentials",
        "xray-jira-url-query-or-fragment",
        "xray-jira-url-not-base",
        "xray-insecure-jira-url",
        "xray-invalid-jira-url",
        "xray-unknown-field",
        "xray-extra-field",
        "xray-connection-name-mismatch",
        "body-not-object",
    ] {
        assert!(
            seen.contains(code),
            "the secret bodies never trigger {code}"
        );
    }
    // An accepted request keeps the secret in its body (it must be sent) but not in Debug.
    let ok = xray::build(&body(json!({"password": SECRET})), &BuildOptions::default());
    assert!(ok.ok);
    assert!(!format!("{ok:?}").contains(SECRET));
    assert_eq!(ok.request.unwrap().body.unwrap()["password"], SECRET);
}

#[test]
fn redaction_masks_the_password_and_url_credentials() {
    let payload = body(
        json!({"password": SECRET, "jira_server_url": format!("https://bot:{SECRET}@jira.example.com")}),
    );
    let redacted = api::redact_xray_jira_integration(&payload);
    assert!(!redacted.to_string().contains(SECRET));
    assert_eq!(redacted["password"], "[REDACTED]");
    assert_eq!(redacted["connection_name"], "prod-jira-cloud");
    assert_eq!(redacted["username"], "bot@example.com");
    assert_eq!(redacted["skip_proxy"], false);
}

// --- The field table ----------------------------------------------------------------------

#[test]
fn the_field_table_serialises_for_forms() {
    let fields = serde_json::to_value(api::xray_fields()).unwrap();
    let names: Vec<&str> = fields
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "connection_name",
            "auth_type",
            "username",
            "password",
            "installation_type",
            "jira_server_url",
            "skip_proxy"
        ]
    );
    assert_eq!(
        fields[0],
        json!({"name": "connection_name", "label": "Connection name",
               "description": fields[0]["description"], "kind": "string", "maxLength": 255,
               "requiredOnCreate": true, "requiredOnUpdate": true, "secret": false, "example": "prod-jira-cloud"})
    );
    assert_eq!(fields[1]["kind"], "enum");
    assert_eq!(fields[1]["values"], json!(["basic"]));
    assert_eq!(fields[1]["responseOnlyValues"], json!(["oauth1", "oauth2"]));
    assert_eq!(fields[3]["kind"], "secret");
    assert_eq!(fields[3]["secret"], true);
    assert_eq!(fields[4]["values"], json!(["cloud", "server"]));
    assert_eq!(fields[6]["default"], false);
    assert_eq!(fields[6]["requiredOnCreate"], false);
}
