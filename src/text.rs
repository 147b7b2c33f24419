//! Text helpers every layer above shares: quoting a value in a message (redacted, then cut),
//! the edit distances "did you mean" uses, and Java's `String.length()` limit in UTF-16 units.

use crate::diagnostics::Span;
use crate::diagnostics::secret_text::redact_text;

/// `s` redacted ([`crate::diagnostics::secret_text`]), then cut to at most `max` characters with
/// an ellipsis: redacting first, so a cut can never leave part of a secret unrecognised.
pub fn truncate(s: &str, max: usize) -> String {
    cut(&redact_text(s), max)
}

/// The longest [`snippet`], in characters, ellipsis included.
pub const SNIPPET_CHARS: usize = 40;

/// `s` redacted, then cut to at most [`SNIPPET_CHARS`] characters, the ellipsis included, for
/// quoting a value in a message: the one quoting helper of every language checker.
pub fn snippet(s: &str) -> String {
    fit(&redact_text(s), SNIPPET_CHARS)
}

/// `s` as it is when it has at most `max` characters, else its first `max - 1` and an ellipsis.
/// It does not redact: for texts that hold no secret, or are redacted before.
pub fn fit(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some(_) => cut(s, max.saturating_sub(1)),
        None => s.to_owned(),
    }
}

/// `s` cut to its first `max` characters and an ellipsis, when it is longer.
fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", s.get(..i).unwrap_or(s)),
        None => s.to_owned(),
    }
}

/// The longest text, in characters, [`osa_distance`] compares: typos are looked for in names,
/// and the bound keeps each comparison small whatever the input.
pub const MAX_TYPO_CHARS: usize = 64;

/// The optimal-string-alignment distance between `a` and `b` in characters (an adjacent swap
/// counts one edit), or `None` when either is longer than [`MAX_TYPO_CHARS`].
pub fn osa_distance(a: &str, b: &str) -> Option<usize> {
    let short = |s: &str| s.chars().nth(MAX_TYPO_CHARS).is_none();
    (short(a) && short(b)).then(|| strsim::osa_distance(a, b))
}

/// The Levenshtein distance between `a` and `b` in characters (a swap counts two edits).
pub fn levenshtein(a: &str, b: &str) -> usize {
    strsim::levenshtein(a, b)
}

/// When `text` is longer than `limit` UTF-16 code units (Java's `String.length()`): its length in
/// those units and the span of the characters past the limit.
pub fn over_utf16_limit(text: &str, limit: usize) -> Option<(usize, Span)> {
    // UTF-8 never takes fewer bytes than UTF-16 units: most texts need no count.
    if text.len() <= limit {
        return None;
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_keeps_short_texts_and_cuts_long_ones_ellipsis_included() {
        assert_eq!(fit("abc", 3), "abc");
        assert_eq!(fit("abcd", 3), "ab…");
        assert_eq!(fit("äöüß", 2), "ä…");
        assert_eq!(fit("", 0), "");
    }

    #[test]
    fn a_snippet_is_at_most_forty_characters_after_redaction() {
        assert_eq!(snippet(&"a".repeat(40)), "a".repeat(40));
        assert_eq!(snippet(&"a".repeat(41)), format!("{}…", "a".repeat(39)));
        // Redacted first, then cut: the mask counts toward the forty, though the text it
        // replaces is shorter (40 characters here, 49 once masked).
        let url = format!("https://b:pw@h.example.com/{}", "p".repeat(13));
        assert_eq!(url.chars().count(), SNIPPET_CHARS);
        let shown = snippet(&url);
        assert_eq!(shown, "https://b:[REDACTED]@h.example.com/pppp…");
    }

    #[test]
    fn truncate_cuts_after_max_characters_and_redacts_first() {
        assert_eq!(truncate("abcdef", 3), "abc…");
        assert_eq!(truncate("abc", 3), "abc");
        let shown = truncate("https://u:secretpassword@h.example.com/", 20);
        assert!(!shown.contains("secret"), "{shown}");
    }

    #[test]
    fn distances_count_characters_and_swaps_as_their_names_say() {
        assert_eq!(osa_distance("sotr", "sort"), Some(1));
        assert_eq!(levenshtein("sotr", "sort"), 2);
        assert_eq!(osa_distance("ä", "a"), Some(1));
        let long = "x".repeat(MAX_TYPO_CHARS + 1);
        assert_eq!(osa_distance(&long, "x"), None);
        assert_eq!(osa_distance(&long[1..], "x"), Some(MAX_TYPO_CHARS - 1));
    }

    #[test]
    fn utf16_limit_counts_units_and_spans_the_characters_past_it() {
        assert_eq!(over_utf16_limit("abc", 3), None);
        assert_eq!(
            over_utf16_limit("abcd", 3),
            Some((4, Span { start: 3, end: 4 }))
        );
        // Two astral characters are four units: the second is past a limit of three.
        assert_eq!(
            over_utf16_limit("😀😀", 3),
            Some((4, Span { start: 1, end: 2 }))
        );
        assert_eq!(over_utf16_limit("ééé", 3), None, "six bytes, three units");
    }
}
