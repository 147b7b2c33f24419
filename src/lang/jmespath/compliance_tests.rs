//! The `apiFilter` checker against the official JMESPath compliance suite
//! (`tests/fixtures/jmespath-compliance/`), the vendor's example filters (docs/api-reference.md §A7)
//! and the sample listings (`tests/fixtures/samples/`).
//!
//! Expected kept/dropped sets are computed here with plain Rust over the sample JSON, never
//! copied from the checker's output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::{Path, PathBuf};

use super::tests::error_codes;
use super::{
    COMMUNITY_EXTENSION, EVALUATION_ERROR, FUNCTION_ARITY, HostShape, MICROSOFT_WRAPPER,
    SLICE_STEP_ZERO, TOO_DEEP, UNKNOWN_FUNCTION, check, preview,
};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn load(path: PathBuf) -> Value {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn sample(name: &str) -> Value {
    load(fixtures().join("samples").join(name))
}

#[test]
fn compliance_suite() {
    let dir = fixtures().join("jmespath-compliance");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(
        files.len() >= 16,
        "compliance files missing in {}",
        dir.display()
    );

    let (mut syntax, mut results, mut statics, mut bench_ok, mut bench_deep) = (0, 0, 0, 0, 0);
    let (mut invalid_type, mut invalid_type_static) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for suite in load(file.clone()).as_array().unwrap() {
            for case in suite["cases"].as_array().unwrap() {
                let expr = case["expression"].as_str().unwrap();
                let errors = error_codes(expr, HostShape::Unknown);
                match (
                    case.get("result"),
                    case.get("error").and_then(Value::as_str),
                ) {
                    (Some(_), _) => {
                        results += 1;
                        if !errors.is_empty() {
                            failures.push(format!("{name}: valid `{expr}` rejected: {errors:?}"));
                        }
                    }
                    (None, Some("syntax")) => {
                        syntax += 1;
                        if errors.is_empty() {
                            failures.push(format!("{name}: syntax error `{expr}` accepted"));
                        }
                    }
                    (
                        None,
                        Some(kind @ ("invalid-arity" | "unknown-function" | "invalid-value")),
                    ) => {
                        statics += 1;
                        let expected = match kind {
                            "invalid-arity" => FUNCTION_ARITY.id,
                            "unknown-function" => UNKNOWN_FUNCTION.id,
                            _ => SLICE_STEP_ZERO.id,
                        };
                        if errors != [expected] {
                            failures.push(format!("{name}: {kind} `{expr}` gave {errors:?}"));
                        }
                    }
                    (None, Some("invalid-type")) => {
                        invalid_type += 1;
                        invalid_type_static += usize::from(!errors.is_empty());
                    }
                    (None, Some(other)) => failures.push(format!("{name}: unknown error {other}")),
                    (None, None) => {
                        // Benchmarks: valid expressions, some deeper than the nesting guard.
                        if errors.is_empty() {
                            bench_ok += 1;
                        } else if errors == [TOO_DEEP.id] {
                            bench_deep += 1;
                        } else {
                            failures.push(format!("{name}: bench `{expr}` gave {errors:?}"));
                        }
                    }
                }
            }
        }
    }
    println!(
        "jmespath compliance: {syntax} syntax cases rejected, {results} result cases accepted, \
         {statics} invalid-arity/unknown-function/invalid-value cases rejected statically, \
         {invalid_type_static} of {invalid_type} invalid-type cases detected statically (the rest \
         depend on data), {bench_ok} bench cases accepted, {bench_deep} refused as deeper than the \
         nesting guard"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(syntax >= 100 && results >= 700 && statics == 5);
}

/// Every example filter of api-reference.md §A7, with the host it is written for.
const VENDOR_EXAMPLES: &[(&str, HostShape)] = &[
    // GitHub.com / GitHub Enterprise
    ("[?contains(name, 'git')]", HostShape::Array),
    (
        "[?starts_with(name, 'git') || ends_with(name, 'test')]",
        HostShape::Array,
    ),
    ("[?(!contains(name, 'firstword'))]", HostShape::Array),
    (
        "[?(!contains(name, 'firstword')) && (!contains(name, 'secondword'))]",
        HostShape::Array,
    ),
    // GitHub App
    (
        "repositories[] | [?starts_with(name, 'repo-prefix')]",
        HostShape::GitHubApp,
    ),
    (
        "repositories[] | [?contains(name, 'substring')]",
        HostShape::GitHubApp,
    ),
    (
        "repositories[] | [?(!contains(name, 'search-phrase'))]",
        HostShape::GitHubApp,
    ),
    (
        "repositories[] | [?name == 'exact-repo-name']",
        HostShape::GitHubApp,
    ),
    // GitLab
    (
        "[?contains(name, 'git') || contains(name, 'Slap') || contains(name, 'est')]",
        HostShape::Array,
    ),
    ("[?(!contains(tag_list, 'largemedia'))]", HostShape::Array),
    ("[?contains(tag_list, 'largemedia')]", HostShape::Array),
    ("[?!empty_repo]", HostShape::Array),
    // Microsoft VSTS / TFS / Azure Repos
    (
        "{value:value[?contains(name, 'example')]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?(!contains(name, 'Test'))]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?(starts_with(name, 'git')||(ends_with(name, 'test')))]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?contains(project.state, 'wellFormed')]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?contains(project.name, 'test2')]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?contains(project.visibility, 'private')]}",
        HostShape::MicrosoftValue,
    ),
    (
        "{value:value[?contains(project.visibility, 'public')]}",
        HostShape::MicrosoftValue,
    ),
    // Tracked folders
    (
        "[?!starts_with(fullPath, '/home/user/local/store/private-repos')]",
        HostShape::Array,
    ),
    // Bitbucket (Cloud only; no host shape of its own)
    (
        "{values: values[?contains(name, 'myrepo')]}",
        HostShape::Unknown,
    ),
    (
        "{values: values[?starts_with(name, 'test') || ends_with(name, 'lab')]}",
        HostShape::Unknown,
    ),
    (
        "{values: values[?(!contains(name, 'firstword'))]}",
        HostShape::Unknown,
    ),
    (
        "{values: values[?(!contains(name, 'firstword')) || (!contains(name, 'secondword'))]}",
        HostShape::Unknown,
    ),
    (
        "{values: values[?(name == 'repo1name') || (name == 'repo2name')]}",
        HostShape::Unknown,
    ),
];

#[test]
fn vendor_examples_have_no_diagnostics() {
    for (expr, host) in VENDOR_EXAMPLES {
        let d = check(expr, *host);
        assert!(d.is_empty(), "{expr} ({host:?}): {d:?}");
    }
    // The samples README's filters, on their hosts.
    for expr in [
        "[?owner.login=='acme-corp']",
        "[?!archived]",
        "[?contains(name, 'test')]",
        "[?namespace.full_path=='platform/backend']",
    ] {
        assert!(check(expr, HostShape::Array).is_empty(), "{expr}");
    }
    // `value[?!isDisabled]` lacks the Microsoft wrapper the vendor requires.
    let d = check("value[?!isDisabled]", HostShape::MicrosoftValue);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].code, MICROSOFT_WRAPPER.id);
    assert_eq!(
        d[0].suggestion.as_deref(),
        Some("{value: value[?!isDisabled]}")
    );
}

