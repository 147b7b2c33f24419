//! JSON text: parsing with limits, syntax errors at their exact position, and line/column for
//! diagnostics.
//!
//! Parsing is two-speed. `serde_json` reads the text into a value (fast, with a recursion limit),
//! or [`borrowed`] into an arena with byte spans (the validation of a payload text); only when
//! the text is malformed does `jsonc-parser` parse it again, for the exact place and kind of the
//! first error. Diagnostics on a well-formed text are placed by [`locate_in`], from the spans
//! of the arena the text was read into.

use crate::diagnostics::{Code, Diagnostic, Severity};
use jsonc_parser::errors::ParseErrorKind;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::fmt;

pub mod borrowed;
mod locate;
#[cfg(test)]
mod locate_scan;
mod lookup;
pub mod view;
#[cfg(test)]
pub use locate::locate;
pub use locate::locate_in;
pub(crate) use lookup::{SCAN_MAX, same_key};

/// The largest JSON text accepted, in bytes. Real payloads are under 10 KB.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The text is not well-formed JSON.
pub const INVALID_JSON: Code = Code::new(
    "invalid-json",
    Severity::Error,
    "The text is not well-formed JSON; the diagnostic points at the first problem.",
);
/// The text is larger than [`MAX_TEXT_BYTES`].
pub const INPUT_TOO_LARGE: Code = Code::new(
    "input-too-large",
    Severity::Error,
    "The input is larger than the 1 MiB limit and was not read.",
);
/// The JSON nests deeper than the parser's limit.
pub const NESTING_TOO_DEEP: Code = Code::new(
    "nesting-too-deep",
    Severity::Error,
    "The JSON nests arrays or objects deeper than 128 levels.",
);
/// A key appears twice in one object.
pub const DUPLICATE_KEY: Code = Code::new(
    "duplicate-key",
    Severity::Warning,
    "A key appears twice in the body; the server keeps only the last value.",
);

/// The codes this module can emit.
pub const CODES: &[Code] = &[
    INVALID_JSON,
    INPUT_TOO_LARGE,
    NESTING_TOO_DEEP,
    DUPLICATE_KEY,
];

/// A parsed JSON text: the value and the problems found while reading it (duplicate keys).
/// Its `Debug` output masks secrets.
pub struct Parsed {
    /// The value; for duplicate keys, the last occurrence wins (as in Jackson and JavaScript).
    pub value: Value,
    /// Findings about the text itself.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Debug for Parsed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Parsed")
            .field("value", &crate::redact::redact(&self.value))
            .field("diagnostics", &self.diagnostics)
            .finish()
    }
}

/// `text` without a leading UTF-8 byte order mark, which editors on Windows write and the CLI
/// always dropped: every entry point reads a text with one as the text without it.
pub fn without_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a JSON text (after a byte order mark, if it has one). Errors are one diagnostic with
/// `line` and `column` set.
#[allow(clippy::result_large_err)] // Cold path; the diagnostic is returned to the caller as is.
pub fn parse(text: &str) -> Result<Parsed, Diagnostic> {
    let text = without_bom(text);
    if text.len() > MAX_TEXT_BYTES {
        return Err(too_large(text.len()));
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let top = TopLevel::deserialize_from(&mut de).and_then(|t| de.end().map(|()| t));
    match top {
        Ok(top) => {
            let diagnostics = top.duplicates.iter().map(|k| duplicate_key(k)).collect();
            Ok(Parsed {
                value: top.value,
                diagnostics,
            })
        }
        Err(err) => Err(syntax_error(text, &err)),
    }
}

/// The [`DUPLICATE_KEY`] finding for `key`, a key the top-level object repeats.
fn duplicate_key(key: &str) -> Diagnostic {
    let mut d = Diagnostic::new(
        &DUPLICATE_KEY,
        crate::diagnostics::field_pointer(key),
        format!(
            "The key \"{}\" appears more than once; only the last value counts.",
            crate::text::truncate(key, 40)
        ),
    )
    .param("key", key);
    d.on_key = true;
    d
}

/// An [`INVALID_JSON`] diagnostic at byte `offset`, for a text another reader refused but
/// serde_json accepted (a disagreement the differential tests hold at none).
fn malformed_at(text: &str, offset: usize) -> Diagnostic {
    let (line, column) = LineIndex::new(text).line_column(text, offset);
    let message = "the JSON is malformed.";
    let mut d = Diagnostic::new(
        &INVALID_JSON,
        "",
        format!("Line {line}, column {column}: {message}"),
    )
    .param("reason", message);
    d.line = Some(line);
    d.column = Some(column);
    d
}

/// The [`INPUT_TOO_LARGE`] diagnostic for an input of `size` bytes (at least: a JavaScript
/// string of `size` UTF-16 code units is that many bytes or more).
pub fn too_large(size: usize) -> Diagnostic {
    Diagnostic::new(
        &INPUT_TOO_LARGE,
        "",
        format!("The input is {size} bytes; the limit is {MAX_TEXT_BYTES} bytes."),
    )
    .param("limit", MAX_TEXT_BYTES)
    .param("size", size)
}

fn strict_options() -> jsonc_parser::ParseOptions {
    jsonc_parser::ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    }
}

