//! Java regular expressions (`tagsFilter`, `prHideFilter`) as JDK 17's
//! `java.util.regex.Pattern` judges them.
//!
//! [`check`] accepts exactly what `Pattern.compile` accepts (the differential test measures
//! this against the JDK) and reports Java's error position; it also warns about constructs
//! that mean something else in other engines and about catastrophic backtracking.
//! [`preview`] applies a pattern to a list of tag (or branch) names with Java's matching rules.
//!
//! Limits: patterns longer than [`MAX_PATTERN_CHARS`] UTF-16 units are rejected (the length limit
//! of the payload's other free-text fields), and groups or classes nested deeper than
//! [`MAX_NESTING`] are rejected before any recursion could exhaust the stack; Java itself
//! accepts both. A preview takes at most [`MAX_PREVIEW_NAMES`] names of at most
//! [`MAX_PREVIEW_NAME_CHARS`] characters and a fixed number of matching steps; past any of these
//! it answers `java-regex-preview-unavailable` with the reason.
//!
//! Design (clean room: written from the `Pattern` documentation, with error texts and indexes
//! measured on the JDK as a black box): `quote` expands `\Q…\E` as Java does before parsing;
//! `parse` (with `quantifier`, `flags`, `escape`, `class`, `lookbehind`) builds the syntax tree
//! of `ast` or an `error::Error`; `lint` walks the tree for warnings; `program` compiles it and
//! `vm` runs it with an explicit backtracking stack and a step budget.
//!
//! Matching semantics: a tag is kept (`tagsFilter`) or hidden (`prHideFilter`) when the
//! pattern is found anywhere in it (`Matcher.find()`). The vendor's examples give the same
//! results under `find()` and `matches()`; their anchors (`^…$`, `…+$`) only mean something
//! under `find()`. [`Preview::ambiguous`] lists the names for which `matches()` would decide
//! differently.

mod ast;
mod class;
mod error;
mod escape;
mod flags;
mod lint;
mod lookbehind;
mod parse;
mod program;
mod props;
mod quantifier;
mod quote;
mod tables;
mod vm;

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::memo::{Recent, memo};
use crate::values::is_blank;
use error::{Error, ErrorKind as ErrKind};
use parse::Parsed;
use program::Program;

/// Longest pattern accepted, in characters.
pub const MAX_PATTERN_CHARS: usize = parse::MAX_LEN;
/// Deepest nesting of groups and character classes accepted.
pub const MAX_NESTING: usize = parse::MAX_DEPTH;

/// `Pattern.compile` rejects the pattern.
pub const SYNTAX: Code = Code::new(
    "java-regex-syntax",
    Severity::Error,
    "The pattern is not a valid Java regular expression (java.util.regex.Pattern rejects it).",
);
/// Longer than [`MAX_PATTERN_CHARS`].
pub const TOO_LONG: Code = Code::new(
    "java-regex-too-long",
    Severity::Error,
    "The pattern is longer than 2000 characters.",
);
/// Nested deeper than [`MAX_NESTING`].
pub const TOO_DEEP: Code = Code::new(
    "java-regex-too-deep",
    Severity::Error,
    "Groups or character classes are nested more than 200 levels deep.",
);
/// Exponential backtracking is possible.
pub const CATASTROPHIC_BACKTRACKING: Code = Code::new(
    "java-regex-catastrophic-backtracking",
    Severity::Warning,
    "A repetition can match the same text in many ways, so Java may backtrack for a very long time.",
);
/// `(?U)` is not "ungreedy" in Java.
pub const UNICODE_FLAG: Code = Code::new(
    "java-regex-unicode-flag",
    Severity::Warning,
    "In Java, (?U) turns on Unicode character classes; it does not make quantifiers lazy.",
);
/// `\w \d \s` are ASCII-only in Java while the pattern works with non-ASCII text.
pub const ASCII_CLASS: Code = Code::new(
    "java-regex-ascii-class",
    Severity::Warning,
    "In Java, \\w, \\d and \\s match only ASCII characters unless (?U) is set.",
);
/// `--` or `~~` inside a class are literal characters in Java.
pub const CLASS_OPERATOR: Code = Code::new(
    "java-regex-class-operator",
    Severity::Warning,
    "Java has no -- (difference) or ~~ (symmetric difference) class operators; they are literal characters.",
);
/// `\N{…}` with a name this checker cannot confirm.
pub const UNVERIFIED_NAME: Code = Code::new(
    "java-regex-unverified-name",
    Severity::Warning,
    "A \\N{…} character name could not be verified here; Java rejects unknown names.",
);
/// The preview cannot be computed faithfully.
pub const PREVIEW_UNAVAILABLE: Code = Code::new(
    "java-regex-preview-unavailable",
    Severity::Info,
    "The preview is unavailable for this pattern or these names.",
);

