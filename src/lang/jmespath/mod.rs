//! JMESPath for `apiFilter`: the filter the Git Integration for Jira server applies to the
//! repository listing of a git host.
//!
//! The server runs a Java implementation of the **original** JMESPath specification, so this
//! module accepts exactly that language (the `jmespath` 0.5 crate is the parser), reports
//! JMESPath Community constructs as errors, checks functions statically, warns where the
//! server's precedence of `!` differs from the specification, checks the host's conventions
//! (`{value: value[...]}`, `repositories[] |`, an array of repositories as the result), and
//! previews a filter on a sample listing.
//!
//! No input may crash: the crate's parser and interpreter recurse without a limit, so
//! - the 2,000-character limit is checked first ([`MAX_LENGTH`]);
//! - a linear token scan bounds the parser's recursion before it runs ([`MAX_NESTING`]);
//! - every walk over the AST is iterative or runs only below [`MAX_EVAL_DEPTH`];
//! - the preview evaluates only ASTs and listings below [`MAX_EVAL_DEPTH`] levels.

mod budget;
mod functions;
mod guard;
mod lexer;
mod negation;
mod pitfalls;
mod preview;
mod shape;
mod syntax;
mod tree;

use std::cell::RefCell;
use std::rc::Rc;

use jmespath::ast::Ast;

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::lang::recent::{Recent, memo};

pub use functions::original_functions;
pub use guard::MAX_NESTING;
pub use preview::{Preview, PreviewItem, preview};

/// The longest filter the server accepts, in UTF-16 code units (Java's `String.length()`).
pub const MAX_LENGTH: usize = 2000;

/// The deepest AST the checker walks recursively or the preview evaluates. The crate's
/// interpreter takes ~11 KiB of stack per AST level in a debug build (~0.5 KiB in release), so
/// 48 levels stay near 0.5 MiB even in a debug wasm build with its 1 MiB stack.
pub const MAX_EVAL_DEPTH: usize = 48;

/// `apiFilter` is longer than the server's limit.
pub const TOO_LONG: Code = Code::new(
    "jmespath-too-long",
    Severity::Error,
    "The filter is longer than the server's 2,000-character limit.",
);
/// Nesting beyond [`MAX_NESTING`]; refused before parsing.
pub const TOO_DEEP: Code = Code::new(
    "jmespath-too-deep",
    Severity::Error,
    "The filter nests more than 32 levels deep and is refused before parsing.",
);
/// Not valid JMESPath syntax.
pub const SYNTAX: Code = Code::new(
    "jmespath-syntax",
    Severity::Error,
    "The filter is not valid JMESPath syntax.",
);
/// A construct only the JMESPath Community superset has.
pub const COMMUNITY_EXTENSION: Code = Code::new(
    "jmespath-community-extension",
    Severity::Error,
    "The filter uses a JMESPath Community extension that the server does not implement.",
);
/// A function the original specification does not define.
pub const UNKNOWN_FUNCTION: Code = Code::new(
    "jmespath-unknown-function",
    Severity::Error,
    "The filter calls a function that the original JMESPath specification does not define.",
);
/// A function called with the wrong number of arguments.
pub const FUNCTION_ARITY: Code = Code::new(
    "jmespath-function-arity",
    Severity::Error,
    "A function is called with the wrong number of arguments.",
);
/// An expression reference where a value is expected, or the reverse.
pub const FUNCTION_ARGUMENT: Code = Code::new(
    "jmespath-function-argument",
    Severity::Error,
    "A function argument is an expression reference where a value is expected, or the reverse.",
);
/// `[a:b:0]`.
pub const SLICE_STEP_ZERO: Code = Code::new(
    "jmespath-slice-step-zero",
    Severity::Error,
    "A slice has a step of 0, which fails whenever it is evaluated.",
);
/// A bare `!` that the server applies to more than the term after it.
pub const UNPARENTHESISED_NOT: Code = Code::new(
    "jmespath-unparenthesised-not",
    Severity::Warning,
    "A `!` is not in parentheses and the server reads it differently from standard JMESPath.",
);
/// `"x"` (a field name) where a string `'x'` is almost certainly meant.
pub const QUOTED_NAME: Code = Code::new(
    "jmespath-quoted-name",
    Severity::Warning,
    "A name in double quotes is a field, not a string; a string is written in single quotes.",
);
/// Microsoft hosts need `{value: value[...]}`.
pub const MICROSOFT_WRAPPER: Code = Code::new(
    "jmespath-microsoft-wrapper",
    Severity::Warning,
    "A filter for Azure DevOps, VSTS, Azure or TFS must have the form {value: value[...]}.",
);
/// GitHub App filters must start with `repositories[] |`.
pub const GITHUB_APP_PREFIX: Code = Code::new(
    "jmespath-github-app-prefix",
    Severity::Warning,
    "A filter for a GitHub App integration must start with `repositories[] |`.",
);
/// The result is not an array of the listing's repositories.
pub const NOT_REPOSITORIES: Code = Code::new(
    "jmespath-not-repositories",
    Severity::Warning,
    "The filter does not return an array of the listing's repositories.",
);
/// Evaluating the filter on the previewed listing fails.
pub const EVALUATION_ERROR: Code = Code::new(
    "jmespath-evaluation-error",
    Severity::Error,
    "Evaluating the filter on the listing fails.",
);
/// The preview cannot run on this listing or expression.
pub const PREVIEW_UNAVAILABLE: Code = Code::new(
    "jmespath-preview-unavailable",
    Severity::Warning,
    "The filter cannot be previewed on this listing.",
);
/// The preview stopped: evaluating the filter on the listing needs more work than the
/// preview's budget ([`budget::MAX_NODE_VISITS`], [`budget::MAX_FUNCTION_WORK`]).
pub const PREVIEW_TOO_MUCH_WORK: Code = Code::new(
    "jmespath-preview-too-much-work",
    Severity::Warning,
    "Preview stopped: evaluating the filter on this listing needs too much work (node visits or function work beyond the preview's budget).",
);

