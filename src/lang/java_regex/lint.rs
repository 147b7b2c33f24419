//! Catastrophic-backtracking heuristic over the parsed node graph.
//!
//! A repetition (`(…)*`, `(…)+`, `(…){10,}`, a group whose body Java cannot match
//! deterministically) is reported when its body can split the same text in many ways:
//! - it holds an inner unbounded repetition whose characters overlap what may follow it inside
//!   the body, including the next iteration (`(a+)+`, `(\w+\s?)+`, `(.*a){20}`), or
//! - it holds an alternation whose branches can start with the same character (`(a|ab)*`).
//!
//! Possessive quantifiers, atomic groups and look-arounds are not entered: they never give
//! back what they matched. Character overlap is tested on every ASCII character plus a few
//! non-ASCII samples, counting "unknown" as overlapping.

use super::parse::{ACCEPT, Id, Kind, MAX_REPS, Pred, Prog, Q, Src};

/// Repetition counts at or above this make a bounded repetition count as "many".
const LARGE: i32 = 10;
/// Node visits the heuristic may spend before giving up silently.
const WORK: usize = 200_000;
const SAMPLES: [u32; 8] = [0xa0, 0xc9, 0xdf, 0xe9, 0x3b1, 0x2028, 0x4e2d, 0x1f600];

/// A repetition that can backtrack exponentially.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Catastrophe {
    /// The outer repetition.
    pub(crate) outer: Src,
    /// The inner repetition that overlaps (absent for overlapping alternatives).
    pub(crate) inner: Option<Src>,
}

struct Walker<'a> {
    prog: &'a Prog,
    visited: Vec<bool>,
    work: usize,
}

fn many(cmax: i32) -> bool {
    cmax == MAX_REPS || cmax >= LARGE
}

