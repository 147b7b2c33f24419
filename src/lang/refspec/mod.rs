//! `refSpecCustom`: a comma-separated list of git fetch refspecs in one string.
//!
//! Each item is `[+]<src>:<dst>`; each side is a ref name checked by the rules of git's
//! `check_refname_format` (refs.c), reproduced exactly by [`check_ref_name`] and measured against
//! `git check-ref-format` in `src/lang/refspec/git_differential_tests.rs`.
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

#[cfg(test)]
mod git_differential_tests;
mod item;
mod ref_name;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub use ref_name::RefNameErrorKind;
pub use ref_name::{RefNameFlags, check_ref_name};

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use item::check_item;

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

pub(crate) use crate::text::{over_utf16_limit as over_limit, snippet};

/// Checks a `refSpecCustom` value. Diagnostics have path `""` and a span (in characters) on the
/// offending item or on the offending characters inside it. An empty or all-blank value is clean.
pub fn check_refspecs(text: &str) -> Vec<Diagnostic> {
    // Messages quote the sides of a refspec, split at ':' (which takes `user:password@` apart):
    // the words come from the redacted text.
    crate::lang::checked_redacted(text, check_refspecs_as_written)
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
