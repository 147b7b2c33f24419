//! A [`Report`] as JSON text, written directly: the same text as `serde_json::to_string`, for
//! the validators' hot path. Through serde every field name and value is a separate escaped
//! write; here the fixed parts are written as literals, which made writing a typical result
//! three times cheaper (callgrind). `tests::same_text_as_serde` holds the two to the same bytes.

use crate::diagnostics::{Diagnostic, Report};

impl Report {
    /// The report as compact JSON, byte for byte what `serde_json::to_string(&report)` gives.
    pub fn to_json(&self) -> String {
        let mut out = String::with_capacity(32 + 256 * self.diagnostics.len());
        out.push_str(if self.ok {
            "{\"ok\":true,\"diagnostics\":["
        } else {
            "{\"ok\":false,\"diagnostics\":["
        });
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_diagnostic(&mut out, d);
        }
        out.push_str("]}");
        out
    }
}

fn write_diagnostic(out: &mut String, d: &Diagnostic) {
    out.push_str("{\"severity\":\"");
    out.push_str(d.severity.as_str());
    out.push_str("\",\"code\":");
    write_str(out, d.code);
    out.push_str(",\"path\":");
    write_str(out, &d.path);
    out.push_str(",\"message\":");
    write_str(out, &d.message);
    if !d.params.is_empty() {
        out.push_str(",\"params\":{");
        for (i, (name, value)) in d.params.0.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write_str(out, name);
            out.push(':');
            match value {
                serde_json::Value::String(s) => write_str(out, s),
                // Numbers, lists and the rest, as serde_json writes them.
                other => out.push_str(&other.to_string()),
            }
        }
        out.push('}');
    }
    if let Some(s) = &d.suggestion {
        out.push_str(",\"suggestion\":");
        write_str(out, s);
    }
    if let Some(span) = d.span {
        out.push_str(",\"span\":{\"start\":");
        push_number(out, span.start as u64);
        out.push_str(",\"end\":");
        push_number(out, span.end as u64);
        out.push('}');
    }
    if let Some(line) = d.line {
        out.push_str(",\"line\":");
        push_number(out, u64::from(line));
    }
    if let Some(column) = d.column {
        out.push_str(",\"column\":");
        push_number(out, u64::from(column));
    }
    out.push('}');
}

fn push_number(out: &mut String, n: u64) {
    use std::fmt::Write;
    let _ = write!(out, "{n}");
}

/// A JSON string literal with serde_json's escapes: `\"`, `\\`, the short forms of control
/// characters that have one, `\u00XX` for the others; everything else as is.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(s.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            for digit in [b >> 4, b & 0xf] {
                out.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
            }
        } else {
            out.push_str(short);
        }
        start = i + 1;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use crate::diagnostics::{Code, Diagnostic, Report, Severity, Span};
    use serde_json::json;

    const E: Code = Code::new("some-error", Severity::Error, "e");
    const W: Code = Code::new("some-warning", Severity::Warning, "w");
    const I: Code = Code::new("some-info", Severity::Info, "i");

    fn same(report: &Report) {
        assert_eq!(report.to_json(), serde_json::to_string(report).unwrap());
    }

    #[test]
    fn same_text_as_serde() {
        same(&Report::new(vec![]));
        let every_byte: String = (0u8..0x80).map(char::from).collect();
        let mut placed = Diagnostic::new(&W, "/a~1b/0", "quote \" backslash \\ é 😀 \u{7f}")
            .param("field", "origin")
            .param("limit", 2000)
            .param("ratio", 1.5)
            .param("list", json!(["a\"", 1, null, {"k": true}]))
            .suggest(every_byte.clone())
            .with_span(Span { start: 3, end: 9 });
        placed.line = Some(4);
        placed.column = Some(17);
        same(&Report::new(vec![
            Diagnostic::new(&E, "", every_byte),
            placed,
            Diagnostic::new(&I, "/x", "").suggest(""),
        ]));
    }

    #[test]
    fn same_text_as_serde_for_real_reports() {
        let texts = [
            r#"{"type": "GERRIT", "username": " u", "password": "p", "tagsFilter": "(", "apiFilter": "a[", "origin": "http://h:99999"}"#,
            r#"{"type": "GITHUB", "pat": "x", "projectMappingIds": [1, "x"], "global": true, "nope": 1}"#,
            r#"{"type": "GITHUB", "type": "GITHUB", "pat": "\u0001"}"#,
            "[1,",
        ];
        for t in texts {
            let r = crate::api::validate_integration_json(t, &json!({"operation": "add"}));
            assert!(!r.diagnostics.is_empty(), "{t}");
            same(&r);
        }
    }
}