/// Every code this module can emit.
pub const CODES: &[Code] = &[
    TOO_LONG,
    TOO_DEEP,
    SYNTAX,
    COMMUNITY_EXTENSION,
    UNKNOWN_FUNCTION,
    FUNCTION_ARITY,
    FUNCTION_ARGUMENT,
    SLICE_STEP_ZERO,
    UNPARENTHESISED_NOT,
    QUOTED_NAME,
    MICROSOFT_WRAPPER,
    GITHUB_APP_PREFIX,
    NOT_REPOSITORIES,
    EVALUATION_ERROR,
    PREVIEW_UNAVAILABLE,
    PREVIEW_TOO_MUCH_WORK,
];

/// What the server hands to the filter, by integration type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HostShape {
    /// An array of repositories: GITHUB, GITHUB_SERVER, GITLAB, GITLAB_SERVER,
    /// GITLAB_SERVER_LEGACY, GERRIT, FILESPACE.
    Array,
    /// `{count, value: [...]}`, filtered as `{value: value[...]}`: AZURE_DEVOPS, VSTS, AZURE,
    /// TFS_SERVER.
    MicrosoftValue,
    /// `{total_count, repositories: [...]}`, filtered as `repositories[] | ...`.
    GitHubApp,
    /// No host conventions are checked.
    Unknown,
}

impl HostShape {
    /// The shape for a GIJ integration `type` (`"GITHUB"`, `"AZURE_DEVOPS"`...), where
    /// `github_app` says the integration authenticates as a GitHub App. Types without a
    /// documented filter convention (`AWS`, unknown values) give [`HostShape::Unknown`].
    pub fn for_integration_type(integration_type: &str, github_app: bool) -> HostShape {
        match integration_type {
            "GITHUB" | "GITHUB_SERVER" if github_app => HostShape::GitHubApp,
            "GITHUB"
            | "GITHUB_SERVER"
            | "GITLAB"
            | "GITLAB_SERVER"
            | "GITLAB_SERVER_LEGACY"
            | "GERRIT"
            | "FILESPACE" => HostShape::Array,
            "AZURE_DEVOPS" | "VSTS" | "AZURE" | "TFS_SERVER" => HostShape::MicrosoftValue,
            _ => HostShape::Unknown,
        }
    }
}

