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
use crate::gij::fields::{
    Default, FIELDS, Field, Kind, Misuse, READ_ONLY, TYPE_VALUES, UNDOCUMENTED,
};
use crate::gij::rules::projects::{MAX_PROJECT_IDS, MAX_SAFE_INTEGER};
use crate::gij::rules::required::required_fields;
use crate::gij::types::{Credential, IntegrationType, TypeSet};
use crate::schema_editor as editor;
use crate::xray;
use serde_json::{Map, Value};

pub use crate::schema_editor::EDITOR_KEYWORDS;

// Values are built with `Value::from` and the small helpers below rather than `json!`, whose
// `to_value` calls instantiate serde's value serializer per type and cost kilobytes of wasm.

/// The JSON Schema dialect of every schema.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The schema names, one per request body: `gij-add`, `gij-update`, `xray-create`, `xray-update`.
pub const NAMES: &[&str] = &["gij-add", "gij-update", "xray-create", "xray-update"];

/// The JSON Schema of the request body called `name` (one of [`NAMES`]), or `None`.
///
/// ```
/// let schema = jira_integration_payloads::json_schema("xray-create").expect("a known name");
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert!(schema["required"].as_array().is_some_and(|r| r.contains(&"connection_name".into())));
/// ```
pub fn schema(name: &str) -> Option<Value> {
    match name {
        "gij-add" => Some(gij(Operation::Add)),
        "gij-update" => Some(gij(Operation::Update)),
        "xray-create" => Some(xray_schema(xray::context::Operation::Create)),
        "xray-update" => Some(xray_schema(xray::context::Operation::Update)),
        _ => None,
    }
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

/// Non-blank text: what the rules count as given.
const GIVEN: &str = r"\S";
/// Blank text: what the rules count as not given.
const BLANK: &str = r"^\s*$";

fn pattern(name: &str) -> Option<&'static str> {
    PATTERNS
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, p, _)| *p)
}

