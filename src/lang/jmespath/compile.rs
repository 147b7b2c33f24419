//! Compiling a filter: the nesting guard, the parse, and the checks that depend on the text
//! alone, remembered per thread for the last few filters.

use std::cell::RefCell;
use std::rc::Rc;

use jmespath::ast::Ast;

use super::{MAX_NESTING, TOO_DEEP, functions, guard, lexer, negation, pitfalls, syntax, tree};
use crate::diagnostics::{Diagnostic, Span};
use crate::memo::{Recent, memo};

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

impl Compiled {
    /// An expression that is not parsed further, with the error `d`.
    fn refused(lexed: lexer::Lexed, d: Diagnostic) -> Compiled {
        Compiled {
            lexed,
            ast: None,
            errors: vec![d],
            lint: Vec::new(),
            ast_depth: 0,
        }
    }
}

fn compile_uncached(expr: &str) -> Compiled {
    #[cfg(test)]
    super::tests::COMPILES.with(|c| c.set(c.get() + 1));
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
        return Compiled::refused(lexed, d);
    }
    match jmespath::parse(expr) {
        Err(e) => {
            let d = syntax::diagnose(expr, &lexed, &e);
            Compiled::refused(lexed, d)
        }
        Ok(ast) => match syntax::missing_comma(expr, &lexed) {
            Some(d) => Compiled::refused(lexed, d),
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
pub(super) const CACHE_SIZE: usize = 8;

thread_local! {
    static CACHE: RefCell<Recent<Compiled>> = const { RefCell::new(Recent::new(CACHE_SIZE)) };
}

/// Compiles `expr` (guard, parse, static checks), reusing a recent result for the same text.
pub(crate) fn compile(expr: &str) -> Rc<Compiled> {
    memo(&CACHE, expr, || compile_uncached(expr))
}
