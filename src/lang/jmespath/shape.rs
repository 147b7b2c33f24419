//! What a filter returns when the server applies it to the host's repository listing, by
//! abstract evaluation over the AST (no data needed), and the host-convention warnings that
//! follow from it.

use jmespath::Variable;
use jmespath::ast::Ast;

use super::lexer::{Kind, Lexed};
use super::{GITHUB_APP_PREFIX, HostShape, MICROSOFT_WRAPPER, NOT_REPOSITORIES};
use crate::diagnostics::{Diagnostic, Span};

/// An abstract value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    /// Depends on the data: no conclusion.
    Unknown,
    /// One repository object from the listing.
    Repo,
    /// A value read from inside a repository (a name, a flag, an owner object...).
    Prop,
    Array(Box<Ty>),
    /// An object with the given known keys (the listing's envelope, or one built by `{…}`).
    Object(Vec<(String, Ty)>),
    Str,
    Num,
    Bool,
    Null,
    /// Some other value that is not a repository (built by a function or a literal).
    Other,
    Expref,
}

impl Ty {
    fn repos() -> Ty {
        Ty::Array(Box::new(Ty::Repo))
    }

    /// Could this be an array of repositories, for some data?
    fn maybe_repos(&self) -> bool {
        match self {
            Ty::Unknown => true,
            Ty::Array(e) => matches!(**e, Ty::Repo | Ty::Unknown),
            _ => false,
        }
    }

    fn union(a: Ty, b: Ty) -> Ty {
        if a == b {
            a
        } else if a == Ty::Unknown || b == Ty::Unknown {
            Ty::Unknown
        } else if a.maybe_repos() || b.maybe_repos() || a == Ty::Repo || b == Ty::Repo {
            // Mixing repositories with something else: only the data decides.
            Ty::Unknown
        } else {
            Ty::Other
        }
    }

    fn element(&self) -> Option<Ty> {
        match self {
            Ty::Array(e) => Some((**e).clone()),
            _ => None,
        }
    }

    /// A short English description ("an array of field values").
    pub(crate) fn describe(&self) -> String {
        match self {
            Ty::Unknown => "a value that depends on the data".to_owned(),
            Ty::Repo => "a single repository".to_owned(),
            Ty::Prop => "a field value of a repository".to_owned(),
            Ty::Array(e) => match &**e {
                Ty::Repo => "an array of repositories".to_owned(),
                Ty::Prop => "an array of field values (such as names)".to_owned(),
                Ty::Array(_) => "an array of arrays".to_owned(),
                Ty::Object(_) => "an array of new objects built from the listing".to_owned(),
                Ty::Str => "an array of strings".to_owned(),
                Ty::Num => "an array of numbers".to_owned(),
                Ty::Bool => "an array of booleans".to_owned(),
                Ty::Null => "an empty array".to_owned(),
                _ => "an array of values that are not repositories".to_owned(),
            },
            Ty::Object(_) => "an object".to_owned(),
            Ty::Str => "a string".to_owned(),
            Ty::Num => "a number".to_owned(),
            Ty::Bool => "a boolean".to_owned(),
            Ty::Null => "null".to_owned(),
            Ty::Other => "a value that is not an array of repositories".to_owned(),
            Ty::Expref => "an expression reference".to_owned(),
        }
    }

    /// A stable id for params.
    pub(crate) fn id(&self) -> &'static str {
        match self {
            Ty::Unknown => "unknown",
            Ty::Repo => "repository",
            Ty::Prop => "field",
            Ty::Array(e) if **e == Ty::Repo => "repositories",
            Ty::Array(e) if **e == Ty::Prop => "fields",
            Ty::Array(_) => "array",
            Ty::Object(_) => "object",
            Ty::Str => "string",
            Ty::Num => "number",
            Ty::Bool => "boolean",
            Ty::Null => "null",
            Ty::Other => "other",
            Ty::Expref => "expref",
        }
    }
}

