//! Quantifiers: greedy `X* X+ X? X{n} X{n,} X{n,m}`, their lazy (`?`) and possessive (`+`)
//! forms, and Java's acceptance of further `{n}` after a quantifier (measured: ignored).

use super::ast::{Ast, Greed, Span, UNBOUNDED};
use super::error::{Error, ErrorKind};
use super::parse::Parser;

impl Parser {
    /// Quantifiers after `atom`: one of `* + ? {…}`, then any number of further `{…}`.
    pub(crate) fn closure(&mut self, mut atom: Ast) -> Result<Ast, Error> {
        let mut stacked = 0;
        loop {
            self.skip_trivia();
            let at = self.i;
            let (min, max) = match self.at(at) {
                '*' if stacked == 0 => (0, UNBOUNDED),
                '+' if stacked == 0 => (1, UNBOUNDED),
                '?' if stacked == 0 => (0, 1),
                '{' if !self.is_end(at) => self.counted()?,
                _ => return Ok(atom),
            };
            // Measured: a further `{n}` after a quantifier is accepted and changes nothing
            // (`a{2}{3}` matches "aa").
            let stacked_on = stacked > 0;
            if self.at(at) != '{' {
                self.i += 1;
            }
            stacked += 1;
            self.skip_trivia();
            let greed = match self.at(self.i) {
                '?' if !self.is_end(self.i) => Greed::Lazy,
                '+' => Greed::Possessive,
                _ => Greed::Greedy,
            };
            if greed != Greed::Greedy {
                self.i += 1;
            }
            if stacked_on {
                continue;
            }
            let span = Span::new(atom.span().start, self.i);
            atom = Ast::Repetition {
                span,
                min,
                max,
                greed,
                body: Box::new(atom),
            };
        }
    }

    /// `{n}`, `{n,}` or `{n,m}` at the cursor; leaves the cursor after `}`.
    fn counted(&mut self) -> Result<(u32, u32), Error> {
        let brace = self.i;
        let mut j = brace + 1;
        if !self.at(j).is_ascii_digit() {
            return Err(self.error(ErrorKind::IllegalRepetition, brace as i64 + 1));
        }
        let min = self.number(&mut j)?;
        let mut max = min;
        if self.at(j) == ',' {
            j += 1;
            max = if self.at(j).is_ascii_digit() {
                self.number(&mut j)?
            } else {
                UNBOUNDED
            };
        }
        if self.at(j) != '}' || self.is_end(j) {
            return Err(self.error(ErrorKind::UnclosedCountedClosure, j as i64));
        }
        if max < min {
            return Err(self.error(ErrorKind::IllegalRepetitionRange, j as i64));
        }
        self.i = j + 1;
        Ok((min, max))
    }

    /// Decimal digits at `*j`, at most 2147483647.
    fn number(&self, j: &mut usize) -> Result<u32, Error> {
        let mut n: u64 = 0;
        while let Some(d) = self.at(*j).to_digit(10) {
            n = n * 10 + u64::from(d);
            if n > u64::from(UNBOUNDED) {
                return Err(self.error(ErrorKind::IllegalRepetitionRange, *j as i64));
            }
            *j += 1;
        }
        Ok(n as u32)
    }
}
