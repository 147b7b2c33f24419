//! A parser that accepts exactly the patterns JDK 17's `Pattern.compile` accepts.
//!
//! It reproduces the observable behaviour of `java.util.regex.Pattern` (verified against the JDK
//! by `tests/java_regex_differential.rs`): the same cursor discipline, so that error positions
//! equal `PatternSyntaxException.getIndex()`; the same `\Q…\E` pre-pass, whose indices refer to
//! the rewritten pattern (mapped back to the caller's characters for spans); and the same node
//! graph (`Prog`), because which node Java builds decides whether a look-behind is accepted
//! and how a repetition backtracks.

use super::props::{self, Prop, masks};

/// `Pattern` flag bits (same values as the JDK constants).
pub(crate) mod flag {
    pub(crate) const UNIX_LINES: u16 = 0x01;
    pub(crate) const CASE_INSENSITIVE: u16 = 0x02;
    pub(crate) const COMMENTS: u16 = 0x04;
    pub(crate) const MULTILINE: u16 = 0x08;
    pub(crate) const DOTALL: u16 = 0x20;
    pub(crate) const UNICODE_CASE: u16 = 0x40;
    pub(crate) const CANON_EQ: u16 = 0x80;
    pub(crate) const UNICODE_CHARACTER_CLASS: u16 = 0x100;
}
use flag::*;

/// Longest pattern checked, in characters (the payload's other free-text fields share it).
pub(crate) const MAX_LEN: usize = 2000;
/// Deepest nesting of groups and character classes parsed (bounds recursion everywhere).
pub(crate) const MAX_DEPTH: usize = 200;
/// Java's `MAX_REPS`.
pub(crate) const MAX_REPS: i32 = i32::MAX;
/// Stand-in code point for a `\N{…}` name that is not in the built-in table.
pub(crate) const UNKNOWN_CP: u32 = 0x11_0000;

/// A node index in [`Prog::kinds`].
pub(crate) type Id = usize;
/// Ends a sub-match (a repeated atom, a look-ahead): records where it stopped.
pub(crate) const ACCEPT: Id = 0;
/// Ends the whole pattern.
pub(crate) const LAST_ACCEPT: Id = 1;
/// Ends a look-behind body: succeeds only at the look-behind's position.
pub(crate) const LOOKBEHIND_END: Id = 2;

/// How a literal compares characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fold {
    /// Exactly.
    None,
    /// ASCII case-insensitively.
    Ascii,
    /// Unicode case-insensitively.
    Unicode,
}

/// Quantifier flavour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Q {
    Greedy,
    Lazy,
    Possessive,
    /// An atomic group `(?>…)`.
    Independent,
}

/// A character predicate (Java's `CharPredicate`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Pred {
    Single(u32),
    SingleI(u32, u32),
    SingleU(u32),
    Range(u32, u32),
    CiRange(u32, u32),
    CiRangeU(u32, u32),
    /// A class's shared set of Latin-1 characters (index into [`Prog::bitsets`]).
    Bits(usize),
    Prop(Prop),
    /// An ASCII-only class (`\d`, `\w`, `\s` without `(?U)`): exact for every character.
    Ascii(u128),
    Dot,
    UnixDot,
    All,
    HorizWs,
    VertWs,
    /// Something the preview cannot evaluate (`\N{…}` outside the built-in table).
    Unknown,
    /// Java's left-nested `union` chain, flattened (evaluation order is kept).
    Union(Vec<Pred>),
    /// `None` on the right: Java dereferences null when the left side holds.
    And(Box<Pred>, Option<Box<Pred>>),
    Not(Box<Pred>),
}

/// One node of the pattern graph; every node also has a `next` in [`Prog::next`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    Accept,
    LastAccept,
    LookBehindEnd,
    Char(Pred),
    Slice(Vec<u32>, Fold),
    CharGreedy {
        pred: Pred,
        cmin: i32,
    },
    Ques {
        atom: Id,
        q: Q,
    },
    Curly {
        atom: Id,
        cmin: i32,
        cmax: i32,
        q: Q,
    },
    GroupCurly {
        atom: Id,
        cmin: i32,
        cmax: i32,
        q: Q,
        local: usize,
        group: usize,
        capture: bool,
    },
    Prolog {
        lp: Id,
    },
    Loop {
        body: Id,
        cmin: i32,
        cmax: i32,
        lazy: bool,
        count_local: usize,
        begin_local: usize,
    },
    GroupHead {
        local: usize,
    },
    GroupTail {
        local: usize,
        group: usize,
    },
    Branch {
        alts: Vec<Option<Id>>,
        conn: Id,
    },
    BranchConn,
    Pos {
        cond: Id,
    },
    Neg {
        cond: Id,
    },
    Behind {
        cond: Id,
        rmax: i32,
        rmin: i32,
        neg: bool,
    },
    BackRef {
        group: usize,
        fold: Fold,
    },
    Begin,
    Caret {
        unix: bool,
    },
    Dollar {
        multiline: bool,
        unix: bool,
    },
    End,
    LastMatch,
    Bound {
        negated: bool,
        unicode: bool,
    },
    GraphemeBound,
    LineEnding,
    Grapheme,
    /// A class or dot under `(?c)` (canonical equivalence).
    Nfc(Pred),
}

/// Where the construct behind a node sits, in rewritten-pattern positions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Src {
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Facts the linter needs that the graph does not keep.
#[derive(Debug, Clone, Default)]
pub(crate) struct Notes {
    /// First `\w \d \s` (or negation) without `(?U)`.
    pub(crate) ascii_class: Option<Src>,
    /// First inline flag group that turns `U` on.
    pub(crate) unicode_flag: Option<Src>,
    /// The pattern has a non-ASCII literal character.
    pub(crate) non_ascii_literal: bool,
    /// First `--` or `~~` inside a class (literal characters in Java).
    pub(crate) class_op: Option<(Src, char)>,
    /// `\N{…}` names not in the built-in table.
    pub(crate) unverified_names: Vec<(Src, String)>,
    /// `(?c)` was used somewhere.
    pub(crate) canon_eq: bool,
    /// A supplementary (non-BMP) character occurs in the pattern.
    pub(crate) supplementary: bool,
}

/// A compiled pattern: Java's node graph plus bookkeeping.
#[derive(Debug, Clone)]
pub(crate) struct Prog {
    pub(crate) kinds: Vec<Kind>,
    pub(crate) next: Vec<Id>,
    pub(crate) src: Vec<Src>,
    pub(crate) bitsets: Vec<[u64; 4]>,
    pub(crate) root: Id,
    /// Java's `capturingGroupCount` (group 0 included).
    pub(crate) group_count: usize,
    pub(crate) local_count: usize,
    pub(crate) notes: Notes,
    /// Rewritten position -> caller's character position.
    pub(crate) origin: Vec<usize>,
    pub(crate) pattern_chars: usize,
}

/// Why a pattern was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ErrKind {
    TooLong,
    TooDeep,
    DanglingMeta(char),
    UnclosedGroup,
    UnmatchedClose,
    Internal,
    UnknownGroupType,
    UnknownInlineModifier,
    GroupNameStart,
    GroupNameEnd,
    DuplicateGroupName(String),
    UnknownGroupName(String),
    KNotFollowedByLt,
    LookBehindUnbounded,
    IllegalRepetition,
    IllegalRepetitionRange,
    UnclosedCountedClosure,
    UnclosedClass,
    BadClassSyntax,
    IllegalRange,
    UnclosedFamily,
    EmptyFamily,
    UnknownProperty(String),
    UnknownPropertyValue(String, String),
    IllegalEscape,
    IllegalOctal,
    IllegalHex,
    HexTooBig,
    UnclosedHex,
    IllegalUnicode,
    IllegalControl,
    IllegalCharName,
    UnclosedCharName,
    UnknownCharName(String),
}

