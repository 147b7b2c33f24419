//! Evaluates a filter on a sample repository listing and tells which repositories it keeps.
//!
//! The filter is evaluated as the server reads it: where an unparenthesised `!` means
//! something else on the server (see `negation`), the evaluated text gets the server's
//! parentheses first. Results are matched to the listing by identity (the interpreter passes
//! the listing's own values through), falling back to equality (`listing_index`).

use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

use jmespath::ast::Ast;
use jmespath::{Context, ErrorReason, Rcvar, RuntimeError, Variable};
use serde::Serialize;
use serde_json::Value;

use super::lexer::Kind;
use super::{
    Compiled, EVALUATION_ERROR, HostShape, MAX_EVAL_DEPTH, NOT_REPOSITORIES, PREVIEW_TOO_MUCH_WORK,
    PREVIEW_UNAVAILABLE, budget, check, compile, is_blank, negation, snippet, tree,
};
use crate::diagnostics::{Diagnostic, Severity};
use listing_index::{ListingIndex, OutOfWork};

mod listing_index;
mod number_classes;
#[cfg(test)]
mod tests;

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
    // Redacted before the cut: a secret the cut went through would no longer be recognised.
    match name {
        Some(n) => crate::text::fit(&crate::redact::redact_url(&n), 100),
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
    let values = listing_values(listing)?;
    let (root, key) = envelope(listing, host)
        .map_err(|why| unavailable(format!("No preview: {why}."), "listing-shape"))?;
    let candidates = repositories(&root, key);
    if is_blank(expr) {
        return Ok(Preview {
            kept: (0..candidates.len()).map(|i| item(candidates, i)).collect(),
            dropped: Vec::new(),
            result_shape: if host == HostShape::MicrosoftValue {
                "object"
            } else {
                "array"
            },
            note: Some("No filter: every repository is kept.".to_owned()),
        });
    }
    let mut notes = Vec::new();
    let (text, compiled) = as_the_server_reads(expr, &mut notes);
    let ast = evaluable(&compiled, values)?;
    let data = Variable::try_from(&root).map(Rcvar::new).map_err(|_| {
        unavailable(
            "The listing cannot be converted for evaluation.",
            "listing-shape",
        )
    })?;
    let listed = variable_array(&data, key).unwrap_or_default();
    let meter = Arc::new(budget::Meter::default());
    let result = evaluate(&text, &compiled, ast, &data, &meter)?;
    let returned = returned_repositories(&result, host)?;
    let (kept, duplicates) = kept_indices(&listed, &returned, &meter)?;
    if duplicates {
        notes.push("Some repositories are returned more than once.".to_owned());
    }
    let mut is_kept = vec![false; candidates.len()];
    for &i in &kept {
        if let Some(k) = is_kept.get_mut(i) {
            *k = true;
        }
    }
    Ok(Preview {
        kept: kept.into_iter().map(|i| item(candidates, i)).collect(),
        dropped: (0..candidates.len())
            .filter(|&i| !is_kept.get(i).copied().unwrap_or(false))
            .map(|i| item(candidates, i))
            .collect(),
        result_shape: if result.is_object() {
            "object"
        } else {
            "array"
        },
        note: (!notes.is_empty()).then(|| notes.join(" ")),
    })
}

/// The listing's number of values, or why it cannot be previewed (it nests too deeply).
fn listing_values(listing: &Value) -> Result<usize, Vec<Diagnostic>> {
    let (depth, values) = measure(listing);
    if depth > MAX_EVAL_DEPTH {
        return Err(unavailable(
            format!(
                "The listing nests more than {MAX_EVAL_DEPTH} levels deep; it cannot be previewed safely."
            ),
            "listing-too-deep",
        ));
    }
    Ok(values)
}

/// The repositories of the enveloped listing `root` (under `key`, or `root` itself).
fn repositories<'v>(root: &'v Value, key: Option<&str>) -> &'v [Value] {
    match key {
        Some(k) => root
            .get(k)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice),
        None => root.as_array().map_or(&[], Vec::as_slice),
    }
}

/// Repository `i` of `candidates`, named for display.
fn item(candidates: &[Value], i: usize) -> PreviewItem {
    PreviewItem {
        index: i,
        name: candidates
            .get(i)
            .map_or_else(|| format!("#{i}"), |r| display_name(r, i)),
    }
}

/// The text to evaluate and its compilation: `expr` with the server's parentheses around an
/// unparenthesised `!` where it reads differently (with a note saying so), else `expr`.
fn as_the_server_reads<'a>(expr: &'a str, notes: &mut Vec<String>) -> (Cow<'a, str>, Rc<Compiled>) {
    let original = compile(expr);
    let Some(rewritten) = negation::server_reading(expr, &original.lexed) else {
        return (Cow::Borrowed(expr), original);
    };
    let compiled = compile(&rewritten);
    if compiled.ast.is_some() && compiled.errors.is_empty() {
        notes.push(format!(
            "Evaluated as the server reads `!` (the lowest precedence but `|`): {}.",
            snippet(&rewritten)
        ));
        (Cow::Owned(rewritten), compiled)
    } else {
        notes.push(
            "Evaluated with standard JMESPath precedence for `!`; the server may differ."
                .to_owned(),
        );
        (Cow::Borrowed(expr), original)
    }
}

