//! The wasm exports, run in Node by `wasm-pack test --node` (see `make test`).
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jira_integration_payloads::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
fn version_is_the_crate_version() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn json_pointer_takes_a_js_array() {
    let tokens = serde_wasm_bindgen::to_value(&["a/b", "0"]).unwrap();
    assert_eq!(wasm::json_pointer(tokens).unwrap(), "/a~1b/0");
}

#[wasm_bindgen_test]
fn json_pointer_rejects_a_non_array() {
    let err = wasm::json_pointer(JsValue::from_f64(1.0)).unwrap_err();
    let err: js_sys::Error = JsValue::from(err).into();
    assert!(!String::from(err.message()).is_empty());
}

#[wasm_bindgen_test]
fn catalogue_is_a_js_array() {
    let value = wasm::catalogue().unwrap();
    assert!(js_sys::Array::is_array(&value));
}
