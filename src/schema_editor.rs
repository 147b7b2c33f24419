//! What the JSON Schemas carry for editors beyond validation: the `$schema` key a payload file
//! may hold, `examples`, per-value descriptions of enums (`enumDescriptions`, read by VS Code)
//! and VS Code's `defaultSnippets`, one per integration type or Jira installation.
//!
//! Examples and snippets are built from the type table, so every example is a payload the
//! validator accepts (a unit test checks it).

use crate::engine::SCHEMA_KEY;
use crate::gij::rules::required::required_fields;
use crate::gij::types::{Credential, IntegrationType};
use crate::xray::fields::INSTALLATION_TYPES;
use serde_json::{Map, Value};

/// The keywords that only editors read: tools such as ajv in strict mode must be told of them
/// (`ajv.addVocabulary(EDITOR_KEYWORDS)`).
pub const EDITOR_KEYWORDS: &[&str] = &["defaultSnippets", "enumDescriptions"];

/// The `$schema` property: a payload file may name its schema for editors; the validator
/// accepts the key and the builders leave it out of requests.
pub fn schema_property() -> Value {
    let mut p = Map::new();
    p.insert("title".into(), "JSON Schema".into());
    p.insert(
        "description".into(),
        "The JSON Schema of this file, for editors (completion, hover text, checks). The \
         validator accepts it; the builders never send it."
            .into(),
    );
    // No `type`: the validator accepts the key whatever its value, and a schema never rejects
    // what the validator accepts.
    Value::Object(p)
}

/// One line per integration type: what VS Code shows beside each `type` value.
pub fn type_descriptions() -> Value {
    IntegrationType::ALL
        .into_iter()
        .map(|t| Value::from(t.info().label))
        .collect()
}

/// `enumDescriptions` of the Xray enums, in the order of their values.
pub fn xray_enum_descriptions(field: &str) -> Option<Value> {
    let lines: &[&str] = match field {
        "installation_type" => &[
            "Jira Cloud: Atlassian's hosted Jira at <site>.atlassian.net.",
            "Jira Server or Data Center: a self-managed Jira.",
        ],
        "auth_type" => &["Basic authentication: username with a password or Jira API token."],
        _ => return None,
    };
    Some(lines.iter().map(|s| Value::from(*s)).collect())
}

/// A value for `field` of a `ty` payload: `text(n, placeholder)` writes placeholder number `n`
/// (an example value or a VS Code tab stop).
fn gij_body(ty: IntegrationType, text: &dyn Fn(usize, &str) -> Value) -> Value {
    let info = ty.info();
    let mut body = Map::new();
    body.insert("type".into(), ty.as_str().into());
    body.insert("displayName".into(), text(1, info.label));
    let mut n = 2;
    for &field in required_fields(ty) {
        let value = if field == "origin" {
            info.origin_example
        } else {
            "us-east-1"
        };
        body.insert(field.into(), text(n, value));
        n += 1;
    }
    for credential in info.credentials.first().copied().unwrap_or_default() {
        let value = match credential {
            Credential::UsernameAll => Value::from("all"),
            Credential::Username => text(n, "<user>"),
            Credential::Password => text(n, "<password>"),
            Credential::Pat => text(n, "<personal access token>"),
        };
        body.insert(credential.field().into(), value);
        n += 1;
    }
    Value::Object(body)
}

/// `defaultSnippets` of the Git Integration add schema: one per integration type.
pub fn gij_snippets() -> Value {
    IntegrationType::ALL
        .into_iter()
        .map(|t| {
            let label = format!("{} integration", t.as_str());
            snippet(label, Some(t.info().label), gij_body(t, &tab_stop))
        })
        .collect()
}

/// Example bodies of the Git Integration schemas: two types when adding, a rename when updating.
pub fn gij_examples(adding: bool) -> Value {
    if !adding {
        let mut rename = Map::new();
        rename.insert("displayName".into(), "Payments repositories".into());
        return Value::Array(vec![Value::Object(rename)]);
    }
    [IntegrationType::Github, IntegrationType::GitlabServer]
        .into_iter()
        .map(|t| gij_body(t, &|_, v| Value::from(v)))
        .collect()
}

fn xray_body(installation: &str, text: &dyn Fn(usize, &str) -> Value) -> Value {
    let (url, secret) = match installation {
        "cloud" => ("https://acme.atlassian.net", "<Atlassian API token>"),
        _ => ("https://jira.example.com", "<password>"),
    };
    let mut body = Map::new();
    body.insert("connection_name".into(), text(1, "jira-main"));
    body.insert("jira_server_url".into(), text(2, url));
    body.insert("installation_type".into(), installation.into());
    body.insert("auth_type".into(), "basic".into());
    body.insert("username".into(), text(3, "<user>"));
    body.insert("password".into(), text(4, secret));
    Value::Object(body)
}