/// True when `expr` has the GitHub App form `repositories[] | ...` (white space allowed), which
/// only a GitHub App integration's listing answers.
pub fn looks_like_github_app_filter(expr: &str) -> bool {
    let mut compact = expr.chars().filter(|c| !c.is_whitespace());
    "repositories[]|".chars().all(|c| compact.next() == Some(c))
}

/// The message of a [`COMMUNITY_EXTENSION`] diagnostic for `what` ("The function `lower`").
pub(crate) fn community_message(what: &str) -> String {
    format!(
        "{what} is a JMESPath Community extension; the server implements the original specification."
    )
}

pub(crate) use crate::json::snippet;

/// JMESPath's own whitespace; anything else (a no-break space) is a syntax error.
fn is_blank(expr: &str) -> bool {
    expr.chars().all(|c| matches!(c, ' ' | '\n' | '\t' | '\r'))
}

fn too_long(expr: &str) -> Option<Diagnostic> {
    // UTF-8 never takes fewer bytes than UTF-16 units: most filters need no count.
    if expr.len() <= MAX_LENGTH {
        return None;
    }
    let units = expr.encode_utf16().count();
    if units <= MAX_LENGTH {
        return None;
    }
    let mut seen = 0;
    let first_over = expr
        .chars()
        .position(|c| {
            seen += c.len_utf16();
            seen > MAX_LENGTH
        })
        .unwrap_or(0);
    Some(
        Diagnostic::new(
            &TOO_LONG,
            "",
            format!(
                "The filter is {units} characters long; the server accepts at most {MAX_LENGTH}."
            ),
        )
        .param("length", units)
        .param("limit", MAX_LENGTH)
        .with_span(Span {
            start: first_over,
            end: expr.chars().count(),
        }),
    )
}

/// The host-independent result of compiling one expression (cached).
pub(crate) struct Compiled {
    pub lexed: lexer::Lexed,
    pub ast: Option<Ast>,
    /// Error diagnostics: nesting, syntax, Community constructs, functions, slices.
    pub errors: Vec<Diagnostic>,
    /// Warnings that depend on the text alone (negation precedence, pitfalls), for a parsed
    /// filter; remembered with it, while the host-dependent shape checks run on every call.
    pub lint: Vec<Diagnostic>,
    pub ast_depth: usize,
}

fn compile_uncached(expr: &str) -> Compiled {
    #[cfg(test)]
    tests::COMPILES.with(|c| c.set(c.get() + 1));
    let lexed = lexer::lex(expr);
    let depth = guard::nesting(&lexed.toks, MAX_NESTING);
    if let Some(i) = depth.exceeded_at {
        let span = lexed.toks.get(i).map(|t| Span {
            start: t.cstart,
            end: t.cend,
        });
        let mut d = Diagnostic::new(
            &TOO_DEEP,
            "",
            format!(
                "The filter nests more than {MAX_NESTING} levels deep (brackets, `!`, `&` and chained projections count); it is refused before parsing."
            ),
        )
        .param("limit", MAX_NESTING);
        if let Some(s) = span {
            d = d.with_span(s);
        }
        return Compiled {
            lexed,
            ast: None,
            errors: vec![d],
            lint: Vec::new(),
            ast_depth: 0,
        };
    }
    match jmespath::parse(expr) {
        Err(e) => {
            let d = syntax::diagnose(expr, &lexed, &e);
            Compiled {
                lexed,
                ast: None,
                errors: vec![d],
                lint: Vec::new(),
                ast_depth: 0,
            }
        }
        Ok(ast) => match syntax::missing_comma(expr, &lexed) {
            Some(d) => Compiled {
                lexed,
                ast: None,
                errors: vec![d],
                lint: Vec::new(),
                ast_depth: 0,
            },
            None => Compiled {
                errors: functions::check(expr, &lexed, &ast),
                lint: negation::check(expr, &lexed)
                    .into_iter()
                    .chain(pitfalls::check(expr, &lexed))
                    .collect(),
                ast_depth: tree::depth(&ast),
                lexed,
                ast: Some(ast),
            },
        },
    }
}

