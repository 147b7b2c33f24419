//! `apiPath`: the custom API path a GitHub or GitLab integration lists repositories with.
//!
//! The path is appended to the integration's origin, so it must be a path (reference R7, §A6):
//! it starts with `/`, carries no scheme or host and is at most 2000 characters. Beyond that,
//! [`check_api_path`] compares it with the vendor's example paths for the host ([`known_paths`])
//! and flags near misses, paths written for the other vendor, and API-prefix mistakes.
//!
//! Decisions where the documentation is silent or contradictory:
//! - X9 (GitHub Enterprise and `/api/v3`): for [`ApiHost::GitHubServer`] both `/user/repos` and
//!   `/api/v3/user/repos` are accepted; the prefix is flagged only when the origin already ends
//!   with `/api/v3` (the call would go to `/api/v3/api/v3/...`). The same doubling check applies
//!   to a GitLab origin that ends with `/api/v4` or `/api/v3`. GitHub.com's API has no `/api/v3`
//!   prefix, so there it is a near miss.
//! - A GitLab path that does not start with `/api/` is a warning (the origin might hold the
//!   prefix), unless the origin is known to end with it.
//! - `/api/v4/projects` without `membership`, `owned` or `starred` is flagged on GitLab.com only,
//!   where it lists every public project; on a self-managed server it may be meant.
//! - The GitLab legacy host (GitLab before 9.5) speaks API v3; its known paths come from GitLab's
//!   API v3 documentation, not from the vendor, so none of them is marked as the default.
//! - The length limit is counted in UTF-16 code units (Java `String.length()`); a longer value
//!   gets only that error.
//! - Unknown paths far from every known path are accepted: the field exists for custom paths.
//! - Suggestions replace the text at the diagnostic's span.

mod catalogue;
mod matching;
mod structure;
#[cfg(test)]
mod tests;

pub use catalogue::{ApiHost, KnownPath, known_paths};

use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::lang::refspec::over_limit;
use crate::memo::{Recent, memo};
use crate::text::snippet;
use std::cell::RefCell;
use structure::structure;

/// Longest accepted `apiPath`, in UTF-16 code units (Java `String.length()`).
pub const MAX_LENGTH: usize = 2000;

/// The path is longer than [`MAX_LENGTH`].
pub const TOO_LONG: Code = Code::new(
    "api-path-too-long",
    Severity::Error,
    "The custom API path is longer than 2000 characters.",
);
/// Whitespace around or inside the path.
pub const WHITESPACE: Code = Code::new(
    "api-path-whitespace",
    Severity::Warning,
    "The custom API path has whitespace around or inside it.",
);
/// The value is a full URL.
pub const FULL_URL: Code = Code::new(
    "api-path-full-url",
    Severity::Error,
    "The custom API path is a full URL; give only the path, the host comes from the origin.",
);
/// The value starts with `//` (a network-path reference).
pub const NETWORK_PATH: Code = Code::new(
    "api-path-network-path",
    Severity::Error,
    "The custom API path starts with '//', which names a host.",
);
/// The value does not start with `/`.
pub const MISSING_SLASH: Code = Code::new(
    "api-path-missing-slash",
    Severity::Error,
    "The custom API path must start with '/'.",
);
/// A template placeholder such as `<org>` is still in the path.
pub const PLACEHOLDER: Code = Code::new(
    "api-path-placeholder",
    Severity::Error,
    "The custom API path still contains a placeholder such as <org>.",
);
/// The origin already ends with the API prefix the path starts with.
pub const DOUBLED_PREFIX: Code = Code::new(
    "api-path-doubled-prefix",
    Severity::Warning,
    "The origin already ends with the API prefix (/api/v3 or /api/v4) that the path repeats.",
);
/// A GitHub path on a GitLab host, or a GitLab path on a GitHub host.
pub const WRONG_HOST: Code = Code::new(
    "api-path-wrong-host",
    Severity::Warning,
    "The custom API path is written for the other vendor (GitHub vs GitLab).",
);
/// The GitLab API version in the path does not fit the host.
pub const GITLAB_VERSION: Code = Code::new(
    "api-path-gitlab-version",
    Severity::Warning,
    "The GitLab API version in the path does not fit the host (legacy uses v3, others v4).",
);
/// A GitLab path without the `/api/v4` (or legacy `/api/v3`) prefix.
pub const MISSING_API_PREFIX: Code = Code::new(
    "api-path-missing-api-prefix",
    Severity::Warning,
    "A GitLab API path lacks the /api/v4 (legacy: /api/v3) prefix.",
);
/// The path is close to, but not the same as, a known path for the host.
pub const NEAR_MISS: Code = Code::new(
    "api-path-near-miss",
    Severity::Warning,
    "The custom API path is close to a known path for the host; it is probably a typo.",
);