#[test]
fn community_only_expressions_are_errors() {
    for expr in [
        "let $x = name in [?name == $x]",
        "[?size + `1` > `10`]",
        "[?size % `2` == `0`]",
        "[?contains(lower(name), 'x')]",
        "items(@)",
        "group_by(@, &owner.login)",
        "[?starts_with(trim(name), 'x')]",
        "zip(@, @)",
    ] {
        let errors = error_codes(expr, HostShape::Array);
        assert_eq!(errors, [COMMUNITY_EXTENSION.id], "{expr}");
        let d = check(expr, HostShape::Array);
        assert!(
            d[0].message.contains("JMESPath Community extension"),
            "{}",
            d[0].message
        );
    }
}

// ---------- Independent evaluation of the example filters over the samples ----------

fn truthy(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(_) => true,
    }
}

fn text<'a>(repo: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter().try_fold(repo, |v, k| v.get(k))?.as_str()
}

/// Per repository: `Some(kept)`, or `None` where JMESPath raises an error (e.g. `contains`
/// on a missing field).
type Predicate = fn(&Value) -> Option<bool>;

fn display(repo: &Value) -> String {
    for key in ["full_name", "path_with_namespace"] {
        if let Some(s) = text(repo, &[key]) {
            return s.to_owned();
        }
    }
    format!(
        "{}/{}",
        text(repo, &["project", "name"]).unwrap(),
        text(repo, &["name"]).unwrap()
    )
}

