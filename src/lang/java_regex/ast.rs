//! The syntax tree of a Java regular expression, in the vocabulary of the
//! `java.util.regex.Pattern` documentation.
//!
//! Every node carries the [`Span`] it was parsed from, in code points of the pattern after
//! `\Q…\E` quoting was expanded (the text Java reports its error indexes against).
//! Flag-dependent nodes carry the [`Flags`] in force where they appear, so later passes never
//! have to replay inline flag changes.

use super::props::Prop;

/// A half-open range of code-point indexes in the (quote-expanded) pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Span {
    /// First index.
    pub(crate) start: usize,
    /// One past the last index.
    pub(crate) end: usize,
}

impl Span {
    /// The span from `start` to `end`.
    pub(crate) const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
}

/// The match flags of `Pattern` (inline `(?idmsuxUc)`), as a bit set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Flags(pub(crate) u16);

impl Flags {
    /// `d`: only `\n` ends a line.
    pub(crate) const UNIX_LINES: u16 = 1;
    /// `i`: case-insensitive (ASCII unless `u`).
    pub(crate) const CASE_INSENSITIVE: u16 = 2;
    /// `x`: whitespace and `#` comments are ignored.
    pub(crate) const COMMENTS: u16 = 4;
    /// `m`: `^` and `$` match at line terminators.
    pub(crate) const MULTILINE: u16 = 8;
    /// `s`: `.` matches line terminators.
    pub(crate) const DOTALL: u16 = 32;
    /// `u`: case-insensitivity follows Unicode.
    pub(crate) const UNICODE_CASE: u16 = 64;
    /// `c`: canonical equivalence.
    pub(crate) const CANON_EQ: u16 = 128;
    /// `U`: Unicode character classes (implies `u`, see [`Flags::unicode_case`]).
    pub(crate) const UNICODE_CLASS: u16 = 256;

    /// Whether case-insensitive matching follows Unicode (`u`, or `U` which implies it).
    pub(crate) const fn unicode_case(self) -> bool {
        self.0 & (Flags::UNICODE_CASE | Flags::UNICODE_CLASS) != 0
    }

    /// Whether every bit of `bit` is set.
    pub(crate) const fn has(self, bit: u16) -> bool {
        self.0 & bit == bit
    }

    /// The flag bit a letter of `(?…)` stands for.
    pub(crate) fn for_letter(c: char) -> Option<u16> {
        Some(match c {
            'd' => Flags::UNIX_LINES,
            'i' => Flags::CASE_INSENSITIVE,
            'x' => Flags::COMMENTS,
            'm' => Flags::MULTILINE,
            's' => Flags::DOTALL,
            'u' => Flags::UNICODE_CASE,
            'c' => Flags::CANON_EQ,
            'U' => Flags::UNICODE_CLASS,
            _ => return None,
        })
    }
}

/// How a repetition treats backtracking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Greed {
    /// `X*`: as many as possible, giving back on failure.
    Greedy,
    /// `X*?`: as few as possible.
    Lazy,
    /// `X*+`: as many as possible, never giving back.
    Possessive,
}

/// Zero-width boundary matchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AssertionKind {
    /// `^`: beginning of input (or of a line under `m`).
    LineStart,
    /// `$`: end of input, before a final line terminator (or at any line end under `m`).
    LineEnd,
    /// `\b`: a word boundary.
    WordBoundary,
    /// `\B`: not a word boundary.
    NotWordBoundary,
    /// `\b{g}`: a grapheme cluster boundary.
    GraphemeBoundary,
    /// `\A`: beginning of input.
    InputStart,
    /// `\z`: end of input.
    InputEnd,
    /// `\Z`: end of input but for a final line terminator.
    InputEndBeforeTerminator,
    /// `\G`: end of the previous match (the start, for one `find()`).
    PreviousMatchEnd,
}

/// The predefined character classes `\d \w \s \h \v` (negated by their capital letter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PerlKind {
    /// `\d`: a digit.
    Digit,
    /// `\w`: a word character.
    Word,
    /// `\s`: a whitespace character.
    Space,
    /// `\h`: a horizontal whitespace character.
    Horizontal,
    /// `\v`: a vertical whitespace character.
    Vertical,
}

/// One member of a character class's union.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum ClassItem {
    /// A single character.
    Char(u32),
    /// An inclusive range `a-z`.
    Range(u32, u32),
    /// A predefined class; `true` when negated (`\D`).
    Perl(PerlKind, bool),
    /// A property `\p{…}`; `true` when negated (`\P{…}`).
    Property(Prop, bool),
    /// A nested class `[…]` (union).
    Nested(Box<Class>),
}

/// A bracketed class `[…]`: the intersection (`&&`) of its operands, each a union of items.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Class {
    /// From `[` to `]`.
    pub(crate) span: Span,
    /// `[^…]`.
    pub(crate) negated: bool,
    /// Operands of `&&`; a character is in the class when it is in every operand.
    pub(crate) operands: Vec<Vec<ClassItem>>,
    /// The flags in force (case-insensitivity, Unicode classes).
    pub(crate) flags: Flags,
}

