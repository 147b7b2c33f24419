//! One refspec item, `[+]<src>:<dst>`: its sides, their ref names, and the vendor's form.

use super::{
    ALWAYS_FETCHED, INVALID_REF_NAME, MISSING_DESTINATION, MISSING_SOURCE, OUTSIDE_REFS,
    PATTERN_MISMATCH, RefNameFlags, USE_FLAG, check_ref_name, snippet,
};
use crate::diagnostics::{Diagnostic, Span};

/// A trimmed, non-empty item split into its parts, with where each starts (in characters).
struct Item<'a> {
    text: &'a str,
    span: Span,
    /// `"+"` for a forced update, else `""`.
    force: &'a str,
    src: &'a str,
    src_at: usize,
    /// `None` without a `:`.
    dst: Option<&'a str>,
    dst_at: usize,
}

impl<'a> Item<'a> {
    fn parse(text: &'a str, at: usize) -> Item<'a> {
        let (force, body) = match text.strip_prefix('+') {
            Some(body) => ("+", body),
            None => ("", text),
        };
        let src_at = at + force.len();
        let (src, dst) = match body.split_once(':') {
            Some((src, dst)) => (src, Some(dst)),
            None => (body, None),
        };
        Item {
            text,
            span: Span {
                start: at,
                end: at + text.chars().count(),
            },
            force,
            src,
            src_at,
            dst,
            dst_at: src_at + src.chars().count() + 1,
        }
    }

    /// The destination when the item has a non-empty one.
    fn full_dst(&self) -> Option<&'a str> {
        self.dst.filter(|d| !d.is_empty())
    }
}

/// Checks one trimmed, non-empty item starting at character `at`. Returns its `(src, dst)` pair
/// when it has both sides, for the duplicate check.
pub(super) fn check_item<'a>(
    text: &'a str,
    at: usize,
    out: &mut Vec<Diagnostic>,
) -> Option<(&'a str, &'a str)> {
    let item = Item::parse(text, at);
    missing_sides(&item, out);
    pattern_mismatch(&item, out);
    let sides_valid = ref_names(&item, out);
    let dst = item.full_dst()?;
    if item.src.is_empty() || !sides_valid {
        return None;
    }
    outside_refs(&item, dst, out);
    namespace_remarks(item.src, item.span, out);
    Some((item.src, dst))
}

/// A missing source, or a missing or empty destination (the vendor form is always `src:dst`).
fn missing_sides(item: &Item<'_>, out: &mut Vec<Diagnostic>) {
    let (src, text) = (item.src, item.text);
    if src.is_empty() {
        out.push(
            Diagnostic::new(
                &MISSING_SOURCE,
                "",
                format!(
                    "The refspec '{}' has no source; write it as src:dst, for example refs/meta/*:refs/meta/*.",
                    snippet(text)
                ),
            )
            .with_span(item.span),
        );
    } else if item.full_dst().is_none() {
        out.push(
            Diagnostic::new(
                &MISSING_DESTINATION,
                "",
                format!(
                    "The refspec '{}' has no destination; write it as src:dst.",
                    snippet(text)
                ),
            )
            .suggest(format!("{}{src}:{src}", item.force))
            .with_span(item.span),
        );
    }
}

/// A `*` on one side only of an item with both sides.
fn pattern_mismatch(item: &Item<'_>, out: &mut Vec<Diagnostic>) {
    let Some(dst) = item.full_dst() else {
        return;
    };
    let src_glob = item.src.contains('*');
    if item.src.is_empty() || src_glob == dst.contains('*') {
        return;
    }
    let (side, side_at) = if src_glob {
        (item.src, item.src_at)
    } else {
        (dst, item.dst_at)
    };
    let star = side.chars().position(|c| c == '*').unwrap_or(0) + side_at;
    out.push(
        Diagnostic::new(
            &PATTERN_MISMATCH,
            "",
            format!(
                "The refspec '{}' has '*' on one side only; a pattern needs one '*' on each side.",
                snippet(item.text)
            ),
        )
        .with_span(Span {
            start: star,
            end: star + 1,
        }),
    );
}

/// Checks each non-empty side as git checks a fetch refspec's; false when one is invalid.
fn ref_names(item: &Item<'_>, out: &mut Vec<Diagnostic>) -> bool {
    let mut sides_valid = true;
    let sides = [
        (Some(item.src), item.src_at, "source"),
        (item.dst, item.dst_at, "destination"),
    ];
    for (side, side_at, role) in sides {
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
    sides_valid
}

/// A side outside `refs/` (the vendor pattern `^\+?refs/[^:]+:refs/.+$` is inferred: a warning).
fn outside_refs(item: &Item<'_>, dst: &str, out: &mut Vec<Diagnostic>) {
    let sides = [
        (item.src, item.src_at, "source"),
        (dst, item.dst_at, "destination"),
    ];
    for (side, side_at, role) in sides {
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
}

/// `refs/heads/` and `refs/tags/` (always fetched) and the namespaces a flag controls.
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
