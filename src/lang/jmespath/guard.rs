//! The nesting guard: an upper bound of the `jmespath` parser's recursion depth, computed by a
//! linear scan of the tokens before the recursive parser ever sees them.
//!
//! The crate's Pratt parser recurses in three ways (measured in `jmespath` 0.5's `parser.rs`):
//! - bracketed groups: `(`, `[` (lists, indexes, slices, `[*]`), `[?`, `{`, function calls;
//! - prefix operators: `!` parses its operand with binding power 45, `&` with 0;
//! - a binary operator or projection parses its right-hand side by calling itself again, and a
//!   projection (`*`, `[*]`, `[]`, `[?…]`, a slice) keeps the following `.x`, `[…]` and `[?…]`
//!   inside its own right-hand side, so chains of projections nest (`a[*].b[*].c[*]`).
//!
//! Left-associative chains (`a.b.c`, `a | b | c`, `a || b || c`, `a[0][1]`, `a[][]`) loop
//! instead of recursing. The scan simulates the parser's stack like a shunting-yard: an open
//! bracket pushes a wall, an operator pushes its right binding power, and an operator arriving
//! after an operand pops every entry that binds at least as tightly (exactly when the Pratt loop
//! returns). The deepest stack seen bounds the recursion.
//!
//! A level costs the most stack for nested `[:]` slices and `[*].a` chains, and far more in a
//! debug build than in a release build; [`MAX_NESTING`] is chosen so that the deepest accepted
//! filter fits wasm's 1 MiB stack with a wide margin even in a debug build (the measured cost
//! per level is in `docs/performance.md`; the tests run the deepest accepted filters on a
//! 512 KiB stack).

use super::lexer::{Kind, Tok};

/// The deepest nesting the checker lets through to the parser.
pub const MAX_NESTING: usize = 32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wall {
    /// `(…)`, `{…}`, a function call or a multi-select list: no projection follows.
    Plain,
    /// `[` followed by a number or `:`; a slice if a `:` was seen.
    Index { slice: bool },
    /// `[*]`.
    Star,
    /// `[?…]`.
    Filter,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Wall(Wall),
    /// An operator whose right-hand side is being parsed with this binding power.
    Op(u8),
}

/// The deepest simulated parser stack, and the index of the token that first went past `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Depth {
    pub max: usize,
    pub exceeded_at: Option<usize>,
}

fn bracket_wall(toks: &[Tok], i: usize) -> Wall {
    let next = toks.get(i + 1).map(|t| t.kind);
    let after = toks.get(i + 2).map(|t| t.kind);
    match (next, after) {
        (Some(Kind::Number | Kind::Colon), _) => Wall::Index { slice: false },
        (Some(Kind::Star), Some(Kind::Rbracket)) => Wall::Star,
        _ => Wall::Plain,
    }
}

fn pop_ops(stack: &mut Vec<Entry>, at_least: u8) {
    while let Some(Entry::Op(rbp)) = stack.last() {
        if *rbp < at_least {
            break;
        }
        stack.pop();
    }
}

/// Pushes what token `i` opens when it starts a group, a projection or a `!`; returns `None`
/// for other tokens, else `Some` of the projection's binding power when it is a projection.
fn open(stack: &mut Vec<Entry>, toks: &[Tok], i: usize) -> Option<Option<u8>> {
    let kind = toks.get(i)?.kind;
    let (entry, projection) = match kind {
        Kind::Lbracket => (Entry::Wall(bracket_wall(toks, i)), None),
        Kind::Filter => (Entry::Wall(Wall::Filter), None),
        Kind::Lparen | Kind::Lbrace => (Entry::Wall(Wall::Plain), None),
        Kind::Flatten => (Entry::Op(9), Some(9)),
        Kind::Star => (Entry::Op(20), Some(20)),
        Kind::Not => (Entry::Op(45), None),
        _ => return None,
    };
    stack.push(entry);
    Some(projection)
}

