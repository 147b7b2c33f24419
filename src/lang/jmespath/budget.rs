//! The preview's work budget: how much evaluating a filter on a sample may cost before the
//! preview stops with "too much work".
//!
//! The `jmespath` crate evaluates without a limit. Two bounds keep a preview short:
//! - before evaluating, [`estimated_visits`] bounds the node visits of the AST's plain
//!   navigation (fields, projections, filters, comparisons): every node is visited at most once
//!   per value the listing holds after its multi-selects have copied it;
//! - while evaluating, every function call goes through a [`Meter`] that charges what the call
//!   reads and what it allocates (`to_string` of a repository charges its serialised length), so
//!   a filter that serialises thousands of copies stops at [`MAX_FUNCTION_WORK`] instead of
//!   running for minutes;
//! - matching the results to the listing's repositories charges the same [`Meter`] for every
//!   comparison it makes (the repository's number of values), so results that share a bucket
//!   of the listing's index stop at the budget too (reason `result-matching`).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use jmespath::functions::Function;
use jmespath::{Context, ErrorReason, JmespathError, Rcvar, Runtime, SearchResult, Variable};

use super::original_functions;

/// The most node visits a previewed filter may need by `estimated_visits`, an upper bound
/// that most evaluations stay far below. A typical filter (10-30 nodes) stays under it on a
/// listing of a million values; ten copies of a two-repository listing four times over
/// (10,000 copies) do not.
pub const MAX_NODE_VISITS: usize = 30_000_000;

/// The most work the function calls of one preview may do, in bytes and items read or
/// allocated: ten times a 1 MiB listing serialised twice over. How long reaching it takes is
/// measured by the bench group "JMESPath preview work budget" (`benches/native.rs`; the last
/// numbers are in `docs/performance.md`).
pub const MAX_FUNCTION_WORK: usize = 20_000_000;

/// The work the function calls of one evaluation have done, shared by every metered function.
#[derive(Debug, Default)]
pub(crate) struct Meter {
    spent: AtomicUsize,
}

impl Meter {
    /// True once the calls have spent more than [`MAX_FUNCTION_WORK`].
    pub(crate) fn exhausted(&self) -> bool {
        self.spent.load(Ordering::Relaxed) > MAX_FUNCTION_WORK
    }

    /// Adds `units`; false when the budget is spent.
    pub(crate) fn charge(&self, units: usize) -> bool {
        let before = self.spent.fetch_add(units, Ordering::Relaxed);
        before.saturating_add(units) <= MAX_FUNCTION_WORK
    }
}

/// What a value costs to read or to have allocated: its bytes for a string, its items for an
/// array or an object, 1 otherwise. `to_string`'s result is a string as long as its input's
/// serialisation, so its cost is the serialising work.
fn size(v: &Variable) -> usize {
    match v {
        Variable::String(s) => s.len(),
        Variable::Array(a) => a.len(),
        Variable::Object(o) => o.len(),
        _ => 1,
    }
    .max(1)
}

/// A built-in function that charges its meter for every call.
struct Metered {
    inner: Box<dyn Function>,
    meter: Arc<Meter>,
}

impl Function for Metered {
    fn evaluate(&self, args: &[Rcvar], ctx: &mut Context<'_>) -> SearchResult {
        let stop = |ctx: &Context<'_>| {
            JmespathError::from_ctx(ctx, ErrorReason::Parse("too much work".to_owned()))
        };
        let read = args
            .iter()
            .map(|a| size(a))
            .fold(1usize, usize::saturating_add);
        if !self.meter.charge(read) {
            return Err(stop(ctx));
        }
        let result = self.inner.evaluate(args, ctx)?;
        if self.meter.charge(size(&result)) {
            Ok(result)
        } else {
            Err(stop(ctx))
        }
    }
}

/// A runtime with the original specification's functions, each charging `meter`.
pub(crate) fn metered_runtime(meter: &Arc<Meter>) -> Runtime {
    let mut runtime = Runtime::new();
    runtime.register_builtin_functions();
    for name in original_functions() {
        if let Some(inner) = runtime.deregister_function(name) {
            let meter = Arc::clone(meter);
            runtime.register_function(name, Box::new(Metered { inner, meter }));
        }
    }
    runtime
}