/// Byte offsets of line starts, for 1-based line and UTF-16 column numbers.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    fn line_column(&self, text: &str, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = text
            .get(start..offset)
            .map(|s| s.encode_utf16().count())
            .unwrap_or(0);
        (to_u32(line), to_u32(column + 1))
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// One diagnostic for a malformed text, at the exact position, with a plain reason.
fn syntax_error(text: &str, serde_err: &serde_json::Error) -> Diagnostic {
    let lines = LineIndex::new(text);
    if serde_err.to_string().contains("recursion limit") {
        let (line, column) = (to_u32(serde_err.line()), to_u32(serde_err.column()));
        let mut d = Diagnostic::new(
            &NESTING_TOO_DEEP,
            "",
            "The JSON nests arrays or objects more than 128 levels deep.",
        )
        .param("limit", 128);
        d.line = Some(line);
        d.column = Some(column);
        return d;
    }
    let (offset, message, suggestion) =
        match jsonc_parser::parse_to_ast(text, &Default::default(), &strict_options()) {
            Err(e) => {
                let offset = e.range().start;
                let (message, suggestion) = explain(e.kind(), text, offset);
                (offset, message, suggestion)
            }
            // The two parsers disagree (e.g. a lone surrogate escape): trust serde_json's place.
            Ok(_) => {
                let offset = byte_offset_of(text, serde_err.line(), serde_err.column());
                (
                    offset,
                    format!("The JSON is malformed: {}.", serde_reason(serde_err)),
                    None,
                )
            }
        };
    let (line, column) = lines.line_column(text, offset);
    let mut d = Diagnostic::new(
        &INVALID_JSON,
        "",
        format!("Line {line}, column {column}: {message}"),
    )
    .param("reason", message);
    d.suggestion = suggestion;
    d.line = Some(line);
    d.column = Some(column);
    d
}

/// serde_json's reason without its " at line L column C" tail.
fn serde_reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.find(" at line ") {
        Some(i) => s.get(..i).unwrap_or(&s).to_string(),
        None => s,
    }
}

fn byte_offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    // serde_json's column counts bytes, 1-based, pointing at the last byte read.
    (start + column.saturating_sub(1)).min(text.len())
}

