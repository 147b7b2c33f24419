//! Git Integration for Jira: `/rest/gitplugin/1.0/integration` (add with POST, update with PUT).

#[doc(hidden)]
pub mod api_path;
pub mod build;
#[doc(hidden)]
pub mod context;
#[doc(hidden)]
pub mod describe;
pub mod fields;
#[doc(hidden)]
pub mod response;
#[doc(hidden)]
pub mod rules;
pub mod types;
pub mod validate;

pub use build::{BuildOptions, build};
pub use context::{Operation, Options};
pub use describe::integration_types;
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
