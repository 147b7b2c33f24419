//! Tests of the preview: envelopes, matching, notes and refusals.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;
use serde_json::json;

fn listing() -> Value {
    json!([
        {"full_name": "o/a", "name": "a", "archived": false, "private": true, "size": 1},
        {"full_name": "o/b", "name": "b", "archived": true, "private": true, "size": 2},
        {"full_name": "o/c", "name": "c", "archived": false, "private": false, "size": 3},
    ])
}

fn names(items: &[PreviewItem]) -> Vec<&str> {
    items.iter().map(|i| i.name.as_str()).collect()
}

#[test]
fn keeps_and_drops() {
    let p = preview("[?!archived]", &listing(), HostShape::Array).unwrap();
    assert_eq!(names(&p.kept), ["o/a", "o/c"]);
    assert_eq!(names(&p.dropped), ["o/b"]);
    assert_eq!(p.dropped[0].index, 1);
    assert_eq!(p.note, None);
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["resultShape"], "array");
}

#[test]
fn blank_keeps_everything() {
    let p = preview("  ", &listing(), HostShape::Array).unwrap();
    assert_eq!(p.kept.len(), 3);
    assert!(p.note.is_some());
}

#[test]
fn microsoft_and_github_app_envelopes() {
    let ms = json!({"count": 2, "value": [
        {"name": "r1", "project": {"name": "P"}, "isDisabled": true},
        {"name": "r2", "project": {"name": "P"}, "isDisabled": false},
    ]});
    let p = preview(
        "{value: value[?!isDisabled]}",
        &ms,
        HostShape::MicrosoftValue,
    )
    .unwrap();
    assert_eq!(names(&p.kept), ["P/r2"]);
    assert_eq!(p.result_shape, "object");
    let p = preview(
        "repositories[] | [?private]",
        &listing(),
        HostShape::GitHubApp,
    )
    .unwrap();
    assert_eq!(names(&p.kept), ["o/a", "o/b"]);
}

#[test]
fn server_precedence_of_not() {
    // Server: !(archived && private) keeps a (false) and c; standard would keep only c.
    let p = preview("[?!archived && private]", &listing(), HostShape::Array).unwrap();
    assert_eq!(names(&p.kept), ["o/a", "o/c"]);
    assert!(p.note.unwrap().contains("server"));
}

#[test]
fn sorted_results_keep_their_order() {
    let p = preview("reverse(sort_by(@, &size))", &listing(), HostShape::Array).unwrap();
    assert_eq!(names(&p.kept), ["o/c", "o/b", "o/a"]);
    let p = preview("[@[0], @[0]][]", &listing(), HostShape::Array);
    assert!(p.unwrap().note.unwrap().contains("more than once"));
}

#[test]
fn copies_are_matched_to_their_repositories_by_equality() {
    let p = preview("reverse([*].merge(@, `{}`))", &listing(), HostShape::Array).unwrap();
    assert_eq!(names(&p.kept), ["o/c", "o/b", "o/a"]);
    assert!(p.dropped.is_empty());
    let p = preview("[[0].merge(@, `{}`), [0]][]", &listing(), HostShape::Array).unwrap();
    assert_eq!(names(&p.kept), ["o/a"]);
    assert!(p.note.unwrap().contains("more than once"));
}

#[test]
fn refusals() {
    let err = |e: &str, l: &Value, h| preview(e, l, h).unwrap_err()[0].code;
    assert_eq!(
        err("[?", &listing(), HostShape::Array),
        super::super::SYNTAX.id
    );
    assert_eq!(
        err("[].name", &listing(), HostShape::Array),
        NOT_REPOSITORIES.id
    );
    assert_eq!(
        err("length(@)", &listing(), HostShape::Array),
        NOT_REPOSITORIES.id
    );
    assert_eq!(
        err("[?a]", &json!({}), HostShape::Array),
        PREVIEW_UNAVAILABLE.id
    );
    assert_eq!(
        err("[?contains(size, 'x')]", &listing(), HostShape::Array),
        EVALUATION_ERROR.id
    );
    let deep = format!("a{}", ".b".repeat(100));
    assert_eq!(
        err(&deep, &listing(), HostShape::Unknown),
        PREVIEW_UNAVAILABLE.id
    );
    let mut nested = json!(1);
    for _ in 0..100 {
        nested = json!([nested]);
    }
    assert_eq!(err("@", &nested, HostShape::Array), PREVIEW_UNAVAILABLE.id);
    assert_eq!(
        err("[1::2147483647]", &listing(), HostShape::Array),
        PREVIEW_UNAVAILABLE.id
    );
    let doubling = format!("@{}", " | [@, @][]".repeat(30));
    assert_eq!(
        err(&doubling, &listing(), HostShape::Array),
        PREVIEW_UNAVAILABLE.id
    );
    let twice = format!("@{}", " | [@, @][]".repeat(3));
    assert!(preview(&twice, &listing(), HostShape::Array).is_ok());
}

/// The deepest ASTs the preview evaluates run on a 1 MiB stack (wasm's) in a debug build,
/// where the interpreter takes ~11 KiB per level (~0.5 KiB in a release build).
#[test]
fn deepest_evaluated_expressions_fit_a_small_stack() {
    super::super::tests::on_stack(1024, || {
        let shapes: Vec<Box<dyn Fn(usize) -> String>> = vec![
            Box::new(|n| format!("a{}", ".b".repeat(n))),
            Box::new(|n| format!("a{}", " || a".repeat(n))),
            Box::new(|n| format!("@{}", " | @".repeat(n))),
            Box::new(|n| format!("@{}", "[0]".repeat(n))),
            Box::new(|n| format!("{}@{}", "[?".repeat(n), "]".repeat(n))),
            Box::new(|n| format!("{}@{}", "map(&".repeat(n), ", @)".repeat(n))),
            Box::new(|n| format!("{}@{}", "not_null(".repeat(n), ")".repeat(n))),
            Box::new(|n| format!("{}@{}", "{a: ".repeat(n), "}".repeat(n))),
            Box::new(|n| format!("{}@", "!".repeat(n))),
            Box::new(|n| format!("@{}", "[*].a".repeat(n))),
        ];
        let data = json!([{"a": [{"a": 1, "b": true}], "b": [1]}]);
        for shape in shapes {
            let fits = |n: usize| {
                let c = compile(&shape(n));
                c.errors.is_empty() && c.ast.is_some() && c.ast_depth <= MAX_EVAL_DEPTH
            };
            let mut n = 1;
            while fits(n + 1) {
                n += 1;
            }
            let e = shape(n);
            let r = preview(&e, &data, HostShape::Unknown);
            if let Err(d) = &r {
                assert!(
                    d.iter().all(|d| d.code != PREVIEW_UNAVAILABLE.id),
                    "{e}: {d:?}"
                );
            }
        }
    });
}

#[test]
fn evaluation_errors_name_the_function() {
    let d = preview("[?contains(size, 'x')]", &listing(), HostShape::Array).unwrap_err();
    assert!(d[0].message.contains("`contains`"), "{}", d[0].message);
}

#[test]
fn a_name_is_redacted_before_it_is_cut() {
    // The 100-character cut falls inside the password: cut first, the `@` that marks it as a
    // password would be gone and the password would show.
    let password = "s3cr3tpassw0rd".repeat(4);
    let name = format!(
        "{}https://user:{password}@git.example.com/o/r",
        "x".repeat(60)
    );
    let p = preview("[*]", &json!([{ "full_name": name }]), HostShape::Array).unwrap();
    let shown = &p.kept[0].name;
    assert!(!shown.contains("s3cr3t"), "{shown}");
}