/// Every code [`check_api_path`] can emit.
pub const CODES: &[Code] = &[
    TOO_LONG,
    WHITESPACE,
    FULL_URL,
    NETWORK_PATH,
    MISSING_SLASH,
    PLACEHOLDER,
    DOUBLED_PREFIX,
    WRONG_HOST,
    GITLAB_VERSION,
    MISSING_API_PREFIX,
    NEAR_MISS,
];

/// Checks an `apiPath` value for `host`. `origin` is the integration's origin when known; it is
/// used only to detect a doubled `/api/v3` or `/api/v4`. An empty value (the host's default) is
/// clean. Diagnostics have path `""` and a span in characters.
pub fn check_api_path(path: &str, host: ApiHost, origin: Option<&str>) -> Vec<Diagnostic> {
    // A suggestion rewrites the path (drops a slash, a scheme, a host), which can take apart the
    // URL around a credential: the words come from the redacted path.
    crate::lang::checked_redacted(path, |p| check_api_path_as_written(p, host, origin))
}

fn check_api_path_as_written(path: &str, host: ApiHost, origin: Option<&str>) -> Vec<Diagnostic> {
    // The analysis tries every template of every dialect; a form revalidating on each keystroke
    // (or a script checking many payloads with the same path) reuses the last results.
    thread_local! {
        static RECENT: RefCell<Recent<Vec<Diagnostic>>> = const { RefCell::new(Recent::new(8)) };
    }
    // The origin's length marks where it ends: no origin and path pair spells another's key.
    let key = match origin {
        Some(o) => format!("{host:?} {} {o}{path}", o.len()),
        None => format!("{host:?} - {path}"),
    };
    memo(&RECENT, &key, || analyse(path, host, origin)).to_vec()
}

fn analyse(path: &str, host: ApiHost, origin: Option<&str>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if let Some((units, span)) = over_limit(path, MAX_LENGTH) {
        out.push(
            Diagnostic::new(
                &TOO_LONG,
                "",
                format!("The API path is {units} characters long; the limit is {MAX_LENGTH}."),
            )
            .param("length", units)
            .param("limit", MAX_LENGTH)
            .with_span(span),
        );
        return out;
    }
    let trimmed = path.trim();
    let lead = path.chars().take_while(|c| c.is_whitespace()).count();
    let whole = Span {
        start: 0,
        end: path.chars().count(),
    };
    if trimmed.len() != path.len() {
        out.push(
            Diagnostic::new(
                &WHITESPACE,
                "",
                "The API path has spaces or line breaks around it; remove them.",
            )
            .suggest(trimmed)
            .with_span(whole),
        );
    }
    if trimmed.is_empty() {
        return out;
    }
    let span = Span {
        start: lead,
        end: lead + trimmed.chars().count(),
    };
    let origin_prefix = origin.and_then(origin_api_prefix);
    if let Some(d) = not_a_path(trimmed, span, origin_prefix) {
        out.push(d);
        return out;
    }
    let holes = placeholders(trimmed, lead, &mut out);
    inner_whitespace(trimmed, lead, &holes, &mut out);
    if let Some(d) = structure(trimmed, span, host, origin_prefix) {
        out.push(d);
    }
    out
}

/// `/api/v3` or `/api/v4` when the origin's path already ends with it.
fn origin_api_prefix(origin: &str) -> Option<&'static str> {
    let parsed = crate::url::parse_url(origin.trim()).ok();
    let origin_path = parsed.as_ref().map_or(origin.trim(), |u| u.path());
    let origin_path = origin_path.trim_end_matches('/');
    ["/api/v3", "/api/v4"]
        .into_iter()
        .find(|p| origin_path.ends_with(p))
}

/// Strips `prefix` from `path` when it is a whole leading segment run.
fn strip_segments<'a>(path: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = path.strip_prefix(prefix)?;
    if rest.is_empty() || rest.starts_with(['/', '?', '#']) {
        Some(rest)
    } else {
        None
    }
}

/// The path, query and fragment of a parsed URL.
fn url_path_part(u: &url::Url) -> String {
    let mut s = u.path().to_string();
    if let Some(q) = u.query() {
        s.push('?');
        s.push_str(q);
    }
    s
}