/// Compiled filters remembered per thread.
const CACHE_SIZE: usize = 8;

thread_local! {
    static CACHE: RefCell<Recent<Compiled>> = const { RefCell::new(Recent::new(CACHE_SIZE)) };
}

/// Compiles `expr` (guard, parse, static checks), reusing a recent result for the same text.
pub(crate) fn compile(expr: &str) -> Rc<Compiled> {
    memo(&CACHE, expr, || compile_uncached(expr))
}

/// Checks an `apiFilter` expression for `host`. Spans are in characters of `expr`; paths are
/// `""`. An empty or whitespace-only expression means "no filter" and has no diagnostics.
pub fn check(expr: &str, host: HostShape) -> Vec<Diagnostic> {
    if is_blank(expr) {
        return Vec::new();
    }
    if let Some(d) = too_long(expr) {
        return vec![d];
    }
    // The shape checks walk the tree for the host; a form revalidating on each keystroke reuses
    // the answer. The key is one character for the host, then the filter.
    thread_local! {
        static CHECKED: RefCell<Recent<Vec<Diagnostic>>> =
            const { RefCell::new(Recent::new(CACHE_SIZE)) };
    }
    let mut key = String::with_capacity(expr.len() + 1);
    key.push(char::from(b'0' + host as u8));
    key.push_str(expr);
    memo(&CHECKED, &key, || checked(expr, host)).to_vec()
}

fn checked(expr: &str, host: HostShape) -> Vec<Diagnostic> {
    #[cfg(test)]
    tests::CHECKS.with(|c| c.set(c.get() + 1));
    let compiled = compile(expr);
    let mut out = compiled.errors.clone();
    if let Some(ast) = &compiled.ast {
        out.extend(compiled.lint.iter().cloned());
        if compiled.ast_depth <= MAX_EVAL_DEPTH {
            out.extend(shape::check(expr, &compiled.lexed, ast, host));
        }
    }
    out
}

/// The line of `expr` that contains `span.start`, and under it a line of `^` marking the span
/// (at least one). Lines longer than 60 characters are cut to a window of about 40 characters
/// around the span, with `…` where text was left out.
pub fn caret_excerpt(expr: &str, span: Span) -> String {
    const WHOLE: usize = 60;
    const WINDOW: usize = 40;
    const BEFORE: usize = 15;
    let chars: Vec<char> = expr.chars().collect();
    let start = span.start.min(chars.len());
    let line_start = chars
        .get(..start)
        .and_then(|before| before.iter().rposition(|&c| c == '\n'))
        .map_or(0, |i| i + 1);
    let line_end = chars
        .get(start..)
        .and_then(|after| after.iter().position(|&c| c == '\n'))
        .map_or(chars.len(), |i| start + i);
    let line: Vec<char> = chars
        .get(line_start..line_end)
        .unwrap_or(&[])
        .iter()
        .map(|&c| if c == '\t' { ' ' } else { c })
        .collect();
    let line = match line.last() {
        Some('\r') => line.get(..line.len() - 1).unwrap_or(&[]).to_vec(),
        _ => line,
    };
    let col = start - line_start;
    let width = span
        .end
        .min(line_start + line.len())
        .saturating_sub(start)
        .max(1);
    let (from, to) = if line.len() <= WHOLE {
        (0, line.len())
    } else {
        let from = col.saturating_sub(BEFORE);
        (from, (from + WINDOW).max(col + 1).min(line.len()))
    };
    let mut text = String::new();
    let mut pad = col - from;
    if from > 0 {
        text.push('…');
        pad += 1;
    }
    text.extend(line.get(from..to).unwrap_or(&[]));
    if to < line.len() {
        text.push('…');
    }
    let visible = width.min(to.saturating_sub(col)).max(1);
    format!("{text}\n{}{}", " ".repeat(pad), "^".repeat(visible))
}

