//! Static checks of function calls and slices that the crate only reports when it evaluates:
//! unknown functions (with did-you-mean), JMESPath Community functions, wrong arity, an
//! expression reference (`&x`) where a value is expected or the reverse, and a slice step of 0.

use jmespath::ast::Ast;

use super::lexer::{Kind, Lexed, Tok};
use super::tree::nodes;
use super::{
    COMMUNITY_EXTENSION, FUNCTION_ARGUMENT, FUNCTION_ARITY, SLICE_STEP_ZERO, UNKNOWN_FUNCTION,
    community_message, snippet,
};
use crate::diagnostics::{Diagnostic, Span};
use crate::text::levenshtein;

/// What a parameter accepts, as far as a static check can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Param {
    /// A value; an expression reference fails.
    Value,
    /// An expression reference `&expr`.
    Expref,
    /// Anything, expression references included.
    Any,
}

struct Signature {
    name: &'static str,
    params: &'static [Param],
    variadic: bool,
    usage: &'static str,
}

use Param::{Any, Expref, Value};

const fn sig(
    name: &'static str,
    params: &'static [Param],
    variadic: bool,
    usage: &'static str,
) -> Signature {
    Signature {
        name,
        params,
        variadic,
        usage,
    }
}

/// The functions of the original JMESPath specification (jmespath.org), with their parameters.
const FUNCTIONS: &[Signature] = &[
    sig("abs", &[Value], false, "abs(number)"),
    sig("avg", &[Value], false, "avg(array of numbers)"),
    sig("ceil", &[Value], false, "ceil(number)"),
    sig(
        "contains",
        &[Value, Any],
        false,
        "contains(subject, search)",
    ),
    sig(
        "ends_with",
        &[Value, Value],
        false,
        "ends_with(string, suffix)",
    ),
    sig("floor", &[Value], false, "floor(number)"),
    sig(
        "join",
        &[Value, Value],
        false,
        "join(glue, array of strings)",
    ),
    sig("keys", &[Value], false, "keys(object)"),
    sig("length", &[Value], false, "length(string, array or object)"),
    sig("map", &[Expref, Value], false, "map(&expression, array)"),
    sig("max", &[Value], false, "max(array)"),
    sig(
        "max_by",
        &[Value, Expref],
        false,
        "max_by(array, &expression)",
    ),
    sig("merge", &[Value], true, "merge(object, ...)"),
    sig("min", &[Value], false, "min(array)"),
    sig(
        "min_by",
        &[Value, Expref],
        false,
        "min_by(array, &expression)",
    ),
    sig("not_null", &[Any], true, "not_null(value, ...)"),
    sig("reverse", &[Value], false, "reverse(array or string)"),
    sig("sort", &[Value], false, "sort(array)"),
    sig(
        "sort_by",
        &[Value, Expref],
        false,
        "sort_by(array, &expression)",
    ),
    sig(
        "starts_with",
        &[Value, Value],
        false,
        "starts_with(string, prefix)",
    ),
    sig("sum", &[Value], false, "sum(array of numbers)"),
    sig("to_array", &[Any], false, "to_array(value)"),
    sig("to_string", &[Value], false, "to_string(value)"),
    sig("to_number", &[Any], false, "to_number(value)"),
    sig("type", &[Any], false, "type(value)"),
    sig("values", &[Value], false, "values(object)"),
];

/// Functions that only JMESPath Community (and the JEP-11 `let` proposal) define.
const COMMUNITY_FUNCTIONS: &[&str] = &[
    "items",
    "from_items",
    "zip",
    "group_by",
    "find_first",
    "find_last",
    "lower",
    "upper",
    "trim",
    "trim_left",
    "trim_right",
    "split",
    "replace",
    "pad_left",
    "pad_right",
    "let",
];

/// Names people reach for that the distance check would not find.
const ALIASES: &[(&str, &str)] = &[
    ("len", "length"),
    ("count", "length"),
    ("size", "length"),
    ("includes", "contains"),
    ("has", "contains"),
    ("sortby", "sort_by"),
];

/// The names of the original specification's functions, in alphabetical order.
pub fn original_functions() -> impl Iterator<Item = &'static str> {
    FUNCTIONS.iter().map(|s| s.name)
}

