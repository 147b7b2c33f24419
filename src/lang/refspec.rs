//! `refSpecCustom`: a comma-separated list of git fetch refspecs in one string.
//!
//! Each item is `[+]<src>:<dst>`; each side is a ref name checked by the rules of git's
//! `check_refname_format` (refs.c), reproduced exactly by [`check_ref_name`] and measured against
//! `git check-ref-format` in `src/lang/refspec_git_differential.rs`.
//!
//! Decisions where the documentation is silent:
//! - Whitespace around an item is ignored (the vendor's own example separates items with `", "`),
//!   so `a:b, c:d` is clean. Whitespace inside a side is a forbidden ref-name character.
//! - An empty item (`a,,b`, a leading or a trailing comma) is a warning: git reads an empty fetch
//!   refspec as "HEAD, not stored", so it is harmless at best and never what was meant.
//! - The vendor format is always `src:dst`: a missing or empty destination (git: "fetch, do not
//!   store") and a missing source (git: "HEAD") are errors.
//! - Sides are checked as git checks fetch refspecs: one-level names are allowed and a side may
//!   hold one `*` when both sides do. The vendor pattern `^\+?refs/[^:]+:refs/.+$` (reference R12)
//!   is inferred, not documented, so a side outside `refs/` is a warning, not an error.
//! - The length limit (2000) is counted in UTF-16 code units, as Java's `String.length()` counts;
//!   for ASCII text that is the number of characters. A longer value gets only that error.

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use std::fmt;

/// Longest accepted `refSpecCustom` value, in UTF-16 code units (Java `String.length()`).
pub const MAX_LENGTH: usize = 2000;

/// The value is longer than [`MAX_LENGTH`].
pub const TOO_LONG: Code = Code::new(
    "refspec-too-long",
    Severity::Error,
    "The refspec list is longer than 2000 characters.",
);
/// An item between commas is empty.
pub const EMPTY_ITEM: Code = Code::new(
    "refspec-empty-item",
    Severity::Warning,
    "The refspec list has an empty item (a doubled, leading or trailing comma).",
);
/// An item has no `:<dst>` part, or an empty one.
pub const MISSING_DESTINATION: Code = Code::new(
    "refspec-missing-destination",
    Severity::Error,
    "A refspec has no destination; the field needs the form src:dst.",
);
/// An item has an empty source (`:<dst>`).
pub const MISSING_SOURCE: Code = Code::new(
    "refspec-missing-source",
    Severity::Error,
    "A refspec has no source; the field needs the form src:dst.",
);
/// A side is not a valid git ref name.
pub const INVALID_REF_NAME: Code = Code::new(
    "refspec-invalid-ref-name",
    Severity::Error,
    "A side of a refspec is not a valid git ref name (git check-ref-format).",
);
/// Only one side of a refspec is a pattern.
pub const PATTERN_MISMATCH: Code = Code::new(
    "refspec-pattern-mismatch",
    Severity::Error,
    "A refspec has '*' on one side only; a pattern needs one '*' on each side.",
);
/// A side does not start with `refs/`.
pub const OUTSIDE_REFS: Code = Code::new(
    "refspec-outside-refs",
    Severity::Warning,
    "A side of a refspec does not start with refs/ (expected form refs/...:refs/...).",
);
/// The source is under `refs/heads/` or `refs/tags/`, which are always fetched.
pub const ALWAYS_FETCHED: Code = Code::new(
    "refspec-always-fetched",
    Severity::Warning,
    "The refspec fetches refs/heads/ or refs/tags/, which are always fetched.",
);
/// The source is under `refs/notes/` or `refs/changes/`, which have their own boolean flags.
pub const USE_FLAG: Code = Code::new(
    "refspec-use-flag",
    Severity::Warning,
    "The refspec fetches refs/notes/ or refs/changes/, which refSpecNotes or refSpecChanges control.",
);
/// The same `src:dst` pair appears twice.
pub const DUPLICATE: Code = Code::new(
    "refspec-duplicate",
    Severity::Warning,
    "The same refspec appears more than once.",
);

