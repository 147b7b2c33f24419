//! Checks of the wasm exports shared by the Node and the Chromium runs: the exports are called as
//! Rust functions on JS values, inside a real JS engine.

use jira_integration_payloads::{api, wasm};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The exports that take a string, called with Rust strings (they take any `JsValue`).
mod text {
    use jira_integration_payloads::wasm;
    use wasm_bindgen::JsValue;

    pub fn validate_integration_json(text: &str, options: Option<JsValue>) -> JsValue {
        wasm::validate_integration_json(text.into(), options).unwrap()
    }

    pub fn validate_xray_jira_integration_json(text: &str, options: Option<JsValue>) -> JsValue {
        wasm::validate_xray_jira_integration_json(text.into(), options).unwrap()
    }

    pub fn check_jmespath(expression: &str, options: Option<JsValue>) -> JsValue {
        wasm::check_jmespath(expression.into(), options).unwrap()
    }

    pub fn check_java_regex(pattern: &str, options: Option<JsValue>) -> JsValue {
        wasm::check_java_regex(pattern.into(), options).unwrap()
    }

    pub fn parse_integration_response(text: &str) -> JsValue {
        wasm::parse_integration_response(text.into()).unwrap()
    }
}

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).unwrap()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn diagnostics(result: &JsValue) -> Vec<JsValue> {
    get(result, "diagnostics")
        .dyn_into::<Array>()
        .unwrap()
        .iter()
        .collect()
}

fn codes(result: &JsValue) -> Vec<String> {
    diagnostics(result)
        .iter()
        .map(|d| get(d, "code").as_string().unwrap())
        .collect()
}

