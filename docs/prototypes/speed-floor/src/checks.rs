//! What ajv checks with the exported `gij-add` and `xray-create` schemas, over the borrowed
//! read's arena: each top-level value's JSON type, enum, length and range against the library's
//! field tables, unknown keys, the required fields and credential sets of the type, and the
//! fields that only other types take. The first failure is the finding; the floor does not need
//! the library's exact diagnostic, only one of the same shape.
//! Simplified (ajv checks them, they cost little): `projectMappingIds`' `maxItems` is not
//! checked, a read-only key's value is not (`integrationType`: null or a string), and the TFS
//! credential set's `username` is any text with content, not `all`.

use crate::record::{ERROR, Finding, INFO};
use jira_integration_payloads::gij::fields::{self, FIELDS, Kind, Misuse};
use jira_integration_payloads::gij::{IntegrationType, integration_types};
use jira_integration_payloads::json_read::{Document, Kind as Node, NodeId};
use jira_integration_payloads::xray;
use std::sync::OnceLock;

/// The largest project id (JavaScript's `Number.MAX_SAFE_INTEGER`, as the schema says).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A type's required fields (credentials in every set included) and credential sets.
struct TypeRules {
    ty: IntegrationType,
    required: Vec<&'static str>,
    credentials: Vec<Vec<&'static str>>,
}

/// The rules of every type, from the library's `integrationTypes()` (its order is `ALL`'s).
fn type_rules() -> &'static [TypeRules] {
    static RULES: OnceLock<Vec<TypeRules>> = OnceLock::new();
    RULES.get_or_init(|| {
        IntegrationType::ALL
            .into_iter()
            .zip(integration_types())
            .map(|(ty, d)| TypeRules {
                ty,
                required: d
                    .fields
                    .iter()
                    .filter(|f| f.required && f.field.name != "type")
                    .map(|f| f.field.name)
                    .collect(),
                credentials: d.credentials,
            })
            .collect()
    })
}

fn fail<'a>(code: &'static str, key: &'a str, at: u32) -> Finding<'a> {
    Finding {
        severity: ERROR,
        code,
        key,
        message: "The value does not meet the schema (speed-floor prototype).",
        suggestion: None,
        at,
    }
}

/// The finding for a text over the library's limit.
pub fn too_large() -> Finding<'static> {
    fail("input-too-large", "", 0)
}

/// The finding for a text the reader refused at byte `at`.
pub fn malformed(at: usize) -> Finding<'static> {
    fail("invalid-json", "", u32::try_from(at).unwrap_or(u32::MAX))
}

/// Text with content: what the schemas' `given` pattern (`\S`) accepts.
fn given(doc: &Document<'_>, id: Option<NodeId>) -> bool {
    match id.and_then(|id| doc.node(id)).map(|n| &n.kind) {
        Some(Node::String(s)) => !s.trim().is_empty(),
        _ => false,
    }
}

fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    }
}