fn assert_preview(expr: &str, host: HostShape, listing: &Value, repos: &[Value], keep: Predicate) {
    let expected: Option<Vec<bool>> = repos.iter().map(keep).collect();
    let got = preview(expr, listing, host);
    match expected {
        None => {
            let errs = got.expect_err(expr);
            assert_eq!(errs[0].code, EVALUATION_ERROR.id, "{expr}: {errs:?}");
        }
        Some(flags) => {
            let p = got.unwrap_or_else(|d| panic!("{expr}: {d:?}"));
            let kept: Vec<String> = repos
                .iter()
                .zip(&flags)
                .filter(|(_, k)| **k)
                .map(|(r, _)| display(r))
                .collect();
            let dropped: Vec<usize> = (0..repos.len()).filter(|&i| !flags[i]).collect();
            let got_kept: Vec<&str> = p.kept.iter().map(|i| i.name.as_str()).collect();
            assert_eq!(got_kept, kept, "{expr}");
            assert_eq!(
                p.dropped.iter().map(|i| i.index).collect::<Vec<_>>(),
                dropped,
                "{expr}"
            );
            println!(
                "preview {expr}: kept {}, dropped {}",
                kept.len(),
                dropped.len()
            );
        }
    }
}

#[test]
fn github_previews_match_plain_rust() {
    let listing = sample("github-user-repos.json");
    let repos = listing.as_array().unwrap().clone();
    let cases: &[(&str, Predicate)] = &[
        ("[?owner.login=='acme-corp']", |r| {
            Some(text(r, &["owner", "login"]) == Some("acme-corp"))
        }),
        ("[?!archived]", |r| Some(!truthy(r.get("archived")))),
        ("[?contains(name, 'test')]", |r| {
            Some(text(r, &["name"])?.contains("test"))
        }),
        ("[?contains(name, 'git')]", |r| {
            Some(text(r, &["name"])?.contains("git"))
        }),
        (
            "[?starts_with(name, 'git') || ends_with(name, 'test')]",
            |r| {
                let n = text(r, &["name"])?;
                Some(n.starts_with("git") || n.ends_with("test"))
            },
        ),
        (
            "[?(!contains(name, 'api')) && (!contains(name, 'test'))]",
            |r| {
                let n = text(r, &["name"])?;
                Some(!n.contains("api") && !n.contains("test"))
            },
        ),
        ("[?private && !archived]", |r| {
            Some(truthy(r.get("private")) && !truthy(r.get("archived")))
        }),
        // Server precedence: `!(fork || private)`.
        ("[?!fork || private]", |r| {
            Some(!(truthy(r.get("fork")) || truthy(r.get("private"))))
        }),
        ("[?contains(topics, 'jira')]", |r| {
            Some(r.get("topics")?.as_array()?.iter().any(|t| t == "jira"))
        }),
        // `fullPath` exists for tracked folders only: `starts_with(null, …)` fails.
        (
            "[?!starts_with(fullPath, '/home/user/local/store/private-repos')]",
            |r| Some(!text(r, &["fullPath"])?.starts_with("/home/user/local/store/private-repos")),
        ),
    ];
    for (expr, keep) in cases {
        assert_preview(expr, HostShape::Array, &listing, &repos, *keep);
    }

    // The GitHub App form, with the user listing wrapped as {total_count, repositories}.
    let app: &[(&str, Predicate)] = &[
        ("repositories[] | [?starts_with(name, 'payments')]", |r| {
            Some(text(r, &["name"])?.starts_with("payments"))
        }),
        ("repositories[] | [?(!contains(name, 'test'))]", |r| {
            Some(!text(r, &["name"])?.contains("test"))
        }),
        ("repositories[] | [?name == 'docs']", |r| {
            Some(text(r, &["name"])? == "docs")
        }),
    ];
    for (expr, keep) in app {
        assert_preview(expr, HostShape::GitHubApp, &listing, &repos, *keep);
    }
}

#[test]
fn gitlab_previews_match_plain_rust() {
    let listing = sample("gitlab-projects.json");
    let repos = listing.as_array().unwrap().clone();
    let cases: &[(&str, Predicate)] = &[
        ("[?namespace.full_path=='platform/backend']", |r| {
            Some(text(r, &["namespace", "full_path"]) == Some("platform/backend"))
        }),
        ("[?!archived]", |r| Some(!truthy(r.get("archived")))),
        ("[?!empty_repo]", |r| Some(!truthy(r.get("empty_repo")))),
        (
            "[?contains(name, 'git') || contains(name, 'Slap') || contains(name, 'est')]",
            |r| {
                let n = text(r, &["name"])?;
                Some(n.contains("git") || n.contains("Slap") || n.contains("est"))
            },
        ),
        // `tag_list` is absent from current GitLab responses (replaced by `topics`), so the
        // vendor's example fails on this listing.
        ("[?(!contains(tag_list, 'largemedia'))]", |r| {
            Some(
                !r.get("tag_list")?
                    .as_array()?
                    .iter()
                    .any(|t| t == "largemedia"),
            )
        }),
        ("[?contains(topics, 'test')]", |r| {
            Some(r.get("topics")?.as_array()?.iter().any(|t| t == "test"))
        }),
    ];
    for (expr, keep) in cases {
        assert_preview(expr, HostShape::Array, &listing, &repos, *keep);
    }
}

