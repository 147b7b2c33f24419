//! Updates judged on the state after the change (issue 14, class 2): required fields, project
//! association and TFS credentials read the current integration under the change; `current`
//! must be one integration with the URL's id; an empty form value keeps, `clear` clears.

use jira_integration_payloads::api;
use serde_json::{Value, json};

mod common;
use common::blank_project_id_lists;

fn update(id: Value, current: Value) -> Value {
    json!({"operation": "update", "integrationId": id, "current": current})
}

fn codes(payload: Value, options: Value) -> Vec<&'static str> {
    api::validate_integration(&payload, &options).codes()
}

fn built(form: Value, options: Value) -> api_result::Built {
    let r = api::build_integration_request(&form, &options);
    api_result::Built {
        codes: r.diagnostics.iter().map(|d| d.code.id).collect(),
        body: r.request.and_then(|q| q.body),
    }
}

mod api_result {
    /// What a build gave: its codes and the body of the request, when there is one.
    pub struct Built {
        pub codes: Vec<&'static str>,
        pub body: Option<serde_json::Value>,
    }
}

fn gitlab_server() -> Value {
    json!({"success": "true", "integration": [{"id": 5, "integrationType": "GITLAB_SERVER",
        "displayName": "GL", "origin": "https://gitlab.example.com", "global": true, "projectMappingIds": []}]})
}

#[test]
fn emptying_a_required_field_is_an_error() {
    let got = codes(json!({"origin": ""}), update(json!(5), gitlab_server()));
    assert!(got.contains(&"missing-required-field"), "{got:?}");
    let aws = json!({"id": 5, "integrationType": "AWS", "awsRegion": "eu-west-1", "username": "u"});
    let got = codes(json!({"awsRegion": " "}), update(json!(5), aws));
    assert!(got.contains(&"missing-required-field"), "{got:?}");
    // Not touching it is fine, and so is an update without the current integration's type.
    assert!(
        codes(
            json!({"displayName": "x"}),
            update(json!(5), gitlab_server())
        )
        .is_empty()
    );
}

#[test]
fn emptying_a_required_field_through_clear_builds_no_request() {
    let mut options = update(json!(5), gitlab_server());
    options["clear"] = json!(["origin"]);
    let b = built(json!({"origin": ""}), options);
    assert!(b.codes.contains(&"missing-required-field"), "{:?}", b.codes);
    assert_eq!(b.body, None);
}

#[test]
fn project_ids_sent_to_a_global_integration_are_the_add_finding() {
    let got = codes(
        json!({"projectMappingIds": [10000]}),
        update(json!(5), gitlab_server()),
    );
    assert!(got.contains(&"global-with-projects"), "{got:?}");
    let got = codes(
        json!({"global": false, "projectMappingIds": [10000]}),
        update(json!(5), gitlab_server()),
    );
    assert!(!got.contains(&"global-with-projects"), "{got:?}");
}

#[test]
fn rotating_a_tfs_pat_is_valid_and_builds() {
    let tfs = json!({"id": 9, "integrationType": "TFS_SERVER", "origin": "https://tfs.example.com/tfs", "username": "all"});
    let options = update(json!(9), tfs.clone());
    assert!(codes(json!({"pat": "new-pat"}), options.clone()).is_empty());
    let b = built(json!({"pat": "new-pat", "username": "all"}), options);
    assert_eq!(b.body, Some(json!({"pat": "new-pat"})), "{:?}", b.codes);
    // A password-based TFS integration switched to a PAT still needs username "all".
    let by_password = json!({"id": 9, "integrationType": "TFS_SERVER", "origin": "https://tfs.example.com/tfs", "username": "bob"});
    let got = codes(json!({"pat": "new-pat"}), update(json!(9), by_password));
    assert!(got.contains(&"tfs-pat-username"), "{got:?}");
}

#[test]
fn current_of_another_integration_is_an_error() {
    let got = codes(
        json!({"displayName": "x"}),
        update(json!(6), gitlab_server()),
    );
    assert_eq!(got, ["current-id-mismatch"]);
}