fn explain(kind: &ParseErrorKind, text: &str, offset: usize) -> (String, Option<String>) {
    let here = text.get(offset..).and_then(|s| s.chars().next());
    if let Some(c) = here {
        if matches!(
            c,
            '\u{201C}' | '\u{201D}' | '\u{2018}' | '\u{2019}' | '\u{00AB}' | '\u{00BB}'
        ) {
            return (
                format!(
                    "the typographic quote {c} is not a JSON quote (word processors and some web pages insert them)."
                ),
                Some("Replace typographic quotes with straight double quotes (\").".into()),
            );
        }
    }
    use ParseErrorKind as K;
    let (m, s): (&str, Option<&str>) = match kind {
        K::TrailingCommasNotAllowed => (
            "a trailing comma before a closing bracket or brace is not allowed in JSON.",
            Some("Remove the comma after the last item."),
        ),
        K::CommentsNotAllowed => ("JSON has no comments.", Some("Remove the comment.")),
        K::SingleQuotedStringsNotAllowed => (
            "strings in JSON use double quotes, not single quotes.",
            Some("Replace the single quotes with double quotes (\")."),
        ),
        K::ExpectedColonAfterObjectKey => (
            "a colon (:) must follow the key.",
            Some("Add a colon between the key and its value."),
        ),
        K::ExpectedComma => (
            "a comma is missing between two items.",
            Some("Add a comma before this item."),
        ),
        K::ExpectedStringObjectProperty | K::UnexpectedWord
            if here.is_some_and(|c| c.is_alphabetic() || c == '_') =>
        {
            (
                "keys and text values must be in double quotes (or this word is not true, false or null).",
                Some("Put the word in double quotes."),
            )
        }
        K::ExpectedStringObjectProperty => ("an object key in double quotes was expected.", None),
        K::ExpectedObjectValue => ("a value was expected after the colon.", None),
        K::UnterminatedArray => (
            "the array is not closed with ].",
            Some("Add the missing ]."),
        ),
        K::UnterminatedObject => (
            "the object is not closed with }.",
            Some("Add the missing }."),
        ),
        K::MultipleRootJsonValues => (
            "there is more text after the end of the JSON value.",
            Some("Remove the extra text, or put the values in an array."),
        ),
        K::HexadecimalNumbersNotAllowed
        | K::UnaryPlusNumbersNotAllowed
        | K::BareDecimalPointNumbersNotAllowed
        | K::NonFiniteNumbersNotAllowed
        | K::ExpectedDigit
        | K::ExpectedDigitFollowingNegativeSign
        | K::ExpectedPlusMinusOrDigitInNumberLiteral => (
            "this is not a JSON number (JSON numbers are plain decimal, like 10000 or 1.5).",
            None,
        ),
        K::String(_) => (
            "the string is malformed (an unterminated string, a bad escape, or a raw control character).",
            None,
        ),
        K::NestingDepthExceeded => ("the JSON nests too deeply.", None),
        K::UnexpectedCloseBrace => ("this } has no matching {.", None),
        K::UnexpectedCloseBracket => ("this ] has no matching [.", None),
        K::UnexpectedColon => ("this colon is out of place.", None),
        K::UnexpectedComma => ("this comma is out of place.", None),
        _ => ("unexpected character.", None),
    };
    (m.to_string(), s.map(str::to_string))
}

/// The text a JSON string literal (quotes included) stands for; `None` if `literal` is not one.
///
/// Read as a `Value`, not as a `String`: a typed read links serde's type-mismatch messages and
/// with them core's float formatting, which nothing else in the wasm needs (its cost:
/// `docs/performance.md`).
pub fn string_literal(literal: &str) -> Option<String> {
    match serde_json::from_str(literal) {
        Ok(Value::String(s)) => Some(s),
        _ => None,
    }
}

/// A JSON number from its text; `None` if `text` is not one. Read as a `Value` for the reason
/// [`string_literal`] gives.
pub fn number_literal(text: &str) -> Option<serde_json::Number> {
    match serde_json::from_str(text) {
        Ok(Value::Number(n)) => Some(n),
        _ => None,
    }
}

/// The top-level value, with the keys of the top-level object that occur more than once.
struct TopLevel {
    value: Value,
    duplicates: Vec<String>,
}