/// Every code [`check_refspecs`] can emit.
pub const CODES: &[Code] = &[
    TOO_LONG,
    EMPTY_ITEM,
    MISSING_DESTINATION,
    MISSING_SOURCE,
    INVALID_REF_NAME,
    PATTERN_MISMATCH,
    OUTSIDE_REFS,
    ALWAYS_FETCHED,
    USE_FLAG,
    DUPLICATE,
];

/// How a ref name is checked; the two options of `git check-ref-format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RefNameFlags {
    /// `--allow-onelevel`: accept a name with a single component, such as `HEAD` or `main`.
    pub allow_onelevel: bool,
    /// `--refspec-pattern`: accept one `*` anywhere in the name.
    pub refspec_pattern: bool,
}

/// Why a ref name is invalid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefNameErrorKind {
    /// The name is empty.
    Empty,
    /// The name is the single character `@`.
    SingleAt,
    /// The name has one component and one-level names are not allowed.
    OneLevel,
    /// The name starts with `/`.
    LeadingSlash,
    /// The name ends with `/`.
    TrailingSlash,
    /// The name contains `//`.
    DoubleSlash,
    /// A component starts with `.`.
    LeadingDot,
    /// A component ends with `.lock`.
    LockSuffix,
    /// The name contains `..`.
    DoubleDot,
    /// The name contains `@{`.
    AtBrace,
    /// The name contains an ASCII control character (U+0000 to U+001F or U+007F).
    ControlCharacter(char),
    /// The name contains a space, `~`, `^`, `:`, `?`, `[` or `\`.
    ForbiddenCharacter(char),
    /// The name contains `*` and is not a pattern.
    Asterisk,
    /// A pattern contains more than one `*`.
    SecondAsterisk,
    /// The name ends with `.`.
    TrailingDot,
}

impl RefNameErrorKind {
    /// A stable kebab-case id for the reason (the `reason` parameter of diagnostics).
    pub fn id(self) -> &'static str {
        match self {
            RefNameErrorKind::Empty => "empty",
            RefNameErrorKind::SingleAt => "single-at",
            RefNameErrorKind::OneLevel => "one-level",
            RefNameErrorKind::LeadingSlash => "leading-slash",
            RefNameErrorKind::TrailingSlash => "trailing-slash",
            RefNameErrorKind::DoubleSlash => "double-slash",
            RefNameErrorKind::LeadingDot => "leading-dot",
            RefNameErrorKind::LockSuffix => "lock-suffix",
            RefNameErrorKind::DoubleDot => "double-dot",
            RefNameErrorKind::AtBrace => "at-brace",
            RefNameErrorKind::ControlCharacter(_) => "control-character",
            RefNameErrorKind::ForbiddenCharacter(_) => "forbidden-character",
            RefNameErrorKind::Asterisk => "asterisk",
            RefNameErrorKind::SecondAsterisk => "second-asterisk",
            RefNameErrorKind::TrailingDot => "trailing-dot",
        }
    }
}

impl fmt::Display for RefNameErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefNameErrorKind::Empty => write!(f, "the ref name is empty"),
            RefNameErrorKind::SingleAt => write!(f, "'@' alone is not a valid ref name"),
            RefNameErrorKind::OneLevel => write!(
                f,
                "a full ref name needs at least two components, such as refs/heads/main"
            ),
            RefNameErrorKind::LeadingSlash => write!(f, "a ref name cannot start with '/'"),
            RefNameErrorKind::TrailingSlash => write!(f, "a ref name cannot end with '/'"),
            RefNameErrorKind::DoubleSlash => write!(f, "a ref name cannot contain '//'"),
            RefNameErrorKind::LeadingDot => {
                write!(f, "a component of a ref name cannot start with '.'")
            }
            RefNameErrorKind::LockSuffix => {
                write!(f, "a component of a ref name cannot end with '.lock'")
            }
            RefNameErrorKind::DoubleDot => write!(f, "a ref name cannot contain '..'"),
            RefNameErrorKind::AtBrace => write!(f, "a ref name cannot contain '@{{'"),
            RefNameErrorKind::ControlCharacter(c) => write!(
                f,
                "a ref name cannot contain control characters (U+{:04X})",
                u32::from(*c)
            ),
            RefNameErrorKind::ForbiddenCharacter(' ') => {
                write!(f, "a ref name cannot contain spaces")
            }
            RefNameErrorKind::ForbiddenCharacter(':') => write!(
                f,
                "a ref name cannot contain ':' (a refspec has a single ':' between source and destination)"
            ),
            RefNameErrorKind::ForbiddenCharacter(c) => {
                write!(f, "a ref name cannot contain '{c}'")
            }
            RefNameErrorKind::Asterisk => {
                write!(f, "'*' is only allowed in a pattern refspec")
            }
            RefNameErrorKind::SecondAsterisk => {
                write!(f, "a pattern can contain only one '*'")
            }
            RefNameErrorKind::TrailingDot => write!(f, "a ref name cannot end with '.'"),
        }
    }
}

