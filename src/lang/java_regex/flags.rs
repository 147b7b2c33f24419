//! Inline flags `(?idmsuxUc-idmsuxUc)` and `(?flags:X)`.

use super::ast::{Flags, Span};
use super::error::{Error, ErrorKind};
use super::parse::Parser;

impl Parser {
    /// Flag letters after `(?`: applies them; returns the flags turned on and off, and
    /// `true` for `(?flags)`, `false` for `(?flags:`.
    pub(crate) fn flag_letters(&mut self, open: usize) -> Result<(Flags, Flags, bool), Error> {
        let mut negative = false;
        let mut on = Flags::default();
        let mut off = Flags::default();
        loop {
            self.skip_trivia();
            let c = self.at(self.i);
            let end = self.is_end(self.i);
            self.i += 1;
            match c {
                ')' | ':' if !end => {
                    if on.has(Flags::UNICODE_CLASS) && self.notes.unicode_flag.is_none() {
                        self.notes.unicode_flag = Some(Span::new(open, self.i));
                    }
                    return Ok((on, off, c == ')'));
                }
                '-' if !negative && !end => negative = true,
                _ => {
                    let Some(bit) = Flags::for_letter(c).filter(|_| !end) else {
                        return Err(self.error(ErrorKind::UnknownInlineModifier, self.i as i64 - 1));
                    };
                    if negative {
                        self.flags.0 &= !bit;
                        off.0 |= bit;
                        on.0 &= !bit;
                    } else {
                        self.flags.0 |= bit;
                        on.0 |= bit;
                        if c == 'c' {
                            self.notes.canon_eq = true;
                        }
                    }
                }
            }
        }
    }
}
