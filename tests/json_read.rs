//! The borrowing read (src/json/borrowed.rs, what `validate_json` reads with) against `parse`: on
//! every text of the fuzz seeds and corpora, the fixtures and the benchmark payloads, on texts
//! at the limits, and on generated JSON-ish texts, both accept the same texts, give the same
//! value (same keys in the same order) and the same diagnostics; and the spans are the bytes.
// proptest is a dev-dependency of native builds only (Cargo.toml).
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
#[path = "../benches/payloads/mod.rs"]
mod payloads;

use jira_integration_payloads::json_read::{Document, Kind, NodeId, parse, read};
use proptest::prelude::*;
use proptest::strategy::ValueTree;

/// `parse` and `read` agree on `text`; how many texts were accepted (0 or 1).
fn agree(text: &str) -> usize {
    match (parse(text), read(text)) {
        (Ok(parsed), Ok(doc)) => {
            let value = doc.to_value(doc.root());
            // `Value`'s equality ignores key order; the texts do not.
            assert_eq!(
                serde_json::to_string(&parsed.value).unwrap(),
                serde_json::to_string(&value).unwrap(),
                "values differ for {text:?}"
            );
            assert_eq!(parsed.diagnostics, doc.diagnostics, "for {text:?}");
            spans_are_the_bytes(&doc, doc.root());
            1
        }
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "for {text:?}");
            0
        }
        (a, b) => panic!(
            "parse {} and read {} {text:?}",
            if a.is_ok() { "accepts" } else { "refuses" },
            if b.is_ok() { "accepts" } else { "refuses" }
        ),
    }
}

/// Each node's span is its own text: re-reading it alone gives the same value, and a key's span
/// is the key's literal.
fn spans_are_the_bytes(doc: &Document<'_>, id: NodeId) {
    let node = doc.node(id).unwrap();
    let own = &doc.text()[node.span.start as usize..node.span.end as usize];
    let alone = serde_json::from_str::<serde_json::Value>(own).unwrap();
    assert_eq!(alone, doc.to_value(id), "span of {own:?}");
    match node.kind {
        Kind::Object(_) => {
            for m in doc.members(id) {
                let key = &doc.text()[m.key_span.start as usize..m.key_span.end as usize];
                assert_eq!(serde_json::from_str::<String>(key).unwrap(), m.key);
                spans_are_the_bytes(doc, m.value);
            }
        }
        Kind::Array(_) => doc
            .items(id)
            .iter()
            .for_each(|&i| spans_are_the_bytes(doc, i)),
        _ => {}
    }
}

#[test]
fn the_corpora_read_alike() {
    let texts = common::corpus_texts();
    let accepted: usize = texts.iter().map(|t| agree(t)).sum();
    // Many seeds are regexes, expressions and forms, not JSON; the payloads must take the fast path.
    assert!(accepted > 50, "{accepted} of {}", texts.len());
    let examples = payloads::gij_examples()
        .into_iter()
        .chain(payloads::xray_examples())
        .chain([payloads::worst_case()]);
    for example in examples {
        assert_eq!(agree(&example.text), 1);
    }
}

#[test]
fn the_limits_are_the_same() {
    for depth in [126, 127, 128, 129] {
        agree(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        agree(&format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ));
    }
    agree(&"[".repeat(100_000));
    let at_limit = format!(
        "\"{}\"",
        "a".repeat(jira_integration_payloads::MAX_TEXT_BYTES - 2)
    );
    assert_eq!(agree(&at_limit), 1);
    assert_eq!(agree(&format!("{at_limit} ")), 0);
    assert_eq!(agree(&format!("\u{feff}{at_limit}")), 1);
    assert_eq!(agree(&format!("\u{feff}\u{feff}{at_limit}")), 0);
}

/// Only the first byte order mark is dropped: a second one is the text's first character, and
/// the error is `parse`'s on the text as given (not on the text without both marks).
#[test]
fn a_second_byte_order_mark_is_refused_alike() {
    for text in ["{}", "{\"a\":}", "[1,]", "\u{feff}{}"] {
        assert_eq!(agree(&format!("\u{feff}\u{feff}{text}")), 0, "{text:?}");
    }
}