#[wasm_bindgen_test]
fn gerrit_without_origin_is_an_error_at_origin() {
    let r = wasm::validate_integration(
        obj(r#"{"type":"GERRIT","username":"u","password":"p"}"#),
        None,
    );
    assert_eq!(get(&r, "ok"), JsValue::FALSE);
    let d = &diagnostics(&r)[0];
    assert_eq!(
        get(d, "code").as_string().unwrap(),
        "missing-required-field"
    );
    assert_eq!(get(d, "path").as_string().unwrap(), "/origin");
}

#[wasm_bindgen_test]
fn json_text_errors_have_line_and_column() {
    let r =
        text::validate_integration_json("{\n  \"type\": \"GITHUB\",\n  \"pat\": \"t\",\n}", None);
    let d = &diagnostics(&r)[0];
    assert_eq!(get(d, "line").as_f64(), Some(3.0));
    assert_eq!(get(d, "column").as_f64(), Some(13.0));
}

#[wasm_bindgen_test]
fn a_cyclic_object_is_a_diagnostic_and_the_instance_survives() {
    let cyclic = Object::new();
    Reflect::set(&cyclic, &JsValue::from_str("self"), &cyclic).unwrap();
    let r = wasm::validate_integration(cyclic.into(), None);
    assert_eq!(codes(&r), ["invalid-input"]);
    let ok = wasm::validate_integration(
        obj(r#"{"type":"GITHUB","pat":"t","requireUserPat":true}"#),
        None,
    );
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn deep_inputs_never_trap() {
    let deep_text = "[".repeat(200_000);
    assert_eq!(
        codes(&text::validate_integration_json(&deep_text, None)),
        ["nesting-too-deep"]
    );
    // A JS value nested far deeper than JSON.stringify can walk.
    let mut v: JsValue = Array::new().into();
    for _ in 0..200_000 {
        let outer = Array::new();
        outer.push(&v);
        v = outer.into();
    }
    // Whether JSON.stringify can walk it depends on the engine's stack (Node's cannot, Chromium's
    // can): either way the answer is one diagnostic, never a trap.
    let found = codes(&wasm::validate_integration(v, None));
    assert!(
        found == ["invalid-input"] || found == ["nesting-too-deep"],
        "{found:?}"
    );
    let ok = wasm::validate_integration(
        obj(r#"{"type":"GITLAB","pat":"t","requireUserPat":true}"#),
        None,
    );
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn build_returns_a_request_only_without_errors() {
    let form = obj(
        r#"{"type":"GITLAB","pat":"glpat","global":"false","projectMappingIds":"10000, 10100 ","requireUserPat":"on"}"#,
    );
    let r = wasm::build_integration_request(
        form,
        Some(obj(
            r#"{"operation":"add","baseUrl":"https://jira.example.com"}"#,
        )),
    );
    let request = get(&r, "request");
    assert_eq!(
        get(&request, "url").as_string().unwrap(),
        "https://jira.example.com/rest/gitplugin/1.0/integration"
    );
    let ids = get(&get(&request, "body"), "projectMappingIds");
    assert_eq!(
        js_sys::JSON::stringify(&ids).unwrap().as_string().unwrap(),
        "[10000,10100]"
    );
    let bad = wasm::build_integration_request(obj(r#"{"type":"GERRIT"}"#), None);
    assert!(get(&bad, "request").is_undefined());
}

#[wasm_bindgen_test]
fn redaction_and_types_and_catalogue() {
    let red = wasm::redact_integration(obj(r#"{"type":"GITHUB","pat":"ghp_secret"}"#));
    assert_eq!(get(&red, "pat").as_string().unwrap(), "[REDACTED]");
    let types = wasm::integration_types().dyn_into::<Array>().unwrap();
    assert_eq!(types.length(), 12);
    let catalogue = wasm::rule_catalogue().dyn_into::<Array>().unwrap();
    assert!(catalogue.length() > 40);
    let resp = text::parse_integration_response(r#"{"success":"true","integration":[{"id":3}]}"#);
    assert_eq!(get(&get(&resp, "integration"), "id").as_f64(), Some(3.0));
}

#[wasm_bindgen_test]
fn deep_jmespath_never_traps_and_the_instance_survives() {
    for expr in [
        "[".repeat(1500),
        "(".repeat(5000),
        "!".repeat(100_000),
        "{a:".repeat(3000),
        "[?".repeat(2000),
    ] {
        let r = text::check_jmespath(&expr, None);
        assert_eq!(get(&r, "ok"), JsValue::FALSE);
    }
    let ok = text::check_jmespath("[?contains(name, 'git')]", None);
    assert_eq!(get(&ok, "ok"), JsValue::TRUE);
}

#[wasm_bindgen_test]
fn java_regex_deep_nesting_never_traps() {
    let deep = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
    assert_eq!(
        get(&text::check_java_regex(&deep, None), "ok"),
        JsValue::FALSE
    );
    let r = text::check_java_regex(
        "^((?!release-2).)*$",
        Some(obj(r#"{"tags":["release-1","release-2"]}"#)),
    );
    let shown = get(&get(&r, "preview"), "shown");
    assert_eq!(
        js_sys::JSON::stringify(&shown)
            .unwrap()
            .as_string()
            .unwrap(),
        r#"["release-1"]"#
    );
}

/// Options cross property by property; the result must be what the same options give as JSON.
#[wasm_bindgen_test]
fn options_objects_read_as_their_json() {
    let body = r#"{"id": 7, "pat": "t", "requireUserPat": true}"#;
    let current = r#"{"integration": {"id": 7, "integrationType": "GITHUB"}}"#;
    let cases: Vec<(JsValue, serde_json::Value)> = vec![
        (
            obj(&format!(
                r#"{{"operation":"update","integrationId":7,"current":{current}}}"#
            )),
            serde_json::from_str(&format!(
                r#"{{"operation":"update","integrationId":7,"current":{current}}}"#
            ))
            .unwrap(),
        ),
        (
            obj(r#"{"operation":"update","integrationId":"8"}"#),
            serde_json::json!({"operation": "update", "integrationId": "8"}),
        ),
        (
            obj(r#"{"operation":"update","integrationId":7.5}"#),
            serde_json::json!({"operation": "update", "integrationId": 7.5}),
        ),
        (
            obj(r#"{"operation":5}"#),
            serde_json::json!({"operation": 5}),
        ),
        (obj("[1]"), serde_json::json!([1])),
        (JsValue::from_str("update"), serde_json::json!("update")),
        // The shapes recognised in one call (src/read_options.js), and near misses.
        (
            obj(r#"{"operation":"add"}"#),
            serde_json::json!({"operation": "add"}),
        ),
        (
            obj(r#"{"operation":"update"}"#),
            serde_json::json!({"operation": "update"}),
        ),
        (
            obj(r#"{"operation":"create"}"#),
            serde_json::json!({"operation": "create"}),
        ),
        (
            obj(r#"{"operation":"Update"}"#),
            serde_json::json!({"operation": "Update"}),
        ),
        (
            obj(r#"{"operation":"update","integrationId":null}"#),
            serde_json::json!({"operation": "update", "integrationId": null}),
        ),
        (
            JsValue::from(Object::create(
                obj(r#"{"operation":"update"}"#).unchecked_ref::<Object>(),
            )),
            serde_json::json!({}),
        ),
    ];
    for (js, json) in cases {
        let from_js = js_sys::JSON::stringify(&text::validate_integration_json(body, Some(js)))
            .unwrap()
            .as_string()
            .unwrap();
        let from_json = serde_json::to_string(
            &jira_integration_payloads::api::validate_integration_json(body, &json),
        )
        .unwrap();
        assert_eq!(from_js, from_json, "{json}");
    }
    // undefined, NaN and function properties are left out or null, as JSON.stringify does.
    let odd = obj(r#"{"operation":"update"}"#);
    Reflect::set(&odd, &"integrationId".into(), &JsValue::from_f64(f64::NAN)).unwrap();
    Reflect::set(&odd, &"current".into(), &JsValue::UNDEFINED).unwrap();
    Reflect::set(
        &odd,
        &"f".into(),
        &js_sys::Function::new_no_args("return 1"),
    )
    .unwrap();
    let r = text::validate_integration_json(body, Some(odd));
    assert!(codes(&r).contains(&"invalid-integration-id".to_string()));
}

#[wasm_bindgen_test]
fn operation_only_options_read_like_any_other_object() {
    // Every operation of both APIs, through the one-call path and through JSON; the Xray builder
    // tells details, delete and status apart, so the two OPERATIONS lists must agree.
    let gij = r#"{"id": 7, "type": "GITHUB", "pat": "t"}"#;
    let xray = r#"{"connection_name": "c", "auth_type": "basic", "username": "u", "password": "p", "jira_server_url": "https://j.example.com"}"#;
    let xray_value: serde_json::Value = serde_json::from_str(xray).unwrap();
    for op in [
        "add", "update", "create", "details", "delete", "status", "other",
    ] {
        let options = format!(r#"{{"operation":"{op}"}}"#);
        let json: serde_json::Value = serde_json::from_str(&options).unwrap();
        let from_js = stringify(&text::validate_integration_json(gij, Some(obj(&options))));
        let expected = api::validate_integration_json(gij, &json);
        assert_eq!(from_js, serde_json::to_string(&expected).unwrap(), "{op}");
        let from_js = stringify(&text::validate_xray_jira_integration_json(
            xray,
            Some(obj(&options)),
        ));
        let expected = api::validate_xray_jira_integration_json(xray, &json);
        assert_eq!(from_js, serde_json::to_string(&expected).unwrap(), "{op}");
        let from_js = stringify(&wasm::build_xray_jira_integration_request(
            obj(xray),
            Some(obj(&options)),
        ));
        let expected = api::build_xray_jira_integration_request(&xray_value, &json);
        assert_eq!(from_js, serde_json::to_string(&expected).unwrap(), "{op}");
    }
    // Values that are none of the operations: what reading the object in full gives.
    for value in ["null", "5", "true", r#""Update""#, "[1]", r#"{"a":1}"#] {
        let options = format!(r#"{{"operation":{value}}}"#);
        let json: serde_json::Value = serde_json::from_str(&options).unwrap();
        let from_js = stringify(&text::validate_integration_json(gij, Some(obj(&options))));
        let expected = api::validate_integration_json(gij, &json);
        assert_eq!(
            from_js,
            serde_json::to_string(&expected).unwrap(),
            "{value}"
        );
    }
    // A getter is read once, as JSON.stringify reads it, whether or not its value is known.
    for (value, counter) in [("update", "__readsKnown"), ("Update", "__readsOther")] {
        let counted = Object::new();
        let descriptor = obj(r#"{"enumerable": true}"#);
        let getter = js_sys::Function::new_no_args(&format!(
            "globalThis.{counter} = (globalThis.{counter} || 0) + 1; return '{value}';"
        ));
        Reflect::set(&descriptor, &"get".into(), &getter).unwrap();
        Object::define_property(&counted, &"operation".into(), descriptor.unchecked_ref());
        let r = text::validate_integration_json(gij, Some(counted.into()));
        let expected =
            api::validate_integration_json(gij, &serde_json::json!({ "operation": value }));
        assert_eq!(stringify(&r), serde_json::to_string(&expected).unwrap());
        let reads = Reflect::get(&js_sys::global(), &counter.into()).unwrap();
        assert_eq!(reads.as_f64(), Some(1.0), "{value}");
    }
    // undefined and a function are left out, as JSON.stringify leaves them out.
    for value in [JsValue::UNDEFINED, js_sys::Function::new_no_args("").into()] {
        let options = Object::new();
        Reflect::set(&options, &"operation".into(), &value).unwrap();
        let r = text::validate_integration_json(gij, Some(options.into()));
        let expected = api::validate_integration_json(gij, &serde_json::json!({}));
        assert_eq!(stringify(&r), serde_json::to_string(&expected).unwrap());
    }
}

#[wasm_bindgen_test]
fn large_whole_numbers_in_options_read_as_json_stringify_writes_them() {
    // A numeric connectionName becomes the name in the request path: around and beyond 2^53 and
    // 2^64, negative too, the object path must give what parsing JSON.stringify's text gives
    // (V8 is the oracle).
    let form = r#"{"connection_name": "c"}"#;
    for n in [
        "9007199254740993",
        "1152921504606846976",
        "-1152921504606846976",
        "18446744073709551615",
        "18446744073709551616",
        "36893488147419103232",
        "1e20",
        "1e21",
        "-9223372036854775808",
        "-9223372036854777856",
        "1.5e300",
        "12",
        "0.5",
    ] {
        let options = obj(&format!(
            r#"{{"operation":"details","connectionName":{n}}}"#
        ));
        let text = stringify(&options);
        let json: serde_json::Value = serde_json::from_str(&text).unwrap();
        let from_js = stringify(&wasm::build_xray_jira_integration_request(
            obj(form),
            Some(options),
        ));
        let expected =
            api::build_xray_jira_integration_request(&serde_json::from_str(form).unwrap(), &json);
        assert_eq!(
            from_js,
            serde_json::to_string(&expected).unwrap(),
            "{n} as {text}"
        );
    }
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).unwrap().as_string().unwrap()
}

#[wasm_bindgen_test]
fn options_that_throw_when_read_are_a_diagnostic_and_the_instance_survives() {
    let handler = Object::new();
    let throws = js_sys::Function::new_no_args("throw new Error('no')");
    Reflect::set(&handler, &"ownKeys".into(), &throws).unwrap();
    let proxy = js_sys::Proxy::new(&Object::new(), &handler);
    let r = text::validate_integration_json("{}", Some(proxy.into()));
    assert_eq!(codes(&r), ["invalid-input"]);
    let get_throws = Object::new();
    Reflect::set(&get_throws, &"get".into(), &throws).unwrap();
    let proxy = js_sys::Proxy::new(&obj(r#"{"operation":"add"}"#), &get_throws);
    let r = text::validate_integration_json("{}", Some(proxy.into()));
    assert_eq!(codes(&r), ["invalid-input"]);
    let ok = text::validate_integration_json(r#"{"type":"GITHUB","pat":"t"}"#, Some(obj("{}")));
    assert!(!codes(&ok).contains(&"invalid-input".to_string()));
}

/// A JS function of `args` with `body`, called with `arg`.
fn js_call(args: &str, body: &str, arg: &JsValue) -> JsValue {
    js_sys::Function::new_with_args(args, body)
        .call1(&JsValue::NULL, arg)
        .unwrap()
}

#[wasm_bindgen_test]
fn the_callers_text_is_redacted_before_it_is_cut() {
    // A key whose password runs past the 40 characters a diagnostic shows of a key.
    let key = JsValue::from(format!(
        "https://bob:{}@git.example.com",
        "hunter2".repeat(8)
    ));
    let long_value = js_call("k", "return {[k]: 'a'.repeat(9000)};", &key);
    let r = wasm::check_api_path("/x".into(), Some(long_value)).unwrap();
    assert_eq!(codes(&r), ["invalid-option"]);
    assert!(!stringify(&r).contains("hunter2"), "{}", stringify(&r));
    let getter = "return Object.defineProperty({}, k, \
        {enumerable: true, get() { throw new Error('no'); }});";
    let throwing_getter = js_call("k", getter, &key);
    let r = text::validate_integration_json("{}", Some(throwing_getter));
    assert_eq!(codes(&r), ["invalid-input"]);
    assert!(!stringify(&r).contains("hunter2"), "{}", stringify(&r));
    // What the caller's own code throws is their free text: not echoed.
    let to_json = "return {toJSON() { throw new Error(m); }};";
    let payload = js_call("m", to_json, &"password hunter2".into());
    let r = wasm::validate_integration(payload, None);
    assert_eq!(codes(&r), ["invalid-input"]);
    assert!(!stringify(&r).contains("hunter2"), "{}", stringify(&r));
    // A TypeError's message says what is wrong: redacted, then cut to 200 characters.
    let url = format!("https://bob:{}@git.example.com", "hunter2".repeat(40));
    let payload = js_call(
        "m",
        "return {toJSON() { throw new TypeError(m); }};",
        &url.into(),
    );
    let r = wasm::validate_integration(payload, None);
    assert_eq!(codes(&r), ["invalid-input"]);
    assert!(!stringify(&r).contains("hunter2"), "{}", stringify(&r));
    assert!(stringify(&r).contains("https://bob:[REDACTED]@git.example.com"));
}

#[wasm_bindgen_test]
fn a_text_argument_is_held_to_its_limit_in_utf8_bytes() {
    // 600,000 UTF-16 units, 1,200,000 UTF-8 bytes: over the 1 MiB a JSON text may be.
    let text = "é".repeat(600_000);
    let r = text::check_jmespath(&text, None);
    assert_eq!(codes(&r), ["input-too-large"]);
    let params = get(&diagnostics(&r)[0], "params");
    assert_eq!(get(&params, "size").as_f64(), Some(1_200_000.0));
}
