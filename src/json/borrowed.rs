//! A borrowing read of a JSON text (issue 16): one pass that records every value's and key's
//! byte span into a flat arena, borrowing keys and strings from the text (owned only when they
//! hold escapes), without hashing (but for duplicate keys among more than [`COMPARE_MAX`]
//! top-level members). It accepts exactly the texts [`super::parse`] accepts, with the same
//! limits and the same duplicate-key findings (`tests/json_read.rs` holds the two together).
//! The validation of a JSON text reads the payload with it (`engine::validate_json`; the rules
//! read the arena through [`super::view::JsonRef`]); measurements: `docs/performance.md`.

use super::{MAX_TEXT_BYTES, duplicate_key, number_literal, string_literal, without_bom};
use crate::diagnostics::Diagnostic;
use serde_json::{Map, Number, Value};
use std::borrow::Cow;

/// The index of a value in a [`Document`]'s arena.
pub type NodeId = u32;

/// The deepest nesting serde_json (and so [`super::parse`]) reads: its recursion limit.
const MAX_DEPTH: usize = 128;

/// A byte range of the text (after its byte order mark, if it had one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    /// The first byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

/// A run of a container's members or items in the arena's lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    first: u32,
    len: u32,
}

/// What a value is, with a scalar's content. No `Debug`: strings may be secrets.
pub enum Kind<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as serde_json reads it (an integer when it fits, else a float).
    Number(Number),
    /// A string: borrowed from the text, owned only when it had escapes.
    String(Cow<'a, str>),
    /// An array: its items are [`Document::items`].
    Array(Run),
    /// An object: its members, in the text's order, are [`Document::members`].
    Object(Run),
}

/// One value of the text and where it is.
pub struct Node<'a> {
    /// What it is.
    pub kind: Kind<'a>,
    /// Its bytes in the text, quotes and brackets included.
    pub span: Span,
}

/// One `"key": value` of an object.
pub struct Member<'a> {
    /// The key, decoded.
    pub key: Cow<'a, str>,
    /// The key's bytes in the text, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: NodeId,
}

/// A JSON text read into an arena: nodes in document order (a container before its contents),
/// each container's members or items contiguous.
pub struct Document<'a> {
    text: &'a str,
    nodes: Vec<Node<'a>>,
    members: Vec<Member<'a>>,
    items: Vec<NodeId>,
    /// The duplicate keys of the top-level object, as [`super::parse`] reports them.
    pub diagnostics: Vec<Diagnostic>,
}

/// The reader stopped at this byte: the text is not JSON [`super::parse`] accepts.
struct Malformed(usize);

/// Reads `given` (after a byte order mark, if it has one). A malformed or too large text gets
/// exactly [`super::parse`]'s diagnostic, which that cold path computes.
#[allow(clippy::result_large_err)] // As `parse`: the diagnostic is returned to the caller as is.
pub fn read(given: &str) -> Result<Document<'_>, Diagnostic> {
    let text = without_bom(given);
    // `parse` drops the one mark itself: given `text`, it would drop a second.
    let fallback = |at: usize| match super::parse(given) {
        Err(d) => d,
        Ok(_) => super::malformed_at(text, at),
    };
    if text.len() > MAX_TEXT_BYTES {
        return Err(fallback(0));
    }
    let mut reader = Reader::new(text);
    match reader.document() {
        Ok(()) => Ok(reader.finish()),
        Err(Malformed(at)) => Err(fallback(at)),
    }
}

impl<'a> Document<'a> {
    /// The text the spans index (without a byte order mark).
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The top-level value.
    pub fn root(&self) -> NodeId {
        0
    }

