//! The payloads the benchmarks run on: the reference's realistic examples (as the JSON text the
//! reference prints, and as values) and a worst case.
// Benchmark set-up: a missing or malformed reference is a failed run.
#![allow(
    dead_code,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{Value, json};

/// One example: the JSON text as printed, and its value.
pub struct Example {
    /// The JSON text.
    pub text: String,
    /// The parsed value.
    pub value: Value,
}

fn reference() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/api-reference.md");
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The ```json blocks between two headings; a block with several top-level objects (one per
/// line starting with `{`) gives one example each.
fn examples_between(start: &str, end: &str) -> Vec<Example> {
    let doc = reference();
    let section = doc
        .find("# Realistic example payloads")
        .expect("examples section");
    let from = section + doc[section..].find(start).expect("start heading");
    let to = doc[from..].find(end).map_or(doc.len(), |i| from + i);
    let mut out = Vec::new();
    for block in doc[from..to].split("```json\n").skip(1) {
        let block = block.split("```").next().unwrap_or("");
        let mut current = String::new();
        for line in block.lines() {
            if line.starts_with('{') && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            current.push_str(line);
            current.push('\n');
        }
        out.push(current);
    }
    out.into_iter()
        .map(|text| Example {
            value: serde_json::from_str(&text).expect("example is JSON"),
            text,
        })
        .collect()
}

/// The 11 GIJ add examples of §"Realistic example payloads".
pub fn gij_examples() -> Vec<Example> {
    let all = examples_between("### GIJ: POST", "### GIJ: PUT");
    assert_eq!(all.len(), 11, "the reference has 11 GIJ add examples");
    all
}

/// The two Xray create examples.
pub fn xray_examples() -> Vec<Example> {
    let all = examples_between("### Xray", "Update, `PUT");
    assert_eq!(all.len(), 2, "the reference has 2 Xray create examples");
    all
}

/// Form state as an admin form holds it: every value a string ("true", "10000, 10100").
pub fn as_form(value: &Value) -> Value {
    let Value::Object(map) = value else {
        return value.clone();
    };
    Value::Object(
        map.iter()
            .map(|(k, v)| {
                let s = match v {
                    Value::String(s) => s.clone(),
                    Value::Array(items) => items
                        .iter()
                        .map(|i| i.to_string())
                        .collect::<Vec<_>>()
                        .join(", "),
                    other => other.to_string(),
                };
                (k.clone(), Value::String(s))
            })
            .collect(),
    )
}

/// A long but valid filter, pattern or refspec list: `unit(i)` joined by `sep` while the
/// result stays under `max` characters.
fn long(max: usize, sep: &str, unit: impl Fn(usize) -> String) -> String {
    let mut s = String::new();
    for i in 0.. {
        let next = unit(i);
        if s.len() + sep.len() + next.len() > max {
            break;
        }
        if i > 0 {
            s.push_str(sep);
        }
        s.push_str(&next);
    }
    s
}

/// A valid `apiFilter` just under the 2,000-character limit; `variant` changes its text.
pub fn long_filter(variant: usize) -> String {
    format!(
        "[?{}]",
        long(1990, " || ", |i| format!(
            "starts_with(name, 'v{variant}-{i}')"
        ))
    )
}

/// A valid `tagsFilter` just under the 2,000-character limit; `variant` changes its text.
pub fn long_pattern(variant: usize) -> String {
    format!(
        "^({}).*",
        long(1990, "|", |i| format!("release{variant}-{i}"))
    )
}

/// Every field set, filters, patterns and refspecs just under the 2,000-character limit, and
/// 10,000 project ids: the most work one payload can ask for.
pub fn worst_case() -> Example {
    let filter = long_filter(0);
    let tags = long_pattern(0);
    let hide = format!("^({}).*", long(1990, "|", |i| format!("(?:test|wip)-{i}")));
    let refspecs = long(1990, ",", |i| format!("+refs/meta/m{i}/*:refs/meta/m{i}/*"));
    let ids: Vec<u64> = (0..10_000).map(|i| 10_000 + i).collect();
    let value = json!({
        "type": "GITHUB_SERVER", "displayName": "x".repeat(1999),
        "origin": "http://ghe.example.com:8080/", "username": "bot", "password": "p", "pat": "t",
        "awsRegion": "eu-west-1", "tfsCollection": "DefaultCollection", "folderDepth": 3,
        "apiPath": "/orgs/acme/repos", "apiFilter": filter, "global": false,
        "projectMappingIds": ids, "disabled": false, "gitViewerEnabled": true,
        "smartCommitsEnabled": true, "sourcesDiffViewEnabled": true, "revisionIndexing": true,
        "requireUserPat": false, "sendCommitEmails": true, "maxMinsToCommitEmail": 60,
        "disableSslVerification": true, "tagsFilter": tags, "prHideFilter": hide,
        "refSpecNotes": true, "refSpecChanges": true, "refSpecCustom": refspecs,
        "trustFolderStat": true, "limitGitData": false
    });
    Example {
        text: serde_json::to_string_pretty(&value).expect("serialises"),
        value,
    }
}