/// A rejection with Java's index (rewritten positions; may be `-1` or the length).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParseError {
    pub(crate) kind: ErrKind,
    pub(crate) java_index: i64,
    /// Caller's character position of the error (clamped into the pattern).
    pub(crate) at: usize,
}

type R<T> = Result<T, ErrKind>;

/// Result of Java's `TreeInfo` study.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Info {
    pub(crate) min: i32,
    pub(crate) max: i32,
    pub(crate) max_valid: bool,
    pub(crate) det: bool,
}

impl Info {
    pub(crate) fn new() -> Info {
        Info {
            min: 0,
            max: 0,
            max_valid: true,
            det: true,
        }
    }
}

const fn cp(c: char) -> u32 {
    c as u32
}

fn is_digit(c: u32) -> bool {
    (cp('0')..=cp('9')).contains(&c)
}
fn is_alpha(c: u32) -> bool {
    (cp('a')..=cp('z')).contains(&c) || (cp('A')..=cp('Z')).contains(&c)
}
fn is_hex(c: u32) -> bool {
    is_digit(c) || (cp('a')..=cp('f')).contains(&c) || (cp('A')..=cp('F')).contains(&c)
}
fn hex_val(c: u32) -> u32 {
    char::from_u32(c).and_then(|c| c.to_digit(16)).unwrap_or(0)
}
fn is_space(c: u32) -> bool {
    c == 0x20 || (0x09..=0x0d).contains(&c)
}
fn ascii_lower(c: u32) -> u32 {
    if (cp('A')..=cp('Z')).contains(&c) {
        c + 0x20
    } else {
        c
    }
}
fn ascii_upper(c: u32) -> u32 {
    if (cp('a')..=cp('z')).contains(&c) {
        c - 0x20
    } else {
        c
    }
}

/// Java's `Character.toLowerCase`/`toUpperCase` where they are known here (Latin-1); `None`
/// elsewhere.
pub(crate) fn latin1_lower(c: u32) -> Option<u32> {
    match c {
        0x41..=0x5a => Some(c + 0x20),
        0xc0..=0xde if c != 0xd7 => Some(c + 0x20),
        0..=0xff => Some(c),
        _ => None,
    }
}
/// See [`latin1_lower`]; `µ` and `ÿ` map outside Latin-1, so they are unknown too.
pub(crate) fn latin1_upper(c: u32) -> Option<u32> {
    match c {
        0x61..=0x7a => Some(c - 0x20),
        0xe0..=0xfe if c != 0xf7 => Some(c - 0x20),
        0xb5 | 0xff => None,
        0..=0xff => Some(c),
        _ => None,
    }
}

/// Java's `RemoveQEQuoting`: returns the rewritten code points and, for each, the caller's
/// character it came from.
fn remove_qe_quoting(p: &[u32]) -> (Vec<u32>, Vec<usize>) {
    let plen = p.len();
    let at = |i: usize| p.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while i + 1 < plen {
        if at(i) != cp('\\') {
            i += 1;
        } else if at(i + 1) != cp('Q') {
            i += 2;
        } else {
            break;
        }
    }
    if i + 1 >= plen {
        return (p.to_vec(), (0..plen).collect());
    }
    let mut out: Vec<u32> = p.get(..i).map(<[u32]>::to_vec).unwrap_or_default();
    let mut origin: Vec<usize> = (0..i).collect();
    i += 2;
    let mut in_quote = true;
    let mut begin_quote = true;
    while i < plen {
        let c = at(i);
        let here = i;
        i += 1;
        let mut push = |v: u32| {
            out.push(v);
            origin.push(here);
        };
        if c >= 0x80 || is_alpha(c) {
            push(c);
        } else if is_digit(c) {
            if begin_quote {
                push(cp('\\'));
                push(cp('x'));
                push(cp('3'));
            }
            push(c);
        } else if c != cp('\\') {
            if in_quote {
                push(cp('\\'));
            }
            push(c);
        } else if in_quote {
            if at(i) == cp('E') {
                i += 1;
                in_quote = false;
            } else {
                push(cp('\\'));
                push(cp('\\'));
            }
        } else if at(i) == cp('Q') {
            i += 1;
            in_quote = true;
            begin_quote = true;
            continue;
        } else {
            push(c);
            if i != plen {
                let n = at(i);
                out.push(n);
                origin.push(i);
                i += 1;
            }
        }
        begin_quote = false;
    }
    (out, origin)
}

/// Parses `pattern` as JDK 17 would.
pub(crate) fn compile(pattern: &str) -> Result<Prog, ParseError> {
    // The limit is in UTF-16 units, as Java's `String.length()` and the other fields count.
    if pattern.encode_utf16().count() > MAX_LEN {
        return Err(ParseError {
            kind: ErrKind::TooLong,
            java_index: -1,
            at: MAX_LEN,
        });
    }
    let chars: Vec<u32> = pattern.chars().map(u32::from).collect();
    let n = chars.len();
    let (t, origin) = remove_qe_quoting(&chars);
    let len = t.len();
    let mut p = Parser {
        t,
        len,
        cur: 0,
        flags: 0,
        prog: Prog {
            kinds: Vec::new(),
            next: Vec::new(),
            src: Vec::new(),
            bitsets: Vec::new(),
            root: LAST_ACCEPT,
            group_count: 1,
            local_count: 0,
            notes: Notes::default(),
            origin,
            pattern_chars: n,
        },
        root: ACCEPT,
        names: Vec::new(),
        depth: 0,
        oob: false,
    };
    p.prog.notes.supplementary = chars.iter().any(|&c| c > 0xffff);
    p.add(Kind::Accept);
    p.add(Kind::LastAccept);
    p.add(Kind::LookBehindEnd);
    let result = p.top();
    let result = match result {
        Ok(()) if p.oob => Err(ErrKind::Internal),
        other => other,
    };
    match result {
        Ok(()) => Ok(p.prog),
        Err(kind) => {
            let java_index = match kind {
                ErrKind::TooDeep => p.cur as i64,
                _ => p.cur as i64 - 1,
            };
            let at = usize::try_from(java_index)
                .ok()
                .and_then(|i| p.prog.origin.get(i).copied())
                .unwrap_or(if java_index < 0 { 0 } else { n })
                .min(n);
            Err(ParseError {
                kind,
                java_index,
                at,
            })
        }
    }
}

struct Parser {
    t: Vec<u32>,
    len: usize,
    cur: usize,
    flags: u16,
    prog: Prog,
    /// Java's "double return" of the tail node.
    root: Id,
    names: Vec<(String, usize)>,
    depth: usize,
    /// Java would have read past its array (it throws a non-syntax exception).
    oob: bool,
}

/// Result of `escape`: a literal code point, or a node / predicate (absent when not created).
enum Esc {
    Cp(u32),
    Node(Option<Kind>),
    Pred(Option<Pred>),
}

