//! Turns the `jmespath` crate's parse errors into one plain-English diagnostic at the offending
//! character. The crate's reason strings (which embed debug dumps of its tokens) are only
//! matched by prefix, never shown.

use jmespath::{ErrorReason, JmespathError};

use super::lexer::{Kind, Lexed, Tok, char_index};
use super::{COMMUNITY_EXTENSION, SYNTAX, community_message, snippet};
use crate::diagnostics::{Diagnostic, Span};

/// How a token reads in a message: "`]`", "the name `foo`", "the end of the expression".
pub(crate) fn describe(expr: &str, tok: Option<&Tok>) -> String {
    let Some(t) = tok else {
        return "the end of the expression".to_owned();
    };
    let text = snippet(expr.get(t.start..t.end).unwrap_or(""));
    match t.kind {
        Kind::Ident | Kind::Quoted => format!("the name `{text}`"),
        Kind::RawString => format!("the string `{text}`"),
        Kind::Literal => format!("the literal `{text}`"),
        Kind::Number => format!("the number `{text}`"),
        _ => format!("`{text}`"),
    }
}

fn span_of(t: &Tok) -> Span {
    Span {
        start: t.cstart,
        end: t.cend,
    }
}

/// A zero-or-one character span at byte `byte` (empty at the end of the text).
fn point_span(expr: &str, byte: usize) -> Span {
    let start = char_index(expr, byte);
    let end = if byte < expr.len() { start + 1 } else { start };
    Span { start, end }
}

fn syntax(reason: &'static str, message: String, span: Span) -> Diagnostic {
    Diagnostic::new(&SYNTAX, "", message)
        .param("reason", reason)
        .with_span(span)
}

fn community(construct: &'static str, what: &str, span: Span) -> Diagnostic {
    Diagnostic::new(&COMMUNITY_EXTENSION, "", community_message(what))
        .param("construct", construct)
        .with_span(span)
}

/// The diagnostic for a failed `jmespath::parse(expr)`.
pub(crate) fn diagnose(expr: &str, lexed: &Lexed, err: &JmespathError) -> Diagnostic {
    let reason = match &err.reason {
        ErrorReason::Parse(s) => s.as_str(),
        ErrorReason::Runtime(_) => "",
    };
    let byte = err.offset.min(expr.len());
    let lexer_reasons = [
        "Unclosed",
        "Unable to parse",
        "Invalid character",
        "'='",
        "'-'",
        "Expected valid number",
    ];
    if lexed.error_at == Some(byte) || lexer_reasons.iter().any(|p| reason.starts_with(p)) {
        return lexical(expr, lexed, byte, reason);
    }
    let at = Found::at(expr, lexed, byte);
    parser_specific(expr, lexed, &at, reason)
        .or_else(|| {
            let &(_, id, message) = PLAIN.iter().find(|(p, ..)| reason.starts_with(p))?;
            Some(syntax(id, message(&at.found), at.span))
        })
        .unwrap_or_else(|| {
            let message = format!("This is not valid JMESPath at {}.", at.found);
            syntax("invalid", message, at.span)
        })
}

/// Where the parser stopped: the byte, the token there, how it reads and its span.
struct Found<'l> {
    byte: usize,
    /// The token's index in the lexed tokens.
    idx: Option<usize>,
    tok: Option<&'l Tok>,
    found: String,
    span: Span,
}

