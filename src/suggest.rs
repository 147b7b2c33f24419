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
        let distance = strsim::osa_distance(&norm, &cn);
        if (distance <= allowed || plural) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, c));
        }
    }
    best.map(|(_, c)| c)
}

fn normalise(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

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
