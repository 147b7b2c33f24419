//! Validate and build the JSON bodies of the Git Integration for Jira integration API and the
//! JFrog Xray Jira-integration API.
//!
//! The data flows one way: JSON (text or value) -> field model -> rules -> [`diagnostics`] ->
//! builders -> request. The core knows nothing of WebAssembly; the `wasm` module (compiled only
//! for `wasm32` with the `wasm` feature, which also installs the talc allocator) is a thin
//! export layer over it. A Rust program that depends on this crate leaves the feature off and
//! keeps its own allocator and exports.

pub mod api;
pub mod diagnostics;
pub mod engine;
pub mod gij;
pub mod json;
pub mod lang;
mod name_index;
pub mod redact;
mod report_json;
pub mod request;
pub mod schema;
mod suggest;
pub mod values;
pub mod xray;

/// The WebAssembly exports of the npm package: only with the `wasm` feature, for `wasm32`.
#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
pub mod wasm;

pub use diagnostics::{Code, Diagnostic, Report, Severity, Span};

/// Every diagnostic code this crate can emit (the README's rule catalogue).
pub fn catalogue() -> Vec<&'static Code> {
    let mut all = Vec::new();
    all.extend(json::CODES);
    all.push(&engine::BODY_NOT_OBJECT);
    all.extend(api::CODES);
    all.extend(gij::codes());
    all.push(&request::INVALID_BASE_URL);
    all.extend(lang::codes());
    all.extend(xray::codes());
    all
}
