//! The object route of the wasm validators (`src/wasm.rs`'s `validate_object`): a payload object
//! crosses as its `JSON.stringify` text, which the wasm used to parse into a `Value` and validate
//! from there, and now validates as a JSON text with the line and column dropped. For every text
//! `JSON.stringify` writes, the two routes give the same report, compared whole (`PartialEq`:
//! every diagnostic, code, message, param, suggestion and span). The texts are written by a real
//! Node's `JSON.stringify`, whose numbers and escapes are not serde_json's: from every value of
//! the fuzz seeds and corpora, the fixtures and the benchmark payloads, and from the reference's
//! examples with each field set to odd values (`-0`, `1e21`, `2 ** 53 + 1`, `NaN`, lone
//! surrogates, sparse arrays, `toJSON`, nesting at and past the limit, ...).
// It runs Node as a child process: a native test only.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;
#[path = "../benches/payloads/mod.rs"]
mod payloads;

use jira_integration_payloads::api;
use jira_integration_payloads::diagnostics::Report;
use jira_integration_payloads::json_read as json;
use serde_json::{Value, json};
use std::process::{Command, Stdio};

/// What the wasm did before: the text parsed into a `Value` (a refused text is `parse`'s
/// diagnostic without a position), validated from the `Value`.
fn through_value(text: &str, options: &Value, validate: fn(&Value, &Value) -> Report) -> Report {
    match json::parse(text) {
        Ok(parsed) => validate(&parsed.value, options),
        Err(mut d) => {
            (d.line, d.column) = (None, None);
            Report::new(vec![d])
        }
    }
}

/// What it does now: the text validated as text, without line and column.
fn through_text(text: &str, options: &Value, validate: fn(&str, &Value) -> Report) -> Report {
    let mut report = validate(text, options);
    for d in &mut report.diagnostics {
        (d.line, d.column) = (None, None);
    }
    report
}

// Reads a JSON array of texts on stdin; writes one JSON.stringify text a line: each text's value
// (texts that are not JSON are left out) and the generated odd payloads.
const STRINGIFY: &str = r#"
const input = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const out = [];
const add = (value) => { const t = JSON.stringify(value); if (typeof t === 'string') out.push(t); };
for (const text of input.texts) {
  try { add(JSON.parse(text)); } catch (_) { /* not JSON: no object has it as its text */ }
}
const nest = (depth) => { let v = 'x'; for (let i = 0; i < depth; i++) v = i % 2 ? { k: v } : [v]; return v; };
const odd = [-0, 0, 1e21, 1e-7, 0.1, 2 ** 53 + 1, -(2 ** 63), 1.7976931348623157e308, 5e-324, NaN,
  Infinity, -Infinity, true, false, null, undefined, () => 1, Symbol('s'), '', ' ', '\ud800',
  'a\udc00b', '\u2028\u2029\u0000\u001f"\\/', 'é😀', 'x'.repeat(9000), [], [1, , 3], [undefined],
  [null, -0, 'a'], {}, { toJSON: () => 'json' }, new Date(0), new Map([[1, 2]]), new Uint8Array(2),
  Object.create(null), { a: { b: [1, { c: -0 }] } }, nest(126), nest(127), nest(128), nest(200),
  ['10000', '10100'], [10000, 10100], 'true', '10000, 10100', 42, -1, 65536, 3.5];
for (const example of input.examples) {
  const base = JSON.parse(example);
  for (const key of Object.keys(base).concat(['unknownField', '__proto__'])) {
    for (const value of odd) {
      const copy = { ...base };
      Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
      add(copy);
    }
  }
}
for (const value of odd) add(value);
process.stdout.write(out.join('\n'));
"#;

/// Node's `JSON.stringify` texts of the corpora and of the odd payloads.
fn stringified() -> Vec<String> {
    let mut texts = common::corpus_texts();
    let mut examples = Vec::new();
    for example in payloads::gij_examples()
        .into_iter()
        .chain(payloads::xray_examples())
    {
        texts.push(serde_json::to_string(&payloads::as_form(&example.value)).unwrap());
        examples.push(example.text);
    }
    texts.push(payloads::worst_case().text);
    let input = json!({ "texts": texts, "examples": examples }).to_string();
    let mut child = Command::new("node")
        .args(["-e", STRINGIFY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node (the project's JS runtime) on PATH");
    let mut stdin = child.stdin.take().unwrap();
    let writer =
        std::thread::spawn(move || std::io::Write::write_all(&mut stdin, input.as_bytes()));
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .split('\n')
        .map(str::to_owned)
        .collect()
}

#[test]
fn stringified_objects_validate_as_text_exactly_as_from_a_value() {
    let texts = stringified();
    let (mut compared, mut with_diagnostics, mut refused) = (0, 0, 0);
    let gij = [json!({"operation": "add"}), json!({"operation": "update"})];
    let xray = [
        json!({"operation": "create"}),
        json!({"operation": "update"}),
    ];
    for text in &texts {
        let mut pairs = Vec::new();
        for o in &gij {
            pairs.push((
                through_value(text, o, api::validate_integration),
                through_text(text, o, api::validate_integration_json),
            ));
        }
        for o in &xray {
            pairs.push((
                through_value(text, o, api::validate_xray_jira_integration),
                through_text(text, o, api::validate_xray_jira_integration_json),
            ));
        }
        refused += usize::from(json::parse(text).is_err());
        for (value, text_route) in pairs {
            assert_eq!(value, text_route, "{text}");
            compared += 1;
            with_diagnostics += usize::from(!value.diagnostics.is_empty());
        }
    }
    // The corpora and the odd values reached what they are here for.
    assert!(texts.len() > 4_000, "{} texts", texts.len());
    assert!(
        with_diagnostics > 10_000 && refused > 10,
        "{with_diagnostics} {refused}"
    );
    println!(
        "{compared} reports compared from {} texts, {with_diagnostics} with diagnostics, {refused} refused",
        texts.len()
    );
}
