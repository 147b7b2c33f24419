//! Where an unparenthesised `!` means something else on the server than in standard JMESPath.
//!
//! In the original specification (and the `jmespath` crate) `!` binds tighter than `.`, `[?…]`,
//! `[]`, comparisons, `&&` and `||`: `!a && b` is `(!a) && b` and `!a.b` is `(!a).b`. The
//! server's Java implementation (an ANTLR grammar that lists `'!' expression` after the chain,
//! bracket, comparison, `&&` and `||` alternatives) gives `!` the lowest precedence but `|`'s:
//! its operand runs to the next `|`, `,` or closing bracket of the same level, so `!a && b` is
//! `!(a && b)`. That is what the vendor's rule "a negated condition must be wrapped in
//! parentheses so that it does not invert the whole expression" is about.
//!
//! A `!` is reported only when the two readings differ, so `[?!archived]`, `[?!empty_repo]` and
//! `[?!starts_with(fullPath, '…')]` (vendor examples) stay silent.

use super::lexer::{Kind, Lexed};
use super::{UNPARENTHESISED_NOT, snippet};
use crate::diagnostics::{Diagnostic, Span};

/// One `!` whose operand differs between standard JMESPath and the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Negation {
    /// Token index of the `!`.
    pub bang: usize,
    /// First token after the operand in standard JMESPath.
    pub standard_end: usize,
    /// First token after the operand on the server.
    pub server_end: usize,
}

/// The first token index at or after `from` that ends the current bracket level: a closer of
/// that level, a `,` or `:` of that level, a `|` of that level when `stop_at_pipe`, or the end.
fn level_end(lexed: &Lexed, from: usize, stop_at_pipe: bool) -> usize {
    let mut depth = 0usize;
    for (i, t) in lexed.toks.iter().enumerate().skip(from) {
        if t.kind.is_opener() {
            depth += 1;
        } else if t.kind.is_closer() {
            if depth == 0 {
                return i;
            }
            depth -= 1;
        } else if depth == 0
            && (matches!(t.kind, Kind::Comma | Kind::Colon)
                || (stop_at_pipe && t.kind == Kind::Pipe))
        {
            return i;
        }
    }
    lexed.toks.len()
}

/// Index just past the group opened at `i` (or `i + 1` when it is not an opener).
fn past_group(partners: &[Option<usize>], i: usize) -> usize {
    partners
        .get(i)
        .copied()
        .flatten()
        .map_or(i + 1, |close| close + 1)
}

fn is_projection_bracket(lexed: &Lexed, i: usize, partners: &[Option<usize>]) -> bool {
    let kind = |k: usize| lexed.toks.get(k).map(|t| t.kind);
    let close = partners.get(i).copied().flatten().unwrap_or(i);
    let star = kind(i + 1) == Some(Kind::Star) && kind(i + 2) == Some(Kind::Rbracket);
    let slice = lexed
        .toks
        .get(i + 1..close)
        .is_some_and(|inner| inner.iter().any(|t| t.kind == Kind::Colon));
    star || slice
}

fn project(p: u8, threshold: &mut u8, after: &mut bool) {
    *threshold = (*threshold).min(p);
    *after = true;
}

