//! Escapes: `\t`, octal `\0n`, hex `\xhh` `\x{h…h}`, `\uhhhh`, control `\cX`, named `\N{…}`,
//! predefined classes, properties `\p{…}`, boundaries and back references.

use super::ast::{AssertionKind, Ast, Flags, PerlKind, Span};
use super::error::{Error, ErrorKind};
use super::parse::Parser;
use super::props::{self, Prop};

/// What an escape stands for.
pub(crate) enum Escaped {
    /// One character.
    Char(u32),
    /// A predefined class, negated when `true`.
    Perl(PerlKind, bool),
    /// A property, negated when `true`.
    Property(Prop, bool),
    /// Something only valid outside a class (boundary, back reference, `\R`, `\X`).
    Node(Ast),
}

/// Names of the printable ASCII characters, from U+0020, as `Character.getName` gives them
/// (letters and digits are spelled out by [`ascii_name`]).
const PUNCTUATION_NAMES: &[(char, &str)] = &[
    (' ', "SPACE"),
    ('!', "EXCLAMATION MARK"),
    ('"', "QUOTATION MARK"),
    ('#', "NUMBER SIGN"),
    ('$', "DOLLAR SIGN"),
    ('%', "PERCENT SIGN"),
    ('&', "AMPERSAND"),
    ('\'', "APOSTROPHE"),
    ('(', "LEFT PARENTHESIS"),
    (')', "RIGHT PARENTHESIS"),
    ('*', "ASTERISK"),
    ('+', "PLUS SIGN"),
    (',', "COMMA"),
    ('-', "HYPHEN-MINUS"),
    ('.', "FULL STOP"),
    ('/', "SOLIDUS"),
    (':', "COLON"),
    (';', "SEMICOLON"),
    ('<', "LESS-THAN SIGN"),
    ('=', "EQUALS SIGN"),
    ('>', "GREATER-THAN SIGN"),
    ('?', "QUESTION MARK"),
    ('@', "COMMERCIAL AT"),
    ('[', "LEFT SQUARE BRACKET"),
    ('\\', "REVERSE SOLIDUS"),
    (']', "RIGHT SQUARE BRACKET"),
    ('^', "CIRCUMFLEX ACCENT"),
    ('_', "LOW LINE"),
    ('`', "GRAVE ACCENT"),
    ('{', "LEFT CURLY BRACKET"),
    ('|', "VERTICAL LINE"),
    ('}', "RIGHT CURLY BRACKET"),
    ('~', "TILDE"),
];

/// The words of `DIGIT ZERO` … `DIGIT NINE`.
const DIGIT_NAMES: [&str; 10] = [
    "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
];

/// The printable ASCII character with Unicode name `upper` (already upper-cased).
fn ascii_name(upper: &str) -> Option<char> {
    if let Some((c, _)) = PUNCTUATION_NAMES.iter().find(|(_, n)| *n == upper) {
        return Some(*c);
    }
    if let Some(d) = upper.strip_prefix("DIGIT ") {
        let v = DIGIT_NAMES.iter().position(|n| *n == d)?;
        return char::from_digit(v as u32, 10);
    }
    let (rest, base) = match upper.strip_prefix("LATIN CAPITAL LETTER ") {
        Some(r) => (r, b'A'),
        None => (upper.strip_prefix("LATIN SMALL LETTER ")?, b'a'),
    };
    match rest.as_bytes() {
        [l @ b'A'..=b'Z'] => Some(char::from(base + (l - b'A'))),
        _ => None,
    }
}

/// Whether `upper` has the shape of a Unicode character name (letters, digits, spaces and
/// hyphens, starting with a letter); Java rejects every name without it.
fn looks_like_name(upper: &str) -> bool {
    upper.starts_with(|c: char| c.is_ascii_uppercase())
        && upper
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == ' ' || c == '-')
}

