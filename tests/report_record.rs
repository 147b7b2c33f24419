//! The compact result record (src/report_record.rs) read by its JS glue (src/boundary.js)
//! in a real Node gives, for every report, the object `JSON.parse` gives for the report's JSON
//! (`serde_json::to_string`, what the package returned before the record): the same properties in the same
//! order with the same values (`assert.deepStrictEqual`, so `-0` is not `0`). The reports are
//! those of every payload of the fuzz seeds and corpora, the test fixtures and the benchmarks,
//! through each validator, and of crafted diagnostics with every part a record can hold.
// It runs Node as a child process: a native test only.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
#[path = "../benches/payloads/mod.rs"]
mod payloads;

use jira_integration_payloads::diagnostics::{Code, Diagnostic, Report, Severity, Span};
use jira_integration_payloads::report_record::code_table;
use jira_integration_payloads::{api, catalogue};
use serde_json::{Value, json};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The texts of the corpora: fuzz seeds and corpora, fixtures, the benchmark payloads.
fn corpus() -> Vec<String> {
    let mut texts = common::corpus_texts();
    for example in payloads::gij_examples()
        .into_iter()
        .chain(payloads::xray_examples())
        .chain([payloads::worst_case()])
    {
        texts.push(serde_json::to_string(&payloads::as_form(&example.value)).unwrap());
        texts.push(example.text);
    }
    texts
}

/// The reports of one text through every validator that reports.
fn reports(text: &str, out: &mut Vec<Report>) {
    let gij = [json!({"operation": "add"}), json!({"operation": "update"})];
    let xray = [
        json!({"operation": "create"}),
        json!({"operation": "update"}),
    ];
    for options in &gij {
        out.push(api::validate_integration_json(text, options));
    }
    for options in &xray {
        out.push(api::validate_xray_jira_integration_json(text, options));
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        for options in &gij {
            out.push(api::validate_integration(&value, options));
        }
        for options in &xray {
            out.push(api::validate_xray_jira_integration(&value, options));
        }
    }
    out.push(api::check_api_path(text, &json!({"type": "GITLAB"})));
}

const UNLISTED: Code = Code::new("not-in-the-catalogue", Severity::Warning, "w");

/// Diagnostics with every part and every kind of param, non-ASCII text and escapes.
fn crafted() -> Vec<Report> {
    let listed = catalogue();
    let every_byte: String = (0u8..0x80).map(char::from).collect();
    let mut placed = Diagnostic::new(listed[0], "/a~1b/0/é", "quote \" é 😀 \u{7f} \u{2028}")
        .param("field", "origin 😀")
        .param("limit", 2000)
        .param("big", u64::MAX)
        .param("negative", -3)
        .param("ratio", 1.5)
        .param("tiny", 5e-324)
        .param("zero", -0.0)
        .param("yes", true)
        .param("none", Value::Null)
        .param("list", json!(["a\"", 1, null, {"k": true, "0": [2.5]}]))
        .param("field", "again")
        .suggest(every_byte.clone())
        .with_span(Span { start: 3, end: 9 });
    placed.line = Some(4);
    placed.column = Some(17);
    let mut reports = vec![
        Report::new(vec![]),
        Report::new(vec![
            placed,
            Diagnostic::new(&UNLISTED, "", every_byte),
            Diagnostic::new(listed[listed.len() - 1], "/x", "").suggest(""),
        ]),
    ];
    // Every code of the catalogue, each with its own severity.
    reports.push(Report::new(
        listed
            .iter()
            .map(|code| Diagnostic::new(code, "/c", code.summary))
            .collect(),
    ));
    reports
}

/// One line of the comparison's input: a record and the JSON text of its report.
fn line(report: &Report) -> String {
    let record = report.to_record();
    let expected = serde_json::to_string(report).unwrap();
    json!({"words": record.words, "text": record.text, "json": expected}).to_string()
}

// Evaluates the glue (its `export` line made a return), then compares line by line.
const COMPARE: &str = r#"
const fs = require('node:fs');
const assert = require('node:assert/strict');
const [glue, input] = process.argv.slice(1);
const body = fs.readFileSync(glue, 'utf8').replace(/^export \{([^}]*)\};\s*$/m, 'return {$1};');
const { codeTable, report } = new Function(body)();
const [table, ...lines] = fs.readFileSync(input, 'utf8').split('\n').filter(Boolean);
const codes = codeTable(JSON.parse(table));
let compared = 0;
for (const line of lines) {
  const { words, text, json } = JSON.parse(line);
  const got = report(Uint32Array.from(words), text, codes);
  const expected = JSON.parse(json);
  assert.deepStrictEqual(got, expected, json);
  assert.equal(JSON.stringify(got), JSON.stringify(expected), json);
  compared += 1;
}
console.log(`${compared} reports compared`);
"#;

#[test]
fn records_read_as_the_json_of_their_reports() {
    let mut all = crafted();
    let texts = corpus();
    for text in &texts {
        reports(text, &mut all);
    }
    let with_diagnostics = all.iter().filter(|r| !r.diagnostics.is_empty()).count();
    assert!(
        texts.len() > 150 && with_diagnostics > 500,
        "{} texts",
        texts.len()
    );

    let dir = std::env::temp_dir().join(format!("report-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let input = dir.join("records.jsonl");
    let mut file = std::fs::File::create(&input).unwrap();
    writeln!(file, "{}", Value::from(code_table())).unwrap();
    for report in &all {
        writeln!(file, "{}", line(report)).unwrap();
    }
    drop(file);

    let output = Command::new("node")
        .args(["-e", COMPARE, "--"])
        .arg(Path::new(ROOT).join("src/boundary.js"))
        .arg(&input)
        .stdin(Stdio::null())
        .output()
        .expect("node (the project's JS runtime) on PATH");
    std::fs::remove_dir_all(&dir).ok();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stdout}\n{stderr}");
    assert_eq!(stdout.trim(), format!("{} reports compared", all.len()));
    println!("{stdout} from {} texts", texts.len());
}