#[test]
fn current_that_is_not_one_integration_is_an_error_naming_what_it_is() {
    let cases = [
        (
            json!({"success": true, "integrations": [{"id": 1}, {"id": 2}]}),
            "list",
        ),
        (json!([{"id": 5}, {"id": 6}]), "list"),
        (
            json!({"success": false, "error": "Repository with id=5 does not exist", "advice": "…"}),
            "error-response",
        ),
        (json!("{\"id\": 5,"), "not-json"),
        (json!({"foo": 1}), "not-an-integration"),
        (json!(5), "not-an-object"),
    ];
    for (current, found) in cases {
        let r = api::validate_integration(
            &json!({"displayName": "x"}),
            &update(json!(5), current.clone()),
        );
        let d = r.diagnostics.iter().find(|d| d.code == "invalid-current");
        let d = d.unwrap_or_else(|| panic!("{current}: {:?}", r.codes()));
        assert_eq!(d.params.get("found"), Some(&json!(found)), "{current}");
        assert!(!r.ok);
    }
    // The text of a GET response is read as JSON.
    let text = serde_json::to_string(&gitlab_server()).unwrap_or_default();
    assert!(codes(json!({"displayName": "x"}), update(json!(5), json!(text))).is_empty());
}

#[test]
fn an_unchanged_form_sends_nothing() {
    // The form shows origin and displayName empty (not filled from current) and is left as is.
    let b = built(
        json!({"displayName": "", "origin": "", "global": "true", "id": "5"}),
        update(json!(5), gitlab_server()),
    );
    assert_eq!(b.body, Some(json!({})));
    assert_eq!(b.codes, ["empty-update"]);
}

#[test]
fn clear_sends_the_empty_value_only_for_the_fields_it_names() {
    let mut options = update(json!(5), gitlab_server());
    options["clear"] = json!(["displayName"]);
    let b = built(
        json!({"displayName": "", "tagsFilter": "", "origin": ""}),
        options,
    );
    assert_eq!(b.body, Some(json!({"displayName": ""})), "{:?}", b.codes);
}

#[test]
fn a_blank_list_of_project_ids_keeps_them() {
    let current = json!({"id": 5, "integrationType": "GITLAB_SERVER", "displayName": "GL",
        "origin": "https://gitlab.example.com", "global": false, "gitViewerEnabled": false,
        "projectMappingIds": [10000, 10100]});
    for blank in blank_project_id_lists() {
        let form = json!({"displayName": "GL 2", "projectMappingIds": blank});
        let b = built(form.clone(), update(json!(5), current.clone()));
        assert_eq!(b.body, Some(json!({"displayName": "GL 2"})), "{blank}");
        let mut options = update(json!(5), current.clone());
        options["clear"] = json!(["projectMappingIds"]);
        let b = built(form, options);
        let cleared = json!({"displayName": "GL 2", "projectMappingIds": []});
        assert_eq!(b.body.as_ref(), Some(&cleared), "{blank}: {:?}", b.codes);
    }
}

#[test]
fn clear_clears_a_field_the_form_leaves_out() {
    let current = json!({"id": 5, "integrationType": "GITLAB_SERVER", "displayName": "GL",
        "origin": "https://gitlab.example.com", "apiPath": "/api/v4/projects", "global": true});
    let mut options = update(json!(5), current);
    options["clear"] = json!(["apiPath"]);
    let b = built(json!({"displayName": "GL"}), options);
    assert_eq!(b.body, Some(json!({"apiPath": ""})), "{:?}", b.codes);
}

#[test]
fn clear_names_only_fields_with_an_empty_value() {
    for clear in [
        json!(["global"]),
        json!(["nope"]),
        json!("displayName"),
        json!([1]),
    ] {
        let mut options = update(json!(5), gitlab_server());
        options["clear"] = clear.clone();
        let b = built(json!({"displayName": ""}), options);
        assert_eq!(b.codes, ["invalid-option"], "{clear}");
        assert_eq!(b.body, None);
    }
}

#[test]
fn integration_id_is_a_java_integer() {
    let ok = |id: Value| {
        !codes(
            json!({"displayName": "x"}),
            json!({"operation": "update", "integrationId": id}),
        )
        .contains(&"invalid-integration-id")
    };
    assert!(ok(json!(2_147_483_647)));
    assert!(ok(json!("2147483647")));
    assert!(ok(json!(7.0)));
    assert!(!ok(json!(2_147_483_648_u64)));
    assert!(!ok(json!("2147483648")));
    assert!(!ok(json!(0)));
    assert!(!ok(json!(7.5)));
}

#[test]
fn a_form_id_is_a_number_and_is_left_to_the_url() {
    let options = json!({"operation": "update", "integrationId": 5});
    let b = built(json!({"id": "5", "displayName": "x"}), options.clone());
    assert_eq!(b.body, Some(json!({"displayName": "x"})));
    let b = built(json!({"id": "6", "displayName": "x"}), options);
    assert!(b.codes.contains(&"id-mismatch"), "{:?}", b.codes);
    // The canonical body's id as a number: `gij::update_properties::a_form_id_is_read_as_a_number`.
}

