//! No secret shown (issue 14): generated secrets, each a random marker, are put into every string
//! field of every integration type (from the field tables), every credential part of a URL, every
//! key spelling the validators map to a credential, as values and as JSON text (with a syntax
//! error right after the secret), and sent through every exported function. Nothing any of them
//! returns (JSON, `Debug`, `Display`, the request's URL and path, redacted bodies) may hold the
//! marker or either half of it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::indexing_slicing, clippy::unwrap_used)]

use jira_integration_payloads::gij::fields::{FIELDS as GIJ_FIELDS, TYPE_VALUES};
use jira_integration_payloads::redact::redact;
use jira_integration_payloads::{api, gij, xray};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value, json};

/// A secret: a random marker that no rule can produce by itself.
/// Query and fragment keys whose values are credentials (the table the issue lists).
const SECRET_QUERY_KEYS: &[&str] = &[
    "access_token",
    "private_token",
    "token",
    "auth",
    "sig",
    "signature",
    "key",
    "api_key",
    "apikey",
    "jwt",
    "session",
    "code",
    "password",
    "pwd",
    "secret",
    "client_secret",
    "X-Amz-Signature",
    "X-Amz-Credential",
    "X-Amz-Security-Token",
];

fn marker() -> impl Strategy<Value = String> {
    "[a-z0-9]{12}".prop_map(|r| format!("Q{r}"))
}

/// Ways a credential can sit inside a URL or URL-like text, with `{}` standing for the secret.
fn url_shape() -> impl Strategy<Value = String> {
    let scheme = prop::sample::select(vec![
        "https://",
        "http://",
        "HTTPS://",
        "ssh://",
        "git+ssh://",
        "//",
        "https:\\\\",
    ]);
    let host = prop::sample::select(vec![
        "git.example.com",
        "GIT.Example.COM:8443",
        "bücher.example",
        "BÜCHER.example:443",
        "10.0.0.7:80",
    ]);
    let raw = prop::sample::select(vec!["", "/", "?", "#", "\\", "@", ":", "/?#\\@"]);
    // A password runs to the last `@` before the host whatever it holds: the URL parser, git and
    // the server read these as part of it.
    let in_password = prop::sample::select(vec![
        "", "/", "?", "#", "\\", "@", ":", "/?#\\@", " ", "\"", "'", "<", ">", "`", "< >\"`",
    ]);
    let key = prop::sample::select(SECRET_QUERY_KEYS.to_vec());
    let case = prop::sample::select(vec![0u8, 1, 2]);
    let path = prop::sample::select(vec!["", "/", "/api/v4/projects", "/orgs/acme/repos"]);
    let cased = |key: &str, case: u8| match case {
        1 => key.to_ascii_uppercase(),
        2 => key
            .chars()
            .enumerate()
            .map(|(i, c)| {
                if i % 2 == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c
                }
            })
            .collect(),
        _ => key.to_string(),
    };
    (scheme, host, (raw, in_password), key, case, path, 0..6u8).prop_map(
        move |(scheme, host, (raw, in_password), key, case, path, part)| {
            let key = cased(key, case);
            match part {
                0 => format!("{scheme}bob:{{}}{in_password}{{}}@{host}{path}"),
                1 => format!("{scheme}{{}}@{host}{path}"),
                2 => format!("{scheme}{host}{path}?a=1&{key}={{}}{raw}{{}}&b=2"),
                3 => format!("{scheme}{host}{path}#{key}={{}}&token_type=bearer"),
                4 => format!("{path}?{key}={{}}"),
                _ => format!("deploy:{{}}@{host}:org/repo.git"),
            }
        },
    )
}

/// Secret-looking text that may be pasted into any field: a URL with credentials, a token in a
/// known format (with its real length: GitHub's 36 or 82 characters after the prefix, GitLab's
/// 20 or more), a private key.
fn pasted_secret() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => url_shape(),
        1 => prop::sample::select(vec![
            "ghp_{}{}abcdef0123",
            "github_pat_11A{}{}_{}{}{}{}{}",
            "glpat-{}{}",
            "-----BEGIN RSA PRIVATE KEY-----\nMII{}\n{}==\n-----END RSA PRIVATE KEY-----",
            "Bearer ghs_{}{}abcdef0123",
            // Patterns the Java-regex lints quote a part of (a nested or ambiguous repetition).
            "https://deploy:({}|{})*z@git.example.com/x",
            "x?token=({}.*{}.*)*z",
        ])
        .prop_map(str::to_string),
    ]
}