/// The original-spec function a misspelt `name` most likely means.
fn did_you_mean(name: &str) -> Option<&'static str> {
    let lower = name.to_ascii_lowercase();
    if let Some((_, to)) = ALIASES.iter().find(|(from, _)| *from == lower) {
        return Some(to);
    }
    let squashed = lower.replace('_', "");
    FUNCTIONS
        .iter()
        .map(|s| {
            let d =
                levenshtein(&lower, s.name).min(levenshtein(&squashed, &s.name.replace('_', "")));
            (d, s.name)
        })
        .filter(|&(d, n)| d <= 2.min(n.len() / 3 + 1))
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// Can this argument never evaluate to an expression reference?
fn surely_a_value(arg: &Ast) -> bool {
    matches!(
        arg,
        Ast::Field { .. }
            | Ast::Identity { .. }
            | Ast::Literal { .. }
            | Ast::Index { .. }
            | Ast::Slice { .. }
            | Ast::Comparison { .. }
            | Ast::Not { .. }
            | Ast::MultiList { .. }
            | Ast::MultiHash { .. }
            | Ast::Projection { .. }
            | Ast::Flatten { .. }
            | Ast::ObjectValues { .. }
    )
}

fn replace_span(expr: &str, start: usize, end: usize, with: &str) -> String {
    format!(
        "{}{with}{}",
        expr.get(..start).unwrap_or(""),
        expr.get(end..).unwrap_or("")
    )
}

fn tok_span(t: &Tok) -> Span {
    Span {
        start: t.cstart,
        end: t.cend,
    }
}

/// Checks every function call and slice in `root`.
pub(crate) fn check(expr: &str, lexed: &Lexed, root: &Ast) -> Vec<Diagnostic> {
    let partners = lexed.partners();
    let mut out = Vec::new();
    for node in nodes(root) {
        match node {
            Ast::Function { offset, name, args } => {
                let paren = lexed.index_at(*offset);
                let name_tok = paren
                    .and_then(|i| i.checked_sub(1))
                    .and_then(|i| lexed.toks.get(i))
                    .filter(|t| t.kind == Kind::Ident);
                let close = paren
                    .and_then(|i| partners.get(i).copied().flatten())
                    .and_then(|i| lexed.toks.get(i));
                let name_span = name_tok.map(tok_span);
                let call_span = match (name_tok, close) {
                    (Some(n), Some(c)) => Some(Span {
                        start: n.cstart,
                        end: c.cend,
                    }),
                    _ => name_span,
                };
                out.extend(check_call(expr, name, args, name_tok, name_span, call_span));
            }
            Ast::Slice {
                step: 0, offset, ..
            } => {
                // The slice's offset is its closing `]`.
                let close = lexed.index_at(*offset);
                let open = close
                    .and_then(|i| partners.get(i).copied().flatten())
                    .and_then(|i| lexed.toks.get(i));
                let mut d = Diagnostic::new(
                    &SLICE_STEP_ZERO,
                    "",
                    "A slice step of 0 is invalid: every evaluation of this slice fails.",
                );
                if let (Some(o), Some(c)) = (open, close.and_then(|i| lexed.toks.get(i))) {
                    d = d.with_span(Span {
                        start: o.cstart,
                        end: c.cend,
                    });
                }
                out.push(d);
            }
            _ => {}
        }
    }
    out
}

