//! Evaluates a filter on a sample repository listing and tells which repositories it keeps.
//!
//! The filter is evaluated as the server reads it: where an unparenthesised `!` means
//! something else on the server (see `negation`), the evaluated text gets the server's
//! parentheses first. Results are matched to the listing by identity (the interpreter passes
//! the listing's own values through), falling back to equality.

use std::collections::HashSet;
use std::sync::Arc;

use jmespath::{Context, ErrorReason, Rcvar, RuntimeError, Variable};
use serde::Serialize;
use serde_json::Value;

use super::lexer::Kind;
use super::{
    EVALUATION_ERROR, HostShape, MAX_EVAL_DEPTH, NOT_REPOSITORIES, PREVIEW_TOO_MUCH_WORK,
    PREVIEW_UNAVAILABLE, budget, check, compile, is_blank, negation, snippet, tree,
};
use crate::diagnostics::{Diagnostic, Severity};

/// One repository of the listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PreviewItem {
    /// Position in the listing's array of repositories.
    pub index: usize,
    /// `full_name`, `path_with_namespace`, `fullPath`, `project.name/name`, `name` or `id`,
    /// whichever comes first; `#index` when none is present.
    pub name: String,
}

/// What a filter does to a listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Preview {
    /// The repositories the filter returns, in the order it returns them.
    pub kept: Vec<PreviewItem>,
    /// The other repositories, in listing order.
    pub dropped: Vec<PreviewItem>,
    /// `"array"`, or `"object"` for the Microsoft `{value: [...]}` form.
    pub result_shape: &'static str,
    /// A remark on how the preview was computed, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Bound on (listing values × multi-select growth) that the preview evaluates.
const MAX_PREVIEW_WORK: usize = 5_000_000;

fn unavailable(message: impl Into<String>, reason: &'static str) -> Vec<Diagnostic> {
    vec![Diagnostic::new(&PREVIEW_UNAVAILABLE, "", message).param("reason", reason)]
}

/// "Preview stopped: too much work", for the bound that was reached (`reason`).
fn too_much_work(reason: &'static str) -> Vec<Diagnostic> {
    vec![
        Diagnostic::new(
            &PREVIEW_TOO_MUCH_WORK,
            "",
            "Preview stopped: too much work. Evaluating the filter on this listing needs more work than the preview allows; try a smaller sample or a simpler filter.",
        )
        .param("reason", reason),
    ]
}

/// Depth and total number of values of a JSON value, without recursion.
fn measure(v: &Value) -> (usize, usize) {
    let mut max = 0;
    let mut count = 0;
    let mut stack = vec![(v, 1usize)];
    while let Some((v, d)) = stack.pop() {
        max = max.max(d);
        count += 1;
        match v {
            Value::Array(a) => stack.extend(a.iter().map(|c| (c, d + 1))),
            Value::Object(o) => stack.extend(o.values().map(|c| (c, d + 1))),
            _ => {}
        }
    }
    (max, count)
}

fn str_at<'a>(v: &'a Value, path: &[&str]) -> Option<&'a str> {
    path.iter()
        .try_fold(v, |v, k| v.get(k))
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
}

fn display_name(repo: &Value, index: usize) -> String {
    let name = str_at(repo, &["full_name"])
        .or_else(|| str_at(repo, &["path_with_namespace"]))
        .or_else(|| str_at(repo, &["fullPath"]))
        .map(str::to_owned)
        .or_else(|| {
            let project = str_at(repo, &["project", "name"])?;
            Some(format!("{project}/{}", str_at(repo, &["name"])?))
        })
        .or_else(|| str_at(repo, &["name"]).map(str::to_owned))
        .or_else(|| match repo.get("id") {
            Some(Value::Number(n)) => Some(format!("id {n}")),
            Some(Value::String(s)) => Some(format!("id {s}")),
            _ => None,
        });
    match name {
        Some(n) if n.chars().count() > 100 => n.chars().take(99).chain(['…']).collect(),
        Some(n) => n,
        None => format!("#{index}"),
    }
}

/// The value the filter is applied to, and the key of its repository array (`None`: the value
/// is the array itself).
fn envelope(listing: &Value, host: HostShape) -> Result<(Value, Option<&'static str>), String> {
    let wrap = |key: &'static str, count: &str, a: &Vec<Value>| {
        let mut o = serde_json::Map::new();
        o.insert(count.to_owned(), Value::from(a.len()));
        o.insert(key.to_owned(), Value::Array(a.clone()));
        (Value::Object(o), Some(key))
    };
    let has_array = |key: &str| listing.get(key).is_some_and(Value::is_array);
    match (host, listing) {
        (HostShape::Array, Value::Array(_)) => Ok((listing.clone(), None)),
        (HostShape::Array, _) => {
            Err("the listing for this host must be an array of repositories".into())
        }
        (HostShape::MicrosoftValue, Value::Array(a)) => Ok(wrap("value", "count", a)),
        (HostShape::MicrosoftValue, _) if has_array("value") => {
            Ok((listing.clone(), Some("value")))
        }
        (HostShape::GitHubApp, Value::Array(a)) => Ok(wrap("repositories", "total_count", a)),
        (HostShape::GitHubApp, _) if has_array("repositories") => {
            Ok((listing.clone(), Some("repositories")))
        }
        (HostShape::Unknown, Value::Array(_)) => Ok((listing.clone(), None)),
        (HostShape::Unknown, _) => ["value", "values", "repositories"]
            .into_iter()
            .find(|k| has_array(k))
            .map(|k| (listing.clone(), Some(k)))
            .ok_or_else(|| "the listing has no array of repositories".to_owned()),
        (HostShape::MicrosoftValue, _) => {
            Err("the listing for this host must be an object with a `value` array".into())
        }
        (HostShape::GitHubApp, _) => {
            Err("the listing for this host must be an object with a `repositories` array".into())
        }
    }
}

