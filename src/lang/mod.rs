//! The field languages: JMESPath (`apiFilter`), Java regular expressions (`tagsFilter`,
//! `prHideFilter`) and git refspecs (`refSpecCustom`).
//!
//! Each module knows nothing of payloads: it checks one string and returns [`Diagnostic`]s with an
//! empty `path` and a [`crate::diagnostics::Span`] inside the string. The payload rules place them
//! at the field's JSON Pointer with [`at_path`].

#[doc(hidden)]
pub mod api_path;
pub mod java_regex;
pub mod jmespath;
pub(crate) mod recent;
pub mod refspec;
#[cfg(test)]
mod refspec_git_differential;

use crate::diagnostics::secret_text::{MASK, redact_text, secret_ranges};
use crate::diagnostics::{Code, Diagnostic, Span};

/// Moves language diagnostics (path `""`) to the JSON Pointer of the field that holds the text.
pub fn at_path(diagnostics: Vec<Diagnostic>, path: &str) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut d| {
            d.path = format!("{path}{}", d.path);
            d
        })
        .collect()
}

/// `check(text)`, with the words of each diagnostic (message, suggestion, params) taken from
/// `check` of the redacted text when `text` holds a secret. A checker quotes parts of its text
/// (a refspec's sides, a path without its scheme) and a part cut through a credential no longer
/// looks like one to redaction; the redacted text has no secret to cut. Positions stay those of
/// `text`.
pub fn checked_redacted(text: &str, check: impl Fn(&str) -> Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut found = check(text);
    let redacted = redact_text(text);
    if redacted == text {
        return found;
    }
    let safe = check(&redacted);
    let same_order =
        found.len() == safe.len() && found.iter().zip(&safe).all(|(a, b)| a.code == b.code);
    for (i, d) in found.iter_mut().enumerate() {
        let words = if same_order {
            safe.get(i)
        } else {
            safe.iter().find(|s| s.code == d.code)
        };
        match words {
            Some(w) => {
                d.message = w.message.clone();
                d.suggestion = w.suggestion.clone();
                d.params = w.params.clone();
            }
            None => {
                d.message = MASK.to_string();
                d.suggestion = None;
                d.params = Default::default();
            }
        }
    }
    found
}

/// Places language diagnostics at the field's pointer and adds, for those with a span, an
/// `excerpt` param: the text's line with a caret line under the span. The excerpt is cut from
/// the redacted text, the span moved with it, so a window never shows part of a secret and the
/// carets stay under what they mark.
pub fn place(diagnostics: Vec<Diagnostic>, path: &str, text: &str) -> Vec<Diagnostic> {
    if diagnostics.is_empty() {
        return diagnostics;
    }
    let masked = secret_ranges(text);
    let redacted = redact_text(text);
    at_path(diagnostics, path)
        .into_iter()
        .map(|d| match d.span {
            Some(span) if d.params.get("excerpt").is_none() => {
                let span = Span {
                    start: moved(text, &redacted, &masked, span.start, false),
                    end: moved(text, &redacted, &masked, span.end, true),
                };
                d.param("excerpt", jmespath::caret_excerpt(&redacted, span))
            }
            _ => d,
        })
        .collect()
}

/// Where character offset `at` of `text` lands in `redacted` (inside a masked range: the mask's
/// start, or its end when `is_end`).
fn moved(text: &str, redacted: &str, masked: &[(usize, usize)], at: usize, is_end: bool) -> usize {
    if masked.is_empty() {
        return at;
    }
    let byte = text.char_indices().nth(at).map_or(text.len(), |(i, _)| i);
    let mut shifted = byte;
    for &(start, end) in masked {
        if byte >= end {
            shifted = shifted + MASK.len() - (end - start);
        } else if byte > start {
            shifted = shifted - (byte - start) + if is_end { MASK.len() } else { 0 };
            break;
        } else {
            break;
        }
    }
    redacted
        .get(..shifted.min(redacted.len()))
        .map_or(at, |s| s.chars().count())
}

/// Every code the field-language checkers can emit.
pub fn codes() -> Vec<&'static Code> {
    let mut codes = Vec::new();
    codes.extend(refspec::CODES);
    codes.extend(api_path::CODES);
    codes.extend(jmespath::CODES);
    codes.extend(java_regex::CODES.iter());
    codes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Severity};

    #[test]
    fn excerpts_are_cut_from_the_redacted_text_with_the_carets_moved() {
        const W: Code = Code::new("w", Severity::Warning, "w");
        let text = "/x?token=abcdefgh&y=(";
        let d = Diagnostic::new(&W, "", "m").with_span(Span { start: 20, end: 21 });
        let placed = place(vec![d], "/apiPath", text);
        let excerpt = placed[0].params.get("excerpt").and_then(|v| v.as_str());
        assert_eq!(
            excerpt,
            Some("/x?token=[REDACTED]&y=(\n                      ^")
        );
        assert_eq!(placed[0].span, Some(Span { start: 20, end: 21 }));
    }
}
