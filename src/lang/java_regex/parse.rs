//! The parser: sequences, alternation and groups, in the order
//! `Pattern.compile` reads them. Quantifiers are in [`super::quantifier`], inline flags in
//! [`super::flags`], escapes and back references in [`super::escape`], classes in
//! [`super::class`], look-behind bounds in [`super::lookbehind`].
//!
//! Reading follows the `Pattern` documentation; where it is silent (error indexes, which
//! characters `(?x)` skips where), the behaviour was measured on JDK 17 as a black box.

use super::ast::{AssertionKind, Ast, Flags, GroupKind, Span};
use super::error::{Error, ErrorKind};
use super::quote::{Expanded, expand};

/// Longest pattern accepted, in characters.
pub(crate) const MAX_LEN: usize = 2000;
/// Deepest nesting of groups and classes accepted.
pub(crate) const MAX_DEPTH: usize = 200;

/// Facts the parser notices that the lints and the preview need and the tree does not keep.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Notes {
    /// The first `(?U…)` that turns Unicode classes on.
    pub(crate) unicode_flag: Option<Span>,
    /// The first `--` or `~~` inside a class, and which character it repeats.
    pub(crate) class_op: Option<(Span, char)>,
    /// `\N{…}` names accepted without being verifiable here.
    pub(crate) unverified_names: Vec<(Span, String)>,
    /// `(?c)` was used.
    pub(crate) canon_eq: bool,
    /// A class has an `&&` with nothing after it and more than characters before it, which
    /// Java 17 evaluates inconsistently.
    pub(crate) empty_operand: bool,
    /// A character outside the Basic Multilingual Plane appears.
    pub(crate) supplementary: bool,
}

/// A parsed pattern.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// The syntax tree.
    pub(crate) ast: Ast,
    /// Number of capturing groups.
    pub(crate) groups: usize,
    /// The quote-expanded pattern and its map back to the original.
    pub(crate) source: Expanded,
    /// See [`Notes`].
    pub(crate) notes: Notes,
}

/// The parser's state: a cursor over the quote-expanded pattern and what it has seen.
pub(crate) struct Parser {
    /// Code points being parsed.
    pub(crate) p: Vec<char>,
    /// The cursor.
    pub(crate) i: usize,
    /// Flags in force at the cursor.
    pub(crate) flags: Flags,
    /// Capturing groups opened so far.
    pub(crate) groups: usize,
    /// Named groups opened so far, with their numbers.
    pub(crate) names: Vec<(String, usize, Span)>,
    /// Current nesting of groups and classes.
    pub(crate) depth: usize,
    /// See [`Notes`].
    pub(crate) notes: Notes,
}

/// Parses `pattern` as `Pattern.compile(pattern)` would.
pub(crate) fn parse(pattern: &str) -> Result<Parsed, Error> {
    // The limit is in UTF-16 units, as Java's `String.length()` and the other fields count.
    if pattern.encode_utf16().count() > MAX_LEN {
        let len = pattern.chars().count();
        return Err(Error {
            kind: ErrorKind::TooLong,
            span: Span::new(MAX_LEN.min(len), len),
            aux_span: None,
            java_index: MAX_LEN as i64,
        });
    }
    let source = expand(pattern);
    let mut parser = Parser {
        p: source.chars.clone(),
        i: 0,
        flags: Flags::default(),
        groups: 0,
        names: Vec::new(),
        depth: 0,
        notes: Notes::default(),
    };
    let to_original = |e: Error| Error {
        span: original_span(&source, e.span),
        aux_span: e.aux_span.map(|s| original_span(&source, s)),
        ..e
    };
    let ast = parser.alternation().map_err(to_original)?;
    if parser.i < parser.p.len() {
        // Only an unmatched `)` stops the top-level alternation early.
        let e = parser.error(ErrorKind::UnmatchedClose, parser.i as i64 - 1);
        return Err(to_original(e));
    }
    Ok(Parsed {
        ast,
        groups: parser.groups,
        notes: parser.notes,
        source,
    })
}

