//! A backtracking machine running a [`Program`] with an explicit stack and a work budget, so
//! every run is bounded whatever the pattern and text.

use super::ast::{Class, ClassItem, Flags, PerlKind};
use super::program::{Look, Program, Set};
use super::props::masks;

/// Why a run stopped without an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abort {
    /// The answer depends on something the preview does not know (named).
    Unavailable(&'static str),
    /// The work budget ran out.
    TooMuchWork,
}

/// `find()` and `matches()` on one text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// `Matcher.find()`.
    pub(crate) find: bool,
    /// `Matcher.matches()`.
    pub(crate) matches: bool,
}

/// Most backtracking frames kept at once.
const MAX_FRAMES: usize = 400_000;

/// A backtracking record.
#[derive(Debug, Clone, Copy)]
enum Frame {
    /// Resume at `pc` with position `pos`.
    Alt { pc: usize, pos: usize },
    /// Restore a capture slot.
    Slot { slot: usize, value: usize },
    /// Restore a register.
    Reg { reg: usize, value: usize },
    /// A lazy loop may do one more iteration at `pos`.
    Lazy { pc: usize, reg: usize, pos: usize },
    /// The bottom of an atomic group or lookaround.
    Barrier { pos: usize, look: Look, end: usize },
    /// A greedy single-character repetition may give back characters down to `low`.
    Give { pc: usize, low: usize, cur: usize },
    /// A lazy single-character repetition may take one more character of `set`, up to `limit`.
    Take {
        pc: usize,
        set: usize,
        cur: usize,
        limit: usize,
    },
    /// A look-behind may try the next start position down to `last`.
    Behind {
        pc: usize,
        start: usize,
        last: usize,
    },
}

/// Unset slot or register.
const NONE: usize = usize::MAX;

/// The machine's state for one text.
struct Vm<'a> {
    /// The program being run.
    prog: &'a Program,
    /// The text, one UTF-16 unit (Basic Multilingual Plane code point) per element.
    text: &'a [u32],
    /// Capture positions, two per group ([`NONE`] when unset).
    slots: Vec<usize>,
    /// Repetition counters and barrier positions.
    regs: Vec<usize>,
    /// Backtracking frames.
    stack: Vec<Frame>,
    /// Steps left for the whole preview.
    budget: &'a mut u64,
}

/// Runs `prog` on `text` for `find()` and `matches()`, charging `budget`.
pub(crate) fn run(prog: &Program, text: &[u32], budget: &mut u64) -> Result<Outcome, Abort> {
    let mut vm = Vm {
        prog,
        text,
        slots: vec![NONE; prog.slots],
        regs: vec![NONE; prog.regs],
        stack: Vec::new(),
        budget,
    };
    let matches = vm.attempt(0, true)?;
    let mut find = false;
    for start in 0..=text.len() {
        if vm.attempt(start, false)? {
            find = true;
            break;
        }
    }
    Ok(Outcome { find, matches })
}

/// Whether `c` ends a line (only `\n` under `d`).
fn is_terminator(c: u32, flags: Flags) -> bool {
    if flags.has(Flags::UNIX_LINES) {
        return c == 0x0a;
    }
    matches!(c, 0x0a | 0x0d | 0x85 | 0x2028 | 0x2029)
}

/// Whether ASCII-folding makes `a` and `b` equal.
fn ascii_fold_eq(a: u32, b: u32) -> bool {
    let low = |c: u32| {
        if (0x41..=0x5a).contains(&c) {
            c + 32
        } else {
            c
        }
    };
    a < 128 && b < 128 && low(a) == low(b)
}

/// Whether character `p` of the pattern matches `t` of the text under `flags`.
fn char_eq(p: u32, t: u32, flags: Flags) -> Result<bool, Abort> {
    if p == t {
        return Ok(true);
    }
    if !flags.has(Flags::CASE_INSENSITIVE) {
        return Ok(false);
    }
    if flags.unicode_case() && (p >= 128 || t >= 128) {
        let letter =
            |c: u32| c >= 128 || char::from_u32(c).is_some_and(|c| c.is_ascii_alphabetic());
        if letter(p) && letter(t) {
            return Err(Abort::Unavailable(
                "Unicode case folding of non-ASCII letters",
            ));
        }
        return Ok(false);
    }
    Ok(ascii_fold_eq(p, t))
}

/// Letters and digits of Latin-1 as `Character.isLetterOrDigit` sees them; `None` beyond.
fn letter_or_digit(c: u32) -> Option<bool> {
    match c {
        0..=127 => Some(char::from_u32(c).is_some_and(|c| c.is_ascii_alphanumeric())),
        0xaa | 0xb5 | 0xba | 0xc0..=0xd6 | 0xd8..=0xf6 | 0xf8..=0xff => Some(true),
        0x80..=0xff => Some(false),
        _ => None,
    }
}

