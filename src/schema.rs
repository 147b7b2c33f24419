//! JSON Schemas (draft 2020-12) of the request bodies, generated from the field and type tables,
//! for editors (completion, hover text) and for tools that validate without this library.
//!
//! A schema states what JSON Schema can: types, enums, bounds, required fields, and the per-type
//! requirements as `if`/`then` blocks. For the codes it covers (wrong types, unknown values and
//! fields, ranges, required fields and credentials) it is never more lenient than the rules: a
//! payload the rules reject with one of those errors is invalid against the schema. Where the rules
//! only warn (undocumented or read-only fields), the schema annotates instead of forbidding. The
//! field languages and the other cross-field rules stay with the validator.
//!
//! `null` is accepted wherever the rules read it as "unset", and a blank string wherever they
//! read it as "not given" (an `awsRegion` of `""` for GITHUB is not a misplaced field).
//!
//! Git Integration for Jira bodies forbid unknown keys (`additionalProperties: false`; the rules
//! call them errors). Xray bodies allow them, as the vendor's OpenAPI does and the rules only warn,
//! but forbid the exact names that plainly mean a field (`authType`, `token`, `integrationName`).

use crate::gij::context::Operation;
use crate::gij::fields::{FIELDS, Field, Kind, Misuse, READ_ONLY, TYPE_VALUES, UNDOCUMENTED};
use crate::gij::rules::projects::{MAX_PROJECT_IDS, MAX_SAFE_INTEGER};
use crate::gij::rules::required::required_fields;
use crate::gij::types::{Credential, IntegrationType, TypeSet};
use crate::xray;
use serde_json::{Map, Value, json};

/// The JSON Schema dialect of every schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema names, one per request body: `gij-add`, `gij-update`, `xray-create`, `xray-update`.
pub const NAMES: &[&str] = &["gij-add", "gij-update", "xray-create", "xray-update"];

/// The JSON Schema of the request body called `name` (one of [`NAMES`]), or `None`.
pub fn schema(name: &str) -> Option<Value> {
    match name {
        "gij-add" => Some(gij(Operation::Add)),
        "gij-update" => Some(gij(Operation::Update)),
        "xray-create" => Some(xray_schema(xray::context::Operation::Create)),
        "xray-update" => Some(xray_schema(xray::context::Operation::Update)),
        _ => None,
    }
}

/// The schema's `$id`: where the published package serves the file.
fn schema_id(name: &str) -> String {
    format!(
        "https://unpkg.com/{}@{}/schemas/{name}.schema.json",
        env!("CARGO_PKG_NAME"),
        env!("CARGO_PKG_VERSION")
    )
}

/// Rules that are a pattern on the whole value: (field, ECMA-262 pattern, the code it stands for).
/// A blank apiPath is the host's default and white space around it only a warning, so both pass;
/// white space around a connection name is an error.
const PATTERNS: &[(&str, &str, &str)] = &[
    ("apiPath", r"^\s*(/|$)", "api-path-missing-slash"),
    (
        "connection_name",
        r"^\S(?:[\s\S]*\S)?$",
        "xray-connection-name-whitespace",
    ),
];

/// Fields whose value is in a standard `format` (an annotation; the rules check more).
const FORMATS: &[(&str, &str)] = &[("jira_server_url", "uri")];

fn pattern(name: &str) -> Option<&'static str> {
    PATTERNS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, p, _)| *p)
}

/// The keywords every schema starts with, up to `properties`.
fn root(
    name: &str,
    title: &str,
    description: String,
    properties: Map<String, Value>,
) -> Map<String, Value> {
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    root.insert("$id".into(), schema_id(name).into());
    root.insert("title".into(), title.into());
    root.insert(
        "description".into(),
        format!(
            "{description} Generated from the field table of {} {}; the library's validator checks \
             more than a schema can express.",
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION")
        )
        .into(),
    );
    root.insert("type".into(), "object".into());
    root.insert("properties".into(), Value::Object(properties));
    root
}

/// The `$defs` every schema shares: text that counts as given, and a value that counts as unset.
fn defs() -> Value {
    json!({
        "given": {
            "description": "A string with non-blank content.",
            "type": "string",
            "pattern": r"\S"
        },
        "unset": {
            "description": "null or a blank string, which the server reads as not given.",
            "anyOf": [{ "type": "null" }, { "type": "string", "pattern": r"^\s*$" }]
        }
    })
}