fn fill(shape: &str, secret: &str) -> String {
    shape.replace("{}", secret)
}

/// Fails when `text` holds the marker, or either half of it (a cut-off secret is still a leak),
/// ignoring case (enum values are upper-cased in suggestions).
fn assert_clean(secret: &str, what: &str, text: &str) {
    let lower = text.to_lowercase();
    let secret = secret.to_lowercase();
    let half = secret.len() / 2;
    for piece in [&secret[..], &secret[..half], &secret[half..]] {
        assert!(
            !lower.contains(piece),
            "secret {piece} leaked by {what}: {text}"
        );
    }
}

fn assert_serialised_clean<T: serde::Serialize + std::fmt::Debug>(secret: &str, what: &str, v: &T) {
    assert_clean(secret, what, &serde_json::to_string(v).unwrap());
    assert_clean(secret, what, &format!("{v:?}"));
}

/// Every exported function that reads a payload, a form or a field's text, on `payload` and on
/// its JSON text (also cut or broken right after the secret).
fn check_everything(secret: &str, payload: &Value) {
    let options = [
        json!({}),
        json!({"operation": "update", "integrationId": 7, "current": payload}),
    ];
    for o in &options {
        let r = api::validate_integration(payload, o);
        assert_serialised_clean(secret, "validateIntegration", &r);
        for d in &r.diagnostics {
            assert_clean(secret, "Diagnostic Display", &d.to_string());
        }
        let x = api::validate_xray_jira_integration(payload, &json!({}));
        assert_serialised_clean(secret, "validateXrayJiraIntegration", &x);
    }
    let with_base = json!({"baseUrl": "https://jira.example.com"});
    let built = api::build_integration_request(payload, &with_base);
    check_built(secret, "buildIntegrationRequest", &built);
    for op in ["create", "update", "details", "delete", "status"] {
        let o = json!({"operation": op, "baseUrl": "https://jfrog.example.com"});
        let built = api::build_xray_jira_integration_request(payload, &o);
        // The connection's name is the resource's name in the path (percent-encoded), sent as
        // it is like the body's credentials: the diagnostics and the shown body are checked.
        assert_serialised_clean(
            secret,
            "buildXrayJiraIntegrationRequest",
            &built.diagnostics,
        );
        if let Some(body) = built.request.as_ref().and_then(|r| r.body.as_ref()) {
            assert_clean(
                secret,
                "buildXrayJiraIntegrationRequest",
                &redact(body).to_string(),
            );
        }
    }
    assert_clean(secret, "redact", &redact(payload).to_string());
    let redacted = api::redact_xray_jira_integration(payload);
    assert_clean(secret, "redactXrayJiraIntegration", &redacted.to_string());
    for text in json_texts(secret, payload) {
        check_text(secret, &text);
    }
}

fn check_built(secret: &str, what: &str, built: &jira_integration_payloads::request::BuildResult) {
    assert_serialised_clean(secret, what, &built.diagnostics);
    if let Some(request) = &built.request {
        assert_clean(secret, what, &format!("{request:?}"));
        assert_clean(secret, what, &request.path);
        assert_clean(secret, what, request.url.as_deref().unwrap_or(""));
        // The body carries the credentials to the server; what is shown of it is redacted.
        if let Some(body) = &request.body {
            assert_clean(secret, what, &redact(body).to_string());
        }
    }
}

/// The Rust option structs that can hold a pasted text show no secret in their `Debug` output.
fn check_option_debug(secret: &str, text: &str) {
    let gij_options = gij::Options::default()
        .with_integration_id(json!(text))
        .with_current(json!({"type": "GITLAB", "pat": text, "origin": text}));
    assert_clean(secret, "gij::Options Debug", &format!("{gij_options:?}"));
    let gij_build = gij::BuildOptions::default()
        .with_validation(gij_options)
        .with_base_url(text);
    assert_clean(secret, "gij::BuildOptions Debug", &format!("{gij_build:?}"));
    let xray_build = xray::BuildOptions::default()
        .with_connection_name(text)
        .with_base_url(text);
    assert_clean(
        secret,
        "xray::BuildOptions Debug",
        &format!("{xray_build:?}"),
    );
}