fn variable_array(v: &Rcvar, key: Option<&str>) -> Option<Vec<Rcvar>> {
    let target = match key {
        Some(k) => v.as_object()?.get(k)?.clone(),
        None => v.clone(),
    };
    target.as_array().cloned()
}

fn runtime_message(
    err: &jmespath::JmespathError,
    function: Option<&str>,
) -> (String, &'static str) {
    let f = function.map_or_else(|| "a function".to_owned(), |n| format!("`{n}`"));
    match &err.reason {
        ErrorReason::Runtime(RuntimeError::InvalidType {
            expected,
            actual,
            position,
        }) => (
            format!(
                "On this listing, argument {} of {f} is {actual} but must be {expected}.",
                position + 1
            ),
            "invalid-type",
        ),
        ErrorReason::Runtime(RuntimeError::InvalidReturnType {
            expected,
            actual,
            invocation,
            ..
        }) => (
            format!(
                "On this listing, the expression given to {f} returns {actual} for item {invocation}, but must return {}.",
                expected.trim_start_matches("expression->")
            ),
            "invalid-return-type",
        ),
        ErrorReason::Runtime(RuntimeError::InvalidSlice) => {
            ("A slice step of 0 is invalid.".to_owned(), "invalid-slice")
        }
        _ => (
            format!("Evaluating {f} on this listing fails."),
            "evaluation-failed",
        ),
    }
}

