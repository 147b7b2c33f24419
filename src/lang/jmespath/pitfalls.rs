//! Valid JMESPath that almost certainly does not mean what was written.
//!
//! `"text"` in double quotes is a quoted *field name*, not a string: `[?name == "x"]` compares
//! `name` with the (usually missing) field `x` and keeps nothing. Strings are `'text'`.

use super::lexer::{Kind, Lexed};
use super::{QUOTED_NAME, snippet};
use crate::diagnostics::{Diagnostic, Span};

/// Functions whose second argument is almost always a string.
const STRING_SECOND_ARG: &[&str] = &["contains", "starts_with", "ends_with"];

/// The name of the function whose argument list directly contains token `i`, if any.
fn enclosing_call<'a>(expr: &'a str, lexed: &Lexed, i: usize) -> Option<&'a str> {
    let mut depth = 0usize;
    for j in (0..i).rev() {
        let t = lexed.toks.get(j)?;
        if t.kind.is_closer() {
            depth += 1;
        } else if t.kind.is_opener() {
            if depth == 0 {
                let name = lexed.toks.get(j.checked_sub(1)?)?;
                return (t.kind == Kind::Lparen && name.kind == Kind::Ident)
                    .then(|| expr.get(name.start..name.end))
                    .flatten();
            }
            depth -= 1;
        }
    }
    None
}

/// `[?name == "x"]`-style comparisons and `contains(name, "x")` calls.
pub(crate) fn check(expr: &str, lexed: &Lexed) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, t) in lexed.toks.iter().enumerate() {
        if t.kind != Kind::Quoted {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| lexed.toks.get(p))
            .map(|p| p.kind);
        let suspicious = match prev {
            Some(k) if k.is_comparator() => true,
            Some(Kind::Comma) => {
                enclosing_call(expr, lexed, i).is_some_and(|f| STRING_SECOND_ARG.contains(&f))
            }
            _ => false,
        };
        if !suspicious {
            continue;
        }
        let raw = expr.get(t.start..t.end).unwrap_or("");
        let Some(name) = crate::json::string_literal(raw) else {
            continue;
        };
        let single = format!("'{}'", name.replace('\'', "\\'"));
        let fixed = format!(
            "{}{single}{}",
            expr.get(..t.start).unwrap_or(""),
            expr.get(t.end..).unwrap_or("")
        );
        out.push(
            Diagnostic::new(
                &QUOTED_NAME,
                "",
                format!(
                    "{} in double quotes is a field name, so this uses the value of a field called `{}`; write a string in single quotes: {}.",
                    snippet(raw),
                    snippet(&name),
                    snippet(&single)
                ),
            )
            .param("name", snippet(&name))
            .suggest(fixed)
            .with_span(Span {
                start: t.cstart,
                end: t.cend,
            }),
        );
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn warn(expr: &str) -> Vec<Diagnostic> {
        check(expr, &lex(expr))
    }

    #[test]
    fn double_quoted_strings_are_names() {
        let d = warn(r#"[?name == "it's"]"#);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].suggestion.as_deref(), Some(r"[?name == 'it\'s']"));
        assert_eq!(d[0].span, Some(Span { start: 10, end: 16 }));
        assert_eq!(warn(r#"[?contains(name, "x")]"#).len(), 1);
        assert_eq!(warn(r#"[?starts_with(f(a, b), "x")]"#).len(), 1);
    }

    #[test]
    fn quoted_field_names_elsewhere_are_fine() {
        for e in [
            r#"[?"full-name" == 'x']"#,
            r#"[?name == 'x']"#,
            r#"{"a-b": c}"#,
            r#"not_null(a, "b-c")"#,
            r#"[?contains("topic-list", 'x')]"#,
        ] {
            assert!(warn(e).is_empty(), "{e}");
        }
    }
}
