//! Redaction of text: the one step every string takes before it leaves the core in a diagnostic
//! (message, suggestion, params, path), a built request's URL or a parsed response.
//!
//! It works on the text as written, not on a parsed URL: a secret is replaced in place by
//! [`MASK`] and every other byte stays (host case, port, path, no slash added, nothing
//! percent-encoded), so the same function serves URLs, URL fragments quoted in messages, and
//! excerpts. What it masks:
//! - the password of `scheme://user:password@host` and of `//user:password@host`, even with raw
//!   `/ ? # \ @` inside it (the password runs to the last `@` before the host), and a lone user
//!   part (`https://TOKEN@host`) other than the conventional `git`;
//! - the user info of git's `user[:password]@host.domain:path`;
//! - the value of a query or fragment parameter whose key is in [`SECRET_QUERY_KEYS`] or named
//!   like a credential (holds `token`, `secret`, `passw`, `signature` or `credential`), compared
//!   ignoring ASCII case;
//! - tokens in a known format wherever they stand ([`TOKEN_PREFIXES`]: GitHub, GitLab, Slack,
//!   Atlassian, AWS key ids) after their prefix, and the body of a PEM private key.
//!
//! Over-masking is preferred to a leak: `https://host:8443/a/@b` reads `8443/a/` as a password.

use std::borrow::Cow;

/// What a redacted secret reads as.
pub const MASK: &str = "[REDACTED]";

/// Query and fragment keys whose values are credentials (compared ignoring ASCII case); keys
/// named like a credential count too (see the module documentation).
pub const SECRET_QUERY_KEYS: &[&str] = &[
    "access_token",
    "private_token",
    "refresh_token",
    "id_token",
    "oauth_token",
    "token",
    "auth",
    "authorization",
    "sig",
    "signature",
    "key",
    "api_key",
    "apikey",
    "api-key",
    "jwt",
    "session",
    "sessionid",
    "session_id",
    "code",
    "pat",
    "password",
    "passwd",
    "pass",
    "pwd",
    "secret",
    "client_secret",
    "private_key",
    "x-amz-signature",
    "x-amz-credential",
    "x-amz-security-token",
    "x-goog-signature",
    "x-goog-credential",
];

/// Prefixes of credentials with a recognisable format; what follows the prefix is masked. Each
/// starts with `g`, `x` or `A` (the scan looks only there).
pub const TOKEN_PREFIXES: &[&str] = &[
    "ghp_",
    "gho_",
    "ghu_",
    "ghs_",
    "ghr_",
    "github_pat_",
    "glpat-",
    "gldt-",
    "glptt-",
    "glrt-",
    "xoxb-",
    "xoxp-",
    "xoxa-",
    "ATATT",
    "AKIA",
    "ASIA",
];

/// True for a query or fragment key whose value is a credential.
pub fn is_secret_query_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    SECRET_QUERY_KEYS.contains(&lower.as_str())
        || ["token", "secret", "passw", "signature", "credential"]
            .iter()
            .any(|part| lower.contains(part))
}

/// `s` with every secret it shows replaced by [`MASK`]; borrowed when there is none. A redacted
/// text redacts to itself.
pub fn redact_text(s: &str) -> Cow<'_, str> {
    let ranges = secret_ranges(s);
    if ranges.is_empty() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    for (start, end) in ranges {
        out.push_str(s.get(last..start).unwrap_or(""));
        out.push_str(MASK);
        last = end;
    }
    out.push_str(s.get(last..).unwrap_or(""));
    Cow::Owned(out)
}

