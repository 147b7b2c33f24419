//! Diagnostics: what every check reports, and the catalogue of stable codes.
//!
//! A [`Diagnostic`] is a flat, serialisable record (garde's "path + error" report): a severity, a
//! stable kebab-case code, an RFC 6901 JSON Pointer to the offending value, a plain-English message
//! that never contains a secret, the values a translator needs (`params`), and a suggestion where
//! one exists. Codes are declared as [`Code`] constants next to the rule that emits them; the
//! crate-wide list is [`crate::catalogue`].

pub(crate) mod secret_text;

use serde::Serialize;
use std::fmt;

/// How serious a diagnostic is. `ok` in a result means "no `Error`".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The server rejects the payload, or it certainly does not do what was meant.
    Error,
    /// Accepted, but likely wrong, insecure or ignored.
    Warning,
    /// A recommendation from the vendor's documentation.
    Info,
}

impl Severity {
    /// The lowercase name used in JSON (`"error"`, `"warning"`, `"info"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One entry of the rule catalogue: a stable code, its fixed severity and a one-line summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    /// Stable kebab-case identifier, e.g. `missing-required-field`.
    pub id: &'static str,
    /// Severity of every diagnostic with this code.
    pub severity: Severity,
    /// What the code means, in one line (the README catalogue repeats it).
    pub summary: &'static str,
}

impl Code {
    /// Declares a catalogue entry (used by the `const` declarations beside each rule).
    pub const fn new(id: &'static str, severity: Severity, summary: &'static str) -> Code {
        Code {
            id,
            severity,
            summary,
        }
    }
}

/// A code equals its id, so `d.code == "unknown-field"` reads as it means.
impl PartialEq<str> for Code {
    fn eq(&self, id: &str) -> bool {
        self.id == id
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, id: &&str) -> bool {
        self.id == *id
    }
}

impl PartialEq<Code> for str {
    fn eq(&self, code: &Code) -> bool {
        self == code.id
    }
}

/// A code shows as its id, as in the JSON results.
impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id)
    }
}

/// Serialises a diagnostic's code as its id, the stable string of the JSON results.
fn serialize_code_id<S: serde::Serializer>(code: &&'static Code, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(code.id)
}

/// A half-open range of character (Unicode scalar) offsets inside a string field's value, used
/// for positions inside field languages (a JMESPath expression, a regex, a refspec list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    /// First character, 0-based.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// One problem or remark about a payload.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Diagnostic {
    /// Fixed per code.
    pub severity: Severity,
    /// The catalogue entry; serialised as its stable kebab-case id.
    #[serde(serialize_with = "serialize_code_id")]
    pub code: &'static Code,
    /// RFC 6901 JSON Pointer to the value concerned; `""` is the whole body.
    pub path: String,
    /// Plain English; never contains a secret value.
    pub message: String,
    /// Values a translator needs to rebuild the message (field names, limits, expected types).
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
    /// What to write instead, when there is one clear fix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Position inside the string value at `path` (field languages only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// 1-based line in the JSON text (text validation only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// 1-based column in the JSON text, counted in UTF-16 code units as editors and JS do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<u32>,
    /// Place the text position on the key rather than the value (unknown or misplaced keys).
    #[serde(skip)]
    pub on_key: bool,
}

/// Ordered name/value pairs attached to a diagnostic; serialises as a JSON object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(pub Vec<(&'static str, serde_json::Value)>);

impl Params {
    /// True when there are no parameters.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The value of parameter `name`, if present.
    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl Diagnostic {
    /// A diagnostic with `code`'s severity at `path`.
    pub fn new(
        code: &'static Code,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity: code.severity,
            code,
            path: path.into(),
            message: message.into(),
            params: Params::default(),
            suggestion: None,
            span: None,
            line: None,
            column: None,
            on_key: false,
        }
    }

    /// Marks the diagnostic as being about the key at `path`, not its value.
    pub fn on_key(mut self) -> Diagnostic {
        self.on_key = true;
        self
    }

    /// Adds a parameter.
    pub fn param(mut self, name: &'static str, value: impl Into<serde_json::Value>) -> Diagnostic {
        self.params.0.push((name, value.into()));
        self
    }

    /// Sets the suggestion.
    pub fn suggest(mut self, suggestion: impl Into<String>) -> Diagnostic {
        self.suggestion = Some(suggestion.into());
        self
    }

    /// Sets the position inside the string value.
    pub fn with_span(mut self, span: Span) -> Diagnostic {
        self.span = Some(span);
        self
    }