/// A ref name that git rejects: the first problem in git's scanning order, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RefNameError {
    /// What is wrong.
    pub kind: RefNameErrorKind,
    /// The offending characters, as character offsets inside the checked name.
    pub span: Span,
}

impl fmt::Display for RefNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl std::error::Error for RefNameError {}

fn ref_err(kind: RefNameErrorKind, start: usize, end: usize) -> RefNameError {
    RefNameError {
        kind,
        span: Span { start, end },
    }
}

/// Checks `name` as `git check-ref-format` does (git's `check_refname_format`), with `flags`
/// standing for `--allow-onelevel` and `--refspec-pattern`.
///
/// Bytes above ASCII are allowed, as in git; "control character" means U+0000–U+001F and U+007F.
pub fn check_ref_name(name: &str, flags: RefNameFlags) -> Result<(), RefNameError> {
    use RefNameErrorKind as K;
    if name.is_empty() {
        return Err(ref_err(K::Empty, 0, 0));
    }
    if name == "@" {
        return Err(ref_err(K::SingleAt, 0, 1));
    }
    let total = name.chars().count();
    let mut star_allowed = flags.refspec_pattern;
    let mut components = 0usize;
    // Character offset of the current component's first character.
    let mut start = 0usize;
    let mut last_component_len = 0usize;
    for component in name.split('/') {
        let len = component.chars().count();
        let mut last = '\0';
        for (i, c) in component.chars().enumerate() {
            let at = start + i;
            match c {
                '\0'..='\x1f' | '\x7f' => {
                    return Err(ref_err(K::ControlCharacter(c), at, at + 1));
                }
                ' ' | '~' | '^' | ':' | '?' | '[' | '\\' => {
                    return Err(ref_err(K::ForbiddenCharacter(c), at, at + 1));
                }
                '.' if last == '.' => return Err(ref_err(K::DoubleDot, at - 1, at + 1)),
                '{' if last == '@' => return Err(ref_err(K::AtBrace, at - 1, at + 1)),
                '*' if !star_allowed => {
                    let kind = if flags.refspec_pattern {
                        K::SecondAsterisk
                    } else {
                        K::Asterisk
                    };
                    return Err(ref_err(kind, at, at + 1));
                }
                // git accepts a single asterisk per name, so the flag drops after the first.
                '*' => star_allowed = false,
                _ => {}
            }
            last = c;
        }
        if len == 0 {
            return Err(if start == 0 {
                ref_err(K::LeadingSlash, 0, 1)
            } else if start >= total {
                ref_err(K::TrailingSlash, start - 1, start)
            } else {
                ref_err(K::DoubleSlash, start - 1, start + 1)
            });
        }
        if component.starts_with('.') {
            return Err(ref_err(K::LeadingDot, start, start + 1));
        }
        if component.ends_with(".lock") {
            return Err(ref_err(K::LockSuffix, start + len - 5, start + len));
        }
        components += 1;
        last_component_len = len;
        start += len + 1;
    }
    if name.ends_with('.') {
        return Err(ref_err(K::TrailingDot, total - 1, total));
    }
    if !flags.allow_onelevel && components < 2 {
        return Err(ref_err(K::OneLevel, 0, last_component_len));
    }
    Ok(())
}

