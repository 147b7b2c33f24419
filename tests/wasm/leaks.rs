//! Bad JS input of every kind, 100,000 calls each: a diagnostic or a TypeError every time, the
//! externref table and the linear memory flat after a warm-up, and the instance still working.

use jira_integration_payloads::wasm;
use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

const CALLS: usize = 100_000;
const WARM_UP: usize = 1_000;

fn js(source: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {source}"))
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Live externref slots and the linear memory's size in bytes.
fn footprint() -> (u32, u32) {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().unchecked_into();
    let bytes = memory
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length();
    (wasm_bindgen::externref_heap_live_count(), bytes)
}

fn assert_flat(kind: &str, mut call: impl FnMut()) {
    for _ in 0..WARM_UP {
        call();
    }
    let before = footprint();
    for _ in 0..CALLS {
        call();
    }
    assert_eq!(
        footprint(),
        before,
        "{kind}: (externref slots, memory bytes)"
    );
}

fn code(result: &JsValue) -> String {
    let diagnostics = Reflect::get(result, &"diagnostics".into()).unwrap();
    let first = Reflect::get(&diagnostics, &0.into()).unwrap();
    Reflect::get(&first, &"code".into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn still_works() {
    let ok = wasm::validate_integration(
        js(r#"{"type":"GITHUB","pat":"t","requireUserPat":true}"#),
        None,
    );
    assert_eq!(Reflect::get(&ok, &"ok".into()).unwrap(), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn unreadable_payloads_leak_nothing() {
    for (kind, source) in [
        ("a BigInt", "{type: 'GITHUB', pat: 1n}"),
        (
            "a throwing getter",
            "{get type() { throw new Error('no'); }}",
        ),
        (
            "a throwing proxy",
            "new Proxy({}, {ownKeys() { throw new Error('no'); }, get() { throw new Error('no'); }})",
        ),
        ("a bare BigInt", "5n"),
    ] {
        let payload = js(source);
        assert_flat(kind, || {
            let r = wasm::validate_integration(payload.clone(), None);
            assert_eq!(code(&r), "invalid-input", "{kind}");
        });
    }
    still_works();
}

#[wasm_bindgen_test]
fn unreadable_options_leak_nothing() {
    for (kind, source) in [
        (
            "a BigInt option",
            "{operation: 'update', integrationId: 1n}",
        ),
        (
            "a throwing getter",
            "{get operation() { throw new Error('no'); }}",
        ),
        (
            "a throwing proxy",
            "new Proxy({}, {ownKeys() { throw new Error('no'); }})",
        ),
    ] {
        let options = js(source);
        assert_flat(kind, || {
            let r = wasm::validate_integration_json("{}".into(), Some(options.clone())).unwrap();
            assert_eq!(code(&r), "invalid-input", "{kind}");
        });
    }
    still_works();
}

/// Values that are no string, where one is expected: what the JS glue of a `&str` parameter
/// copied (and leaked) or tried to allocate 4 GiB for.
fn not_strings() -> Vec<(&'static str, JsValue)> {
    vec![
        ("a Buffer", js("new Uint8Array(4096)")),
        ("a length of -1", js("({length: -1})")),
        ("a huge length", js("({length: 2 ** 31})")),
        ("a BigInt", js("5n")),
        ("a Symbol", js("Symbol('s')")),
        ("a number", js("5")),
        ("undefined", JsValue::UNDEFINED),
        (
            "a throwing proxy",
            js("new Proxy({}, {get() { throw new Error('no'); }})"),
        ),
    ]
}

fn type_error_names(result: Result<JsValue, JsValue>, argument: &str) {
    let error = result.unwrap_err();
    assert!(error.is_instance_of::<js_sys::TypeError>());
    let message = String::from(error.unchecked_into::<js_sys::Error>().message());
    assert!(message.contains(argument), "{message}");
}

#[wasm_bindgen_test]
fn a_non_string_where_a_string_is_expected_is_a_type_error_and_leaks_nothing() {
    for (kind, value) in not_strings() {
        assert_flat(kind, || {
            type_error_names(wasm::check_jmespath(value.clone(), None), "expression");
        });
        type_error_names(wasm::validate_integration_json(value.clone(), None), "text");
        type_error_names(
            wasm::validate_xray_jira_integration_json(value.clone(), None),
            "text",
        );
        type_error_names(wasm::check_java_regex(value.clone(), None), "pattern");
        type_error_names(wasm::check_ref_specs(value.clone()), "text");
        type_error_names(wasm::check_api_path(value.clone(), None), "path");
        type_error_names(wasm::parse_integration_response(value.clone()), "text");
        type_error_names(wasm::known_api_paths(value.clone()), "type");
        type_error_names(wasm::json_schema(value.clone()), "name");
        type_error_names(
            wasm::parse_xray_response(200.into(), value.clone(), None),
            "text",
        );
        if value.as_f64().is_none() {
            type_error_names(
                wasm::parse_xray_response(value.clone(), "{}".into(), None),
                "status",
            );
        }
    }
    still_works();
}

#[wasm_bindgen_test]
fn huge_strings_are_refused_before_they_are_copied() {
    let huge = JsValue::from(js_sys::JsString::from("a").repeat(10_000_000));
    assert_flat("a 10 MB text", || {
        let r = wasm::validate_integration_json(huge.clone(), None).unwrap();
        assert_eq!(code(&r), "input-too-large");
    });
    let r = wasm::check_jmespath(huge.clone(), None).unwrap();
    assert_eq!(code(&r), "input-too-large");
    let options: JsValue = Object::new().into();
    Reflect::set(&options, &"operation".into(), &"add".into()).unwrap();
    Reflect::set(&options, &"baseUrl".into(), &huge).unwrap();
    let form = js("{type: 'GITHUB', pat: 't', global: 'true'}");
    assert_flat("a 10 MB baseUrl", || {
        let r = wasm::build_integration_request(form.clone(), Some(options.clone()));
        assert_eq!(code(&r), "invalid-option");
        let text = js_sys::JSON::stringify(&r).unwrap().as_string().unwrap();
        assert!(text.len() < 1000, "echoed: {} bytes", text.len());
    });
    let name = js("({operation: 'details', connectionName: 'c'.repeat(10_000_000)})");
    let r = wasm::build_xray_jira_integration_request(js("{}"), Some(name));
    assert_eq!(code(&r), "invalid-option");
    still_works();
}

#[wasm_bindgen_test]
fn objects_over_the_json_text_limits_get_the_text_diagnostics() {
    let wide = js("Object.fromEntries(Array.from({length: 200000}, (_, i) => ['k' + i, i]))");
    let r = wasm::validate_integration(wide.clone(), None);
    assert_eq!(code(&r), "input-too-large");
    let r = wasm::validate_integration_json("{}".into(), Some(wide)).unwrap();
    assert_eq!(code(&r), "input-too-large");
    let deep = js("(() => { let v = 1; for (let i = 0; i < 200; i++) v = [v]; return v; })()");
    let r = wasm::validate_integration(deep, None);
    assert_eq!(code(&r), "nesting-too-deep");
    assert!(
        Reflect::get(
            &Reflect::get(&Reflect::get(&r, &"diagnostics".into()).unwrap(), &0.into()).unwrap(),
            &"line".into()
        )
        .unwrap()
        .is_undefined()
    );
    still_works();
}

#[wasm_bindgen_test]
fn a_plain_object_is_read_without_leaking() {
    let payload = js("{type: 'GITHUB', pat: 't'}");
    assert_flat("a valid payload", || {
        let _ = wasm::validate_integration(payload.clone(), None);
    });
}