/// The end of the operand of the `!` at `bang` as the crate parses it (binding power 45, with
/// the thresholds of any projection it contains).
fn standard_end(lexed: &Lexed, partners: &[Option<usize>], bang: usize) -> usize {
    let kind = |k: usize| lexed.toks.get(k).map(|t| t.kind);
    let mut j = bang + 1;
    // Nested prefixes share the same binding power.
    while kind(j) == Some(Kind::Not) {
        j += 1;
    }
    let mut threshold = 45u8;
    let mut after_projection = false;
    match kind(j) {
        Some(Kind::Ampersand) => return level_end(lexed, j, false),
        Some(Kind::Star) => {
            project(20, &mut threshold, &mut after_projection);
            j += 1;
        }
        Some(Kind::Flatten) => {
            project(9, &mut threshold, &mut after_projection);
            j += 1;
        }
        Some(Kind::Lbracket) => {
            if is_projection_bracket(lexed, j, partners) {
                project(20, &mut threshold, &mut after_projection);
            }
            j = past_group(partners, j);
        }
        Some(Kind::Filter) => {
            project(21, &mut threshold, &mut after_projection);
            j = past_group(partners, j);
        }
        Some(Kind::Lbrace | Kind::Lparen) => j = past_group(partners, j),
        Some(_) => j += 1,
        None => return j,
    }
    while let Some(k) = kind(j) {
        let absorbed = after_projection && matches!(k, Kind::Dot | Kind::Lbracket | Kind::Filter);
        if !absorbed && k.lbp() <= threshold {
            return j;
        }
        after_projection = false;
        match k {
            Kind::Dot => {
                j += 1;
                match kind(j) {
                    Some(Kind::Star) => {
                        project(20, &mut threshold, &mut after_projection);
                        j += 1;
                    }
                    Some(Kind::Lbrace | Kind::Lbracket) => j = past_group(partners, j),
                    Some(Kind::Ampersand) => return level_end(lexed, j, false),
                    Some(_) => j += 1,
                    None => return j,
                }
            }
            Kind::Lbracket => {
                if is_projection_bracket(lexed, j, partners) {
                    project(20, &mut threshold, &mut after_projection);
                }
                j = past_group(partners, j);
            }
            Kind::Filter => {
                project(21, &mut threshold, &mut after_projection);
                j = past_group(partners, j);
            }
            Kind::Flatten => {
                project(9, &mut threshold, &mut after_projection);
                j += 1;
            }
            Kind::Lparen | Kind::Lbrace => j = past_group(partners, j),
            _ => j += 1,
        }
    }
    j
}

/// Every `!` of a syntactically valid expression whose reading differs on the server.
pub(crate) fn divergent(lexed: &Lexed) -> Vec<Negation> {
    let partners = lexed.partners();
    lexed
        .toks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.kind == Kind::Not)
        .filter_map(|(bang, _)| {
            let standard_end = standard_end(lexed, &partners, bang);
            let server_end = level_end(lexed, bang + 1, true);
            (standard_end < server_end).then_some(Negation {
                bang,
                standard_end,
                server_end,
            })
        })
        .collect()
}

/// Byte range of the tokens `from..to` (exclusive), as text positions.
fn text_range(lexed: &Lexed, from: usize, to: usize) -> Option<(usize, usize)> {
    let first = lexed.toks.get(from)?;
    let last = lexed.toks.get(to.checked_sub(1)?)?;
    Some((first.start, last.end))
}

fn char_range(lexed: &Lexed, from: usize, to: usize) -> Option<Span> {
    let first = lexed.toks.get(from)?;
    let last = lexed.toks.get(to.checked_sub(1)?)?;
    Some(Span {
        start: first.cstart,
        end: last.cend,
    })
}

fn wrap(expr: &str, open_at: usize, close_at: usize) -> String {
    format!(
        "{}({}){}",
        expr.get(..open_at).unwrap_or(""),
        expr.get(open_at..close_at).unwrap_or(""),
        expr.get(close_at..).unwrap_or("")
    )
}

/// The `unparenthesised-not` warnings of a syntactically valid expression.
pub(crate) fn check(expr: &str, lexed: &Lexed) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for n in divergent(lexed) {
        let Some((bang_at, standard_to)) = text_range(lexed, n.bang, n.standard_end) else {
            continue;
        };
        let Some((_, server_to)) = text_range(lexed, n.bang, n.server_end) else {
            continue;
        };
        let Some(span) = char_range(lexed, n.bang, n.server_end) else {
            continue;
        };
        let operand_from = bang_at + 1;
        let standard = snippet(expr.get(bang_at..standard_to).unwrap_or("").trim());
        let server = snippet(expr.get(operand_from..server_to).unwrap_or("").trim());
        let next = lexed.toks.get(n.standard_end).map(|t| t.kind);
        let (case, message, suggestion) = match next {
            Some(Kind::And | Kind::Or) => (
                "logical",
                format!(
                    "The server applies this `!` to the whole condition `{server}`, not only to `{standard}`; wrap the negated term in parentheses, as in `({standard})`."
                ),
                wrap(expr, bang_at, standard_to),
            ),
            Some(k) if k.is_comparator() => (
                "comparison",
                format!(
                    "The server reads this as `!({server})` while standard JMESPath reads `({standard}) …`; add parentheses to say which is meant."
                ),
                wrap(expr, operand_from, server_to),
            ),
            _ => (
                "chain",
                format!(
                    "The server reads this as `!({server})`, but standard JMESPath (and tools such as the jmespath.org playground) applies `!` to `{standard}` first; write `!({server})`."
                ),
                wrap(expr, operand_from, server_to),
            ),
        };
        out.push(
            Diagnostic::new(&UNPARENTHESISED_NOT, "", message)
                .param("case", case)
                .suggest(suggestion)
                .with_span(span),
        );
    }
    out
}

