//! JFrog Xray: Jira ticketing integrations under `/xray/api/v1/ticketing/` (create with POST,
//! update with PUT, get details, delete, status check).
//!
//! Owns everything specific to that API: the field table ([`fields`]), the payload rules, one
//! concern per file; validation of a body or its JSON text; the builder for the five calls
//! (with the documented and the Terraform provider's paths, X13); and the response parser.

mod build;
pub(crate) mod context;
pub mod fields;
mod response;
mod rules;
mod validate;

pub use build::{Action, BuildOptions, PathStyle, build};
pub use context::{Operation, Options};
pub use fields::FIELDS;
pub use response::{XrayResponse, parse_response};
pub use validate::{validate, validate_json};

use crate::diagnostics::Code;

/// Every code the Xray validation, builder and response parser can emit, besides the shared
/// ones (`body-not-object`, the JSON-text codes, `invalid-option`, `invalid-base-url`).
pub fn codes() -> Vec<&'static Code> {
    let mut all = Vec::new();
    for rule in rules::RULES {
        all.extend(rule.codes.iter());
    }
    all.extend(response::CODES);
    all
}