#[test]
fn integration_type_must_be_a_string() {
    let got = codes(
        json!({"integrationType": 5, "displayName": "x"}),
        json!({"operation": "update", "integrationId": 5}),
    );
    assert!(got.contains(&"wrong-json-type"), "{got:?}");
}

#[test]
fn whole_numbers_with_a_fraction_read_the_same_in_every_integer_field() {
    let add = json!({});
    for ids in [json!([10000.0]), json!([1e4])] {
        let got = codes(
            json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": ids}),
            add.clone(),
        );
        assert!(!got.contains(&"invalid-project-id"), "{got:?}");
    }
    let got = codes(
        json!({"type": "FILESPACE", "origin": "/srv/git/*", "folderDepth": 2.0}),
        add.clone(),
    );
    assert!(got.is_empty(), "{got:?}");
    let got = codes(
        json!({"type": "GITHUB", "pat": "t", "global": false, "projectMappingIds": [10000.5]}),
        add,
    );
    assert!(got.contains(&"invalid-project-id"), "{got:?}");
}

#[test]
fn a_base_url_ending_in_the_api_prefix_is_not_doubled() {
    let form = json!({"type": "GITHUB", "pat": "t", "global": true, "requireUserPat": true});
    for (base, url) in [
        (
            "https://jira.example.com/rest/gitplugin/1.0",
            "https://jira.example.com/rest/gitplugin/1.0/integration",
        ),
        (
            "https://jira.example.com/jira/rest/gitplugin/1.0/",
            "https://jira.example.com/jira/rest/gitplugin/1.0/integration",
        ),
        (
            "https://jira.example.com/jira/rest",
            "https://jira.example.com/jira/rest/gitplugin/1.0/integration",
        ),
    ] {
        let r = api::build_integration_request(&form, &json!({"baseUrl": base}));
        assert_eq!(
            r.request.and_then(|q| q.url).as_deref(),
            Some(url),
            "{base}"
        );
        assert_eq!(
            r.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            ["base-url-has-api-path"]
        );
    }
    let r =
        api::build_integration_request(&form, &json!({"baseUrl": "https://jira.example.com/jira"}));
    assert!(
        !r.diagnostics
            .iter()
            .any(|d| d.code == "base-url-has-api-path")
    );
    let r = api::build_xray_jira_integration_request(
        &json!({"connection_name": "c"}),
        &json!({"operation": "details", "connectionName": "c", "baseUrl": "https://acme.jfrog.io/xray/"}),
    );
    let url = r.request.and_then(|q| q.url).unwrap_or_default();
    assert!(
        url.starts_with("https://acme.jfrog.io/xray/api/v1/"),
        "{url}"
    );
    assert_eq!(
        r.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
        ["base-url-has-api-path"]
    );
}

#[test]
fn a_byte_order_mark_is_read_as_the_text_without_it() {
    let body = r#"{"type": "GITHUB", "pat": "t", "folderDepth": 2}"#;
    let plain = api::validate_integration_json(body, &json!({}));
    let marked = api::validate_integration_json(&format!("\u{feff}{body}"), &json!({}));
    assert_eq!(marked, plain);
    assert!(
        !marked.codes().contains(&"invalid-json"),
        "{:?}",
        marked.codes()
    );
    let marked = api::validate_xray_jira_integration_json("\u{feff}{}", &json!({}));
    assert!(
        !marked.codes().contains(&"invalid-json"),
        "{:?}",
        marked.codes()
    );
    let response = jira_integration_payloads::gij::parse_response(
        "\u{feff}{\"success\": \"true\", \"integration\": {\"id\": 3}}",
    );
    assert!(response.ok);
    // A current integration saved by an editor that writes a byte order mark.
    let current = "\u{feff}{\"id\": 5, \"integrationType\": \"GITLAB\"}";
    let options = json!({"operation": "update", "integrationId": 5, "current": current});
    assert!(codes(json!({"displayName": "x"}), options).is_empty());
}

#[test]
fn only_one_byte_order_mark_is_dropped() {
    // The server's parser skips at most one: a second is a JSON syntax error where it stands.
    let body = r#"{"type": "GITHUB", "pat": "t"}"#;
    let twice = api::validate_integration_json(&format!("\u{feff}\u{feff}{body}"), &json!({}));
    assert_eq!(twice.codes(), ["invalid-json"]);
    assert_eq!(twice.diagnostics[0].column, Some(1));
    let twice = api::validate_xray_jira_integration_json("\u{feff}\u{feff}{}", &json!({}));
    assert_eq!(twice.codes(), ["invalid-json"]);
}