/// Drops a prefix the origin already carries from a suggested path.
fn undouble(path: String, origin_prefix: Option<&str>) -> String {
    match origin_prefix.and_then(|p| strip_segments(&path, p)) {
        Some("") => "/".to_string(),
        Some(rest) => rest.to_string(),
        None => path,
    }
}

fn looks_like_host(h: &str) -> bool {
    h.contains('.') || h.eq_ignore_ascii_case("localhost")
}

/// Full URLs, `//host` references and relative paths.
fn not_a_path(trimmed: &str, span: Span, origin_prefix: Option<&str>) -> Option<Diagnostic> {
    let full_url = crate::url::parse_url(trimmed)
        .ok()
        .filter(|u| u.host_str().is_some_and(|h| !h.is_empty()));
    if let Some(u) = full_url {
        return Some(
            Diagnostic::new(
                &FULL_URL,
                "",
                "The API path is a full URL; give only the path starting with '/', the host comes from the origin.",
            )
            .suggest(undouble(url_path_part(&u), origin_prefix))
            .with_span(span),
        );
    }
    if trimmed.starts_with("//") {
        let parsed = crate::url::parse_url(&format!("https:{trimmed}")).ok();
        let named_host = parsed
            .as_ref()
            .and_then(|u| u.host_str())
            .filter(|h| looks_like_host(h));
        let (message, suggestion) = match (named_host, &parsed) {
            (Some(h), Some(u)) => (
                format!(
                    "The API path starts with '//', which makes '{}' a host name; give only the path.",
                    snippet(h)
                ),
                undouble(url_path_part(u), origin_prefix),
            ),
            _ => (
                "The API path starts with '//'; use a single '/'.".to_string(),
                format!("/{}", trimmed.trim_start_matches('/')),
            ),
        };
        return Some(
            Diagnostic::new(&NETWORK_PATH, "", message)
                .suggest(suggestion)
                .with_span(span),
        );
    }
    if !trimmed.starts_with('/') {
        let first = trimmed.split(['/', '?']).next().unwrap_or_default();
        let suggestion = if looks_like_host(first) && !first.starts_with('.') {
            crate::url::parse_url(&format!("https://{trimmed}"))
                .ok()
                .map(|u| undouble(url_path_part(&u), origin_prefix))
                .unwrap_or_else(|| format!("/{trimmed}"))
        } else {
            format!("/{trimmed}")
        };
        return Some(
            Diagnostic::new(&MISSING_SLASH, "", "The API path must start with '/'.")
                .suggest(suggestion)
                .with_span(span),
        );
    }
    None
}

/// `<...>` placeholders, and stray `<` or `>`. Returns their spans.
fn placeholders(trimmed: &str, lead: usize, out: &mut Vec<Diagnostic>) -> Vec<Span> {
    let mut spans = Vec::new();
    let chars: Vec<char> = trimmed.chars().collect();
    let mut i = 0usize;
    while let Some(&c) = chars.get(i) {
        if c != '<' && c != '>' {
            i += 1;
            continue;
        }
        let end = if c == '<' {
            chars
                .iter()
                .skip(i + 1)
                .position(|&x| x == '>' || x == '<' || x == '/')
                .map(|p| i + 1 + p)
                .filter(|&j| chars.get(j) == Some(&'>'))
                .map_or(i + 1, |j| j + 1)
        } else {
            i + 1
        };
        let text: String = chars.iter().skip(i).take(end - i).collect();
        let span = Span {
            start: lead + i,
            end: lead + end,
        };
        spans.push(span);
        out.push(
            Diagnostic::new(
                &PLACEHOLDER,
                "",
                format!(
                    "Replace the placeholder '{}' with a real value.",
                    snippet(&text)
                ),
            )
            .param("placeholder", text)
            .with_span(span),
        );
        i = end;
    }
    spans
}

/// Whitespace runs outside placeholders (a placeholder's own spaces are part of its error).
fn inner_whitespace(trimmed: &str, lead: usize, holes: &[Span], out: &mut Vec<Diagnostic>) {
    let mut run: Option<usize> = None;
    for (i, c) in trimmed.chars().enumerate() {
        let in_hole = holes
            .iter()
            .any(|h| h.start <= lead + i && lead + i < h.end);
        match (c.is_whitespace() && !in_hole, run) {
            (true, None) => run = Some(i),
            (false, Some(start)) => {
                out.push(
                    Diagnostic::new(
                        &WHITESPACE,
                        "",
                        "The API path contains whitespace; remove it or encode it as %20.",
                    )
                    .with_span(Span {
                        start: lead + start,
                        end: lead + i,
                    }),
                );
                run = None;
            }
            _ => {}
        }
    }
}
