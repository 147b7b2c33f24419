//! The payload rules, one concern per file. A rule reads a [`Ctx`] and pushes diagnostics; it
//! knows nothing of how they are rendered or sent to JavaScript.

use super::context::Ctx;
use crate::diagnostics::{Code, Diagnostic};
use crate::suggest::did_you_mean;
use crate::text::truncate;

mod auth_type;
mod cloud_host;
pub(crate) mod connection_name;
mod installation_type;
pub(crate) mod jira_url;
mod json_types;
mod keys;
mod required;
mod transport;
pub(crate) mod update;
mod whitespace;

/// A rule of this API: see [`crate::engine::Rule`].
pub type Rule = crate::engine::Rule<fn(&Ctx<'_>, &mut Vec<Diagnostic>)>;

/// Every rule, in reporting order.
pub static RULES: &[Rule] = &[
    keys::RULE,
    json_types::RULE,
    required::RULE,
    connection_name::RULE,
    update::RULE,
    auth_type::RULE,
    installation_type::RULE,
    jira_url::RULE,
    cloud_host::RULE,
    transport::RULE,
    whitespace::RULE,
];

pub(crate) use crate::diagnostics::field_pointer as ptr;

/// A value outside a field's fixed list, with the closest allowed value as suggestion
/// (a case or white-space slip first, then a likely typo).
fn not_allowed(
    code: &'static Code,
    field: &'static str,
    value: &str,
    allowed: &'static [&'static str],
    what: &str,
) -> Diagnostic {
    let shown = truncate(value, 40);
    let mut d = Diagnostic::new(
        code,
        ptr(field),
        format!("\"{shown}\" is not {what} ({}).", allowed.join(" or ")),
    )
    .param("field", field)
    .param("value", shown.as_str())
    .param("allowed", allowed.to_vec());
    let guess = allowed
        .iter()
        .copied()
        .find(|a| a.eq_ignore_ascii_case(value.trim()))
        .or_else(|| did_you_mean(value.trim(), allowed.iter().copied()));
    if let Some(s) = guess {
        d.message = format!("\"{shown}\" is not {what}; did you mean {s}?");
        d = d.suggest(s);
    }
    d
}
