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
//!
//! Every text takes this step, so deciding that a text holds nothing is the hot path: a first
//! look for the five bytes every secret needs, eight at a time, then one pass that finds where
//! each kind can start ([`starts`]); the matchers run only from there.

use starts::Starts;
use std::borrow::Cow;

mod starts;

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

/// Prefixes of credentials with a recognisable format; what follows the prefix is masked when it
/// has the format's shape (its alphabet and length). Each starts with `g`, `x` or `A` (the scan looks
/// only there).
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

/// The characters a token's body is written with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenAlphabet {
    /// `A-Z a-z 0-9`.
    Alphanumeric,
    /// `A-Z 0-9` (AWS access key ids).
    UpperAlphanumeric,
    /// `A-Z a-z 0-9 _` (GitHub fine-grained tokens).
    Underscored,
    /// `A-Z a-z 0-9 _ - =` (GitLab, Slack and Atlassian tokens).
    Dashed,
}

impl TokenAlphabet {
    fn holds(self, c: u8) -> bool {
        c.is_ascii_alphanumeric()
            && (self != TokenAlphabet::UpperAlphanumeric || !c.is_ascii_lowercase())
            || match self {
                TokenAlphabet::Underscored => c == b'_',
                TokenAlphabet::Dashed => matches!(c, b'_' | b'-' | b'='),
                _ => false,
            }
    }
}

/// The shape of a credential in a known format: its prefix, then at least `min_len` characters
/// of `alphabet` (exactly `min_len` and then a word end when `exact`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenFormat {
    /// What the token starts with, one of [`TOKEN_PREFIXES`].
    pub prefix: &'static str,
    /// The characters of the body.
    pub alphabet: TokenAlphabet,
    /// The body's shortest length.
    pub min_len: usize,
    /// The body has exactly `min_len` characters.
    pub exact: bool,
    /// The body may go on in `.`-separated parts (GitLab's routable tokens end in
    /// `.<version>.<checksum>`); a `.` that no body character follows ends it.
    pub dotted: bool,
}

const fn format(prefix: &'static str, alphabet: TokenAlphabet, min_len: usize) -> TokenFormat {
    TokenFormat {
        prefix,
        alphabet,
        min_len,
        exact: false,
        dotted: false,
    }
}

const fn gitlab(prefix: &'static str) -> TokenFormat {
    TokenFormat {
        dotted: true,
        ..format(prefix, TokenAlphabet::Dashed, 20)
    }
}

/// The formats of [`TOKEN_PREFIXES`], longest prefix first where one starts another. GitHub's
/// tokens have 36 alphanumerics after `ghp_` (and its kin) and 82 after `github_pat_` (GitHub may
/// make them longer, so these are minimums); GitLab's have 20 after their prefix, and its
/// routable tokens go on in `.`-separated parts; Slack's bot and
/// user tokens are two numbers and a key joined by `-`; Atlassian API tokens run to about 190
/// characters; AWS key ids are `AKIA`/`ASIA` and exactly 16 upper-case alphanumerics. An ordinary
/// name that merely starts with a prefix (`ASIA-Pacific-Jira`, `ghp_labels`) is not a token.
pub const TOKEN_FORMATS: &[TokenFormat] = &[
    format("ghp_", TokenAlphabet::Alphanumeric, 36),
    format("gho_", TokenAlphabet::Alphanumeric, 36),
    format("ghu_", TokenAlphabet::Alphanumeric, 36),
    format("ghs_", TokenAlphabet::Alphanumeric, 36),
    format("ghr_", TokenAlphabet::Alphanumeric, 36),
    format("github_pat_", TokenAlphabet::Underscored, 82),
    gitlab("glpat-"),
    gitlab("gldt-"),
    gitlab("glptt-"),
    gitlab("glrt-"),
    format("xoxb-", TokenAlphabet::Dashed, 20),
    format("xoxp-", TokenAlphabet::Dashed, 20),
    format("xoxa-", TokenAlphabet::Dashed, 20),
    format("ATATT", TokenAlphabet::Dashed, 60),
    TokenFormat {
        exact: true,
        ..format("AKIA", TokenAlphabet::UpperAlphanumeric, 16)
    },
    TokenFormat {
        exact: true,
        ..format("ASIA", TokenAlphabet::UpperAlphanumeric, 16)
    },
];

/// True for a query or fragment key whose value is a credential.
pub fn is_secret_query_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    SECRET_QUERY_KEYS.contains(&lower.as_str())
        || ["token", "secret", "passw", "signature", "credential"]
            .iter()
            .any(|part| lower.contains(part))
}