/// Why value `id` does not fit `kind` (a code), if it does not. In a `nullable` field `null`
/// fits, and a blank string stands for an unset enum, as the GIJ schemas say.
fn misfit(doc: &Document<'_>, id: NodeId, kind: Kind, nullable: bool) -> Option<&'static str> {
    let node = &doc.node(id)?.kind;
    match (kind, node) {
        (_, Node::Null) if nullable => None,
        (Kind::Boolean, Node::Bool(_)) => None,
        (Kind::Integer { min, max }, Node::Number(n)) => match n.as_i64() {
            Some(v) if (min..=max).contains(&v) => None,
            Some(_) => Some("out-of-range"),
            None => Some("not-an-integer"),
        },
        (Kind::String { max_chars }, Node::String(s)) => {
            (utf16_len(s) > max_chars).then_some("string-too-long")
        }
        (Kind::Secret, Node::String(s)) => {
            (utf16_len(s) > xray::fields::MAX_SECRET_CHARS).then_some("string-too-long")
        }
        (Kind::Enum { values }, Node::String(s)) => {
            let blank_unset = nullable && s.trim().is_empty();
            (!blank_unset && !values.contains(&&**s)).then_some("wrong-json-type")
        }
        (Kind::ProjectIds, Node::Array(_)) => project_ids_misfit(doc, id),
        _ => Some("wrong-json-type"),
    }
}

/// Integers in 1..=2^53-1, each once.
fn project_ids_misfit(doc: &Document<'_>, id: NodeId) -> Option<&'static str> {
    let mut seen: Vec<u64> = Vec::new();
    for &item in doc.items(id) {
        let n = match doc.node(item).map(|n| &n.kind) {
            Some(Node::Number(n)) => n.as_u64(),
            _ => None,
        };
        match n {
            Some(n) if (1..=MAX_SAFE_INTEGER).contains(&n) && !seen.contains(&n) => seen.push(n),
            _ => return Some("invalid-project-id"),
        }
    }
    None
}

/// The first object-level failure shared by both APIs: not an object, a repeated key.
fn object_failure<'d>(doc: &'d Document<'d>) -> Option<Finding<'d>> {
    let root = doc.root();
    if !matches!(doc.node(root)?.kind, Node::Object(_)) {
        return Some(fail("body-not-object", "", 0));
    }
    // The reader reports a repeated top-level key as the library does; its member is the
    // first with the diagnostic's key.
    let repeated = doc.diagnostics.first()?.path.strip_prefix('/')?;
    let m = doc.members(root).iter().find(|m| m.key == repeated)?;
    Some(fail("duplicate-key", &m.key, m.key_span.start))
}

/// The first failure of the `gij-add` schema's checks.
pub fn gij_add<'d>(doc: &'d Document<'d>) -> Option<Finding<'d>> {
    if let Some(f) = object_failure(doc) {
        return Some(f);
    }
    let root = doc.root();
    for m in doc.members(root) {
        let at = m.key_span.start;
        let code = match fields::field_named(&m.key) {
            Some(f) => misfit(doc, m.value, f.kind, f.name != "type"),
            None if fields::UNDOCUMENTED.contains(&&*m.key) => None,
            None if fields::READ_ONLY.contains(&&*m.key) => None,
            None => Some("unknown-field"),
        };
        let code = code.or_else(|| {
            (m.key == "apiPath" && !api_path_fits(doc, m.value)).then_some("api-path-missing-slash")
        });
        if let Some(code) = code {
            return Some(fail(code, &m.key, at));
        }
    }
    let Some(ty_id) = doc.get(root, "type") else {
        return Some(fail("missing-type", "type", 0));
    };
    let rules = type_of(doc, ty_id)?;
    if let Some(name) = rules
        .required
        .iter()
        .find(|n| !given(doc, doc.get(root, n)))
    {
        return Some(fail("missing-required-field", name, 0));
    }
    let complete = |set: &Vec<&str>| set.iter().all(|n| given(doc, doc.get(root, n)));
    if !rules.credentials.is_empty() && !rules.credentials.iter().any(complete) {
        return Some(fail("missing-credentials", "", 0));
    }
    let other_types = FIELDS
        .iter()
        .filter(|f| f.misuse == Misuse::WrongType && !f.applies.contains(rules.ty));
    for f in other_types {
        if let Some(id) = doc.get(root, f.name) {
            let unset = match doc.node(id).map(|n| &n.kind) {
                Some(Node::Null) => true,
                Some(Node::String(s)) => s.trim().is_empty(),
                _ => false,
            };
            if !unset {
                return Some(fail("field-type-specific", f.name, 0));
            }
        }
    }
    None
}

/// The rules of the type `id` names (its enum was checked with the members).
fn type_of<'d>(doc: &'d Document<'d>, id: NodeId) -> Option<&'static TypeRules> {
    let Node::String(name) = &doc.node(id)?.kind else {
        return None;
    };
    let ty = IntegrationType::parse(name)?;
    type_rules().iter().find(|r| r.ty == ty)
}

/// The schema's `apiPath` pattern `^\s*(/|$)`.
fn api_path_fits(doc: &Document<'_>, id: NodeId) -> bool {
    match doc.node(id).map(|n| &n.kind) {
        Some(Node::String(s)) => {
            let rest = s.trim_start();
            rest.is_empty() || rest.starts_with('/')
        }
        _ => true,
    }
}

/// Today's recommendation when a type that takes `requireUserPat` is added without it true.
pub fn require_user_pat<'d>(doc: &'d Document<'d>) -> Option<Finding<'d>> {
    let root = doc.root();
    let rules = type_of(doc, doc.get(root, "type")?)?;
    let applies = fields::field_named("requireUserPat")?
        .applies
        .contains(rules.ty);
    let on = doc
        .get(root, "requireUserPat")
        .and_then(|id| doc.node(id))
        .is_some_and(|n| matches!(n.kind, Node::Bool(true)));
    (applies && !on).then(|| Finding {
        severity: INFO,
        code: "require-user-pat-recommended",
        key: "requireUserPat",
        message: "Consider requireUserPat: true so that each user's own token creates branches and pull requests.",
        suggestion: Some("\"requireUserPat\": true"),
        at: doc.node(root).map_or(0, |n| n.span.start),
    })
}

/// The first failure of the `xray-create` schema's checks.
pub fn xray_create<'d>(doc: &'d Document<'d>) -> Option<Finding<'d>> {
    if let Some(f) = object_failure(doc) {
        return Some(f);
    }
    let root = doc.root();
    for m in doc.members(root) {
        let Some(f) = xray::fields::field_named(&m.key) else {
            return Some(fail("xray-extra-field", &m.key, m.key_span.start));
        };
        let required = f.required_on_create;
        let mut code = misfit(doc, m.value, f.kind, !required);
        let text = matches!(f.kind, Kind::String { .. } | Kind::Secret);
        if code.is_none() && required && text && !given(doc, Some(m.value)) {
            code = Some("xray-missing-required-field");
        }
        if code.is_none() && f.name == "connection_name" && !trimmed(doc, m.value) {
            code = Some("xray-connection-name-whitespace");
        }
        if let Some(code) = code {
            return Some(fail(code, &m.key, m.key_span.start));
        }
    }
    let missing = xray::FIELDS
        .iter()
        .find(|f| f.required_on_create && doc.get(root, f.name).is_none())?;
    Some(fail("xray-missing-required-field", missing.name, 0))
}

/// The schema's `connection_name` pattern `^\S(?:[\s\S]*\S)?$`.
fn trimmed(doc: &Document<'_>, id: NodeId) -> bool {
    match doc.node(id).map(|n| &n.kind) {
        Some(Node::String(s)) => !s.is_empty() && s.trim().len() == s.len(),
        _ => true,
    }
}
