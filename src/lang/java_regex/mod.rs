//! Java regular expressions (`tagsFilter`, `prHideFilter`) as JDK 17's
//! `java.util.regex.Pattern` judges them.
//!
//! [`check`] accepts exactly what `Pattern.compile` accepts (the differential test measures
//! this against the JDK) and reports Java's error position; it also warns about constructs
//! that mean something else in other engines and about catastrophic backtracking.
//! [`preview`] applies a pattern to a list of tag (or branch) names with Java's matching rules.
//!
//! Limits: patterns longer than [`MAX_PATTERN_CHARS`] characters are rejected (the length limit
//! of the payload's other free-text fields), and groups or classes nested deeper than
//! [`MAX_NESTING`] are rejected before any recursion could exhaust the stack; Java itself
//! accepts both.
//!
//! Matching semantics: a tag is kept (`tagsFilter`) or hidden (`prHideFilter`) when the
//! pattern is found anywhere in it (`Matcher.find()`). The vendor's examples give the same
//! results under `find()` and `matches()`; their anchors (`^…$`, `…+$`) only mean something
//! under `find()`. [`Preview::ambiguous`] lists the names for which `matches()` would decide
//! differently.

mod lint;
mod matcher;
mod parse;
mod props;
mod tables;

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::lang::recent::{Recent, memo};
use crate::values::is_blank;
use parse::{ErrKind, ParseError, Prog, Src};

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

/// Steps the matcher may take over one whole preview.
const PREVIEW_BUDGET: u64 = 2_000_000;
type Compiled = Rc<Result<Prog, ParseError>>;

thread_local! {
    static CACHE: RefCell<Recent<Result<Prog, ParseError>>> = const { RefCell::new(Recent::new(8)) };
}

/// Compiles `pattern`, reusing a recent result (re-validation on every keystroke).
fn compiled(pattern: &str) -> Compiled {
    memo(&CACHE, pattern, || parse::compile(pattern))
}

fn snippet(s: &str) -> String {
    crate::json::truncate(s, 40)
}

fn char_at(pattern: &str, i: usize) -> Option<char> {
    pattern.chars().nth(i)
}

fn span_of(prog: &Prog, src: Src) -> Span {
    let map = |i: usize| prog.origin.get(i).copied().unwrap_or(prog.pattern_chars);
    let start = map(src.start).min(prog.pattern_chars);
    let end = if src.end == 0 {
        start
    } else {
        map(src.end - 1) + 1
    };
    Span {
        start,
        end: end.clamp(start, prog.pattern_chars),
    }
}