/// `s` with every secret it shows replaced by [`REDACTED`](crate::redact::REDACTED); borrowed
/// when there is none. A redacted text redacts to itself.
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
/// mask itself. Allocates nothing when there are none.
pub fn secret_ranges(s: &str) -> Vec<(usize, usize)> {
    if !starts::may_hold_secret(s.as_bytes()) {
        return Vec::new();
    }
    let starts = Starts::scan(s.as_bytes());
    if starts.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    starts.match_from(s, &mut found);
    merged(s, found)
}

/// Sorts `found`, drops the empty ranges and those already masked, and merges what overlaps.
fn merged(s: &str, mut found: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
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

#[cfg(debug_assertions)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Debug builds only: how many bytes the redaction scans have looked at on this thread. Tests
/// compare it at two text lengths to check that the work grows linearly (never timed).
#[cfg(all(debug_assertions, test))]
pub fn scan_steps() -> u64 {
    STEPS.with(std::cell::Cell::get)
}

fn step(n: usize) {
    #[cfg(debug_assertions)]
    STEPS.with(|s| s.set(s.get().saturating_add(n as u64)));
    #[cfg(not(debug_assertions))]
    let _ = n;
}

fn find(b: &[u8], from: usize, to: usize, pred: impl Fn(u8) -> bool) -> Option<usize> {
    let found = (from..to).find(|&i| b.get(i).copied().is_some_and(&pred));
    step(found.unwrap_or(to).saturating_sub(from) + 1);
    found
}

/// The first position at or after a start where `pred` holds (the text's length when none).
/// The scans ask from starts that only grow, and a start inside the stretch last read reuses its
/// answer, so each byte is read once per cursor however many URLs, `=` or words the text holds.
struct Next<F> {
    pred: F,
    from: usize,
    at: usize,
}

impl<F: Fn(u8) -> bool> Next<F> {
    fn new(pred: F) -> Next<F> {
        Next {
            pred,
            from: 1,
            at: 0,
        }
    }

    fn from(&mut self, b: &[u8], i: usize) -> usize {
        if !(self.from <= i && i <= self.at) {
            self.from = i;
            self.at = find(b, i, b.len(), &self.pred).unwrap_or(b.len());
        }
        self.at
    }
}

/// The last `@` before an end that only grows, read forward once.
#[derive(Default)]
struct LastAt {
    read_to: usize,
    last: Option<usize>,
}

impl LastAt {
    /// The last `@` in `first_at..end`, where `b[first_at]` is an `@`.
    fn before(&mut self, b: &[u8], first_at: usize, end: usize) -> usize {
        if self.read_to > end {
            *self = LastAt {
                read_to: first_at,
                last: None,
            };
        }
        let from = self.read_to;
        if let Some(k) = (from..end).rev().find(|&k| b.get(k) == Some(&b'@')) {
            self.last = Some(k);
        }
        step(end.saturating_sub(from));
        self.read_to = self.read_to.max(end);
        self.last.filter(|&k| k >= first_at).unwrap_or(first_at)
    }
}

/// `//user:password@` and `//user@`: after each pair of slashes (either way round). The user
/// runs to the first `:`, `@`, end of authority or of token. A password runs from the colon to
/// the last `@` before the host's end whatever it holds (raw `/ ? # \ @`, space, quotes, `<`,
/// `>`, backtick), as the URL parser and git read it; a lone user ends with its token.
fn url_user_info(b: &[u8], found: &mut Vec<(usize, usize)>) {
    let mut user_end =
        Next::new(|c| matches!(c, b'@' | b':') || ends_authority(c) || ends_token(c));
    let mut token_end = Next::new(ends_token);
    let mut next_at = Next::new(|c| c == b'@');
    let mut authority_end = Next::new(ends_authority);
    let mut last_at = LastAt::default();
    let mut i = 0;
    while i + 1 < b.len() {
        step(1);
        let slashes =
            matches!(b.get(i), Some(b'/' | b'\\')) && matches!(b.get(i + 1), Some(b'/' | b'\\'));
        if !slashes {
            i += 1;
            continue;
        }
        let start = i + 2;
        let stop = user_end.from(b, start);
        match b.get(stop) {
            Some(b':') => {
                let first_at = next_at.from(b, stop);
                if first_at < b.len() {
                    let host_end = authority_end.from(b, first_at);
                    found.push((stop + 1, last_at.before(b, first_at, host_end)));
                }
            }
            Some(b'@') => {
                let end = authority_end.from(b, stop).min(token_end.from(b, stop));
                let at = last_at.before(b, stop, end);
                if b.get(start..at) != Some(b"git") {
                    found.push((start, at));
                }
            }
            _ => {}
        }
        i = start;
    }
}

/// git's `user[:password]@host.domain:path`: the user info before an `@` whose host has a dot
/// and is followed by a colon (an e-mail address has no `:path`). One forward pass: the token's
/// start and first colon are kept as it goes.
fn scp_user_info(b: &[u8], found: &mut Vec<(usize, usize)>) {
    let mut start = 0;
    let mut colon = None;
    for (at, &c) in b.iter().enumerate() {
        step(1);
        if ends_token(c) || matches!(c, b'(' | b'\'' | b'=' | b',' | b'/' | b'\\') {
            start = at + 1;
            colon = None;
            continue;
        }
        if c == b':' {
            colon = colon.or(Some(at));
        }
        if c != b'@' {
            continue;
        }
        let user = b.get(start..at).unwrap_or_default();
        let host_len = b
            .get(at + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|&&c| c.is_ascii_alphanumeric() || c >= 0x80 || matches!(c, b'.' | b'-'))
            .count();
        step(host_len);
        let host = b.get(at + 1..at + 1 + host_len).unwrap_or_default();
        let then_colon = b.get(at + 1 + host_len) == Some(&b':');
        let is_user = !user.is_empty() && user != b"git";
        if then_colon && host.contains(&b'.') && is_user {
            found.push((colon.map_or(start, |c| c + 1), at));
        }
    }
}

fn is_key_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')
}

