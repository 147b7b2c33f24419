//! The length bounds Java needs for a look-behind `(?<=X)`.
//!
//! Java rejects a look-behind unless it can bound the length of `X`. Measured on JDK 17
//! (black box): a back reference, or a repeated group containing an alternation or a
//! quantifier, has no bound; a repetition `X{n,m}` multiplies (and fails past 2^31-1); a
//! greedy `*` or `+` of a single character adds an unchecked 2^31-1; `?` adds `X`; other
//! lengths add without a check, wrapping like Java's `int`.

use super::ast::{Ast, Greed, GroupKind, UNBOUNDED};

/// Running bounds of a sequence.
#[derive(Clone, Copy)]
struct Len {
    /// Shortest length.
    min: i64,
    /// Longest length, as Java's wrapping `int`.
    max: i32,
    /// Whether Java considers the maximum known.
    valid: bool,
}

/// `(min, max)` of `body` as Java computes them, or `None` when Java rejects the look-behind.
/// The maximum is Java's `int`, which may have wrapped below zero.
pub(crate) fn bounds(body: &Ast) -> Option<(usize, i32)> {
    let mut len = Len {
        min: 0,
        max: 0,
        valid: true,
    };
    add(body, &mut len);
    if !len.valid {
        return None;
    }
    let min = len.min.min(i64::from(i32::MAX)) as usize;
    Some((min, len.max))
}

/// Whether `ast` matches exactly one character (a repetition of it is a single-character loop).
fn single_char(ast: &Ast) -> bool {
    matches!(
        ast,
        Ast::Literal { .. }
            | Ast::Dot { .. }
            | Ast::Perl { .. }
            | Ast::Property { .. }
            | Ast::Class(_)
    )
}

/// Whether a repeated group with this body needs Java's general loop (no length bound).
fn needs_loop(ast: &Ast) -> bool {
    match ast {
        Ast::Alternation { .. } | Ast::Repetition { .. } | Ast::Backreference { .. } => true,
        Ast::Group {
            kind: GroupKind::LookAhead { .. } | GroupKind::LookBehind { .. },
            ..
        } => false,
        _ => ast.children().iter().any(needs_loop),
    }
}

/// Adds the length of `ast` to `len`.
fn add(ast: &Ast, len: &mut Len) {
    match ast {
        Ast::Literal { c, .. } => step(len, 1, if *c > 0xffff { 2 } else { 1 }),
        Ast::Dot { .. } | Ast::Perl { .. } | Ast::Property { .. } | Ast::Class(_) => {
            step(len, 1, 1)
        }
        Ast::LineBreak(_) => step(len, 1, 2),
        Ast::Backreference { .. } => len.valid = false,
        Ast::Group {
            kind: GroupKind::LookAhead { .. } | GroupKind::LookBehind { .. },
            ..
        } => {}
        Ast::Group { body, .. } => add(body, len),
        Ast::Concat { items, .. } => items.iter().for_each(|i| add(i, len)),
        Ast::Alternation { alts, .. } => {
            let (mut min, mut max, mut valid) = (i64::MAX, i32::MIN, true);
            for alt in alts {
                let one = measure(alt);
                min = min.min(one.min);
                max = max.max(one.max);
                valid &= one.valid;
            }
            len.valid &= valid;
            step(len, min, max);
        }
        Ast::Repetition {
            min,
            max,
            greed,
            body,
            ..
        } => repetition(len, *min, *max, *greed, body),
        _ => {}
    }
}

/// The bounds of `ast` on its own.
fn measure(ast: &Ast) -> Len {
    let mut one = Len {
        min: 0,
        max: 0,
        valid: true,
    };
    add(ast, &mut one);
    one
}

/// Adds unchecked.
fn step(len: &mut Len, min: i64, max: i32) {
    len.min = len.min.saturating_add(min);
    len.max = len.max.wrapping_add(max);
}

/// Adds a repetition of `body`.
fn repetition(len: &mut Len, min: u32, max: u32, greed: Greed, body: &Ast) {
    if greed == Greed::Greedy && max == UNBOUNDED && min <= 1 && single_char(body) {
        step(len, i64::from(min), i32::MAX);
        return;
    }
    let one = measure(body);
    if min == 0 && max == 1 {
        len.valid &= one.valid;
        step(len, 0, one.max);
        return;
    }
    let is_group = matches!(
        body,
        Ast::Group {
            kind: GroupKind::Capture { .. } | GroupKind::NonCapture,
            ..
        }
    );
    if !one.valid || (is_group && body.children().iter().any(needs_loop)) {
        len.valid = false;
        return;
    }
    let product = i64::from(one.max) * i64::from(max);
    let total = i64::from(len.max) + product;
    if product > i64::from(i32::MAX) || total > i64::from(i32::MAX) {
        len.valid = false;
        return;
    }
    len.min = len
        .min
        .saturating_add(one.min.saturating_mul(i64::from(min)));
    len.max = total as i32;
}
