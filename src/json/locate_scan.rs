//! The text scan that placed diagnostics before the validation read its payload into an arena
//! ([`super::locate_in`] places them from the arena's spans now): kept as the reference the
//! spans are tested against (`locate_tests.rs`). It walks the bytes, skipping the values it does
//! not need, and indexes only the containers pointers go through. Malformed input never panics:
//! a pointer that cannot be followed is placed at the last value reached.

use super::locate::{offset_in_string_literal, set_positions, unescape_token};
use crate::diagnostics::{Diagnostic, Span};
use std::borrow::Cow;
use std::collections::HashMap;

/// Sets `line` and `column` on every diagnostic from its JSON Pointer (and span, for diagnostics
/// inside a string), by scanning the text. A pointer that does not exist in the text (a missing
/// field) is placed at the nearest enclosing value that does.
pub fn locate(text: &str, diagnostics: &mut [Diagnostic]) {
    let root = skip_ws(text.as_bytes(), 0);
    // A few pointers are followed by reading the containers they go through; an index pays off
    // only when many pointers share containers.
    let mut index = Index {
        indexed: diagnostics.len() > DIRECT_MAX,
        ..Index::default()
    };
    let offsets = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.line.is_none())
        .map(|(i, d)| {
            (
                find_offset(text, root, &mut index, &d.path, d.on_key, d.span),
                i,
            )
        })
        .collect();
    set_positions(text, offsets, diagnostics);
}

/// One object member: its decoded key, where the key's quote is, and where its value starts.
struct Member<'a> {
    key: Cow<'a, str>,
    key_start: usize,
    value_start: usize,
}

/// The children of the containers that pointers go through, each container read once: placing
/// many diagnostics in one array or object (10,000 project ids) stays linear in the text.
#[derive(Default)]
struct Index<'a> {
    /// False: nothing is remembered, each step reads its container again.
    indexed: bool,
    containers: HashMap<usize, Children<'a>>,
}

/// Up to this many diagnostics are placed without an index.
const DIRECT_MAX: usize = 8;

/// An object's members by decoded key (the last of duplicates, as parsers keep), with where the
/// key's quote is and where the value starts; or an array's element starts, found as far as asked.
enum Children<'a> {
    Object(HashMap<Cow<'a, str>, (usize, usize)>),
    Array {
        /// The elements found so far; the last one's end is found only when the next is asked.
        starts: Vec<usize>,
        /// True once the last element is found.
        done: bool,
    },
    Other,
}

impl<'a> Index<'a> {
    /// The child of the value at `node` named by `token`: its key's offset (for a member) and
    /// the offset where its value starts.
    fn child(&mut self, text: &'a str, node: usize, token: &str) -> Option<(Option<usize>, usize)> {
        if !self.indexed {
            return direct_child(text, node, token);
        }
        let bytes = text.as_bytes();
        let children = self
            .containers
            .entry(node)
            .or_insert_with(|| Children::new(text, node));
        match children {
            Children::Object(map) => map.get(token).map(|&(k, v)| (Some(k), v)),
            Children::Array { starts, done } => {
                let n = token.parse::<usize>().ok()?;
                while starts.len() <= n && !*done {
                    match next_element(bytes, node, starts.last().copied()) {
                        Some(i) => starts.push(i),
                        None => *done = true,
                    }
                }
                starts.get(n).map(|&v| (None, v))
            }
            Children::Other => None,
        }
    }
}

/// The child of the value at `node` named by `token`, read from the text.
fn direct_child(text: &str, node: usize, token: &str) -> Option<(Option<usize>, usize)> {
    let bytes = text.as_bytes();
    match bytes.get(node) {
        Some(b'{') => {
            let mut found = None;
            members(text, node, |m| {
                if m.key == token {
                    found = Some((Some(m.key_start), m.value_start));
                }
            });
            found
        }
        Some(b'[') => {
            let n = token.parse::<usize>().ok()?;
            let first = next_element(bytes, node, None);
            std::iter::successors(first, |&at| next_element(bytes, node, Some(at)))
                .nth(n)
                .map(|v| (None, v))
        }
        _ => None,
    }
}

