//! Validate and build the JSON bodies of the Git Integration for Jira integration API and the
//! JFrog Xray Jira-integration API.
//!
//! The data flows one way: JSON (text or value) -> field model -> rules -> [`diagnostics`] ->
//! builders -> request. The core knows nothing of WebAssembly; the `wasm` module (compiled only
//! for `wasm32`) is a thin export layer over it.

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

#[cfg(target_arch = "wasm32")]
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
    all.push(&request::BASE_URL_HAS_API_PATH);
    all.extend(lang::codes());
    all.extend(xray::codes());
    all
}