/// `expr` with every divergent `!` operand parenthesised as the server reads it, or `None`
/// when no `!` diverges. Evaluating this text with the crate gives the server's result.
pub(crate) fn server_reading(expr: &str, lexed: &Lexed) -> Option<String> {
    let negations = divergent(lexed);
    if negations.is_empty() {
        return None;
    }
    // (byte position, 0 for `)` or 1 for `(`): closers sort before openers at the same position.
    // Plain `(usize, usize)` pairs share their sort's code with `json::locate`'s.
    let mut inserts: Vec<(usize, usize)> = Vec::new();
    for n in &negations {
        let (bang_at, server_to) = text_range(lexed, n.bang, n.server_end)?;
        inserts.push((bang_at + 1, 1));
        inserts.push((server_to, 0));
    }
    inserts.sort_unstable();
    let mut out = String::with_capacity(expr.len() + inserts.len());
    let mut last = 0;
    for (at, opens) in inserts {
        out.push_str(expr.get(last..at)?);
        out.push(if opens == 1 { '(' } else { ')' });
        last = at;
    }
    out.push_str(expr.get(last..)?);
    Some(out)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn warn(expr: &str) -> Vec<Diagnostic> {
        assert!(jmespath::parse(expr).is_ok(), "{expr}");
        check(expr, &lex(expr))
    }

    #[test]
    fn vendor_examples_are_silent() {
        for e in [
            "[?!archived]",
            "[?!empty_repo]",
            "value[?!isDisabled]",
            "[?(!contains(name, 'firstword'))]",
            "[?(!contains(name, 'firstword')) && (!contains(name, 'secondword'))]",
            "[?!starts_with(fullPath, '/home/user/local/store/private-repos')]",
            "{value:value[?(!contains(name, 'Test'))]}",
            "repositories[] | [?(!contains(name, 'search-phrase'))]",
            "{values: values[?(!contains(name, 'firstword')) || (!contains(name, 'secondword'))]}",
            "[?!a[*].b]",
            "!a | b",
            "[?!a[0]]",
            "[?a && !b]",
            "[?!!a]",
        ] {
            assert!(warn(e).is_empty(), "{e}: {:?}", warn(e));
        }
    }

    #[test]
    fn logical_operators_after_a_bare_not() {
        let e = "[?!contains(name,'x') && private]";
        let d = warn(e);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].param_str("case"), "logical");
        assert_eq!(
            d[0].suggestion.as_deref(),
            Some("[?(!contains(name,'x')) && private]")
        );
        assert_eq!(d[0].span, Some(Span { start: 2, end: 32 }));
        assert_eq!(warn("!a || b")[0].param_str("case"), "logical");
        assert_eq!(warn("[?a && !b || c]").len(), 1);
    }

    #[test]
    fn chains_and_comparisons() {
        let d = warn("[?!owner.site_admin]");
        assert_eq!(d[0].param_str("case"), "chain");
        assert_eq!(d[0].suggestion.as_deref(), Some("[?!(owner.site_admin)]"));
        let d = warn("[?!archived == `true`]");
        assert_eq!(d[0].param_str("case"), "comparison");
        assert_eq!(d[0].suggestion.as_deref(), Some("[?!(archived == `true`)]"));
        assert_eq!(warn("!a[?b]").len(), 1);
        assert_eq!(warn("!a[]").len(), 1);
    }

    #[test]
    fn server_reading_parenthesises_to_the_level_end() {
        let e = "[?!contains(name,'x') && private] | [0]";
        assert_eq!(
            server_reading(e, &lex(e)).as_deref(),
            Some("[?!(contains(name,'x') && private)] | [0]")
        );
        let e = "[?a && !b || !c.d]";
        assert_eq!(
            server_reading(e, &lex(e)).as_deref(),
            Some("[?a && !(b || !(c.d))]")
        );
        assert_eq!(server_reading("[?!a]", &lex("[?!a]")), None);
    }

    trait ParamStr {
        fn param_str(&self, k: &str) -> String;
    }
    impl ParamStr for Diagnostic {
        fn param_str(&self, k: &str) -> String {
            self.params.get(k).unwrap().as_str().unwrap().to_owned()
        }
    }
}