fn is_item_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// Splits a `refSpecCustom` value on commas. Each item is trimmed of spaces, tabs and line
/// breaks; its span (in characters) covers the trimmed text. Empty items are kept, with an empty
/// span where they would start.
#[cfg(test)]
pub fn split_refspecs(text: &str) -> Vec<(Span, &str)> {
    raw_items(text)
        .into_iter()
        .map(|raw| (raw.trimmed_span, raw.trimmed))
        .collect()
}

/// One comma-separated item, before and after trimming.
struct RawItem<'a> {
    /// Character span of the untrimmed item (between the commas).
    raw_span: Span,
    trimmed_span: Span,
    trimmed: &'a str,
    /// Whether a comma follows the item.
    comma_after: bool,
}

fn raw_items(text: &str) -> Vec<RawItem<'_>> {
    let mut items = Vec::new();
    let mut char_start = 0usize;
    let mut rest = text;
    loop {
        let (raw, after, comma_after) = match rest.split_once(',') {
            Some((raw, after)) => (raw, after, true),
            None => (rest, "", false),
        };
        let raw_len = raw.chars().count();
        let lead = raw.chars().take_while(|c| is_item_space(*c)).count();
        let trimmed = raw.trim_matches(is_item_space);
        let trimmed_len = trimmed.chars().count();
        let trimmed_start = if trimmed.is_empty() {
            char_start
        } else {
            char_start + lead
        };
        items.push(RawItem {
            raw_span: Span {
                start: char_start,
                end: char_start + raw_len,
            },
            trimmed_span: Span {
                start: trimmed_start,
                end: trimmed_start + trimmed_len,
            },
            trimmed,
            comma_after,
        });
        if !comma_after {
            break;
        }
        char_start += raw_len + 1;
        rest = after;
    }
    items
}

pub(crate) use crate::json::snippet;

/// Checks a `refSpecCustom` value. Diagnostics have path `""` and a span (in characters) on the
/// offending item or on the offending characters inside it. An empty or all-blank value is clean.
pub fn check_refspecs(text: &str) -> Vec<Diagnostic> {
    // Messages quote the sides of a refspec, split at ':' (which takes `user:password@` apart):
    // the words come from the redacted text.
    super::checked_redacted(text, check_refspecs_as_written)
}

