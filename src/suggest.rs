//! "Did you mean" for misspelt names and values.

/// The candidate closest to `input`, if it is close enough to be a likely typo.
///
/// Comparison ignores case, `_`, `-` and spaces first (so `integration_type` finds
/// `integrationType` and `github` finds `GITHUB`), then allows a small edit distance.
pub fn did_you_mean<'c>(
    input: &str,
    candidates: impl IntoIterator<Item = &'c str>,
) -> Option<&'c str> {
    let norm = normalise(input);
    if norm.is_empty() || input.chars().count() > 64 {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    let len = norm.chars().count();
    for c in candidates {
        // The edit distance is at least the length difference: skip hopeless candidates cheaply.
        if c.len().abs_diff(len) > 4 {
            continue;
        }
        let cn = normalise(c);
        if cn == norm {
            return Some(c);
        }
        let cn_len = cn.chars().count();
        let allowed = (cn_len.max(len) / 4).clamp(1, 3);
        let plural = cn.len() + 1 == norm.len() && norm.starts_with(cn.as_str());
        if cn_len.abs_diff(len) > allowed && !plural {
            continue;
        }
        let Some(distance) = crate::text::osa_distance(&norm, &cn) else {
            continue;
        };
        if (distance <= allowed || plural) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| c)
}

fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().filter(|c| !matches!(c, '_' | '-' | ' ')) {
        push_lower(&mut out, c);
    }
    out
}

// Unicode case conversion (`str::to_lowercase`, `to_uppercase`) brings std's case tables into
// the wasm (their size: docs/performance.md). Every caller compares the result with ASCII text (field names, property
// names, known paths), so only the characters whose conversion yields an ASCII character need
// converting; any other non-ASCII character stays as it is and still matches nothing. The tests
// check this against std for every character.

/// `s.to_lowercase()`, for comparing with ASCII text.
pub(crate) fn lower_for_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_lower(&mut out, c);
    }
    out
}

fn push_lower(out: &mut String, c: char) {
    match c {
        '\u{130}' => out.push_str("i\u{307}"),
        '\u{212A}' => out.push('k'),
        c => out.push(c.to_ascii_lowercase()),
    }
}

/// `s.to_uppercase()`, for comparing with ASCII text (Java's `toUpperCase(Locale.ROOT)` agrees).
pub(crate) fn upper_for_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        out.push_str(match c {
            '\u{DF}' => "SS",
            '\u{131}' => "I",
            '\u{149}' => "\u{2BC}N",
            '\u{17F}' => "S",
            '\u{1F0}' => "J\u{30C}",
            '\u{1E96}' => "H\u{331}",
            '\u{1E97}' => "T\u{308}",
            '\u{1E98}' => "W\u{30A}",
            '\u{1E99}' => "Y\u{30A}",
            '\u{1E9A}' => "A\u{2BE}",
            '\u{FB00}' => "FF",
            '\u{FB01}' => "FI",
            '\u{FB02}' => "FL",
            '\u{FB03}' => "FFI",
            '\u{FB04}' => "FFL",
            '\u{FB05}' | '\u{FB06}' => "ST",
            c => {
                out.push(c.to_ascii_uppercase());
                continue;
            }
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// For every character: where std's conversion yields an ASCII character, ours is the same;
    /// elsewhere ours keeps the character, which is not ASCII either and (for lower case, where
    /// lengths count in edit distances) has the same length in characters.
    #[test]
    fn case_conversions_agree_with_std_wherever_ascii_can_result() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let s = c.to_string();
            for (ours, std, same_length) in [
                (
                    lower_for_ascii(&s),
                    c.to_lowercase().collect::<String>(),
                    true,
                ),
                (
                    upper_for_ascii(&s),
                    c.to_uppercase().collect::<String>(),
                    false,
                ),
            ] {
                if std.chars().any(|x| x.is_ascii()) {
                    assert_eq!(ours, std, "U+{:04X}", u32::from(c));
                } else {
                    assert_eq!(ours, s, "U+{:04X}", u32::from(c));
                    assert!(
                        !same_length || std.chars().count() == 1,
                        "U+{:04X}",
                        u32::from(c)
                    );
                }
            }
        }
    }

    #[test]
    fn finds_case_and_separator_variants_and_typos() {
        let names = ["displayName", "integrationType", "type"];
        assert_eq!(did_you_mean("dispalyName", names), Some("displayName"));
        assert_eq!(
            did_you_mean("integration_type", names),
            Some("integrationType")
        );
        assert_eq!(did_you_mean("zzzzzz", names), None);
        let types = ["GITLAB_SERVER", "GITHUB"];
        assert_eq!(did_you_mean("GITLAB_SERVERS", types), Some("GITLAB_SERVER"));
        assert_eq!(did_you_mean("github", types), Some("GITHUB"));
    }
}