impl Parser {
    /// An escape outside a class, at `\`.
    pub(crate) fn escape(&mut self) -> Result<Ast, Error> {
        let at = self.i;
        let e = self.escaped(false)?;
        let span = Span::new(at, self.i);
        Ok(match e {
            Escaped::Char(c) => Ast::Literal {
                span,
                c,
                flags: self.flags,
            },
            Escaped::Perl(kind, negated) => Ast::Perl {
                span,
                kind,
                negated,
                flags: self.flags,
            },
            Escaped::Property(prop, negated) => Ast::Property {
                span,
                prop,
                negated,
            },
            Escaped::Node(n) => n,
        })
    }

    /// Reads the escape at `\` (the cursor), inside a class when `in_class`.
    pub(crate) fn escaped(&mut self, in_class: bool) -> Result<Escaped, Error> {
        let at = self.i;
        let letter = at + 1;
        if self.is_end(letter) {
            self.i = letter + 1;
            return Err(self.error(ErrorKind::Internal, letter as i64));
        }
        let c = self.at(letter);
        self.i = letter + 1;
        let simple = |c: u32| Ok(Escaped::Char(c));
        let node = |this: &mut Parser, kind: AssertionKind| {
            if in_class {
                return Err(this.error(ErrorKind::IllegalEscape, letter as i64));
            }
            Ok(Escaped::Node(Ast::Assertion {
                span: Span::new(at, this.i),
                kind,
                flags: this.flags,
            }))
        };
        match c {
            '0' => self.octal(),
            '1'..='9' if in_class => Err(self.error(ErrorKind::IllegalEscape, letter as i64)),
            '1'..='9' => Ok(Escaped::Node(self.numbered_reference(at, c))),
            'a' => simple(7),
            'e' => simple(27),
            'f' => simple(12),
            'n' => simple(10),
            'r' => simple(13),
            't' => simple(9),
            'c' => {
                if self.is_end(self.i) {
                    return Err(self.error(ErrorKind::IllegalControl, letter as i64));
                }
                self.i += 1;
                simple(u32::from(self.at(self.i - 1)) ^ 64)
            }
            'x' => self.hex(),
            'u' => self.unicode(),
            'N' => self.char_name(at),
            'p' | 'P' => {
                let prop = self.property()?;
                Ok(Escaped::Property(prop, c == 'P'))
            }
            'd' | 'D' => Ok(Escaped::Perl(PerlKind::Digit, c == 'D')),
            'w' | 'W' => Ok(Escaped::Perl(PerlKind::Word, c == 'W')),
            's' | 'S' => Ok(Escaped::Perl(PerlKind::Space, c == 'S')),
            'h' | 'H' => Ok(Escaped::Perl(PerlKind::Horizontal, c == 'H')),
            'v' | 'V' => Ok(Escaped::Perl(PerlKind::Vertical, c == 'V')),
            'b' if self.at(self.i) == '{' && self.at(self.i + 1) == 'g' && !in_class => {
                if self.at(self.i + 2) != '}' || self.is_end(self.i + 2) {
                    return Err(self.error(ErrorKind::IllegalEscape, self.i as i64 + 2));
                }
                self.i += 3;
                node(self, AssertionKind::GraphemeBoundary)
            }
            'b' => node(self, AssertionKind::WordBoundary),
            'B' => node(self, AssertionKind::NotWordBoundary),
            'A' => node(self, AssertionKind::InputStart),
            'z' => node(self, AssertionKind::InputEnd),
            'Z' => node(self, AssertionKind::InputEndBeforeTerminator),
            'G' => node(self, AssertionKind::PreviousMatchEnd),
            'R' | 'X' if in_class => Err(self.error(ErrorKind::IllegalEscape, letter as i64)),
            'R' => Ok(Escaped::Node(Ast::LineBreak(Span::new(at, self.i)))),
            'X' => Ok(Escaped::Node(Ast::Grapheme(Span::new(at, self.i)))),
            'k' if in_class => Err(self.error(ErrorKind::IllegalEscape, letter as i64)),
            'k' => self.named_reference(at),
            c if c.is_ascii_alphabetic() => {
                Err(self.error(ErrorKind::IllegalEscape, letter as i64))
            }
            c => {
                if u32::from(c) > 0xffff {
                    self.notes.supplementary = true;
                }
                simple(u32::from(c))
            }
        }
    }