/// The error message and suggestion for a rejected pattern.
fn describe(pattern: &str, e: &ParseError) -> (String, Option<String>) {
    let at = char_at(pattern, e.at);
    let (msg, suggestion): (String, Option<String>) = match &e.kind {
        ErrKind::TooLong => (format!("The pattern is longer than {MAX_PATTERN_CHARS} characters."), None),
        ErrKind::TooDeep => (format!("Groups or character classes are nested more than {MAX_NESTING} levels deep."), None),
        ErrKind::DanglingMeta(c) => (
            format!("'{c}' has nothing to repeat; escape it as \\{c} to match it literally."),
            None,
        ),
        ErrKind::UnclosedGroup => ("A group is opened with ( but never closed with ).".into(), None),
        ErrKind::UnmatchedClose => ("This ) closes a group that was never opened; escape it as \\) to match it literally.".into(), None),
        ErrKind::Internal if e.at >= pattern.chars().count() && pattern.ends_with('\\') => (
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

fn error_diagnostic(pattern: &str, e: &ParseError) -> Diagnostic {
    let (message, suggestion) = describe(pattern, e);
    let code = match e.kind {
        ErrKind::TooLong => &TOO_LONG,
        ErrKind::TooDeep => &TOO_DEEP,
        _ => &SYNTAX,
    };
    let len = pattern.chars().count();
    let start = e.at.min(len);
    let mut d = Diagnostic::new(code, "", message).with_span(Span {
        start,
        end: (start + 1).min(len),
    });
    if code.id == SYNTAX.id {
        d = d.param("javaIndex", e.java_index);
    } else if code.id == TOO_LONG.id {
        d = d.param("limit", MAX_PATTERN_CHARS).param("length", len);
    } else {
        d = d.param("limit", MAX_NESTING);
    }
    if let Some(s) = suggestion {
        d = d.suggest(s);
    }
    d
}

fn warnings(pattern: &str, prog: &Prog) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let notes = &prog.notes;
    let identity = prog.origin.len() == prog.pattern_chars
        && prog.origin.iter().enumerate().all(|(i, &o)| i == o);
    if let Some(c) = lint::catastrophic(prog) {
        let outer = span_of(prog, c.outer);
        let text: String = pattern
            .chars()
            .skip(outer.start)
            .take(outer.end - outer.start)
            .collect();
        let mut d = Diagnostic::new(
            &CATASTROPHIC_BACKTRACKING,
            "",
            format!(
                "{} can match the same text in many ways, so a name that does not match may take exponential time on the server (Java 8 always; newer Java when nested, bounded or used with back-references).",
                snippet(&text)
            ),
        )
        .with_span(outer);
        match c.inner {
            Some(inner) => {
                let inner = span_of(prog, inner);
                if identity {
                    let fixed: String = pattern
                        .chars()
                        .take(inner.end)
                        .chain(std::iter::once('+'))
                        .chain(pattern.chars().skip(inner.end))
                        .collect();
                    d = d.suggest(fixed);
                }
                d = d
                    .param("innerStart", inner.start)
                    .param("innerEnd", inner.end);
            }
            None => {
                d.message.push_str(" Its alternatives can start with the same character; make them distinct or use an atomic group (?>…).");
            }
        }
        out.push(d);
    }
    if let Some(src) = notes.unicode_flag {
        out.push(
            Diagnostic::new(
                &UNICODE_FLAG,
                "",
                "In Java, (?U) makes \\w, \\d, \\s, \\b and POSIX classes Unicode-aware; it does not swap greedy and lazy quantifiers as in Rust or PCRE (use *? or +? for lazy repetition).",
            )
            .with_span(span_of(prog, src)),
        );
    }
    if let (Some(src), true, None) = (
        notes.ascii_class,
        notes.non_ascii_literal,
        notes.unicode_flag,
    ) {
        let span = span_of(prog, src);
        let esc: String = pattern.chars().skip(span.start).take(2).collect();
        out.push(
            Diagnostic::new(
                &ASCII_CLASS,
                "",
                format!(
                    "In Java, {esc} matches only ASCII characters unless (?U) is set, but this pattern works with non-ASCII text."
                ),
            )
            .with_span(span)
            .suggest(format!("(?U){pattern}")),
        );
    }
    if let Some((src, op)) = notes.class_op {
        out.push(
            Diagnostic::new(
                &CLASS_OPERATOR,
                "",
                format!(
                    "Inside a Java class, {op}{op} is not an operator: it matches the character '{op}'; write an intersection with a negated class instead, e.g. [a-z&&[^aeiou]]."
                ),
            )
            .with_span(span_of(prog, src)),
        );
    }
    for (src, name) in &notes.unverified_names {
        out.push(
            Diagnostic::new(
                &UNVERIFIED_NAME,
                "",
                format!(
                    "The character name [{}] could not be verified here; Java rejects the pattern if it is not an exact Unicode character name.",
                    snippet(name)
                ),
            )
            .with_span(span_of(prog, *src)),
        );
    }
    out
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
    memo(&CHECKED, pattern, || {
        #[cfg(test)]
        tests::CHECKS.with(|c| c.set(c.get() + 1));
        match compiled(pattern).as_ref() {
            Err(e) => vec![error_diagnostic(pattern, e)],
            Ok(prog) => warnings(pattern, prog),
        }
    })
    .to_vec()
}

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
    let prog = match compiled.as_ref() {
        Err(e) => return Err(vec![error_diagnostic(pattern, e)]),
        Ok(p) => p,
    };
    if prog.notes.canon_eq {
        return Err(unavailable("canonical equivalence (?c) is not supported"));
    }
    if prog.notes.supplementary {
        return Err(unavailable(
            "the pattern contains characters outside the Basic Multilingual Plane",
        ));
    }
    let mut budget = PREVIEW_BUDGET;
    let mut out = Preview {
        mode,
        shown: Vec::new(),
        hidden: Vec::new(),
        ambiguous: Vec::new(),
    };
    for tag in tags {
        let text: Vec<u32> = tag.chars().map(u32::from).collect();
        if text.iter().any(|&c| c > 0xffff) {
            return Err(unavailable(
                "a name contains characters outside the Basic Multilingual Plane",
            ));
        }
        let outcome = match matcher::run(prog, &text, &mut budget) {
            Ok(o) => o,
            Err(matcher::Abort::Unavailable(what)) => {
                return Err(unavailable(&format!(
                    "{what} is not supported by the preview"
                )));
            }
            Err(matcher::Abort::TooComplex) => {
                return Err(unavailable("too complex (the pattern backtracks too much)"));
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

/// Java's verdict on `pattern` without warnings: `Ok(())` or `Err(getIndex())`.
///
/// Exposed for the differential test against the JDK.
#[doc(hidden)]
pub fn java_verdict(pattern: &str) -> Result<(), i64> {
    match compiled(pattern).as_ref() {
        Ok(_) => Ok(()),
        Err(e) => Err(e.java_index),
    }
}

/// `(find(), matches())` of `pattern` on `text`, or `None` when not previewable.
///
/// Exposed for the differential test against the JDK.
#[doc(hidden)]
pub fn java_match(pattern: &str, text: &str) -> Option<(bool, bool)> {
    let compiled = compiled(pattern);
    let prog = compiled.as_ref().as_ref().ok()?;
    if prog.notes.canon_eq || prog.notes.supplementary {
        return None;
    }
    let t: Vec<u32> = text.chars().map(u32::from).collect();
    if t.iter().any(|&c| c > 0xffff) {
        return None;
    }
    let mut budget = PREVIEW_BUDGET / 10;
    matcher::run(prog, &t, &mut budget)
        .ok()
        .map(|o| (o.find, o.matches))
}

/// One pattern per property, script and block name in the built-in tables, each of which Java
/// must accept, and the ASCII membership the preview assumes for the `\\p{…}` ones.
///
/// Exposed for the differential test against the JDK.
#[doc(hidden)]
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
mod tests;