impl Parser {
    fn add(&mut self, k: Kind) -> Id {
        self.prog.kinds.push(k);
        self.prog.next.push(ACCEPT);
        self.prog.src.push(Src {
            start: self.cur,
            end: self.cur,
        });
        self.prog.kinds.len() - 1
    }
    fn set_next(&mut self, id: Id, n: Id) {
        if let Some(slot) = self.prog.next.get_mut(id) {
            *slot = n;
        }
    }
    fn set_src(&mut self, id: Id, start: usize) {
        let end = self.cur.min(self.len);
        if let Some(s) = self.prog.src.get_mut(id) {
            *s = Src { start, end };
        }
    }
    fn kind(&self, id: Id) -> Option<&Kind> {
        self.prog.kinds.get(id)
    }
    fn has(&self, f: u16) -> bool {
        self.flags & f != 0
    }
    fn at(&mut self, i: usize) -> u32 {
        if i > self.len + 1 {
            self.oob = true;
        }
        self.t.get(i).copied().unwrap_or(0)
    }
    fn peek(&mut self) -> u32 {
        let ch = self.at(self.cur);
        if self.has(COMMENTS) {
            self.peek_past_ws(ch)
        } else {
            ch
        }
    }
    fn read(&mut self) -> u32 {
        let ch = self.at(self.cur);
        self.cur += 1;
        if self.has(COMMENTS) {
            self.parse_past_ws(ch)
        } else {
            ch
        }
    }
    fn next(&mut self) -> u32 {
        self.cur += 1;
        let ch = self.at(self.cur);
        if self.has(COMMENTS) {
            self.peek_past_ws(ch)
        } else {
            ch
        }
    }
    fn next_escaped(&mut self) -> u32 {
        self.cur += 1;
        self.at(self.cur)
    }
    fn skip(&mut self) -> u32 {
        let i = self.cur;
        let ch = self.at(i + 1);
        self.cur = i + 2;
        ch
    }
    fn unread(&mut self) {
        self.cur = self.cur.saturating_sub(1);
    }
    fn is_line_sep(&self, ch: u32) -> bool {
        if self.has(UNIX_LINES) {
            ch == 0x0a
        } else {
            ch == 0x0a || ch == 0x0d || (ch | 1) == 0x2029 || ch == 0x85
        }
    }
    fn peek_past_ws(&mut self, mut ch: u32) -> u32 {
        while is_space(ch) || ch == cp('#') {
            while is_space(ch) {
                self.cur += 1;
                ch = self.at(self.cur);
            }
            if ch == cp('#') {
                self.cur += 1;
                ch = self.at(self.cur);
                while ch != 0 && !self.is_line_sep(ch) {
                    self.cur += 1;
                    ch = self.at(self.cur);
                }
                if ch == 0 && self.cur > self.len {
                    self.cur = self.len;
                    ch = self.at(self.cur);
                }
            }
        }
        ch
    }
    fn parse_past_ws(&mut self, mut ch: u32) -> u32 {
        while is_space(ch) || ch == cp('#') {
            while is_space(ch) {
                ch = self.at(self.cur);
                self.cur += 1;
            }
            if ch == cp('#') {
                ch = self.at(self.cur);
                self.cur += 1;
                while ch != 0 && !self.is_line_sep(ch) {
                    ch = self.at(self.cur);
                    self.cur += 1;
                }
                if ch == 0 && self.cur > self.len {
                    self.cur = self.len;
                    ch = self.at(self.cur);
                    self.cur += 1;
                }
            }
        }
        ch
    }
    fn accept(&mut self, ch: u32, err: ErrKind) -> R<()> {
        let mut test = self.at(self.cur);
        self.cur += 1;
        if self.has(COMMENTS) {
            test = self.parse_past_ws(test);
        }
        if ch != test { Err(err) } else { Ok(()) }
    }

    fn top(&mut self) -> R<()> {
        let root = self.expr(LAST_ACCEPT)?;
        self.prog.root = root;
        if self.cur != self.len {
            return Err(if self.peek() == cp(')') {
                ErrKind::UnmatchedClose
            } else {
                ErrKind::Internal
            });
        }
        Ok(())
    }

    fn expr(&mut self, end: Id) -> R<Id> {
        let mut prev: Option<Id> = None;
        let mut first_tail = ACCEPT;
        let mut branch: Option<Id> = None;
        let mut conn: Option<Id> = None;
        loop {
            let node = self.sequence(end)?;
            let node_tail = self.root;
            match prev {
                None => {
                    prev = Some(node);
                    first_tail = node_tail;
                }
                Some(p) => {
                    let b = self
                        .add_alternative(p, node, node_tail, first_tail, end, &mut conn, branch);
                    prev = Some(b);
                    branch = Some(b);
                }
            }
            if self.peek() != cp('|') {
                return Ok(prev.unwrap_or(end));
            }
            self.next();
        }
    }

    /// Adds alternative `node` to the branch built so far (`prev`, or a new one).
    #[allow(clippy::too_many_arguments)] // the state of Java's `expr` loop
    fn add_alternative(
        &mut self,
        prev: Id,
        node: Id,
        node_tail: Id,
        first_tail: Id,
        end: Id,
        conn: &mut Option<Id>,
        branch: Option<Id>,
    ) -> Id {
        let c = match *conn {
            Some(c) => c,
            None => {
                let c = self.add(Kind::BranchConn);
                self.set_next(c, end);
                *conn = Some(c);
                c
            }
        };
        let alt = if node == end {
            None
        } else {
            self.set_next(node_tail, c);
            Some(node)
        };
        if Some(prev) == branch {
            if let Some(Kind::Branch { alts, .. }) = self.prog.kinds.get_mut(prev) {
                alts.push(alt);
            }
            return prev;
        }
        let first = if prev == end {
            None
        } else {
            self.set_next(first_tail, c);
            Some(prev)
        };
        self.add(Kind::Branch {
            alts: vec![first, alt],
            conn: c,
        })
    }

    fn sequence(&mut self, end: Id) -> R<Id> {
        let mut head: Option<Id> = None;
        let mut tail = ACCEPT;
        loop {
            let node = if self.peek() == cp('(') {
                match self.group0()? {
                    Some(node) => node,
                    None => continue,
                }
            } else {
                match self.sequence_item()? {
                    Some(node) => node,
                    None => break,
                }
            };
            match head {
                None => head = Some(node),
                Some(_) => self.set_next(tail, node),
            }
            tail = self.root;
        }
        match head {
            None => Ok(end),
            Some(h) => {
                self.set_next(tail, end);
                self.root = tail;
                Ok(h)
            }
        }
    }

    /// One quantified item of a sequence other than a group; `None` at its end. Kept out of
    /// `sequence` so the recursion through groups uses small stack frames.
    fn sequence_item(&mut self) -> R<Option<Id>> {
        let start = self.cur;
        let ch = self.peek();
        let node = match char::from_u32(ch).unwrap_or('\u{fffd}') {
            '[' => {
                let pred = self.clazz(true)?;
                self.char_node(pred)
            }
            '\\' => {
                let c = self.next_escaped();
                if c == cp('p') || c == cp('P') {
                    let pred = self.property_escape(c)?;
                    self.char_node(pred)
                } else {
                    self.unread();
                    self.atom()?
                }
            }
            '^' => {
                self.next();
                if self.has(MULTILINE) {
                    self.add(Kind::Caret {
                        unix: self.has(UNIX_LINES),
                    })
                } else {
                    self.add(Kind::Begin)
                }
            }
            '$' => {
                self.next();
                self.add(Kind::Dollar {
                    multiline: self.has(MULTILINE),
                    unix: self.has(UNIX_LINES),
                })
            }
            '.' => {
                self.next();
                let pred = if self.has(DOTALL) {
                    Pred::All
                } else if self.has(UNIX_LINES) {
                    Pred::UnixDot
                } else {
                    Pred::Dot
                };
                self.add(Kind::Char(pred))
            }
            '|' | ')' => return Ok(None),
            ']' | '}' => self.atom()?,
            '?' | '*' | '+' => {
                self.next();
                return Err(ErrKind::DanglingMeta(char::from_u32(ch).unwrap_or('?')));
            }
            '\0' if self.cur >= self.len => return Ok(None),
            _ => self.atom()?,
        };
        self.set_src(node, start);
        let node = self.closure(node)?;
        self.set_src(node, start);
        self.root = node;
        Ok(Some(node))
    }