    /// The value `id`; `None` if there is none.
    pub fn node(&self, id: NodeId) -> Option<&Node<'a>> {
        self.nodes.get(id as usize)
    }

    /// The members of object `id`, in the text's order, duplicates included; empty if `id` is
    /// not an object.
    pub fn members(&self, id: NodeId) -> &[Member<'a>] {
        match self.node(id).map(|n| &n.kind) {
            Some(Kind::Object(run)) => run_of(&self.members, *run),
            _ => &[],
        }
    }

    /// The items of array `id`; empty if `id` is not an array.
    pub fn items(&self, id: NodeId) -> &[NodeId] {
        match self.node(id).map(|n| &n.kind) {
            Some(Kind::Array(run)) => run_of(&self.items, *run),
            _ => &[],
        }
    }

    /// The value of `key` in object `id`: the last occurrence, as the server reads it.
    pub fn get(&self, id: NodeId, key: &str) -> Option<NodeId> {
        let members = self.members(id);
        members
            .iter()
            .rev()
            .find_map(|m| super::same_key(&m.key, key).then_some(m.value))
    }

    /// Value `id` as the `serde_json::Value` [`super::parse`] gives: a key that repeats keeps
    /// its first place and its last value.
    pub fn to_value(&self, id: NodeId) -> Value {
        let Some(node) = self.node(id) else {
            return Value::Null;
        };
        match &node.kind {
            Kind::Null => Value::Null,
            Kind::Bool(b) => Value::Bool(*b),
            Kind::Number(n) => Value::Number(n.clone()),
            Kind::String(s) => Value::String(s.to_string()),
            Kind::Array(_) => self.items(id).iter().map(|&i| self.to_value(i)).collect(),
            Kind::Object(_) => {
                let mut map = Map::new();
                for m in self.members(id) {
                    map.insert(m.key.to_string(), self.to_value(m.value));
                }
                Value::Object(map)
            }
        }
    }
}

/// Moves a closing container's members or items, `open[mark..]`, to the end of `list`.
fn settle<T>(open: &mut Vec<T>, list: &mut Vec<T>, mark: usize) -> Run {
    let first = index(list.len());
    list.extend(open.drain(mark..));
    Run {
        first,
        len: index(list.len()) - first,
    }
}

fn run_of<T>(list: &[T], run: Run) -> &[T] {
    let first = run.first as usize;
    list.get(first..first + run.len as usize).unwrap_or(&[])
}

