//! The wasm exports in Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(target_arch = "wasm32")]
// wasm_bindgen_test functions are tests, but clippy does not see them as such.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

#[path = "wasm/shared.rs"]
mod shared;

#[path = "wasm/leaks.rs"]
mod leaks;