fn check_call(
    expr: &str,
    name: &str,
    args: &[Ast],
    name_tok: Option<&Tok>,
    name_span: Option<Span>,
    call_span: Option<Span>,
) -> Vec<Diagnostic> {
    let with_span = |d: Diagnostic, s: Option<Span>| match s {
        Some(s) => d.with_span(s),
        None => d,
    };
    let shown = snippet(name);
    let Some(signature) = FUNCTIONS.iter().find(|s| s.name == name) else {
        if COMMUNITY_FUNCTIONS.contains(&name) {
            let d = Diagnostic::new(
                &COMMUNITY_EXTENSION,
                "",
                community_message(&format!("The function `{shown}`")),
            )
            .param("construct", "function")
            .param("function", shown);
            return vec![with_span(d, name_span)];
        }
        let mut message = format!(
            "`{shown}` is not a function of the original JMESPath specification (names are case-sensitive)."
        );
        let mut d =
            Diagnostic::new(&UNKNOWN_FUNCTION, "", String::new()).param("function", shown.clone());
        if let Some(suggested) = did_you_mean(name) {
            message = format!(
                "`{shown}` is not a function of the original JMESPath specification; did you mean `{suggested}`?"
            );
            d = d.param("didYouMean", suggested);
            if let Some(t) = name_tok {
                d = d.suggest(replace_span(expr, t.start, t.end, suggested));
            }
        }
        d.message = message;
        return vec![with_span(d, name_span)];
    };
    let min = signature.params.len();
    let arity_ok = if signature.variadic {
        args.len() >= min
    } else {
        args.len() == min
    };
    if !arity_ok {
        let expected = if signature.variadic {
            format!("at least {min}")
        } else {
            min.to_string()
        };
        let plural = |n: usize| if n == 1 { "argument" } else { "arguments" };
        let d = Diagnostic::new(
            &FUNCTION_ARITY,
            "",
            format!(
                "`{name}` takes {expected} {} ({}), but this call passes {}.",
                plural(min),
                signature.usage,
                args.len()
            ),
        )
        .param("function", name)
        .param("expected", expected)
        .param("actual", args.len());
        return vec![with_span(d, call_span)];
    }
    let mut out = Vec::new();
    for (i, arg) in args.iter().enumerate() {
        let param = signature
            .params
            .get(i)
            .or(signature.params.last())
            .copied()
            .unwrap_or(Any);
        let position = ordinal(i);
        let problem = match (param, arg) {
            (Value, Ast::Expref { .. }) => Some(format!(
                "The {position} argument of `{name}` must be a value, not an expression reference (`&…`): {}.",
                signature.usage
            )),
            (Expref, a) if surely_a_value(a) => Some(format!(
                "The {position} argument of `{name}` must be an expression reference such as `&name`: {}.",
                signature.usage
            )),
            _ => None,
        };
        if let Some(message) = problem {
            let d = Diagnostic::new(&FUNCTION_ARGUMENT, "", message)
                .param("function", name)
                .param("position", i + 1);
            out.push(with_span(d, call_span));
        }
    }
    out
}

fn ordinal(i: usize) -> &'static str {
    match i {
        0 => "first",
        1 => "second",
        2 => "third",
        _ => "next",
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn diags(expr: &str) -> Vec<Diagnostic> {
        check(expr, &lex(expr), &jmespath::parse(expr).unwrap())
    }

    #[test]
    fn table_matches_the_crate_runtime() {
        for name in original_functions() {
            assert!(
                jmespath::DEFAULT_RUNTIME.get_function(name).is_some(),
                "{name}"
            );
        }
        assert_eq!(FUNCTIONS.len(), 26);
    }

    #[test]
    fn unknown_functions_get_a_suggestion() {
        let d = diags("[?startswith(name, 'x')]");
        assert_eq!(d[0].code, UNKNOWN_FUNCTION.id);
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("[?starts_with(name, 'x')]")
        );
        assert_eq!(d[0].span, Some(Span { start: 2, end: 12 }));
        assert_eq!(did_you_mean("Contains"), Some("contains"));
        assert_eq!(did_you_mean("len"), Some("length"));
        assert_eq!(did_you_mean("frobnicate"), None);
    }

    #[test]
    fn community_functions_are_named_as_such() {
        let d = diags("[?contains(lower(name), 'x')]");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code, COMMUNITY_EXTENSION.id);
        assert!(d[0].message.contains("`lower`"));
    }

    #[test]
    fn arity_and_argument_kinds() {
        let d = diags("[?contains(name)]");
        assert_eq!(d[0].code, FUNCTION_ARITY.id);
        assert_eq!(d[0].span, Some(Span { start: 2, end: 16 }));
        assert!(diags("not_null(a, b, c)").is_empty());
        assert_eq!(diags("merge()")[0].code, FUNCTION_ARITY.id);
        assert_eq!(diags("sort_by(@, name)")[0].code, FUNCTION_ARGUMENT.id);
        assert_eq!(diags("length(&name)")[0].code, FUNCTION_ARGUMENT.id);
        assert!(diags("sort_by(@, &name)").is_empty());
        assert!(diags("type(&name)").is_empty());
    }

    #[test]
    fn zero_slice_step() {
        let d = diags("a[8:2:0]");
        assert_eq!(d[0].code, SLICE_STEP_ZERO.id);
        assert_eq!(d[0].span, Some(Span { start: 1, end: 8 }));
        assert!(diags("a[8:2:-1]").is_empty());
    }
}