/// Evaluates `expr` on `listing` as the server would for `host`.
///
/// `listing` is what the host's API returns: an array for [`HostShape::Array`] (GitHub,
/// GitLab...), `{count, value: [...]}` for [`HostShape::MicrosoftValue`] (a bare array is
/// wrapped), `{total_count, repositories: [...]}` for [`HostShape::GitHubApp`] (a bare array is
/// wrapped). Errors: the diagnostics of [`check`] when it finds an error, an evaluation error,
/// or a reason why no faithful preview is possible (including a result that is not an array
/// of the listing's repositories).
pub fn preview(expr: &str, listing: &Value, host: HostShape) -> Result<Preview, Vec<Diagnostic>> {
    let diagnostics = check(expr, host);
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        return Err(diagnostics);
    }
    let (depth, values) = measure(listing);
    if depth > MAX_EVAL_DEPTH {
        return Err(unavailable(
            format!(
                "The listing nests more than {MAX_EVAL_DEPTH} levels deep; it cannot be previewed safely."
            ),
            "listing-too-deep",
        ));
    }
    let (root, key) = envelope(listing, host)
        .map_err(|why| unavailable(format!("No preview: {why}."), "listing-shape"))?;
    let candidates: &[Value] = match key {
        Some(k) => root
            .get(k)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice),
        None => root.as_array().map_or(&[], Vec::as_slice),
    };
    let result_shape = if host == HostShape::MicrosoftValue {
        "object"
    } else {
        "array"
    };
    let item = |i: usize| PreviewItem {
        index: i,
        name: candidates
            .get(i)
            .map_or_else(|| format!("#{i}"), |r| display_name(r, i)),
    };
    if is_blank(expr) {
        return Ok(Preview {
            kept: (0..candidates.len()).map(item).collect(),
            dropped: Vec::new(),
            result_shape,
            note: Some("No filter: every repository is kept.".to_owned()),
        });
    }

    let original = compile(expr);
    let rewritten = negation::server_reading(expr, &original.lexed);
    let mut notes = Vec::new();
    let (text, compiled) = match &rewritten {
        Some(t) => {
            let c = compile(t);
            if c.ast.is_some() && c.errors.is_empty() {
                notes.push(format!(
                    "Evaluated as the server reads `!` (the lowest precedence but `|`): {}.",
                    snippet(t)
                ));
                (t.as_str(), c)
            } else {
                notes.push(
                    "Evaluated with standard JMESPath precedence for `!`; the server may differ."
                        .to_owned(),
                );
                (expr, original)
            }
        }
        None => (expr, original),
    };
    let Some(ast) = &compiled.ast else {
        return Err(unavailable(
            "The filter cannot be evaluated.",
            "not-compiled",
        ));
    };
    if compiled.ast_depth > MAX_EVAL_DEPTH {
        return Err(unavailable(
            format!(
                "The filter is more than {MAX_EVAL_DEPTH} operations deep; it is too complex to preview safely."
            ),
            "expression-too-deep",
        ));
    }
    // `jmespath` 0.5 adds a slice's step to the index without an overflow check.
    let bound = i64::try_from(values)
        .unwrap_or(i64::MAX)
        .saturating_add(4096);
    let risky_slice = tree::nodes(ast).iter().any(|n| {
        matches!(n, jmespath::ast::Ast::Slice { step, .. } if i64::from(*step).saturating_add(bound) > i64::from(i32::MAX))
    });
    if risky_slice {
        return Err(unavailable(
            "A slice step this large cannot be previewed safely.",
            "slice-step",
        ));
    }
    // Multi-select lists and hashes can copy their input (`[@, @][] | [@, @][] | …` doubles
    // it each time); the product of their sizes bounds the growth.
    let all_nodes = tree::nodes(ast);
    let growth = all_nodes.iter().fold(1usize, |acc, n| match n {
        jmespath::ast::Ast::MultiList { elements, .. } => acc.saturating_mul(elements.len().max(1)),
        jmespath::ast::Ast::MultiHash { elements, .. } => acc.saturating_mul(elements.len().max(1)),
        _ => acc,
    });
    if growth.saturating_mul(values) > MAX_PREVIEW_WORK {
        return Err(unavailable(
            "The filter's multi-select lists can multiply the listing too many times to preview safely.",
            "result-too-large",
        ));
    }
    if budget::estimated_visits(all_nodes.len(), values, growth) > budget::MAX_NODE_VISITS {
        return Err(too_much_work("node-visits"));
    }

    let data = Variable::try_from(&root).map(Rcvar::new).map_err(|_| {
        unavailable(
            "The listing cannot be converted for evaluation.",
            "listing-shape",
        )
    })?;
    let listed = variable_array(&data, key).unwrap_or_default();
    let meter = Arc::new(budget::Meter::default());
    let runtime = budget::metered_runtime(&meter);
    let mut ctx = Context::new(text, &runtime);
    let result = jmespath::interpret(&data, ast, &mut ctx).map_err(|e| {
        if meter.exhausted() {
            return too_much_work("function-work");
        }
        let function = compiled
            .lexed
            .index_at(e.offset)
            .filter(|&i| {
                compiled
                    .lexed
                    .toks
                    .get(i)
                    .is_some_and(|t| t.kind == Kind::Lparen)
            })
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| compiled.lexed.toks.get(i))
            .and_then(|t| text.get(t.start..t.end));
        let (message, reason) = runtime_message(&e, function);
        vec![Diagnostic::new(&EVALUATION_ERROR, "", message).param("reason", reason)]
    })?;

    let returned = match host {
        HostShape::MicrosoftValue => result
            .as_object()
            .and_then(|o| o.get("value"))
            .and_then(|v| v.as_array().cloned()),
        HostShape::Unknown if !result.is_array() => ["value", "values", "repositories"]
            .into_iter()
            .find_map(|k| variable_array(&result, Some(k))),
        _ => result.as_array().cloned(),
    };
    let Some(returned) = returned else {
        let expected = if host == HostShape::MicrosoftValue {
            "an object {value: [...]}"
        } else {
            "an array of repositories"
        };
        return Err(vec![
            Diagnostic::new(
                &NOT_REPOSITORIES,
                "",
                format!(
                    "On this listing the filter returns {}, not {expected}.",
                    type_name(&result)
                ),
            )
            .param("returns", type_name(&result)),
        ]);
    };

    let mut kept = Vec::new();
    let mut seen = HashSet::new();
    let mut duplicates = false;
    let mut foreign = 0usize;
    for value in &returned {
        let index = listed
            .iter()
            .position(|l| Rcvar::ptr_eq(l, value))
            .or_else(|| listed.iter().position(|l| l == value));
        match index {
            Some(i) if seen.insert(i) => kept.push(item(i)),
            Some(_) => duplicates = true,
            None => foreign += 1,
        }
    }
    if foreign > 0 {
        return Err(vec![
            Diagnostic::new(
                &NOT_REPOSITORIES,
                "",
                format!(
                    "On this listing the filter returns {foreign} of {} items that are not repositories of the listing (the server needs the repository objects themselves).",
                    returned.len()
                ),
            )
            .param("foreign", foreign),
        ]);
    }
    if duplicates {
        notes.push("Some repositories are returned more than once.".to_owned());
    }
    let dropped = (0..candidates.len())
        .filter(|i| !seen.contains(i))
        .map(item)
        .collect();
    Ok(Preview {
        kept,
        dropped,
        result_shape: if result.is_object() {
            "object"
        } else {
            "array"
        },
        note: (!notes.is_empty()).then(|| notes.join(" ")),
    })
}

fn type_name(v: &Variable) -> &'static str {
    match v {
        Variable::Null => "null",
        Variable::String(_) => "a string",
        Variable::Bool(_) => "a boolean",
        Variable::Number(_) => "a number",
        Variable::Array(_) => "an array",
        Variable::Object(_) => "an object",
        Variable::Expref(_) => "an expression reference",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
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
}