/// Whether ASCII character `c` is in `mask` (never for other characters).
fn ascii_mask(mask: u128, c: u32) -> bool {
    c < 128 && (mask >> c) & 1 == 1
}

/// Membership in a predefined class.
fn perl_has(kind: PerlKind, c: u32, flags: Flags) -> Result<bool, Abort> {
    let unicode = flags.has(Flags::UNICODE_CLASS) && c >= 128;
    Ok(match kind {
        PerlKind::Horizontal => {
            matches!(
                c,
                0x20 | 0x09 | 0xa0 | 0x1680 | 0x180e | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000
            )
        }
        PerlKind::Vertical => matches!(c, 0x0a..=0x0d | 0x85 | 0x2028 | 0x2029),
        _ if unicode => return Err(Abort::Unavailable("Unicode classes (?U) on non-ASCII text")),
        PerlKind::Digit => ascii_mask(masks::DIGIT, c),
        PerlKind::Word => ascii_mask(masks::WORD, c),
        PerlKind::Space => ascii_mask(masks::SPACE, c),
    })
}

/// Whether `c` is in `range` or, under `(?i)`, its ASCII case partner is.
fn range_has(lo: u32, hi: u32, c: u32, flags: Flags) -> Result<bool, Abort> {
    if (lo..=hi).contains(&c) {
        return Ok(true);
    }
    if !flags.has(Flags::CASE_INSENSITIVE) {
        return Ok(false);
    }
    if flags.unicode_case() && (c >= 128 || hi >= 128) {
        return Err(Abort::Unavailable("Unicode case folding in class ranges"));
    }
    let ch = char::from_u32(c).unwrap_or('\0');
    let other = |x: char| (lo..=hi).contains(&u32::from(x));
    Ok(other(ch.to_ascii_uppercase()) || other(ch.to_ascii_lowercase()))
}

/// Membership in a bracketed class.
fn class_has(class: &Class, c: u32) -> Result<bool, Abort> {
    let mut all = !class.operands.is_empty();
    for operand in &class.operands {
        let mut any = false;
        for item in operand {
            any = match item {
                ClassItem::Char(x) => char_eq(*x, c, class.flags)?,
                ClassItem::Range(lo, hi) => range_has(*lo, *hi, c, class.flags)?,
                ClassItem::Perl(k, neg) => perl_has(*k, c, class.flags)? != *neg,
                ClassItem::Property(p, neg) => property_has(p, c)? != *neg,
                ClassItem::Nested(inner) => class_has(inner, c)?,
            };
            if any {
                break;
            }
        }
        all &= any;
        if !all {
            break;
        }
    }
    Ok(all != class.negated)
}

/// Membership in a property (known for ASCII only).
fn property_has(p: &super::props::Prop, c: u32) -> Result<bool, Abort> {
    p.contains(c)
        .ok_or(Abort::Unavailable("Unicode properties on non-ASCII text"))
}

/// Membership in an instruction's set.
fn set_has(set: &Set, c: u32) -> Result<bool, Abort> {
    match set {
        Set::Dot(flags) => Ok(flags.has(Flags::DOTALL) || !is_terminator(c, *flags)),
        Set::Perl(k, neg, flags) => Ok(perl_has(*k, c, *flags)? != *neg),
        Set::Property(p, neg) => Ok(property_has(p, c)? != *neg),
        Set::Class(class) => class_has(class, c),
    }
}

/// Whether `c` may be in `set` (unknown membership counts as yes).
pub(crate) fn set_may_have(set: &Set, c: u32) -> bool {
    set_has(set, c).unwrap_or(true)
}