    /// `\0n`, `\0nn`, `\0mnn` (m ≤ 3); the cursor is after `0`.
    fn octal(&mut self) -> Result<Escaped, Error> {
        let digit = |c: char| c.to_digit(8);
        let Some(first) = digit(self.at(self.i)) else {
            return Err(self.error(ErrorKind::IllegalOctal, self.i as i64));
        };
        self.i += 1;
        let mut v = first;
        if let Some(d) = digit(self.at(self.i)) {
            self.i += 1;
            v = v * 8 + d;
            if let (true, Some(d)) = (first <= 3, digit(self.at(self.i))) {
                self.i += 1;
                v = v * 8 + d;
            }
        }
        Ok(Escaped::Char(v))
    }

    /// `\xhh` or `\x{h…h}`; the cursor is after `x`.
    fn hex(&mut self) -> Result<Escaped, Error> {
        let j = self.i;
        let hexd = |c: char| c.to_digit(16);
        if let (Some(a), Some(b)) = (hexd(self.at(j)), hexd(self.at(j + 1))) {
            self.i = j + 2;
            return Ok(Escaped::Char(a * 16 + b));
        }
        if self.at(j) != '{' || self.is_end(j) {
            let bad = if hexd(self.at(j)).is_some() { j + 1 } else { j };
            return Err(self.error(ErrorKind::IllegalHex, bad as i64));
        }
        let mut k = j + 1;
        if hexd(self.at(k)).is_none() {
            return Err(self.error(ErrorKind::IllegalHex, j as i64));
        }
        let mut v: u32 = 0;
        while let Some(d) = hexd(self.at(k)) {
            v = v * 16 + d;
            if v > 0x10ffff {
                return Err(self.error(ErrorKind::HexTooBig, k as i64));
            }
            k += 1;
        }
        if self.at(k) != '}' || self.is_end(k) {
            return Err(self.error(ErrorKind::UnclosedHex, k as i64));
        }
        self.i = k + 1;
        if v > 0xffff {
            self.notes.supplementary = true;
        }
        Ok(Escaped::Char(v))
    }

    /// `\uhhhh`, joining a surrogate pair written as two escapes; the cursor is after `u`.
    fn unicode(&mut self) -> Result<Escaped, Error> {
        let v = self.four_hex()?;
        if (0xd800..0xdc00).contains(&v) && self.at(self.i) == '\\' && self.at(self.i + 1) == 'u' {
            let back = self.i;
            self.i += 2;
            match self.four_hex() {
                Ok(low) if (0xdc00..0xe000).contains(&low) => {
                    self.notes.supplementary = true;
                    return Ok(Escaped::Char(
                        0x10000 + ((v - 0xd800) << 10) + (low - 0xdc00),
                    ));
                }
                _ => self.i = back,
            }
        }
        Ok(Escaped::Char(v))
    }

    /// Four hex digits at the cursor.
    fn four_hex(&mut self) -> Result<u32, Error> {
        let mut v = 0;
        for k in 0..4 {
            let Some(d) = self.at(self.i + k).to_digit(16) else {
                return Err(self.error(ErrorKind::IllegalUnicode, (self.i + k) as i64));
            };
            v = v * 16 + d;
        }
        self.i += 4;
        Ok(v)
    }

    /// `\N{name}`; the cursor is after `N`.
    fn char_name(&mut self, at: usize) -> Result<Escaped, Error> {
        if self.at(self.i) != '{' || self.is_end(self.i) {
            return Err(self.error(ErrorKind::IllegalCharName, self.i as i64));
        }
        let start = self.i + 1;
        let mut j = start;
        while self.at(j) != '}' || self.is_end(j) {
            if self.is_end(j) {
                return Err(self.error(ErrorKind::UnclosedCharName, j as i64 - 1));
            }
            j += 1;
        }
        let name = self.text(start, j);
        self.i = j + 1;
        let upper =
            crate::suggest::upper_for_ascii(name.trim_matches(|c: char| c.is_ascii_whitespace()));
        if let Some(c) = ascii_name(&upper) {
            return Ok(Escaped::Char(u32::from(c)));
        }
        if !looks_like_name(&upper) {
            return Err(self.error(ErrorKind::UnknownCharName(name), j as i64));
        }
        self.notes
            .unverified_names
            .push((Span::new(at, self.i), name));
        Ok(Escaped::Char(0xfffd))
    }

