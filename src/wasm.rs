//! WebAssembly exports (PLACEHOLDER: the lead replaces this with the real API).
//!
//! Typing convention: a value crossing as `JsValue` gets its TypeScript type from
//! `unchecked_param_type` / `unchecked_return_type`, and any named type it uses is declared in a
//! `typescript_custom_section`, so the generated `.d.ts` never says `any`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** One entry of the rule catalogue. */
export interface CodeInfo {
  id: string;
  severity: "error" | "warning" | "info";
  summary: string;
}
"#;

/// The crate version, e.g. `"0.1.0"`.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

#[derive(Serialize)]
struct CodeInfo {
    id: &'static str,
    severity: &'static str,
    summary: &'static str,
}

/// Every diagnostic code the crate can emit.
#[wasm_bindgen(unchecked_return_type = "CodeInfo[]")]
pub fn catalogue() -> Result<JsValue, JsError> {
    let codes: Vec<CodeInfo> = crate::catalogue()
        .into_iter()
        .map(|c| CodeInfo {
            id: c.id,
            severity: c.severity.as_str(),
            summary: c.summary,
        })
        .collect();
    Ok(serde_wasm_bindgen::to_value(&codes)?)
}

/// Joins reference tokens into an RFC 6901 JSON Pointer (`["a/b", "0"]` -> `"/a~1b/0"`).
#[wasm_bindgen(js_name = jsonPointer)]
pub fn json_pointer(
    #[wasm_bindgen(unchecked_param_type = "readonly string[]")] tokens: JsValue,
) -> Result<String, JsError> {
    let tokens: Vec<String> = serde_wasm_bindgen::from_value(tokens)?;
    Ok(tokens.iter().fold(String::new(), |acc, t| {
        crate::diagnostics::pointer_push(&acc, t)
    }))
}