/// The payload as JSON text: pretty, compact, and broken right after the secret's last
/// occurrence (junk after the closing quote, or the text cut there or inside the secret).
fn json_texts(secret: &str, payload: &Value) -> Vec<String> {
    let pretty = serde_json::to_string_pretty(payload).unwrap();
    let mut texts = vec![pretty.clone(), payload.to_string()];
    if let Some(at) = pretty.rfind(secret) {
        let end = at + secret.len();
        let (head, tail) = pretty.split_at(end);
        texts.push(format!("{head}\" x{tail}"));
        texts.push(format!("{head}\"}}\n{{\"pat\": \"{secret}"));
        texts.push(format!("{head}, \"{tail}"));
        texts.push(head.to_string());
        texts.push(pretty[..at + secret.len() / 2].to_string());
        texts.push(format!("{head}\\q{tail}"));
    }
    texts
}

fn check_text(secret: &str, text: &str) {
    let r = api::validate_integration_json(text, &json!({}));
    assert_serialised_clean(secret, "validateIntegrationJson", &r);
    let x = api::validate_xray_jira_integration_json(text, &json!({"operation": "update"}));
    assert_serialised_clean(secret, "validateXrayJiraIntegrationJson", &x);
    check_responses(secret, text);
}

/// The text as a response body: alone and as the echoed integration (or one of a list).
fn check_responses(secret: &str, text: &str) {
    let bodies = [
        text.to_string(),
        format!("{{\"success\": \"true\", \"integration\": [{text}]}}"),
        format!("{{\"success\": true, \"integrations\": [{text}, {{\"id\": 2}}]}}"),
    ];
    for body in &bodies {
        assert_serialised_clean(
            secret,
            "parseIntegrationResponse",
            &gij::parse_response(body),
        );
        for op in [
            json!(null),
            json!("create"),
            json!("details"),
            json!("status"),
        ] {
            for status in [200, 400, 500] {
                let r = api::parse_xray_response(status, body, &op);
                assert_serialised_clean(secret, "parseXrayResponse", &r);
            }
        }
    }
}

/// Every field-language checker on the text alone.
fn check_checkers(secret: &str, text: &str) {
    for ty in [
        "GITHUB",
        "GITLAB",
        "BITBUCKET",
        "AZURE_REPOS",
        "GITHUB_SERVER",
    ] {
        let o =
            json!({"type": ty, "origin": "https://git.example.com/", "sample": [{"name": text}]});
        assert_serialised_clean(secret, "checkApiPath", &api::check_api_path(text, &o));
        assert_serialised_clean(secret, "checkJmesPath", &api::check_jmespath(text, &o));
    }
    let o = json!({"tags": [text], "mode": "hide"});
    assert_serialised_clean(secret, "checkJavaRegex", &api::check_java_regex(text, &o));
    assert_serialised_clean(secret, "checkRefSpecs", &api::check_ref_specs(text));
}

/// The string fields of both APIs: every field whose kind is text (credentials included).
fn string_fields() -> Vec<(&'static str, bool)> {
    let gij = GIJ_FIELDS
        .iter()
        .filter(|f| f.kind.accepts(&Value::from("x")))
        .map(|f| (f.name, f.is_secret()));
    let xray = xray::FIELDS
        .iter()
        .filter(|f| f.kind.accepts(&Value::from("x")))
        .map(|f| (f.name, f.secret));
    gij.chain(xray).collect()
}

/// A payload of one integration type with `secret_field` set to `value`, among other fields.
fn payload_with(ty: &str, secret_field: &str, value: String, others: &[(&str, Value)]) -> Value {
    let mut map = Map::new();
    map.insert("type".into(), Value::from(ty));
    map.insert("connection_name".into(), Value::from("prod"));
    for (k, v) in others {
        map.insert((*k).into(), v.clone());
    }
    map.insert(secret_field.into(), Value::from(value));
    Value::Object(map)
}

fn other_fields() -> impl Strategy<Value = Vec<(&'static str, Value)>> {
    let field = prop::sample::select(vec![
        ("origin", json!("https://git.example.com")),
        ("pat", json!("p")),
        ("username", json!("bot")),
        ("password", json!("p")),
        ("global", json!(true)),
        ("apiPath", json!("/user/repos")),
        ("jira_server_url", json!("https://jira.example.com")),
        ("auth_type", json!("basic")),
        ("installation_type", json!("server")),
    ]);
    prop::collection::vec(field, 0..5)
}

