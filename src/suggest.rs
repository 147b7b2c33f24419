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
    for c in candidates {
        let cn = normalise(c);
        if cn == norm {
            return Some(c);
        }
        let distance = strsim::damerau_levenshtein(&norm, &cn);
        let allowed = (cn.chars().count().max(norm.chars().count()) / 4).clamp(1, 3);
        let plural = cn.len() + 1 == norm.len() && norm.starts_with(cn.as_str());
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