#[test]
fn lengths_count_utf16_units_in_every_field() {
    // 1999 units of text plus one astral character (2 units): 2001 units, 2000 characters.
    let text = format!("{}\u{1F600}", "a".repeat(1999));
    for field in [
        "displayName",
        "origin",
        "tagsFilter",
        "apiFilter",
        "refSpecCustom",
        "apiPath",
    ] {
        let mut body =
            json!({"type": "GITHUB_SERVER", "origin": "https://ghe.example.com", "pat": "t"});
        body[field] = json!(text);
        let got = codes(body, json!({}));
        assert!(
            got.iter().any(|c| c.ends_with("too-long")),
            "{field}: {got:?}"
        );
    }
    let xray = json!({"connection_name": text, "auth_type": "basic", "username": "u", "password": "p",
        "installation_type": "server", "jira_server_url": "https://jira.example.com"});
    let got = api::validate_xray_jira_integration(&xray, &json!({})).codes();
    assert!(got.iter().any(|c| c.ends_with("too-long")), "{got:?}");
}

#[test]
fn a_jira_url_that_is_no_uri_is_an_error() {
    let body = |url: &str| {
        json!({"connection_name": "c", "auth_type": "basic", "username": "u", "password": "p",
            "installation_type": "server", "jira_server_url": url})
    };
    for url in [
        "https://jira.example.com/my jira",
        "https://jira.example.com/a|b",
        "https://jira.example.com/é",
    ] {
        let r = api::validate_xray_jira_integration(&body(url), &json!({}));
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.code == "xray-invalid-jira-url");
        assert!(
            d.is_some_and(|d| d.params.get("reason") == Some(&json!("not-a-uri"))),
            "{url}: {:?}",
            r.codes()
        );
    }
    let r = api::validate_xray_jira_integration(
        &body("https://jira.example.com/my%20jira"),
        &json!({}),
    );
    assert!(
        !r.codes().contains(&"xray-invalid-jira-url"),
        "{:?}",
        r.codes()
    );
}

#[test]
fn a_password_for_a_host_that_takes_only_tokens_is_a_warning() {
    let flagged = |body: Value| codes(body, json!({})).contains(&"password-auth-retired");
    assert!(flagged(
        json!({"type": "GITHUB", "username": "u", "password": "p"})
    ));
    assert!(flagged(
        json!({"type": "GITHUB_SERVER", "origin": "https://api.github.com", "username": "u", "password": "p"})
    ));
    assert!(flagged(
        json!({"type": "AZURE_DEVOPS", "origin": "https://dev.azure.com/acme", "username": "u", "password": "p"})
    ));
    assert!(flagged(
        json!({"type": "TFS_SERVER", "origin": "https://acme.visualstudio.com", "username": "u", "password": "p"})
    ));
    assert!(flagged(
        json!({"type": "GITLAB_SERVER_LEGACY", "origin": "https://gitlab.com", "username": "u", "password": "p"})
    ));
    // Self-hosted servers keep their own accounts; a token is what the hosts want.
    assert!(!flagged(
        json!({"type": "GITHUB_SERVER", "origin": "https://ghe.example.com", "username": "u", "password": "p"})
    ));
    assert!(!flagged(
        json!({"type": "AZURE_DEVOPS", "origin": "https://ado.example.com", "username": "u", "password": "p"})
    ));
    assert!(!flagged(json!({"type": "GITHUB", "pat": "t"})));
    // On update, the origin comes from the current integration.
    let current = json!({"id": 5, "integrationType": "TFS_SERVER", "origin": "https://dev.azure.com/acme", "username": "u"});
    let got = codes(json!({"password": "new"}), update(json!(5), current));
    assert!(got.contains(&"password-auth-retired"), "{got:?}");
}

#[test]
fn the_builder_writes_whole_numbers_as_integers() {
    let form = json!({"type": "FILESPACE", "origin": "/srv/git/*", "folderDepth": 2.0,
        "maxMinsToCommitEmail": "1e4", "global": false, "projectMappingIds": [10000.0, "10100.0"]});
    let r = api::build_integration_request(&form, &json!({}));
    let body = r.request.and_then(|q| q.body).unwrap_or_default();
    assert_eq!(body["folderDepth"].to_string(), "2");
    assert_eq!(body["maxMinsToCommitEmail"].to_string(), "10000");
    assert_eq!(body["projectMappingIds"].to_string(), "[10000,10100]");
}

#[test]
fn a_whole_number_beyond_64_bits_is_kept_as_written_for_validation() {
    // The canonical body keeps it: `gij::update_properties::a_number_beyond_64_bits_is_kept`.
    let got = codes(
        json!({"type": "GITHUB", "pat": "t", "maxMinsToCommitEmail": 1e30}),
        json!({}),
    );
    assert!(got.contains(&"out-of-range"), "{got:?}");
}