/// Every code this module can emit.
pub const CODES: &[Code] = &[
    SYNTAX,
    TOO_LONG,
    TOO_DEEP,
    CATASTROPHIC_BACKTRACKING,
    UNICODE_FLAG,
    ASCII_CLASS,
    CLASS_OPERATOR,
    UNVERIFIED_NAME,
    PREVIEW_UNAVAILABLE,
];

/// Which field the preview is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Mode {
    /// `tagsFilter`: matching names are shown.
    Show,
    /// `prHideFilter`: matching names are hidden.
    Hide,
}

/// What a filter does to a list of names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Preview {
    /// The mode the preview was computed for.
    pub mode: Mode,
    /// Names still shown, in input order.
    pub shown: Vec<String>,
    /// Names filtered out, in input order.
    pub hidden: Vec<String>,
    /// Names for which whole-string matching (`Matcher.matches()`) would decide the other way.
    pub ambiguous: Vec<String>,
}

/// Steps the matcher may take over one whole preview (a step is an instruction or a
/// backtrack; about 10 ns each natively).
const PREVIEW_BUDGET: u64 = 1_000_000;
/// Most names one preview applies a filter to.
pub const MAX_PREVIEW_NAMES: usize = 10_000;
/// Longest name a preview applies a filter to, in characters.
pub const MAX_PREVIEW_NAME_CHARS: usize = 1_000;

/// A parsed pattern and its matching program.
struct Checked {
    parsed: Parsed,
    program: Program,
}

/// A remembered compilation, shared between the memo and its callers.
type Compiled = Rc<Result<Checked, Error>>;

thread_local! {
    static CACHE: RefCell<Recent<Result<Checked, Error>>> = const { RefCell::new(Recent::new(8)) };
}

/// Compiles `pattern`, reusing a recent result (re-validation on every keystroke).
fn compiled(pattern: &str) -> Compiled {
    memo(&CACHE, pattern, || {
        let parsed = parse::parse(pattern)?;
        let program = program::compile(&parsed);
        Ok(Checked { parsed, program })
    })
}

pub(crate) use crate::text::snippet;

/// The character at code-point index `i`.
fn char_at(pattern: &str, i: usize) -> Option<char> {
    pattern.chars().nth(i)
}

/// Maps a span of the quote-expanded pattern to the original pattern.
fn span_of(parsed: &Parsed, span: ast::Span) -> Span {
    let len = parsed.source.original_len;
    let start = parsed.source.original(span.start).min(len);
    let end = if span.end == 0 {
        start
    } else {
        parsed.source.original(span.end - 1) + 1
    };
    Span {
        start,
        end: end.clamp(start, len),
    }
}

