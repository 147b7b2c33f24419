//! Value kinds shared by both APIs: what JSON type a field holds, its bounds, how a wrong type
//! is reported, and how loose form state becomes the value the API wants.

use crate::diagnostics::{Code, Diagnostic, field_pointer};
use crate::json::view::{JsonRef, Shape};
use serde::Serialize;
use serde_json::Value;

/// The JSON kind of a field's value, with its bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Kind {
    /// `true` or `false`.
    Boolean,
    /// A whole number in `min..=max`.
    Integer {
        /// Smallest accepted value.
        min: i64,
        /// Largest accepted value.
        max: i64,
    },
    /// Text of at most `max_chars` characters, counted as Java does (UTF-16 code units).
    String {
        /// Length limit in UTF-16 code units.
        #[serde(rename = "maxLength")]
        max_chars: usize,
    },
    /// A credential: text that is never echoed, trimmed or logged.
    Secret,
    /// One of a fixed list of strings.
    Enum {
        /// The accepted values.
        values: &'static [&'static str],
    },
    /// An array of Jira project ids (positive integers).
    ProjectIds,
}

/// A documented default value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Default {
    /// A boolean default.
    Bool(bool),
    /// A number default.
    Int(i64),
    /// An empty list.
    EmptyList([u8; 0]),
}

/// True when `s` is empty or only white space (what `str::trim` would leave empty), without
/// trimming: most values are rejected at their first character.
pub fn is_blank(s: &str) -> bool {
    s.chars().all(char::is_whitespace)
}

/// True when `s` starts or ends with white space (what `str::trim` would change).
pub fn is_padded(s: &str) -> bool {
    s.starts_with(char::is_whitespace) || s.ends_with(char::is_whitespace)
}

/// The whole number a JSON number stands for, however it is written (`2`, `2.0`, `1e4`), or
/// `None` when it has a fraction. Every integer field reads numbers through this, as Jackson
/// reads a whole-valued float into a Java `Integer` or `Long`; values beyond `i64` saturate
/// (every limit is far inside it).
pub fn whole_number(n: &serde_json::Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.as_u64().is_some() {
        return Some(i64::MAX);
    }
    n.as_f64()
        .filter(|f| f.is_finite() && f.fract() == 0.0)
        .map(|f| f as i64)
}

/// The JSON type's name, for messages (`"a string"`, `"an array"`, ...).
pub fn json_type_name<'a>(v: impl Into<JsonRef<'a>>) -> &'static str {
    match v.into().shape() {
        Shape::Null => "null",
        Shape::Bool(_) => "a boolean",
        Shape::Number(_) => "a number",
        Shape::String(_) => "a string",
        Shape::Array => "an array",
        Shape::Object => "an object",
    }
}

impl Kind {
    /// The JSON type the kind needs, for messages.
    pub fn expected(self) -> &'static str {
        match self {
            Kind::Boolean => "a boolean",
            Kind::Integer { .. } => "a number",
            Kind::String { .. } | Kind::Secret | Kind::Enum { .. } => "a string",
            Kind::ProjectIds => "an array of project ids",
        }
    }

    /// True when `value` has the kind's JSON type (bounds are other rules' business).
    pub fn accepts(self, value: &Value) -> bool {
        self.holds(JsonRef::Value(value))
    }

    /// [`Kind::accepts`] for a value read from a text or given as a `Value`.
    pub(crate) fn holds(self, value: JsonRef<'_>) -> bool {
        matches!(
            (self, value.shape()),
            (Kind::Boolean, Shape::Bool(_))
                | (Kind::Integer { .. }, Shape::Number(_))
                | (
                    Kind::String { .. } | Kind::Secret | Kind::Enum { .. },
                    Shape::String(_)
                )
                | (Kind::ProjectIds, Shape::Array)
        )
    }
}

/// The codes a payload's type check reports with (each API has its own).
pub struct TypeCodes {
    /// The value has the wrong JSON type.
    pub wrong_type: &'static Code,
    /// A text value is longer than its limit.
    pub too_long: &'static Code,
}

