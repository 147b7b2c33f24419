//! `integrationTypes()`: everything a form needs to render itself, read from the same tables as
//! the rules (so the form and the validator cannot disagree).

use super::fields::{FIELDS, Field};
use super::rules::required::required_fields;
use super::types::{Credential, Family, IntegrationType, OriginKind};
use serde::Serialize;

/// One integration type, for forms.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TypeDescription {
    /// The `type` value.
    #[serde(rename = "type")]
    pub id: &'static str,
    /// A label.
    pub label: &'static str,
    /// The vendor family.
    pub family: Family,
    /// What `origin` holds.
    pub origin_kind: OriginKind,
    /// An example origin, for the input's placeholder.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub origin_example: &'static str,
    /// Accepted credential sets (field names); one must be complete when adding.
    pub credentials: Vec<Vec<&'static str>>,
    /// The fields that apply to the type, in form order.
    pub fields: Vec<FieldDescription>,
}

/// One field of a type, for forms.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct FieldDescription {
    /// The field's facts (name, label, description, kind, default).
    #[serde(flatten)]
    pub field: &'static Field,
    /// Required when adding (credentials: required in every accepted set).
    pub required: bool,
    /// A credential: mask the input, never log it.
    pub secret: bool,
}

/// Every type with its applicable fields.
///
/// ```
/// let types = jira_integration_payloads::gij::integration_types();
/// let github = types.iter().find(|t| t.id == "GITHUB").expect("GitHub");
/// assert!(github.fields.iter().any(|f| f.field.name == "pat" && f.secret));
/// ```
pub fn integration_types() -> Vec<TypeDescription> {
    IntegrationType::ALL.into_iter().map(describe).collect()
}

fn describe(ty: IntegrationType) -> TypeDescription {
    let info = ty.info();
    let credentials: Vec<Vec<&'static str>> = info
        .credentials
        .iter()
        .map(|set| set.iter().map(|c| c.field()).collect())
        .collect();
    let in_every_set = |name: &str| {
        !info.credentials.is_empty()
            && info
                .credentials
                .iter()
                .all(|set| set.iter().any(|c: &Credential| c.field() == name))
    };
    let fields = FIELDS
        .iter()
        .filter(|f| f.applies.contains(ty) && !f.deprecated)
        .map(|f| FieldDescription {
            field: f,
            required: f.name == "type"
                || required_fields(ty).contains(&f.name)
                || in_every_set(f.name),
            secret: f.is_secret(),
        })
        .collect();
    TypeDescription {
        id: info.id,
        label: info.label,
        family: info.family,
        origin_kind: info.origin,
        origin_example: info.origin_example,
        credentials,
        fields,
    }
}
