//! Warnings over the syntax tree: catastrophic backtracking, `(?U)` misread as "ungreedy",
//! ASCII-only `\w \d \s` next to non-ASCII text, `--`/`~~` in classes, unverifiable `\N{…}`.

use super::ast::{Ast, ClassItem, Flags, Greed, GroupKind, PerlKind, Span as AstSpan};
use super::parse::Parsed;
use super::{
    ASCII_CLASS, CATASTROPHIC_BACKTRACKING, CLASS_OPERATOR, UNICODE_FLAG, UNVERIFIED_NAME, snippet,
    span_of,
};
use crate::diagnostics::Diagnostic;

/// A repetition that can match the same text in many ways.
struct Catastrophe {
    /// The outer repetition.
    outer: AstSpan,
    /// The inner repetition to make possessive, if the cause is one.
    inner: Option<AstSpan>,
}

/// The warnings for an accepted pattern.
pub(crate) fn warnings(pattern: &str, parsed: &Parsed) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let identity = parsed.source.chars.len() == parsed.source.original_len
        && parsed
            .source
            .origin
            .iter()
            .enumerate()
            .all(|(i, &o)| i == o);
    if let Some(c) = catastrophic(&parsed.ast) {
        out.push(catastrophe_diagnostic(pattern, parsed, &c, identity));
    }
    let notes = &parsed.notes;
    if let Some(span) = notes.unicode_flag {
        out.push(
            Diagnostic::new(
                &UNICODE_FLAG,
                "",
                "In Java, (?U) makes \\w, \\d, \\s, \\b and POSIX classes Unicode-aware; it does not swap greedy and lazy quantifiers as in Rust or PCRE (use *? or +? for lazy repetition).",
            )
            .with_span(span_of(parsed, span)),
        );
    }
    if notes.unicode_flag.is_none() && non_ascii_literal(&parsed.ast) {
        if let Some(span) = ascii_class(&parsed.ast) {
            let span = span_of(parsed, span);
            let esc: String = pattern.chars().skip(span.start).take(2).collect();
            out.push(
                Diagnostic::new(
                    &ASCII_CLASS,
                    "",
                    format!(
                        "In Java, {esc} matches only ASCII characters unless (?U) is set, but this pattern works with non-ASCII text."
                    ),
                )
                .with_span(span)
                .suggest(format!("(?U){pattern}")),
            );
        }
    }
    if let Some((span, op)) = notes.class_op {
        out.push(
            Diagnostic::new(
                &CLASS_OPERATOR,
                "",
                format!(
                    "Inside a Java class, {op}{op} is not an operator: it matches the character '{op}'; write an intersection with a negated class instead, e.g. [a-z&&[^aeiou]]."
                ),
            )
            .with_span(span_of(parsed, span)),
        );
    }
    for (span, name) in &notes.unverified_names {
        out.push(
            Diagnostic::new(
                &UNVERIFIED_NAME,
                "",
                format!(
                    "The character name [{}] could not be verified here; Java rejects the pattern if it is not an exact Unicode character name.",
                    snippet(name)
                ),
            )
            .with_span(span_of(parsed, *span)),
        );
    }
    out
}

/// The catastrophic-backtracking warning, suggesting a possessive inner quantifier.
fn catastrophe_diagnostic(
    pattern: &str,
    parsed: &Parsed,
    c: &Catastrophe,
    identity: bool,
) -> Diagnostic {
    let outer = span_of(parsed, c.outer);
    let text: String = pattern
        .chars()
        .skip(outer.start)
        .take(outer.end - outer.start)
        .collect();
    let mut d = Diagnostic::new(
        &CATASTROPHIC_BACKTRACKING,
        "",
        format!(
            "{} can match the same text in many ways, so a name that does not match may take exponential time on the server (Java 8 always; newer Java when nested, bounded or used with back-references).",
            snippet(&text)
        ),
    )
    .with_span(outer);
    match c.inner {
        Some(inner) => {
            let inner = span_of(parsed, inner);
            if identity {
                let fixed: String = pattern
                    .chars()
                    .take(inner.end)
                    .chain(std::iter::once('+'))
                    .chain(pattern.chars().skip(inner.end))
                    .collect();
                d = d.suggest(fixed);
            }
            d.param("innerStart", inner.start)
                .param("innerEnd", inner.end)
        }
        None => {
            d.message.push_str(" Its alternatives can start with the same character; make them distinct or use an atomic group (?>…).");
            d
        }
    }
}

/// Whether a literal (or class member) outside ASCII appears.
fn non_ascii_literal(ast: &Ast) -> bool {
    match ast {
        Ast::Literal { c, .. } => *c >= 128,
        Ast::Class(class) => class.operands.iter().flatten().any(|i| match i {
            ClassItem::Char(c) => *c >= 128,
            ClassItem::Range(_, hi) => *hi >= 128,
            _ => false,
        }),
        _ => ast.children().iter().any(non_ascii_literal),
    }
}

/// The first `\w \d \s` (or negation) not under `(?U)`.
fn ascii_class(ast: &Ast) -> Option<AstSpan> {
    match ast {
        Ast::Perl {
            span, kind, flags, ..
        } if matches!(kind, PerlKind::Word | PerlKind::Digit | PerlKind::Space)
            && !flags.has(Flags::UNICODE_CLASS) =>
        {
            Some(*span)
        }
        _ => ast.children().iter().find_map(ascii_class),
    }
}

