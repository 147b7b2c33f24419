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
mod compile;
mod excerpt;
mod functions;
mod guard;
mod lexer;
mod negation;
mod pitfalls;
mod preview;
mod shape;
mod syntax;
mod tree;

#[cfg(test)]
mod compliance_tests;
#[cfg(test)]
pub(crate) mod tests;

use std::cell::RefCell;

use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::memo::{Recent, memo};

use compile::CACHE_SIZE;
pub(crate) use compile::{Compiled, compile};
pub use excerpt::caret_excerpt;
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
/// The preview stopped: evaluating the filter on the listing, or matching its results to the
/// listing's repositories, needs more work than the preview's budget
/// ([`budget::MAX_NODE_VISITS`], [`budget::MAX_FUNCTION_WORK`]); `reason` says which bound:
/// `node-visits`, `function-work` or `result-matching`.
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

pub(crate) use crate::text::snippet;

/// JMESPath's own whitespace; anything else (a no-break space) is a syntax error.
fn is_blank(expr: &str) -> bool {
    expr.chars().all(|c| matches!(c, ' ' | '\n' | '\t' | '\r'))
}

fn too_long(expr: &str) -> Option<Diagnostic> {
    let (units, span) = crate::text::over_utf16_limit(expr, MAX_LENGTH)?;
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
        .with_span(span),
    )
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