/// A group being parsed: where it opened, and its alternatives and items so far.
struct Open {
    /// Index of `(`.
    open: usize,
    /// Flags to restore at `)`.
    saved: Flags,
    /// What kind of group.
    kind: GroupKind,
    /// Finished alternatives.
    alts: Vec<Ast>,
    /// Items of the current alternative.
    items: Vec<Ast>,
    /// Where the body starts.
    body_start: usize,
    /// Where the current alternative starts.
    seq_start: usize,
}

impl Open {
    /// A group whose body starts at `start`.
    fn at(start: usize, saved: Flags, kind: GroupKind) -> Open {
        Open {
            open: start,
            saved,
            kind,
            alts: Vec::new(),
            items: Vec::new(),
            body_start: start,
            seq_start: start,
        }
    }

    /// Ends the current alternative at `bar` (a `|`); the next starts at `next`.
    fn next_alternative(&mut self, bar: usize, next: usize) {
        let items = std::mem::take(&mut self.items);
        self.alts.push(sequence(items, self.seq_start, bar));
        self.seq_start = next;
    }

    /// The body, ending at `end`.
    fn finish(&mut self, end: usize) -> Ast {
        let items = std::mem::take(&mut self.items);
        let last = sequence(items, self.seq_start, end);
        if self.alts.is_empty() {
            return last;
        }
        let mut alts = std::mem::take(&mut self.alts);
        alts.push(last);
        Ast::Alternation {
            span: Span::new(self.body_start, end),
            alts,
        }
    }
}

/// The node for a sequence of `items` from `start` to `end`.
fn sequence(mut items: Vec<Ast>, start: usize, end: usize) -> Ast {
    match items.len() {
        0 => Ast::Empty(Span::new(start, start)),
        1 => items.remove(0),
        _ => Ast::Concat {
            span: Span::new(start, end),
            items,
        },
    }
}

/// `span` of the quote-expanded pattern in the original pattern's code points.
fn original_span(source: &Expanded, span: Span) -> Span {
    let start = source.original(span.start);
    let end = if span.end > span.start {
        source.original(span.end - 1) + 1
    } else {
        start
    };
    Span::new(start, end.max(start))
}

/// Whitespace `(?x)` ignores.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\u{b}' | '\u{c}' | '\r')
}

impl Parser {
    /// The character at `j`, or NUL past the end (Java's terminator).
    pub(crate) fn at(&self, j: usize) -> char {
        self.p.get(j).copied().unwrap_or('\0')
    }

    /// The pattern text from `start` to `end`.
    pub(crate) fn text(&self, start: usize, end: usize) -> String {
        self.p.get(start..end).unwrap_or_default().iter().collect()
    }

    /// Whether `j` is past the last character.
    pub(crate) fn is_end(&self, j: usize) -> bool {
        j >= self.p.len()
    }

    /// An error of `kind` at Java index `index`.
    pub(crate) fn error(&self, kind: ErrorKind, index: i64) -> Error {
        let start = index.clamp(0, self.p.len() as i64) as usize;
        Error {
            kind,
            span: Span::new(start, (start + 1).min(self.p.len())),
            aux_span: None,
            java_index: index,
        }
    }

    /// Under `(?x)`, moves the cursor past whitespace and `#` comments.
    pub(crate) fn skip_trivia(&mut self) {
        if !self.flags.has(Flags::COMMENTS) {
            return;
        }
        loop {
            let c = self.at(self.i);
            if is_space(c) && !self.is_end(self.i) {
                self.i += 1;
            } else if c == '#' {
                while !self.is_end(self.i)
                    && !matches!(
                        self.at(self.i),
                        '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'
                    )
                {
                    self.i += 1;
                }
            } else {
                return;
            }
        }
    }