/// Simulates the parser over `toks`; stops early once the depth passes `limit`.
pub(crate) fn nesting(toks: &[Tok], limit: usize) -> Depth {
    let mut stack: Vec<Entry> = Vec::new();
    // The previous token ended an operand: the next one is in infix ("led") position.
    let mut operand = false;
    // A projection just ended: its right-hand side absorbs a following `.`, `[` or `[?`.
    let mut projection: Option<u8> = None;
    let mut max = 0;
    for (i, t) in toks.iter().enumerate() {
        let kind = t.kind;
        let mut next_projection = None;
        let mut next_operand = false;
        if kind.is_closer() {
            pop_ops(&mut stack, 0);
            match stack.pop() {
                Some(Entry::Wall(Wall::Star | Wall::Index { slice: true })) => {
                    stack.push(Entry::Op(20));
                    next_projection = Some(20);
                }
                Some(Entry::Wall(Wall::Filter)) => {
                    stack.push(Entry::Op(21));
                    next_projection = Some(21);
                }
                _ => next_operand = true,
            }
        } else if matches!(kind, Kind::Comma | Kind::Colon) {
            pop_ops(&mut stack, 0);
            if kind == Kind::Colon
                && let Some(Entry::Wall(Wall::Index { slice })) = stack.last_mut()
            {
                *slice = true;
            }
        } else if (operand || projection.is_some()) && kind.lbp() > 0 {
            let absorbed =
                projection.is_some() && matches!(kind, Kind::Dot | Kind::Lbracket | Kind::Filter);
            if !absorbed {
                pop_ops(&mut stack, kind.lbp());
            }
            match kind {
                // After a projection the `.` belongs to the projection's own recursion level.
                Kind::Dot if absorbed => {}
                Kind::Dot => stack.push(Entry::Op(40)),
                // `|`, `||`, `&&` and comparisons parse their right side with their own power.
                _ => {
                    next_projection = open(&mut stack, toks, i).unwrap_or_else(|| {
                        stack.push(Entry::Op(kind.lbp()));
                        None
                    });
                }
            }
        } else {
            if operand || projection.is_some() {
                // A token that cannot continue an expression ends every open operator up to
                // the enclosing bracket; the crate's list parser may then start a new item.
                pop_ops(&mut stack, 0);
            }
            if kind == Kind::Ampersand {
                stack.push(Entry::Op(0));
            } else if let Some(p) = open(&mut stack, toks, i) {
                next_projection = p;
            } else {
                next_operand = true;
            }
        }
        operand = next_operand;
        projection = next_projection;
        max = max.max(stack.len());
        if stack.len() > limit {
            return Depth {
                max,
                exceeded_at: Some(i),
            };
        }
    }
    Depth {
        max,
        exceeded_at: None,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::super::lexer::lex;
    use super::*;

    fn depth(expr: &str) -> usize {
        nesting(&lex(expr).toks, usize::MAX).max
    }

    #[test]
    fn left_associative_chains_do_not_nest() {
        assert!(depth(&format!("a{}", ".b".repeat(200))) <= 2);
        assert!(depth(&format!("a{}", " | b".repeat(200))) <= 2);
        assert!(depth(&format!("a{}", " || b".repeat(200))) <= 2);
        assert!(depth(&format!("a{}", "[0]".repeat(200))) <= 2);
        assert!(depth(&format!("a{}", "[]".repeat(200))) <= 2);
        assert!(depth(&format!("[?{}]", "name == 'x' || ".repeat(50) + "a")) <= 4);
    }

    #[test]
    fn recursive_shapes_nest_once_per_level() {
        for (open, close) in super::super::tests::NESTED {
            let e = super::super::tests::nested(open, close, 10);
            let d = depth(&e);
            // `!(` and `map(&` are two levels per unit; `(a || ` and `[?a == ` add an operator.
            let per_unit = if matches!(*open, "!(" | "map(&" | "(a || " | "[?a == ") {
                2
            } else {
                1
            };
            assert!((10 * per_unit..=10 * per_unit + 1).contains(&d), "{e}: {d}");
        }
        for chain in ["[*]", "[?a]", "[:]", "[*].a", ".*"] {
            let e = format!("a{}", chain.repeat(10));
            let d = depth(&e);
            assert!((10..=12).contains(&d), "{e}: {d}");
        }
    }

    #[test]
    fn vendor_examples_are_shallow() {
        let e = "{value:value[?(starts_with(name, 'git')||(ends_with(name, 'test')))]}";
        assert!(depth(e) <= 8, "{}", depth(e));
    }

    #[test]
    fn stops_at_the_first_token_past_the_limit() {
        let d = nesting(&lex(&"(".repeat(100)).toks, 5);
        assert_eq!(d.exceeded_at, Some(5));
    }
}
