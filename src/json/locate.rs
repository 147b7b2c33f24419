//! Line and column for diagnostics, from their JSON Pointers, by scanning the text.
//!
//! The text has already been read by `serde_json`, so it is well-formed; this module only has to
//! find where a pointer's value (or key) starts. It walks the bytes, skipping the values it does
//! not need, and allocates nothing per value: building `jsonc-parser`'s syntax tree for the same
//! job took a quarter of a typical validation. Malformed input never panics: a pointer that cannot
//! be followed is placed at the last value reached.

use crate::diagnostics::{Diagnostic, Span};
use std::borrow::Cow;

/// Sets `line` and `column` on every diagnostic from its JSON Pointer (and span, for diagnostics
/// inside a string). A pointer that does not exist in the text (a missing field) is placed at the
/// nearest enclosing value that does.
pub fn locate(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().all(|d| d.line.is_some()) {
        return;
    }
    let bytes = text.as_bytes();
    let root = skip_ws(bytes, 0);
    let top = top_members(bytes, root);
    let mut offsets: Vec<(usize, usize)> = diagnostics
        .iter()
        .enumerate()
        .filter(|(_, d)| d.line.is_none())
        .map(|(i, d)| (find_offset(text, root, &top, &d.path, d.on_key, d.span), i))
        .collect();
    // One pass over the text in offset order: columns cost the distance walked, not the line.
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

/// One object member: its decoded key, where the key's quote is, and where its value starts.
struct Member<'a> {
    key: Cow<'a, str>,
    key_start: usize,
    value_start: usize,
}

/// The root object's members (empty when the root is not an object), so that placing many
/// top-level diagnostics scans the text once.
fn top_members(bytes: &[u8], root: usize) -> Vec<Member<'_>> {
    let mut out = Vec::new();
    members(bytes, root, |m| {
        out.push(m);
        false
    });
    out
}

/// Calls `visit` on each member of the object starting at `at`, until it returns true.
fn members<'a>(bytes: &'a [u8], at: usize, mut visit: impl FnMut(Member<'a>) -> bool) {
    if bytes.get(at) != Some(&b'{') {
        return;
    }
    let mut i = skip_ws(bytes, at + 1);
    while bytes.get(i) == Some(&b'"') {
        let key_end = string_end(bytes, i);
        let value_start = skip_ws(bytes, skip_ws(bytes, key_end) + 1);
        let key = decode_key(bytes.get(i..key_end).unwrap_or_default());
        if visit(Member {
            key,
            key_start: i,
            value_start,
        }) {
            return;
        }
        i = skip_ws(bytes, value_end(bytes, value_start));
        if bytes.get(i) != Some(&b',') {
            return;
        }
        i = skip_ws(bytes, i + 1);
    }
}

/// Walks the pointer down the text; returns the byte offset to report.
fn find_offset(
    text: &str,
    root: usize,
    top: &[Member<'_>],
    pointer: &str,
    on_key: bool,
    span: Option<Span>,
) -> usize {
    let bytes = text.as_bytes();
    let mut node = root;
    let mut key_start = None;
    for (depth, token) in pointer.split('/').skip(1).enumerate() {
        let token = unescape_token(token);
        let next = match bytes.get(node) {
            // The last of duplicate keys, as parsers keep.
            Some(b'{') if depth == 0 => top
                .iter()
                .rev()
                .find(|m| m.key == token)
                .map(|m| (Some(m.key_start), m.value_start)),
            Some(b'{') => {
                let mut found = None;
                members(bytes, node, |m| {
                    if m.key == token {
                        found = Some((Some(m.key_start), m.value_start));
                    }
                    false
                });
                found
            }
            Some(b'[') => token
                .parse::<usize>()
                .ok()
                .and_then(|n| element(bytes, node, n))
                .map(|v| (None, v)),
            _ => None,
        };
        match next {
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

/// The start of element `n` of the array starting at `at`.
fn element(bytes: &[u8], at: usize, n: usize) -> Option<usize> {
    let mut i = skip_ws(bytes, at + 1);
    if matches!(bytes.get(i), Some(b']') | None) {
        return None;
    }
    for _ in 0..n {
        i = skip_ws(bytes, value_end(bytes, i));
        if bytes.get(i) != Some(&b',') {
            return None;
        }
        i = skip_ws(bytes, i + 1);
    }
    Some(i)
}

fn unescape_token(token: &str) -> Cow<'_, str> {
    if token.contains('~') {
        Cow::Owned(token.replace("~1", "/").replace("~0", "~"))
    } else {
        Cow::Borrowed(token)
    }
}

/// A key literal (quotes included) as text; escapes are decoded by `serde_json`.
fn decode_key(literal: &[u8]) -> Cow<'_, str> {
    let inner = literal
        .get(1..literal.len().saturating_sub(1))
        .unwrap_or_default();
    match std::str::from_utf8(inner) {
        Ok(s) if !s.contains('\\') => Cow::Borrowed(s),
        _ => std::str::from_utf8(literal)
            .ok()
            .and_then(|l| serde_json::from_str::<String>(l).ok())
            .map_or(Cow::Borrowed(""), Cow::Owned),
    }
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

/// The byte offset of decoded character `char_index` inside the string literal spanning
/// `start..end` (quotes included), following JSON escapes (a surrogate pair is one character).
fn offset_in_string_literal(text: &str, start: usize, end: usize, char_index: usize) -> usize {
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
        for c in text.get(self.offset..offset).unwrap_or("").chars() {
            if c == '\n' {
                self.line += 1;
                self.column = 0;
            } else {
                self.column += c.len_utf16();
            }
        }
        self.offset = offset;
        (super::to_u32(self.line + 1), super::to_u32(self.column + 1))
    }
}