fn reference(def: &str) -> Value {
    json!({ "$ref": format!("#/$defs/{def}") })
}

fn names(types: impl Iterator<Item = IntegrationType>) -> Vec<&'static str> {
    types.map(IntegrationType::as_str).collect()
}

fn outside(set: TypeSet) -> impl Iterator<Item = IntegrationType> {
    IntegrationType::ALL
        .into_iter()
        .filter(move |t| !set.contains(*t))
}

/// The catalogue's summary of `code`, used as the description of keys that are not fields.
fn summary(code: &str) -> &'static str {
    crate::catalogue()
        .into_iter()
        .find(|c| c.id == code)
        .map_or("", |c| c.summary)
}

fn gij(op: Operation) -> Value {
    let (name, title, method) = match op {
        Operation::Add => (
            "gij-add",
            "Git Integration for Jira: add an integration",
            "POST /rest/gitplugin/1.0/integration",
        ),
        Operation::Update => (
            "gij-update",
            "Git Integration for Jira: update an integration",
            "PUT /rest/gitplugin/1.0/integration/{integrationId}",
        ),
    };
    let mut properties = Map::new();
    for field in FIELDS {
        properties.insert(field.name.into(), gij_property(field, op));
    }
    for &key in UNDOCUMENTED {
        properties.insert(
            key.into(),
            json!({ "description": summary("undocumented-field"), "deprecated": true }),
        );
    }
    for &key in READ_ONLY {
        let mut p = json!({ "description": summary("read-only-field"), "readOnly": true });
        // On update the rules read integrationType as the type: a string must be one of the 12.
        if key == "integrationType" && op == Operation::Update {
            if let Some(obj) = p.as_object_mut() {
                obj.insert("if".into(), json!({ "type": "string" }));
                obj.insert("then".into(), json!({ "enum": TYPE_VALUES }));
            }
        }
        properties.insert(key.into(), p);
    }
    let mut root = root(
        name,
        title,
        format!(
            "The JSON body of {method}. Not expressed here: the field languages (JMESPath, Java \
             regex, refspecs, API paths beyond the leading slash), URLs and cross-field rules \
             such as global with projectMappingIds."
        ),
        properties,
    );
    if op == Operation::Add {
        root.insert("required".into(), json!(["type"]));
    }
    root.insert("additionalProperties".into(), false.into());
    root.insert("allOf".into(), Value::Array(gij_conditions(op)));
    root.insert("$defs".into(), defs());
    Value::Object(root)
}

fn gij_property(field: &Field, op: Operation) -> Value {
    let mut p = Map::new();
    p.insert("title".into(), field.label.into());
    let mut description = field.description.to_string();
    if field.applies != TypeSet::ALL {
        match field.misuse {
            Misuse::WrongType => {
                description.push_str(&format!(
                    " Only for {}.",
                    names(field.applies.types()).join(", ")
                ));
            }
            Misuse::Ignored => {
                description.push_str(&format!(
                    " Ignored for {}.",
                    names(outside(field.applies)).join(", ")
                ));
            }
        }
    }
    p.insert("description".into(), description.into());
    // `type` is the one field that cannot be null when adding (null reads as missing).
    let nullable = !(field.name == "type" && op == Operation::Add);
    let json_type = |t: &str| -> Value {
        if nullable {
            json!([t, "null"])
        } else {
            json!(t)
        }
    };
    match field.kind {
        Kind::Boolean => {
            p.insert("type".into(), json_type("boolean"));
        }
        Kind::Integer { min, max } => {
            p.insert("type".into(), json_type("integer"));
            p.insert("minimum".into(), min.into());
            p.insert("maximum".into(), max.into());
        }
        Kind::String { max_chars } => {
            p.insert("type".into(), json_type("string"));
            p.insert("maxLength".into(), max_chars.into());
        }
        Kind::Secret => {
            p.insert("type".into(), json_type("string"));
            p.insert("writeOnly".into(), true.into());
        }
        Kind::Enum { values } => {
            p.insert("type".into(), json_type("string"));
            // The rules read a blank value as not given, except for `type`, which names the type.
            if field.name == "type" {
                let mut allowed: Vec<Value> = values.iter().map(|v| Value::from(*v)).collect();
                if nullable {
                    allowed.push(Value::Null);
                }
                p.insert("enum".into(), Value::Array(allowed));
            } else {
                p.insert(
                    "anyOf".into(),
                    json!([{ "enum": values }, reference("unset")]),
                );
            }
        }
        Kind::ProjectIds => {
            p.insert("type".into(), json_type("array"));
            p.insert(
                "items".into(),
                json!({ "type": "integer", "minimum": 1, "maximum": MAX_SAFE_INTEGER }),
            );
            p.insert("uniqueItems".into(), true.into());
            p.insert("maxItems".into(), MAX_PROJECT_IDS.into());
        }
    }
    if let Some(d) = field.default {
        p.insert("default".into(), json!(d));
    }
    if let Some(pattern) = pattern(field.name) {
        p.insert("pattern".into(), pattern.into());
    }
    if field.deprecated {
        p.insert("deprecated".into(), true.into());
    }
    Value::Object(p)
}