fn check_refspecs_as_written(text: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some((units, span)) = over_limit(text, MAX_LENGTH) {
        out.push(
            Diagnostic::new(
                &TOO_LONG,
                "",
                format!("The refspec list is {units} characters long; the limit is {MAX_LENGTH}."),
            )
            .param("length", units)
            .param("limit", MAX_LENGTH)
            .with_span(span),
        );
        return out;
    }
    let items = raw_items(text);
    if items.len() == 1 && items.iter().all(|i| i.trimmed.is_empty()) {
        return out;
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for item in &items {
        if item.trimmed.is_empty() {
            out.push(empty_item(item));
            continue;
        }
        if let Some(pair) = check_item(item.trimmed, item.trimmed_span.start, &mut out) {
            if seen.contains(&pair) {
                out.push(
                    Diagnostic::new(
                        &DUPLICATE,
                        "",
                        format!(
                            "The refspec '{}' appears more than once; remove the repeat.",
                            snippet(item.trimmed)
                        ),
                    )
                    .with_span(item.trimmed_span),
                );
            } else {
                seen.push(pair);
            }
        }
    }
    out
}

/// When `text` is longer than `limit` UTF-16 code units (Java's `String.length()`): its length in
/// those units and the span of the characters past the limit. Shared by the length-limited fields.
pub(crate) fn over_limit(text: &str, limit: usize) -> Option<(usize, Span)> {
    let units = text.encode_utf16().count();
    if units <= limit {
        return None;
    }
    let mut counted = 0usize;
    let mut start = 0usize;
    for c in text.chars() {
        counted += c.len_utf16();
        if counted > limit {
            break;
        }
        start += 1;
    }
    let end = text.chars().count();
    Some((units, Span { start, end }))
}

fn empty_item(item: &RawItem<'_>) -> Diagnostic {
    // Point at the comma that makes the item: the one after it, or the one before a trailing item.
    let span = if item.comma_after {
        Span {
            start: item.raw_span.start,
            end: item.raw_span.end + 1,
        }
    } else {
        Span {
            start: item.raw_span.start.saturating_sub(1),
            end: item.raw_span.end,
        }
    };
    Diagnostic::new(
        &EMPTY_ITEM,
        "",
        "The refspec list has an empty item; remove the extra comma.",
    )
    .with_span(span)
}

/// Checks one trimmed, non-empty item starting at character `at`. Returns its `(src, dst)` pair
/// when it has both sides, for the duplicate check.
fn check_item<'a>(
    item: &'a str,
    at: usize,
    out: &mut Vec<Diagnostic>,
) -> Option<(&'a str, &'a str)> {
    let item_span = Span {
        start: at,
        end: at + item.chars().count(),
    };
    let (force, body) = match item.strip_prefix('+') {
        Some(body) => ("+", body),
        None => ("", item),
    };
    let body_at = at + force.len();
    let (src, dst) = match body.split_once(':') {
        Some((src, dst)) => (src, Some(dst)),
        None => (body, None),
    };
    let dst_at = body_at + src.chars().count() + 1;
    let src_glob = src.contains('*');
    let dst_glob = dst.is_some_and(|d| d.contains('*'));

    if src.is_empty() {
        out.push(
            Diagnostic::new(
                &MISSING_SOURCE,
                "",
                format!(
                    "The refspec '{}' has no source; write it as src:dst, for example refs/meta/*:refs/meta/*.",
                    snippet(item)
                ),
            )
            .with_span(item_span),
        );
    }
    match dst {
        Some(d) if !d.is_empty() => {}
        _ if src.is_empty() => {}
        _ => out.push(
            Diagnostic::new(
                &MISSING_DESTINATION,
                "",
                format!(
                    "The refspec '{}' has no destination; write it as src:dst.",
                    snippet(item)
                ),
            )
            .suggest(format!("{force}{src}:{src}"))
            .with_span(item_span),
        ),
    }
    let has_dst = dst.is_some_and(|d| !d.is_empty());
    if has_dst && !src.is_empty() && src_glob != dst_glob {
        let (side, side_at) = if src_glob {
            (src, body_at)
        } else {
            (dst.unwrap_or_default(), dst_at)
        };
        let star = side.chars().position(|c| c == '*').unwrap_or(0) + side_at;
        out.push(
            Diagnostic::new(
                &PATTERN_MISMATCH,
                "",
                format!(
                    "The refspec '{}' has '*' on one side only; a pattern needs one '*' on each side.",
                    snippet(item)
                ),
            )
            .with_span(Span {
                start: star,
                end: star + 1,
            }),
        );
    }

    let mut sides_valid = true;
    for (side, side_at, role) in [(Some(src), body_at, "source"), (dst, dst_at, "destination")] {
        let Some(side) = side.filter(|s| !s.is_empty()) else {
            continue;
        };
        let flags = RefNameFlags {
            allow_onelevel: true,
            refspec_pattern: side.contains('*'),
        };
        if let Err(e) = check_ref_name(side, flags) {
            sides_valid = false;
            out.push(
                Diagnostic::new(
                    &INVALID_REF_NAME,
                    "",
                    format!(
                        "The {role} '{}' is not a valid ref name: {e}.",
                        snippet(side)
                    ),
                )
                .param("reason", e.kind.id())
                .param("side", role)
                .with_span(Span {
                    start: side_at + e.span.start,
                    end: side_at + e.span.end,
                }),
            );
        }
    }

    let dst = dst.filter(|d| !d.is_empty())?;
    if src.is_empty() || !sides_valid {
        return None;
    }
    for (side, side_at, role) in [(src, body_at, "source"), (dst, dst_at, "destination")] {
        if !side.starts_with("refs/") {
            out.push(
                Diagnostic::new(
                    &OUTSIDE_REFS,
                    "",
                    format!(
                        "The {role} '{}' does not start with refs/; the expected form is refs/<name>:refs/<name>.",
                        snippet(side)
                    ),
                )
                .param("side", role)
                .with_span(Span {
                    start: side_at,
                    end: side_at + side.chars().count(),
                }),
            );
        }
    }
    namespace_remarks(src, item_span, out);
    Some((src, dst))
}