/// Checks one present value against its kind: the JSON type (with the likely intended value as
/// suggestion, never for secrets) and, for text, `max_chars` when given.
pub fn check_value(
    name: &str,
    kind: Kind,
    value: JsonRef<'_>,
    max_chars: Option<usize>,
    codes: &TypeCodes,
) -> Option<Diagnostic> {
    if !kind.holds(value) {
        let (expected, found) = (kind.expected(), json_type_name(value));
        let mut d = Diagnostic::new(
            codes.wrong_type,
            field_pointer(name),
            format!("{name} must be {expected}, not {found}."),
        )
        .param("field", name.to_string())
        .param("expected", expected)
        .param("found", found);
        if kind != Kind::Secret {
            d.suggestion = type_suggestion(kind, value);
        }
        return Some(d);
    }
    let limit = max_chars?;
    // Java's `String.length()`: UTF-16 units, as the server and every field language count.
    let chars = value.as_str().map_or(0, |s| s.encode_utf16().count());
    (chars > limit).then(|| {
        Diagnostic::new(
            codes.too_long,
            field_pointer(name),
            format!("{name} is {chars} characters long; the limit is {limit}."),
        )
        .param("field", name.to_string())
        .param("limit", limit)
        .param("length", chars)
    })
}

/// What the author of a wrongly typed value most likely meant, as JSON text.
fn type_suggestion(kind: Kind, value: JsonRef<'_>) -> Option<String> {
    match (kind, value.shape()) {
        (Kind::Boolean, Shape::String(s)) => loose_bool(s).map(|b| b.to_string()),
        (Kind::Boolean, Shape::Number(n)) => match n.as_i64() {
            Some(1) => Some("true".into()),
            Some(0) => Some("false".into()),
            _ => None,
        },
        (Kind::Integer { .. }, Shape::String(s)) => {
            s.trim().parse::<i64>().ok().map(|n| n.to_string())
        }
        (Kind::String { .. } | Kind::Enum { .. }, Shape::Number(n)) => Some(format!("\"{n}\"")),
        (Kind::String { .. } | Kind::Enum { .. }, Shape::Bool(b)) => Some(format!("\"{b}\"")),
        (Kind::ProjectIds, Shape::Number(n)) => Some(format!("[{n}]")),
        (Kind::ProjectIds, Shape::String(s)) => {
            let ids: Option<Vec<u64>> = split_list(s).map(|p| p.parse::<u64>().ok()).collect();
            ids.filter(|v| !v.is_empty()).map(|v| {
                let parts: Vec<String> = v.iter().map(u64::to_string).collect();
                format!("[{}]", parts.join(", "))
            })
        }
        _ => None,
    }
}

/// A check-box or select value read as a boolean (`"on"`, `"yes"`, `"1"`, ...).
fn loose_bool(s: &str) -> Option<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "true" | "on" | "yes" | "1" | "checked" => Some(true),
        "false" | "off" | "no" | "0" => Some(false),
        _ => None,
    }
}

/// The items of a typed list such as `"10000, 10100 "`.
fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', ' ', '\n', '\t'])
        .filter(|p| !p.is_empty())
}

/// A form value as the API wants it; `None` for unset (`null`, `""`, blank text, a list of ids
/// with no id in it). Secrets are kept exactly as typed; other text is trimmed; check-box words,
/// numbers typed as text and typed id lists are converted. What cannot be converted is kept, for
/// validation to report.
pub fn normalise_form_value(kind: Kind, raw: &Value) -> Option<Value> {
    let value = converted_form_value(kind, raw)?;
    // `" , "`, `[null]`, `[]`: as blank as `""`, so an update keeps the list unless asked to clear.
    let no_ids = kind == Kind::ProjectIds && value.as_array().is_some_and(Vec::is_empty);
    (!no_ids).then_some(value)
}

/// [`normalise_form_value`] before a list of no ids is read as unset.
fn converted_form_value(kind: Kind, raw: &Value) -> Option<Value> {
    match (kind, raw) {
        (_, Value::Null) => None,
        (Kind::Secret, Value::String(s)) => (!s.is_empty()).then(|| raw.clone()),
        (_, Value::String(s)) if s.trim().is_empty() => None,
        (Kind::Boolean, Value::String(s)) => {
            Some(loose_bool(s).map_or_else(|| raw.clone(), Value::Bool))
        }
        (Kind::Integer { .. }, Value::String(s)) => {
            Some(number(s.trim()).unwrap_or_else(|| raw.clone()))
        }
        (Kind::Integer { .. }, Value::Number(n)) => Some(integral(n)),
        (Kind::String { .. } | Kind::Enum { .. }, Value::String(s)) => Some(Value::from(s.trim())),
        (Kind::ProjectIds, Value::String(s)) => Some(Value::Array(
            split_list(s)
                .map(|p| number(p).unwrap_or_else(|| Value::from(p)))
                .collect(),
        )),
        (Kind::ProjectIds, Value::Array(items)) => Some(Value::Array(
            items
                .iter()
                .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
                .map(|v| match v {
                    Value::String(s) => number(s.trim()).unwrap_or_else(|| v.clone()),
                    Value::Number(n) => integral(n),
                    other => other.clone(),
                })
                .collect(),
        )),
        _ => Some(raw.clone()),
    }
}

