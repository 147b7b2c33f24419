//! Laws of updates, checked on generated cases: random current integrations built from the type
//! table (as a GET response shows them: no secrets) and random changes.
//! - validation of (current, change) equals validation of the merged payload as an add, for the
//!   rules that depend on the state (required fields, project association, TFS's PAT username);
//! - a field the form leaves out never appears in the built body, unless `clear` names it, nor
//!   one equal to the current;
//! - an empty value (blank text, a list of no ids) is sent (a clear) only for the fields the
//!   `clear` option names, and a field `clear` names is cleared even when the form leaves it out.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions index too: a failure there is a failed test.
#![allow(clippy::indexing_slicing)]

use crate::gij::build::canonical_body;
use crate::gij::fields::{FIELDS, Field, Kind, field_named};
use crate::gij::types::{Credential, IntegrationType};
use crate::gij::{self, Operation, Options};
use proptest::prelude::*;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

// The integration tests' shared generators, so these laws and `tests/properties.rs` draw the
// same inputs; they name the crate by its outside name (`extern crate self` in lib.rs).
#[path = "../../tests/common/mod.rs"]
mod common;
use common::{blank_project_id_lists, credential_set};

/// The codes whose finding depends on the integration's state, not on the body alone.
const STATE_CODES: &[&str] = &[
    "missing-required-field",
    "global-with-projects",
    "viewer-without-projects",
    "no-projects",
    "tfs-pat-username",
];

const ID: u64 = 5;

/// A current integration as GET returns it: type, origin and region where needed, the
/// non-secret part of one credential set, a consistent project association, some text fields.
fn current() -> impl Strategy<Value = Map<String, Value>> {
    prop::sample::select(IntegrationType::ALL.to_vec())
        .prop_flat_map(|ty| {
            let credentials = credential_set(ty);
            let ids = prop::collection::btree_set(10_000u64..10_100, 1..3);
            (
                Just(ty),
                credentials,
                any::<bool>(),
                ids,
                any::<bool>(),
                prop::sample::select(vec!["", "GL", "Acme repos"]),
            )
        })
        .prop_map(|(ty, credentials, global, ids, viewer, name)| {
            let info = ty.info();
            let mut c = Map::new();
            c.insert("id".into(), json!(ID));
            c.insert("integrationType".into(), json!(ty.as_str()));
            c.insert("displayName".into(), json!(name));
            if !info.origin_example.is_empty() {
                c.insert("origin".into(), json!(info.origin_example));
            }
            if ty == IntegrationType::Aws {
                c.insert("awsRegion".into(), json!("eu-west-1"));
            }
            for cred in credentials {
                match cred {
                    Credential::UsernameAll => c.insert("username".into(), json!("all")),
                    Credential::Username => c.insert("username".into(), json!("bot")),
                    Credential::Password | Credential::Pat => None,
                };
            }
            c.insert("global".into(), json!(global));
            let ids: Vec<u64> = if global {
                Vec::new()
            } else {
                ids.into_iter().collect()
            };
            c.insert("projectMappingIds".into(), json!(ids));
            c.insert("gitViewerEnabled".into(), json!(viewer));
            c.insert("tagsFilter".into(), json!(""));
            c
        })
}

/// A value a change may give `field`: valid JSON types, empty values included.
fn change_value(field: &'static Field) -> BoxedStrategy<Value> {
    let pick = |items: Vec<Value>| prop::sample::select(items).boxed();
    match (field.name, field.kind) {
        (_, Kind::Boolean) => any::<bool>().prop_map(Value::from).boxed(),
        (_, Kind::Integer { min, max }) => (min..=max.min(5000)).prop_map(Value::from).boxed(),
        (_, Kind::ProjectIds) => pick(vec![json!([]), json!([10_000]), json!([10_000, 10_100])]),
        (_, Kind::Secret) => pick(vec![json!("tok-1"), json!("")]),
        ("username", _) => pick(vec![json!("all"), json!("bob"), json!("")]),
        ("origin", _) => pick(vec![
            json!("https://git.example.com"),
            json!(""),
            json!(" "),
        ]),
        ("awsRegion", _) => pick(vec![json!("us-east-1"), json!("")]),
        (_, Kind::Enum { values }) => prop::sample::select(values).prop_map(Value::from).boxed(),
        _ => pick(vec![json!(""), json!("x"), json!("GL")]),
    }
}

/// Fields a change may touch: every request field but `type`.
fn changeable() -> Vec<&'static Field> {
    FIELDS.iter().filter(|f| f.name != "type").collect()
}

fn change() -> impl Strategy<Value = Map<String, Value>> {
    prop::sample::subsequence(changeable(), 0..=5).prop_flat_map(|fields| {
        fields
            .into_iter()
            .map(|f| change_value(f).prop_map(move |v| (f.name.to_string(), v)))
            .collect::<Vec<_>>()
            .prop_map(|pairs| pairs.into_iter().collect())
    })
}

fn update_options(current: &Map<String, Value>) -> Options {
    Options {
        operation: Operation::Update,
        integration_id: Some(json!(ID)),
        current: Some(json!({"success": "true", "integration": [current]})),
    }
}

/// The current integration under the change, as an add body.
fn merged(current: &Map<String, Value>, change: &Map<String, Value>) -> Value {
    let mut body = Map::new();
    for (k, v) in current {
        match k.as_str() {
            "id" => {}
            "integrationType" => {
                body.insert("type".into(), v.clone());
            }
            _ => {
                body.insert(k.clone(), v.clone());
            }
        }
    }
    for (k, v) in change {
        body.insert(k.clone(), v.clone());
    }
    Value::Object(body)
}

