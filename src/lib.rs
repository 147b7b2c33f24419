//! Validate and build the JSON bodies of the Git Integration for Jira integration API and the
//! JFrog Xray Jira-integration API.
//!
//! The data flows one way: JSON (text or value) -> field model -> rules -> [`diagnostics`] ->
//! builders -> request. The core knows nothing of WebAssembly; the `wasm` module (compiled only
//! for `wasm32` with the `wasm` feature) is a thin export layer over it.
//!
//! The entry points are [`gij`] (Git Integration for Jira: [`gij::validate()`],
//! [`gij::validate_json`], [`gij::build()`], [`gij::parse_response`]) and [`xray`] (the same for
//! JFrog Xray), with [`redact()`], [`json_schema`] and [`catalogue`] at the root; results are
//! [`Report`]s of [`Diagnostic`]s and [`BuildResult`]s holding a [`Request`]. The [`api`] module
//! takes the loosely typed options of the JavaScript API. `docs/public-api.md` tells which
//! modules stay public.
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

pub mod api;
pub mod diagnostics;
#[doc(hidden)]
pub mod engine;
pub mod gij;
pub mod json;
pub mod lang;
mod name_index;
pub mod redact;
#[doc(hidden)]
pub mod report_record;
pub mod request;
pub mod schema;
mod schema_editor;
mod suggest;
pub mod values;
pub mod xray;

/// The WebAssembly exports of the npm package: only with the `wasm` feature, for `wasm32`.
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
pub mod wasm;

pub use diagnostics::{Code, Diagnostic, Report, Severity, Span};
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
    all.extend(lang::codes());
    all.extend(xray::codes());
    all
}