/// `defaultSnippets` of the Xray create schema: one per Jira installation type.
pub fn xray_snippets() -> Value {
    INSTALLATION_TYPES
        .iter()
        .map(|&i| {
            snippet(
                format!("Jira {i} integration"),
                None,
                xray_body(i, &tab_stop),
            )
        })
        .collect()
}

/// Example bodies of the Xray schemas: both installations when creating, a new URL on update.
pub fn xray_examples(creating: bool) -> Value {
    if !creating {
        let mut update = Map::new();
        update.insert("connection_name".into(), "jira-main".into());
        update.insert("jira_server_url".into(), "https://jira2.example.com".into());
        return Value::Array(vec![Value::Object(update)]);
    }
    INSTALLATION_TYPES
        .iter()
        .map(|&i| xray_body(i, &|_, v| Value::from(v)))
        .collect()
}

/// One of VS Code's `defaultSnippets`.
fn snippet(label: String, description: Option<&str>, body: Value) -> Value {
    let mut s = Map::new();
    s.insert("label".into(), label.into());
    if let Some(d) = description {
        s.insert("description".into(), d.into());
    }
    s.insert("body".into(), body);
    Value::Object(s)
}

/// A VS Code snippet tab stop with a default text.
fn tab_stop(n: usize, default: &str) -> Value {
    format!("${{{n}:{default}}}").into()
}

/// Adds the `$schema` property to a schema's `properties`, first.
pub fn with_schema_key(properties: Map<String, Value>) -> Map<String, Value> {
    let mut all = Map::with_capacity(properties.len() + 1);
    all.insert(SCHEMA_KEY.into(), schema_property());
    all.extend(properties);
    all
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::api;
    use crate::diagnostics::Severity;

    fn errors(report: &crate::Report) -> Vec<&str> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code.id)
            .collect()
    }

    #[test]
    fn every_example_and_snippet_body_is_a_payload_the_validator_accepts() {
        let add = serde_json::json!({"operation": "add"});
        let mut bodies: Vec<Value> = gij_examples(true).as_array().unwrap().clone();
        // Snippet bodies with their tab stops replaced by the default text.
        for t in IntegrationType::ALL {
            bodies.push(gij_body(t, &|_, v| Value::from(v)));
        }
        for body in &bodies {
            let report = api::validate_integration(body, &add);
            assert_eq!(errors(&report), Vec::<&str>::new(), "{body}");
        }
        let update = serde_json::json!({"operation": "update", "integrationId": 7});
        for body in gij_examples(false).as_array().unwrap() {
            assert!(errors(&api::validate_integration(body, &update)).is_empty());
        }
        for body in xray_examples(true).as_array().unwrap() {
            let report = api::validate_xray_jira_integration(body, &Value::Null);
            assert_eq!(errors(&report), Vec::<&str>::new(), "{body}");
        }
        let xray_update = serde_json::json!({"operation": "update"});
        for body in xray_examples(false).as_array().unwrap() {
            assert!(errors(&api::validate_xray_jira_integration(body, &xray_update)).is_empty());
        }
    }

    #[test]
    fn the_schema_key_is_no_unknown_field_and_builders_leave_it_out() {
        let key = serde_json::json!("./gij-add.schema.json");
        let mut gij = gij_body(IntegrationType::Gitlab, &|_, v| Value::from(v));
        gij[SCHEMA_KEY] = key.clone();
        let report = api::validate_integration(&gij, &Value::Null);
        assert!(report.diagnostics.iter().all(|d| d.path != "/$schema"));
        let mut xray = xray_examples(true)[0].clone();
        xray[SCHEMA_KEY] = key.clone();
        let report = api::validate_xray_jira_integration(&xray, &Value::Null);
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        // A misspelt key beside it is still reported.
        xray["conection_name"] = key.clone();
        let codes = api::validate_xray_jira_integration(&xray, &Value::Null).diagnostics;
        assert_eq!(codes.len(), 1);
        let built = api::build_integration_request(&gij, &Value::Null);
        assert!(
            built
                .request
                .unwrap()
                .body
                .unwrap()
                .get(SCHEMA_KEY)
                .is_none()
        );
        let built = api::build_xray_jira_integration_request(&xray_examples(true)[1], &Value::Null);
        let mut form = xray_examples(true)[1].clone();
        form[SCHEMA_KEY] = key;
        let with_key = api::build_xray_jira_integration_request(&form, &Value::Null);
        assert_eq!(with_key.request, built.request);
    }

    #[test]
    fn snippets_have_one_body_per_type_with_tab_stops() {
        let gij = gij_snippets();
        assert_eq!(gij.as_array().unwrap().len(), IntegrationType::ALL.len());
        let github = &gij[0]["body"];
        assert_eq!(github["type"], "GITHUB");
        assert_eq!(
            github["displayName"],
            "${1:GitHub.com / GitHub Enterprise Cloud}"
        );
        assert_eq!(xray_snippets().as_array().unwrap().len(), 2);
        assert_eq!(type_descriptions().as_array().unwrap().len(), 12);
    }
}