impl Vm<'_> {
    /// Charges one step.
    fn charge(&mut self, steps: u64) -> Result<(), Abort> {
        if *self.budget < steps || self.stack.len() > MAX_FRAMES {
            *self.budget = 0;
            return Err(Abort::TooMuchWork);
        }
        *self.budget -= steps;
        Ok(())
    }

    /// Register `r` (unset when out of range).
    fn reg(&self, r: usize) -> usize {
        self.regs.get(r).copied().unwrap_or(NONE)
    }

    /// Writes register `r`.
    fn put_reg(&mut self, r: usize, value: usize) {
        if let Some(x) = self.regs.get_mut(r) {
            *x = value;
        }
    }

    /// Capture slot `s` (unset when out of range).
    fn slot(&self, s: usize) -> usize {
        self.slots.get(s).copied().unwrap_or(NONE)
    }

    /// Writes capture slot `s`.
    fn put_slot(&mut self, s: usize, value: usize) {
        if let Some(x) = self.slots.get_mut(s) {
            *x = value;
        }
    }

    /// Whether the character at `pos` is in set `set`.
    fn one(&self, set: usize, pos: usize) -> Result<bool, Abort> {
        match (self.text.get(pos), self.prog.sets.get(set)) {
            (Some(&c), Some(s)) => set_has(s, c),
            _ => Ok(false),
        }
    }

    /// Sets a register, remembering its old value for backtracking.
    fn set_reg(&mut self, reg: usize, value: usize) {
        self.stack.push(Frame::Reg {
            reg,
            value: self.reg(reg),
        });
        self.put_reg(reg, value);
    }

    /// Whether the program matches from `start` (to the end of the text when `whole`).
    fn attempt(&mut self, start: usize, whole: bool) -> Result<bool, Abort> {
        self.stack.clear();
        self.slots.fill(NONE);
        self.regs.fill(NONE);
        let (mut pc, mut pos) = (0, start);
        loop {
            self.charge(1)?;
            let ok = match self.step(pc, pos, whole)? {
                Step::Next(next, p) => {
                    pc = next;
                    pos = p;
                    continue;
                }
                Step::Matched => return Ok(true),
                Step::Fail => false,
            };
            debug_assert!(!ok);
            match self.backtrack()? {
                Some((p, q)) => {
                    pc = p;
                    pos = q;
                }
                None => return Ok(false),
            }
        }
    }

    /// Pops frames until one resumes matching; `None` when none is left.
    fn backtrack(&mut self) -> Result<Option<(usize, usize)>, Abort> {
        while let Some(frame) = self.stack.pop() {
            self.charge(1)?;
            match frame {
                Frame::Alt { pc, pos } => return Ok(Some((pc, pos))),
                Frame::Slot { slot, value } => self.put_slot(slot, value),
                Frame::Reg { reg, value } => self.put_reg(reg, value),
                Frame::Lazy { pc, reg, pos } => {
                    let count = self.reg(reg);
                    self.set_reg(reg, count + 1);
                    self.set_reg(reg + 1, pos);
                    return Ok(Some((pc, pos)));
                }
                Frame::Barrier { pos, look, end } => {
                    let negated = matches!(
                        look,
                        Look::Ahead { negated: true } | Look::Behind { negated: true, .. }
                    );
                    if negated {
                        return Ok(Some((end, pos)));
                    }
                }
                Frame::Give { pc, low, cur } => {
                    if cur > low + 1 {
                        self.stack.push(Frame::Give {
                            pc,
                            low,
                            cur: cur - 1,
                        });
                    }
                    return Ok(Some((pc, cur - 1)));
                }
                Frame::Take {
                    pc,
                    set,
                    cur,
                    limit,
                } => {
                    if cur < limit && self.one(set, cur)? {
                        self.stack.push(Frame::Take {
                            pc,
                            set,
                            cur: cur + 1,
                            limit,
                        });
                        return Ok(Some((pc, cur + 1)));
                    }
                }
                Frame::Behind { pc, start, last } => {
                    if start > last {
                        self.stack.push(Frame::Behind {
                            pc,
                            start: start - 1,
                            last,
                        });
                        return Ok(Some((pc, start - 1)));
                    }
                }
            }
        }
        Ok(None)
    }
}

/// What one instruction decided.
enum Step {
    /// Continue at this address and position.
    Next(usize, usize),
    /// The whole program matched.
    Matched,
    /// Backtrack.
    Fail,
}

mod exec;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::super::{MAX_PREVIEW_NAME_CHARS, MAX_PREVIEW_NAMES, Mode, preview};

    fn reason(pattern: &str, names: Vec<String>) -> String {
        let e = preview(pattern, &names, Mode::Show).unwrap_err();
        e[0].params
            .get("reason")
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn back_references_on_long_names_run_out_of_budget() {
        let name = format!("{}b", "a".repeat(MAX_PREVIEW_NAME_CHARS - 1));
        assert!(reason("(a+)\\1+$", vec![name]).contains("too much work"));
        let names = vec!["ab".to_string(); 50];
        assert!(preview("(a+)\\1+$", &names, Mode::Show).is_ok());
    }

    #[test]
    fn names_are_limited_in_number_and_length() {
        let long = "a".repeat(MAX_PREVIEW_NAME_CHARS + 1);
        assert!(reason("a", vec![long]).contains("longer than 1000"));
        assert!(preview("a", &["a".repeat(MAX_PREVIEW_NAME_CHARS)], Mode::Show).is_ok());
        let many = vec!["a".to_string(); MAX_PREVIEW_NAMES + 1];
        assert!(reason("a", many).contains("too many names"));
    }

    #[test]
    fn lookarounds_and_atomic_groups_drop_their_choices() {
        let names: Vec<String> = ["abc", "ab", "xabc"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let p = preview("^(?>a|ab)c", &names, Mode::Show).unwrap();
        assert!(p.shown.is_empty(), "{p:?}");
        let p = preview("(?<!x)abc", &names, Mode::Show).unwrap();
        assert_eq!(p.shown, vec!["abc".to_string()]);
        let p = preview("^(?=ab)a(b)?c$", &names, Mode::Show).unwrap();
        assert_eq!(p.shown, vec!["abc".to_string()]);
    }
}