/// The `if` conditions that select the payloads whose effective type is one of `types`: the
/// body's `type` when adding; on update the body's `type`, else its `integrationType` (the
/// current integration, which the rules may also use, is not part of the body).
fn type_is(types: &[&str], op: Operation) -> Vec<Value> {
    let mut conditions = vec![json!({
        "required": ["type"],
        "properties": { "type": { "enum": types } }
    })];
    if op == Operation::Update {
        conditions.push(json!({
            "required": ["integrationType"],
            "properties": {
                "integrationType": { "enum": types },
                "type": { "not": { "type": "string" } }
            }
        }));
    }
    conditions
}

fn when(comment: String, types: &[&str], op: Operation, then: Value) -> Vec<Value> {
    type_is(types, op)
        .into_iter()
        .map(|condition| json!({ "$comment": comment, "if": condition, "then": then }))
        .collect()
}

fn gij_conditions(op: Operation) -> Vec<Value> {
    let mut all = Vec::new();
    if op == Operation::Add {
        for (fields, types) in group(|t| required_fields(t).to_vec()) {
            if fields.is_empty() {
                continue;
            }
            let properties: Map<String, Value> = fields
                .iter()
                .map(|f| ((*f).to_string(), reference("given")))
                .collect();
            all.extend(when(
                format!(
                    "missing-required-field: {} needs {}",
                    types.join(", "),
                    fields.join(", ")
                ),
                &types,
                op,
                json!({ "required": fields, "properties": properties }),
            ));
        }
        for (alternatives, types) in group(|t| t.info().credentials.to_vec()) {
            if alternatives.is_empty() {
                continue;
            }
            let sets: Vec<Value> = alternatives.iter().map(|set| credential_set(set)).collect();
            all.extend(when(
                format!("missing-credentials: {}", types.join(", ")),
                &types,
                op,
                json!({ "anyOf": sets }),
            ));
        }
    }
    for field in FIELDS.iter().filter(|f| f.misuse == Misuse::WrongType) {
        let others = names(outside(field.applies));
        if others.is_empty() {
            continue;
        }
        all.extend(when(
            format!(
                "field-type-specific: {} is only for {}",
                field.name,
                names(field.applies.types()).join(", ")
            ),
            &others,
            op,
            json!({ "properties": { field.name: reference("unset") } }),
        ));
    }
    all
}