/// An upper bound of the node visits of `ast`'s evaluation outside function calls: each of its
/// `nodes` is visited at most once for each of the `values` of the listing, times the `growth`
/// its multi-selects can copy them by.
pub(crate) fn estimated_visits(nodes: usize, values: usize, growth: usize) -> usize {
    nodes.saturating_mul(values).saturating_mul(growth)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::{HostShape, PREVIEW_TOO_MUCH_WORK, preview};
    use serde_json::{Value, json};

    /// Two repositories with a 200 KB description each: every `to_string(@)` stage serialises
    /// 400 KB.
    fn large_repositories() -> Value {
        let description = "x".repeat(200_000);
        json!([
            {"full_name": "o/a", "description": description},
            {"full_name": "o/b", "description": description},
        ])
    }

    fn stages(n: usize) -> String {
        let stage = "[?length(to_string(@)) > `0`]";
        vec![stage; n].join(" | ")
    }

    fn reason(expr: &str, listing: &Value) -> Option<Value> {
        let d = preview(expr, listing, HostShape::Array).err()?;
        let d = d.iter().find(|d| d.code == PREVIEW_TOO_MUCH_WORK.id)?;
        d.params.get("reason").cloned()
    }

    #[test]
    fn serialising_stages_stop_at_the_function_budget() {
        let listing = large_repositories();
        let kept = preview(&stages(10), &listing, HostShape::Array).unwrap();
        assert_eq!(kept.kept.len(), 2);
        assert_eq!(reason(&stages(25), &listing), Some(json!("function-work")));
    }

    #[test]
    fn copying_multi_selects_stop_before_evaluation() {
        let topics: Vec<String> = (0..100).map(|i| format!("t{i}")).collect();
        let listing = json!([
            {"full_name": "o/a", "topics": topics},
            {"full_name": "o/b", "topics": topics},
        ]);
        let copies = "[@, @, @, @, @, @, @, @, @, @][] | ".repeat(4);
        let hostile = format!("{copies}{}", stages(20));
        assert_eq!(reason(&hostile, &listing), Some(json!("node-visits")));
        let mild = format!("{}{}", "[@, @][] | ".repeat(2), stages(3));
        assert!(preview(&mild, &listing, HostShape::Array).is_ok());
    }

    /// The reviewer's case: copies of repositories that differ only in numbers are matched
    /// (linearly: `listing_index` counts the steps) and every repository is kept.
    #[test]
    fn copies_differing_only_in_numbers_are_all_kept() {
        let listing = Value::Array((0..4000).map(|i| json!({"id": i})).collect());
        let kept = preview("[].{id: id}", &listing, HostShape::Array).unwrap();
        assert_eq!(kept.kept.len(), 4000);
        assert!(kept.dropped.is_empty());
    }

    /// Numbers one unit in the last place apart are all equal to their neighbours, so their
    /// repositories share a bucket and each copy is compared with those before it: the
    /// comparisons reach the budget instead of running n × n / 2 times.
    #[test]
    fn copies_in_one_shared_bucket_stop_at_the_budget() {
        let chained = |n: u32| {
            Value::Array(
                (0..n)
                    .map(|k| json!({"v": 1.0 + f64::from(k) * f64::EPSILON}))
                    .collect(),
            )
        };
        assert!(preview("[].{v: v}", &chained(100), HostShape::Array).is_ok());
        assert_eq!(
            reason("[].{v: v}", &chained(6000)),
            Some(json!("result-matching"))
        );
    }

    /// Metering changes no result: every case of the compliance suite gives the same value or
    /// error through the metered runtime as through the crate's own, and the suite's result
    /// wherever the crate gives it.
    #[test]
    fn metered_functions_agree_with_the_compliance_suite() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/jmespath-compliance");
        let meter = std::sync::Arc::new(super::Meter::default());
        let metered = super::metered_runtime(&meter);
        let (mut cases, mut agree) = (0, 0);
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let suites: Value = serde_json::from_str(&text).unwrap();
            for suite in suites.as_array().unwrap() {
                let given = jmespath::Variable::try_from(&suite["given"]).unwrap();
                for case in suite["cases"].as_array().unwrap() {
                    let expr = case["expression"].as_str().unwrap();
                    let (Ok(plain), Ok(counted)) = (
                        jmespath::DEFAULT_RUNTIME.compile(expr),
                        metered.compile(expr),
                    ) else {
                        continue;
                    };
                    let expected = plain.search(&given).map_err(|e| e.reason);
                    let got = counted.search(&given).map_err(|e| e.reason);
                    assert_eq!(got, expected, "{expr}");
                    cases += 1;
                    let suite_result = case.get("result").map(jmespath::Variable::try_from);
                    if let (Some(Ok(want)), Ok(got)) = (suite_result, &got) {
                        agree += usize::from(**got == want);
                    }
                }
            }
        }
        assert!(
            cases > 500 && agree > 400,
            "{cases} cases, {agree} results agree"
        );
        assert!(!meter.exhausted());
    }

    #[test]
    fn the_estimate_multiplies_nodes_values_and_growth() {
        assert_eq!(super::estimated_visits(10, 1000, 4), 40_000);
        assert_eq!(super::estimated_visits(usize::MAX, 2, 2), usize::MAX);
    }
}