    fn atom(&mut self) -> R<Id> {
        let mut buf: Vec<u32> = Vec::new();
        let mut prev = 0usize;
        let mut ch = self.peek();
        loop {
            match char::from_u32(ch).unwrap_or('\u{fffd}') {
                '*' | '+' | '?' | '{' => {
                    if buf.len() > 1 {
                        self.cur = prev;
                        buf.pop();
                    }
                    break;
                }
                '$' | '.' | '^' | '(' | '[' | '|' | ')' => break,
                '\\' => {
                    let c = self.next_escaped();
                    if c == cp('p') || c == cp('P') {
                        if !buf.is_empty() {
                            self.unread();
                            break;
                        }
                        let pred = self.property_escape(c)?;
                        return Ok(self.add(Kind::Char(pred)));
                    }
                    self.unread();
                    prev = self.cur;
                    let esc_start = self.cur;
                    match self.escape(false, buf.is_empty(), false)? {
                        Esc::Cp(c) => {
                            if c >= 0x80 && c != UNKNOWN_CP {
                                self.prog.notes.non_ascii_literal = true;
                            }
                            buf.push(c);
                            ch = self.peek();
                            continue;
                        }
                        Esc::Node(Some(k)) if buf.is_empty() => {
                            let id = self.add(k);
                            self.set_src(id, esc_start);
                            return Ok(id);
                        }
                        Esc::Pred(Some(p)) if buf.is_empty() => {
                            let id = self.add(Kind::Char(p));
                            self.set_src(id, esc_start);
                            return Ok(id);
                        }
                        _ => {
                            self.cur = prev;
                            break;
                        }
                    }
                }
                '\0' if self.cur >= self.len => break,
                _ => {
                    prev = self.cur;
                    if ch >= 0x80 {
                        self.prog.notes.non_ascii_literal = true;
                    }
                    buf.push(ch);
                    ch = self.next();
                    continue;
                }
            }
        }
        if buf.len() == 1 {
            let c = buf.first().copied().unwrap_or(0);
            let p = self.single(c);
            Ok(self.add(Kind::Char(p)))
        } else {
            Ok(self.new_slice(buf))
        }
    }

    fn single(&self, c: u32) -> Pred {
        if c == UNKNOWN_CP {
            return Pred::Unknown;
        }
        if self.has(CASE_INSENSITIVE) {
            if self.has(UNICODE_CASE) {
                return match latin1_upper(c).and_then(latin1_lower) {
                    Some(lower) if latin1_upper(c) != Some(lower) => Pred::SingleU(lower),
                    Some(_) => Pred::Single(c),
                    None => Pred::Unknown,
                };
            } else if is_alpha(c) {
                return Pred::SingleI(ascii_lower(c), ascii_upper(c));
            }
        }
        Pred::Single(c)
    }

    fn new_slice(&mut self, buf: Vec<u32>) -> Id {
        let fold = if !self.has(CASE_INSENSITIVE) {
            Fold::None
        } else if self.has(UNICODE_CASE) {
            Fold::Unicode
        } else {
            Fold::Ascii
        };
        let buf = match fold {
            Fold::None => buf,
            Fold::Ascii => buf.into_iter().map(ascii_lower).collect(),
            Fold::Unicode => buf
                .into_iter()
                .map(|c| latin1_upper(c).and_then(latin1_lower).unwrap_or(UNKNOWN_CP))
                .collect(),
        };
        self.add(Kind::Slice(buf, fold))
    }

    fn qtype(&mut self) -> Q {
        let ch = self.next();
        if ch == cp('?') {
            self.next();
            Q::Lazy
        } else if ch == cp('+') {
            self.next();
            Q::Possessive
        } else {
            Q::Greedy
        }
    }

    fn curly(&mut self, prev: Id, cmin: i32) -> Id {
        let q = self.qtype();
        if q == Q::Greedy {
            if let Some(Kind::Char(p)) = self.kind(prev) {
                let pred = p.clone();
                return self.add(Kind::CharGreedy { pred, cmin });
            }
        }
        self.add(Kind::Curly {
            atom: prev,
            cmin,
            cmax: MAX_REPS,
            q,
        })
    }

    fn closure(&mut self, prev: Id) -> R<Id> {
        let ch = self.peek();
        if ch == cp('?') {
            let q = self.qtype();
            return Ok(self.add(Kind::Ques { atom: prev, q }));
        }
        if ch == cp('*') {
            return Ok(self.curly(prev, 0));
        }
        if ch == cp('+') {
            return Ok(self.curly(prev, 1));
        }
        if ch != cp('{') {
            return Ok(prev);
        }
        let mut ch = self.skip();
        if !is_digit(ch) {
            return Err(ErrKind::IllegalRepetition);
        }
        let mut cmin: i32 = 0;
        let cmax: i32;
        loop {
            cmin = cmin
                .checked_mul(10)
                .and_then(|v| v.checked_add(ch as i32 - cp('0') as i32))
                .ok_or(ErrKind::IllegalRepetitionRange)?;
            ch = self.read();
            if !is_digit(ch) {
                break;
            }
        }
        if ch == cp(',') {
            ch = self.read();
            if ch == cp('}') {
                self.unread();
                return Ok(self.curly(prev, cmin));
            }
            let mut m: i32 = 0;
            while is_digit(ch) {
                m = m
                    .checked_mul(10)
                    .and_then(|v| v.checked_add(ch as i32 - cp('0') as i32))
                    .ok_or(ErrKind::IllegalRepetitionRange)?;
                ch = self.read();
            }
            cmax = m;
        } else {
            cmax = cmin;
        }
        if ch != cp('}') {
            return Err(ErrKind::UnclosedCountedClosure);
        }
        if cmax < cmin {
            return Err(ErrKind::IllegalRepetitionRange);
        }
        self.unread();
        let q = self.qtype();
        Ok(if cmin == 0 && cmax == 1 {
            self.add(Kind::Ques { atom: prev, q })
        } else {
            self.add(Kind::Curly {
                atom: prev,
                cmin,
                cmax,
                q,
            })
        })
    }

    fn create_group(&mut self, anonymous: bool) -> Id {
        let local = self.prog.local_count;
        self.prog.local_count += 1;
        let group = if anonymous {
            0
        } else {
            self.prog.group_count += 1;
            self.prog.group_count - 1
        };
        let head = self.add(Kind::GroupHead { local });
        self.root = self.add(Kind::GroupTail { local, group });
        head
    }