fn literal(v: &Variable) -> Ty {
    match v {
        Variable::Null => Ty::Null,
        Variable::String(_) => Ty::Str,
        Variable::Bool(_) => Ty::Bool,
        Variable::Number(_) => Ty::Num,
        Variable::Array(_) => Ty::Array(Box::new(Ty::Other)),
        Variable::Object(map) => Ty::Object(map.keys().map(|k| (k.clone(), Ty::Other)).collect()),
        Variable::Expref(_) => Ty::Expref,
    }
}

fn field(input: &Ty, name: &str) -> Ty {
    match input {
        Ty::Object(fields) => fields
            .iter()
            .find(|(k, _)| k == name)
            .map_or(Ty::Unknown, |(_, t)| t.clone()),
        Ty::Repo | Ty::Prop => Ty::Prop,
        Ty::Unknown | Ty::Other => Ty::Unknown,
        _ => Ty::Null,
    }
}

/// The abstract result of `node` applied to a value of type `input`. Recursive: callers must
/// bound the AST depth first.
pub(crate) fn infer(node: &Ast, input: &Ty) -> Ty {
    match node {
        Ast::Identity { .. } => input.clone(),
        Ast::Field { name, .. } => field(input, name),
        Ast::Subexpr { lhs, rhs, .. } => infer(rhs, &infer(lhs, input)),
        Ast::Literal { value, .. } => literal(value),
        Ast::Index { .. } => match input {
            Ty::Array(e) => (**e).clone(),
            Ty::Unknown | Ty::Prop | Ty::Other => Ty::Unknown,
            _ => Ty::Null,
        },
        Ast::Slice { .. } => match input {
            Ty::Array(_) => input.clone(),
            Ty::Unknown | Ty::Prop | Ty::Other => Ty::Unknown,
            _ => Ty::Null,
        },
        Ast::Projection { lhs, rhs, .. } => match infer(lhs, input) {
            Ty::Array(e) => match infer(rhs, &e) {
                // Nulls are dropped from projections: nothing is collected.
                Ty::Null => Ty::Array(Box::new(Ty::Null)),
                t => Ty::Array(Box::new(t)),
            },
            Ty::Unknown | Ty::Prop | Ty::Other => Ty::Unknown,
            _ => Ty::Null,
        },
        Ast::Flatten { node, .. } => match infer(node, input) {
            Ty::Array(e) => match *e {
                Ty::Array(inner) => Ty::Array(inner),
                Ty::Unknown | Ty::Other => Ty::Array(Box::new(Ty::Unknown)),
                t => Ty::Array(Box::new(t)),
            },
            Ty::Unknown | Ty::Prop | Ty::Other => Ty::Unknown,
            _ => Ty::Null,
        },
        Ast::ObjectValues { node, .. } => match infer(node, input) {
            Ty::Object(fields) => Ty::Array(Box::new(
                fields
                    .into_iter()
                    .map(|(_, t)| t)
                    .reduce(Ty::union)
                    .unwrap_or(Ty::Null),
            )),
            Ty::Repo => Ty::Array(Box::new(Ty::Prop)),
            Ty::Unknown | Ty::Prop | Ty::Other => Ty::Unknown,
            _ => Ty::Null,
        },
        Ast::Condition { then, .. } => infer(then, input),
        Ast::Comparison { .. } | Ast::Not { .. } => Ty::Bool,
        Ast::And { lhs, rhs, .. } | Ast::Or { lhs, rhs, .. } => {
            Ty::union(infer(lhs, input), infer(rhs, input))
        }
        Ast::MultiList { elements, .. } => Ty::Array(Box::new(
            elements
                .iter()
                .map(|e| infer(e, input))
                .reduce(Ty::union)
                .unwrap_or(Ty::Null),
        )),
        Ast::MultiHash { elements, .. } => Ty::Object(
            elements
                .iter()
                .map(|kv| (kv.key.clone(), infer(&kv.value, input)))
                .collect(),
        ),
        Ast::Expref { .. } => Ty::Expref,
        Ast::Function { name, args, .. } => function(name, args, input),
    }
}

