//! Validate and build the JSON bodies of the Git Integration for Jira integration API and the
//! JFrog Xray Jira-integration API.
//!
//! The data flows one way: JSON (text or value) -> field model -> rules -> [`diagnostics`] ->
//! builders -> request. The core knows nothing of WebAssembly; the `wasm` module (compiled only
//! for `wasm32` with the `wasm` feature) is a thin export layer over it. The modules are layers,
//! listed top first in `scripts/layers.mjs`; `make test` fails on an import up the layers or an
//! import cycle between modules.
//!
//! # The API
//!
//! - [`gij`]: Git Integration for Jira. [`gij::validate()`], [`gij::validate_json`],
//!   [`gij::build()`], [`gij::parse_response`], [`gij::integration_types`], their
//!   [`gij::Options`] and [`gij::BuildOptions`], and the tables forms are made from
//!   ([`gij::fields`], [`gij::types`]).
//! - [`xray`]: JFrog Xray, the same functions, options and field table.
//! - At the root: results ([`Report`] of [`Diagnostic`]s, [`BuildResult`] holding a [`Request`]),
//!   [`redact()`], [`json_schema`], [`catalogue`] and the input limit [`MAX_TEXT_BYTES`].
//! - [`api`]: the functions of the JavaScript API on loosely typed `serde_json::Value` options,
//!   including the checks of one field-language text ([`api::check_jmespath`],
//!   [`api::check_java_regex`], [`api::check_ref_specs`], [`api::check_api_path`]).
//! - [`diagnostics`], [`request`], [`redact`](mod@redact) and [`schema`]: the modules behind
//!   the root's re-exports.
//!
//! Parsers, the rule engine and the rules themselves are private: their codes are in
//! [`catalogue`] and their findings in every [`Report`]. Option and result structs are
//! `#[non_exhaustive]`; build options from their `Default` with the `with_` methods.
//! `docs/public-api.md` says why each part is public.
//!
//! ```
//! use jira_integration_payloads::{Severity, gij};
//! use serde_json::json;
//!
//! let payload = json!({"type": "GITLAB_SERVER", "pat": "<pat>", "limitGitData": true});
//! let report = gij::validate(&payload, &gij::Options::default());
//! let codes: Vec<_> = report.diagnostics.iter().filter(|d| d.severity != Severity::Info)
//!     .map(|d| d.code).collect();
//! assert_eq!(codes, ["deprecated-field", "missing-required-field"]);
//! ```
//!
//! # Features
//!
//! `wasm` (off by default): the `wasm` module of `#[wasm_bindgen]` exports and the talc global
//! allocator, for the npm package. A Rust program that depends on this crate leaves it off and
//! keeps its own allocator and exports.

// In-crate tests that share `tests/common/` name the crate as the integration tests do.
#[cfg(test)]
extern crate self as jira_integration_payloads;

pub mod api;
pub mod diagnostics;
mod engine;
pub mod gij;
mod json;
mod lang;
mod memo;
mod name_index;
pub mod redact;
/// The borrowing read the validation of a JSON text uses, beside the `Value` parse: exported
/// for the differential tests (`tests/json_read.rs`) and `benches/native.rs` only, not API.
#[doc(hidden)]
pub mod json_read {
    pub use crate::json::borrowed::*;
    pub use crate::json::{Parsed, parse};
}
#[doc(hidden)]
pub mod report_record;
pub mod request;
pub mod schema;
mod schema_editor;
mod suggest;
mod text;
mod url;
mod values;
pub mod xray;

/// The WebAssembly exports of the npm package: only with the `wasm` feature, for `wasm32`.
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
pub mod wasm;

pub use diagnostics::{Code, Diagnostic, Report, Severity, Span};
pub use json::MAX_TEXT_BYTES;
pub use redact::redact;
pub use request::{BuildResult, Request};
pub use schema::schema as json_schema;

/// Every diagnostic code this crate can emit (the README's rule catalogue).
///
/// ```
/// let codes = jira_integration_payloads::catalogue();
/// assert!(codes.iter().any(|c| c.id == "unknown-field"));
/// ```
pub fn catalogue() -> Vec<&'static Code> {
    let mut all = Vec::new();
    all.extend(json::CODES);
    all.push(&engine::BODY_NOT_OBJECT);
    all.extend(api::CODES);
    all.extend(gij::codes());
    all.push(&request::INVALID_BASE_URL);
    all.push(&request::BASE_URL_HAS_API_PATH);
    // The field checkers: refspecs, `apiPath` (a GIJ catalogue, not a language), JMESPath, Java
    // regular expressions.
    all.extend(lang::refspec::CODES);
    all.extend(gij::api_path::CODES);
    all.extend(lang::jmespath::CODES);
    all.extend(lang::java_regex::CODES.iter());
    all.extend(xray::codes());
    all
}