impl Walker<'_> {
    fn kind(&self, id: Id) -> Option<&Kind> {
        self.prog.kinds.get(id)
    }
    fn nx(&self, id: Id) -> Id {
        self.prog.next.get(id).copied().unwrap_or(ACCEPT)
    }
    fn src(&self, id: Id) -> Src {
        self.prog.src.get(id).copied().unwrap_or_default()
    }
    fn tick(&mut self) -> bool {
        self.work += 1;
        self.work <= WORK
    }

    fn first_set(&mut self, id: Id, stop: Option<Id>) -> Vec<Pred> {
        self.visited = vec![false; self.prog.kinds.len()];
        let mut out = Vec::new();
        self.first(id, stop, &mut out, 0);
        out
    }

    /// Adds to `out` what the chain from `id` may consume first; returns whether it may
    /// consume nothing before ending.
    fn first(&mut self, mut id: Id, stop: Option<Id>, out: &mut Vec<Pred>, depth: usize) -> bool {
        loop {
            if Some(id) == stop {
                return true;
            }
            if !self.tick() || depth > 1000 {
                return false;
            }
            match self.visited.get_mut(id) {
                Some(v) if !*v => *v = true,
                _ => return false,
            }
            let Some(kind) = self.kind(id).cloned() else {
                return true;
            };
            match kind {
                Kind::Accept | Kind::LastAccept | Kind::LookBehindEnd => return true,
                Kind::Char(p) | Kind::Nfc(p) => {
                    out.push(p);
                    return false;
                }
                Kind::Slice(b, _) => {
                    if let Some(&c) = b.first() {
                        let lower =
                            char::from_u32(c).map_or(c, |ch| u32::from(ch.to_ascii_lowercase()));
                        let upper =
                            char::from_u32(c).map_or(c, |ch| u32::from(ch.to_ascii_uppercase()));
                        out.push(Pred::SingleI(lower, upper));
                        return false;
                    }
                }
                Kind::CharGreedy { pred, cmin } => {
                    out.push(pred);
                    if cmin > 0 {
                        return false;
                    }
                }
                Kind::Curly { atom, cmin, .. } | Kind::GroupCurly { atom, cmin, .. } => {
                    let n = self.first(atom, stop, out, depth + 1);
                    if cmin > 0 && !n {
                        return false;
                    }
                }
                Kind::Ques { atom, q } => {
                    let n = self.first(atom, stop, out, depth + 1);
                    if q == Q::Independent && !n {
                        return false;
                    }
                }
                Kind::Prolog { lp } => {
                    id = lp;
                    continue;
                }
                Kind::Loop { body, .. } => {
                    self.first(body, stop, out, depth + 1);
                }
                Kind::Branch { alts, conn } => {
                    let mut any = false;
                    for alt in alts {
                        let start = alt.unwrap_or_else(|| self.nx(conn));
                        any |= self.first(start, stop, out, depth + 1);
                    }
                    return any;
                }
                Kind::BackRef { .. } => out.push(Pred::All),
                Kind::LineEnding => {
                    out.push(Pred::VertWs);
                    return false;
                }
                Kind::Grapheme => {
                    out.push(Pred::All);
                    return false;
                }
                _ => {}
            }
            id = self.nx(id);
        }
    }

    fn overlap(&self, a: &[Pred], b: &[Pred]) -> bool {
        let any = |set: &[Pred], c: u32| set.iter().any(|p| p.is(self.prog, c).unwrap_or(true));
        (0..128u32).chain(SAMPLES).any(|c| any(a, c) && any(b, c))
    }

    /// The nodes inside an outer repetition's body that may give back characters.
    fn scope(&mut self, start: Id, outer: Id, out: &mut Vec<Id>) {
        let mut stack = vec![start];
        let mut seen = vec![false; self.prog.kinds.len()];
        while let Some(id) = stack.pop() {
            if id == outer || !self.tick() {
                continue;
            }
            match seen.get_mut(id) {
                Some(v) if !*v => *v = true,
                _ => continue,
            }
            let Some(kind) = self.kind(id).cloned() else {
                continue;
            };
            match kind {
                Kind::Accept | Kind::LastAccept | Kind::LookBehindEnd => continue,
                Kind::CharGreedy { .. } | Kind::Branch { .. } => out.push(id),
                Kind::Curly { atom, q, .. } if q != Q::Possessive && q != Q::Independent => {
                    out.push(id);
                    stack.push(atom);
                }
                Kind::GroupCurly { atom, .. } => {
                    out.push(id);
                    stack.push(atom);
                }
                Kind::Loop { body, .. } => {
                    out.push(id);
                    stack.push(body);
                }
                Kind::Ques { atom, q } if q != Q::Independent => stack.push(atom),
                Kind::Prolog { lp } => stack.push(lp),
                _ => {}
            }
            if let Some(Kind::Branch { alts, conn }) = self.kind(id) {
                let conn_next = self.nx(*conn);
                stack.extend(alts.iter().map(|a| a.unwrap_or(conn_next)));
                continue;
            }
            stack.push(self.nx(id));
        }
    }

    fn check_outer(&mut self, outer: Id, body: Id) -> Option<Catastrophe> {
        let mut inner = Vec::new();
        self.scope(body, outer, &mut inner);
        for x in inner {
            let kind = self.kind(x)?.clone();
            let (own, repeated) = match kind {
                Kind::CharGreedy { pred, .. } => (vec![pred], true),
                Kind::Curly { atom, cmax, .. } | Kind::GroupCurly { atom, cmax, .. } => {
                    (self.first_set(atom, None), many(cmax))
                }
                Kind::Loop { body, cmax, .. } => (self.first_set(body, Some(x)), many(cmax)),
                Kind::Branch { alts, conn } => {
                    let conn_next = self.nx(conn);
                    let sets: Vec<Vec<Pred>> = alts
                        .iter()
                        .map(|a| self.first_set(a.unwrap_or(conn_next), None))
                        .collect();
                    for (i, a) in sets.iter().enumerate() {
                        for b in sets.iter().skip(i + 1) {
                            if !a.is_empty() && !b.is_empty() && self.overlap(a, b) {
                                return Some(Catastrophe {
                                    outer: self.src(outer),
                                    inner: None,
                                });
                            }
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            if !repeated || own.is_empty() {
                continue;
            }
            let follow = self.first_set(self.nx(x), None);
            if self.overlap(&own, &follow) {
                return Some(Catastrophe {
                    outer: self.src(outer),
                    inner: Some(self.src(x)),
                });
            }
            if self.work > WORK {
                return None;
            }
        }
        None
    }
}

/// The first repetition of `prog` that can backtrack catastrophically, if any.
pub(crate) fn catastrophic(prog: &Prog) -> Option<Catastrophe> {
    let mut w = Walker {
        prog,
        visited: Vec::new(),
        work: 0,
    };
    for (id, kind) in prog.kinds.iter().enumerate() {
        if let Kind::Loop { body, cmax, .. } = kind {
            if many(*cmax) {
                if let Some(c) = w.check_outer(id, *body) {
                    return Some(c);
                }
            }
        }
        if w.work > WORK {
            break;
        }
    }
    None
}
