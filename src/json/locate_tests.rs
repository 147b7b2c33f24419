//! `json::locate` (the text scan) against `serde_json` as the oracle: for every JSON Pointer into
//! a generated document, in compact and pretty layouts, the reported line and column must be
//! where `serde_json` reads exactly the value the pointer names (or its key, for key
//! diagnostics); and `json::locate_in` (from the borrowed reader's spans) places every pointer,
//! missing ones included, where the scan does.
#![cfg(not(target_arch = "wasm32"))]
// Helpers outside #[test] functions unwrap and index too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::borrowed::read;
use super::{locate, locate_in};
use crate::diagnostics::{Code, Diagnostic, Severity, pointer_push};
use proptest::prelude::*;
use serde_json::{Value, json};

const C: Code = Code::new("c", Severity::Error, "c");

fn document() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        // Keys and strings with escapes, quotes, slashes, tildes and non-ASCII.
        "[a-c~/\"\\\\\n\u{e9}\u{20ac}\u{1F600} ]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::btree_map("[a-c~/\"\\\\\u{e9} ]{0,4}", inner, 0..5)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Every (pointer, value, is-member) in the document, root first.
fn pointers(v: &Value, base: &str, out: &mut Vec<(String, Value, bool)>, member: bool) {
    out.push((base.to_string(), v.clone(), member));
    match v {
        Value::Object(m) => m
            .iter()
            .for_each(|(k, c)| pointers(c, &pointer_push(base, k), out, true)),
        Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, c)| pointers(c, &pointer_push(base, &i.to_string()), out, false)),
        _ => {}
    }
}