    fn group0(&mut self) -> R<Option<Id>> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ErrKind::TooDeep);
        }
        let open = self.cur;
        let save = self.flags;
        let Some(g) = self.group_start(open)? else {
            self.depth -= 1;
            return Ok(None);
        };
        let e = self.expr(g.tail)?;
        self.set_next(g.head, e);
        self.group_end(g, open, save).map(Some)
    }

    /// Parses a group's opening up to its body and creates its head and tail nodes; `None`
    /// for a flags-only group `(?i)`.
    fn group_start(&mut self, open: usize) -> R<Option<GroupStart>> {
        let mut ch = self.next();
        let (anonymous, kind) = if ch == cp('?') {
            ch = self.skip();
            match char::from_u32(ch).unwrap_or('\u{fffd}') {
                ':' => (true, GroupKind::Plain),
                '=' => (true, GroupKind::Pos),
                '!' => (true, GroupKind::Neg),
                '>' => (true, GroupKind::Atomic),
                '<' => {
                    ch = self.read();
                    if ch == cp('=') || ch == cp('!') {
                        (true, GroupKind::Behind(ch == cp('!')))
                    } else {
                        let name = self.groupname(ch)?;
                        if self.names.iter().any(|(n, _)| *n == name) {
                            return Err(ErrKind::DuplicateGroupName(name));
                        }
                        let head = self.create_group(false);
                        self.names.push((name, self.prog.group_count - 1));
                        return Ok(Some(GroupStart {
                            head,
                            tail: self.root,
                            kind: GroupKind::Capturing,
                        }));
                    }
                }
                '$' | '@' => return Err(ErrKind::UnknownGroupType),
                _ => {
                    self.unread();
                    let turned_u_on = self.add_flag();
                    ch = self.read();
                    if turned_u_on && self.prog.notes.unicode_flag.is_none() {
                        self.prog.notes.unicode_flag = Some(Src {
                            start: open,
                            end: self.cur.min(self.len),
                        });
                    }
                    if ch == cp(')') {
                        return Ok(None);
                    }
                    if ch != cp(':') {
                        return Err(ErrKind::UnknownInlineModifier);
                    }
                    (true, GroupKind::Plain)
                }
            }
        } else {
            (false, GroupKind::Capturing)
        };
        let head = self.create_group(anonymous);
        Ok(Some(GroupStart {
            head,
            tail: self.root,
            kind,
        }))
    }

    /// Closes a group whose body is parsed: wraps look-arounds and atomic groups, then applies
    /// a quantifier the way Java does (Branch, GroupCurly or Loop).
    fn group_end(&mut self, g: GroupStart, open: usize, save: u16) -> R<Id> {
        let (mut head, mut tail) = (g.head, g.tail);
        let wrapped = match g.kind {
            GroupKind::Pos => Some(Kind::Pos { cond: head }),
            GroupKind::Neg => Some(Kind::Neg { cond: head }),
            GroupKind::Atomic => Some(Kind::Ques {
                atom: head,
                q: Q::Independent,
            }),
            GroupKind::Behind(neg) => {
                self.set_next(tail, LOOKBEHIND_END);
                let info = study(&self.prog, head, Info::new(), 0);
                if !info.max_valid {
                    return Err(ErrKind::LookBehindUnbounded);
                }
                Some(Kind::Behind {
                    cond: head,
                    rmax: info.max,
                    rmin: info.min,
                    neg,
                })
            }
            GroupKind::Plain | GroupKind::Capturing => None,
        };
        if let Some(k) = wrapped {
            head = self.add(k);
            tail = head;
        }
        let capturing = g.kind == GroupKind::Capturing;
        self.accept(cp(')'), ErrKind::UnclosedGroup)?;
        self.flags = save;
        self.depth -= 1;
        self.set_src(head, open);

        let node = self.closure(head)?;
        self.set_src(node, open);
        if node == head {
            self.root = tail;
            return Ok(node);
        }
        if head == tail {
            self.root = node;
            return Ok(node);
        }
        match self.kind(node).cloned() {
            Some(Kind::Ques { q, .. }) => {
                if q == Q::Possessive {
                    self.root = node;
                    return Ok(node);
                }
                let conn = self.add(Kind::BranchConn);
                self.set_next(tail, conn);
                tail = conn;
                let alts = if q == Q::Greedy {
                    vec![Some(head), None]
                } else {
                    vec![None, Some(head)]
                };
                let b = self.add(Kind::Branch { alts, conn });
                self.set_src(b, open);
                self.root = tail;
                Ok(b)
            }
            Some(Kind::Curly { cmin, cmax, q, .. }) => {
                if q == Q::Possessive {
                    self.root = node;
                    return Ok(node);
                }
                let info = study(&self.prog, head, Info::new(), 0);
                if info.det {
                    let (local, group) = match self.kind(tail) {
                        Some(Kind::GroupTail { local, group }) => (*local, *group),
                        _ => (0, 0),
                    };
                    let atom = self.prog.next.get(head).copied().unwrap_or(ACCEPT);
                    let gc = self.add(Kind::GroupCurly {
                        atom,
                        cmin,
                        cmax,
                        q,
                        local,
                        group,
                        capture: capturing,
                    });
                    self.set_src(gc, open);
                    self.root = gc;
                    Ok(gc)
                } else {
                    let begin_local = match self.kind(head) {
                        Some(Kind::GroupHead { local }) => *local,
                        _ => 0,
                    };
                    let count_local = self.prog.local_count;
                    self.prog.local_count += 1;
                    let lp = self.add(Kind::Loop {
                        body: head,
                        cmin,
                        cmax,
                        lazy: q != Q::Greedy,
                        count_local,
                        begin_local,
                    });
                    self.set_src(lp, open);
                    let prolog = self.add(Kind::Prolog { lp });
                    self.set_src(prolog, open);
                    self.set_next(tail, lp);
                    self.root = lp;
                    Ok(prolog)
                }
            }
            _ => Err(ErrKind::Internal),
        }
    }

    /// Returns whether `U` was turned on.
    fn add_flag(&mut self) -> bool {
        let mut turned_u_on = false;
        let mut ch = self.peek();
        loop {
            if ch == cp('-') {
                self.next();
                self.sub_flag();
                return turned_u_on;
            }
            let Some(f) = flag_bit(ch) else {
                return turned_u_on;
            };
            turned_u_on |= ch == cp('U');
            if f == CANON_EQ {
                self.prog.notes.canon_eq = true;
            }
            self.flags |= f;
            ch = self.next();
        }
    }

    fn sub_flag(&mut self) {
        let mut ch = self.peek();
        while let Some(f) = flag_bit(ch) {
            self.flags &= !f;
            ch = self.next();
        }
    }

    fn groupname(&mut self, mut ch: u32) -> R<String> {
        if !is_alpha(ch) {
            return Err(ErrKind::GroupNameStart);
        }
        let mut name = String::new();
        loop {
            name.push(char::from_u32(ch).unwrap_or('?'));
            ch = self.read();
            if !(is_alpha(ch) || is_digit(ch)) {
                break;
            }
        }
        if ch != cp('>') {
            return Err(ErrKind::GroupNameEnd);
        }
        Ok(name)
    }

    fn ascii_or_unicode(&mut self, mask: u128, negate: bool, start: usize) -> Pred {
        let p = if self.has(UNICODE_CHARACTER_CLASS) {
            Pred::Prop(Prop::Mask(mask))
        } else {
            if self.prog.notes.ascii_class.is_none() {
                self.prog.notes.ascii_class = Some(Src {
                    start,
                    end: self.cur.min(self.len),
                });
            }
            Pred::Ascii(mask)
        };
        if negate { Pred::Not(Box::new(p)) } else { p }
    }

    fn escape(&mut self, inclass: bool, create: bool, isrange: bool) -> R<Esc> {
        let start = self.cur;
        let ch = self.skip();
        let c = char::from_u32(ch).unwrap_or('\u{fffd}');
        let node = |k: Kind| Ok(Esc::Node(if create { Some(k) } else { None }));
        match c {
            '0' => self.octal().map(Esc::Cp),
            '1'..='9' => {
                if inclass {
                    return Err(ErrKind::IllegalEscape);
                }
                if create {
                    let group = self.backref(ch - cp('0'));
                    let fold = self.fold();
                    return node(Kind::BackRef { group, fold });
                }
                Ok(Esc::Node(None))
            }
            'A' if !inclass => node(Kind::Begin),
            'B' if !inclass => node(Kind::Bound {
                negated: true,
                unicode: self.has(UNICODE_CHARACTER_CLASS),
            }),
            'G' if !inclass => node(Kind::LastMatch),
            'R' if !inclass => node(Kind::LineEnding),
            'X' if !inclass => node(Kind::Grapheme),
            'Z' if !inclass => node(Kind::Dollar {
                multiline: false,
                unix: self.has(UNIX_LINES),
            }),
            'z' if !inclass => node(Kind::End),
            'D' | 'S' | 'W' | 'd' | 's' | 'w' => {
                if !create {
                    return Ok(Esc::Pred(None));
                }
                let mask = match c {
                    'D' | 'd' => masks::DIGIT,
                    'S' | 's' => masks::SPACE,
                    _ => masks::WORD,
                };
                let p = self.ascii_or_unicode(mask, c.is_ascii_uppercase(), start);
                Ok(Esc::Pred(Some(p)))
            }
            'H' | 'h' => {
                let p = if c == 'H' {
                    Pred::Not(Box::new(Pred::HorizWs))
                } else {
                    Pred::HorizWs
                };
                Ok(Esc::Pred(if create { Some(p) } else { None }))
            }
            'V' => Ok(Esc::Pred(if create {
                Some(Pred::Not(Box::new(Pred::VertWs)))
            } else {
                None
            })),
            'v' => {
                if isrange {
                    return Ok(Esc::Cp(0x0b));
                }
                Ok(Esc::Pred(if create { Some(Pred::VertWs) } else { None }))
            }
            'N' => self.char_name(start).map(Esc::Cp),
            'a' => Ok(Esc::Cp(0x07)),
            'b' if !inclass => {
                if create {
                    if self.peek() == cp('{') {
                        if self.skip() == cp('g') {
                            if self.read() == cp('}') {
                                return node(Kind::GraphemeBound);
                            }
                            return Err(ErrKind::IllegalEscape);
                        }
                        self.unread();
                        self.unread();
                    }
                    return node(Kind::Bound {
                        negated: false,
                        unicode: self.has(UNICODE_CHARACTER_CLASS),
                    });
                }
                Ok(Esc::Node(None))
            }
            'c' => {
                if self.cur < self.len {
                    Ok(Esc::Cp(self.read() ^ 64))
                } else {
                    Err(ErrKind::IllegalControl)
                }
            }
            'e' => Ok(Esc::Cp(0x1b)),
            'f' => Ok(Esc::Cp(0x0c)),
            'k' if !inclass => {
                if self.read() != cp('<') {
                    return Err(ErrKind::KNotFollowedByLt);
                }
                let first = self.read();
                let name = self.groupname(first)?;
                let group = match self.names.iter().find(|(n, _)| *n == name) {
                    Some((_, g)) => *g,
                    None => return Err(ErrKind::UnknownGroupName(name)),
                };
                let fold = self.fold();
                node(Kind::BackRef { group, fold })
            }
            'n' => Ok(Esc::Cp(0x0a)),
            'r' => Ok(Esc::Cp(0x0d)),
            't' => Ok(Esc::Cp(0x09)),
            'u' => self.unicode_escape().map(Esc::Cp),
            'x' => self.hex().map(Esc::Cp),
            _ if c.is_ascii_alphabetic() => Err(ErrKind::IllegalEscape),
            _ if is_digit(ch) => Err(ErrKind::IllegalEscape),
            _ => Ok(Esc::Cp(ch)),
        }
    }

    fn fold(&self) -> Fold {
        if !self.has(CASE_INSENSITIVE) {
            Fold::None
        } else if self.has(UNICODE_CASE) {
            Fold::Unicode
        } else {
            Fold::Ascii
        }
    }

    fn backref(&mut self, mut num: u32) -> usize {
        loop {
            let ch = self.peek();
            if !is_digit(ch) {
                break;
            }
            let new = num.saturating_mul(10).saturating_add(ch - cp('0'));
            if (self.prog.group_count as u64) < u64::from(new) + 1 {
                break;
            }
            num = new;
            self.read();
        }
        num as usize
    }

    fn octal(&mut self) -> R<u32> {
        let is_oct = |c: u32| (cp('0')..=cp('7')).contains(&c);
        let n = self.read();
        if !is_oct(n) {
            return Err(ErrKind::IllegalOctal);
        }
        let m = self.read();
        if !is_oct(m) {
            self.unread();
            return Ok(n - cp('0'));
        }
        let o = self.read();
        if is_oct(o) && (cp('0')..=cp('3')).contains(&n) {
            return Ok((n - cp('0')) * 64 + (m - cp('0')) * 8 + (o - cp('0')));
        }
        self.unread();
        Ok((n - cp('0')) * 8 + (m - cp('0')))
    }

    fn hex(&mut self) -> R<u32> {
        let n = self.read();
        if is_hex(n) {
            let m = self.read();
            if is_hex(m) {
                return Ok(hex_val(n) * 16 + hex_val(m));
            }
        } else if n == cp('{') {
            let p = self.peek();
            if is_hex(p) {
                let mut v: u32 = 0;
                let mut c;
                loop {
                    c = self.read();
                    if !is_hex(c) {
                        break;
                    }
                    v = (v << 4) + hex_val(c);
                    if v > 0x10_ffff {
                        return Err(ErrKind::HexTooBig);
                    }
                }
                if c != cp('}') {
                    return Err(ErrKind::UnclosedHex);
                }
                return Ok(v);
            }
        }
        Err(ErrKind::IllegalHex)
    }

    fn uxxxx(&mut self) -> R<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let c = self.read();
            if !is_hex(c) {
                return Err(ErrKind::IllegalUnicode);
            }
            n = n * 16 + hex_val(c);
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> R<u32> {
        let n = self.uxxxx()?;
        if (0xd800..=0xdbff).contains(&n) {
            let cur = self.cur;
            if self.read() == cp('\\') && self.read() == cp('u') {
                let n2 = self.uxxxx()?;
                if (0xdc00..=0xdfff).contains(&n2) {
                    return Ok(0x10000 + ((n - 0xd800) << 10) + (n2 - 0xdc00));
                }
            }
            self.cur = cur;
        }
        Ok(n)
    }

    fn char_name(&mut self, start: usize) -> R<u32> {
        if self.read() != cp('{') {
            return Err(ErrKind::IllegalCharName);
        }
        let i = self.cur;
        while self.read() != cp('}') {
            if self.cur >= self.len {
                return Err(ErrKind::UnclosedCharName);
            }
        }
        let raw: String = self
            .t
            .get(i..self.cur.saturating_sub(1))
            .unwrap_or(&[])
            .iter()
            .filter_map(|&c| char::from_u32(c))
            .collect();
        let name = crate::suggest::upper_for_ascii(raw.trim());
        // Unicode names start with a letter and are words of A-Z, 0-9 and inner hyphens
        // separated by single spaces.
        let plausible = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.split(' ').all(|w| {
                !w.is_empty()
                    && !w.starts_with('-')
                    && !w.ends_with('-')
                    && !w.contains("--")
                    && w.chars()
                        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            });
        if !plausible {
            return Err(ErrKind::UnknownCharName(raw));
        }
        match char_by_name(&name) {
            Some(c) => Ok(c),
            None => {
                let src = Src {
                    start,
                    end: self.cur.min(self.len),
                };
                self.prog.notes.unverified_names.push((src, raw));
                Ok(UNKNOWN_CP)
            }
        }
    }

    /// `\\p` or `\\P` (the letter is `c`, the cursor on it): a one-letter name or `{name}`.
    fn property_escape(&mut self, c: u32) -> R<Pred> {
        let one = if self.next() != cp('{') {
            self.unread();
            true
        } else {
            false
        };
        self.family(one, c == cp('P'))
    }

    /// A class or property node (Java wraps it for canonical equivalence under `(?c)`).
    fn char_node(&mut self, pred: Pred) -> Id {
        if self.has(CANON_EQ) {
            self.add(Kind::Nfc(pred))
        } else {
            self.add(Kind::Char(pred))
        }
    }

    fn family(&mut self, single_letter: bool, complement: bool) -> R<Pred> {
        self.next();
        let name: String = if single_letter {
            let c = self.at(self.cur);
            self.read();
            char::from_u32(c).map(String::from).unwrap_or_default()
        } else {
            let i = self.cur;
            // Java temporarily writes '}' over its terminator, so the scan stops there.
            let saved = self.t.get(self.len).copied();
            if saved.is_none() {
                self.t.push(cp('}'));
            } else if let Some(s) = self.t.get_mut(self.len) {
                *s = cp('}');
            }
            while self.read() != cp('}') {}
            self.t.truncate(self.len);
            let j = self.cur;
            if j > self.len {
                return Err(ErrKind::UnclosedFamily);
            }
            if i + 1 >= j {
                return Err(ErrKind::EmptyFamily);
            }
            self.t
                .get(i..j - 1)
                .unwrap_or(&[])
                .iter()
                .filter_map(|&c| char::from_u32(c))
                .collect()
        };
        let ci = self.has(CASE_INSENSITIVE);
        let prop = if let Some(eq) = name.find('=') {
            let value = name.get(eq + 1..).unwrap_or("");
            let key = crate::suggest::lower_for_ascii(name.get(..eq).unwrap_or(""));
            let p = match key.as_str() {
                "sc" | "script" => props::for_script(value),
                "blk" | "block" => props::for_block(value),
                "gc" | "general_category" => props::for_property(value, ci),
                _ => None,
            };
            p.ok_or_else(|| ErrKind::UnknownPropertyValue(key.clone(), value.to_string()))?
        } else {
            let p = if let Some(rest) = name.strip_prefix("In") {
                props::for_block(rest)
            } else if let Some(rest) = name.strip_prefix("Is") {
                props::for_unicode_property(rest, ci)
                    .or_else(|| props::for_property(rest, ci))
                    .or_else(|| props::for_script(rest))
            } else {
                let posix = if self.has(UNICODE_CHARACTER_CLASS) {
                    props::for_posix(&name, ci)
                } else {
                    None
                };
                posix.or_else(|| props::for_property(&name, ci))
            };
            p.ok_or_else(|| ErrKind::UnknownProperty(name.clone()))?
        };
        let p = Pred::Prop(prop);
        Ok(if complement {
            Pred::Not(Box::new(p))
        } else {
            p
        })
    }

    fn bits_add(&mut self, idx: usize, c: u32) {
        let mut set = |v: u32| {
            if let Some(b) = self.prog.bitsets.get_mut(idx) {
                if let Some(w) = b.get_mut((v / 64) as usize) {
                    *w |= 1u64 << (v % 64);
                }
            }
        };
        if self.flags & CASE_INSENSITIVE != 0 {
            if c < 0x80 {
                set(ascii_upper(c));
                set(ascii_lower(c));
            } else if self.flags & UNICODE_CASE != 0 {
                if let Some(l) = latin1_lower(c) {
                    set(l);
                }
                if let Some(u) = latin1_upper(c) {
                    set(u);
                }
            }
        }
        set(c);
    }

    fn bits_or_single(&mut self, bits: usize, c: u32) -> Option<Pred> {
        let special = matches!(
            c,
            0xff | 0xb5 | 0x49 | 0x69 | 0x53 | 0x73 | 0x4b | 0x6b | 0xc5 | 0xe5
        );
        if c < 256 && !(self.has(CASE_INSENSITIVE) && self.has(UNICODE_CASE) && special) {
            self.bits_add(bits, c);
            return None;
        }
        Some(self.single(c))
    }

    fn range(&mut self, bits: usize) -> R<Option<Pred>> {
        let mut ch = self.peek();
        if ch == cp('\\') {
            let c = self.next_escaped();
            if c == cp('p') || c == cp('P') {
                return self.property_escape(c).map(Some);
            }
            let isrange = self.at(self.cur + 1) == cp('-');
            self.unread();
            match self.escape(true, true, isrange)? {
                Esc::Cp(v) => ch = v,
                Esc::Pred(p) => return Ok(p),
                Esc::Node(_) => return Err(ErrKind::Internal),
            }
        } else {
            self.next();
        }
        if ch >= 0x80 && ch != UNKNOWN_CP {
            self.prog.notes.non_ascii_literal = true;
        }
        if self.peek() == cp('-') {
            let end_range = self.at(self.cur + 1);
            if end_range == cp('[') {
                return Ok(self.bits_or_single(bits, ch));
            }
            if end_range != cp(']') {
                if ch == cp('-') && self.prog.notes.class_op.is_none() {
                    let s = self.cur.saturating_sub(1);
                    self.prog.notes.class_op = Some((
                        Src {
                            start: s,
                            end: s + 2,
                        },
                        '-',
                    ));
                }
                self.next();
                let mut m = self.peek();
                if m == cp('\\') {
                    m = match self.escape(true, false, true)? {
                        Esc::Cp(v) => v,
                        _ => return Err(ErrKind::IllegalRange),
                    };
                } else {
                    self.next();
                }
                if ch == UNKNOWN_CP || m == UNKNOWN_CP {
                    return Ok(Some(Pred::Unknown));
                }
                if m < ch {
                    return Err(ErrKind::IllegalRange);
                }
                return Ok(Some(if self.has(CASE_INSENSITIVE) {
                    if self.has(UNICODE_CASE) {
                        Pred::CiRangeU(ch, m)
                    } else {
                        Pred::CiRange(ch, m)
                    }
                } else {
                    Pred::Range(ch, m)
                }));
            }
        }
        if ch == UNKNOWN_CP {
            return Ok(Some(Pred::Unknown));
        }
        Ok(self.bits_or_single(bits, ch))
    }

    fn clazz(&mut self, consume: bool) -> R<Pred> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(ErrKind::TooDeep);
        }
        let r = self.clazz_inner(consume);
        self.depth -= 1;
        r
    }

    fn clazz_inner(&mut self, consume: bool) -> R<Pred> {
        let bits = self.prog.bitsets.len();
        self.prog.bitsets.push([0; 4]);
        let mut st = ClassState {
            prev: None,
            curr: None,
            bits,
            has_bits: false,
        };
        let mut is_neg = false;
        let mut ch = self.next();
        if ch == cp('^') && self.at(self.cur.wrapping_sub(1)) == cp('[') {
            ch = self.next();
            is_neg = true;
        }
        loop {
            if ch == cp('[') {
                let c = self.clazz(true)?;
                st.curr = Some(c.clone());
                st.prev = Some(union(st.prev.take(), c));
                ch = self.peek();
                continue;
            }
            if ch == cp('&') {
                ch = self.next();
                if ch == cp('&') {
                    self.class_intersection(&mut st)?;
                    ch = self.peek();
                    continue;
                }
                // a literal '&'
                self.unread();
                ch = cp('&');
            }
            if let Some(p) = self.class_item(&mut st, ch, consume, is_neg)? {
                return Ok(p);
            }
            ch = self.peek();
        }
    }

    /// `&&` (the cursor on its second `&`): intersects what came before with what follows.
    fn class_intersection(&mut self, st: &mut ClassState) -> R<()> {
        let mut ch = self.next();
        let mut right: Option<Pred> = None;
        while ch != cp(']') && ch != cp('&') {
            if ch != cp('[') {
                self.unread();
            }
            let c = self.clazz(ch == cp('['))?;
            right = Some(union(right, c));
            ch = self.peek();
        }
        if st.has_bits {
            if st.prev.is_none() {
                st.prev = Some(Pred::Bits(st.bits));
                st.curr = Some(Pred::Bits(st.bits));
            } else {
                st.prev = Some(union(st.prev.take(), Pred::Bits(st.bits)));
            }
            st.has_bits = false;
        }
        if right.is_some() {
            st.curr = right.clone();
        }
        st.prev = match st.prev.take() {
            None => Some(right.ok_or(ErrKind::BadClassSyntax)?),
            Some(p) => Some(Pred::And(Box::new(p), st.curr.clone().map(Box::new))),
        };
        Ok(())
    }

    /// One class member at `ch`, or the end of the class (returns the class).
    fn class_item(
        &mut self,
        st: &mut ClassState,
        ch: u32,
        consume: bool,
        is_neg: bool,
    ) -> R<Option<Pred>> {
        if ch == 0 && self.cur >= self.len {
            return Err(ErrKind::UnclosedClass);
        }
        if ch == cp(']') && (st.prev.is_some() || st.has_bits) {
            if consume {
                self.next();
            }
            let mut p = match st.prev.take() {
                None => Pred::Bits(st.bits),
                Some(p) if st.has_bits => union(Some(p), Pred::Bits(st.bits)),
                Some(p) => p,
            };
            if is_neg {
                p = Pred::Not(Box::new(p));
            }
            return Ok(Some(p));
        }
        if ch == cp('~') && self.at(self.cur + 1) == cp('~') && self.prog.notes.class_op.is_none() {
            self.prog.notes.class_op = Some((
                Src {
                    start: self.cur,
                    end: self.cur + 2,
                },
                '~',
            ));
        }
        st.curr = self.range(st.bits)?;
        match &st.curr {
            None => st.has_bits = true,
            Some(c) => st.prev = Some(union(st.prev.take(), c.clone())),
        }
        Ok(None)
    }
}

