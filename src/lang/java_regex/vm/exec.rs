//! One instruction of the backtracking machine, and the boundaries it tests.

use super::super::ast::{AssertionKind, Flags};
use super::super::program::{Inst, Look};
use super::{Abort, Frame, NONE, Step, Vm, char_eq, is_terminator, letter_or_digit, set_has};

impl Vm<'_> {
    /// Executes the instruction at `pc` with the cursor at `pos`.
    pub(super) fn step(&mut self, pc: usize, pos: usize, whole: bool) -> Result<Step, Abort> {
        let text = self.text;
        let fail = Ok(Step::Fail);
        let Some(inst) = self.prog.insts.get(pc) else {
            return fail;
        };
        match inst {
            Inst::Char(c, flags) => match text.get(pos) {
                Some(&t) if char_eq(*c, t, *flags)? => Ok(Step::Next(pc + 1, pos + 1)),
                _ => fail,
            },
            Inst::Set(i) => match (text.get(pos), self.prog.sets.get(*i)) {
                (Some(&t), Some(set)) if set_has(set, t)? => Ok(Step::Next(pc + 1, pos + 1)),
                _ => fail,
            },
            Inst::Assert(kind, flags) => {
                if self.boundary(*kind, *flags, pos)? {
                    Ok(Step::Next(pc + 1, pos))
                } else {
                    fail
                }
            }
            Inst::LineBreak => match text.get(pos) {
                Some(0x0d) if text.get(pos + 1) == Some(&0x0a) => Ok(Step::Next(pc + 1, pos + 2)),
                Some(0x0a..=0x0d | 0x85 | 0x2028 | 0x2029) => Ok(Step::Next(pc + 1, pos + 1)),
                _ => fail,
            },
            Inst::Split(a, b) => {
                self.stack.push(Frame::Alt { pc: *b, pos });
                Ok(Step::Next(*a, pos))
            }
            Inst::Jump(a) => Ok(Step::Next(*a, pos)),
            Inst::Save(slot) => {
                self.stack.push(Frame::Slot {
                    slot: *slot,
                    value: self.slot(*slot),
                });
                self.put_slot(*slot, pos);
                Ok(Step::Next(pc + 1, pos))
            }
            Inst::Backref(group, flags) => self.backref(*group, *flags, pc, pos),
            &Inst::RepeatOne {
                set,
                min,
                max,
                greedy,
            } => self.repeat_one(set, min, max, greedy, pc, pos),
            Inst::RepeatInit(reg) => {
                self.set_reg(*reg, 0);
                self.set_reg(reg + 1, NONE);
                Ok(Step::Next(pc + 1, pos))
            }
            &Inst::Repeat {
                reg,
                min,
                max,
                greedy,
                exit,
            } => {
                let count = self.reg(reg);
                let count32 = u32::try_from(count).unwrap_or(u32::MAX);
                if count32 >= min && (count32 >= max || self.reg(reg + 1) == pos) {
                    return Ok(Step::Next(exit, pos));
                }
                if count32 >= min && !greedy {
                    self.stack.push(Frame::Lazy {
                        pc: pc + 1,
                        reg,
                        pos,
                    });
                    return Ok(Step::Next(exit, pos));
                }
                if count32 >= min {
                    self.stack.push(Frame::Alt { pc: exit, pos });
                }
                self.set_reg(reg, count + 1);
                self.set_reg(reg + 1, pos);
                Ok(Step::Next(pc + 1, pos))
            }
            &Inst::LookStart { reg, look, end } => self.look_start(reg, look, end, pc, pos),
            Inst::LookEnd(reg) => self.look_end(*reg, pos),
            Inst::Unsupported(what) => Err(Abort::Unavailable(what)),
            Inst::Match => {
                if !whole || pos == text.len() {
                    Ok(Step::Matched)
                } else {
                    fail
                }
            }
        }
    }

    /// `min` to `max` characters of set `set`: as many as possible (greedy) or as few.
    fn repeat_one(
        &mut self,
        set: usize,
        min: u32,
        max: u32,
        greedy: bool,
        pc: usize,
        pos: usize,
    ) -> Result<Step, Abort> {
        let low = pos.saturating_add(min as usize);
        let limit = pos.saturating_add(max as usize).min(self.text.len());
        let mut cur = pos;
        let stop = if greedy { limit } else { low };
        while cur < stop && self.one(set, cur)? {
            cur += 1;
            self.charge(1)?;
        }
        if cur < low {
            return Ok(Step::Fail);
        }
        if greedy && cur > low {
            self.stack.push(Frame::Give {
                pc: pc + 1,
                low,
                cur,
            });
        } else if !greedy && cur < limit {
            self.stack.push(Frame::Take {
                pc: pc + 1,
                set,
                cur,
                limit,
            });
        }
        Ok(Step::Next(pc + 1, cur))
    }

    /// Opens an atomic group or lookaround.
    fn look_start(
        &mut self,
        reg: usize,
        look: Look,
        end: usize,
        pc: usize,
        pos: usize,
    ) -> Result<Step, Abort> {
        self.set_reg(reg + 1, pos);
        self.set_reg(reg, self.stack.len() + 2);
        self.stack.push(Frame::Barrier { pos, look, end });
        let Look::Behind { min, max, .. } = look else {
            return Ok(Step::Next(pc + 1, pos));
        };
        let Some(first) = pos.checked_sub(min) else {
            return Ok(Step::Fail);
        };
        // Java computes the earliest start in `int` arithmetic; a wrapped maximum can make it
        // anything from 0 to beyond the position (measured with `(?<![a]*?~?)`).
        let last = usize::try_from(i64::from((pos as i32).wrapping_sub(max)).max(0)).unwrap_or(0);
        if first < last {
            return Ok(Step::Fail);
        }
        self.stack.push(Frame::Behind {
            pc: pc + 1,
            start: first,
            last,
        });
        Ok(Step::Next(pc + 1, first))
    }

    /// Closes the barrier of register `reg`: drops the choices made inside it.
    fn look_end(&mut self, reg: usize, pos: usize) -> Result<Step, Abort> {
        let base = self.reg(reg) - 1;
        let Some(&Frame::Barrier { pos: at, look, end }) = self.stack.get(base) else {
            return Ok(Step::Fail);
        };
        if matches!(look, Look::Behind { .. }) && pos != self.reg(reg + 1) {
            return Ok(Step::Fail);
        }
        self.charge((self.stack.len() - base) as u64)?;
        let kept: Vec<Frame> = self
            .stack
            .iter()
            .skip(base + 1)
            .filter(|f| matches!(f, Frame::Slot { .. } | Frame::Reg { .. }))
            .copied()
            .collect();
        self.stack.truncate(base);
        match look {
            Look::Atomic => {
                self.stack.extend(kept);
                Ok(Step::Next(end, pos))
            }
            Look::Ahead { negated: false } | Look::Behind { negated: false, .. } => {
                self.stack.extend(kept);
                Ok(Step::Next(end, at))
            }
            _ => {
                for f in kept.into_iter().rev() {
                    match f {
                        Frame::Slot { slot, value } => self.put_slot(slot, value),
                        Frame::Reg { reg, value } => self.put_reg(reg, value),
                        _ => {}
                    }
                }
                Ok(Step::Fail)
            }
        }
    }

    /// `\n`: the text of group `group` again.
    fn backref(
        &mut self,
        group: usize,
        flags: Flags,
        pc: usize,
        pos: usize,
    ) -> Result<Step, Abort> {
        let (s, e) = (self.slot(2 * group), self.slot(2 * group + 1));
        if s == NONE || e == NONE || e < s {
            return Ok(Step::Fail);
        }
        let n = e - s;
        if pos + n > self.text.len() {
            return Ok(Step::Fail);
        }
        self.charge(n as u64)?;
        let earlier = self.text.iter().skip(s).take(n);
        for (&a, &b) in earlier.zip(self.text.iter().skip(pos).take(n)) {
            if !char_eq(a, b, flags)? {
                return Ok(Step::Fail);
            }
        }
        Ok(Step::Next(pc + 1, pos + n))
    }

    /// Whether boundary `kind` holds at `pos`.
    fn boundary(&self, kind: AssertionKind, flags: Flags, pos: usize) -> Result<bool, Abort> {
        let t = self.text;
        let n = t.len();
        let term = |i: usize| t.get(i).is_some_and(|&c| is_terminator(c, flags));
        let inside_crlf = |i: usize| {
            !flags.has(Flags::UNIX_LINES)
                && i > 0
                && t.get(i) == Some(&0x0a)
                && t.get(i - 1) == Some(&0x0d)
        };
        let before_final = |i: usize| {
            i == n
                || (i + 1 == n && term(i) && !inside_crlf(i))
                || (i + 2 == n
                    && !flags.has(Flags::UNIX_LINES)
                    && t.get(i) == Some(&0x0d)
                    && t.get(i + 1) == Some(&0x0a))
        };
        Ok(match kind {
            AssertionKind::LineStart if flags.has(Flags::MULTILINE) => {
                pos == 0 || (pos < n && term(pos - 1) && !inside_crlf(pos))
            }
            AssertionKind::LineStart | AssertionKind::InputStart => pos == 0,
            AssertionKind::PreviousMatchEnd => pos == 0,
            AssertionKind::LineEnd if flags.has(Flags::MULTILINE) => {
                pos == n || (term(pos) && !inside_crlf(pos))
            }
            AssertionKind::LineEnd | AssertionKind::InputEndBeforeTerminator => before_final(pos),
            AssertionKind::InputEnd => pos == n,
            AssertionKind::WordBoundary | AssertionKind::NotWordBoundary => {
                let word = |i: usize| -> Result<bool, Abort> {
                    let Some(&c) = t.get(i) else { return Ok(false) };
                    if c == u32::from('_') {
                        return Ok(true);
                    }
                    if flags.has(Flags::UNICODE_CLASS) && c >= 128 {
                        return Err(Abort::Unavailable("\\b with (?U) on non-ASCII text"));
                    }
                    letter_or_digit(c)
                        .ok_or(Abort::Unavailable("\\b next to characters beyond Latin-1"))
                };
                let before = if pos == 0 { false } else { word(pos - 1)? };
                let at = word(pos)?;
                (before != at) == (kind == AssertionKind::WordBoundary)
            }
            AssertionKind::GraphemeBoundary => {
                return Err(Abort::Unavailable("\\b{g} (grapheme boundaries)"));
            }
        })
    }
}