/// The kinds of parenthesised groups.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GroupKind {
    /// `(X)` or `(?<name>X)`: captures as group `index`.
    Capture {
        /// Group number, from 1.
        index: usize,
        /// The name of a named group.
        name: Option<String>,
    },
    /// `(?:X)` or `(?flags:X)`.
    NonCapture,
    /// `(?>X)`: independent (atomic) group.
    Atomic,
    /// `(?=X)` / `(?!X)` (negated).
    LookAhead {
        /// `(?!X)`.
        negated: bool,
    },
    /// `(?<=X)` / `(?<!X)` (negated), with the length range Java computed for `X`.
    LookBehind {
        /// `(?<!X)`.
        negated: bool,
        /// Shortest text `X` can match.
        min: usize,
        /// Longest text `X` can match, as Java's `int` (it may have wrapped below zero).
        max: i32,
    },
}

/// A node of the syntax tree.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ast {
    /// Matches the empty string (an empty alternative or group).
    Empty(Span),
    /// A literal character (from text, an escape or a quote).
    Literal {
        /// Where it was written.
        span: Span,
        /// The code point.
        c: u32,
        /// Flags in force (case-insensitivity).
        flags: Flags,
    },
    /// `.`.
    Dot {
        /// Where it was written.
        span: Span,
        /// Flags in force (`s`, `d`).
        flags: Flags,
    },
    /// A boundary matcher.
    Assertion {
        /// Where it was written.
        span: Span,
        /// Which boundary.
        kind: AssertionKind,
        /// Flags in force (`m`, `d`, `U`).
        flags: Flags,
    },
    /// `\d \w \s \h \v` and their negations outside a class.
    Perl {
        /// Where it was written.
        span: Span,
        /// Which class.
        kind: PerlKind,
        /// `\D \W \S \H \V`.
        negated: bool,
        /// Flags in force (`U`).
        flags: Flags,
    },
    /// `\p{…}` / `\P{…}` outside a class.
    Property {
        /// Where it was written.
        span: Span,
        /// The resolved property.
        prop: Prop,
        /// `\P{…}`.
        negated: bool,
    },
    /// A bracketed class.
    Class(Box<Class>),
    /// `\R`: a linebreak sequence.
    LineBreak(Span),
    /// `\X`: an extended grapheme cluster.
    Grapheme(Span),
    /// A parenthesised group.
    Group {
        /// From `(` to `)`.
        span: Span,
        /// Its kind.
        kind: GroupKind,
        /// What it contains.
        body: Box<Ast>,
    },
    /// A quantified node `X*`, `X{n,m}?`…
    Repetition {
        /// From the start of `X` to the end of the quantifier.
        span: Span,
        /// Fewest repetitions.
        min: u32,
        /// Most repetitions (`u32::MAX` stands for Java's unbounded).
        max: u32,
        /// Greedy, lazy or possessive.
        greed: Greed,
        /// What is repeated.
        body: Box<Ast>,
    },
    /// `XY…`.
    Concat {
        /// The whole sequence.
        span: Span,
        /// Its members in order.
        items: Vec<Ast>,
    },
    /// `X|Y|…`.
    Alternation {
        /// The whole alternation.
        span: Span,
        /// Its alternatives in order.
        alts: Vec<Ast>,
    },
    /// `\n` or `\k<name>`.
    Backreference {
        /// Where it was written.
        span: Span,
        /// The group number.
        group: usize,
        /// Flags in force (case-insensitive comparison).
        flags: Flags,
    },
    /// `(?flags)` changing the flags of what follows.
    SetFlags {
        /// Where it was written.
        span: Span,
        /// Flags turned on.
        on: Flags,
        /// Flags turned off.
        off: Flags,
    },
}

/// The value of an unbounded maximum (`*`, `+`, `{n,}`).
pub(crate) const UNBOUNDED: u32 = i32::MAX as u32;

impl Ast {
    /// Where the node was written.
    pub(crate) fn span(&self) -> Span {
        match self {
            Ast::Empty(s) | Ast::LineBreak(s) | Ast::Grapheme(s) => *s,
            Ast::Class(c) => c.span,
            Ast::Literal { span, .. }
            | Ast::Dot { span, .. }
            | Ast::Assertion { span, .. }
            | Ast::Perl { span, .. }
            | Ast::Property { span, .. }
            | Ast::Group { span, .. }
            | Ast::Repetition { span, .. }
            | Ast::Concat { span, .. }
            | Ast::Alternation { span, .. }
            | Ast::Backreference { span, .. }
            | Ast::SetFlags { span, .. } => *span,
        }
    }

    /// The nodes directly inside this one.
    pub(crate) fn children(&self) -> &[Ast] {
        match self {
            Ast::Group { body, .. } | Ast::Repetition { body, .. } => std::slice::from_ref(body),
            Ast::Concat { items, .. } => items,
            Ast::Alternation { alts, .. } => alts,
            _ => &[],
        }
    }
}