/// Where the element after the one starting at `prev` (the first, for `None`) of the array at
/// `node` starts; `None` after the last.
fn next_element(bytes: &[u8], node: usize, prev: Option<usize>) -> Option<usize> {
    match prev {
        None => {
            Some(skip_ws(bytes, node + 1)).filter(|&i| !matches!(bytes.get(i), Some(b']') | None))
        }
        Some(at) => {
            let after = skip_ws(bytes, value_end(bytes, at));
            (bytes.get(after) == Some(&b',')).then(|| skip_ws(bytes, after + 1))
        }
    }
}

impl<'a> Children<'a> {
    fn new(text: &'a str, at: usize) -> Children<'a> {
        match text.as_bytes().get(at) {
            Some(b'{') => {
                let mut map = HashMap::new();
                members(text, at, |m| {
                    map.insert(m.key, (m.key_start, m.value_start));
                });
                Children::Object(map)
            }
            Some(b'[') => Children::Array {
                starts: Vec::new(),
                done: false,
            },
            _ => Children::Other,
        }
    }
}

/// Calls `visit` on each member of the object starting at `at`.
fn members<'a>(text: &'a str, at: usize, mut visit: impl FnMut(Member<'a>)) {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'{') {
        return;
    }
    let mut i = skip_ws(bytes, at + 1);
    while bytes.get(i) == Some(&b'"') {
        let key_end = string_end(bytes, i);
        let value_start = skip_ws(bytes, skip_ws(bytes, key_end) + 1);
        let key = decode_key(text.get(i..key_end).unwrap_or_default());
        visit(Member {
            key,
            key_start: i,
            value_start,
        });
        i = skip_ws(bytes, value_end(bytes, value_start));
        if bytes.get(i) != Some(&b',') {
            return;
        }
        i = skip_ws(bytes, i + 1);
    }
}

/// Walks the pointer down the text; returns the byte offset to report.
fn find_offset<'a>(
    text: &'a str,
    root: usize,
    index: &mut Index<'a>,
    pointer: &str,
    on_key: bool,
    span: Option<Span>,
) -> usize {
    let bytes = text.as_bytes();
    let mut node = root;
    let mut key_start = None;
    for token in pointer.split('/').skip(1) {
        let token = unescape_token(token);
        match index.child(text, node, &token) {
            Some((k, v)) => {
                key_start = k;
                node = v;
            }
            // The rest of the path does not exist: report the enclosing value.
            None => return node,
        }
    }
    if on_key {
        if let Some(k) = key_start {
            return k;
        }
    }
    match (span, bytes.get(node)) {
        (Some(span), Some(b'"')) => {
            offset_in_string_literal(text, node, string_end(bytes, node), span.start)
        }
        _ => node,
    }
}

/// A key literal (quotes included) as text; escapes are decoded by `serde_json`.
fn decode_key(literal: &str) -> Cow<'_, str> {
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or_default();
    if !inner.as_bytes().contains(&b'\\') {
        return Cow::Borrowed(inner);
    }
    super::string_literal(literal).map_or(Cow::Borrowed(""), Cow::Owned)
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while matches!(bytes.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        i += 1;
    }
    i
}

/// The offset just past the string literal whose opening quote is at `at`.
fn string_end(bytes: &[u8], at: usize) -> usize {
    let mut i = at + 1;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => return i + 1,
            b'\\' => i += 2,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The offset just past the value starting at `at`. Containers are skipped by counting brackets
/// outside strings, without recursion.
fn value_end(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'"') => string_end(bytes, at),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = at;
            while let Some(&b) = bytes.get(i) {
                match b {
                    b'"' => {
                        i = string_end(bytes, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            bytes.len()
        }
        _ => {
            let mut i = at;
            while !matches!(
                bytes.get(i),
                None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
            ) {
                i += 1;
            }
            i
        }
    }
}
