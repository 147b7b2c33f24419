//! Compiles the syntax tree into a program for the backtracking machine in [`super::vm`].

use super::ast::{AssertionKind, Ast, Class, Flags, Greed, GroupKind, PerlKind};
use super::parse::Parsed;
use super::props::Prop;

/// A set of characters one instruction tests.
#[derive(Debug, Clone)]
pub(crate) enum Set {
    /// `.` under these flags.
    Dot(Flags),
    /// A predefined class, negated when `true`.
    Perl(PerlKind, bool, Flags),
    /// A property, negated when `true`.
    Property(Prop, bool),
    /// A bracketed class.
    Class(Box<Class>),
}

/// Which zero-width group a barrier belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Look {
    /// `(?>X)` and possessive quantifiers.
    Atomic,
    /// `(?=X)` / `(?!X)`.
    Ahead {
        /// `(?!X)`.
        negated: bool,
    },
    /// `(?<=X)` / `(?<!X)`, trying start positions from `min` to `max` characters back.
    Behind {
        /// `(?<!X)`.
        negated: bool,
        /// Fewest characters back.
        min: usize,
        /// Most characters back, as Java's `int` (it may have wrapped below zero).
        max: i32,
    },
}

/// One instruction of the program.
#[derive(Debug, Clone)]
pub(crate) enum Inst {
    /// One character, compared under these flags.
    Char(u32, Flags),
    /// One character of a set.
    Set(usize),
    /// A boundary.
    Assert(AssertionKind, Flags),
    /// `\R`.
    LineBreak,
    /// Continue at the first address; on failure, at the second.
    Split(usize, usize),
    /// Continue at an address.
    Jump(usize),
    /// Records the position in a capture slot.
    Save(usize),
    /// Matches the text of a group again.
    Backref(usize, Flags),
    /// A repetition of one character of set `set`, matched without a loop.
    RepeatOne {
        /// Index into [`Program::sets`].
        set: usize,
        /// Fewest characters.
        min: u32,
        /// Most characters.
        max: u32,
        /// Greedy (`true`) or lazy.
        greedy: bool,
    },
    /// Starts repetition counter `reg` at zero.
    RepeatInit(usize),
    /// The head of a repetition loop: the body follows; `exit` is after the loop.
    Repeat {
        /// Counter register.
        reg: usize,
        /// Fewest iterations.
        min: u32,
        /// Most iterations.
        max: u32,
        /// Greedy (`true`) or lazy.
        greedy: bool,
        /// Address after the loop.
        exit: usize,
    },
    /// Opens a barrier (atomic group or lookaround) using register `reg`; `end` follows it.
    LookStart {
        /// Register holding the barrier's stack index.
        reg: usize,
        /// Which group.
        look: Look,
        /// Address after the group.
        end: usize,
    },
    /// Closes the barrier opened with register `reg`.
    LookEnd(usize),
    /// A construct the preview cannot evaluate.
    Unsupported(&'static str),
    /// A match (at the end of the text, for `matches()`).
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone, Default)]
pub(crate) struct Program {
    /// Instructions; execution starts at 0.
    pub(crate) insts: Vec<Inst>,
    /// Character sets used by [`Inst::Set`].
    pub(crate) sets: Vec<Set>,
    /// Capture slots (two per group, group 0 included).
    pub(crate) slots: usize,
    /// Registers for counters and barriers.
    pub(crate) regs: usize,
}

/// The set a single-character node tests (literals as a one-member class).
pub(crate) fn single_set(ast: &Ast) -> Option<Set> {
    Some(match ast {
        Ast::Literal { c, flags, .. } => Set::Class(Box::new(Class {
            span: ast.span(),
            negated: false,
            operands: vec![vec![super::ast::ClassItem::Char(*c)]],
            flags: *flags,
        })),
        Ast::Dot { flags, .. } => Set::Dot(*flags),
        Ast::Perl {
            kind,
            negated,
            flags,
            ..
        } => Set::Perl(*kind, *negated, *flags),
        Ast::Property { prop, negated, .. } => Set::Property(prop.clone(), *negated),
        Ast::Class(c) => Set::Class(c.clone()),
        _ => return None,
    })
}

/// Compiles a parsed pattern.
pub(crate) fn compile(parsed: &Parsed) -> Program {
    let mut p = Program {
        slots: 2 * (parsed.groups + 1),
        ..Program::default()
    };
    p.emit(&parsed.ast);
    p.insts.push(Inst::Match);
    p
}

impl Program {
    /// Appends `inst`, returning its address.
    fn push(&mut self, inst: Inst) -> usize {
        self.insts.push(inst);
        self.insts.len() - 1
    }

    /// Replaces the placeholder at `at` once its target is known.
    fn patch(&mut self, at: usize, inst: Inst) {
        if let Some(slot) = self.insts.get_mut(at) {
            *slot = inst;
        }
    }