    /// `\p{name}`, `\pL`; the cursor is after `p`.
    fn property(&mut self) -> Result<Prop, Error> {
        self.skip_trivia();
        let (name, last) = if self.at(self.i) == '{' && !self.is_end(self.i) {
            self.i += 1;
            self.skip_trivia();
            let start = self.i;
            let mut j = start;
            while self.at(j) != '}' || self.is_end(j) {
                if self.is_end(j) {
                    return Err(self.error(ErrorKind::UnclosedFamily, j as i64));
                }
                j += 1;
            }
            if j == start {
                return Err(self.error(ErrorKind::EmptyFamily, j as i64));
            }
            self.i = j + 1;
            (self.text(start, j), j)
        } else {
            self.i += 1;
            (self.at(self.i - 1).to_string(), self.i - 1)
        };
        self.resolve_property(&name)
            .ok_or_else(|| self.property_error(&name, last))
    }

    /// Looks `name` up the way `\p{…}` does.
    fn resolve_property(&self, name: &str) -> Option<Prop> {
        let ci = self.flags.has(Flags::CASE_INSENSITIVE);
        if let Some((key, value)) = name.split_once('=') {
            return match crate::suggest::upper_for_ascii(key).as_str() {
                "SC" | "SCRIPT" => props::for_script(value),
                "BLK" | "BLOCK" => props::for_block(value),
                "GC" | "GENERAL_CATEGORY" => props::for_property(value, ci),
                _ => None,
            };
        }
        if let Some(rest) = name.strip_prefix("In") {
            return props::for_block(rest);
        }
        if let Some(rest) = name.strip_prefix("Is") {
            return props::for_property(rest, ci)
                .or_else(|| props::for_unicode_property(rest, ci))
                .or_else(|| props::for_script(rest));
        }
        if self.flags.has(Flags::UNICODE_CLASS) {
            if let Some(p) = props::for_posix(name, ci) {
                return Some(p);
            }
        }
        props::for_property(name, ci)
    }

    /// The error for an unknown property `name` whose last character is at `last`.
    fn property_error(&self, name: &str, last: usize) -> Error {
        let kind = match name.split_once('=') {
            Some((k, v)) => ErrorKind::UnknownPropertyValue(k.to_ascii_lowercase(), v.into()),
            None => ErrorKind::UnknownProperty(name.into()),
        };
        self.error(kind, last as i64)
    }

    /// `\n…`: the longest number of a group opened so far (at least one digit); the cursor is
    /// after the first digit.
    fn numbered_reference(&mut self, at: usize, first: char) -> Ast {
        let mut group = first.to_digit(10).unwrap_or(0) as usize;
        while let Some(d) = self.at(self.i).to_digit(10) {
            let longer = group * 10 + d as usize;
            if longer > self.groups {
                break;
            }
            group = longer;
            self.i += 1;
        }
        Ast::Backreference {
            span: Span::new(at, self.i),
            group,
            flags: self.flags,
        }
    }

    /// `\k<name>`; the cursor is after `k`.
    fn named_reference(&mut self, at: usize) -> Result<Escaped, Error> {
        if self.at(self.i) != '<' || self.is_end(self.i) {
            return Err(self.error(ErrorKind::KNotFollowedByLt, self.i as i64));
        }
        self.i += 1;
        let (name, gt) = self.group_name()?;
        let Some(&(_, group, _)) = self.names.iter().find(|(n, _, _)| *n == name) else {
            return Err(self.error(ErrorKind::UnknownGroupName(name), gt as i64));
        };
        Ok(Escaped::Node(Ast::Backreference {
            span: Span::new(at, self.i),
            group,
            flags: self.flags,
        }))
    }
}