/// The first repetition whose body can match one text in several ways.
fn catastrophic(ast: &Ast) -> Option<Catastrophe> {
    match ast {
        Ast::Group {
            kind: GroupKind::Atomic | GroupKind::LookAhead { .. } | GroupKind::LookBehind { .. },
            ..
        } => None,
        Ast::Repetition {
            span,
            max,
            greed,
            body,
            ..
        } if *max > 1 && *greed != Greed::Possessive => {
            let mut items = Vec::new();
            flatten(body, &mut items);
            for (k, item) in items.iter().enumerate() {
                if !variable_repetition(item) {
                    continue;
                }
                let others_nullable = items.iter().enumerate().all(|(j, o)| j == k || nullable(o));
                let follows = items.iter().skip(k + 1).chain(items.iter().take(k));
                if others_nullable || overlaps_next(item, follows) {
                    return Some(Catastrophe {
                        outer: *span,
                        inner: Some(item.span()),
                    });
                }
            }
            if items.iter().any(|i| ambiguous_alternation(i)) {
                return Some(Catastrophe {
                    outer: *span,
                    inner: None,
                });
            }
            catastrophic(body)
        }
        _ => ast.children().iter().find_map(catastrophic),
    }
}

/// The members of a sequence, looking through plain groups.
fn flatten<'a>(ast: &'a Ast, out: &mut Vec<&'a Ast>) {
    match ast {
        Ast::Concat { items, .. } => items.iter().for_each(|i| flatten(i, out)),
        Ast::Group {
            kind: GroupKind::Capture { .. } | GroupKind::NonCapture,
            body,
            ..
        } if !matches!(**body, Ast::Alternation { .. }) => flatten(body, out),
        other => out.push(other),
    }
}

/// A repetition of varying count that can give back characters.
fn variable_repetition(ast: &Ast) -> bool {
    matches!(ast, Ast::Repetition { min, max, greed, .. } if max > min && *greed != Greed::Possessive)
}

/// Whether `ast` can match the empty string.
fn nullable(ast: &Ast) -> bool {
    match ast {
        Ast::Literal { .. }
        | Ast::Dot { .. }
        | Ast::Perl { .. }
        | Ast::Property { .. }
        | Ast::Class(_) => false,
        Ast::LineBreak(_) | Ast::Grapheme(_) | Ast::Backreference { .. } => false,
        Ast::Repetition { min, body, .. } => *min == 0 || nullable(body),
        Ast::Group { body, .. } => nullable(body),
        Ast::Concat { items, .. } => items.iter().all(nullable),
        Ast::Alternation { alts, .. } => alts.iter().any(nullable),
        _ => true,
    }
}

/// Characters a node can begin with, sampled: every ASCII character and a few others.
fn first_chars(ast: &Ast, out: &mut [bool; SAMPLES]) {
    match ast {
        Ast::Concat { items, .. } => {
            for i in items {
                first_chars(i, out);
                if !nullable(i) {
                    break;
                }
            }
        }
        Ast::Alternation { alts, .. } => alts.iter().for_each(|a| first_chars(a, out)),
        Ast::Group {
            kind: GroupKind::LookAhead { .. } | GroupKind::LookBehind { .. },
            ..
        } => {}
        Ast::Group { body, .. } | Ast::Repetition { body, .. } => first_chars(body, out),
        Ast::Backreference { .. } | Ast::Grapheme(_) => out.fill(true),
        _ => {
            let one = crate::lang::java_regex::program::single_set(ast);
            for (k, slot) in out.iter_mut().enumerate() {
                if let Some(set) = &one {
                    *slot |= super::vm::set_may_have(set, sample(k));
                }
            }
        }
    }
}

/// How many characters [`first_chars`] samples.
const SAMPLES: usize = 132;

/// The `k`-th sampled character.
fn sample(k: usize) -> u32 {
    [0xe9, 0xff, 0x3b1, 0x4e00]
        .get(k.wrapping_sub(128))
        .copied()
        .unwrap_or(k as u32)
}

/// Whether what follows a repetition can begin with a character the repetition can match.
fn overlaps_next<'a>(rep: &Ast, follows: impl Iterator<Item = &'a &'a Ast>) -> bool {
    let Ast::Repetition { body, .. } = rep else {
        return false;
    };
    let mut mine = [false; SAMPLES];
    first_chars(body, &mut mine);
    let mut next = [false; SAMPLES];
    for f in follows {
        first_chars(f, &mut next);
        if !nullable(f) {
            break;
        }
    }
    mine.iter().zip(next.iter()).any(|(a, b)| *a && *b)
}

/// An alternation with two alternatives that can begin with the same character.
fn ambiguous_alternation(ast: &Ast) -> bool {
    let Ast::Alternation { alts, .. } = ast else {
        let inner = match ast {
            Ast::Group {
                kind: GroupKind::Capture { .. } | GroupKind::NonCapture,
                body,
                ..
            } => body,
            _ => return false,
        };
        return ambiguous_alternation(inner);
    };
    let firsts: Vec<[bool; SAMPLES]> = alts
        .iter()
        .map(|a| {
            let mut f = [false; SAMPLES];
            first_chars(a, &mut f);
            f
        })
        .collect();
    firsts.iter().enumerate().any(|(i, a)| {
        firsts
            .iter()
            .skip(i + 1)
            .any(|b| a.iter().zip(b.iter()).any(|(x, y)| *x && *y))
    })
}