/// The error message and suggestion for a rejected pattern.
fn describe(pattern: &str, e: &Error) -> (String, Option<String>) {
    let at = char_at(pattern, e.span.start);
    let (msg, suggestion): (String, Option<String>) = match &e.kind {
        ErrKind::TooLong => (format!("The pattern is longer than {MAX_PATTERN_CHARS} characters."), None),
        ErrKind::TooDeep => (format!("Groups or character classes are nested more than {MAX_NESTING} levels deep."), None),
        ErrKind::DanglingMeta(c) => (
            format!("'{c}' has nothing to repeat; escape it as \\{c} to match it literally."),
            None,
        ),
        ErrKind::UnclosedGroup => ("A group is opened with ( but never closed with ).".into(), None),
        ErrKind::UnmatchedClose => ("This ) closes a group that was never opened; escape it as \\) to match it literally.".into(), None),
        ErrKind::Internal if e.span.start >= pattern.chars().count() && pattern.ends_with('\\') => (
            "The pattern ends with a lone backslash; write \\\\ to match a backslash.".into(),
            None,
        ),
        ErrKind::Internal => ("Java cannot parse the pattern at this point.".into(), None),
        ErrKind::UnknownGroupType => ("Java has no (?$ or (?@ group.".into(), None),
        ErrKind::UnknownInlineModifier => {
            if at == Some('P') && pattern.contains("(?P<") {
                (
                    "Java names groups with (?<name>…), not (?P<name>…).".into(),
                    Some(pattern.replace("(?P<", "(?<")),
                )
            } else {
                ("Unknown group or inline flag; Java's flags are i, d, m, s, u, x, U and c.".into(), None)
            }
        }
        ErrKind::GroupNameStart => ("A group name must start with an ASCII letter.".into(), None),
        ErrKind::GroupNameEnd => (
            if at == Some('_') {
                "Java group names may contain only ASCII letters and digits, not '_'.".into()
            } else {
                "A group name must contain only ASCII letters and digits and end with '>'.".into()
            },
            None,
        ),
        ErrKind::DuplicateGroupName(n) => (format!("The group name <{}> is already used.", snippet(n)), None),
        ErrKind::UnknownGroupName(n) => (
            format!("\\k<{}> refers to a group that is not defined before it.", snippet(n)),
            None,
        ),
        ErrKind::KNotFollowedByLt => ("\\k must be followed by <name>.".into(), None),
        ErrKind::LookBehindUnbounded => (
            "Java needs a look-behind whose length has an obvious maximum (no back-references or repeated groups of several characters).".into(),
            None,
        ),
        ErrKind::IllegalRepetition => (
            "'{' does not start a repetition {n}, {n,} or {n,m}; escape it as \\{ to match it literally.".into(),
            None,
        ),
        ErrKind::IllegalRepetitionRange => (
            "The repetition bounds are out of order or larger than 2147483647.".into(),
            None,
        ),
        ErrKind::UnclosedCountedClosure => ("A repetition {n,m} is not closed with '}'.".into(), None),
        ErrKind::UnclosedClass => ("A character class is opened with [ but never closed with ].".into(), None),
        ErrKind::BadClassSyntax => ("The class intersection && has nothing on either side.".into(), None),
        ErrKind::IllegalRange => (
            if pattern.contains("--") {
                "The character range is reversed; note that Java has no -- class difference operator (use &&[^…]).".into()
            } else {
                "The character range is reversed (its end comes before its start).".into()
            },
            None,
        ),
        ErrKind::UnclosedFamily => ("\\p{…} is not closed with '}'.".into(), None),
        ErrKind::EmptyFamily => ("\\p{} names no property.".into(), None),
        ErrKind::UnknownProperty(n) => {
            let s = snippet(n);
            if props::for_script(n).is_some() {
                (
                    format!("Java has no property {s}; for the script write \\p{{Is{s}}}."),
                    Some(pattern.replace(&format!("{{{n}}}"), &format!("{{Is{n}}}"))),
                )
            } else if props::for_block(n).is_some() {
                (
                    format!("Java has no property {s}; for the block write \\p{{In{s}}}."),
                    Some(pattern.replace(&format!("{{{n}}}"), &format!("{{In{n}}}"))),
                )
            } else {
                (format!("Java knows no character property named {s}."), None)
            }
        }
        ErrKind::UnknownPropertyValue(k, v) => (
            format!("Java knows no property {}={}.", snippet(k), snippet(v)),
            None,
        ),
        ErrKind::IllegalEscape => {
            let esc = at.map(|c| format!("\\{c}")).unwrap_or_default();
            (format!("{esc} is not an escape sequence Java knows; write \\\\ for a literal backslash."), None)
        }
        ErrKind::IllegalOctal => ("\\0 must be followed by 1 to 3 octal digits.".into(), None),
        ErrKind::IllegalHex => ("\\x must be followed by two hex digits or {hex digits}.".into(), None),
        ErrKind::HexTooBig => ("The code point is above U+10FFFF.".into(), None),
        ErrKind::UnclosedHex => ("\\x{… is not closed with '}'.".into(), None),
        ErrKind::IllegalUnicode => ("\\u must be followed by four hex digits.".into(), None),
        ErrKind::IllegalControl => ("\\c must be followed by a character.".into(), None),
        ErrKind::IllegalCharName => ("\\N must be followed by {character name}.".into(), None),
        ErrKind::UnclosedCharName => ("\\N{… is not closed with '}'.".into(), None),
        ErrKind::UnknownCharName(n) => (format!("[{}] is not a Unicode character name.", snippet(n)), None),
    };
    (msg, suggestion)
}