/// The flag bits an inline flag letter sets or clears.
fn flag_bit(ch: u32) -> Option<u16> {
    Some(match char::from_u32(ch)? {
        'i' => CASE_INSENSITIVE,
        'm' => MULTILINE,
        's' => DOTALL,
        'd' => UNIX_LINES,
        'u' => UNICODE_CASE,
        'c' => CANON_EQ,
        'x' => COMMENTS,
        'U' => UNICODE_CHARACTER_CLASS | UNICODE_CASE,
        _ => return None,
    })
}

/// Java's `clazz` loop state.
struct ClassState {
    prev: Option<Pred>,
    curr: Option<Pred>,
    /// The class's shared Latin-1 set (index into [`Prog::bitsets`]).
    bits: usize,
    has_bits: bool,
}

fn union(a: Option<Pred>, b: Pred) -> Pred {
    match a {
        None => b,
        Some(Pred::Union(mut v)) => {
            v.push(b);
            Pred::Union(v)
        }
        Some(a) => Pred::Union(vec![a, b]),
    }
}

/// What kind of group `group_start` opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GroupKind {
    Capturing,
    Plain,
    Pos,
    Neg,
    Atomic,
    /// Look-behind; `true` when negative.
    Behind(bool),
}

struct GroupStart {
    head: Id,
    tail: Id,
    kind: GroupKind,
}

