//! The wasm exports, run in headless Chromium by `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use jira_integration_payloads::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn runs_in_a_browser_window() {
    let document = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("document")).unwrap();
    assert!(document.is_object());
}

#[wasm_bindgen_test]
fn exports_work_in_the_browser() {
    assert_eq!(wasm::version(), env!("CARGO_PKG_VERSION"));
    let tokens = serde_wasm_bindgen::to_value(&["x~y"]).unwrap();
    assert_eq!(wasm::json_pointer(tokens).unwrap(), "/x~0y");
}