#[test]
fn numbers_strings_and_literals_are_read_alike() {
    let texts = [
        "0",
        "-0",
        "01",
        "-",
        "1.",
        ".5",
        "1e",
        "1E+2",
        "1e-400",
        "1e400",
        "-1.5e3",
        "18446744073709551615",
        "18446744073709551616",
        "9999999999999999999",
        "-9223372036854775808",
        "-9223372036854775809",
        "1234567890123456789012",
        "00",
        "[1,]",
        "[,1]",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{1:2}",
        "tru",
        "truex",
        "nul",
        "",
        " ",
        "\"\\u00e9\"",
        "\"\\ud83d\\ude00\"",
        "\"\\ud800\"",
        "\"\\udc00\"",
        "\"\\ud800x\"",
        "\"\\x\"",
        "\"a\tb\"",
        "\"\u{7f}\"",
        "\"\\\"\"",
        "\"\\",
        "\"abc",
        "[\"\\u00\"]",
        "{\"a\":1}\n\r\t ",
        "{\"a\":1} x",
        "\u{a0}1",
        "[1 2]",
        "{\"k\":{\"k\":1,\"k\":2}}",
    ];
    for text in texts {
        agree(text);
    }
}

#[test]
fn duplicates_are_reported_once_each_in_order_of_repetition() {
    let text = r#"{"b":1,"a":2,"b":3,"\u0061":4,"b":5,"c":{"c":1,"c":2}}"#;
    let doc = read(text).unwrap();
    let keys: Vec<_> = doc.diagnostics.iter().map(|d| d.path.clone()).collect();
    assert_eq!(keys, ["/b", "/a"]);
    assert_eq!(agree(text), 1);
    let last = doc.get(doc.root(), "b").unwrap();
    assert_eq!(doc.to_value(last), 5);
    let c = doc.get(doc.root(), "c").unwrap();
    assert_eq!(doc.to_value(doc.get(c, "c").unwrap()), 2);
    assert_eq!(doc.get(doc.root(), "z"), None);
}

#[test]
fn strings_without_escapes_are_borrowed_from_the_text() {
    let text = r#"{"host":"https://git.example.com","re":"a\\d"}"#;
    let doc = read(text).unwrap();
    let string = |key: &str| match &doc.node(doc.get(doc.root(), key).unwrap()).unwrap().kind {
        Kind::String(s) => s.clone(),
        _ => panic!("not a string"),
    };
    assert!(matches!(string("host"), std::borrow::Cow::Borrowed(_)));
    assert!(matches!(string("re"), std::borrow::Cow::Owned(s) if s == "a\\d"));
}

/// JSON-ish text: valid JSON pieces mixed with near misses (stray commas, bad numbers, escapes,
/// control characters, whitespace, repeated keys).
fn jsonish() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("null".to_string()),
        Just("true".to_string()),
        Just("fals".to_string()),
        "-?(0|[1-9][0-9]{0,22})(\\.[0-9]{0,3})?([eE][+-]?[0-9]{0,3})?",
        "\"([a-c]|\\\\[nu\"\\\\x]|\\\\u[0-9a-fA-F]{4}|\\\\ud[89ab][0-9a-f]{2}\\\\udc[0-9a-f]{2}|\t|é| ){0,6}\"?",
        Just(" ".to_string()),
        Just(",".to_string()),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(|v| format!("[{}]", v.join(","))),
            prop::collection::vec(
                (
                    prop_oneof![Just("a"), Just("b"), Just("\\u0061")],
                    inner.clone()
                ),
                0..5
            )
            .prop_map(|v| {
                let members: Vec<String> = v.iter().map(|(k, x)| format!("\"{k}\" :{x}")).collect();
                format!("{{ {} }}", members.join(","))
            }),
            (inner.clone(), inner).prop_map(|(a, b)| format!("{a}{b}")),
        ]
    })
}

#[test]
fn generated_texts_are_often_json() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let texts = jsonish();
    let accepted = (0..1000)
        .filter(|_| parse(&texts.new_tree(&mut runner).unwrap().current()).is_ok())
        .count();
    // Both the fast path and the cold one are exercised.
    assert!(
        (200..=900).contains(&accepted),
        "{accepted} of 1000 accepted"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]
    #[test]
    fn generated_texts_read_alike(text in jsonish(), pad in "[ \n]{0,2}") {
        agree(&format!("{pad}{text}{pad}"));
    }
}

#[test]
fn duplicates_among_many_keys_are_found_alike() {
    // Past the size up to which keys are compared pairwise, the reader hashes them.
    for n in [31, 32, 33, 100] {
        let members: Vec<String> = (0..n)
            .map(|i| format!("\"k{}\":{i}", [7, 3, 7, 3, 7][i % 5] * (i % 3)))
            .collect();
        let text = format!("{{{}}}", members.join(","));
        assert_eq!(agree(&text), 1);
        assert!(!read(&text).unwrap().diagnostics.is_empty());
    }
}