    /// Masks every secret in the texts the diagnostic shows: message, suggestion, the string
    /// params (at any depth) and the keys in its path. [`Report::new`] calls it on every
    /// diagnostic, so no rule can forget it; results built without a report call it too.
    pub fn redact(&mut self) {
        redact_in_place(&mut self.message);
        if let Some(s) = &mut self.suggestion {
            redact_in_place(s);
        }
        for (_, value) in &mut self.params.0 {
            redact_value_texts(value);
        }
        let path_has_secret = if self.path.contains('~') {
            !secret_text::secret_ranges(&unescape_token(&self.path)).is_empty()
        } else {
            !secret_text::secret_ranges(&self.path).is_empty()
        };
        if path_has_secret {
            let tokens: Vec<String> = self.path.split('/').skip(1).map(unescape_token).collect();
            let mut path = String::with_capacity(self.path.len());
            for token in &tokens {
                path = pointer_push(&path, &secret_text::redact_text(token));
            }
            self.path = path;
        }
    }
}

fn redact_in_place(s: &mut String) {
    if let std::borrow::Cow::Owned(redacted) = secret_text::redact_text(s) {
        *s = redacted;
    }
}

/// Masks secrets in every string inside `value` (object keys stay: they are field names).
pub(crate) fn redact_value_texts(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(s) => redact_in_place(s),
        serde_json::Value::Array(items) => items.iter_mut().for_each(redact_value_texts),
        serde_json::Value::Object(map) => map.values_mut().for_each(redact_value_texts),
        _ => {}
    }
}

fn unescape_token(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() {
            "(body)"
        } else {
            &self.path
        };
        if let (Some(line), Some(column)) = (self.line, self.column) {
            write!(f, "{line}:{column}: ")?;
        }
        write!(
            f,
            "{} [{}] {}: {}",
            self.severity.as_str(),
            self.code.id,
            path,
            self.message
        )?;
        if let Some(s) = &self.suggestion {
            write!(f, " (suggestion: {s})")?;
        }
        Ok(())
    }
}

/// The outcome of a validation: `ok` is true when no diagnostic is an error.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// No diagnostic has severity `error`.
    pub ok: bool,
    /// Every finding, in a stable order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// Builds a report, computing `ok`, with every diagnostic redacted ([`Diagnostic::redact`]).
    pub fn new(mut diagnostics: Vec<Diagnostic>) -> Report {
        diagnostics.iter_mut().for_each(Diagnostic::redact);
        let ok = !diagnostics.iter().any(|d| d.severity == Severity::Error);
        Report { ok, diagnostics }
    }

    /// The codes of all diagnostics, in order (handy in tests).
    pub fn codes(&self) -> Vec<&'static str> {
        self.diagnostics.iter().map(|d| d.code.id).collect()
    }
}

/// Appends one reference token to a JSON Pointer, escaping `~` and `/` per RFC 6901.
pub(crate) fn pointer_push(base: &str, token: &str) -> String {
    let mut out = String::with_capacity(base.len() + token.len() + 1);
    out.push_str(base);
    out.push('/');
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(token);
        return out;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
    out
}

/// The JSON Pointer of a top-level field.
pub(crate) fn field_pointer(name: &str) -> String {
    pointer_push("", name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        assert_eq!(pointer_push("", "a/b~c"), "/a~1b~0c");
        assert_eq!(pointer_push("/x", "0"), "/x/0");
    }

    #[test]
    fn reports_redact_every_text_of_every_diagnostic() {
        const W: Code = Code::new("w", Severity::Warning, "w");
        let d = Diagnostic::new(&W, pointer_push("/a", "https://u:pw@h"), "see //u:pw@h")
            .param(
                "excerpt",
                serde_json::json!(["x?token=pw", {"k": "u:pw@h.io:r"}]),
            )
            .suggest("https://h/#access_token=pw");
        let r = Report::new(vec![d]);
        let text = serde_json::to_string(&r).unwrap_or_default();
        assert!(!text.contains("pw"), "{text}");
        assert_eq!(r.diagnostics[0].path, "/a/https:~1~1u:[REDACTED]@h");
        let mut again = r.diagnostics[0].clone();
        again.redact();
        assert_eq!(again, r.diagnostics[0]);
    }

    #[test]
    fn a_code_is_stored_as_its_entry_and_serialised_as_its_id() {
        const W: Code = Code::new("w-code", Severity::Warning, "w");
        let d = Diagnostic::new(&W, "", "m");
        assert_eq!(d.code, &W);
        assert_eq!(d.code, "w-code");
        assert!(*"w-code" == *d.code && d.code != "other");
        let text = serde_json::to_string(&d).unwrap_or_default();
        assert_eq!(
            text,
            r#"{"severity":"warning","code":"w-code","path":"","message":"m"}"#
        );
        assert_eq!(d.to_string(), "warning [w-code] (body): m");
        assert_eq!(format!("{}", d.code), "w-code");
    }

    #[test]
    fn report_ok_ignores_warnings() {
        const W: Code = Code::new("w", Severity::Warning, "w");
        const E: Code = Code::new("e", Severity::Error, "e");
        assert!(Report::new(vec![Diagnostic::new(&W, "", "m")]).ok);
        assert!(!Report::new(vec![Diagnostic::new(&E, "", "m")]).ok);
    }
}
