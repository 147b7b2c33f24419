//! Why `Pattern.compile` rejects a pattern, with the description and index Java reports.

use super::ast::Span;

/// A rejected pattern: what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Error {
    /// What is wrong.
    pub(crate) kind: ErrorKind,
    /// Where, in code points of the original pattern (empty at its end).
    pub(crate) span: Span,
    /// A second place involved (the first definition of a duplicated group name).
    pub(crate) aux_span: Option<Span>,
    /// `PatternSyntaxException.getIndex()`: an index into the quote-expanded pattern Java
    /// parses (may be -1, or one past the end).
    pub(crate) java_index: i64,
}

/// The reasons Java gives for rejecting a pattern, plus this checker's two limits.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub(crate) enum ErrorKind {
    /// Longer than [`super::MAX_PATTERN_CHARS`] (this checker's limit; Java has none).
    TooLong,
    /// Nested deeper than [`super::MAX_NESTING`] (this checker's limit; Java has none).
    TooDeep,
    /// A quantifier (`*`, `+`, `?`) with nothing before it to repeat.
    DanglingMeta(char),
    /// A `(` without its `)`.
    UnclosedGroup,
    /// A `)` without its `(`.
    UnmatchedClose,
    /// The pattern ends inside an escape (a lone trailing backslash).
    Internal,
    /// `(?$` or `(?@`, group syntax Java reserves.
    UnknownGroupType,
    /// A letter after `(?` that is not a flag (`idmsuxUc`).
    UnknownInlineModifier,
    /// A group name that does not begin with an ASCII letter.
    GroupNameStart,
    /// A group name containing something other than ASCII letters and digits before `>`.
    GroupNameEnd,
    /// Two groups with the same name.
    DuplicateGroupName(String),
    /// `\k<name>` before (or without) a group of that name.
    UnknownGroupName(String),
    /// `\k` not followed by `<`.
    KNotFollowedByLt,
    /// A look-behind whose longest match Java cannot bound.
    LookBehindUnbounded,
    /// `{` that does not start `{n}`, `{n,}` or `{n,m}`.
    IllegalRepetition,
    /// `{n,m}` with `m < n`, or a bound above 2147483647.
    IllegalRepetitionRange,
    /// `{n,m` without its `}`.
    UnclosedCountedClosure,
    /// A `[` without its `]`.
    UnclosedClass,
    /// `&&` with nothing on either side.
    BadClassSyntax,
    /// A range whose end comes before its start, or whose end is not a character.
    IllegalRange,
    /// `\p{…` without its `}`.
    UnclosedFamily,
    /// `\p{}`.
    EmptyFamily,
    /// `\p{name}` with a name Java does not know.
    UnknownProperty(String),
    /// `\p{key=value}` with a key or value Java does not know.
    UnknownPropertyValue(String, String),
    /// A backslash before a letter that is no escape.
    IllegalEscape,
    /// `\0` not followed by an octal digit.
    IllegalOctal,
    /// `\x` not followed by two hex digits or `{hex}`.
    IllegalHex,
    /// `\x{…}` above U+10FFFF.
    HexTooBig,
    /// `\x{…` without its `}`.
    UnclosedHex,
    /// `\u` not followed by four hex digits.
    IllegalUnicode,
    /// `\c` at the end of the pattern.
    IllegalControl,
    /// `\N` not followed by `{`.
    IllegalCharName,
    /// `\N{…` without its `}`.
    UnclosedCharName,
    /// `\N{name}` with a name that is no Unicode character name.
    UnknownCharName(String),
}

impl ErrorKind {
    /// `PatternSyntaxException.getDescription()` for this error, as JDK 17 words it.
    pub(crate) fn java_message(&self) -> String {
        match self {
            ErrorKind::TooLong => "Pattern too long (checker limit)".into(),
            ErrorKind::TooDeep => "Pattern nested too deeply (checker limit)".into(),
            ErrorKind::DanglingMeta(c) => format!("Dangling meta character '{c}'"),
            ErrorKind::UnclosedGroup => "Unclosed group".into(),
            ErrorKind::UnmatchedClose => "Unmatched closing ')'".into(),
            ErrorKind::Internal => "Unexpected internal error".into(),
            ErrorKind::UnknownGroupType => "Unknown group type".into(),
            ErrorKind::UnknownInlineModifier => "Unknown inline modifier".into(),
            ErrorKind::GroupNameStart => {
                "capturing group name does not start with a Latin letter".into()
            }
            ErrorKind::GroupNameEnd => "named capturing group is missing trailing '>'".into(),
            ErrorKind::DuplicateGroupName(n) => {
                format!("Named capturing group <{n}> is already defined")
            }
            ErrorKind::UnknownGroupName(n) => format!("named capturing group <{n}> does not exist"),
            ErrorKind::KNotFollowedByLt => {
                "\\k is not followed by '<' for named capturing group".into()
            }
            ErrorKind::LookBehindUnbounded => {
                "Look-behind group does not have an obvious maximum length".into()
            }
            ErrorKind::IllegalRepetition => "Illegal repetition".into(),
            ErrorKind::IllegalRepetitionRange => "Illegal repetition range".into(),
            ErrorKind::UnclosedCountedClosure => "Unclosed counted closure".into(),
            ErrorKind::UnclosedClass => "Unclosed character class".into(),
            ErrorKind::BadClassSyntax => "Bad class syntax".into(),
            ErrorKind::IllegalRange => "Illegal character range".into(),
            ErrorKind::UnclosedFamily => "Unclosed character family".into(),
            ErrorKind::EmptyFamily => "Empty character family".into(),
            ErrorKind::UnknownProperty(n) => format!("Unknown character property name {{{n}}}"),
            ErrorKind::UnknownPropertyValue(k, v) => {
                format!("Unknown Unicode property {{name=<{k}>, value=<{v}>}}")
            }
            ErrorKind::IllegalEscape => "Illegal/unsupported escape sequence".into(),
            ErrorKind::IllegalOctal => "Illegal octal escape sequence".into(),
            ErrorKind::IllegalHex => "Illegal hexadecimal escape sequence".into(),
            ErrorKind::HexTooBig => "Hexadecimal codepoint is too big".into(),
            ErrorKind::UnclosedHex => "Unclosed hexadecimal escape sequence".into(),
            ErrorKind::IllegalUnicode => "Illegal Unicode escape sequence".into(),
            ErrorKind::IllegalControl => "Illegal control escape sequence".into(),
            ErrorKind::IllegalCharName => "Illegal character name escape sequence".into(),
            ErrorKind::UnclosedCharName => "Unclosed character name escape sequence".into(),
            ErrorKind::UnknownCharName(n) => format!("Unknown character name [{n}]"),
        }
    }
}
