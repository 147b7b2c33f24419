//! `\Q…\E` quoting, expanded the way Java does before it parses: the quoted text is rewritten
//! into escaped characters, and Java's error indexes refer to the rewritten pattern.

/// The pattern as Java parses it, with each rewritten character's index in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Expanded {
    /// Code points after quote expansion.
    pub(crate) chars: Vec<char>,
    /// For each of `chars`, the index of the original code point it came from.
    pub(crate) origin: Vec<usize>,
    /// Code points in the original pattern.
    pub(crate) original_len: usize,
}

impl Expanded {
    /// The original index for an index into the expanded pattern (the end maps to the end).
    pub(crate) fn original(&self, i: usize) -> usize {
        self.origin.get(i).copied().unwrap_or(self.original_len)
    }
}

/// Expands `\Q…\E`: ASCII letters stay, a digit opening the quote becomes `\x3n` (so it cannot
/// extend an escape before it), other ASCII characters get a backslash, the rest stay.
pub(crate) fn expand(pattern: &str) -> Expanded {
    let src: Vec<char> = pattern.chars().collect();
    let mut chars = Vec::with_capacity(src.len());
    let mut origin = Vec::with_capacity(src.len());
    let at = |i: usize| src.get(i).copied().unwrap_or('\0');
    let mut i = 0;
    while i < src.len() {
        let c = at(i);
        if c != '\\' {
            chars.push(c);
            origin.push(i);
            i += 1;
            continue;
        }
        if src.get(i + 1) != Some(&'Q') {
            // An escape pair is copied whole so `\\Q` is not a quote.
            for (j, &e) in src.iter().enumerate().skip(i).take(2) {
                chars.push(e);
                origin.push(j);
            }
            i += 2;
            continue;
        }
        i += 2;
        let opening = i;
        while i < src.len() && !(at(i) == '\\' && at(i + 1) == 'E') {
            let q = at(i);
            if q.is_ascii_alphabetic() || !q.is_ascii() || (q.is_ascii_digit() && i != opening) {
                chars.push(q);
                origin.push(i);
            } else if q.is_ascii_digit() {
                for r in ['\\', 'x', '3', q] {
                    chars.push(r);
                    origin.push(i);
                }
            } else {
                chars.push('\\');
                chars.push(q);
                origin.push(i);
                origin.push(i);
            }
            i += 1;
        }
        i += 2;
    }
    Expanded {
        chars,
        origin,
        original_len: src.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::expand;

    fn text(p: &str) -> String {
        expand(p).chars.into_iter().collect()
    }

    #[test]
    fn quotes_become_escapes() {
        assert_eq!(text("\\Qa.b\\E("), "a\\.b(");
        assert_eq!(text("\\Q1-2\\E"), "\\x31\\-2");
        assert_eq!(text("\\\\Q("), "\\\\Q(");
        assert_eq!(text("\\Qab"), "ab");
        assert_eq!(text("\\Q\\\\E("), "\\\\(");
        assert_eq!(expand("\\Q.\\Ex").origin, vec![2, 2, 5]);
    }
}