fn function(name: &str, args: &[Ast], input: &Ty) -> Ty {
    let arg = |i: usize| args.get(i).map_or(Ty::Unknown, |a| infer(a, input));
    match name {
        "sort_by" | "reverse" | "sort" => arg(0),
        "to_array" => match arg(0) {
            t @ (Ty::Array(_) | Ty::Unknown) => t,
            t => Ty::Array(Box::new(t)),
        },
        "max_by" | "min_by" => arg(0).element().unwrap_or(Ty::Unknown),
        "not_null" => (0..args.len())
            .map(arg)
            .reduce(Ty::union)
            .unwrap_or(Ty::Null),
        "map" => match (args.first(), arg(1)) {
            (Some(Ast::Expref { ast, .. }), Ty::Array(e)) => Ty::Array(Box::new(infer(ast, &e))),
            _ => Ty::Unknown,
        },
        "keys" => Ty::Array(Box::new(Ty::Str)),
        "values" => Ty::Array(Box::new(Ty::Other)),
        "length" | "abs" | "avg" | "ceil" | "floor" | "sum" | "to_number" => Ty::Num,
        "contains" | "starts_with" | "ends_with" => Ty::Bool,
        "join" | "to_string" | "type" => Ty::Str,
        "max" | "min" => Ty::Other,
        _ => Ty::Unknown,
    }
}

/// The listing envelope each host hands to the filter.
pub(crate) fn input_of(host: HostShape) -> Option<Ty> {
    match host {
        HostShape::Array => Some(Ty::repos()),
        HostShape::MicrosoftValue => Some(Ty::Object(vec![
            ("count".to_owned(), Ty::Num),
            ("value".to_owned(), Ty::repos()),
        ])),
        HostShape::GitHubApp => Some(Ty::Object(vec![
            ("total_count".to_owned(), Ty::Num),
            ("repositories".to_owned(), Ty::repos()),
        ])),
        HostShape::Unknown => None,
    }
}

fn ident_is(expr: &str, lexed: &Lexed, i: usize, names: &[&str]) -> bool {
    lexed.toks.get(i).is_some_and(|t| {
        let text = expr.get(t.start..t.end).unwrap_or("");
        match t.kind {
            Kind::Ident => names.contains(&text),
            Kind::Quoted => names.iter().any(|n| text == format!("\"{n}\"")),
            _ => false,
        }
    })
}

fn kind_at(lexed: &Lexed, i: usize) -> Option<Kind> {
    lexed.toks.get(i).map(|t| t.kind)
}

fn starts_array_filter(lexed: &Lexed, i: usize) -> bool {
    matches!(
        kind_at(lexed, i),
        Some(Kind::Filter | Kind::Lbracket | Kind::Flatten)
    )
}

fn rest_from(expr: &str, lexed: &Lexed, i: usize) -> Option<String> {
    let t = lexed.toks.get(i)?;
    Some(expr.get(t.start..)?.trim().to_owned())
}

/// For an array host: the array form of a Microsoft, Bitbucket or GitHub App expression.
fn array_form(expr: &str, lexed: &Lexed) -> Option<String> {
    let n = lexed.toks.len();
    // `{value: value[...]}` or `{values: values[...]}`.
    if kind_at(lexed, 0) == Some(Kind::Lbrace)
        && lexed.partners().first().copied().flatten() == Some(n.checked_sub(1)?)
        && kind_at(lexed, 2) == Some(Kind::Colon)
        && ident_is(expr, lexed, 1, &["value", "values"])
        && ident_is(expr, lexed, 3, &["value", "values"])
        && starts_array_filter(lexed, 4)
    {
        let (first, last) = (lexed.toks.get(4)?, lexed.toks.get(n - 1)?);
        return Some(expr.get(first.start..last.start)?.trim().to_owned());
    }
    // `repositories[] | …`
    if ident_is(expr, lexed, 0, &["repositories"])
        && kind_at(lexed, 1) == Some(Kind::Flatten)
        && kind_at(lexed, 2) == Some(Kind::Pipe)
    {
        return rest_from(expr, lexed, 3);
    }
    // `value[...]`, `values[...]`, `repositories[...]`.
    if ident_is(expr, lexed, 0, &["value", "values", "repositories"])
        && starts_array_filter(lexed, 1)
    {
        return rest_from(expr, lexed, 1);
    }
    None
}