impl TopLevel {
    fn deserialize_from<'de, D: Deserializer<'de>>(d: D) -> Result<TopLevel, D::Error> {
        d.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<TopLevel, A::Error> {
        // Room for a typical body's fields: growing the map from empty rehashed it three times.
        let mut map = Map::with_capacity(16);
        let mut duplicates = Vec::new();
        let mut reported = std::collections::HashSet::new();
        while let Some(key) = access.next_key::<String>()? {
            let value: Value = access.next_value()?;
            // Replacing keeps the first occurrence's place, as `Map::insert` does.
            match map.entry(key) {
                serde_json::map::Entry::Vacant(e) => {
                    e.insert(value);
                }
                serde_json::map::Entry::Occupied(mut e) => {
                    e.insert(value);
                    if reported.insert(e.key().clone()) {
                        duplicates.push(e.key().clone());
                    }
                }
            }
        }
        Ok(TopLevel {
            value: Value::Object(map),
            duplicates,
        })
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, access: A) -> Result<TopLevel, A::Error> {
        let v = de::Deserialize::deserialize(de::value::SeqAccessDeserializer::new(access))?;
        Ok(plain(v))
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<TopLevel, E> {
        Ok(plain(Value::Bool(v)))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<TopLevel, E> {
        Ok(plain(Value::from(v)))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<TopLevel, E> {
        Ok(plain(Value::from(v)))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<TopLevel, E> {
        Ok(plain(Value::from(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<TopLevel, E> {
        Ok(plain(Value::from(v)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<TopLevel, E> {
        Ok(plain(Value::Null))
    }
}

fn plain(value: Value) -> TopLevel {
    TopLevel {
        value,
        duplicates: Vec::new(),
    }
}

#[cfg(test)]
mod locate_tests;

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;

    fn err(text: &str) -> Diagnostic {
        parse(text).unwrap_err()
    }

    #[test]
    fn valid_text_parses_without_diagnostics() {
        let p = parse(r#"{"type": "GITHUB", "projectMappingIds": [1, 2]}"#).unwrap();
        assert_eq!(p.value["type"], "GITHUB");
        assert!(p.diagnostics.is_empty());
    }

    #[test]
    fn trailing_comma_is_reported_at_the_comma() {
        let d = err("{\n  \"global\": false,\n  \"id\": 1,\n}");
        assert_eq!(d.code, "invalid-json");
        assert_eq!((d.line, d.column), (Some(3), Some(10)));
        assert!(d.suggestion.unwrap().contains("Remove the comma"));
    }

    #[test]
    fn typographic_quotes_are_explained() {
        let d = err("{\"type\": \"GITHUB\", \u{201C}projectMappingIds\u{201D}: [10000,10100]}");
        assert_eq!((d.line, d.column), (Some(1), Some(20)));
        assert!(d.message.contains("typographic"));
        assert!(d.suggestion.unwrap().contains("straight"));
    }

    #[test]
    fn columns_count_utf16_units() {
        let d = err("{\"a\": \"\u{1F600}\" \"b\": 1}");
        // The emoji is two UTF-16 units: the missing comma belongs after `{"a": "😀"` (10 units).
        assert_eq!(d.column, Some(11));
    }

    #[test]
    fn deep_nesting_is_a_diagnostic_not_a_crash() {
        let text = "[".repeat(100_000);
        assert_eq!(err(&text).code, "nesting-too-deep");
    }

    #[test]
    fn huge_input_is_refused_before_parsing() {
        let text = format!("\"{}\"", "a".repeat(MAX_TEXT_BYTES));
        assert_eq!(err(&text).code, "input-too-large");
    }

    #[test]
    fn duplicate_top_level_keys_are_found_and_located() {
        let text = "{\"type\": \"GITHUB\",\n \"type\": \"GITLAB\"}";
        let mut p = parse(text).unwrap();
        assert_eq!(p.value["type"], "GITLAB");
        assert_eq!(p.diagnostics.len(), 1);
        locate(text, &mut p.diagnostics);
        assert_eq!(
            (p.diagnostics[0].line, p.diagnostics[0].column),
            (Some(2), Some(2))
        );
    }

    #[test]
    fn locate_follows_pointers_and_spans() {
        let text = "{\n \"a\": {\"b\": [1, \"x\\n\\u00e9yz\"]}\n}";
        const C: Code = Code::new("c", Severity::Error, "c");
        let mut ds = vec![
            Diagnostic::new(&C, "/a/b/1", "m").with_span(Span { start: 3, end: 4 }),
            Diagnostic::new(&C, "/a/missing", "m"),
            Diagnostic::new(&C, "", "m"),
        ];
        let mut from_spans = ds.clone();
        locate(text, &mut ds);
        locate_in(&borrowed::read(text).unwrap(), &mut from_spans);
        for ds in [ds, from_spans] {
            // `"x\n\u00e9yz"` starts at column 17; decoded char 3 ('y') is 1 + 1 + 2 + 6 bytes in.
            assert_eq!((ds[0].line, ds[0].column), (Some(2), Some(27)));
            assert_eq!((ds[1].line, ds[1].column), (Some(2), Some(7)));
            assert_eq!((ds[2].line, ds[2].column), (Some(1), Some(1)));
        }
    }
}
