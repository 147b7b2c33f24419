//! Character classes: `[abc]`, ranges `[a-z]`, negation `[^…]`, unions `[a[b]]` and
//! intersections `[a-z&&[^x]]`.

use super::ast::{Class, ClassItem, Span};
use super::error::{Error, ErrorKind};
use super::escape::Escaped;
use super::parse::Parser;

impl Parser {
    /// The class at `[`.
    pub(crate) fn class(&mut self) -> Result<Class, Error> {
        let open = self.i;
        self.enter(open)?;
        self.i += 1;
        let negated = self.at(self.i) == '^' && !self.is_end(self.i);
        if negated {
            self.i += 1;
        }
        let mut operands: Vec<Vec<ClassItem>> = Vec::new();
        let mut current: Vec<ClassItem> = Vec::new();
        let mut first = true;
        loop {
            self.skip_trivia();
            let at = self.i;
            if self.is_end(at) {
                return Err(self.error(ErrorKind::UnclosedClass, at as i64 - 1));
            }
            match self.at(at) {
                '[' => current.push(ClassItem::Nested(Box::new(self.class()?))),
                '&' if self.at(at + 1) == '&' => {
                    self.i += 2;
                    let empty_right = self.nothing_follows();
                    if current.is_empty() && operands.is_empty() && empty_right {
                        return Err(self.error(ErrorKind::BadClassSyntax, at as i64 + 1));
                    }
                    if empty_right {
                        self.empty_operand(&current);
                    }
                    if !current.is_empty() {
                        operands.push(std::mem::take(&mut current));
                    }
                }
                ']' if !first => {
                    self.i += 1;
                    break;
                }
                c => {
                    if matches!(c, '-' | '~')
                        && self.at(at + 1) == c
                        && self.notes.class_op.is_none()
                    {
                        self.notes.class_op = Some((Span::new(at, at + 2), c));
                    }
                    let item = self.class_member()?;
                    current.push(item);
                }
            }
            first = false;
        }
        if !current.is_empty() {
            operands.push(current);
        }
        self.depth -= 1;
        Ok(Class {
            span: Span::new(open, self.i),
            negated,
            operands,
            flags: self.flags,
        })
    }

    /// Whether `]` or `&` follows an `&&` that has nothing on its left (Java's "bad class
    /// syntax"; measured: `[&&a]` is accepted, `[&&]` and `[&&&a]` are not).
    fn nothing_follows(&mut self) -> bool {
        self.skip_trivia();
        matches!(self.at(self.i), ']' | '&')
    }

    /// Notes an `&&` with nothing on its right after `left`. Measured on JDK 17: with only
    /// characters on the left it means them; otherwise Java keeps only part of the left side,
    /// or throws a `NullPointerException` while matching, so the preview declines.
    fn empty_operand(&mut self, left: &[ClassItem]) {
        if left.iter().any(|i| !matches!(i, ClassItem::Char(_))) {
            self.notes.empty_operand = true;
        }
    }

    /// A character, escape or range at the cursor.
    fn class_member(&mut self) -> Result<ClassItem, Error> {
        // Measured: `\v` starting a range is the character U+000B, not the class.
        if self.at(self.i) == '\\'
            && self.at(self.i + 1) == 'v'
            && self.at(self.i + 2) == '-'
            && self.at(self.i + 3) != ']'
        {
            self.i += 2;
            return self.range_from(0x0b);
        }
        let lo = match self.class_atom()? {
            Escaped::Char(c) => c,
            Escaped::Perl(k, n) => return Ok(ClassItem::Perl(k, n)),
            Escaped::Property(p, n) => return Ok(ClassItem::Property(p, n)),
            Escaped::Node(_) => return Err(self.error(ErrorKind::IllegalEscape, self.i as i64)),
        };
        self.range_from(lo)
    }

    /// A range starting with `lo` if `-` follows, else the character `lo`.
    fn range_from(&mut self, lo: u32) -> Result<ClassItem, Error> {
        self.skip_trivia();
        if self.at(self.i) != '-' || self.is_end(self.i) {
            return Ok(ClassItem::Char(lo));
        }
        let next = self.at(self.i + 1);
        if next == ']' || next == '[' {
            return Ok(ClassItem::Char(lo));
        }
        self.i += 1;
        self.skip_trivia();
        let hi = if self.at(self.i) == '\\' && !self.is_end(self.i) {
            let letter = self.i + 1;
            if matches!(self.at(letter), 'p' | 'P') {
                return Err(self.error(ErrorKind::IllegalEscape, letter as i64));
            }
            match self.escaped(true)? {
                Escaped::Char(c) => c,
                _ => return Err(self.error(ErrorKind::IllegalRange, letter as i64)),
            }
        } else {
            self.i += 1;
            u32::from(self.at(self.i - 1))
        };
        if hi < lo {
            return Err(self.error(ErrorKind::IllegalRange, self.i as i64 - 1));
        }
        Ok(ClassItem::Range(lo, hi))
    }

    /// A single character or escape inside a class.
    fn class_atom(&mut self) -> Result<Escaped, Error> {
        if self.at(self.i) == '\\' {
            return self.escaped(true);
        }
        let c = self.at(self.i);
        self.i += 1;
        if u32::from(c) > 0xffff {
            self.notes.supplementary = true;
        }
        Ok(Escaped::Char(u32::from(c)))
    }
}
