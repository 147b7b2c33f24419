//! The wasm exports in headless Chromium (`wasm-pack test --headless --chrome -- --test wasm_browser`).
#![cfg(target_arch = "wasm32")]
// wasm_bindgen_test functions are tests, but clippy does not see them as such.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "wasm/shared.rs"]
mod shared;

#[wasm_bindgen_test::wasm_bindgen_test]
fn runs_in_a_browser_window() {
    let document = js_sys::Reflect::get(
        &js_sys::global(),
        &wasm_bindgen::JsValue::from_str("document"),
    )
    .unwrap();
    assert!(document.is_object());
}