/// The types grouped by the value of `key`, in table order.
fn group<K: PartialEq>(key: impl Fn(IntegrationType) -> K) -> Vec<(K, Vec<&'static str>)> {
    let mut groups: Vec<(K, Vec<&'static str>)> = Vec::new();
    for t in IntegrationType::ALL {
        let k = key(t);
        match groups.iter_mut().find(|(g, _)| *g == k) {
            Some((_, types)) => types.push(t.as_str()),
            None => groups.push((k, vec![t.as_str()])),
        }
    }
    groups
}

/// One accepted credential set: every field present with non-blank text (TFS: username "all").
fn credential_set(set: &[Credential]) -> Value {
    let mut properties = Map::new();
    for c in set {
        let rule = match c {
            Credential::UsernameAll => json!({ "type": "string", "pattern": r"^\s*all\s*$" }),
            _ => reference("given"),
        };
        properties.insert(c.field().into(), rule);
    }
    let required: Vec<&str> = set.iter().map(|c| c.field()).collect();
    json!({ "required": required, "properties": properties })
}

fn xray_schema(op: xray::context::Operation) -> Value {
    use xray::context::Operation as Op;
    let (name, title, method) = match op {
        Op::Create => (
            "xray-create",
            "JFrog Xray: create a Jira integration",
            "POST /xray/api/v1/ticketing/jira-integrations",
        ),
        Op::Update => (
            "xray-update",
            "JFrog Xray: update a Jira integration",
            "PUT /xray/api/v1/ticketing/jira-integrations/{connection_name}",
        ),
    };
    let required_here = |f: &xray::fields::Field| match op {
        Op::Create => f.required_on_create,
        Op::Update => f.required_on_update,
    };
    let mut properties = Map::new();
    for field in xray::fields::FIELDS {
        properties.insert(
            field.name.into(),
            xray_property(field, required_here(field)),
        );
    }
    // Exact names that plainly mean a field are errors for the rules; other extra keys warnings.
    for (alias, meant) in xray::fields::ALIASES
        .iter()
        .map(|(a, m)| ((*a).to_string(), *m))
        .chain(
            xray::fields::FIELDS
                .iter()
                .map(|f| (camel_case(f.name), f.name)),
        )
        .filter(|(a, _)| xray::fields::field_named(a).is_none())
    {
        properties.entry(alias).or_insert_with(
            || json!({ "description": format!("Not an Xray field: use {meant}."), "not": {} }),
        );
    }
    let required: Vec<&str> = xray::fields::FIELDS
        .iter()
        .filter(|f| required_here(f))
        .map(|f| f.name)
        .collect();
    let mut root = root(
        name,
        title,
        format!(
            "The JSON body of {method}. Other keys are allowed, as the vendor's OpenAPI says, and \
             ignored by the server. Not expressed here: the URL rules and cross-field rules such \
             as installation_type against the URL's host."
        ),
        properties,
    );
    root.insert("required".into(), json!(required));
    root.insert("additionalProperties".into(), true.into());
    Value::Object(root)
}

/// A field of the Xray table. A mandatory field cannot be null; on update, a field that is sent
/// cannot be blank either (the rules read blank as an attempt to clear a mandatory value).
fn xray_property(field: &xray::fields::Field, required: bool) -> Value {
    let mut p = Map::new();
    p.insert("title".into(), field.label.into());
    let mut description = field.description.to_string();
    if !field.response_only_values.is_empty() {
        description.push_str(&format!(
            " Responses may also report {}; requests may not send them.",
            field.response_only_values.join(", ")
        ));
    }
    p.insert("description".into(), description.into());
    let json_type = |t: &str| -> Value {
        if required {
            json!(t)
        } else {
            json!([t, "null"])
        }
    };
    let given = field.required_on_create || field.required_on_update;
    match field.kind {
        Kind::Boolean => {
            p.insert("type".into(), json_type("boolean"));
        }
        Kind::Enum { values } => {
            p.insert("type".into(), json_type("string"));
            let mut allowed: Vec<Value> = values.iter().map(|v| Value::from(*v)).collect();
            if !required {
                allowed.push(Value::Null);
            }
            p.insert("enum".into(), Value::Array(allowed));
        }
        Kind::String { max_chars } => {
            p.insert("type".into(), json_type("string"));
            p.insert("maxLength".into(), max_chars.into());
        }
        Kind::Secret => {
            p.insert("type".into(), json_type("string"));
            p.insert("maxLength".into(), xray::fields::MAX_SECRET_CHARS.into());
            p.insert("writeOnly".into(), true.into());
        }
        Kind::Integer { min, max } => {
            p.insert("type".into(), json_type("integer"));
            p.insert("minimum".into(), min.into());
            p.insert("maximum".into(), max.into());
        }
        Kind::ProjectIds => {
            p.insert("type".into(), json_type("array"));
        }
    }
    match pattern(field.name) {
        Some(pattern) => {
            p.insert("pattern".into(), pattern.into());
        }
        None if given && matches!(field.kind, Kind::String { .. } | Kind::Secret) => {
            p.insert("pattern".into(), r"\S".into());
        }
        None => {}
    }
    if let Some((_, format)) = FORMATS.iter().find(|(n, _)| *n == field.name) {
        p.insert("format".into(), (*format).into());
    }
    if let Some(d) = field.default {
        p.insert("default".into(), json!(d));
    }
    if !field.example.is_empty() {
        p.insert("examples".into(), json!([field.example]));
    }
    Value::Object(p)
}

/// `jira_server_url` -> `jiraServerUrl`, the spelling of the vendor's update example (X14).
fn camel_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn every_name_has_a_schema_with_the_2020_12_dialect() {
        for name in ["gij-add", "gij-update"] {
            let s = schema(name).unwrap();
            assert_eq!(s["$schema"], DIALECT);
            assert!(
                s["$id"]
                    .as_str()
                    .unwrap()
                    .ends_with(&format!("/{name}.schema.json"))
            );
            assert_eq!(s["additionalProperties"], false);
        }
        assert!(schema("gij").is_none());
    }

    #[test]
    fn every_table_field_and_known_key_is_a_property() {
        let s = schema("gij-add").unwrap();
        let props = s["properties"].as_object().unwrap();
        for f in FIELDS {
            assert!(
                props[f.name]["description"]
                    .as_str()
                    .unwrap()
                    .starts_with(f.description)
            );
        }
        for k in UNDOCUMENTED {
            assert_eq!(props[*k]["deprecated"], true);
        }
        for k in READ_ONLY {
            assert_eq!(props[*k]["readOnly"], true);
        }
        assert_eq!(
            props.len(),
            FIELDS.len() + UNDOCUMENTED.len() + READ_ONLY.len()
        );
    }

    #[test]
    fn kinds_become_types_and_bounds() {
        let s = schema("gij-add").unwrap();
        let p = &s["properties"];
        assert_eq!(p["type"]["type"], "string");
        assert_eq!(p["type"]["enum"].as_array().unwrap().len(), 12);
        assert_eq!(p["folderDepth"]["minimum"], 1);
        assert_eq!(p["folderDepth"]["maximum"], 5);
        assert_eq!(p["folderDepth"]["default"], 1);
        assert_eq!(
            p["projectMappingIds"]["items"]["maximum"],
            9_007_199_254_740_991_u64
        );
        assert_eq!(p["projectMappingIds"]["uniqueItems"], true);
        assert_eq!(p["pat"]["writeOnly"], true);
        assert_eq!(p["limitGitData"]["deprecated"], true);
        assert_eq!(p["apiPath"]["pattern"], r"^\s*(/|$)");
        assert_eq!(
            p["awsRegion"]["anyOf"][0]["enum"].as_array().unwrap().len(),
            26
        );
        let u = schema("gij-update").unwrap();
        assert_eq!(u["properties"]["type"]["type"], json!(["string", "null"]));
        assert!(u.get("required").is_none());
    }

    #[test]
    fn add_has_required_credentials_and_type_specific_blocks_update_only_the_latter() {
        let text = schema("gij-add").unwrap().to_string();
        assert!(text.contains("missing-required-field: GITHUB_SERVER"));
        assert!(text.contains("missing-credentials: TFS_SERVER"));
        assert!(text.contains("field-type-specific: awsRegion is only for AWS"));
        let update = schema("gij-update").unwrap().to_string();
        assert!(!update.contains("missing-credentials"));
        assert!(update.contains("field-type-specific: folderDepth is only for FILESPACE"));
    }

    #[test]
    fn xray_requires_per_operation_and_forbids_only_names_that_mean_a_field() {
        let create = schema("xray-create").unwrap();
        assert_eq!(
            create["required"],
            json!([
                "connection_name",
                "auth_type",
                "username",
                "password",
                "installation_type",
                "jira_server_url"
            ])
        );
        let p = &create["properties"];
        assert_eq!(p["auth_type"]["enum"], json!(["basic"]));
        assert_eq!(p["username"]["type"], "string");
        assert_eq!(p["username"]["maxLength"], 255);
        assert_eq!(p["password"]["maxLength"], 10_000);
        assert_eq!(p["skip_proxy"]["type"], json!(["boolean", "null"]));
        assert_eq!(p["skip_proxy"]["default"], false);
        assert_eq!(p["jira_server_url"]["format"], "uri");
        assert_eq!(p["authType"]["not"], json!({}));
        assert_eq!(
            p["integrationName"]["description"],
            "Not an Xray field: use connection_name."
        );
        assert!(
            p["connection_name"]["pattern"]
                .as_str()
                .unwrap()
                .starts_with(r"^\S")
        );
        let update = schema("xray-update").unwrap();
        assert_eq!(update["required"], json!(["connection_name"]));
        assert_eq!(
            update["properties"]["auth_type"]["enum"],
            json!(["basic", null])
        );
        assert_eq!(
            update["properties"]["username"]["type"],
            json!(["string", "null"])
        );
        assert_eq!(camel_case("jira_server_url"), "jiraServerUrl");
    }
}
