//! A backtracking matcher over [`Prog`] with the matching rules of JDK 17's `java.util.regex`
//! nodes, a step budget and a recursion bound.
//!
//! It answers only where it is exact: any character test it cannot decide (a Unicode property
//! on a non-ASCII character, `\X`, `\b{g}`, Unicode case folding beyond Latin-1) aborts with
//! [`Abort::Unavailable`] instead of guessing.

use super::parse::{
    ACCEPT, Fold, Id, Info, Kind, Pred, Prog, Q, latin1_lower, latin1_upper, study,
};

/// Why a match could not be decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abort {
    /// The pattern uses something this matcher cannot evaluate exactly on this input.
    Unavailable(&'static str),
    /// The step budget or recursion bound ran out (catastrophic backtracking, or too deep).
    TooComplex,
}

type M = Result<bool, Abort>;

/// Deepest recursion of the matcher (each level is one node visit). Measured: about 250 bytes
/// a level in release builds and 1.5 KB in debug builds, so 500 levels stay well inside a
/// 1 MiB wasm stack either way.
const MAX_RECURSION: usize = 500;

impl Pred {
    /// Whether `c` satisfies the predicate; `None` when that cannot be known here.
    pub(crate) fn is(&self, prog: &Prog, c: u32) -> Option<bool> {
        let up_low = |c: u32| latin1_upper(c).and_then(latin1_lower);
        Some(match self {
            Pred::Single(x) => c == *x,
            Pred::SingleI(l, u) => c == *l || c == *u,
            Pred::SingleU(l) => c == *l || up_low(c)? == *l,
            Pred::Range(a, b) => (*a..=*b).contains(&c),
            Pred::CiRange(a, b) => {
                let r = *a..=*b;
                r.contains(&c)
                    || (c < 0x80
                        && (r.contains(&c.to_ascii_uppercase_u32())
                            || r.contains(&c.to_ascii_lowercase_u32())))
            }
            Pred::CiRangeU(a, b) => {
                let r = *a..=*b;
                if r.contains(&c) {
                    true
                } else {
                    let up = latin1_upper(c)?;
                    r.contains(&up) || r.contains(&latin1_lower(up)?)
                }
            }
            Pred::Bits(i) => {
                c < 256
                    && prog
                        .bitsets
                        .get(*i)
                        .and_then(|b| b.get((c / 64) as usize))
                        .is_some_and(|w| (w >> (c % 64)) & 1 == 1)
            }
            Pred::Prop(p) => p.contains(c)?,
            Pred::Ascii(m) => c < 128 && (m >> c) & 1 == 1,
            Pred::Dot => c != 0x0a && c != 0x0d && (c | 1) != 0x2029 && c != 0x85,
            Pred::UnixDot => c != 0x0a,
            Pred::All => true,
            Pred::HorizWs => {
                matches!(
                    c,
                    0x20 | 0x09 | 0xa0 | 0x1680 | 0x180e | 0x202f | 0x205f | 0x3000
                ) || (0x2000..=0x200a).contains(&c)
            }
            Pred::VertWs => (0x0a..=0x0d).contains(&c) || matches!(c, 0x85 | 0x2028 | 0x2029),
            Pred::Unknown => return None,
            Pred::Union(parts) => {
                let mut unknown = false;
                for p in parts {
                    match p.is(prog, c) {
                        Some(true) => return Some(true),
                        Some(false) => {}
                        None => unknown = true,
                    }
                }
                if unknown {
                    return None;
                }
                false
            }
            Pred::And(a, b) => match (a.is(prog, c), b) {
                (Some(false), _) => false,
                (_, None) => return None,
                (Some(true), Some(b)) => b.is(prog, c)?,
                (None, Some(b)) => {
                    if b.is(prog, c)? {
                        return None;
                    }
                    false
                }
            },
            Pred::Not(a) => !a.is(prog, c)?,
        })
    }
}

