//! The wasm exports in Node (`wasm-pack test --node -- --test wasm_node`).
#![cfg(target_arch = "wasm32")]

#[path = "wasm/shared.rs"]
mod shared;