/// The byte ranges of `s` that hold secrets, sorted, merged, never empty and never equal to the
/// mask itself.
pub fn secret_ranges(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    if b.contains(&b'@') {
        url_user_info(b, &mut found);
        scp_user_info(b, &mut found);
    }
    if b.contains(&b'=') {
        query_values(b, &mut found);
    }
    known_tokens(s, &mut found);
    found.retain(|&(start, end)| end > start && s.get(start..end) != Some(MASK));
    found.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for (start, end) in found {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

/// Ends a URL-like token: whitespace, quotes and angle brackets.
fn ends_token(c: u8) -> bool {
    c.is_ascii_whitespace() || matches!(c, b'"' | b'<' | b'>' | b'`')
}

/// Ends the authority of a URL (the URL parser reads `\` as `/` in http(s) URLs).
fn ends_authority(c: u8) -> bool {
    matches!(c, b'/' | b'\\' | b'?' | b'#')
}

fn find(b: &[u8], from: usize, to: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    (from..to).find(|&i| b.get(i).copied().is_some_and(&pred))
}

/// `//user:password@` and `//user@`: after each pair of slashes (either way round).
fn url_user_info(b: &[u8], found: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i + 1 < b.len() {
        let slashes =
            matches!(b.get(i), Some(b'/' | b'\\')) && matches!(b.get(i + 1), Some(b'/' | b'\\'));
        if !slashes {
            i += 1;
            continue;
        }
        let start = i + 2;
        let token_end = find(b, start, b.len(), ends_token).unwrap_or(b.len());
        let first_stop =
            find(b, start, token_end, |c| c == b'@' || ends_authority(c)).unwrap_or(token_end);
        let colon = find(b, start, first_stop, |c| c == b':');
        match colon {
            // The password runs from the colon to the last `@` before the host's end, so raw
            // `/ ? # \ @` inside it are masked too.
            Some(colon) => {
                if let Some(first_at) = find(b, colon, token_end, |c| c == b'@') {
                    let host_end =
                        find(b, first_at, token_end, ends_authority).unwrap_or(token_end);
                    let at = (first_at..host_end)
                        .rev()
                        .find(|&k| b.get(k) == Some(&b'@'))
                        .unwrap_or(first_at);
                    found.push((colon + 1, at));
                }
            }
            None if b.get(first_stop) == Some(&b'@') => {
                let authority_end =
                    find(b, first_stop, token_end, ends_authority).unwrap_or(token_end);
                let at = (first_stop..authority_end)
                    .rev()
                    .find(|&k| b.get(k) == Some(&b'@'))
                    .unwrap_or(first_stop);
                if b.get(start..at) != Some(b"git") {
                    found.push((start, at));
                }
            }
            None => {}
        }
        i = start;
    }
}

/// git's `user[:password]@host.domain:path`: the user info before an `@` whose host has a dot
/// and is followed by a colon (an e-mail address has no `:path`).
fn scp_user_info(b: &[u8], found: &mut Vec<(usize, usize)>) {
    for at in (0..b.len()).filter(|&k| b.get(k) == Some(&b'@')) {
        let start = (0..at)
            .rev()
            .find(|&k| {
                b.get(k).copied().is_some_and(|c| {
                    ends_token(c) || matches!(c, b'(' | b'\'' | b'=' | b',' | b'/' | b'\\')
                })
            })
            .map_or(0, |k| k + 1);
        let user = b.get(start..at).unwrap_or_default();
        let host_len = b
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c >= 0x80 || matches!(c, b'.' | b'-'))
            .count();
        let host = b.get(at + 1..at + 1 + host_len).unwrap_or_default();
        let then_colon = b.get(at + 1 + host_len) == Some(&b':');
        let is_user = !user.is_empty() && user != b"git";
        if then_colon && host.contains(&b'.') && is_user {
            let from = user
                .iter()
                .position(|&c| c == b':')
                .map_or(start, |c| start + c + 1);
            found.push((from, at));
        }
    }
}

/// `key=value` after `?`, `&`, `#` or `;` (or at the start) whose key is a secret's: the value,
/// up to the next `&` or the end of the token.
fn query_values(b: &[u8], found: &mut Vec<(usize, usize)>) {
    for eq in (0..b.len()).filter(|&k| b.get(k) == Some(&b'=')) {
        let key_start = (0..eq)
            .rev()
            .find(|&k| {
                !b.get(k)
                    .copied()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
            })
            .map_or(0, |k| k + 1);
        let before = key_start.checked_sub(1).and_then(|k| b.get(k).copied());
        let after_separator =
            before.is_none_or(|c| matches!(c, b'?' | b'&' | b'#' | b';') || ends_token(c));
        let key = std::str::from_utf8(b.get(key_start..eq).unwrap_or_default()).unwrap_or("");
        if after_separator && !key.is_empty() && is_secret_query_key(key) {
            let end = find(b, eq + 1, b.len(), |c| c == b'&' || ends_token(c)).unwrap_or(b.len());
            found.push((eq + 1, end));
        }
    }
}

/// Tokens in a known format (what follows the prefix) and PEM private-key bodies.
fn known_tokens(s: &str, found: &mut Vec<(usize, usize)>) {
    let b = s.as_bytes();
    // One pass over the word starts (every prefix starts with `g`, `x` or `A`), not one search
    // per prefix: this runs on every text of every diagnostic.
    let word_starts = (0..b.len()).filter(|&at| {
        matches!(b.get(at), Some(b'g' | b'x' | b'A'))
            && (at == 0 || !b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric))
    });
    for at in word_starts {
        let rest = b.get(at..).unwrap_or_default();
        let Some(prefix) = TOKEN_PREFIXES
            .iter()
            .find(|p| rest.starts_with(p.as_bytes()))
        else {
            continue;
        };
        let start = at + prefix.len();
        let len = b
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-'))
            .count();
        if len >= 8 {
            found.push((start, start + len));
        }
    }
    const BEGIN: &str = "-----BEGIN ";
    for (at, _) in s.match_indices(BEGIN) {
        let rest = s.get(at..).unwrap_or("");
        let Some(header_end) = rest
            .get(BEGIN.len()..)
            .and_then(|r| r.find("-----"))
            .map(|e| at + BEGIN.len() + e + 5)
        else {
            continue;
        };
        if !s.get(at..header_end).unwrap_or("").contains("PRIVATE KEY") {
            continue;
        }
        let end = s
            .get(header_end..)
            .and_then(|r| r.find("-----END"))
            .map_or(s.len(), |e| header_end + e);
        found.push((header_end, end));
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn r(s: &str) -> String {
        redact_text(s).into_owned()
    }

    #[test]
    fn url_credentials_are_masked_in_place_and_the_rest_kept_as_written() {
        assert_eq!(
            r("see HTTPS://bob:pw@Git.Example.COM:443 now"),
            "see HTTPS://bob:[REDACTED]@Git.Example.COM:443 now"
        );
        assert_eq!(r("//bob:pw@host/x?y"), "//bob:[REDACTED]@host/x?y");
        assert_eq!(
            r("https://ghp_tok@github.com"),
            "https://[REDACTED]@github.com"
        );
        assert_eq!(
            r("ssh://git@github.com/a.git"),
            "ssh://git@github.com/a.git"
        );
        assert_eq!(r("https://github.com/a@b"), "https://github.com/a@b");
        assert_eq!(
            r("https://bob:p/?#\\@w@bücher.example/x@y"),
            "https://bob:[REDACTED]@bücher.example/x@y"
        );
        assert_eq!(r("https:\\\\bob:pw@host"), "https:\\\\bob:[REDACTED]@host");
        assert_eq!(r("https://[::1]:8080/x"), "https://[::1]:8080/x");
    }

    #[test]
    fn secret_query_and_fragment_values_are_masked_by_key() {
        assert_eq!(
            r("/user/repos?access_token=abc&page=2"),
            "/user/repos?access_token=[REDACTED]&page=2"
        );
        assert_eq!(
            r("https://h/#ACCESS_TOKEN=abc&token_type=bearer"),
            "https://h/#ACCESS_TOKEN=[REDACTED]&token_type=[REDACTED]"
        );
        assert_eq!(
            r("x?X-Amz-Signature=f00&X-Amz-Date=1"),
            "x?X-Amz-Signature=[REDACTED]&X-Amz-Date=1"
        );
        assert_eq!(r("x?sort=name&monkey=1"), "x?sort=name&monkey=1");
        assert_eq!(r("a == b"), "a == b");
    }

    #[test]
    fn scp_like_user_info_and_known_tokens_are_masked() {
        assert_eq!(
            r("deploy:pw@git.example.com:team/r.git"),
            "deploy:[REDACTED]@git.example.com:team/r.git"
        );
        assert_eq!(r("git@github.com:team/r.git"), "git@github.com:team/r.git");
        assert_eq!(
            r("/deploy:pw@git.example.com:8443:r"),
            "/deploy:[REDACTED]@git.example.com:8443:r"
        );
        assert_eq!(r("mail ops@example.com"), "mail ops@example.com");
        assert_eq!(
            r("pasted ghp_0123456789abcdef here"),
            "pasted ghp_[REDACTED] here"
        );
        assert_eq!(r("the ghp_ prefix"), "the ghp_ prefix");
        let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----";
        assert_eq!(
            r(pem),
            "-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----"
        );
    }

    #[test]
    fn every_token_prefix_is_found_at_a_word_start_only() {
        for prefix in TOKEN_PREFIXES {
            assert!(
                matches!(prefix.as_bytes()[0], b'g' | b'x' | b'A'),
                "{prefix}"
            );
            assert_eq!(
                r(&format!("({prefix}0123456789)")),
                format!("({prefix}[REDACTED])")
            );
            let inside = format!("a{prefix}0123456789");
            assert_eq!(r(&inside), inside);
        }
    }

    #[test]
    fn redacted_text_redacts_to_itself_and_clean_text_is_borrowed() {
        for s in [
            "https://bob:pw@h?token=x#sig=y",
            "u:p@a.b:c ghp_0123456789",
            "//a@b@c/d@e",
        ] {
            let once = r(s);
            assert_eq!(r(&once), once, "{s}");
        }
        assert!(matches!(redact_text("plain text"), Cow::Borrowed(_)));
    }
}