fn namespace_remarks(src: &str, item_span: Span, out: &mut Vec<Diagnostic>) {
    for ns in ["refs/heads/", "refs/tags/"] {
        if src.starts_with(ns) {
            out.push(
                Diagnostic::new(
                    &ALWAYS_FETCHED,
                    "",
                    format!("{ns}* is always fetched; remove this refspec."),
                )
                .param("namespace", ns)
                .with_span(item_span),
            );
        }
    }
    for (ns, flag) in [
        ("refs/notes/", "refSpecNotes"),
        ("refs/changes/", "refSpecChanges"),
    ] {
        if src.starts_with(ns) {
            out.push(
                Diagnostic::new(
                    &USE_FLAG,
                    "",
                    format!(
                        "{ns}* is controlled by the {flag} flag; set {flag} to true instead of listing it here."
                    ),
                )
                .param("namespace", ns)
                .param("flag", flag)
                .with_span(item_span),
            );
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<&'static str> {
        check_refspecs(text).iter().map(|d| d.code).collect()
    }

    fn only(text: &str, code: &Code) -> Diagnostic {
        let ds = check_refspecs(text);
        assert_eq!(ds.len(), 1, "{text:?}: {ds:#?}");
        assert_eq!(ds[0].code, code.id, "{text:?}: {ds:#?}");
        ds[0].clone()
    }

    fn span(start: usize, end: usize) -> Option<Span> {
        Some(Span { start, end })
    }

    const FULL: RefNameFlags = RefNameFlags {
        allow_onelevel: false,
        refspec_pattern: false,
    };
    const PATTERN: RefNameFlags = RefNameFlags {
        allow_onelevel: false,
        refspec_pattern: true,
    };
    const ONELEVEL: RefNameFlags = RefNameFlags {
        allow_onelevel: true,
        refspec_pattern: false,
    };

    #[test]
    fn vendor_examples_are_clean() {
        for text in [
            "+refs/meta/*:refs/meta/*",
            "+refs/refname1/*:refs/refname1/*",
            "refs/refname2/*:refs/refname2/*",
            "+refs/refname1/*:refs/refname1/*, refs/refname2/*:refs/refname2/*",
            "+refs/refname1/*:refs/refname1/*,refs/refname2/*:refs/refname2/*",
            "",
            "   ",
        ] {
            assert_eq!(check_refspecs(text), vec![], "{text:?}");
        }
    }

    #[test]
    fn split_trims_and_keeps_empty_items() {
        let items = split_refspecs(" a:b ,, c:d,");
        let got: Vec<(usize, usize, &str)> =
            items.iter().map(|(s, t)| (s.start, s.end, *t)).collect();
        assert_eq!(
            got,
            vec![(1, 4, "a:b"), (6, 6, ""), (8, 11, "c:d"), (12, 12, "")]
        );
    }

    #[test]
    fn too_long_is_checked_first_and_alone() {
        let item = "refs/a/*:refs/a/*,";
        let text = item.repeat(2000 / item.len() + 1);
        let d = only(&text, &TOO_LONG);
        assert_eq!(d.span, span(2000, text.len()));
        assert!(
            check_refspecs(&text[..1998])
                .iter()
                .all(|d| d.code != TOO_LONG.id)
        );
        // Counted in UTF-16 units: 1000 astral characters are 2000 units and pass.
        let astral = format!("refs/a:refs/{}", "😀".repeat(994));
        assert_eq!(astral.encode_utf16().count(), 2000);
        assert!(codes(&astral).is_empty());
        assert_eq!(codes(&format!("{astral}x")), vec![TOO_LONG.id]);
    }

    #[test]
    fn empty_items() {
        let d = only("refs/a:refs/a,,refs/b:refs/b", &EMPTY_ITEM);
        assert_eq!(d.span, span(14, 15));
        assert_eq!(only("refs/a:refs/a,", &EMPTY_ITEM).span, span(13, 14));
        assert_eq!(only(",refs/a:refs/a", &EMPTY_ITEM).span, span(0, 1));
        assert_eq!(
            only("refs/a:refs/a, ,refs/b:refs/b", &EMPTY_ITEM).span,
            span(14, 16)
        );
        assert_eq!(codes(","), vec![EMPTY_ITEM.id, EMPTY_ITEM.id]);
    }

    #[test]
    fn missing_destination_suggests_src_src() {
        let d = only("refs/meta/*", &MISSING_DESTINATION);
        assert_eq!(d.suggestion.as_deref(), Some("refs/meta/*:refs/meta/*"));
        assert_eq!(d.span, span(0, 11));
        let d = only("refs/x:refs/x, +refs/meta/*:", &MISSING_DESTINATION);
        assert_eq!(d.suggestion.as_deref(), Some("+refs/meta/*:refs/meta/*"));
        assert_eq!(d.span, span(15, 28));
    }

    #[test]
    fn missing_source() {
        let d = only(":refs/meta/x", &MISSING_SOURCE);
        assert_eq!(d.span, span(0, 12));
        assert_eq!(codes(":"), vec![MISSING_SOURCE.id]);
        assert!(codes("refs/a:refs/a").is_empty());
    }

    #[test]
    fn invalid_ref_names_point_at_the_character() {
        let d = only("refs/a b:refs/ab", &INVALID_REF_NAME);
        assert_eq!(d.span, span(6, 7));
        assert_eq!(d.params.get("reason").unwrap(), "forbidden-character");
        assert_eq!(d.params.get("side").unwrap(), "source");
        let d = only("+refs/a:refs/x..y", &INVALID_REF_NAME);
        assert_eq!(d.span, span(14, 16));
        assert_eq!(d.params.get("side").unwrap(), "destination");
        let d = only("refs/a:refs/b:refs/c", &INVALID_REF_NAME);
        assert_eq!(d.span, span(13, 14));
        assert!(d.message.contains("single ':'"));
        let d = only("  refs/a/*:refs/b/**", &INVALID_REF_NAME);
        assert_eq!(d.params.get("reason").unwrap(), "second-asterisk");
        assert_eq!(d.span, span(19, 20));
    }

    #[test]
    fn pattern_mismatch() {
        let d = only("refs/a/*:refs/b/x", &PATTERN_MISMATCH);
        assert_eq!(d.span, span(7, 8));
        let d = only("refs/a/x:refs/b/*", &PATTERN_MISMATCH);
        assert_eq!(d.span, span(16, 17));
        assert!(codes("refs/a/x*:refs/b/*y").is_empty());
    }

    #[test]
    fn outside_refs_is_a_warning_per_side() {
        let ds = check_refspecs("HEAD:refs/x/head");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].code, OUTSIDE_REFS.id);
        assert_eq!(ds[0].severity, Severity::Warning);
        assert_eq!(ds[0].span, span(0, 4));
        let ds = check_refspecs("refs/x:x");
        assert_eq!(ds.len(), 1);
        assert_eq!(ds[0].span, span(7, 8));
        assert_eq!(codes("x:x"), vec![OUTSIDE_REFS.id, OUTSIDE_REFS.id]);
    }

    #[test]
    fn heads_and_tags_are_always_fetched() {
        let d = only("+refs/heads/*:refs/heads/*", &ALWAYS_FETCHED);
        assert_eq!(d.params.get("namespace").unwrap(), "refs/heads/");
        let d = only(
            "refs/meta/*:refs/meta/*, refs/tags/*:refs/tags/*",
            &ALWAYS_FETCHED,
        );
        assert_eq!(d.span, span(25, 48));
        assert!(codes("refs/meta/heads/*:refs/meta/heads/*").is_empty());
    }

    #[test]
    fn notes_and_changes_use_their_flags() {
        let d = only("refs/notes/*:refs/notes/*", &USE_FLAG);
        assert_eq!(d.params.get("flag").unwrap(), "refSpecNotes");
        let d = only("+refs/changes/*:refs/changes/*", &USE_FLAG);
        assert_eq!(d.params.get("flag").unwrap(), "refSpecChanges");
        assert!(codes("refs/notesx/*:refs/notesx/*").is_empty());
    }

    #[test]
    fn duplicates_ignore_force_and_spacing() {
        let d = only("refs/a:refs/a, +refs/a:refs/a", &DUPLICATE);
        assert_eq!(d.span, span(15, 29));
        assert!(codes("refs/a:refs/a, refs/a:refs/b").is_empty());
    }

    #[test]
    fn ref_name_rules() {
        use RefNameErrorKind as K;
        let kind = |name: &str, flags| check_ref_name(name, flags).err().map(|e| e.kind);
        assert_eq!(kind("refs/heads/main", FULL), None);
        assert_eq!(kind("refs/heads/ünï/日本", FULL), None);
        assert_eq!(kind("", FULL), Some(K::Empty));
        assert_eq!(kind("@", ONELEVEL), Some(K::SingleAt));
        assert_eq!(kind("refs/@", FULL), None);
        assert_eq!(kind("main", FULL), Some(K::OneLevel));
        assert_eq!(kind("main", ONELEVEL), None);
        assert_eq!(kind("/refs/a", FULL), Some(K::LeadingSlash));
        assert_eq!(kind("refs/a/", FULL), Some(K::TrailingSlash));
        assert_eq!(kind("refs//a", FULL), Some(K::DoubleSlash));
        assert_eq!(kind("refs/.a", FULL), Some(K::LeadingDot));
        assert_eq!(kind("refs/a.lock", FULL), Some(K::LockSuffix));
        assert_eq!(kind("refs/a.lock/b", FULL), Some(K::LockSuffix));
        assert_eq!(kind("refs/a..b", FULL), Some(K::DoubleDot));
        assert_eq!(kind("refs/a@{b", FULL), Some(K::AtBrace));
        assert_eq!(kind("refs/a@/{b", FULL), None);
        assert_eq!(kind("refs/a\tb", FULL), Some(K::ControlCharacter('\t')));
        assert_eq!(kind("refs/a\x7fb", FULL), Some(K::ControlCharacter('\x7f')));
        assert_eq!(kind("refs/a\u{85}b", FULL), None);
        for c in [' ', '~', '^', ':', '?', '[', '\\'] {
            let name = format!("refs/a{c}b");
            assert_eq!(kind(&name, FULL), Some(K::ForbiddenCharacter(c)), "{name}");
        }
        assert_eq!(kind("refs/a]b", FULL), None);
        assert_eq!(kind("refs/*", FULL), Some(K::Asterisk));
        assert_eq!(kind("refs/*", PATTERN), None);
        assert_eq!(kind("refs/a*b/c", PATTERN), None);
        assert_eq!(kind("refs/*/*", PATTERN), Some(K::SecondAsterisk));
        assert_eq!(kind("refs/a.", FULL), Some(K::TrailingDot));
        assert_eq!(kind("refs/a./b", FULL), None);
    }

    #[test]
    fn ref_name_error_spans() {
        let e = check_ref_name("refs/ab.lock", FULL).unwrap_err();
        assert_eq!(e.span, Span { start: 7, end: 12 });
        let e = check_ref_name("refs//a", FULL).unwrap_err();
        assert_eq!(e.span, Span { start: 4, end: 6 });
        let e = check_ref_name("refs/a/", FULL).unwrap_err();
        assert_eq!(e.span, Span { start: 6, end: 7 });
        let e = check_ref_name("rëfs/a..", FULL).unwrap_err();
        assert_eq!(e.span, Span { start: 6, end: 8 });
        assert_eq!(e.to_string(), "a ref name cannot contain '..'");
    }

    #[test]
    fn spans_count_characters_not_bytes() {
        let d = only("refs/é/x:refs/é/ x", &INVALID_REF_NAME);
        assert_eq!(d.span, span(16, 17));
    }

    #[test]
    fn long_items_are_truncated_in_messages() {
        let long = format!("refs/{}", "a".repeat(200));
        let d = only(&long, &MISSING_DESTINATION);
        assert!(d.message.chars().count() < 120, "{}", d.message);
    }

    #[test]
    fn codes_are_listed_once() {
        for (i, c) in CODES.iter().enumerate() {
            assert!(c.id.starts_with("refspec-"));
            assert!(CODES.iter().skip(i + 1).all(|o| o.id != c.id));
        }
    }
}
