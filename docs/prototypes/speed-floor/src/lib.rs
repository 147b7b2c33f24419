//! The speed floor of issue 16: the least a validation from JSON text can cost in wasm, as hidden
//! exports measured by `bench.mjs` beside the library, `JSON.parse` and ajv.
//!
//! Every export takes the text and options as the library's `validateIntegrationJson` does (a
//! `TypeError` for a non-string, the options recognised by `src/read_options.js` in one call, the
//! text copied by one `TextEncoder.encodeInto` of `src/boundary.js`) and answers with the
//! library's record, turned into the plain `{ok, diagnostics}` by `src/boundary.js`'s `report`.
//! Options other than an operation-only object are not read: the floor is for `{operation}`.

mod checks;
mod record;

use jira_integration_payloads::json_read as borrowed;
use record::{Finding, Record, record};
use wasm_bindgen::prelude::*;

// talc, as the library's wasm build.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

// The library's own glue, so that the floor pays exactly today's boundary.
#[wasm_bindgen(module = "/../../../src/boundary.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &js_sys::JsString, into: &mut [u8]) -> i32;

    #[wasm_bindgen(js_name = codeTable)]
    fn code_table(text: &str) -> JsValue;

    fn report(words: &[u32], text: &str, codes: &JsValue) -> JsValue;
}

#[wasm_bindgen(module = "/../../../src/read_options.js")]
extern "C" {
    #[wasm_bindgen(js_name = operationOnly)]
    fn operation_only_index(options: &JsValue) -> usize;
}

thread_local! {
    static CODES: JsValue =
        code_table(&jira_integration_payloads::report_record::code_table());
}

fn to_js(r: &Record) -> JsValue {
    CODES.with(|codes| report(&r.words, &r.text, codes))
}

/// The text argument as UTF-8, copied as the library copies it; `None` when it is over the
/// library's limit.
fn text_arg(value: &JsValue, function: &str) -> Result<Option<String>, JsValue> {
    let Some(s) = value.dyn_ref::<js_sys::JsString>() else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        let message = format!("{function}: the text argument must be a string, not {kind}.");
        return Err(js_sys::TypeError::new(&message).into());
    };
    let at_least = s.length() as usize;
    if at_least > jira_integration_payloads::MAX_TEXT_BYTES {
        return Ok(None);
    }
    let mut bytes = vec![0; at_least];
    let mut written = encode_into(s, &mut bytes);
    if written < 0 {
        bytes = vec![0; at_least.saturating_mul(3)];
        written = encode_into(s, &mut bytes);
    }
    bytes.truncate(usize::try_from(written).unwrap_or(0));
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    Ok((text.len() <= jira_integration_payloads::MAX_TEXT_BYTES).then_some(text))
}

/// The record of `check` on the text argument, after the options are recognised.
fn floor(
    text: &JsValue,
    options: Option<JsValue>,
    function: &str,
    check: impl FnOnce(&str) -> Record,
) -> Result<JsValue, JsValue> {
    let _operation = options.as_ref().map(operation_only_index);
    Ok(match text_arg(text, function)? {
        Some(t) => to_js(&check(&t)),
        None => to_js(&record(Some(&checks::too_large()), "")),
    })
}

/// The boundary alone: the text copied in, today's record of an empty report out.
#[wasm_bindgen(js_name = floorBoundary)]
pub fn floor_boundary(text: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    floor(&text, options, "floorBoundary", |_| record(None, ""))
}

/// The boundary, the borrowed read and the checks ajv makes with the `gij-add` schema: a record
/// with the first failure, if any.
#[wasm_bindgen(js_name = floorGij)]
pub fn floor_gij(text: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    floor(&text, options, "floorGij", |t| gij(t, false))
}

/// As [`floor_gij`], then the one recommendation most reference examples get today
/// (`require-user-pat-recommended`): a record with one diagnostic, as today's.
#[wasm_bindgen(js_name = floorGijRecommend)]
pub fn floor_gij_recommend(text: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    floor(&text, options, "floorGijRecommend", |t| gij(t, true))
}

/// The boundary, the borrowed read and the checks ajv makes with the `xray-create` schema.
#[wasm_bindgen(js_name = floorXray)]
pub fn floor_xray(text: JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    floor(&text, options, "floorXray", |t| {
        read_then(t, checks::xray_create)
    })
}

fn gij(text: &str, recommend: bool) -> Record {
    read_then(text, |doc| {
        checks::gij_add(doc).or_else(|| recommend.then(|| checks::require_user_pat(doc)).flatten())
    })
}

/// The record of `check` on the text read, or of the read's failure.
fn read_then(
    text: &str,
    check: impl for<'d> FnOnce(&'d borrowed::Document<'d>) -> Option<Finding<'d>>,
) -> Record {
    match borrowed::read(text) {
        Ok(doc) => record(check(&doc).as_ref(), doc.text()),
        // The library's reader explains a refused text on its cold path; the prototype measures
        // valid texts and points a refusal at the text's start.
        Err(_) => record(Some(&checks::malformed(0)), text),
    }
}