/// The byte offset of a 1-based line and UTF-16 column.
fn offset_of(text: &str, line: u32, column: u32) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line as usize - 1)
        .map(str::len)
        .sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units + 1 == column as usize {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

fn first_value(text: &str) -> Value {
    serde_json::Deserializer::from_str(text)
        .into_iter::<Value>()
        .next()
        .unwrap()
        .unwrap()
}

fn check(text: &str, doc: &Value) {
    let mut all = Vec::new();
    pointers(doc, "", &mut all, false);
    let mut ds: Vec<Diagnostic> = all
        .iter()
        .map(|(p, _, _)| Diagnostic::new(&C, p.clone(), "m"))
        .collect();
    let mut keys: Vec<Diagnostic> = all
        .iter()
        .filter(|(_, _, member)| *member)
        .map(|(p, _, _)| Diagnostic::new(&C, p.clone(), "m").on_key())
        .collect();
    locate(text, &mut ds);
    locate(text, &mut keys);
    // Placed one at a time (read from the text, no index), each lands where the batch put it.
    for d in ds.iter().chain(&keys) {
        let mut alone = vec![Diagnostic::new(&C, d.path.clone(), "m")];
        alone[0].on_key = d.on_key;
        locate(text, &mut alone);
        assert_eq!(
            (alone[0].line, alone[0].column),
            (d.line, d.column),
            "{}",
            d.path
        );
    }
    // From the spans, every pointer (and a missing child of each, and each on its key) lands
    // where reading the text alone puts it.
    let mut hinted: Vec<Diagnostic> = all
        .iter()
        .flat_map(|(p, _, _)| [p.clone(), format!("{p}/zz"), format!("{p}/9/x")])
        .flat_map(|p| {
            [
                Diagnostic::new(&C, p.clone(), "m"),
                Diagnostic::new(&C, p, "m").on_key(),
            ]
        })
        .collect();
    let mut plain = hinted.clone();
    locate(text, &mut plain);
    locate_in(&read(text).unwrap(), &mut hinted);
    for (h, p) in hinted.iter().zip(&plain) {
        assert_eq!((h.line, h.column), (p.line, p.column), "{}", h.path);
    }
    for ((pointer, value, _), d) in all.iter().zip(&ds) {
        let at = offset_of(text, d.line.unwrap(), d.column.unwrap());
        assert_eq!(&first_value(&text[at..]), value, "{pointer} in {text}");
    }
    let members = all.iter().filter(|(_, _, m)| *m);
    for ((pointer, _, _), d) in members.zip(&keys) {
        let at = offset_of(text, d.line.unwrap(), d.column.unwrap());
        let key = pointer
            .rsplit('/')
            .next()
            .unwrap()
            .replace("~1", "/")
            .replace("~0", "~");
        assert_eq!(
            first_value(&text[at..]),
            Value::from(key),
            "{pointer} in {text}"
        );
    }
}

proptest! {
    #[test]
    fn every_pointer_lands_on_its_value(doc in document()) {
        check(&serde_json::to_string(&doc).unwrap(), &doc);
        check(&serde_json::to_string_pretty(&doc).unwrap(), &doc);
    }
}

#[test]
fn the_last_of_duplicate_keys_is_reported_at_every_depth() {
    let text = "{\"a\": 1, \"b\": {\"x\": 1, \"x\": [true, {\"y\": 2}]}, \"a\": 2}";
    let mut ds = vec![
        Diagnostic::new(&C, "/a", "m"),
        Diagnostic::new(&C, "/b/x/1/y", "m"),
    ];
    locate(text, &mut ds);
    assert_eq!(ds[0].column, Some(53));
    assert_eq!(ds[1].column, Some(42));
    assert_eq!(json!(2), first_value(&text[52..]));
    // From the spans (the reader keeps the last of duplicates, at every depth): the same.
    let doc = read(text).unwrap();
    let mut hinted = vec![
        Diagnostic::new(&C, "/a", "m"),
        Diagnostic::new(&C, "/b/x/1/y", "m"),
        Diagnostic::new(&C, "/b/x/1/z", "m"),
        Diagnostic::new(&C, "/a", "m").on_key(),
    ];
    locate_in(&doc, &mut hinted);
    assert_eq!(hinted[0].column, Some(53));
    assert_eq!(hinted[1].column, Some(42));
    assert_eq!(hinted[2].column, Some(36), "a missing key: its object");
    assert_eq!(hinted[3].column, Some(48), "the last key");
    // Enough diagnostics for the index: the same answers.
    let mut many: Vec<Diagnostic> = (0..10)
        .map(|i| Diagnostic::new(&C, if i % 2 == 0 { "/a" } else { "/b/x/1/y" }, "m"))
        .collect();
    let mut from_spans = many.clone();
    locate(text, &mut many);
    locate_in(&doc, &mut from_spans);
    for (i, (d, s)) in many.iter().zip(&from_spans).enumerate() {
        assert_eq!(d.column, Some(if i % 2 == 0 { 53 } else { 42 }));
        assert_eq!(s.column, d.column);
    }
}

#[test]
fn many_diagnostics_in_one_array_and_object_land_on_their_values_in_any_order() {
    let doc = json!({
        "list": (0..2_000).map(|i| json!({"i": i})).collect::<Vec<_>>(),
        "map": (0..2_000).map(|i| (format!("k{i}"), json!(i))).collect::<serde_json::Map<_, _>>(),
    });
    let text = serde_json::to_string_pretty(&doc).unwrap();
    // Out of order, so that an array read only as far as asked is resumed and reused.
    let order = (0..2_000).map(|i| (i * 7919) % 2_000);
    let mut ds: Vec<Diagnostic> = order
        .flat_map(|i| {
            [
                Diagnostic::new(&C, format!("/list/{i}/i"), "m"),
                Diagnostic::new(&C, format!("/map/k{i}"), "m"),
            ]
        })
        .collect();
    let mut from_spans = ds.clone();
    locate(&text, &mut ds);
    locate_in(&read(&text).unwrap(), &mut from_spans);
    for (d, s) in ds.iter().zip(&from_spans) {
        let at = offset_of(&text, d.line.unwrap(), d.column.unwrap());
        let expected = doc.pointer(&d.path).unwrap();
        assert_eq!(&first_value(&text[at..]), expected, "{}", d.path);
        assert_eq!((s.line, s.column), (d.line, d.column), "{}", d.path);
    }
}

#[test]
fn a_missing_path_is_placed_at_the_deepest_value_that_exists() {
    let text = "{\"a\": [10, 20]}";
    let mut ds = vec![
        Diagnostic::new(&C, "/a/5", "m"),
        Diagnostic::new(&C, "/a/1/deeper", "m"),
        Diagnostic::new(&C, "/nope/x", "m"),
    ];
    let mut from_spans = ds.clone();
    locate(text, &mut ds);
    locate_in(&read(text).unwrap(), &mut from_spans);
    for placed in [ds, from_spans] {
        let columns: Vec<_> = placed.iter().map(|d| d.column.unwrap()).collect();
        assert_eq!(columns, vec![7, 12, 1]);
    }
}

#[test]
fn malformed_text_is_placed_somewhere_without_panicking() {
    for text in [
        "",
        "{",
        "{\"a\"",
        "{\"a\": [1, ",
        "[\"\\",
        "{\"a\":}",
        "\u{e9}{",
    ] {
        let mut ds = vec![Diagnostic::new(&C, "/a/0/b", "m")];
        locate(text, &mut ds);
        assert!(ds[0].line.is_some());
    }
}