/// The few character names the preview knows (Java accepts every Unicode name).
fn char_by_name(name: &str) -> Option<u32> {
    let digits = [
        "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
    ];
    if let Some(l) = name.strip_prefix("LATIN SMALL LETTER ") {
        let c = l
            .chars()
            .next()
            .filter(|c| l.len() == 1 && c.is_ascii_uppercase())?;
        return Some(u32::from(c.to_ascii_lowercase()));
    }
    if let Some(l) = name.strip_prefix("LATIN CAPITAL LETTER ") {
        let c = l
            .chars()
            .next()
            .filter(|c| l.len() == 1 && c.is_ascii_uppercase())?;
        return Some(u32::from(c));
    }
    if let Some(d) = name.strip_prefix("DIGIT ") {
        return digits
            .iter()
            .position(|x| *x == d)
            .map(|i| cp('0') + i as u32);
    }
    let named = [
        ("SPACE", ' '),
        ("HYPHEN-MINUS", '-'),
        ("FULL STOP", '.'),
        ("LOW LINE", '_'),
        ("SOLIDUS", '/'),
        ("COMMA", ','),
        ("COLON", ':'),
    ];
    named
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, c)| u32::from(*c))
}

/// Java's `study`: lengths and determinism of the chain starting at `id`.
pub(crate) fn study(prog: &Prog, mut id: Id, mut info: Info, depth: usize) -> Info {
    if depth > 4 * MAX_DEPTH {
        info.max_valid = false;
        info.det = false;
        return info;
    }
    let nx = |id: Id| prog.next.get(id).copied().unwrap_or(ACCEPT);
    loop {
        let Some(kind) = prog.kinds.get(id) else {
            return info;
        };
        match kind {
            Kind::Accept | Kind::LastAccept | Kind::LookBehindEnd | Kind::BranchConn => {
                return info;
            }
            Kind::Char(_) => {
                info.min = info.min.wrapping_add(1);
                info.max = info.max.wrapping_add(1);
            }
            Kind::Nfc(_) | Kind::Grapheme => {
                info.min = info.min.wrapping_add(1);
                info.det = false;
            }
            Kind::LineEnding => {
                info.min = info.min.wrapping_add(1);
                info.max = info.max.wrapping_add(2);
            }
            Kind::Slice(b, _) => {
                let n = b.len() as i32;
                info.min = info.min.wrapping_add(n);
                info.max = info.max.wrapping_add(n);
            }
            Kind::CharGreedy { cmin, .. } => {
                info.min = info.min.wrapping_add(*cmin);
                if info.max_valid {
                    info.max = info.max.wrapping_add(MAX_REPS);
                }
                info.det = false;
            }
            Kind::Ques { atom, q } => {
                if *q != Q::Independent {
                    let min = info.min;
                    info = study(prog, *atom, info, depth + 1);
                    info.min = min;
                    info.det = false;
                } else {
                    info = study(prog, *atom, info, depth + 1);
                }
            }
            Kind::Curly {
                atom, cmin, cmax, ..
            }
            | Kind::GroupCurly {
                atom, cmin, cmax, ..
            } => {
                let (min_l, max_l, max_v, detm) = (info.min, info.max, info.max_valid, info.det);
                let a = study(prog, *atom, Info::new(), depth + 1);
                let mut t = a.min.wrapping_mul(*cmin).wrapping_add(min_l);
                if t < min_l {
                    t = 0xFFF_FFFF;
                }
                info.min = t;
                info.max_valid = a.max_valid;
                info.max = a.max;
                if max_v && a.max_valid {
                    let t = a.max.wrapping_mul(*cmax).wrapping_add(max_l);
                    info.max = t;
                    if t < max_l {
                        info.max_valid = false;
                    }
                } else {
                    info.max_valid = false;
                }
                info.det = if a.det && cmin == cmax { detm } else { false };
            }
            Kind::Prolog { .. } | Kind::Loop { .. } => {
                info.max_valid = false;
                info.det = false;
                return info;
            }
            Kind::Branch { alts, conn } => {
                let (mut min_l, mut max_l, mut max_v) = (info.min, info.max, info.max_valid);
                let mut min2 = i32::MAX;
                let mut max2 = -1i32;
                for alt in alts {
                    let a = match alt {
                        Some(a) => study(prog, *a, Info::new(), depth + 1),
                        None => Info::new(),
                    };
                    min2 = min2.min(a.min);
                    max2 = max2.max(a.max);
                    max_v &= a.max_valid;
                }
                min_l = min_l.wrapping_add(min2);
                max_l = max_l.wrapping_add(max2);
                let mut rest = study(prog, nx(*conn), Info::new(), depth + 1);
                rest.min = rest.min.wrapping_add(min_l);
                rest.max = rest.max.wrapping_add(max_l);
                rest.max_valid &= max_v;
                rest.det = false;
                return rest;
            }
            Kind::BackRef { .. } => info.max_valid = false,
            _ => {}
        }
        id = nx(id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> (ErrKind, i64) {
        match compile(p) {
            Ok(_) => (ErrKind::Internal, -99),
            Err(e) => (e.kind, e.java_index),
        }
    }

    #[test]
    fn indices_match_java() {
        assert_eq!(err("{"), (ErrKind::IllegalRepetition, 1));
        assert_eq!(err("a**"), (ErrKind::DanglingMeta('*'), 2));
        assert_eq!(err("a{2,1}"), (ErrKind::IllegalRepetitionRange, 5));
        assert_eq!(err("a{99999999999}"), (ErrKind::IllegalRepetitionRange, 11));
        assert_eq!(err("a\\"), (ErrKind::Internal, 2));
        assert_eq!(err("(?<=(?:ab)+)c"), (ErrKind::LookBehindUnbounded, 10));
        assert_eq!(err("[a--b]"), (ErrKind::IllegalRange, 3));
        assert_eq!(err("\\Qa\\E\\E"), (ErrKind::IllegalEscape, 2));
    }

    #[test]
    fn accepts_java_only_syntax() {
        for p in [
            "a{2}{3}", "{2}", "(?<=a*)b", "[a~~b]", "[a&&]", "\\0377", "(?c)a", "\\b{g}",
        ] {
            assert!(compile(p).is_ok(), "{p}");
        }
    }
}