/// `key=value` after `?`, `&`, `#` or `;` (or at the start) whose key is a secret's: the value,
/// up to the next `&` or the end of the token.
fn query_values(b: &[u8], from: usize, found: &mut Vec<(usize, usize)>) {
    let mut value_end = Next::new(|c| c == b'&' || ends_token(c));
    for eq in (from..b.len()).filter(|&k| b.get(k) == Some(&b'=')) {
        // A key holds no `=`, so the keys read back here never overlap.
        let key_len = b
            .get(..eq)
            .unwrap_or_default()
            .iter()
            .rev()
            .take_while(|&&c| is_key_char(c))
            .count();
        step(key_len + 1);
        let key_start = eq - key_len;
        let before = key_start.checked_sub(1).and_then(|k| b.get(k).copied());
        let after_separator =
            before.is_none_or(|c| matches!(c, b'?' | b'&' | b'#' | b';') || ends_token(c));
        let key = std::str::from_utf8(b.get(key_start..eq).unwrap_or_default()).unwrap_or("");
        if after_separator && !key.is_empty() && is_secret_query_key(key) {
            found.push((eq + 1, value_end.from(b, eq + 1)));
        }
    }
}

/// Tokens in a known format ([`TOKEN_FORMATS`]: what follows the prefix) at or after `from`.
fn known_tokens(b: &[u8], from: usize, found: &mut Vec<(usize, usize)>) {
    let mut bodies = [
        TokenAlphabet::Alphanumeric,
        TokenAlphabet::UpperAlphanumeric,
        TokenAlphabet::Underscored,
        TokenAlphabet::Dashed,
    ]
    .map(|a| (a, Next::new(move |c| !a.holds(c))));
    // One pass over the word starts (every prefix starts with `g`, `x` or `A`), not one search
    // per prefix.
    let word_starts = (from..b.len()).filter(|&at| {
        step(1);
        matches!(b.get(at), Some(b'g' | b'x' | b'A'))
            && (at == 0 || !b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric))
    });
    for at in word_starts {
        let rest = b.get(at..).unwrap_or_default();
        let Some(format) = TOKEN_FORMATS
            .iter()
            .find(|f| rest.starts_with(f.prefix.as_bytes()))
        else {
            continue;
        };
        let start = at + format.prefix.len();
        let Some((_, body)) = bodies.iter_mut().find(|(a, _)| *a == format.alphabet) else {
            continue;
        };
        let mut end = body.from(b, start);
        let len = end - start;
        while format.dotted
            && b.get(end) == Some(&b'.')
            && b.get(end + 1).is_some_and(|&c| format.alphabet.holds(c))
        {
            end = body.from(b, end + 1);
        }
        let fits = if format.exact {
            len == format.min_len && !b.get(end).is_some_and(u8::is_ascii_alphanumeric)
        } else {
            len >= format.min_len
        };
        if fits {
            found.push((start, end));
        }
    }
}

/// The bodies of PEM private keys, from the end of the `-----BEGIN ... PRIVATE KEY-----` header
/// to the `-----END` (or the end of the text), from the header at `from`.
fn pem_bodies(s: &str, from: usize, found: &mut Vec<(usize, usize)>) {
    const BEGIN: &str = starts::PEM_BEGIN;
    let mut covered = 0;
    let headers = s.get(from..).unwrap_or("").match_indices(BEGIN);
    for at in headers.map(|(at, _)| from + at) {
        // A header inside a body already masked changes nothing; skipping it keeps this linear.
        if at < covered {
            continue;
        }
        let Some(header_end) = s
            .get(at + BEGIN.len()..)
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
        covered = end;
    }
}

#[cfg(test)]
#[path = "secret_text_tests.rs"]
mod tests;