/// `n` as a 32-bit arena index; texts are at most 1 MiB, so every index and offset fits.
fn index(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node<'a>>,
    members: Vec<Member<'a>>,
    items: Vec<NodeId>,
    /// Members and items of the containers still open; each container moves its own to the
    /// arena when it closes, so that they are contiguous.
    open_members: Vec<Member<'a>>,
    open_items: Vec<NodeId>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Reader<'a> {
        // About one value per 12 bytes in the reference's examples: sized once, not regrown.
        let values = text.len() / 12 + 4;
        Reader {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            nodes: Vec::with_capacity(values),
            members: Vec::with_capacity(values),
            items: Vec::new(),
            // Room for a typical body's fields: growing from empty was 7 % of a read.
            open_members: Vec::with_capacity(16),
            open_items: Vec::new(),
        }
    }

    fn document(&mut self) -> Result<(), Malformed> {
        self.value(0)?;
        self.skip_space();
        if self.pos == self.bytes.len() {
            Ok(())
        } else {
            Err(Malformed(self.pos))
        }
    }

    fn finish(self) -> Document<'a> {
        let top = match self.nodes.first().map(|n| &n.kind) {
            Some(Kind::Object(run)) => run_of(&self.members, *run),
            _ => &[],
        };
        let diagnostics = repeated_keys(top).into_iter().map(duplicate_key).collect();
        Document {
            text: self.text,
            nodes: self.nodes,
            members: self.members,
            items: self.items,
            diagnostics,
        }
    }

    // Inlined: at opt-level "z" a call per byte cost more than the reading (callgrind).
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline(always)]
    fn skip_space(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    /// Skips space, then requires `byte`.
    fn expect(&mut self, byte: u8) -> Result<(), Malformed> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Malformed(self.pos))
        }
    }

    fn push(&mut self, kind: Kind<'a>, start: usize) -> NodeId {
        let id = index(self.nodes.len());
        let span = Span {
            start: index(start),
            end: index(self.pos),
        };
        self.nodes.push(Node { kind, span });
        id
    }

    fn value(&mut self, depth: usize) -> Result<NodeId, Malformed> {
        self.skip_space();
        let start = self.pos;
        match self.peek() {
            Some(b'{') => self.object(start, depth + 1),
            Some(b'[') => self.array(start, depth + 1),
            Some(b'"') => {
                let (s, _) = self.string()?;
                Ok(self.push(Kind::String(s), start))
            }
            Some(b't') => self.literal(b"true", Kind::Bool(true)),
            Some(b'f') => self.literal(b"false", Kind::Bool(false)),
            Some(b'n') => self.literal(b"null", Kind::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(Malformed(start)),
        }
    }

    fn literal(&mut self, word: &[u8], kind: Kind<'a>) -> Result<NodeId, Malformed> {
        let start = self.pos;
        if !self.bytes.get(start..).is_some_and(|b| b.starts_with(word)) {
            return Err(Malformed(start));
        }
        self.pos += word.len();
        Ok(self.push(kind, start))
    }

    /// Opens a container at `start`: checks the depth, and reserves its node.
    fn open(&mut self, start: usize, depth: usize) -> Result<NodeId, Malformed> {
        if depth >= MAX_DEPTH {
            return Err(Malformed(start));
        }
        self.pos += 1;
        Ok(self.push(Kind::Null, start))
    }

    /// Finishes container `id` (its closing bracket just read) with `kind`.
    fn close(&mut self, id: NodeId, kind: Kind<'a>) {
        if let Some(node) = self.nodes.get_mut(id as usize) {
            node.kind = kind;
            node.span.end = index(self.pos);
        }
    }

    /// Just after an opening bracket: `true`, with it read, if `close` follows (an empty
    /// container).
    fn closes_at_once(&mut self, close: u8) -> bool {
        self.skip_space();
        let empty = self.peek() == Some(close);
        self.pos += usize::from(empty);
        empty
    }

    /// After an item or member: `true` for a comma, `false` for `close`.
    fn next_or_close(&mut self, close: u8) -> Result<bool, Malformed> {
        self.skip_space();
        match self.peek() {
            Some(b',') => {
                self.pos += 1;
                Ok(true)
            }
            Some(b) if b == close => {
                self.pos += 1;
                Ok(false)
            }
            _ => Err(Malformed(self.pos)),
        }
    }

    fn object(&mut self, start: usize, depth: usize) -> Result<NodeId, Malformed> {
        let id = self.open(start, depth)?;
        let mark = self.open_members.len();
        let mut more = !self.closes_at_once(b'}');
        while more {
            self.expect(b'"')?;
            self.pos -= 1;
            let (key, key_span) = self.string()?;
            self.expect(b':')?;
            let value = self.value(depth)?;
            self.open_members.push(Member {
                key,
                key_span,
                value,
            });
            more = self.next_or_close(b'}')?;
        }
        let run = settle(&mut self.open_members, &mut self.members, mark);
        self.close(id, Kind::Object(run));
        Ok(id)
    }

    fn array(&mut self, start: usize, depth: usize) -> Result<NodeId, Malformed> {
        let id = self.open(start, depth)?;
        let mark = self.open_items.len();
        let mut more = !self.closes_at_once(b']');
        while more {
            let item = self.value(depth)?;
            self.open_items.push(item);
            more = self.next_or_close(b']')?;
        }
        let run = settle(&mut self.open_items, &mut self.items, mark);
        self.close(id, Kind::Array(run));
        Ok(id)
    }

    /// A string literal at the current `"`: borrowed when it has no escape; with one, decoded
    /// by serde_json, so that escapes and surrogates are read exactly as [`super::parse`] does.
    fn string(&mut self) -> Result<(Cow<'a, str>, Span), Malformed> {
        let start = self.pos;
        let mut at = start + 1;
        let mut escaped = false;
        loop {
            let rest = self.bytes.get(at..).unwrap_or(&[]);
            let stop = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            at += stop.ok_or(Malformed(self.bytes.len()))?;
            match self.bytes.get(at) {
                Some(b'"') => break,
                Some(b'\\') => {
                    escaped = true;
                    at += 2;
                }
                _ => return Err(Malformed(at)),
            }
        }
        self.pos = at + 1;
        let span = Span {
            start: index(start),
            end: index(self.pos),
        };
        let text = if escaped {
            let literal = self.text.get(start..self.pos).ok_or(Malformed(start))?;
            Cow::Owned(string_literal(literal).ok_or(Malformed(start))?)
        } else {
            Cow::Borrowed(self.text.get(start + 1..at).ok_or(Malformed(start))?)
        };
        Ok((text, span))
    }

    /// A number: a plain non-negative integer of up to 19 digits is read here; any other (a
    /// sign, a fraction, an exponent, more digits) by serde_json, which also refuses those out
    /// of a double's range, as [`super::parse`] does.
    fn number(&mut self) -> Result<NodeId, Malformed> {
        let start = self.pos;
        let negative = self.peek() == Some(b'-');
        self.pos += usize::from(negative);
        let digits_start = self.pos;
        let integral = self.digits();
        let length = self.pos - digits_start;
        let mut plain = !negative
            && length <= 19
            && (length == 1 || self.bytes.get(digits_start) != Some(&b'0'));
        if self.peek() == Some(b'.') {
            plain = false;
            self.pos += 1;
            self.digits();
        }
        if let Some(b'e' | b'E') = self.peek() {
            plain = false;
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.digits();
        }
        let number = if plain {
            Number::from(integral)
        } else {
            let literal = self.text.get(start..self.pos).ok_or(Malformed(start))?;
            number_literal(literal).ok_or(Malformed(start))?
        };
        Ok(self.push(Kind::Number(number), start))
    }

    /// Skips a run of digits; their value when there are at most 19 (more may wrap).
    fn digits(&mut self) -> u64 {
        let mut n: u64 = 0;
        while let Some(d @ b'0'..=b'9') = self.peek() {
            n = n.wrapping_mul(10).wrapping_add(u64::from(d - b'0'));
            self.pos += 1;
        }
        n
    }
}