fn state_codes(report: &crate::Report) -> BTreeSet<&'static str> {
    report
        .codes()
        .into_iter()
        .filter(|c| STATE_CODES.contains(c))
        .collect()
}

/// A form: some fields left out, others set to a value, to the current value, or emptied.
fn form(
    current: Map<String, Value>,
) -> impl Strategy<Value = (Map<String, Value>, Vec<&'static Field>)> {
    let names: Vec<&'static Field> = changeable();
    (
        prop::sample::subsequence(names.clone(), 0..=8).prop_flat_map(move |fields| {
            let current = current.clone();
            fields
                .into_iter()
                .map(|f| {
                    let kept = current.get(f.name).cloned().unwrap_or(Value::Null);
                    prop_oneof![
                        change_value(f),
                        Just(kept),
                        Just(json!("")),
                        Just(Value::Null),
                        blank_value(f),
                    ]
                    .prop_map(move |v| (f.name.to_string(), v))
                })
                .collect::<Vec<_>>()
                .prop_map(|pairs| pairs.into_iter().collect::<Map<String, Value>>())
        }),
        prop::sample::subsequence(
            names
                .into_iter()
                .filter(|f| {
                    matches!(
                        f.kind,
                        Kind::String { .. } | Kind::Secret | Kind::ProjectIds
                    )
                })
                .collect::<Vec<_>>(),
            0..=4,
        ),
    )
}

/// Another way a form may leave `field` empty: blank text (but for a secret), and for a list of ids a list or a
/// separated text with no id in it.
fn blank_value(field: &'static Field) -> BoxedStrategy<Value> {
    // A secret is kept as typed: a blank one is a password, not an empty value.
    let mut blanks = if field.kind == Kind::Secret {
        vec![json!("")]
    } else {
        vec![json!(" "), json!("\t")]
    };
    if field.kind == Kind::ProjectIds {
        blanks.extend(blank_project_id_lists());
    }
    prop::sample::select(blanks).boxed()
}

fn is_empty_form_value(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.split([',', ';']).all(|p| p.trim().is_empty()),
        Value::Array(items) => items.iter().all(is_empty_form_value),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    #[test]
    fn an_update_is_judged_as_the_merged_payload(c in current(), ch in change()) {
        let clean = gij::validate(&merged(&c, &Map::new()), &Options::default());
        prop_assume!(state_codes(&clean).is_empty());
        let on_update = gij::validate(&Value::Object(ch.clone()), &update_options(&c));
        let as_add = gij::validate(&merged(&c, &ch), &Options::default());
        prop_assert_eq!(state_codes(&on_update), state_codes(&as_add), "change {:?}", ch);
    }

    #[test]
    fn the_body_holds_only_what_the_form_changes((c, (f, clear)) in current().prop_flat_map(|c| (Just(c.clone()), form(c)))) {
        let options = update_options(&c);
        let body = canonical_body(&f, &options, &clear);
        for (k, v) in &body {
            // Untouched: a field the form leaves out is sent only when `clear` names it.
            let given = f.get(k);
            let asked = clear.iter().any(|cf| cf.name == k);
            prop_assert!(given.is_some() || asked, "{} sent but not in the form {:?}", k, f);
            // Unchanged: a value equal to the current one is never sent.
            prop_assert!(c.get(k) != Some(v), "{} sent unchanged", k);
            // Cleared only when asked: an empty form value is sent only for `clear` fields.
            if given.is_none_or(is_empty_form_value) {
                prop_assert!(asked, "{} cleared without being asked", k);
                let kind = field_named(k).map(|f| f.kind);
                let empty = if kind == Some(Kind::ProjectIds) { json!([]) } else { json!("") };
                prop_assert_eq!(v, &empty);
            }
        }
        // Asked and empty (or left out) and the current integration has a value: it is cleared.
        for cf in &clear {
            if !f.get(cf.name).is_none_or(is_empty_form_value) {
                continue;
            }
            let has_value = match c.get(cf.name) {
                Some(Value::String(s)) => !s.is_empty(),
                Some(Value::Array(a)) => !a.is_empty(),
                None => cf.kind == Kind::Secret,
                _ => false,
            };
            prop_assert_eq!(has_value, body.contains_key(cf.name), "{}", cf.name);
        }
    }
}

/// The canonical body reads a form's id as a number (`tests/gij_update.rs` checks the URL side).
#[test]
fn a_form_id_is_read_as_a_number() {
    let form = json!({"id": " 6", "displayName": "x"});
    let body = form
        .as_object()
        .map(|f| canonical_body(f, &Options::default(), &[]));
    assert_eq!(body.and_then(|b| b.get("id").cloned()), Some(json!(6)));
}

/// A whole number beyond 64 bits stays as written in the canonical body, for validation to
/// report (`tests/gij_update.rs` checks the `out-of-range`).
#[test]
fn a_number_beyond_64_bits_is_kept() {
    let form = json!({"maxMinsToCommitEmail": 1e30});
    let body = form
        .as_object()
        .map(|f| canonical_body(f, &Options::default(), &[]));
    assert_eq!(
        body.map(|b| b["maxMinsToCommitEmail"].to_string())
            .as_deref(),
        Some("1e+30")
    );
}
