//! A [`Report`] as JSON text, written directly: the same text as `serde_json::to_string`, for
//! the validators' hot path. Through serde every field name and value is a separate escaped
//! write; here the fixed parts are written as literals, which makes writing a typical result
//! several times cheaper (measured in `docs/performance.md`). `tests::same_text_as_serde` holds
//! the two to the same bytes.

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
    write_str(out, d.code.id);
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

fn push_number(out: &mut String, mut n: u64) {
    // Digits from the right into a buffer: `write!` goes through the formatting machinery, a
    // tenth of writing a result.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    for slot in digits.iter_mut().rev() {
        *slot = b'0' + (n % 10) as u8;
        start -= 1;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let written = digits.get(start..).unwrap_or_default();
    out.push_str(std::str::from_utf8(written).unwrap_or_default());
}

/// What a byte becomes inside a JSON string literal: 0 for itself, `u` for `\u00XX`, otherwise
/// the letter after the backslash (serde_json's table).
#[allow(clippy::indexing_slicing)] // Const-evaluated: an out-of-range index is a build error.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A JSON string literal with serde_json's escapes: `\"`, `\\`, the short forms of control
/// characters that have one, `\u00XX` for the others; everything else as is.
fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE.get(usize::from(b)).copied().unwrap_or(0);
        if escape == 0 {
            continue;
        }
        out.push_str(s.get(start..i).unwrap_or_default());
        out.push('\\');
        if escape == b'u' {
            out.push_str("u00");
            for digit in [b >> 4, b & 0xf] {
                out.push(char::from_digit(u32::from(digit), 16).unwrap_or('0'));
            }
        } else {
            out.push(char::from(escape));
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
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 99, 100, 4_294_967_295, u64::MAX] {
            let mut out = String::new();
            super::push_number(&mut out, n);
            assert_eq!(out, n.to_string());
        }
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