/// The filter's AST when it can be evaluated safely on a listing of `values` values.
fn evaluable(compiled: &Compiled, values: usize) -> Result<&Ast, Vec<Diagnostic>> {
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
    let all_nodes = tree::nodes(ast);
    let risky_slice = all_nodes.iter().any(|n| {
        matches!(n, Ast::Slice { step, .. } if i64::from(*step).saturating_add(bound) > i64::from(i32::MAX))
    });
    if risky_slice {
        return Err(unavailable(
            "A slice step this large cannot be previewed safely.",
            "slice-step",
        ));
    }
    within_work_bounds(&all_nodes, values)?;
    Ok(ast)
}

/// Refuses filters whose evaluation on `values` values could exceed the preview's work bounds.
fn within_work_bounds(all_nodes: &[&Ast], values: usize) -> Result<(), Vec<Diagnostic>> {
    // Multi-select lists and hashes can copy their input (`[@, @][] | [@, @][] | …` doubles
    // it each time); the product of their sizes bounds the growth.
    let growth = all_nodes.iter().fold(1usize, |acc, n| match n {
        Ast::MultiList { elements, .. } => acc.saturating_mul(elements.len().max(1)),
        Ast::MultiHash { elements, .. } => acc.saturating_mul(elements.len().max(1)),
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
    Ok(())
}

/// Interprets `ast` (compiled from `text`) on `data`, its function calls charged to `meter`.
fn evaluate(
    text: &str,
    compiled: &Compiled,
    ast: &Ast,
    data: &Rcvar,
    meter: &Arc<budget::Meter>,
) -> Result<Rcvar, Vec<Diagnostic>> {
    let runtime = budget::metered_runtime(meter);
    let mut ctx = Context::new(text, &runtime);
    jmespath::interpret(data, ast, &mut ctx).map_err(|e| {
        if meter.exhausted() {
            return too_much_work("function-work");
        }
        let (message, reason) = runtime_message(&e, failing_function(compiled, text, e.offset));
        vec![Diagnostic::new(&EVALUATION_ERROR, "", message).param("reason", reason)]
    })
}

/// The name of the function whose `(` is at `offset` of `text`, when one is.
fn failing_function<'t>(compiled: &Compiled, text: &'t str, offset: usize) -> Option<&'t str> {
    let toks = &compiled.lexed.toks;
    let paren = compiled
        .lexed
        .index_at(offset)
        .filter(|&i| toks.get(i).is_some_and(|t| t.kind == Kind::Lparen))?;
    let name = toks.get(paren.checked_sub(1)?)?;
    text.get(name.start..name.end)
}

/// The repositories a filter's `result` hands back to the server for `host`.
fn returned_repositories(result: &Rcvar, host: HostShape) -> Result<Vec<Rcvar>, Vec<Diagnostic>> {
    let returned = match host {
        HostShape::MicrosoftValue => result
            .as_object()
            .and_then(|o| o.get("value"))
            .and_then(|v| v.as_array().cloned()),
        HostShape::Unknown if !result.is_array() => ["value", "values", "repositories"]
            .into_iter()
            .find_map(|k| variable_array(result, Some(k))),
        _ => result.as_array().cloned(),
    };
    returned.ok_or_else(|| {
        let expected = if host == HostShape::MicrosoftValue {
            "an object {value: [...]}"
        } else {
            "an array of repositories"
        };
        vec![
            Diagnostic::new(
                &NOT_REPOSITORIES,
                "",
                format!(
                    "On this listing the filter returns {}, not {expected}.",
                    type_name(result)
                ),
            )
            .param("returns", type_name(result)),
        ]
    })
}

/// The listing positions of the `returned` repositories, first returns only, in returned order,
/// and whether one was returned more than once; an error when some are not the listing's, or
/// when comparing results with repositories spends what is left of `meter`'s budget.
fn kept_indices(
    listed: &[Rcvar],
    returned: &[Rcvar],
    meter: &budget::Meter,
) -> Result<(Vec<usize>, bool), Vec<Diagnostic>> {
    let index = ListingIndex::new(listed);
    let mut seen = vec![false; listed.len()];
    let mut kept = Vec::new();
    let mut duplicates = false;
    let mut foreign = 0usize;
    for value in returned {
        let first = index
            .find(value, &mut |units| meter.charge(units))
            .map_err(|OutOfWork| too_much_work("result-matching"))?
            .and_then(|i| Some((i, seen.get_mut(i)?)));
        match first {
            Some((i, seen)) if !*seen => {
                *seen = true;
                kept.push(i);
            }
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
    Ok((kept, duplicates))
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
