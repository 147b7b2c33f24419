//! Laws that must hold for every input, checked on generated payloads:
//! - no diagnostic, error, Debug output or redacted copy contains a secret value;
//! - validation is deterministic, and the JSON-text path agrees with the value path;
//! - a request the builder returns validates without errors, checked on random payloads and on
//!   forms shaped for each integration type (most of which the builder accepts).
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions index too: a failure there is a failed test.
#![allow(clippy::indexing_slicing)]

use jira_integration_payloads::gij::fields::{FIELDS, Field, Kind, TYPE_VALUES};
use jira_integration_payloads::gij::types::{Credential, IntegrationType};
use jira_integration_payloads::gij::{self, BuildOptions, Operation, Options};
use jira_integration_payloads::redact::redact;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value, json};

mod common;
use common::credential_set;

/// A secret no rule could produce by itself.
const SECRET: &str = "s3cr3t-Zq9xW";

/// Where a secret can sit: a credential field's value, or the credential part of a URL.
fn secret_placement() -> impl Strategy<Value = (&'static str, String)> {
    let credential = prop::sample::select(vec![
        "pat",
        "password",
        "githubAppPem",
        "githubAppClientSecret",
    ]);
    let value = prop_oneof![
        Just(SECRET.to_string()),
        Just(format!(" {SECRET} ")),
        Just(format!("{SECRET}\n")),
    ];
    let in_url = prop_oneof![
        Just(format!("https://user:{SECRET}@host.example.com")),
        Just(format!("http://{SECRET}@host.example.com/x")),
        Just(format!(" https://bob:{SECRET}@host.example.com ")),
        Just(format!("ssh://git:{SECRET}@host.example.com/repo.git")),
        Just(format!("{SECRET}@host.example.com:org/repo.git")),
    ];
    prop_oneof![(credential, value), in_url.prop_map(|u| ("origin", u))]
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[ -~]{0,12}".prop_map(Value::from),
        prop::sample::select(TYPE_VALUES).prop_map(Value::from),
        prop::sample::select(vec![
            "true",
            "on",
            "10000, 10100",
            "https://git.example.com",
            "/srv/git/*",
            "eu-west-1",
            "all",
            ""
        ])
        .prop_map(Value::from),
        prop::collection::vec(any::<u32>().prop_map(Value::from), 0..4).prop_map(Value::from),
    ]
}

fn payload() -> impl Strategy<Value = Value> {
    let names: Vec<&'static str> = FIELDS
        .iter()
        .map(|f| f.name)
        .chain(["id", "integrationType", "githubAppPem", "dispalyName"])
        .collect();
    (
        prop::collection::btree_map(prop::sample::select(names), scalar(), 0..10),
        secret_placement(),
        prop::option::of(prop::sample::select(TYPE_VALUES)),
    )
        .prop_map(|(fields, (secret_field, secret), ty)| {
            let mut map: Map<String, Value> = fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect();
            map.insert(secret_field.to_string(), Value::from(secret));
            if let Some(t) = ty {
                map.insert("type".into(), Value::from(t));
            }
            Value::Object(map)
        })
}

fn options() -> impl Strategy<Value = Options> {
    let update = Options::default().with_operation(Operation::Update);
    prop_oneof![
        Just(Options::default()),
        Just(update.clone().with_integration_id(json!(5))),
        Just(update.clone().with_integration_id(json!("5")).with_current(
            json!({"integrationType": "GITLAB", "global": false, "projectMappingIds": [1]})
        )),
        // A current integration as text that is not JSON, with a secret in it.
        Just(
            update
                .with_integration_id(json!(5))
                .with_current(Value::from(format!("{{\"pat\": \"{SECRET}\",")))
        ),
    ]
}

/// What a form's input for `field` may hold: mostly values an admin would type, some slips.
fn form_value(field: &'static Field) -> BoxedStrategy<Value> {
    let text =
        |items: &'static [&'static str]| prop::sample::select(items).prop_map(Value::from).boxed();
    match (field.name, field.kind) {
        (_, Kind::Boolean) => prop_oneof![
            any::<bool>().prop_map(Value::from),
            text(&["true", "false", "on", ""]),
        ]
        .boxed(),
        (_, Kind::Integer { min, max }) => prop_oneof![
            (min..=max).prop_map(Value::from),
            (min..=max).prop_map(|n| Value::from(n.to_string())),
        ]
        .boxed(),
        (_, Kind::Enum { values }) => text(values),
        (_, Kind::Secret) => Just(Value::from(SECRET)).boxed(),
        (_, Kind::ProjectIds) => prop_oneof![
            prop::collection::vec((1..99_999u32).prop_map(Value::from), 0..4).prop_map(Value::from),
            text(&["10000, 10100", "", "10000,,x"]),
        ]
        .boxed(),
        ("apiFilter", _) => text(&[
            "[?!archived]",
            "[?starts_with(name, 'svc-')]",
            "{value: value[?!isDisabled]}",
            "[?",
            "",
        ]),
        ("tagsFilter" | "prHideFilter", _) => text(&["^v.*", "^(Release|release).*", "(", ""]),
        ("refSpecCustom", _) => text(&["+refs/heads/*:refs/remotes/origin/*", "refs/x", ""]),
        ("apiPath", _) => text(&["/orgs/acme/repos", "/api/v4/projects", ""]),
        ("awsRegion", _) => text(&["eu-west-1", "us-east-1", "eu-wst-1"]),
        _ => text(&["Acme", " Acme repos ", "", "x"]),
    }
}