/// Up to this many members, repeated keys are found by comparing each key with those before it;
/// above, with a hash map: only a top-level object larger than real bodies pays for hashing, and
/// the map's code is linked for serde_json's maps already (a sort was 2.1 KB gzip more wasm).
const COMPARE_MAX: usize = 32;

/// The keys that occur more than once among `members`, each once, in the order of their second
/// occurrence (as [`super::parse`] reports them).
fn repeated_keys<'m>(members: &'m [Member<'_>]) -> Vec<&'m str> {
    let key = |i: &u32| members.get(*i as usize).map_or("", |m| &*m.key);
    let seconds: Vec<u32> = if members.len() <= COMPARE_MAX {
        let earlier = |i: usize, k: &str| {
            let before = members.get(..i).unwrap_or(&[]);
            before.iter().filter(|m| super::same_key(&m.key, k)).count()
        };
        (1..members.len())
            .filter(|&i| earlier(i, key(&index(i))) == 1)
            .map(index)
            .collect()
    } else {
        seconds_by_hashing(members.len(), key)
    };
    seconds.iter().map(key).collect()
}

/// The indexes of the second occurrences of repeated keys among `n` members, ascending.
fn seconds_by_hashing<'m>(n: usize, key: impl Fn(&u32) -> &'m str) -> Vec<u32> {
    let mut seen = std::collections::HashMap::with_capacity(n);
    let mut seconds = Vec::new();
    for i in 0..index(n) {
        // `usize` counts: the map's instantiation is shared with the engine's and `locate_in`'s.
        let count = seen.entry(key(&i)).or_insert(0usize);
        *count = count.saturating_add(1);
        if *count == 2 {
            seconds.push(i);
        }
    }
    seconds
}