#[cfg(test)]
mod compliance_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]
pub(crate) mod tests {
    use super::*;
    use std::cell::Cell;
    use std::time::{Duration, Instant};

    thread_local! {
        pub(crate) static COMPILES: Cell<usize> = const { Cell::new(0) };
        pub(crate) static CHECKS: Cell<usize> = const { Cell::new(0) };
    }

    /// Runs `f` on a thread with a `kib` KiB stack; fails if it overflows or panics.
    pub(crate) fn on_stack(kib: usize, f: impl FnOnce() + Send + 'static) {
        std::thread::Builder::new()
            .stack_size(kib * 1024)
            .spawn(f)
            .expect("spawn")
            .join()
            .expect("no stack overflow");
    }

    /// `(open, close)` units that nest one parser level each: `open^n a close^n`.
    pub(crate) const NESTED: &[(&str, &str)] = &[
        ("(", ")"),
        ("[", "]"),
        ("[?", "]"),
        ("{a:", "}"),
        ("abs(", ")"),
        ("!", ""),
        ("& ", ""),
        ("!(", ")"),
        ("(a || ", ")"),
        ("[?a == ", "]"),
        ("map(&", ", a)"),
    ];

    /// Units repeated after `a`: projections nest, the others are left-deep chains.
    pub(crate) const CHAINS: &[&str] = &[
        "[*]", "[?a]", "[:]", "[*].a", ".*", "[].a[*]", "[?a].b", "[0]", ".a", "|a", "||a", "[]",
    ];

    pub(crate) fn nested(open: &str, close: &str, n: usize) -> String {
        format!("{}a{}", open.repeat(n), close.repeat(n))
    }

