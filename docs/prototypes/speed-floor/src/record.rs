//! The library's report record (`src/report_record.rs`, read by `src/boundary.js`), written
//! straight from a finding: words for the structure, one text for every string.

use std::sync::OnceLock;

/// Severity index of an error (`SEVERITIES` in `src/boundary.js`).
pub const ERROR: u32 = 0;
/// Severity index of information.
pub const INFO: u32 = 2;

// The record's flags (src/report_record.rs).
const SUGGESTION: u32 = 1 << 4;
const LINE: u32 = 1 << 6;
const COLUMN: u32 = 1 << 7;

/// One diagnostic of the prototype: what the library would report, in the record's terms.
pub struct Finding<'a> {
    /// An index of [`ERROR`], warning, [`INFO`].
    pub severity: u32,
    /// The catalogue's code.
    pub code: &'static str,
    /// The top-level key the diagnostic is about; its path is `/` and the key.
    pub key: &'a str,
    /// The message.
    pub message: &'static str,
    /// The suggestion, if any.
    pub suggestion: Option<&'static str>,
    /// The byte of the text it points at.
    pub at: u32,
}

/// A report's record: the words and the text `src/boundary.js`'s `report` reads.
pub struct Record {
    /// The structure.
    pub words: Vec<u32>,
    /// Every string, one after the other (ASCII here: bytes are UTF-16 units).
    pub text: String,
}

/// The record of a report with no diagnostic, or with `finding`'s.
pub fn record(finding: Option<&Finding<'_>>, text: &str) -> Record {
    let Some(f) = finding else {
        return Record {
            words: vec![1, 0],
            text: String::new(),
        };
    };
    let mut r = Record {
        words: Vec::with_capacity(16),
        text: String::with_capacity(128),
    };
    r.words.extend([u32::from(f.severity != ERROR), 1]);
    let flags = f.severity | LINE | COLUMN | f.suggestion.map_or(0, |_| SUGGESTION);
    r.words.extend([flags, code_index(f.code)]);
    let start = r.mark();
    r.text.push('/');
    for c in f.key.chars() {
        match c {
            '~' => r.text.push_str("~0"),
            '/' => r.text.push_str("~1"),
            c => r.text.push(c),
        }
    }
    r.close(start);
    r.string(f.message);
    if let Some(s) = f.suggestion {
        r.string(s);
    }
    let (line, column) = line_column(text, f.at as usize);
    r.words.extend([line, column]);
    r
}

impl Record {
    fn mark(&self) -> u32 {
        units(&self.text)
    }

    fn close(&mut self, start: u32) {
        let end = self.mark();
        self.words.extend([start, end]);
    }

    fn string(&mut self, s: &str) {
        let start = self.mark();
        self.text.push_str(s);
        self.close(start);
    }
}

/// The length of `s` in UTF-16 code units.
fn units(s: &str) -> u32 {
    let n = if s.is_ascii() {
        s.len()
    } else {
        s.chars().map(char::len_utf16).sum()
    };
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The index of `code` in the catalogue (the code table that crosses once per instance).
fn code_index(code: &str) -> u32 {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    let ids = IDS.get_or_init(|| {
        jira_integration_payloads::catalogue()
            .iter()
            .map(|c| c.id)
            .collect()
    });
    let found = ids.iter().position(|id| *id == code).unwrap_or(0);
    u32::try_from(found).unwrap_or(0)
}

/// The 1-based line and UTF-16 column of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (u32, u32) {
    let before = text.get(..at).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let column = units(before.get(line_start..).unwrap_or("")) as usize + 1;
    (
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(column).unwrap_or(u32::MAX),
    )
}