impl<'l> Found<'l> {
    fn at(expr: &str, lexed: &'l Lexed, byte: usize) -> Found<'l> {
        let idx = lexed.index_at(byte);
        let tok = idx.and_then(|i| lexed.toks.get(i));
        Found {
            byte,
            idx,
            tok,
            found: describe(expr, tok),
            span: tok.map_or_else(|| point_span(expr, byte), span_of),
        }
    }
}

/// Parse errors whose message only names what was found: reason prefix, id, message.
#[allow(clippy::type_complexity)]
const PLAIN: &[(&str, &str, fn(&str) -> String)] = &[
    ("Expected '}' or ','", "expected-brace-or-comma", |f| {
        format!("Expected `,` or `}}` in the object, found {f}.")
    }),
    ("Expected ')' to close '('", "unclosed-paren", |f| {
        format!("Expected `)` to close the parenthesis, found {f}.")
    }),
    ("Expected number, ':', or '*'", "bad-index", |f| {
        format!(
            "After `[` following a value, expected an index, a slice (`:`) or `*`, found {f}; a filter is written `[?condition]`."
        )
    }),
    ("Expected ':' to follow key", "expected-colon", |f| {
        format!("Expected `:` after the key in the object, found {f}.")
    }),
    (
        "Expected Field to start key value pair",
        "expected-key",
        |f| format!("Expected a key name in the object, found {f}."),
    ),
    (
        "Expected ']' for wildcard index",
        "unclosed-wildcard",
        |f| format!("Expected `]` after `[*`, found {f}."),
    ),
    ("Expected ']'", "unclosed-filter", |f| {
        format!("Expected `]` to close the filter, found {f}.")
    }),
    (
        "Expected identifier, '*', '{', '[', '&', or '[?'",
        "bad-dot",
        |f| format!("After `.`, expected a name, `*`, `{{` or `[`, found {f}."),
    ),
    ("Expected '.', '[', or '[?'", "bad-projection", |f| {
        format!("After a projection, expected `.`, `[` or `[?`, found {f}.")
    }),
    ("Too many colons in slice expr", "slice-colons", |_| {
        "A slice has at most two colons: `[start:stop:step]`.".to_owned()
    }),
    ("Expected ':', or ']'", "bad-slice", bad_slice),
    ("Expected number, ':', or ']'", "bad-slice", bad_slice),
    ("invalid token after ','", "trailing-comma", |f| {
        format!("A `,` must be followed by another item, found {f}.")
    }),
];

fn bad_slice(found: &str) -> String {
    format!("Expected a number, `:` or `]` in the index or slice, found {found}.")
}

/// Parse errors whose message or span depends on the tokens around the stop.
fn parser_specific(expr: &str, lexed: &Lexed, at: &Found<'_>, reason: &str) -> Option<Diagnostic> {
    let (found, span) = (&at.found, at.span);
    let kind = at.tok.map(|t| t.kind);
    let d = if reason.starts_with("Did not parse the complete expression") {
        match kind {
            Some(k) if k.is_closer() => syntax(
                "unmatched-closer",
                format!("{found} has no matching opening bracket."),
                span,
            ),
            _ => syntax(
                "missing-operator",
                format!(
                    "Unexpected {found} after a complete expression; an operator such as `.`, `|`, `&&`, `||` or `==` is missing before it."
                ),
                span,
            ),
        }
    } else if reason.starts_with("Quoted strings can't be a function name") {
        let quoted = at
            .idx
            .and_then(|i| i.checked_sub(1))
            .and_then(|i| lexed.toks.get(i));
        syntax(
            "quoted-function-name",
            "A quoted name cannot be called as a function; remove the double quotes.".to_owned(),
            quoted.map_or(span, span_of),
        )
    } else if reason.starts_with("Unexpected nud token") {
        unexpected_start(expr, at)
    } else if reason.starts_with("Invalid function name") {
        let paren = lexed
            .toks
            .iter()
            .rev()
            .find(|t| t.start < at.byte && t.kind == Kind::Lparen);
        syntax(
            "invalid-function-name",
            "Only a plain name can be called as a function.".to_owned(),
            paren.map_or(span, span_of),
        )
    } else if reason.starts_with("Unexpected led token") {
        match kind {
            Some(Kind::Star) => community("multiplication", "The multiplication operator `*`", span),
            Some(Kind::Not) => syntax(
                "unexpected-not",
                "Unexpected `!` after a value; `!` negates the term that follows it and `!=` compares.".to_owned(),
                span,
            ),
            _ => syntax(
                "unexpected-token",
                format!("Unexpected {found} after a value."),
                span,
            ),
        }
    } else {
        return None;
    };
    Some(d)
}

/// "Unexpected nud token": no value can start with what was found (a bare number, the end).
fn unexpected_start(expr: &str, at: &Found<'_>) -> Diagnostic {
    match at.tok {
        Some(t) if t.kind == Kind::Number => {
            let number = expr.get(t.start..t.end).unwrap_or("");
            let fixed = format!(
                "{}`{number}`{}",
                expr.get(..t.start).unwrap_or(""),
                expr.get(t.end..).unwrap_or("")
            );
            syntax(
                "bare-number",
                format!(
                    "A number value is written as a JSON literal in backticks, such as `{}`; bare numbers only appear inside `[...]` indexes.",
                    snippet(number)
                ),
                at.span,
            )
            .suggest(fixed)
        }
        None => syntax(
            "unexpected-end",
            "The expression ends where a value is expected.".to_owned(),
            at.span,
        ),
        Some(_) => syntax(
            "expected-expression",
            format!("Expected a value or an expression, found {}.", at.found),
            at.span,
        ),
    }
}

/// The diagnostic for an error of the lexer at byte `byte` (the character there is the cause).
fn lexical(expr: &str, lexed: &Lexed, byte: usize, reason: &str) -> Diagnostic {
    let rest = expr.get(byte..).unwrap_or("");
    let mut chars = rest.chars();
    let c = chars.next().unwrap_or(' ');
    let next = chars.next();
    let span = point_span(expr, byte);
    quoting(expr, byte, c, reason, span)
        .or_else(|| community_operator(expr, lexed, c, next, span))
        .unwrap_or_else(|| {
            let (id, message) = bad_character(c, next);
            syntax(id, message, span)
        })
}

/// An unclosed or invalid quoted name, string or literal, or a single `=`.
fn quoting(expr: &str, byte: usize, c: char, reason: &str, span: Span) -> Option<Diagnostic> {
    let rest = expr.get(byte..).unwrap_or("");
    let d = match c {
        '\'' | '"' | '`' if reason.starts_with("Unclosed") => {
            let what = match c {
                '\'' => "string",
                '"' => "quoted name",
                _ => "literal",
            };
            let to_end = Span {
                start: span.start,
                end: span.start + rest.chars().count(),
            };
            syntax(
                "unclosed-quote",
                format!("The {what} starting here is never closed; add the closing {c}."),
                to_end,
            )
        }
        '"' => syntax(
            "bad-quoted-name",
            "The quoted name is not a valid JSON string; check its backslash escapes.".to_owned(),
            Span {
                start: span.start,
                end: lexed_end(expr, byte, '"'),
            },
        ),
        '`' => syntax(
            "bad-literal",
            "The text between backticks is not valid JSON (a string must be in double quotes, such as `\"text\"`, or written as a raw string 'text').".to_owned(),
            Span { start: span.start, end: lexed_end(expr, byte, '`') },
        ),
        '=' => {
            let fixed = format!(
                "{}=={}",
                expr.get(..byte).unwrap_or(""),
                rest.get(1..).unwrap_or("")
            );
            syntax(
                "single-equals",
                "A single `=` is not an operator; compare with `==`.".to_owned(),
                span,
            )
            .suggest(fixed)
        }
        _ => return None,
    };
    Some(d)
}

/// Arithmetic, variables and `let`: JMESPath Community syntax the server does not read.
fn community_operator(
    expr: &str,
    lexed: &Lexed,
    c: char,
    next: Option<char>,
    span: Span,
) -> Option<Diagnostic> {
    let d = match c {
        '-' if !next.is_some_and(char::is_numeric) => {
            community("subtraction", "Subtraction and unary minus (`-`)", span)
        }
        '$' => {
            let prev = lexed.toks.last().filter(|t| t.kind == Kind::Ident);
            let is_let = prev.is_some_and(|t| expr.get(t.start..t.end) == Some("let"));
            match prev {
                Some(t) if is_let => community(
                    "let",
                    "The let-expression `let $name = … in …`",
                    Span {
                        start: t.cstart,
                        end: span.end,
                    },
                ),
                _ => community("variable", "Variables such as `$name`", span),
            }
        }
        '/' if next == Some('/') => community(
            "integer-division",
            "The integer division operator `//`",
            span,
        ),
        '+' | '%' | '/' | '\u{2212}' | '\u{00d7}' | '\u{00f7}' => community(
            "arithmetic",
            &format!("The arithmetic operator `{c}`"),
            span,
        ),
        _ => return None,
    };
    Some(d)
}

/// The reason id and message for a character no JMESPath token starts with.
fn bad_character(c: char, next: Option<char>) -> (&'static str, String) {
    match c {
        '-' if next == Some('0') => ("negative-zero", "Write `0` instead of `-0`.".to_owned()),
        '-' if next.is_some_and(|d| d.is_ascii_digit()) => (
            "number-too-large",
            "The number is too large: indexes and slice bounds must fit in 32 bits.".to_owned(),
        ),
        '-' if next.is_some_and(char::is_numeric) => (
            "bad-number",
            "Numbers must be written with the digits 0 to 9.".to_owned(),
        ),
        '0'..='9' => (
            "number-too-large",
            "The number is too large: indexes and slice bounds must fit in 32 bits.".to_owned(),
        ),
        '?' => (
            "stray-question-mark",
            "A `?` is only valid right after `[`, as in the filter `[?condition]`.".to_owned(),
        ),
        '\u{2018}' | '\u{2019}' | '\u{201c}' | '\u{201d}' => (
            "typographic-quote",
            "Typographic quotes are not JMESPath quotes; write strings as 'text'.".to_owned(),
        ),
        c if c.is_whitespace() => (
            "unusual-space",
            format!(
                "The character U+{:04X} is not a space JMESPath accepts; use a plain space.",
                u32::from(c)
            ),
        ),
        c if c.is_control() => (
            "control-character",
            format!("The control character U+{:04X} is not allowed.", u32::from(c)),
        ),
        c if c.is_alphanumeric() => (
            "non-ascii-name",
            "Names may contain only ASCII letters, digits and `_`; put other names in double quotes, such as \"näme\".".to_owned(),
        ),
        c => (
            "invalid-character",
            format!("The character `{c}` is not part of JMESPath."),
        ),
    }
}

/// A single-token operand: a name, a string, a literal or `@`.
fn is_atom(k: Kind) -> bool {
    matches!(
        k,
        Kind::Ident | Kind::Quoted | Kind::Literal | Kind::RawString | Kind::At
    )
}

/// Can `k` end an operand (so that another operand right after it is a juxtaposition)?
fn ends_operand(k: Kind) -> bool {
    is_atom(k)
        || matches!(
            k,
            Kind::Rbracket | Kind::Rparen | Kind::Rbrace | Kind::Star | Kind::Flatten
        )
}

/// Can `k` only start an operand?
fn starts_operand(k: Kind) -> bool {
    is_atom(k) || matches!(k, Kind::Lbrace | Kind::Not | Kind::Ampersand)
}

/// The crate accepts items of a function call or multi-select list without the `,` between
/// them (`contains(name 'x')`); the specification and the server do not. For an expression the
/// crate parsed, two adjacent operands can only be such a missing comma.
pub(crate) fn missing_comma(expr: &str, lexed: &Lexed) -> Option<Diagnostic> {
    let (prev, next) = lexed
        .toks
        .windows(2)
        .filter_map(|w| Some((w.first()?, w.get(1)?)))
        .find(|(a, b)| ends_operand(a.kind) && starts_operand(b.kind))?;
    let fixed = format!(
        "{},{}",
        expr.get(..prev.end).unwrap_or(""),
        expr.get(prev.end..).unwrap_or("")
    );
    Some(
        syntax(
            "missing-comma",
            format!(
                "A `,` is missing before {}: the items of a function call or list are separated by commas.",
                describe(expr, Some(next))
            ),
            span_of(next),
        )
        .suggest(fixed),
    )
}

/// The character index just past the quoted token that starts at byte `start`.
fn lexed_end(expr: &str, start: usize, wrapper: char) -> usize {
    let mut escaped = false;
    let mut count = char_index(expr, start);
    for c in expr.get(start..).unwrap_or("").chars().skip(1) {
        count += 1;
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == wrapper {
            return count + 1;
        }
    }
    count + 1
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn diag(expr: &str) -> Diagnostic {
        let err = jmespath::parse(expr).unwrap_err();
        diagnose(expr, &lex(expr), &err)
    }

    fn span(d: &Diagnostic) -> (usize, usize) {
        let s = d.span.unwrap();
        (s.start, s.end)
    }

    #[test]
    fn positions_point_at_the_offending_token() {
        let d = diag("[?name == 'x'");
        assert_eq!(d.code, SYNTAX.id);
        assert_eq!(span(&d), (13, 13));
        assert!(d.message.contains("end of the expression"), "{}", d.message);

        let d = diag("foo bar");
        assert_eq!(span(&d), (4, 7));
        assert!(d.message.contains("`bar`"), "{}", d.message);

        let d = diag("a.]");
        assert_eq!(span(&d), (2, 3));
    }

    #[test]
    fn lexical_errors_are_explained() {
        let d = diag("name = 'x'");
        assert_eq!(span(&d), (5, 6));
        assert_eq!(d.suggestion.as_deref(), Some("name == 'x'"));

        let d = diag("[?name == 'x]");
        assert_eq!(span(&d), (10, 13));
        assert!(d.message.contains("never closed"));

        let d = diag("`foo`");
        assert!(d.message.contains("not valid JSON"), "{}", d.message);
        assert_eq!(span(&d), (0, 5));
    }

    #[test]
    fn missing_commas_in_lists() {
        for (e, at, fixed) in [
            ("[?contains(name 'x')]", 16, "[?contains(name, 'x')]"),
            ("[a b]", 3, "[a, b]"),
            ("not_null(a [0] b)", 15, "not_null(a [0], b)"),
        ] {
            assert!(jmespath::parse(e).is_ok(), "the crate accepts {e}");
            let d = missing_comma(e, &lex(e)).unwrap();
            assert_eq!(span(&d).0, at, "{e}");
            assert_eq!(d.suggestion.as_deref(), Some(fixed));
        }
        for e in [
            "[a, b]",
            "f(a, b[0], `1`)",
            "a[*].b",
            "[?a] | [0]",
            "{a: b, c: d}",
            "a.*",
        ] {
            assert!(missing_comma(e, &lex(e)).is_none(), "{e}");
        }
    }

    #[test]
    fn bare_numbers_need_backticks() {
        let d = diag("[?size > 10]");
        assert_eq!(d.suggestion.as_deref(), Some("[?size > `10`]"));
        assert_eq!(span(&d), (9, 11));
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        let d = diag("'é' == ]");
        assert_eq!(span(&d), (7, 8));
    }

    #[test]
    fn community_constructs_get_their_own_code() {
        for (e, at) in [
            ("a + b", 2),
            ("a - b", 2),
            ("a * b", 2),
            ("a / b", 2),
            ("a // b", 2),
            ("a % b", 2),
            ("$.a", 0),
        ] {
            let d = diag(e);
            assert_eq!(d.code, COMMUNITY_EXTENSION.id, "{e}: {}", d.message);
            assert_eq!(span(&d).0, at, "{e}");
        }
        let d = diag("let $x = a in $x");
        assert_eq!(d.code, COMMUNITY_EXTENSION.id);
        assert_eq!(span(&d), (0, 5));
        assert!(d.message.contains("let"), "{}", d.message);
    }

    #[test]
    fn messages_never_show_crate_internals() {
        for e in [
            "a[",
            "{a b}",
            "a.",
            "[?]",
            "a[*",
            "a[1:2:3:4]",
            "f(a,)",
            "\"f\"(a)",
        ] {
            let d = diag(e);
            assert!(!d.message.contains("Token"), "{e}: {}", d.message);
            assert!(!d.message.contains("--"), "{e}: {}", d.message);
        }
    }
}