/// The diagnostic for a rejected pattern.
fn error_diagnostic(pattern: &str, e: &Error) -> Diagnostic {
    let (mut message, suggestion) = describe(pattern, e);
    if !matches!(e.kind, ErrKind::TooLong | ErrKind::TooDeep) {
        message.push_str(&format!(" (Java: {}.)", e.kind.java_message()));
    }
    let code = match e.kind {
        ErrKind::TooLong => &TOO_LONG,
        ErrKind::TooDeep => &TOO_DEEP,
        _ => &SYNTAX,
    };
    let len = pattern.chars().count();
    let start = e.span.start.min(len);
    let mut d = Diagnostic::new(code, "", message).with_span(Span {
        start,
        end: (start + 1).min(len),
    });
    if code.id == SYNTAX.id {
        d = d.param("javaIndex", e.java_index);
    } else if code.id == TOO_LONG.id {
        d = d
            .param("limit", MAX_PATTERN_CHARS)
            .param("length", pattern.encode_utf16().count());
    } else {
        d = d.param("limit", MAX_NESTING);
    }
    if let Some(s) = suggestion {
        d = d.suggest(s);
    }
    d
}

/// Checks a `tagsFilter` / `prHideFilter` pattern as JDK 17's `Pattern.compile` would.
///
/// Returns an error when Java rejects the pattern (span at Java's error index, parameter
/// `javaIndex` = `PatternSyntaxException.getIndex()`), or warnings otherwise. A blank pattern
/// means "no filtering" and is not checked here.
pub fn check(pattern: &str) -> Vec<Diagnostic> {
    // The lints walk the whole program; a form revalidating on each keystroke reuses the answer.
    thread_local! {
        static CHECKED: RefCell<Recent<Vec<Diagnostic>>> = const { RefCell::new(Recent::new(8)) };
    }
    // The lints quote parts of the pattern, and a part cut out of a URL's credentials no longer
    // looks like one to the redaction at the boundary: the words come from the redacted pattern,
    // as for refspecs and API paths.
    memo(&CHECKED, pattern, || {
        super::checked_redacted(pattern, check_as_written)
    })
    .to_vec()
}

fn check_as_written(pattern: &str) -> Vec<Diagnostic> {
    #[cfg(test)]
    tests::CHECKS.with(|c| c.set(c.get() + 1));
    match compiled(pattern).as_ref() {
        Err(e) => vec![error_diagnostic(pattern, e)],
        Ok(c) => lint::warnings(pattern, &c.parsed),
    }
}

/// The one diagnostic of a preview that cannot be computed, with its reason.
fn unavailable(reason: &str) -> Vec<Diagnostic> {
    vec![
        Diagnostic::new(
            &PREVIEW_UNAVAILABLE,
            "",
            format!("Cannot preview this filter exactly: {reason}."),
        )
        .param("reason", reason),
    ]
}

/// Applies the pattern to `tags` with Java's `Matcher.find()` semantics.
///
/// `Mode::Show` (`tagsFilter`) keeps matching names; `Mode::Hide` (`prHideFilter`) hides them.
/// A blank pattern (empty or only whitespace) filters nothing in either mode (R14).
/// Errors: the pattern's syntax errors, or one `java-regex-preview-unavailable` diagnostic when
/// the result cannot be computed exactly (Unicode data the checker does not carry, `\X`,
/// canonical equivalence, supplementary characters, or too much backtracking).
pub fn preview(pattern: &str, tags: &[String], mode: Mode) -> Result<Preview, Vec<Diagnostic>> {
    if is_blank(pattern) {
        return Ok(Preview {
            mode,
            shown: tags.to_vec(),
            hidden: Vec::new(),
            ambiguous: Vec::new(),
        });
    }
    let compiled = compiled(pattern);
    let checked = match compiled.as_ref() {
        Err(e) => return Err(vec![error_diagnostic(pattern, e)]),
        Ok(c) => c,
    };
    if let Some(reason) = pattern_unavailable(&checked.parsed) {
        return Err(unavailable(reason));
    }
    if tags.len() > MAX_PREVIEW_NAMES {
        return Err(unavailable(&format!(
            "too many names (more than {MAX_PREVIEW_NAMES})"
        )));
    }
    let mut budget = PREVIEW_BUDGET;
    let mut out = Preview {
        mode,
        shown: Vec::new(),
        hidden: Vec::new(),
        ambiguous: Vec::new(),
    };
    for tag in tags {
        if tag.chars().nth(MAX_PREVIEW_NAME_CHARS).is_some() {
            return Err(unavailable(&format!(
                "a name is longer than {MAX_PREVIEW_NAME_CHARS} characters"
            )));
        }
        let text: Vec<u32> = tag.chars().map(u32::from).collect();
        if text.iter().any(|&c| c > 0xffff) {
            return Err(unavailable(
                "a name contains characters outside the Basic Multilingual Plane",
            ));
        }
        let outcome = match vm::run(&checked.program, &text, &mut budget) {
            Ok(o) => o,
            Err(vm::Abort::Unavailable(what)) => {
                return Err(unavailable(&format!(
                    "{what} is not supported by the preview"
                )));
            }
            Err(vm::Abort::TooMuchWork) => {
                return Err(unavailable(
                    "too complex (too much work: the pattern backtracks too much)",
                ));
            }
        };
        let keep = outcome.find == (mode == Mode::Show);
        if keep {
            out.shown.push(tag.clone());
        } else {
            out.hidden.push(tag.clone());
        }
        if outcome.find != outcome.matches {
            out.ambiguous.push(tag.clone());
        }
    }
    Ok(out)
}