/// An object with the given members, in order.
fn obj(members: Vec<(&str, Value)>) -> Value {
    Value::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn strs(list: &[&str]) -> Value {
    Value::Array(list.iter().map(|s| Value::from(*s)).collect())
}

/// `"t"`, or `["t", "null"]` when null is allowed.
fn json_type(t: &str, nullable: bool) -> Value {
    if nullable {
        strs(&[t, "null"])
    } else {
        Value::from(t)
    }
}

/// `values` as an enum, with null when it is allowed.
fn enumeration(values: &[&str], nullable: bool) -> Value {
    let mut all: Vec<Value> = values.iter().map(|v| Value::from(*v)).collect();
    if nullable {
        all.push(Value::Null);
    }
    Value::Array(all)
}

fn reference(def: &str) -> Value {
    obj(vec![("$ref", format!("#/$defs/{def}").into())])
}

fn default_value(d: Default) -> Value {
    match d {
        Default::Bool(b) => b.into(),
        Default::Int(n) => n.into(),
        Default::EmptyList(_) => Value::Array(Vec::new()),
    }
}

/// The keywords every schema starts with, up to `properties`.
fn root(title: &str, description: String, properties: Map<String, Value>) -> Map<String, Value> {
    let (package, version) = (env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"));
    let mut root = Map::new();
    root.insert("$schema".into(), DIALECT.into());
    // No `$id`: the package is not published at a URL that would resolve; editors and ajv take
    // the schema by file or object.
    root.insert("title".into(), title.into());
    root.insert(
        "description".into(),
        format!(
            "{description} Generated from the field table of {package} {version}; the library's \
             validator checks more than a schema can express. Lengths are limits in UTF-16 units, \
             as Java's String.length() counts them; maxLength counts characters, so a text with \
             characters beyond U+FFFF (2 units each) may pass maxLength and still be too long."
        )
        .into(),
    );
    root.insert("type".into(), "object".into());
    root.insert(
        "properties".into(),
        Value::Object(editor::with_schema_key(properties)),
    );
    root
}

/// A property's `title` and `description`.
fn annotated(label: &str, description: String) -> Map<String, Value> {
    let mut p = Map::new();
    p.insert("title".into(), label.into());
    p.insert("description".into(), description.into());
    p
}

/// The `type` and bounds of a kind (enums are the caller's: the APIs read blanks differently).
/// `secret_max` is the length limit of secrets, when the table has one.
fn kind_keywords(
    p: &mut Map<String, Value>,
    kind: Kind,
    nullable: bool,
    secret_max: Option<usize>,
) {
    let t = match kind {
        Kind::Boolean => "boolean",
        Kind::Integer { .. } => "integer",
        Kind::ProjectIds => "array",
        Kind::String { .. } | Kind::Secret | Kind::Enum { .. } => "string",
    };
    p.insert("type".into(), json_type(t, nullable));
    match kind {
        Kind::Integer { min, max } => {
            p.insert("minimum".into(), min.into());
            p.insert("maximum".into(), max.into());
        }
        Kind::String { max_chars } => {
            p.insert("maxLength".into(), max_chars.into());
        }
        Kind::Secret => {
            if let Some(max) = secret_max {
                p.insert("maxLength".into(), max.into());
            }
            p.insert("writeOnly".into(), true.into());
        }
        Kind::ProjectIds => {
            p.insert(
                "items".into(),
                obj(vec![
                    ("type", "integer".into()),
                    ("minimum", 1.into()),
                    ("maximum", MAX_SAFE_INTEGER.into()),
                ]),
            );
            p.insert("uniqueItems".into(), true.into());
            p.insert("maxItems".into(), MAX_PROJECT_IDS.into());
        }
        Kind::Boolean | Kind::Enum { .. } => {}
    }
}

/// The `$defs` of the GIJ schemas: text that counts as given, and a value that counts as unset.
fn defs() -> Value {
    let text = |pattern: &str| obj(vec![("type", "string".into()), ("pattern", pattern.into())]);
    obj(vec![
        (
            "given",
            obj(vec![
                ("description", "A string with non-blank content.".into()),
                ("type", "string".into()),
                ("pattern", GIVEN.into()),
            ]),
        ),
        (
            "unset",
            obj(vec![
                (
                    "description",
                    "null or a blank string, which the server reads as not given.".into(),
                ),
                (
                    "anyOf",
                    Value::Array(vec![obj(vec![("type", "null".into())]), text(BLANK)]),
                ),
            ]),
        ),
    ])
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
    let (title, method) = match op {
        Operation::Add => (
            "Git Integration for Jira: add an integration",
            "POST /rest/gitplugin/1.0/integration",
        ),
        Operation::Update => (
            "Git Integration for Jira: update an integration",
            "PUT /rest/gitplugin/1.0/integration/{integrationId}",
        ),
    };
    let mut properties = Map::new();
    for field in FIELDS {
        properties.insert(field.name.into(), gij_property(field, op));
    }
    for &key in UNDOCUMENTED {
        let p = obj(vec![
            ("description", summary("undocumented-field").into()),
            ("deprecated", true.into()),
        ]);
        properties.insert(key.into(), p);
    }
    for &key in READ_ONLY {
        let mut p = vec![
            ("description", summary("read-only-field").into()),
            ("readOnly", true.into()),
        ];
        // The rules take integrationType as a string or null (unset); on update they read it
        // as the type, so a string must be one of the 12.
        if key == "integrationType" {
            let string = if op == Operation::Update {
                obj(vec![("type", "string".into()), ("enum", strs(TYPE_VALUES))])
            } else {
                obj(vec![("type", "string".into())])
            };
            let unset = obj(vec![("type", "null".into())]);
            p.push(("anyOf", Value::Array(vec![unset, string])));
        }
        properties.insert(key.into(), obj(p));
    }
    let mut root = root(
        title,
        format!(
            "The JSON body of {method}. Not expressed here: the field languages (JMESPath, Java \
             regex, refspecs, API paths beyond the leading slash), URLs and cross-field rules \
             such as global with projectMappingIds."
        ),
        properties,
    );
    if op == Operation::Add {
        root.insert("required".into(), strs(&["type"]));
        root.insert("defaultSnippets".into(), editor::gij_snippets());
    }
    root.insert(
        "examples".into(),
        editor::gij_examples(op == Operation::Add),
    );
    root.insert("additionalProperties".into(), false.into());
    root.insert("allOf".into(), Value::Array(gij_conditions(op)));
    root.insert("$defs".into(), defs());
    Value::Object(root)
}

fn gij_property(field: &Field, op: Operation) -> Value {
    let mut description = field.description.to_string();
    if field.applies != TypeSet::ALL {
        let (lead, types) = match field.misuse {
            Misuse::WrongType => ("Only for", names(field.applies.types())),
            Misuse::Ignored => ("Ignored for", names(outside(field.applies))),
        };
        description.push_str(&format!(" {lead} {}.", types.join(", ")));
    }
    let mut p = annotated(field.label, description);
    // `type` is the one field that cannot be null when adding (null reads as missing).
    let nullable = !(field.name == "type" && op == Operation::Add);
    kind_keywords(&mut p, field.kind, nullable, None);
    if let Kind::Enum { values } = field.kind {
        // The rules read a blank value as not given, except for `type`, which names the type.
        if field.name == "type" {
            p.insert("enum".into(), enumeration(values, nullable));
            p.insert("enumDescriptions".into(), editor::type_descriptions());
        } else {
            let allowed = obj(vec![("enum", strs(values))]);
            p.insert(
                "anyOf".into(),
                Value::Array(vec![allowed, reference("unset")]),
            );
        }
    }
    if let Some(d) = field.default {
        p.insert("default".into(), default_value(d));
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
    let is_one = || obj(vec![("enum", strs(types))]);
    let mut conditions = vec![obj(vec![
        ("required", strs(&["type"])),
        ("properties", obj(vec![("type", is_one())])),
    ])];
    if op == Operation::Update {
        let not_a_string = obj(vec![("not", obj(vec![("type", "string".into())]))]);
        conditions.push(obj(vec![
            ("required", strs(&["integrationType"])),
            (
                "properties",
                obj(vec![("integrationType", is_one()), ("type", not_a_string)]),
            ),
        ]));
    }
    conditions
}

fn when(comment: String, types: &[&str], op: Operation, then: Value) -> Vec<Value> {
    type_is(types, op)
        .into_iter()
        .map(|condition| {
            obj(vec![
                ("$comment", comment.clone().into()),
                ("if", condition),
                ("then", then.clone()),
            ])
        })
        .collect()
}

/// `required` plus the rule each listed property must meet.
fn require(fields: Vec<(&str, Value)>) -> Value {
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    obj(vec![
        ("required", strs(&names)),
        ("properties", obj(fields)),
    ])
}

fn gij_conditions(op: Operation) -> Vec<Value> {
    let mut all = Vec::new();
    if op == Operation::Update {
        // An update may leave a required field out (kept) or send null (unset), but a string
        // sent there must have content: a blank one empties what the type needs.
        let kept_or_given = obj(vec![(
            "anyOf",
            Value::Array(vec![obj(vec![("type", "null".into())]), reference("given")]),
        )]);
        for (fields, types) in group(|t| required_fields(t).to_vec()) {
            if fields.is_empty() {
                continue;
            }
            let props = fields.iter().map(|f| (*f, kept_or_given.clone())).collect();
            let then = obj(vec![("properties", obj(props))]);
            let comment = format!(
                "missing-required-field: {} cannot empty {}",
                types.join(", "),
                fields.join(", ")
            );
            all.extend(when(comment, &types, op, then));
        }
    }
    if op == Operation::Add {
        for (fields, types) in group(|t| required_fields(t).to_vec()) {
            if fields.is_empty() {
                continue;
            }
            let then = require(fields.iter().map(|f| (*f, reference("given"))).collect());
            let comment = format!(
                "missing-required-field: {} needs {}",
                types.join(", "),
                fields.join(", ")
            );
            all.extend(when(comment, &types, op, then));
        }
        for (alternatives, types) in group(|t| t.info().credentials.to_vec()) {
            if alternatives.is_empty() {
                continue;
            }
            let sets: Vec<Value> = alternatives.iter().map(|set| credential_set(set)).collect();
            let comment = format!("missing-credentials: {}", types.join(", "));
            all.extend(when(
                comment,
                &types,
                op,
                obj(vec![("anyOf", Value::Array(sets))]),
            ));
        }
    }
    for field in FIELDS.iter().filter(|f| f.misuse == Misuse::WrongType) {
        let others = names(outside(field.applies));
        if others.is_empty() {
            continue;
        }
        let comment = format!(
            "field-type-specific: {} is only for {}",
            field.name,
            names(field.applies.types()).join(", ")
        );
        let then = obj(vec![(
            "properties",
            obj(vec![(field.name, reference("unset"))]),
        )]);
        all.extend(when(comment, &others, op, then));
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
    require(
        set.iter()
            .map(|c| {
                let rule = match c {
                    Credential::UsernameAll => obj(vec![
                        ("type", "string".into()),
                        ("pattern", r"^\s*all\s*$".into()),
                    ]),
                    _ => reference("given"),
                };
                (c.field(), rule)
            })
            .collect(),
    )
}

fn xray_schema(op: xray::context::Operation) -> Value {
    use xray::context::Operation as Op;
    let (title, method) = match op {
        Op::Create => (
            "JFrog Xray: create a Jira integration",
            "POST /xray/api/v1/ticketing/jira-integrations",
        ),
        Op::Update => (
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
        properties.entry(alias).or_insert_with(|| {
            obj(vec![
                (
                    "description",
                    format!("Not an Xray field: use {meant}.").into(),
                ),
                ("not", obj(Vec::new())),
            ])
        });
    }
    let required: Vec<&str> = xray::fields::FIELDS
        .iter()
        .filter(|f| required_here(f))
        .map(|f| f.name)
        .collect();
    let mut root = root(
        title,
        format!(
            "The JSON body of {method}. Other keys are allowed, as the vendor's OpenAPI says, and \
             ignored by the server. Not expressed here: the URL rules and cross-field rules such \
             as installation_type against the URL's host."
        ),
        properties,
    );
    root.insert("required".into(), strs(&required));
    root.insert("additionalProperties".into(), true.into());
    root.insert("examples".into(), editor::xray_examples(op == Op::Create));
    if op == Op::Create {
        root.insert("defaultSnippets".into(), editor::xray_snippets());
    }
    Value::Object(root)
}

/// A field of the Xray table. A mandatory field cannot be null; on update, a field that is sent
/// cannot be blank either (the rules read blank as an attempt to clear a mandatory value).
fn xray_property(field: &xray::fields::Field, required: bool) -> Value {
    let mut description = field.description.to_string();
    if !field.response_only_values.is_empty() {
        description.push_str(&format!(
            " Responses may also report {}; requests may not send them.",
            field.response_only_values.join(", ")
        ));
    }
    let mut p = annotated(field.label, description);
    kind_keywords(
        &mut p,
        field.kind,
        !required,
        Some(xray::fields::MAX_SECRET_CHARS),
    );
    if let Kind::Enum { values } = field.kind {
        p.insert("enum".into(), enumeration(values, !required));
        if let Some(lines) = editor::xray_enum_descriptions(field.name) {
            p.insert("enumDescriptions".into(), lines);
        }
    }
    let given = field.required_on_create || field.required_on_update;
    match pattern(field.name) {
        Some(pattern) => {
            p.insert("pattern".into(), pattern.into());
        }
        None if given && matches!(field.kind, Kind::String { .. } | Kind::Secret) => {
            p.insert("pattern".into(), GIVEN.into());
        }
        None => {}
    }
    if let Some((_, format)) = FORMATS.iter().find(|(n, _)| *n == field.name) {
        p.insert("format".into(), (*format).into());
    }
    if let Some(d) = field.default {
        p.insert("default".into(), default_value(d));
    }
    if !field.example.is_empty() {
        p.insert("examples".into(), strs(&[field.example]));
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
            out.push(c.to_ascii_uppercase());
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
    use serde_json::json;

    #[test]
    fn every_name_has_a_schema_with_the_2020_12_dialect() {
        for name in ["gij-add", "gij-update"] {
            let s = schema(name).unwrap();
            assert_eq!(s["$schema"], DIALECT);
            // No `$id`: no URL serves the files yet.
            assert!(s.get("$id").is_none());
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
        // And the editors' `$schema` key.
        assert!(props["$schema"]["description"].is_string());
        assert_eq!(
            props.len(),
            1 + FIELDS.len() + UNDOCUMENTED.len() + READ_ONLY.len()
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