/// A form for one integration type: its origin when needed, one complete set of credentials,
/// and up to six other fields that apply to the type.
fn typed_form() -> impl Strategy<Value = Value> {
    prop::sample::select(IntegrationType::ALL.to_vec())
        .prop_flat_map(|ty| {
            let credentials = credential_set(ty);
            let optional: Vec<&'static Field> = FIELDS
                .iter()
                .filter(|f| f.applies.contains(ty) && !f.is_secret())
                .filter(|f| !["type", "origin", "username"].contains(&f.name))
                .collect();
            let others = prop::sample::subsequence(optional, 0..=6).prop_flat_map(|fields| {
                fields
                    .into_iter()
                    .map(|f| form_value(f).prop_map(move |v| (f.name, v)))
                    .collect::<Vec<_>>()
            });
            (Just(ty), any::<bool>(), credentials, others)
        })
        .prop_map(|(ty, with_origin, credentials, others)| {
            let info = ty.info();
            let mut form = Map::new();
            form.insert("type".into(), Value::from(ty.as_str()));
            if info.origin_required || (with_origin && !info.origin_example.is_empty()) {
                form.insert("origin".into(), Value::from(info.origin_example));
            }
            for (name, value) in others {
                form.insert(name.into(), value);
            }
            for c in credentials {
                let value = match c {
                    Credential::UsernameAll => "all",
                    Credential::Username => "bot",
                    Credential::Password | Credential::Pat => SECRET,
                };
                form.insert(c.field().into(), Value::from(value));
            }
            Value::Object(form)
        })
}

/// The builder's answer for `form` as an add: the request body, if it built one.
fn built_body(form: &Value) -> Option<Value> {
    gij::build(form, &BuildOptions::default())
        .request
        .and_then(|r| r.body)
}

fn assert_no_secret(text: &str) {
    assert!(!text.contains(SECRET), "secret leaked: {text}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn no_output_contains_a_secret(p in payload(), o in options()) {
        let report = gij::validate(&p, &o);
        assert_no_secret(&serde_json::to_string(&report).unwrap());
        assert_no_secret(&format!("{report:?}"));
        for d in &report.diagnostics {
            assert_no_secret(&d.to_string());
        }
        let text = serde_json::to_string_pretty(&p).unwrap();
        let from_text = gij::validate_json(&text, &o);
        assert_no_secret(&serde_json::to_string(&from_text).unwrap());
        assert_no_secret(&redact(&p).to_string());
        let built = gij::build(&p, &BuildOptions::default().with_validation(o.clone()).with_base_url("https://jira.example.com"));
        assert_no_secret(&serde_json::to_string(&built.diagnostics).unwrap());
        assert_no_secret(&format!("{built:?}"));
    }

    #[test]
    fn validation_is_deterministic_and_text_agrees(p in payload(), o in options()) {
        let a = gij::validate(&p, &o);
        let b = gij::validate(&p, &o);
        prop_assert_eq!(&a, &b);
        let text = serde_json::to_string_pretty(&p).unwrap();
        let from_text = gij::validate_json(&text, &o);
        prop_assert_eq!(a.codes(), from_text.codes());
        prop_assert!(from_text.diagnostics.iter().all(|d| d.line.is_some() && d.column.is_some()));
    }

    #[test]
    fn built_requests_from_typed_forms_validate_cleanly(form in typed_form()) {
        if let Some(body) = built_body(&form) {
            let again = gij::validate(&body, &Options::default());
            prop_assert!(again.ok, "{:?} from {form}", again.diagnostics);
            assert_no_secret(&serde_json::to_string(&again).unwrap());
        }
    }

    #[test]
    fn built_requests_validate_cleanly(p in payload(), o in options()) {
        let built = gij::build(&p, &BuildOptions::default().with_validation(o.clone()));
        if let Some(request) = built.request {
            let body = request.body.unwrap();
            let again = gij::validate(&body, &o);
            prop_assert!(again.ok, "{:?}", again.diagnostics);
        }
    }
}

/// The typed-form law above is only as good as the share of forms that build: most must.
#[test]
fn most_typed_forms_build_a_request() {
    let mut runner = TestRunner::deterministic();
    let strategy = typed_form();
    let mut built = [0usize; 12];
    let mut seen = [0usize; 12];
    for _ in 0..1200 {
        let form = strategy.new_tree(&mut runner).unwrap().current();
        let ty = IntegrationType::parse(form["type"].as_str().unwrap()).unwrap();
        let i = IntegrationType::ALL.iter().position(|t| *t == ty).unwrap();
        seen[i] += 1;
        built[i] += usize::from(built_body(&form).is_some());
    }
    let total: usize = built.iter().sum();
    assert!(
        total * 2 > 1200,
        "only {total} of 1200 typed forms built a request"
    );
    for (i, ty) in IntegrationType::ALL.iter().enumerate() {
        assert!(
            built[i] > 0,
            "no {} form built a request (of {})",
            ty.as_str(),
            seen[i]
        );
    }
}
