//! A [`Report`] as a compact record for the JavaScript glue (`src/boundary.js`), which turns
//! it into the plain `{ok, diagnostics}` object `JSON.parse` would give for the report's JSON.
//!
//! The record is a list of 32-bit words and one text holding every string of the report, so the
//! strings cross the boundary in one decode and the structure in none (the glue reads the words
//! in place). Codes are indexes into [`code_table`], which crosses once per instance; strings are
//! ranges of UTF-16 code units into the text (what `String.prototype.slice` takes).
//!
//! Words: `ok` (0 or 1), the number of diagnostics, then for each diagnostic
//! - flags: the severity in bits 0-1 ([`SEVERITIES`]), then one bit per part present
//!   ([`CODE_AS_TEXT`], [`PARAMS`], [`SUGGESTION`], [`SPAN`], [`LINE`], [`COLUMN`]);
//! - the code: its index in the table, or a string for a code the catalogue does not list;
//! - the path and the message: a string each;
//! - the params: their count, then per param its name (a string), its kind ([`STRING`],
//!   [`NUMBER`]: an `f64` in two words, low then high; [`JSON`]: its JSON text) and its value;
//! - the suggestion (a string), the span (two numbers), the line and the column, where present.
//!
//! A string is two words: its first and its end unit. `tests/report_record.rs` holds the
//! glue's objects to `JSON.parse` of `serde_json::to_string` on every corpus payload.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use std::sync::OnceLock;

/// The severities in the order of their flag values (`SEVERITIES` in `src/boundary.js`).
pub const SEVERITIES: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

/// Flag: the code is a string, not an index into [`code_table`].
pub const CODE_AS_TEXT: u32 = 1 << 2;
/// Flag: params follow the message.
pub const PARAMS: u32 = 1 << 3;
/// Flag: a suggestion follows.
pub const SUGGESTION: u32 = 1 << 4;
/// Flag: a span follows.
pub const SPAN: u32 = 1 << 5;
/// Flag: a line follows.
pub const LINE: u32 = 1 << 6;
/// Flag: a column follows.
pub const COLUMN: u32 = 1 << 7;

/// Param kind: a string.
pub const STRING: u32 = 0;
/// Param kind: a number, as the `f64` `JSON.parse` reads its JSON text as.
pub const NUMBER: u32 = 1;
/// Param kind: any other value, as JSON text.
pub const JSON: u32 = 2;

/// A report as words and text (see the module documentation).
#[derive(Debug, Default)]
pub struct Record {
    /// The structure.
    pub words: Vec<u32>,
    /// Every string, one after the other.
    pub text: String,
    /// The length of `text` in UTF-16 code units.
    units: u32,
}

/// The catalogue's codes, one per line, in the order of the indexes a record gives them.
pub fn code_table() -> String {
    crate::catalogue()
        .iter()
        .map(|c| c.id)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The index of `code` in [`code_table`]. A scan, not a sorted search: a report holds a few
/// diagnostics, and the sort's code costs more bytes than the scan saves time.
fn code_index(code: &Code) -> Option<u32> {
    static CODES: OnceLock<Vec<&'static Code>> = OnceLock::new();
    let codes = CODES.get_or_init(crate::catalogue);
    // Most diagnostics hold the catalogue's own entry: its address finds it without reading the
    // text. A `const` may be copied where it is used, so a copy is still found by its id.
    let found = codes
        .iter()
        .position(|c| std::ptr::eq(*c, code))
        .or_else(|| codes.iter().position(|c| c.id == code.id))?;
    u32::try_from(found).ok()
}

impl Record {
    /// A number word: every number a record holds (positions, counts) is far below 2^32 under
    /// the input limits; one that is not would read as `u32::MAX`.
    fn number(&mut self, n: usize) {
        self.words.push(u32::try_from(n).unwrap_or(u32::MAX));
    }

    fn string(&mut self, s: &str) {
        let units = if s.is_ascii() {
            s.len()
        } else {
            s.chars().map(char::len_utf16).sum()
        };
        let start = self.units;
        self.units = start.saturating_add(u32::try_from(units).unwrap_or(u32::MAX));
        self.text.push_str(s);
        self.words.extend([start, self.units]);
    }

    fn diagnostic(&mut self, d: &Diagnostic) {
        let severity = SEVERITIES
            .iter()
            .position(|s| *s == d.severity)
            .unwrap_or(0);
        let code = code_index(d.code);
        let flags = [
            (code.is_none(), CODE_AS_TEXT),
            (!d.params.is_empty(), PARAMS),
            (d.suggestion.is_some(), SUGGESTION),
            (d.span.is_some(), SPAN),
            (d.line.is_some(), LINE),
            (d.column.is_some(), COLUMN),
        ]
        .iter()
        .filter(|(present, _)| *present)
        .fold(severity as u32, |flags, (_, flag)| flags | flag);
        self.words.push(flags);
        match code {
            Some(i) => self.words.push(i),
            None => self.string(d.code.id),
        }
        self.string(&d.path);
        self.string(&d.message);
        if !d.params.is_empty() {
            self.number(d.params.0.len());
            for (name, value) in &d.params.0 {
                self.string(name);
                self.param(value);
            }
        }
        if let Some(s) = &d.suggestion {
            self.string(s);
        }
        if let Some(span) = d.span {
            self.number(span.start);
            self.number(span.end);
        }
        self.words.extend(d.line);
        self.words.extend(d.column);
    }

    fn param(&mut self, value: &serde_json::Value) {
        match value {
            serde_json::Value::String(s) => {
                self.words.push(STRING);
                self.string(s);
            }
            serde_json::Value::Number(n) if n.as_f64().is_some() => {
                // serde_json writes an integer in decimal and a float in the shortest text that
                // reads back as itself; JSON.parse rounds either to the nearest f64, as `as_f64`.
                let bits = n.as_f64().unwrap_or_default().to_bits();
                #[allow(clippy::cast_possible_truncation)] // The two halves, on purpose.
                self.words
                    .extend([NUMBER, bits as u32, (bits >> 32) as u32]);
            }
            other => {
                self.words.push(JSON);
                self.string(&other.to_string());
            }
        }
    }
}

impl Report {
    /// The report as a compact record for the JavaScript glue (see [`crate::report_record`]).
    pub fn to_record(&self) -> Record {
        let mut record = Record {
            words: Vec::with_capacity(2 + 12 * self.diagnostics.len()),
            text: String::with_capacity(128 * self.diagnostics.len()),
            units: 0,
        };
        record.words.push(u32::from(self.ok));
        record.number(self.diagnostics.len());
        for d in &self.diagnostics {
            record.diagnostic(d);
        }
        record
    }
}