/// For a Microsoft host: the `{value: value[...]}` form of an expression.
fn microsoft_form(expr: &str, lexed: &Lexed) -> Option<String> {
    if ident_is(expr, lexed, 0, &["value"]) && starts_array_filter(lexed, 1) {
        return Some(format!("{{value: {}}}", expr.trim()));
    }
    let body = array_form(expr, lexed)
        .or_else(|| starts_array_filter(lexed, 0).then(|| expr.trim().to_owned()))?;
    Some(format!("{{value: value{body}}}"))
}

/// For a GitHub App: the `repositories[] | …` form of an expression.
fn github_app_form(expr: &str, lexed: &Lexed) -> Option<String> {
    if ident_is(expr, lexed, 0, &["repositories"]) {
        let body = match kind_at(lexed, 1) {
            Some(Kind::Flatten) if starts_array_filter(lexed, 2) => 2,
            Some(Kind::Filter | Kind::Lbracket) => 1,
            _ => return None,
        };
        return Some(format!(
            "repositories[] | {}",
            rest_from(expr, lexed, body)?
        ));
    }
    let body = array_form(expr, lexed)
        .or_else(|| starts_array_filter(lexed, 0).then(|| expr.trim().to_owned()))?;
    Some(format!("repositories[] | {body}"))
}

fn host_label(host: HostShape) -> &'static str {
    match host {
        HostShape::Array => "array",
        HostShape::MicrosoftValue => "microsoft",
        HostShape::GitHubApp => "github-app",
        HostShape::Unknown => "unknown",
    }
}

fn not_repositories(host: HostShape, result: &Ty, suggestion: Option<String>) -> Diagnostic {
    let (receives, needs) = match host {
        HostShape::MicrosoftValue => (
            "the object {count, value: [repositories]}",
            "{value: [the repositories it keeps]}",
        ),
        HostShape::GitHubApp => (
            "the object {total_count, repositories: [...]}",
            "an array of the repositories it keeps",
        ),
        _ => (
            "an array of repositories",
            "an array of the repositories it keeps",
        ),
    };
    let mut d = Diagnostic::new(
        &NOT_REPOSITORIES,
        "",
        format!(
            "On this host the filter receives {receives} and must return {needs}, but this expression returns {}.",
            result.describe()
        ),
    )
    .param("host", host_label(host))
    .param("returns", result.id());
    if let Some(s) = suggestion {
        d = d.suggest(s);
    }
    d
}

