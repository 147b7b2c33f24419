//! Laws that must hold for every input, checked on generated payloads:
//! - no diagnostic, error, Debug output or redacted copy contains a secret value;
//! - validation is deterministic, and the JSON-text path agrees with the value path;
//! - a request the builder returns validates without errors.
#![cfg(not(target_arch = "wasm32"))]

use jira_integration_payloads::gij::fields::{FIELDS, TYPE_VALUES};
use jira_integration_payloads::gij::{self, BuildOptions, Operation, Options};
use jira_integration_payloads::redact::redact;
use proptest::prelude::*;
use serde_json::{Map, Value, json};

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
    prop_oneof![
        Just(Options::default()),
        Just(Options {
            operation: Operation::Update,
            integration_id: Some(json!(5)),
            current: None
        }),
        Just(Options {
            operation: Operation::Update,
            integration_id: Some(json!("5")),
            current: Some(
                json!({"integrationType": "GITLAB", "global": false, "projectMappingIds": [1]})
            ),
        }),
    ]
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
        let built = gij::build(&p, &BuildOptions { validation: o.clone(), base_url: Some("https://jira.example.com".into()) });
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
    fn built_requests_validate_cleanly(p in payload(), o in options()) {
        let built = gij::build(&p, &BuildOptions { validation: o.clone(), base_url: None });
        if let Some(request) = built.request {
            let body = request.body.unwrap();
            let again = gij::validate(&body, &o);
            prop_assert!(again.ok, "{:?}", again.diagnostics);
        }
    }
}