    /// Enters a group or class, enforcing [`MAX_DEPTH`].
    pub(crate) fn enter(&mut self, at: usize) -> Result<(), Error> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(Error {
                kind: ErrorKind::TooDeep,
                span: Span::new(at, at + 1),
                aux_span: None,
                java_index: at as i64,
            });
        }
        Ok(())
    }

    /// The whole pattern, or up to an unmatched `)`. Groups are kept on an explicit stack of
    /// [`Open`] records, so nesting costs heap, not call stack.
    fn alternation(&mut self) -> Result<Ast, Error> {
        let mut stack: Vec<Open> = Vec::new();
        let mut cur = Open::at(self.i, self.flags, GroupKind::NonCapture);
        loop {
            self.skip_trivia();
            let at = self.i;
            let end = self.is_end(at);
            if end || self.at(at) == ')' {
                let body = cur.finish(at);
                let Some(outer) = stack.pop() else {
                    return Ok(body);
                };
                if end {
                    return Err(self.error(ErrorKind::UnclosedGroup, self.p.len() as i64));
                }
                let group = self.group_close(cur.open, cur.saved, cur.kind, body)?;
                cur = outer;
                let quantified = self.closure(group)?;
                cur.items.push(quantified);
                continue;
            }
            match self.at(at) {
                '|' => {
                    self.i += 1;
                    cur.next_alternative(at, self.i);
                }
                '(' => {
                    let saved = self.flags;
                    match self.group_open()? {
                        Err(flags) => cur.items.push(flags),
                        Ok(kind) => {
                            let inner = Open::at(self.i, saved, kind);
                            stack.push(std::mem::replace(&mut cur, inner));
                            cur.open = at;
                        }
                    }
                }
                _ => {
                    let atom = self.atom()?;
                    let quantified = self.closure(atom)?;
                    cur.items.push(quantified);
                }
            }
        }
    }

    /// An atom other than a group at the cursor (kept apart from [`Parser::sequence`] so the
    /// frames of the nesting recursion stay small).
    #[inline(never)]
    fn atom(&mut self) -> Result<Ast, Error> {
        let at = self.i;
        Ok(match self.at(at) {
            '[' => Ast::Class(Box::new(self.class()?)),
            '\\' => self.escape()?,
            '^' => self.assertion(AssertionKind::LineStart),
            '$' => self.assertion(AssertionKind::LineEnd),
            '.' => {
                self.i += 1;
                Ast::Dot {
                    span: Span::new(at, self.i),
                    flags: self.flags,
                }
            }
            c @ ('*' | '+' | '?') => {
                return Err(self.error(ErrorKind::DanglingMeta(c), at as i64));
            }
            '{' => Ast::Empty(Span::new(at, at)),
            c => {
                self.i += 1;
                if u32::from(c) > 0xffff {
                    self.notes.supplementary = true;
                }
                Ast::Literal {
                    span: Span::new(at, self.i),
                    c: u32::from(c),
                    flags: self.flags,
                }
            }
        })
    }

    /// A one-character boundary matcher (`^`, `$`).
    fn assertion(&mut self, kind: AssertionKind) -> Ast {
        let at = self.i;
        self.i += 1;
        Ast::Assertion {
            span: Span::new(at, self.i),
            kind,
            flags: self.flags,
        }
    }

    /// The opening of a group up to its body: its kind, or the whole `(?flags)` node.
    #[inline(never)]
    fn group_open(&mut self) -> Result<Result<GroupKind, Ast>, Error> {
        let open = self.i;
        self.enter(open)?;
        self.i += 1;
        if self.at(self.i) != '?' || self.is_end(self.i) {
            self.groups += 1;
            return Ok(Ok(GroupKind::Capture {
                index: self.groups,
                name: None,
            }));
        }
        self.i += 1;
        self.skip_trivia();
        let c = self.at(self.i);
        self.i += 1;
        Ok(Ok(match c {
            ':' => GroupKind::NonCapture,
            '=' => GroupKind::LookAhead { negated: false },
            '!' => GroupKind::LookAhead { negated: true },
            '>' => GroupKind::Atomic,
            '<' => match self.at(self.i) {
                c @ ('=' | '!') if !self.is_end(self.i) => {
                    self.i += 1;
                    GroupKind::LookBehind {
                        negated: c == '!',
                        min: 0,
                        max: 0,
                    }
                }
                _ => self.named_group()?,
            },
            '$' | '@' => {
                return Err(self.error(ErrorKind::UnknownGroupType, self.i as i64 - 1));
            }
            _ => {
                self.i -= 1;
                let (on, off, closed) = self.flag_letters(open)?;
                if closed {
                    self.depth -= 1;
                    return Ok(Err(Ast::SetFlags {
                        span: Span::new(open, self.i),
                        on,
                        off,
                    }));
                }
                GroupKind::NonCapture
            }
        }))
    }

    /// The closing `)` of a group whose body was parsed.
    #[inline(never)]
    fn group_close(
        &mut self,
        open: usize,
        saved: Flags,
        kind: GroupKind,
        body: Ast,
    ) -> Result<Ast, Error> {
        if self.at(self.i) != ')' || self.is_end(self.i) {
            return Err(self.error(ErrorKind::UnclosedGroup, self.p.len() as i64));
        }
        let close = self.i;
        self.i += 1;
        self.flags = saved;
        self.depth -= 1;
        let kind = match kind {
            GroupKind::LookBehind { negated, .. } => {
                let (min, max) = super::lookbehind::bounds(&body)
                    .ok_or_else(|| self.error(ErrorKind::LookBehindUnbounded, close as i64 - 1))?;
                GroupKind::LookBehind { negated, min, max }
            }
            k => k,
        };
        Ok(Ast::Group {
            span: Span::new(open, self.i),
            kind,
            body: Box::new(body),
        })
    }

    /// The name of `(?<name>…)`, registering the group.
    fn named_group(&mut self) -> Result<GroupKind, Error> {
        let (name, gt) = self.group_name()?;
        if let Some((_, _, first)) = self.names.iter().find(|(n, _, _)| *n == name) {
            let mut e = self.error(ErrorKind::DuplicateGroupName(name.clone()), gt as i64);
            e.aux_span = Some(*first);
            return Err(e);
        }
        self.groups += 1;
        self.names
            .push((name.clone(), self.groups, Span::new(gt - name.len(), gt)));
        Ok(GroupKind::Capture {
            index: self.groups,
            name: Some(name),
        })
    }

    /// An ASCII letter then ASCII letters and digits, then `>`; returns the name and the
    /// index of `>` (the cursor moves past it).
    pub(crate) fn group_name(&mut self) -> Result<(String, usize), Error> {
        let start = self.i;
        if !self.at(start).is_ascii_alphabetic() {
            return Err(self.error(ErrorKind::GroupNameStart, start as i64));
        }
        let mut j = start;
        while self.at(j).is_ascii_alphanumeric() {
            j += 1;
        }
        if self.at(j) != '>' || self.is_end(j) {
            return Err(self.error(ErrorKind::GroupNameEnd, j as i64));
        }
        self.i = j + 1;
        Ok((self.text(start, j), j))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::{ErrorKind, Span, parse};

    #[test]
    fn errors_after_a_quote_point_into_the_original_pattern() {
        let e = parse("\\Q.\\E\\y").unwrap_err();
        assert_eq!(e.kind, ErrorKind::IllegalEscape);
        assert_eq!(e.java_index, 3);
        assert_eq!(e.span, Span::new(6, 7));
    }

    #[test]
    fn an_empty_intersection_operand_after_more_than_characters_is_noted() {
        assert!(parse("[[b]a&&]").unwrap().notes.empty_operand);
        assert!(parse("[\\da&&&&b]").unwrap().notes.empty_operand);
        assert!(parse("[^[b]a&&]").unwrap().notes.empty_operand);
        assert!(parse("[a[b]&&]").unwrap().notes.empty_operand);
        assert!(!parse("[ab&&]").unwrap().notes.empty_operand);
        assert!(!parse("[[b]a&&b]").unwrap().notes.empty_operand);
    }

    #[test]
    fn stacked_counts_change_nothing_and_v_starts_a_range() {
        assert!(parse("a{2}{3}{4}").is_ok());
        assert!(parse("[\\v-\\x0d]").is_ok());
        assert_eq!(parse("[&&&x]").unwrap_err().kind, ErrorKind::BadClassSyntax);
    }
}