/// A value for a string field: the raw secret in a credential field; in any field a pasted URL,
/// token or key.
fn field_value(is_secret: bool) -> BoxedStrategy<String> {
    if is_secret {
        prop_oneof![
            Just("{}".to_string()),
            Just(" {}{} ".to_string()),
            pasted_secret()
        ]
        .boxed()
    } else {
        pasted_secret().boxed()
    }
}

fn field_case() -> impl Strategy<Value = (String, Value)> {
    (
        marker(),
        prop::sample::select(TYPE_VALUES.to_vec()),
        prop::sample::select(string_fields()),
        other_fields(),
    )
        .prop_flat_map(|(secret, ty, (name, is_secret), others)| {
            field_value(is_secret).prop_map(move |shape| {
                let value = fill(&shape, &secret);
                (secret.clone(), payload_with(ty, name, value, &others))
            })
        })
}

/// Key spellings one edit away from a credential name (or its case and separator variants).
fn misspelt_key() -> impl Strategy<Value = String> {
    let names = prop::sample::select(vec![
        "pat",
        "password",
        "githubAppPem",
        "githubAppClientSecret",
        "token",
        "apiToken",
        "accessToken",
        "secret",
    ]);
    (names, 0..7u8, any::<prop::sample::Index>(), "[a-z]").prop_map(|(name, edit, at, c)| {
        let chars: Vec<char> = name.chars().collect();
        let i = at.index(chars.len());
        let mut out = chars.clone();
        match edit {
            0 => out.insert(i, c.chars().next().unwrap()),
            1 if chars.len() > 3 => {
                out.remove(i);
            }
            2 => out[i] = c.chars().next().unwrap(),
            3 if i + 1 < chars.len() => out.swap(i, i + 1),
            4 => return name.to_ascii_uppercase(),
            5 => return format!("{name}_"),
            _ => {
                return [
                    "pwd", "pass", "passwd", "passwrd", "patt", "PAT", "Password",
                ][i % 7]
                    .into();
            }
        }
        out.into_iter().collect()
    })
}

/// True when a validator, reading `key`, suggests a credential field for it.
fn maps_to_credential(key: &str) -> bool {
    let probe = json!({ key: "x", "type": "GITHUB" });
    let credential =
        |s: &str| ["pat", "password", "githubAppPem", "githubAppClientSecret"].contains(&s);
    let gij = api::validate_integration(&probe, &json!({}));
    let xray = api::validate_xray_jira_integration(&probe, &json!({}));
    gij.diagnostics
        .iter()
        .chain(&xray.diagnostics)
        .any(|d| d.path == format!("/{key}") && d.suggestion.as_deref().is_some_and(credential))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn no_secret_in_any_string_field_leaks((secret, payload) in field_case()) {
        check_everything(&secret, &payload);
    }

    #[test]
    fn no_url_credential_leaks_from_any_checker(secret in marker(), shape in pasted_secret()) {
        let text = fill(&shape, &secret);
        check_checkers(&secret, &text);
        check_everything(&secret, &payload_with("GITLAB", "apiPath", text.clone(), &[]));
        check_everything(&secret, &payload_with("GITHUB_SERVER", "origin", text.clone(), &[]));
        let built = api::build_integration_request(&json!({"type": "GITLAB", "pat": "p"}), &json!({"baseUrl": text}));
        check_built(&secret, "buildIntegrationRequest baseUrl", &built);
        // A connectionName is the resource's name in the request path (percent-encoded), sent
        // like the body's credentials: only the diagnostics about it are checked.
        let built = api::build_xray_jira_integration_request(&json!({}), &json!({"operation": "details", "connectionName": text}));
        assert_serialised_clean(&secret, "buildXrayJiraIntegrationRequest", &built.diagnostics);
        check_option_debug(&secret, &text);
    }

    #[test]
    fn no_misspelt_credential_key_leaks(secret in marker(), key in misspelt_key(), others in other_fields()) {
        prop_assume!(maps_to_credential(&key));
        for ty in ["GITHUB", "GERRIT"] {
            check_everything(&secret, &payload_with(ty, &key, secret.clone(), &others));
        }
    }
}