/// Host-convention warnings for a valid expression whose AST depth is small enough to walk
/// recursively.
pub(crate) fn check(expr: &str, lexed: &Lexed, ast: &Ast, host: HostShape) -> Vec<Diagnostic> {
    let Some(input) = input_of(host) else {
        return Vec::new();
    };
    let result = infer(ast, &input);
    let mut out = Vec::new();
    let whole = match (lexed.toks.first(), lexed.toks.last()) {
        (Some(first), Some(last)) => Span {
            start: first.cstart,
            end: last.cend,
        },
        _ => Span { start: 0, end: 0 },
    };
    match host {
        HostShape::Array => {
            if !result.maybe_repos() {
                out.push(not_repositories(host, &result, array_form(expr, lexed)));
            }
        }
        HostShape::MicrosoftValue => match &result {
            Ty::Unknown => {}
            Ty::Object(fields) if fields.iter().any(|(k, _)| k == "value") => {
                let value = field(&result, "value");
                if !value.maybe_repos() {
                    out.push(not_repositories(host, &value, None));
                }
            }
            _ => {
                let mut d = Diagnostic::new(
                    &MICROSOFT_WRAPPER,
                    "",
                    format!(
                        "On Azure DevOps, VSTS, Azure and TFS the filter must have the form {{value: value[...]}}, but this expression returns {}.",
                        result.describe()
                    ),
                )
                .param("returns", result.id());
                if let Some(s) = microsoft_form(expr, lexed) {
                    d = d.suggest(s);
                }
                out.push(d);
            }
        },
        HostShape::GitHubApp => {
            let prefixed = ident_is(expr, lexed, 0, &["repositories"])
                && kind_at(lexed, 1) == Some(Kind::Flatten)
                && kind_at(lexed, 2) == Some(Kind::Pipe);
            let suggestion = github_app_form(expr, lexed);
            if !prefixed {
                let mut d = Diagnostic::new(
                    &GITHUB_APP_PREFIX,
                    "",
                    "A filter for a GitHub App integration must start with `repositories[] |`.",
                );
                if let Some(s) = &suggestion {
                    d = d.suggest(s.clone());
                }
                out.push(d);
            }
            if !result.maybe_repos() && prefixed {
                out.push(not_repositories(host, &result, None));
            }
        }
        HostShape::Unknown => {}
    }
    out.into_iter().map(|d| d.with_span(whole)).collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn warn(expr: &str, host: HostShape) -> Vec<Diagnostic> {
        check(expr, &lex(expr), &jmespath::parse(expr).unwrap(), host)
    }

    fn codes(expr: &str, host: HostShape) -> Vec<&'static str> {
        warn(expr, host).iter().map(|d| d.code.id).collect()
    }

    #[test]
    fn array_hosts_need_an_array_of_repositories() {
        for ok in [
            "[?contains(name, 'git')]",
            "@",
            "[*]",
            "sort_by(@, &name)",
            "[?a] | [0:5]",
            "[?a] || [?b]",
            "reverse([?a])",
            "[].merge(@, `{}`)",
            "not_null([?a], @)",
        ] {
            assert!(codes(ok, HostShape::Array).is_empty(), "{ok}");
        }
        for (bad, returns) in [
            ("[?x].name", "fields"),
            ("[].name", "fields"),
            ("length(@)", "number"),
            ("[0]", "repository"),
            ("value[?x]", "null"),
            ("{value: value[?x]}", "object"),
            ("[].{n: name}", "array"),
            ("keys(@)", "array"),
        ] {
            let d = warn(bad, HostShape::Array);
            assert_eq!(d.len(), 1, "{bad}");
            assert_eq!(d[0].code, NOT_REPOSITORIES.id);
            assert_eq!(d[0].params.get("returns").unwrap(), returns, "{bad}");
        }
        let d = warn("{value:value[?contains(name, 'x')]}", HostShape::Array);
        assert_eq!(d[0].suggestion.as_deref(), Some("[?contains(name, 'x')]"));
        let d = warn("repositories[] | [?a]", HostShape::Array);
        assert_eq!(d[0].suggestion.as_deref(), Some("[?a]"));
    }

    #[test]
    fn microsoft_hosts_need_the_value_wrapper() {
        assert!(
            codes(
                "{value:value[?contains(name, 'x')]}",
                HostShape::MicrosoftValue
            )
            .is_empty()
        );
        assert!(codes("{value: sort_by(value, &name)}", HostShape::MicrosoftValue).is_empty());
        let d = warn("value[?contains(name, 'x')]", HostShape::MicrosoftValue);
        assert_eq!(d[0].code, MICROSOFT_WRAPPER.id);
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("{value: value[?contains(name, 'x')]}")
        );
        let d = warn("[?contains(name, 'x')]", HostShape::MicrosoftValue);
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("{value: value[?contains(name, 'x')]}")
        );
        assert_eq!(
            codes("{value: value[].name}", HostShape::MicrosoftValue),
            [NOT_REPOSITORIES.id]
        );
    }

    #[test]
    fn github_app_needs_the_prefix() {
        assert!(codes("repositories[] | [?name == 'x']", HostShape::GitHubApp).is_empty());
        let d = warn("[?name == 'x']", HostShape::GitHubApp);
        assert_eq!(d[0].code, GITHUB_APP_PREFIX.id);
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("repositories[] | [?name == 'x']")
        );
        let d = warn("repositories[?name == 'x']", HostShape::GitHubApp);
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("repositories[] | [?name == 'x']")
        );
        assert_eq!(d[0].span, Some(Span { start: 0, end: 26 }));
        let d = warn("repositories[] [?a]", HostShape::GitHubApp);
        assert_eq!(d[0].suggestion.as_deref(), Some("repositories[] | [?a]"));
        assert_eq!(
            codes("repositories[] | [].name", HostShape::GitHubApp),
            [NOT_REPOSITORIES.id]
        );
    }

    #[test]
    fn unknown_host_has_no_conventions() {
        assert!(codes("length(@)", HostShape::Unknown).is_empty());
    }
}