    fn codes(expr: &str, host: HostShape) -> Vec<&'static str> {
        check(expr, host).iter().map(|d| d.code).collect()
    }

    fn errors(expr: &str) -> Vec<&'static str> {
        check(expr, HostShape::Unknown)
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.code)
            .collect()
    }

    #[test]
    fn blank_means_no_filter() {
        assert!(check("", HostShape::GitHubApp).is_empty());
        assert!(check(" \n\t ", HostShape::MicrosoftValue).is_empty());
        assert_eq!(errors("\u{a0}"), [SYNTAX.id]);
    }

    #[test]
    fn each_code_fails_and_passes() {
        let long = format!("[?name == '{}']", "x".repeat(2000));
        let fits = format!("[?name == '{}']", "x".repeat(1985));
        let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
        let ok_deep = format!("{}a{}", "(".repeat(20), ")".repeat(20));
        let cases: &[(&Code, &str, &str, HostShape)] = &[
            (&TOO_LONG, &long, &fits, HostShape::Array),
            (&TOO_DEEP, &deep, &ok_deep, HostShape::Unknown),
            (&SYNTAX, "[?name == 'x'", "[?name == 'x']", HostShape::Array),
            (
                &COMMUNITY_EXTENSION,
                "[?size + 1 > `2`]",
                "[?size > `2`]",
                HostShape::Array,
            ),
            (
                &UNKNOWN_FUNCTION,
                "[?startswith(name, 'a')]",
                "[?starts_with(name, 'a')]",
                HostShape::Array,
            ),
            (
                &FUNCTION_ARITY,
                "[?contains(name)]",
                "[?contains(name, 'a')]",
                HostShape::Array,
            ),
            (
                &FUNCTION_ARGUMENT,
                "sort_by(@, name)",
                "sort_by(@, &name)",
                HostShape::Array,
            ),
            (&SLICE_STEP_ZERO, "[0:5:0]", "[0:5:1]", HostShape::Array),
            (
                &UNPARENTHESISED_NOT,
                "[?!archived && private]",
                "[?(!archived) && private]",
                HostShape::Array,
            ),
            (
                &MICROSOFT_WRAPPER,
                "value[?!isDisabled]",
                "{value: value[?!isDisabled]}",
                HostShape::MicrosoftValue,
            ),
            (
                &GITHUB_APP_PREFIX,
                "[?name == 'x']",
                "repositories[] | [?name == 'x']",
                HostShape::GitHubApp,
            ),
            (
                &NOT_REPOSITORIES,
                "[?private].name",
                "[?private]",
                HostShape::Array,
            ),
        ];
        for (code, bad, good, host) in cases {
            assert!(
                codes(bad, *host).contains(&code.id),
                "{} not raised by {bad}: {:?}",
                code.id,
                check(bad, *host)
            );
            assert!(
                check(good, *host).is_empty(),
                "{good} raised {:?}",
                check(good, *host)
            );
        }
    }

    #[test]
    fn host_shapes_by_integration_type() {
        use HostShape::*;
        for (t, app, shape) in [
            ("GITHUB", false, Array),
            ("GITHUB_SERVER", true, GitHubApp),
            ("GITLAB_SERVER_LEGACY", false, Array),
            ("FILESPACE", false, Array),
            ("TFS_SERVER", false, MicrosoftValue),
            ("VSTS", false, MicrosoftValue),
            ("AWS", false, Unknown),
            ("github", false, Unknown),
        ] {
            assert_eq!(HostShape::for_integration_type(t, app), shape, "{t}");
        }
    }

    #[test]
    fn too_long_counts_utf16_units() {
        let e = format!("'{}'", "😀".repeat(1000));
        let d = check(&e, HostShape::Unknown);
        assert_eq!(d[0].code, TOO_LONG.id);
        assert_eq!(d[0].params.get("length").unwrap(), 2002);
        assert_eq!(
            d[0].span,
            Some(Span {
                start: 1000,
                end: 1002
            })
        );
        // More bytes than the limit, fewer UTF-16 units: not too long.
        let fits = format!("'{}'", "é".repeat(MAX_LENGTH - 2));
        assert!(fits.len() > MAX_LENGTH);
        assert!(codes(&fits, HostShape::Unknown).is_empty());
    }

    #[test]
    fn codes_are_unique_and_listed() {
        let mut ids: Vec<_> = CODES.iter().map(|c| c.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), CODES.len());
        assert!(ids.iter().all(|id| id.starts_with("jmespath-")));
    }

    #[test]
    fn caret_excerpt_marks_the_span() {
        assert_eq!(
            caret_excerpt("[?name = 'x']", Span { start: 7, end: 8 }),
            "[?name = 'x']\n       ^"
        );
        assert_eq!(caret_excerpt("a.", Span { start: 2, end: 2 }), "a.\n  ^");
        assert_eq!(
            caret_excerpt("a |\n b[?c\n]", Span { start: 6, end: 8 }),
            " b[?c\n  ^^"
        );
        let long = format!("{}XY{}", "a".repeat(100), "b".repeat(100));
        let e = caret_excerpt(
            &long,
            Span {
                start: 100,
                end: 102,
            },
        );
        let lines: Vec<&str> = e.lines().collect();
        assert!(lines[0].chars().count() <= 42, "{e}");
        let col = lines[1].find('^').unwrap();
        assert_eq!(lines[0].chars().nth(col), Some('X'));
        assert!(lines[1].ends_with("^^"));
    }

    #[test]
    fn cache_reuses_compiled_expressions() {
        let e = "[?contains(name, 'cache-test')]";
        let before = COMPILES.with(Cell::get);
        for host in [HostShape::Array, HostShape::GitHubApp, HostShape::Array] {
            check(e, host);
        }
        assert_eq!(COMPILES.with(Cell::get) - before, 1);
        for i in 0..CACHE_SIZE {
            check(&format!("[?a == `{i}`]"), HostShape::Array);
        }
        check(e, HostShape::Array);
        assert_eq!(COMPILES.with(Cell::get) - before, CACHE_SIZE + 2);
    }

    #[test]
    fn results_are_remembered_per_host() {
        let e = "[?name == 'per-host-memo']";
        let checks = || CHECKS.with(Cell::get);
        let before = checks();
        let array = check(e, HostShape::Array);
        let app = check(e, HostShape::GitHubApp);
        assert!(array.is_empty(), "{array:?}");
        assert_eq!(codes(e, HostShape::GitHubApp), vec![GITHUB_APP_PREFIX.id]);
        assert_eq!(checks() - before, 2);
        // Alternating hosts: each answer is the one computed for that host, not the other's.
        for _ in 0..3 {
            assert_eq!(check(e, HostShape::Array), array);
            assert_eq!(check(e, HostShape::GitHubApp), app);
        }
        assert_eq!(checks() - before, 2);
    }

    /// Inputs of every nesting shape, from the brief: 1e3, 1e4 and 1e5 characters.
    /// With each: whether it must be refused (nesting shapes are; chains only when too long).
    fn nesting_shapes(chars: usize) -> Vec<(String, bool)> {
        let mut out: Vec<(String, bool)> = NESTED
            .iter()
            .chain(&[("[", ""), ("(", "")])
            .map(|(open, close)| {
                let e = nested(open, close, chars / (open.len() + close.len()));
                (e, true)
            })
            .collect();
        out.extend(CHAINS.iter().map(|c| {
            let e = format!("a{}", c.repeat(chars / c.len()));
            let refuse = e.len() > MAX_LENGTH;
            (e, refuse)
        }));
        out
    }

    #[test]
    fn deep_inputs_get_a_diagnostic_quickly() {
        on_stack(512, || {
            for chars in [1_000, 10_000, 100_000] {
                for (e, refuse) in nesting_shapes(chars) {
                    let t = Instant::now();
                    let d = check(&e, HostShape::Array);
                    let elapsed = t.elapsed();
                    assert!(
                        elapsed < Duration::from_secs(1),
                        "{} chars: {elapsed:?}",
                        e.len()
                    );
                    if refuse {
                        let code = d.first().map(|d| d.code);
                        assert!(
                            matches!(code, Some(c) if c == TOO_DEEP.id || c == TOO_LONG.id),
                            "{}…: {d:?}",
                            &e[..20]
                        );
                    }
                }
            }
        });
    }

    /// The worst input the guard lets through, for every recursive shape, parses and is checked
    /// in a debug build on a 512 KiB stack (debug frames are ~8 KiB per level; wasm release
    /// frames ~0.7 KiB against a 1 MiB stack).
    #[test]
    fn deepest_allowed_inputs_parse_on_a_small_stack() {
        on_stack(512, || {
            let mut shapes: Vec<Box<dyn Fn(usize) -> String>> = Vec::new();
            for (open, close) in NESTED {
                shapes.push(Box::new(move |n| nested(open, close, n)));
            }
            for chain in CHAINS {
                shapes.push(Box::new(move |n| format!("a{}", chain.repeat(n))));
            }
            for shape in shapes {
                // The largest n that passes the guard and the length limit (left-deep
                // shapes such as `a[].a[*]…` never nest and stop at the length limit).
                let mut n = 1;
                while shape(n + 1).len() <= MAX_LENGTH
                    && guard::nesting(&lexer::lex(&shape(n + 1)).toks, MAX_NESTING)
                        .exceeded_at
                        .is_none()
                {
                    n += 1;
                }
                let e = shape(n);
                let d = check(&e, HostShape::Array);
                assert!(
                    d.iter()
                        .all(|d| d.code != TOO_DEEP.id && d.code != SYNTAX.id),
                    "{e}: {d:?}"
                );
                assert!(jmespath::parse(&e).is_ok());
            }
        });
    }

    /// Random token soups never crash the checker (deterministic LCG, no dependency).
    #[test]
    fn random_inputs_never_crash() {
        on_stack(512, || {
            let pieces = [
                "(", ")", "[", "]", "[?", "{a:", "}", "!", "&", "a", "'s'", "`1`", ".", "*", "[*]",
                "[]", "|", "||", "&&", "==", ",", ":", "@", "abs(", "1", " ",
            ];
            let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
            let mut next = || {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (seed >> 33) as usize
            };
            for _ in 0..3000 {
                let len = next() % 400;
                let e: String = (0..len).map(|_| pieces[next() % pieces.len()]).collect();
                let _ = check(&e, HostShape::Array);
            }
        });
    }
}