    /// A fresh register.
    fn reg(&mut self) -> usize {
        self.regs += 2;
        self.regs - 2
    }

    /// Appends a set test.
    fn set(&mut self, set: Set) {
        self.sets.push(set);
        let i = self.sets.len() - 1;
        self.push(Inst::Set(i));
    }

    /// Appends the code of `ast`.
    fn emit(&mut self, ast: &Ast) {
        match ast {
            Ast::Empty(_) | Ast::SetFlags { .. } => {}
            Ast::Literal { c, flags, .. } => {
                self.push(Inst::Char(*c, *flags));
            }
            Ast::Dot { flags, .. } => self.set(Set::Dot(*flags)),
            Ast::Perl {
                kind,
                negated,
                flags,
                ..
            } => self.set(Set::Perl(*kind, *negated, *flags)),
            Ast::Property { prop, negated, .. } => self.set(Set::Property(prop.clone(), *negated)),
            Ast::Class(c) => self.set(Set::Class(c.clone())),
            Ast::Assertion { kind, flags, .. } => {
                self.push(Inst::Assert(*kind, *flags));
            }
            Ast::LineBreak(_) => {
                self.push(Inst::LineBreak);
            }
            Ast::Grapheme(_) => {
                self.push(Inst::Unsupported("\\X (grapheme clusters)"));
            }
            Ast::Backreference { group, flags, .. } => {
                self.push(Inst::Backref(*group, *flags));
            }
            Ast::Concat { items, .. } => items.iter().for_each(|i| self.emit(i)),
            Ast::Alternation { alts, .. } => self.alternation(alts),
            Ast::Group { kind, body, .. } => self.group(kind, body),
            Ast::Repetition {
                min,
                max,
                greed,
                body,
                ..
            } => {
                if *greed == Greed::Possessive {
                    self.barrier(Look::Atomic, |p| p.repetition(*min, *max, true, body));
                } else {
                    self.repetition(*min, *max, *greed == Greed::Greedy, body);
                }
            }
        }
    }

    /// `X|Y|…`: a chain of splits, each alternative jumping to the end.
    fn alternation(&mut self, alts: &[Ast]) {
        let mut jumps = Vec::new();
        for (k, alt) in alts.iter().enumerate() {
            if k + 1 == alts.len() {
                self.emit(alt);
                break;
            }
            let split = self.push(Inst::Split(0, 0));
            self.emit(alt);
            jumps.push(self.push(Inst::Jump(0)));
            let next = self.insts.len();
            self.patch(split, Inst::Split(split + 1, next));
        }
        let end = self.insts.len();
        for j in jumps {
            self.patch(j, Inst::Jump(end));
        }
    }

    /// A group of any kind.
    fn group(&mut self, kind: &GroupKind, body: &Ast) {
        match kind {
            GroupKind::Capture { index, .. } => {
                self.push(Inst::Save(2 * index));
                self.emit(body);
                self.push(Inst::Save(2 * index + 1));
            }
            GroupKind::NonCapture => self.emit(body),
            GroupKind::Atomic => self.barrier(Look::Atomic, |p| p.emit(body)),
            GroupKind::LookAhead { negated } => {
                self.barrier(Look::Ahead { negated: *negated }, |p| p.emit(body));
            }
            GroupKind::LookBehind { negated, min, max } => self.barrier(
                Look::Behind {
                    negated: *negated,
                    min: *min,
                    max: *max,
                },
                |p| p.emit(body),
            ),
        }
    }

    /// `body` inside a barrier of kind `look`.
    fn barrier(&mut self, look: Look, body: impl FnOnce(&mut Program)) {
        let reg = self.reg();
        let start = self.push(Inst::LookStart { reg, look, end: 0 });
        body(self);
        self.push(Inst::LookEnd(reg));
        let end = self.insts.len();
        self.patch(start, Inst::LookStart { reg, look, end });
    }

    /// A counted loop around `body`.
    fn repetition(&mut self, min: u32, max: u32, greedy: bool, body: &Ast) {
        if max == 0 {
            return;
        }
        if let Some(set) = single_set(body) {
            self.sets.push(set);
            let set = self.sets.len() - 1;
            self.push(Inst::RepeatOne {
                set,
                min,
                max,
                greedy,
            });
            return;
        }
        let reg = self.reg();
        self.push(Inst::RepeatInit(reg));
        let head = self.push(Inst::Repeat {
            reg,
            min,
            max,
            greedy,
            exit: 0,
        });
        self.emit(body);
        self.push(Inst::Jump(head));
        let exit = self.insts.len();
        self.patch(
            head,
            Inst::Repeat {
                reg,
                min,
                max,
                greedy,
                exit,
            },
        );
    }
}
