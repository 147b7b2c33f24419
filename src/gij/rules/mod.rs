//! The payload rules, one concern per file. A rule reads a [`Ctx`] and pushes diagnostics; it
//! knows nothing of how they are rendered or sent to JavaScript.

use super::context::Ctx;
use crate::diagnostics::Diagnostic;

mod applicability;
mod credentials;
mod integration_type;
mod json_types;
mod keys;
pub(crate) mod languages;
mod numbers;
mod origin;
pub(crate) mod projects;
mod recommendations;
mod region;
pub(crate) mod required;
mod retired_credentials;
pub(crate) mod update;
mod whitespace;

/// A rule of this API: see [`crate::engine::Rule`].
pub type Rule = crate::engine::Rule<fn(&Ctx<'_>, &mut Vec<Diagnostic>)>;

/// Every rule, in reporting order.
pub static RULES: &[Rule] = &[
    keys::RULE,
    json_types::RULE,
    integration_type::RULE,
    update::RULE,
    applicability::RULE,
    origin::RULE,
    required::RULE,
    credentials::RULE,
    retired_credentials::RULE,
    region::RULE,
    numbers::RULE,
    projects::RULE,
    languages::RULE,
    whitespace::RULE,
    recommendations::RULE,
];

/// The field names every rule reports about, as JSON Pointers.
pub(crate) use crate::diagnostics::field_pointer as ptr;