/// A JavaScript number as `JSON.stringify` writes it and `serde_json` then reads it: whole
/// numbers within 2^53 as integers, larger whole numbers below 1e21 as the integer
/// `JSON.stringify` writes (shortest round-trip digits, then zeros) when it fits in 64 bits,
/// others as floats, NaN and infinities as `null`. Only the wasm layer reads JavaScript numbers.
#[cfg(any(test, all(target_arch = "wasm32", feature = "wasm")))]
pub fn js_number(n: f64) -> Value {
    const SAFE: f64 = 9_007_199_254_740_992.0;
    if n.fract() == 0.0 && n.abs() <= SAFE {
        return Value::from(n as i64);
    }
    let Some(number) = serde_json::Number::from_f64(n) else {
        return Value::Null;
    };
    if n.fract() == 0.0 && n.abs() < 1e21 {
        // serde_json's shortest digits, not `f64::to_string`: core's float formatting is code
        // nothing else in the wasm needs (its cost: docs/performance.md).
        let whole = whole_number_text(&number.to_string());
        if let Some(whole) = whole.as_deref().and_then(crate::json::number_literal) {
            return Value::Number(whole);
        }
    }
    Value::Number(number)
}

/// Shortest round-trip text of a whole number, as serde_json writes it (`1.152921504606847e+18`,
/// `9007199254740994.0`), written out in full (`1152921504606847000`, `9007199254740994`), as
/// JavaScript writes whole numbers below 1e21.
#[cfg(any(test, all(target_arch = "wasm32", feature = "wasm")))]
fn whole_number_text(shortest: &str) -> Option<String> {
    let (sign, unsigned) = shortest
        .strip_prefix('-')
        .map_or(("", shortest), |rest| ("-", rest));
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, e.strip_prefix('+').unwrap_or(e).parse::<usize>().ok()?),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let frac = frac.trim_end_matches('0');
    let zeros = exponent.checked_sub(frac.len())?;
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return Some("0".to_owned());
    }
    Some(format!("{sign}{digits}{}", "0".repeat(zeros)))
}

/// `n` written as the integer it stands for when it is whole (`2.0`, `1e4` -> `2`, `10000`), as
/// every integer field reads it; otherwise as given, for validation to report.
fn integral(n: &serde_json::Number) -> Value {
    // Below 2^63 in magnitude, where `whole_number` is exact rather than saturated.
    let exact = n.as_f64().is_some_and(|f| f.abs() < 9.2e18);
    match whole_number(n) {
        Some(w) if n.is_f64() && exact => Value::from(w),
        _ => Value::Number(n.clone()),
    }
}

/// A JSON number from decimal text, if it is one, written as an integer when it is whole.
fn number(s: &str) -> Option<Value> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'-' | b'.' | b'e' | b'E' | b'+'))
    {
        return None;
    }
    crate::json::number_literal(s).map(|n| integral(&n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_and_padded_agree_with_trim() {
        let samples = [
            "",
            " ",
            "\t\n",
            "\u{a0}",
            "\u{2003}x",
            "x\u{3000}",
            "a",
            " a",
            "a ",
            " a b ",
            "a b",
            "é",
            "\u{200b}",
        ];
        for s in samples {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
            assert_eq!(is_padded(s), s.trim() != s, "{s:?}");
        }
    }

    /// `f64`'s `Display` writes whole numbers below 1e21 in full, as JavaScript does: the oracle.
    #[test]
    fn js_number_writes_whole_numbers_in_full() {
        // Bit patterns spread evenly over (2^53, 1e21), the range where the written-out integer
        // differs from the float, plus the edges.
        let (low, high) = (2f64.powi(53).to_bits(), 1e21f64.to_bits());
        let mut samples = vec![2f64.powi(53) + 2.0, 2f64.powi(64), 1e20, 1e21 - 131_072.0];
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            samples.push(f64::from_bits(low + x % (high - low)).trunc());
        }
        for n in samples.into_iter().flat_map(|n| [n, -n]) {
            let oracle = format!("{n}")
                .parse::<serde_json::Number>()
                .map_or(Value::Null, Value::Number);
            assert_eq!(js_number(n), oracle, "{n}");
        }
        assert_eq!(
            js_number(2f64.powi(53)),
            serde_json::json!(9_007_199_254_740_992_i64)
        );
        assert_eq!(js_number(-0.0), serde_json::json!(0));
        assert_eq!(js_number(0.5), serde_json::json!(0.5));
        assert_eq!(js_number(f64::NAN), Value::Null);
        assert_eq!(js_number(1e21), serde_json::json!(1e21));
    }
}
