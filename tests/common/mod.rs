//! Helpers shared by the integration tests (`mod common;` in a test file): generators and inputs
//! more than one test file needs, so that the files agree on them.
// Each test file is its own crate and uses only some of these.
#![allow(dead_code)]

use jira_integration_payloads::Report;
#[cfg(not(target_arch = "wasm32"))]
use jira_integration_payloads::gij::types::{Credential, IntegrationType};
#[cfg(not(target_arch = "wasm32"))]
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

// proptest is a native-only dev-dependency; the other helpers also serve wasm test builds.
#[cfg(not(target_arch = "wasm32"))]
/// One of the credential sets the type table accepts for `ty` (§A2), or none for a type
/// without credentials.
pub fn credential_set(ty: IntegrationType) -> BoxedStrategy<Vec<Credential>> {
    let sets: Vec<&'static [Credential]> = ty.info().credentials.to_vec();
    if sets.is_empty() {
        Just(Vec::new()).boxed()
    } else {
        prop::sample::select(sets)
            .prop_map(<[Credential]>::to_vec)
            .boxed()
    }
}

/// Values of `projectMappingIds` that hold no id: what a form sends for an empty list. An update
/// keeps the current ids for each of them unless `clear` names the field.
pub fn blank_project_id_lists() -> Vec<Value> {
    vec![
        json!(" , "),
        json!(" ; "),
        json!([""]),
        json!([null]),
        json!(["  "]),
        json!([]),
        json!([null, " ", ""]),
    ]
}

/// Whether `report` has a diagnostic with `code` at `path`.
pub fn has(report: &Report, code: &str, path: &str) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| d.code == code && d.path == path)
}

/// Every file under `dir`, at any depth; none where it does not exist.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

/// The texts of the fuzz seeds and corpora and of the test fixtures, in path order (lossily
/// decoded: a corpus holds any bytes).
#[allow(clippy::unwrap_used)] // A corpus file that cannot be read fails the test.
pub fn corpus_texts() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["fuzz/seeds", "fuzz/corpus", "tests/fixtures"] {
        files(&root.join(dir), &mut paths);
    }
    paths.sort();
    paths
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned())
        .collect()
}