/// Masking misspelt credential keys keeps every ordinary field name of both APIs, and `path`
/// and `part`: only the secret fields' values are masked.
#[test]
fn field_names_are_not_taken_for_misspelt_credentials() {
    use jira_integration_payloads::gij::fields::{READ_ONLY, UNDOCUMENTED};
    let gij = GIJ_FIELDS.iter().map(|f| (f.name, f.is_secret()));
    let undocumented = UNDOCUMENTED
        .iter()
        .map(|&n| (n, n.ends_with("Secret") || n.ends_with("Pem")));
    let read_only = READ_ONLY.iter().map(|&n| (n, false));
    let xray = xray::FIELDS.iter().map(|f| (f.name, f.secret));
    let ordinary = [("path", false), ("part", false)];
    for (name, secret) in gij
        .chain(undocumented)
        .chain(read_only)
        .chain(xray)
        .chain(ordinary)
    {
        let redacted = redact(&json!({ name: "value" }));
        let masked = redacted[name] != "value";
        assert_eq!(masked, secret, "{name}");
        let redacted = api::redact_xray_jira_integration(&json!({ name: "value" }));
        assert_eq!(redacted[name] != "value", secret, "{name} (Xray)");
    }
    for misspelt in ["patt", "passwrd", "Password_", "githubAppPen", "pats"] {
        assert_eq!(
            redact(&json!({ misspelt: "v" }))[misspelt],
            "[REDACTED]",
            "{misspelt}"
        );
    }
}

/// A built request's path and URL are what is sent: ordinary connection names and base URLs,
/// also those that start like a token (`ASIA`, `AKIA`, `ghp_`) or have a token's shape, stay as
/// given.
#[test]
fn request_path_and_url_are_sent_as_given() {
    let names = [
        "ASIA-Pacific-Jira",
        "AKIA-mirror",
        "ghp_labels",
        "ASIAPACIFICJIRA01",
        "AKIAIOSFODNN7EXAMPLE",
        "prod jira",
    ];
    let bases = [
        "https://jfrog.example.com",
        "https://jfrog.example.com/ASIA-Pacific",
        "https://jfrog.example.com/AKIAIOSFODNN7EXAMPLE",
    ];
    for name in names {
        for base in bases {
            let o = json!({"operation": "details", "connectionName": name, "baseUrl": base});
            let built = api::build_xray_jira_integration_request(&json!({}), &o);
            let request = built.request.expect("a details request");
            let details = xray::BuildOptions::default()
                .with_action(xray::Action::Details)
                .with_connection_name(name)
                .with_path_style(xray::PathStyle::Documented);
            let path = xray::build(&json!({}), &details)
                .request
                .expect("a details request")
                .path;
            assert!(path.contains(&name.replace(' ', "%20")), "{path}");
            assert_eq!(request.path, path, "{name} on {base}");
            assert_eq!(
                request.url.as_deref(),
                Some(format!("{base}{path}").as_str())
            );
        }
    }
    for base in &bases[1..] {
        let built = api::build_integration_request(
            &json!({"type": "GITLAB", "pat": "p"}),
            &json!({"baseUrl": base}),
        );
        let url = built.request.and_then(|r| r.url).unwrap();
        assert!(url.starts_with(base), "{url}");
    }
}

/// The generated cases per sub-class, and how many of them leak: the numbers in the report of
/// issue 14. `cargo test --test secret_properties -- --ignored --nocapture`.
#[test]
#[ignore]
fn census() {
    let count = |name: &str, strategy: BoxedStrategy<(String, Value)>| {
        let mut runner = TestRunner::deterministic();
        let (mut cases, mut leaks) = (0, 0);
        for _ in 0..256 {
            let (secret, payload) = strategy.new_tree(&mut runner).unwrap().current();
            cases += 1;
            let ok = std::panic::catch_unwind(|| check_everything(&secret, &payload)).is_ok();
            leaks += usize::from(!ok);
        }
        println!("{name}: {leaks} of {cases} cases leak");
    };
    std::panic::set_hook(Box::new(|_| {}));
    count("string fields", field_case().boxed());
    count(
        "apiPath URLs",
        (marker(), pasted_secret())
            .prop_map(|(s, shape)| {
                let text = fill(&shape, &s);
                (s, payload_with("GITLAB", "apiPath", text, &[]))
            })
            .boxed(),
    );
    count(
        "misspelt keys",
        (marker(), misspelt_key())
            .prop_filter("maps to a credential", |(_, k)| maps_to_credential(k))
            .prop_map(|(s, k)| (s.clone(), payload_with("GITHUB", &k, s, &[])))
            .boxed(),
    );
}
