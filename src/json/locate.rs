//! Line and column for diagnostics, from their JSON Pointers, by following each pointer through
//! the arena the text was read into ([`super::borrowed`]): a value's or key's byte span is where
//! it is, so the text is not scanned again. Counted after a byte order mark, as editors count.

use super::SCAN_MAX;
use super::borrowed::{Document, Kind, Member, NodeId};
use crate::diagnostics::{Diagnostic, Span};
use std::borrow::Cow;
use std::collections::HashMap;

#[cfg(test)]
pub use super::locate_scan::locate;

/// Sets `line` and `column` on every diagnostic without them from its JSON Pointer: at the
/// value's first byte, at its key's quote for a diagnostic `on_key`, inside a string at its
/// `span`'s character. The part of a pointer the document lacks (a missing field, an index past
/// the end, a path into a scalar) is placed at the deepest value that exists.
pub fn locate_in(doc: &Document<'_>, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.line.is_some()) {
        return;
    }
    let mut keys = KeyIndex {
        indexed: diagnostics.len() > DIRECT_MAX,
        objects: Vec::new(),
    };
    let offsets = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.line.is_none())
        .map(|(i, d)| (offset(doc, &mut keys, &d.path, d.on_key, d.span), i))
        .collect();
    set_positions(doc.text(), offsets, diagnostics);
}

/// Up to this many diagnostics, an object's members are searched, not hashed.
const DIRECT_MAX: usize = 8;

/// The members of the large objects that many pointers go through, by key (the place of the
/// last of a repeated key, as the reader's `get`): placing 10,000 diagnostics in one object
/// stays linear. Few objects are this large (a body), so they are listed, not hashed.
struct KeyIndex<'d> {
    indexed: bool,
    objects: Vec<(NodeId, HashMap<&'d str, usize>)>,
}

impl<'d> KeyIndex<'d> {
    /// The member `key` of object `id` (the last, if it repeats).
    fn member(&mut self, doc: &'d Document<'d>, id: NodeId, key: &str) -> Option<&'d Member<'d>> {
        let members = doc.members(id);
        if !self.indexed || members.len() <= SCAN_MAX {
            return members.iter().rev().find(|m| super::same_key(&m.key, key));
        }
        let at = match self.objects.iter().position(|(object, _)| *object == id) {
            Some(at) => at,
            None => {
                let by_key = members.iter().enumerate().map(|(i, m)| (&*m.key, i));
                self.objects.push((id, by_key.collect()));
                self.objects.len() - 1
            }
        };
        let (_, by_key) = self.objects.get(at)?;
        by_key.get(key).and_then(|&i| members.get(i))
    }
}

/// The byte offset to report for a pointer (see [`locate_in`]).
fn offset<'d>(
    doc: &'d Document<'d>,
    keys: &mut KeyIndex<'d>,
    pointer: &str,
    on_key: bool,
    span: Option<Span>,
) -> usize {
    let start = |id: NodeId| doc.node(id).map_or(0, |n| n.span.start as usize);
    let mut node = doc.root();
    let mut key_start = None;
    for token in pointer.split('/').skip(1) {
        let token = unescape_token(token);
        let child = match doc.node(node).map(|n| &n.kind) {
            Some(Kind::Object(_)) => keys
                .member(doc, node, &token)
                .map(|m| (Some(m.key_span.start as usize), m.value)),
            // An index as `usize::from_str` reads it, as the pointer's maker wrote it.
            Some(Kind::Array(_)) => token
                .parse::<usize>()
                .ok()
                .and_then(|i| doc.items(node).get(i))
                .map(|&v| (None, v)),
            _ => None,
        };
        match child {
            Some((key, value)) => {
                key_start = key;
                node = value;
            }
            None => return start(node),
        }
    }
    match (on_key, key_start, doc.node(node)) {
        (true, Some(key), _) => key,
        (_, _, Some(n)) if matches!(n.kind, Kind::String(_)) && span.is_some() => {
            let (from, to) = (n.span.start as usize, n.span.end as usize);
            offset_in_string_literal(doc.text(), from, to, span.map_or(0, |s| s.start))
        }
        _ => start(node),
    }
}

/// Sets the line and column of `diagnostics[i]` for each `(offset, i)`, in one pass over the
/// text in offset order: columns cost the distance walked, not the line.
pub(super) fn set_positions(
    text: &str,
    mut offsets: Vec<(usize, usize)>,
    diagnostics: &mut [Diagnostic],
) {
    offsets.sort_unstable();
    let mut cursor = Cursor::default();
    for (offset, i) in offsets {
        let (line, column) = cursor.advance(text, offset);
        if let Some(d) = diagnostics.get_mut(i) {
            d.line = Some(line);
            d.column = Some(column);
        }
    }
}

pub(super) fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// The byte offset of decoded character `char_index` inside the string literal spanning
/// `start..end` (quotes included), following JSON escapes (a surrogate pair is one character).
pub(super) fn offset_in_string_literal(
    text: &str,
    start: usize,
    end: usize,
    char_index: usize,
) -> usize {
    let Some(raw) = text.get(start + 1..end.saturating_sub(1)) else {
        return start;
    };
    let mut decoded = 0usize;
    let mut iter = raw.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if decoded == char_index {
            return start + 1 + i;
        }
        if c == '\\' {
            if let Some((_, 'u')) = iter.next() {
                {
                    let hex: String = (0..4).filter_map(|_| iter.next().map(|(_, h)| h)).collect();
                    let high = u16::from_str_radix(&hex, 16).unwrap_or(0);
                    // A high surrogate followed by `\uXXXX` is one character.
                    if (0xD800..0xDC00).contains(&high) && raw.get(i + 6..i + 8) == Some("\\u") {
                        for _ in 0..6 {
                            iter.next();
                        }
                    }
                }
            }
        }
        decoded += 1;
    }
    end.saturating_sub(1)
}

/// A forward-only position in a text: byte offset, 1-based line, UTF-16 column so far.
#[derive(Default)]
struct Cursor {
    offset: usize,
    line: usize,
    column: usize,
}

impl Cursor {
    /// Moves to `offset` (not before the current one) and returns its 1-based line and column.
    fn advance(&mut self, text: &str, offset: usize) -> (u32, u32) {
        let offset = offset.max(self.offset).min(text.len());
        // Bytes, not chars: a character is one UTF-16 unit, two from a 4-byte sequence on;
        // continuation bytes add nothing.
        for &b in text.as_bytes().get(self.offset..offset).unwrap_or_default() {
            if b == b'\n' {
                self.line += 1;
                self.column = 0;
            } else if b < 0x80 {
                self.column += 1;
            } else if b >= 0xf0 {
                self.column += 2;
            } else if b >= 0xc0 {
                self.column += 1;
            }
        }
        self.offset = offset;
        (super::to_u32(self.line + 1), super::to_u32(self.column + 1))
    }
}
