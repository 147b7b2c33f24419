//! Git Integration for Jira: `/rest/gitplugin/1.0/integration` (add with POST, update with PUT).
//!
//! Owns everything specific to that API: the field table ([`fields`]) and the type table
//! ([`types`]) that the rules, the builder, `integrationTypes()` and the JSON Schemas all read;
//! the payload rules, one concern per file; validation of a body or its JSON text; the builder
//! (form state to request, and the minimal body of an update); and the response parser.

pub(crate) mod api_path;
mod build;
pub(crate) mod context;
mod describe;
pub mod fields;
mod response;
pub(crate) mod rules;
pub mod types;
#[cfg(test)]
mod update_properties;
mod validate;

pub use build::{BuildOptions, build};
pub use context::{Operation, Options};
pub use describe::{FieldDescription, TypeDescription, integration_types};
pub use response::{IntegrationResponse, parse_response};
pub use types::IntegrationType;
pub use validate::{validate, validate_json};

use crate::diagnostics::Code;

/// Every code the Git Integration for Jira validation can emit.
pub fn codes() -> Vec<&'static Code> {
    let mut all = vec![&response::UNEXPECTED_RESPONSE];
    for rule in rules::RULES {
        all.extend(rule.codes.iter());
    }
    all
}