trait AsciiCase {
    fn to_ascii_uppercase_u32(self) -> u32;
    fn to_ascii_lowercase_u32(self) -> u32;
}
impl AsciiCase for u32 {
    fn to_ascii_uppercase_u32(self) -> u32 {
        if (0x61..=0x7a).contains(&self) {
            self - 0x20
        } else {
            self
        }
    }
    fn to_ascii_lowercase_u32(self) -> u32 {
        if (0x41..=0x5a).contains(&self) {
            self + 0x20
        } else {
            self
        }
    }
}

/// Match state (Java's `Matcher` fields that the nodes use).
pub(crate) struct Matcher<'a> {
    prog: &'a Prog,
    text: &'a [u32],
    groups: Vec<i64>,
    locals: Vec<i64>,
    last: usize,
    lookbehind_to: usize,
    end_anchor: bool,
    steps: u64,
    budget: u64,
    depth: usize,
}

/// Result of one text: `Matcher.find()` and `Matcher.matches()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    pub(crate) find: bool,
    pub(crate) matches: bool,
}

/// Runs `find()` and `matches()` of `prog` on `text` (code points, all in the BMP).
pub(crate) fn run(prog: &Prog, text: &[u32], budget: &mut u64) -> Result<Outcome, Abort> {
    let mut m = Matcher {
        prog,
        text,
        groups: Vec::new(),
        locals: Vec::new(),
        last: 0,
        lookbehind_to: 0,
        end_anchor: false,
        steps: 0,
        budget: *budget,
        depth: 0,
    };
    let find = m.find();
    let spent = m.steps;
    *budget = budget.saturating_sub(spent);
    let find = find?;
    m.steps = 0;
    m.budget = *budget;
    let matches = m.matches();
    *budget = budget.saturating_sub(m.steps);
    Ok(Outcome {
        find,
        matches: matches?,
    })
}

impl<'a> Matcher<'a> {
    fn reset(&mut self) {
        let g = self.prog.group_count.max(10) * 2;
        self.groups = vec![-1; g];
        self.locals = vec![-1; self.prog.local_count];
    }

    fn find(&mut self) -> M {
        self.reset();
        self.end_anchor = false;
        let info = study(self.prog, self.prog.root, Info::new(), 0);
        // Java's `Start` node computes this in `int` arithmetic: an overflowed minimum length
        // makes the guard negative, and then nothing is tried.
        let to = i32::try_from(self.text.len()).unwrap_or(i32::MAX);
        let guard = to.wrapping_sub(info.min);
        let mut i: i32 = 0;
        while i <= guard {
            if self.m(self.prog.root, i as usize)? {
                return Ok(true);
            }
            i += 1;
        }
        Ok(false)
    }

    fn matches(&mut self) -> M {
        self.reset();
        self.end_anchor = true;
        self.m(self.prog.root, 0)
    }