/// Why no text can be previewed with this pattern, if so.
fn pattern_unavailable(parsed: &Parsed) -> Option<&'static str> {
    if parsed.notes.canon_eq {
        Some("canonical equivalence (?c) is not supported")
    } else if parsed.notes.supplementary {
        Some("the pattern contains characters outside the Basic Multilingual Plane")
    } else if parsed.notes.empty_operand {
        Some(
            "a class has an && with nothing after it, which Java 17 evaluates inconsistently or fails on",
        )
    } else if !parsed.notes.unverified_names.is_empty() {
        Some("a \\N{…} character name cannot be resolved here")
    } else {
        None
    }
}

/// Java's verdict on `pattern` without warnings: `Ok(())` or `Err(getIndex())`.
///
/// For the differential test against the JDK.
#[cfg(test)]
pub fn java_verdict(pattern: &str) -> Result<(), i64> {
    match compiled(pattern).as_ref() {
        Ok(_) => Ok(()),
        Err(e) => Err(e.java_index),
    }
}

/// `(find(), matches())` of `pattern` on `text`, or `None` when not previewable.
///
/// For the differential test against the JDK.
#[cfg(test)]
pub fn java_match(pattern: &str, text: &str) -> Option<(bool, bool)> {
    let compiled = compiled(pattern);
    let checked = compiled.as_ref().as_ref().ok()?;
    if pattern_unavailable(&checked.parsed).is_some() {
        return None;
    }
    let t: Vec<u32> = text.chars().map(u32::from).collect();
    if t.iter().any(|&c| c > 0xffff) {
        return None;
    }
    let mut budget = PREVIEW_BUDGET / 10;
    vm::run(&checked.program, &t, &mut budget)
        .ok()
        .map(|o| (o.find, o.matches))
}

/// One pattern per property, script and block name in the built-in tables, each of which Java
/// must accept, and the ASCII membership the preview assumes for the `\\p{…}` ones.
///
/// For the differential test against the JDK.
#[cfg(test)]
pub fn table_patterns() -> Vec<String> {
    let mut out = Vec::new();
    for (name, _, _) in tables::PROPERTIES {
        out.push(format!("\\p{{{name}}}"));
        out.push(format!("(?i)\\p{{{name}}}"));
    }
    for (name, _, _) in tables::BINARY.iter().chain(tables::POSIX) {
        out.push(format!("\\p{{Is{name}}}"));
        out.push(format!("(?i)\\p{{Is{}}}", name.to_ascii_lowercase()));
    }
    for (name, _, _) in tables::POSIX {
        out.push(format!("(?U)\\p{{{}}}", name.to_ascii_lowercase()));
    }
    for (script, alias) in tables::scripts() {
        out.push(format!("\\p{{Is{script}}}"));
        out.push(format!("\\p{{script={}}}", alias.to_ascii_lowercase()));
    }
    for (block, canonical) in tables::blocks() {
        out.push(format!("\\p{{In{block}}}"));
        if !canonical.is_empty() {
            out.push(format!("\\p{{block={canonical}}}"));
            out.push(format!(
                "\\p{{In{}}}",
                canonical.replace(' ', "").to_ascii_lowercase()
            ));
        }
    }
    out
}

#[cfg(test)]
mod differential_tests;
#[cfg(test)]
mod tests;