#[test]
fn azure_previews_match_plain_rust() {
    let listing = sample("azure-devops-repositories.json");
    let repos = listing["value"].as_array().unwrap().clone();
    let cases: &[(&str, Predicate)] = &[
        ("{value: value[?!isDisabled]}", |r| {
            Some(!truthy(r.get("isDisabled")))
        }),
        ("{value:value[?contains(name, 'Fabrikam')]}", |r| {
            Some(text(r, &["name"])?.contains("Fabrikam"))
        }),
        ("{value:value[?(!contains(name, 'Test'))]}", |r| {
            Some(!text(r, &["name"])?.contains("Test"))
        }),
        (
            "{value:value[?(starts_with(name, 'Tail')||(ends_with(name, 'scripts')))]}",
            |r| {
                let n = text(r, &["name"])?;
                Some(n.starts_with("Tail") || n.ends_with("scripts"))
            },
        ),
        (
            "{value:value[?contains(project.state, 'wellFormed')]}",
            |r| Some(text(r, &["project", "state"])?.contains("wellFormed")),
        ),
        ("{value:value[?contains(project.name, 'Tailspin')]}", |r| {
            Some(text(r, &["project", "name"])?.contains("Tailspin"))
        }),
        (
            "{value:value[?contains(project.visibility, 'public')]}",
            |r| Some(text(r, &["project", "visibility"])?.contains("public")),
        ),
    ];
    for (expr, keep) in cases {
        assert_preview(expr, HostShape::MicrosoftValue, &listing, &repos, *keep);
    }
    // Without the wrapper the server gets an array, not {value: [...]}: no preview.
    assert!(preview("value[?!isDisabled]", &listing, HostShape::MicrosoftValue).is_err());
    // With no host conventions the bare projection previews against `value`.
    assert_preview(
        "value[?!isDisabled]",
        HostShape::Unknown,
        &listing,
        &repos,
        |r| Some(!truthy(r.get("isDisabled"))),
    );
}

/// The same stack-safety claims inside a wasm32 build (1 MiB stack, debug profile):
/// `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
/// cargo test --target wasm32-unknown-unknown --lib jmespath::compliance_tests`.
#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::super::{MAX_EVAL_DEPTH, MAX_LENGTH, TOO_LONG};
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!("{}a{}", open.repeat(n), close.repeat(n))
    }

    const NESTING: &[(&str, &str)] = &[
        ("(", ")"),
        ("[", "]"),
        ("[?", "]"),
        ("{a:", "}"),
        ("abs(", ")"),
        ("!", ""),
        ("& ", ""),
        ("!(", ")"),
        ("[?a == ", "]"),
        ("map(&", ", a)"),
    ];

    #[wasm_bindgen_test]
    fn deep_inputs_are_refused() {
        for chars in [1_000, 10_000, 100_000] {
            for (open, close) in NESTING {
                let e = nested(open, close, chars / (open.len() + close.len()));
                let codes: Vec<_> = check(&e, HostShape::Array)
                    .iter()
                    .map(|d| d.code.id)
                    .collect();
                let expected = if e.len() > MAX_LENGTH {
                    TOO_LONG.id
                } else {
                    TOO_DEEP.id
                };
                assert_eq!(codes.first().copied(), Some(expected), "{open}");
            }
        }
    }

    #[wasm_bindgen_test]
    fn deepest_allowed_inputs_are_checked_and_previewed() {
        let data: Value = serde_json::json!([{"a": [{"a": 1}], "b": [1]}]);
        for (open, close) in NESTING {
            let mut n = 1;
            while !error_codes(&nested(open, close, n + 1), HostShape::Unknown)
                .contains(&TOO_DEEP.id)
            {
                n += 1;
            }
            let e = nested(open, close, n);
            let _ = check(&e, HostShape::Array);
            let _ = preview(&e, &data, HostShape::Unknown);
        }
        for chain in [".b", " || a", "[0]", "[*].a", "[]"] {
            let e = format!("a{}", chain.repeat(MAX_LENGTH / chain.len() - 1));
            let _ = check(&e, HostShape::Array);
            let _ = preview(&e, &data, HostShape::Unknown);
            // The deepest AST the preview evaluates.
            let short = format!("a{}", chain.repeat(MAX_EVAL_DEPTH - 1));
            let _ = preview(&short, &data, HostShape::Unknown);
        }
    }
}