    fn kind(&self, id: Id) -> Result<&'a Kind, Abort> {
        let prog: &'a Prog = self.prog;
        prog.kinds
            .get(id)
            .ok_or(Abort::Unavailable("internal node error"))
    }
    fn nx(&self, id: Id) -> Id {
        self.prog.next.get(id).copied().unwrap_or(ACCEPT)
    }
    fn ch(&self, i: usize) -> Option<u32> {
        self.text.get(i).copied()
    }
    fn to(&self) -> usize {
        self.text.len()
    }
    fn group(&self, i: usize) -> i64 {
        self.groups.get(i).copied().unwrap_or(-1)
    }
    fn set_group(&mut self, i: usize, v: i64) {
        if let Some(g) = self.groups.get_mut(i) {
            *g = v;
        }
    }
    fn local(&self, i: usize) -> i64 {
        self.locals.get(i).copied().unwrap_or(-1)
    }
    fn set_local(&mut self, i: usize, v: i64) {
        if let Some(g) = self.locals.get_mut(i) {
            *g = v;
        }
    }
    fn pred(&self, p: &Pred, c: u32) -> M {
        p.is(self.prog, c)
            .ok_or(Abort::Unavailable("a character class needs Unicode data"))
    }
    fn is_word(&self, c: u32) -> M {
        if c >= 0x80 {
            return Err(Abort::Unavailable("\\b next to a non-ASCII character"));
        }
        Ok(c == u32::from('_') || char::from_u32(c).is_some_and(|c| c.is_ascii_alphanumeric()))
    }

    /// Visits node `id` at position `i` (Java's `Node.match`).
    fn m(&mut self, id: Id, i: usize) -> M {
        self.steps += 1;
        if self.steps > self.budget || self.depth >= MAX_RECURSION {
            return Err(Abort::TooComplex);
        }
        self.depth += 1;
        let r = self.m_inner(id, i);
        self.depth -= 1;
        r
    }

    /// Runs a self-recursive step under the same depth and step bound as [`Self::m`]: every
    /// recursion of the matcher goes through one of the two, so `MAX_RECURSION` bounds them all.
    fn bounded(&mut self, step: impl FnOnce(&mut Self) -> M) -> M {
        self.steps += 1;
        if self.steps > self.budget || self.depth >= MAX_RECURSION {
            return Err(Abort::TooComplex);
        }
        self.depth += 1;
        let r = step(self);
        self.depth -= 1;
        r
    }

    fn m_inner(&mut self, id: Id, i: usize) -> M {
        let next = self.nx(id);
        match *self.kind(id)? {
            Kind::Accept => {
                self.last = i;
                Ok(true)
            }
            Kind::LastAccept => {
                if self.end_anchor && i != self.to() {
                    return Ok(false);
                }
                self.last = i;
                Ok(true)
            }
            Kind::LookBehindEnd => Ok(i == self.lookbehind_to),
            Kind::Char(ref p) => match self.ch(i) {
                Some(c) if self.pred(p, c)? => self.m(next, i + 1),
                _ => Ok(false),
            },
            Kind::Nfc(_) => Err(Abort::Unavailable("canonical equivalence (?c)")),
            Kind::Slice(ref buf, fold) => self.slice_node(buf, fold, next, i),
            Kind::CharGreedy { ref pred, cmin } => self.char_greedy(pred, cmin, next, i),
            Kind::Ques { atom, q } => self.ques(atom, q, next, i),
            Kind::Curly {
                atom,
                cmin,
                cmax,
                q,
            } => self.curly(atom, cmin, cmax, q, next, i),
            Kind::GroupCurly { .. } => self.group_curly(id, next, i),
            Kind::Prolog { lp } => self.loop_init(lp, i),
            Kind::Loop { .. } => self.loop_node(id, next, i),
            Kind::GroupHead { local } => self.group_head(local, next, i),
            Kind::GroupTail { local, group } => self.group_tail(local, group, next, i),
            Kind::Branch { ref alts, conn } => self.branch(alts, conn, i),
            Kind::BranchConn => self.m(next, i),
            Kind::Pos { cond } => Ok(self.m(cond, i)? && self.m(next, i)?),
            Kind::Neg { cond } => Ok(!self.m(cond, i)? && self.m(next, i)?),
            Kind::Behind {
                cond,
                rmax,
                rmin,
                neg,
            } => self.behind(cond, rmax, rmin, neg, next, i),
            Kind::BackRef { group, fold } => self.backref(group, fold, next, i),
            Kind::Begin => Ok(i == 0 && self.m(next, i)?),
            Kind::LastMatch => Ok(i == 0 && self.m(next, i)?),
            Kind::End => Ok(i == self.to() && self.m(next, i)?),
            Kind::Caret { unix } => self.caret(unix, next, i),
            Kind::Dollar { multiline, unix } => self.dollar(multiline, unix, next, i),
            Kind::Bound { negated, .. } => self.bound(negated, next, i),
            Kind::GraphemeBound => Err(Abort::Unavailable("\\b{g}")),
            Kind::Grapheme => Err(Abort::Unavailable("\\X")),
            Kind::LineEnding => self.line_ending(next, i),
        }
    }

    fn slice_node(&mut self, buf: &[u32], fold: Fold, next: Id, i: usize) -> M {
        let to = self.to();
        if i + buf.len() > to {
            return Ok(false);
        }
        for (j, &b) in buf.iter().enumerate() {
            let c = self.ch(i + j).unwrap_or(0);
            let same = match fold {
                Fold::None => b == c,
                Fold::Ascii => b == c || b == c.to_ascii_lowercase_u32(),
                Fold::Unicode => {
                    if b == c {
                        true
                    } else {
                        let folded = latin1_upper(c).and_then(latin1_lower);
                        match folded {
                            Some(f) if b != super::parse::UNKNOWN_CP => b == f,
                            _ => return Err(Abort::Unavailable("Unicode case folding")),
                        }
                    }
                }
            };
            if !same {
                return Ok(false);
            }
        }
        self.m(next, i + buf.len())
    }

    fn char_greedy(&mut self, pred: &Pred, cmin: i32, next: Id, i: usize) -> M {
        let mut j = i;
        let mut n: i64 = 0;
        while let Some(c) = self.ch(j) {
            if !self.pred(pred, c)? {
                break;
            }
            j += 1;
            n += 1;
        }
        while n >= i64::from(cmin) {
            if self.m(next, j)? {
                return Ok(true);
            }
            if n == i64::from(cmin) {
                return Ok(false);
            }
            j -= 1;
            n -= 1;
        }
        Ok(false)
    }

    fn ques(&mut self, atom: Id, q: Q, next: Id, i: usize) -> M {
        match q {
            Q::Greedy => {
                if self.m(atom, i)? && self.m(next, self.last)? {
                    return Ok(true);
                }
                self.m(next, i)
            }
            Q::Lazy => {
                if self.m(next, i)? {
                    return Ok(true);
                }
                Ok(self.m(atom, i)? && self.m(next, self.last)?)
            }
            Q::Possessive => {
                let j = if self.m(atom, i)? { self.last } else { i };
                self.m(next, j)
            }
            Q::Independent => Ok(self.m(atom, i)? && self.m(next, self.last)?),
        }
    }

    fn curly(&mut self, atom: Id, cmin: i32, cmax: i32, q: Q, next: Id, i: usize) -> M {
        let mut i = i;
        let mut j = 0;
        while j < cmin {
            if !self.m(atom, i)? {
                return Ok(false);
            }
            i = self.last;
            j += 1;
        }
        match q {
            Q::Greedy => self.curly0(atom, cmax, next, i, j),
            Q::Lazy => loop {
                if self.m(next, i)? {
                    return Ok(true);
                }
                if j >= cmax || !self.m(atom, i)? || i == self.last {
                    return Ok(false);
                }
                i = self.last;
                j += 1;
            },
            _ => {
                while j < cmax {
                    if !self.m(atom, i)? || i == self.last {
                        break;
                    }
                    i = self.last;
                    j += 1;
                }
                self.m(next, i)
            }
        }
    }

    fn group_curly(&mut self, id: Id, next: Id, i: usize) -> M {
        let Kind::GroupCurly {
            atom,
            cmin,
            cmax,
            q,
            local,
            group,
            capture,
        } = *self.kind(id)?
        else {
            return Err(Abort::Unavailable("internal node error"));
        };
        let gi = group * 2;
        let save0 = self.local(local);
        let (save1, save2) = (self.group(gi), self.group(gi + 1));
        self.set_local(local, -1);
        let mut ret = true;
        let mut i = i;
        for _ in 0..cmin {
            if self.m(atom, i)? {
                if capture {
                    self.set_group(gi, i as i64);
                    self.set_group(gi + 1, self.last as i64);
                }
                i = self.last;
            } else {
                ret = false;
                break;
            }
        }
        if ret {
            let g = GroupRep {
                atom,
                cmax,
                next,
                gi,
                capture,
            };
            ret = match q {
                Q::Greedy => self.group_curly0(&g, i, cmin)?,
                Q::Lazy => self.group_curly1(&g, i, cmin)?,
                _ => self.group_curly2(&g, i, cmin)?,
            };
        }
        if !ret {
            self.set_local(local, save0);
            if capture {
                self.set_group(gi, save1);
                self.set_group(gi + 1, save2);
            }
        }
        Ok(ret)
    }

    fn loop_node(&mut self, id: Id, next: Id, i: usize) -> M {
        let Kind::Loop {
            body,
            cmin,
            cmax,
            lazy,
            count_local,
            begin_local,
        } = *self.kind(id)?
        else {
            return Err(Abort::Unavailable("internal node error"));
        };
        if (i as i64) > self.local(begin_local) {
            let count = self.local(count_local);
            if count < i64::from(cmin) {
                return self.iteration(body, count_local, count, i);
            }
            if lazy {
                if self.m(next, i)? {
                    return Ok(true);
                }
                if count < i64::from(cmax) {
                    return self.iteration(body, count_local, count, i);
                }
                return Ok(false);
            }
            if count < i64::from(cmax) && self.iteration(body, count_local, count, i)? {
                return Ok(true);
            }
        }
        self.m(next, i)
    }

    fn group_head(&mut self, local: usize, next: Id, i: usize) -> M {
        let save = self.local(local);
        self.set_local(local, i as i64);
        let r = self.m(next, i);
        self.set_local(local, save);
        r
    }

    fn group_tail(&mut self, local: usize, group: usize, next: Id, i: usize) -> M {
        let tmp = self.local(local);
        if tmp >= 0 {
            let gi = group * 2;
            let (s, e) = (self.group(gi), self.group(gi + 1));
            self.set_group(gi, tmp);
            self.set_group(gi + 1, i as i64);
            if self.m(next, i)? {
                return Ok(true);
            }
            self.set_group(gi, s);
            self.set_group(gi + 1, e);
            Ok(false)
        } else {
            self.last = i;
            Ok(true)
        }
    }

    fn branch(&mut self, alts: &[Option<Id>], conn: Id, i: usize) -> M {
        for &alt in alts {
            let ok = match alt {
                None => {
                    let after = self.nx(conn);
                    self.m(after, i)?
                }
                Some(a) => self.m(a, i)?,
            };
            if ok {
                return Ok(true);
            }
        }
        Ok(false)
    }

    fn behind(&mut self, cond: Id, rmax: i32, rmin: i32, neg: bool, next: Id, i: usize) -> M {
        // Java computes these bounds in `int` arithmetic, overflow included.
        let ii = i32::try_from(i).unwrap_or(i32::MAX);
        let from = ii.wrapping_sub(rmax).max(0);
        let saved = self.lookbehind_to;
        self.lookbehind_to = i;
        let mut matched = false;
        let mut j = ii.wrapping_sub(rmin);
        while !matched && j >= from {
            matched = self.m(cond, j as usize)?;
            j -= 1;
        }
        self.lookbehind_to = saved;
        if matched == neg {
            return Ok(false);
        }
        self.m(next, i)
    }

    fn backref(&mut self, group: usize, fold: Fold, next: Id, i: usize) -> M {
        let to = self.to();
        let (j, k) = (self.group(group * 2), self.group(group * 2 + 1));
        if j < 0 {
            return Ok(false);
        }
        let size = (k - j).max(0) as usize;
        let j = j as usize;
        if i + size > to {
            return Ok(false);
        }
        for idx in 0..size {
            let c1 = self.ch(i + idx).unwrap_or(0);
            let c2 = self.ch(j + idx).unwrap_or(0);
            if c1 == c2 {
                continue;
            }
            let same = match fold {
                Fold::None => false,
                Fold::Ascii => c1.to_ascii_lowercase_u32() == c2.to_ascii_lowercase_u32(),
                Fold::Unicode => {
                    let (u1, u2) = match (latin1_upper(c1), latin1_upper(c2)) {
                        (Some(a), Some(b)) => (a, b),
                        _ => return Err(Abort::Unavailable("Unicode case folding")),
                    };
                    u1 == u2 || latin1_lower(u1) == latin1_lower(u2)
                }
            };
            if !same {
                return Ok(false);
            }
        }
        self.m(next, i + size)
    }

    fn caret(&mut self, unix: bool, next: Id, i: usize) -> M {
        let to = self.to();
        if i == to {
            return Ok(false);
        }
        if i > 0 {
            let ch = self.ch(i - 1).unwrap_or(0);
            if unix {
                if ch != 0x0a {
                    return Ok(false);
                }
            } else {
                if ch != 0x0a && ch != 0x0d && (ch | 1) != 0x2029 && ch != 0x85 {
                    return Ok(false);
                }
                if ch == 0x0d && self.ch(i) == Some(0x0a) {
                    return Ok(false);
                }
            }
        }
        self.m(next, i)
    }

    fn dollar(&mut self, multiline: bool, unix: bool, next: Id, i: usize) -> M {
        let to = self.to();
        if unix {
            if let Some(ch) = self.ch(i) {
                if ch != 0x0a || (!multiline && i + 1 != to) {
                    return Ok(false);
                }
            }
            return self.m(next, i);
        }
        if !multiline {
            if i + 2 < to {
                return Ok(false);
            }
            if i + 2 == to && (self.ch(i) != Some(0x0d) || self.ch(i + 1) != Some(0x0a)) {
                return Ok(false);
            }
        }
        if let Some(ch) = self.ch(i) {
            if ch == 0x0a {
                if i > 0 && self.ch(i - 1) == Some(0x0d) {
                    return Ok(false);
                }
                if multiline {
                    return self.m(next, i);
                }
            } else if ch == 0x0d || ch == 0x85 || (ch | 1) == 0x2029 {
                if multiline {
                    return self.m(next, i);
                }
            } else {
                return Ok(false);
            }
        }
        self.m(next, i)
    }

    fn bound(&mut self, negated: bool, next: Id, i: usize) -> M {
        let left = match i.checked_sub(1).and_then(|p| self.ch(p)) {
            Some(c) => self.is_word(c)?,
            None => false,
        };
        let right = match self.ch(i) {
            Some(c) => self.is_word(c)?,
            None => false,
        };
        let boundary = left != right;
        if boundary == negated {
            return Ok(false);
        }
        self.m(next, i)
    }

    fn line_ending(&mut self, next: Id, i: usize) -> M {
        let Some(ch) = self.ch(i) else {
            return Ok(false);
        };
        if matches!(ch, 0x0a | 0x0b | 0x0c | 0x85 | 0x2028 | 0x2029) {
            return self.m(next, i + 1);
        }
        if ch == 0x0d {
            if self.ch(i + 1) == Some(0x0a) && self.m(next, i + 2)? {
                return Ok(true);
            }
            return self.m(next, i + 1);
        }
        Ok(false)
    }

    /// One more loop iteration: the count goes up, and back down if the body fails.
    fn iteration(&mut self, body: Id, count_local: usize, count: i64, i: usize) -> M {
        self.set_local(count_local, count + 1);
        let b = self.m(body, i)?;
        if !b {
            self.set_local(count_local, count);
        }
        Ok(b)
    }

    /// Greedy `Curly.match0`.
    fn curly0(&mut self, atom: Id, cmax: i32, next: Id, i: usize, j: i32) -> M {
        if j >= cmax {
            return self.m(next, i);
        }
        let back_limit = j;
        let (mut i, mut j) = (i, j);
        if self.m(atom, i)? {
            let k = self.last.saturating_sub(i);
            if k != 0 {
                i = self.last;
                j += 1;
                while j < cmax {
                    if !self.m(atom, i)? {
                        break;
                    }
                    if i + k != self.last {
                        if self.bounded(|me| me.curly0(atom, cmax, next, me.last, j + 1))? {
                            return Ok(true);
                        }
                        break;
                    }
                    i += k;
                    j += 1;
                }
                while j >= back_limit {
                    if self.m(next, i)? {
                        return Ok(true);
                    }
                    i = i.saturating_sub(k);
                    j -= 1;
                }
                return Ok(false);
            }
        }
        self.m(next, i)
    }

    fn group_curly0(&mut self, g: &GroupRep, i: usize, j: i32) -> M {
        let min = j;
        let (mut i, mut j) = (i as i64, j);
        let (save0, save1) = (self.group(g.gi), self.group(g.gi + 1));
        'run: {
            if j >= g.cmax || !self.m(g.atom, i as usize)? {
                break 'run;
            }
            let k = self.last as i64 - i;
            if k <= 0 {
                if g.capture {
                    self.set_group(g.gi, i);
                    self.set_group(g.gi + 1, i + k);
                }
                i += k;
                break 'run;
            }
            loop {
                if g.capture {
                    self.set_group(g.gi, i);
                    self.set_group(g.gi + 1, i + k);
                }
                i += k;
                j += 1;
                if j >= g.cmax || !self.m(g.atom, i as usize)? {
                    break;
                }
                if i + k != self.last as i64 {
                    if self.bounded(|me| me.group_curly0(g, i as usize, j))? {
                        return Ok(true);
                    }
                    break;
                }
            }
            while j > min {
                if self.m(g.next, i as usize)? {
                    if g.capture {
                        self.set_group(g.gi + 1, i);
                        self.set_group(g.gi, i - k);
                    }
                    return Ok(true);
                }
                i -= k;
                if g.capture {
                    self.set_group(g.gi + 1, i);
                    self.set_group(g.gi, i - k);
                }
                j -= 1;
            }
        }
        if g.capture {
            self.set_group(g.gi, save0);
            self.set_group(g.gi + 1, save1);
        }
        self.m(g.next, i.max(0) as usize)
    }

    fn group_curly1(&mut self, g: &GroupRep, i: usize, j: i32) -> M {
        let (mut i, mut j) = (i, j);
        loop {
            if self.m(g.next, i)? {
                return Ok(true);
            }
            if j >= g.cmax || !self.m(g.atom, i)? || i == self.last {
                return Ok(false);
            }
            if g.capture {
                self.set_group(g.gi, i as i64);
                self.set_group(g.gi + 1, self.last as i64);
            }
            i = self.last;
            j += 1;
        }
    }

    fn group_curly2(&mut self, g: &GroupRep, i: usize, j: i32) -> M {
        let (mut i, mut j) = (i, j);
        while j < g.cmax {
            if !self.m(g.atom, i)? {
                break;
            }
            if g.capture {
                self.set_group(g.gi, i as i64);
                self.set_group(g.gi + 1, self.last as i64);
            }
            if i == self.last {
                break;
            }
            i = self.last;
            j += 1;
        }
        self.m(g.next, i)
    }

    /// `Loop.matchInit` / `LazyLoop.matchInit`.
    fn loop_init(&mut self, lp: Id, i: usize) -> M {
        let Kind::Loop {
            body,
            cmin,
            cmax,
            lazy,
            count_local,
            ..
        } = *self.kind(lp)?
        else {
            return Err(Abort::Unavailable("internal node error"));
        };
        let next = self.nx(lp);
        let save = self.local(count_local);
        let ret = if 0 < cmin {
            self.set_local(count_local, 1);
            self.m(body, i)?
        } else if lazy {
            if self.m(next, i)? {
                true
            } else if 0 < cmax {
                self.set_local(count_local, 1);
                self.m(body, i)?
            } else {
                false
            }
        } else if 0 < cmax {
            self.set_local(count_local, 1);
            self.m(body, i)? || self.m(next, i)?
        } else {
            self.m(next, i)?
        };
        self.set_local(count_local, save);
        Ok(ret)
    }
}

struct GroupRep {
    atom: Id,
    cmax: i32,
    next: Id,
    gi: usize,
    capture: bool,
}
