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

use super::refspec::{over_limit, snippet};
use crate::diagnostics::{Code, Diagnostic, Severity, Span};
use crate::memo::{Recent, memo};
use serde::Serialize;
use std::cell::RefCell;

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

/// The kind of git host an `apiPath` is sent to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum ApiHost {
    /// GitHub.com (integration type `GITHUB`).
    GitHubCom,
    /// GitHub Enterprise Server (`GITHUB_SERVER`).
    GitHubServer,
    /// GitLab.com (`GITLAB`).
    GitLabCom,
    /// GitLab self-managed, 9.5 or later (`GITLAB_SERVER`).
    GitLabServer,
    /// GitLab before 9.5, API v3 (`GITLAB_SERVER_LEGACY`).
    GitLabLegacy,
    /// Any other integration type; only the generic path rules apply.
    Other,
}

impl ApiHost {
    /// The host for a GIJ integration `type` value (`GITHUB`, `GITLAB_SERVER`, ...).
    pub fn from_integration_type(integration_type: &str) -> ApiHost {
        match integration_type {
            "GITHUB" => ApiHost::GitHubCom,
            "GITHUB_SERVER" => ApiHost::GitHubServer,
            "GITLAB" => ApiHost::GitLabCom,
            "GITLAB_SERVER" => ApiHost::GitLabServer,
            "GITLAB_SERVER_LEGACY" => ApiHost::GitLabLegacy,
            _ => ApiHost::Other,
        }
    }

    fn is_github(self) -> bool {
        matches!(self, ApiHost::GitHubCom | ApiHost::GitHubServer)
    }

    fn gitlab_version(self) -> Option<&'static str> {
        match self {
            ApiHost::GitLabCom | ApiHost::GitLabServer => Some("/api/v4"),
            ApiHost::GitLabLegacy => Some("/api/v3"),
            _ => None,
        }
    }

    fn label(self) -> &'static str {
        match self {
            ApiHost::GitHubCom => "GitHub.com",
            ApiHost::GitHubServer => "GitHub Enterprise",
            ApiHost::GitLabCom => "GitLab.com",
            ApiHost::GitLabServer => "GitLab self-managed",
            ApiHost::GitLabLegacy => "GitLab legacy (API v3)",
            ApiHost::Other => "this host",
        }
    }
}

/// An example path a form can offer. `<...>` parts are placeholders to replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnownPath {
    /// The path template, e.g. `/orgs/<org>/repos`.
    pub path: &'static str,
    /// What it lists, in plain English.
    pub description: &'static str,
    /// True for the path the integration uses when `apiPath` is empty.
    pub is_default: bool,
}

const fn kp(path: &'static str, description: &'static str, is_default: bool) -> KnownPath {
    KnownPath {
        path,
        description,
        is_default,
    }
}

const GITHUB_PATHS: &[KnownPath] = &[
    kp(
        "/user/repos",
        "Repositories the authenticated user can access (the default, the same as leaving the field empty).",
        true,
    ),
    kp(
        "/users/<username>/repos",
        "Repositories of one user.",
        false,
    ),
    kp(
        "/user/starred",
        "Repositories the authenticated user has starred.",
        false,
    ),
    kp(
        "/users/<username>/starred",
        "Repositories one user has starred (may fail on GitHub Enterprise with SSO).",
        false,
    ),
    kp(
        "/orgs/<org>/repos",
        "Repositories of one organization.",
        false,
    ),
];

const GITLAB_PATHS: &[KnownPath] = &[
    kp(
        "/api/v4/projects?membership=true",
        "Projects the user is a member of (the default).",
        true,
    ),
    kp(
        "/api/v4/users/<user_id>/projects",
        "Projects of one user.",
        false,
    ),
    kp(
        "/api/v4/projects?starred=true",
        "Projects the user has starred.",
        false,
    ),
    kp(
        "/api/v4/projects?owned=true",
        "Projects the user owns.",
        false,
    ),
    kp(
        "/api/v4/groups/<group>/projects",
        "Projects of one group (group id or URL-encoded path).",
        false,
    ),
    kp(
        "/api/v4/groups/<group>/projects?include_subgroups=true",
        "Projects of one group and its subgroups.",
        false,
    ),
];

const GITLAB_LEGACY_PATHS: &[KnownPath] = &[
    kp(
        "/api/v3/projects",
        "Projects the user is a member of (GitLab API v3).",
        false,
    ),
    kp(
        "/api/v3/projects/starred",
        "Projects the user has starred (GitLab API v3).",
        false,
    ),
    kp(
        "/api/v3/projects/owned",
        "Projects the user owns (GitLab API v3).",
        false,
    ),
    kp(
        "/api/v3/groups/<group>/projects",
        "Projects of one group (GitLab API v3).",
        false,
    ),
];

/// The example paths for `host` (reference §A6), the default first. Empty for [`ApiHost::Other`].
pub fn known_paths(host: ApiHost) -> &'static [KnownPath] {
    match host {
        ApiHost::GitHubCom | ApiHost::GitHubServer => GITHUB_PATHS,
        ApiHost::GitLabCom | ApiHost::GitLabServer => GITLAB_PATHS,
        ApiHost::GitLabLegacy => GITLAB_LEGACY_PATHS,
        ApiHost::Other => &[],
    }
}

/// The same listing in each dialect, for suggestions when a path is written for the other vendor.
/// Placeholders correspond in order.
struct Equivalent {
    github: Option<&'static str>,
    gitlab_v4: Option<&'static str>,
    gitlab_v3: Option<&'static str>,
}

const EQUIVALENTS: &[Equivalent] = &[
    Equivalent {
        github: Some("/user/repos"),
        gitlab_v4: Some("/api/v4/projects?membership=true"),
        gitlab_v3: Some("/api/v3/projects"),
    },
    Equivalent {
        github: Some("/users/<username>/repos"),
        gitlab_v4: Some("/api/v4/users/<user_id>/projects"),
        gitlab_v3: None,
    },
    Equivalent {
        github: Some("/user/starred"),
        gitlab_v4: Some("/api/v4/projects?starred=true"),
        gitlab_v3: Some("/api/v3/projects/starred"),
    },
    Equivalent {
        github: Some("/orgs/<org>/repos"),
        gitlab_v4: Some("/api/v4/groups/<group>/projects"),
        gitlab_v3: Some("/api/v3/groups/<group>/projects"),
    },
    Equivalent {
        github: Some("/orgs/<org>/repos"),
        gitlab_v4: Some("/api/v4/groups/<group>/projects?include_subgroups=true"),
        gitlab_v3: None,
    },
    Equivalent {
        github: None,
        gitlab_v4: Some("/api/v4/projects?owned=true"),
        gitlab_v3: Some("/api/v3/projects/owned"),
    },
];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Dialect {
    GitHub,
    GitLabV4,
    GitLabV3,
}

impl Equivalent {
    fn get(&self, d: Dialect) -> Option<&'static str> {
        match d {
            Dialect::GitHub => self.github,
            Dialect::GitLabV4 => self.gitlab_v4,
            Dialect::GitLabV3 => self.gitlab_v3,
        }
    }
}

fn host_dialect(host: ApiHost) -> Option<Dialect> {
    match host {
        ApiHost::GitHubCom | ApiHost::GitHubServer => Some(Dialect::GitHub),
        ApiHost::GitLabCom | ApiHost::GitLabServer => Some(Dialect::GitLabV4),
        ApiHost::GitLabLegacy => Some(Dialect::GitLabV3),
        ApiHost::Other => None,
    }
}

/// Checks an `apiPath` value for `host`. `origin` is the integration's origin when known; it is
/// used only to detect a doubled `/api/v3` or `/api/v4`. An empty value (the host's default) is
/// clean. Diagnostics have path `""` and a span in characters.
pub fn check_api_path(path: &str, host: ApiHost, origin: Option<&str>) -> Vec<Diagnostic> {
    // A suggestion rewrites the path (drops a slash, a scheme, a host), which can take apart the
    // URL around a credential: the words come from the redacted path.
    super::checked_redacted(path, |p| check_api_path_as_written(p, host, origin))
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

/// A path split for matching: non-empty segments, query pairs, and whether empty segments
/// (`//`, a trailing `/`) were dropped.
struct Target<'a> {
    segs: Vec<&'a str>,
    pairs: Vec<&'a str>,
    had_empty: bool,
}

fn split_query(path: &str) -> (&str, &str) {
    let path = path.split_once('#').map_or(path, |(p, _)| p);
    path.split_once('?').unwrap_or((path, ""))
}

fn query_pairs(query: &str) -> Vec<&str> {
    query.split('&').filter(|p| !p.is_empty()).collect()
}

fn pair_key(pair: &str) -> &str {
    pair.split_once('=').map_or(pair, |(k, _)| k)
}

fn target(path: &str) -> Target<'_> {
    let (p, q) = split_query(path);
    let raw: Vec<&str> = p.split('/').skip(1).collect();
    let had_empty = raw.iter().any(|s| s.is_empty()) && raw.len() > 1;
    Target {
        segs: raw.into_iter().filter(|s| !s.is_empty()).collect(),
        pairs: query_pairs(q),
        had_empty,
    }
}

fn is_placeholder(seg: &str) -> bool {
    seg.starts_with('<') && seg.ends_with('>')
}

fn is_version(seg: &str) -> bool {
    seg.len() >= 2 && seg.starts_with('v') && seg.chars().skip(1).all(|c| c.is_ascii_digit())
}

/// Optimal-string-alignment distance, for short strings (at most 64 characters each).
fn edit_distance(a: &str, b: &str) -> Option<usize> {
    crate::text::osa_distance(a, b)
}

/// The cost of reading `seg` as the literal `lit` (at least 1), or `None` if too far.
fn closeness(seg: &str, lit: &str) -> Option<usize> {
    if is_version(seg) && is_version(lit) {
        return None;
    }
    let lower = crate::suggest::lower_for_ascii(seg);
    let lit_chars = lit.chars().count();
    let limit = if lit_chars <= 5 { 1 } else { 2 };
    // The distance is at least the difference in length: most pairs stop here.
    if lower.chars().count().abs_diff(lit_chars) > limit {
        return None;
    }
    let d = edit_distance(&lower, lit)?;
    (d <= limit).then_some(d.max(1))
}

enum Fit {
    Exact,
    /// The segments match but a query pair of the template is missing.
    MissingQuery,
    /// Close; the cost orders candidates.
    Near(usize),
}

fn fit(tpl: &str, t: &Target<'_>) -> Option<Fit> {
    let (tpl_path, tpl_query) = split_query(tpl);
    // Called for every template on every validation: no allocation until a template is close.
    let tsegs = || tpl_path.split('/').skip(1);
    let tlen = tsegs().count();
    let mut cost = 0usize;
    if t.segs.len() == tlen {
        for (s, ts) in t.segs.iter().zip(tsegs()) {
            if is_placeholder(ts) || *s == ts {
                continue;
            }
            cost += closeness(s, ts)?;
        }
    } else if t.segs.len() + 1 == tlen
        && !t.segs.is_empty()
        && tsegs().last().is_some_and(|l| !is_placeholder(l))
    {
        for (s, ts) in t.segs.iter().zip(tsegs()) {
            if !(is_placeholder(ts) || *s == ts) {
                return None;
            }
        }
        cost = 2;
    } else {
        return None;
    }
    let missing = tpl_query
        .split('&')
        .filter(|p| !p.is_empty() && !t.pairs.contains(p))
        .count();
    if cost > 0 || t.had_empty {
        // Among close templates, prefer the one whose query the path already has.
        return Some(Fit::Near(cost + missing));
    }
    if missing == 0 {
        Some(Fit::Exact)
    } else {
        Some(Fit::MissingQuery)
    }
}

/// The values at the template's placeholder positions.
fn captures<'a>(tpl: &str, t: &Target<'a>) -> Vec<&'a str> {
    let (tpl_path, _) = split_query(tpl);
    tpl_path
        .split('/')
        .skip(1)
        .zip(&t.segs)
        .filter(|(ts, _)| is_placeholder(ts))
        .map(|(_, s)| *s)
        .collect()
}

/// `tpl` with its placeholders replaced by `values` in order and the user's query pairs kept
/// (the template's own pairs win on the same key).
fn fill(tpl: &str, values: &[&str], user_pairs: &[&str]) -> String {
    let (tpl_path, tpl_query) = split_query(tpl);
    let mut values = values.iter();
    let mut out = String::new();
    for ts in tpl_path.split('/').skip(1) {
        out.push('/');
        if is_placeholder(ts) {
            out.push_str(values.next().copied().unwrap_or(ts));
        } else {
            out.push_str(ts);
        }
    }
    let tpairs = query_pairs(tpl_query);
    let mut pairs: Vec<&str> = user_pairs
        .iter()
        .copied()
        .filter(|p| !tpairs.iter().any(|tp| pair_key(tp) == pair_key(p)))
        .collect();
    pairs.extend(tpairs);
    if !pairs.is_empty() {
        out.push('?');
        out.push_str(&pairs.join("&"));
    }
    out
}

fn templates(d: Dialect) -> impl Iterator<Item = &'static str> {
    let list = match d {
        Dialect::GitHub => GITHUB_PATHS,
        Dialect::GitLabV4 => GITLAB_PATHS,
        Dialect::GitLabV3 => GITLAB_LEGACY_PATHS,
    };
    list.iter().map(|k| k.path)
}

/// The best near fit among `d`'s templates: `None` when a template fits exactly or none is close.
/// With `strict_query`, a missing template query pair also counts as a near miss.
fn near_miss(path: &str, d: Dialect, strict_query: bool) -> Option<String> {
    let t = target(path);
    let mut best: Option<(usize, &str)> = None;
    for tpl in templates(d) {
        let cost = match fit(tpl, &t) {
            Some(Fit::Exact) => return None,
            Some(Fit::MissingQuery) if strict_query => 1,
            Some(Fit::Near(c)) => c,
            _ => continue,
        };
        if best.is_none_or(|(b, _)| cost < b) {
            best = Some((cost, tpl));
        }
    }
    let (_, tpl) = best?;
    Some(fill(tpl, &captures(tpl, &t), &t.pairs))
}

/// Whether `path` fits a template of `d` exactly or up to a missing query pair.
fn fits_dialect(path: &str, d: Dialect) -> bool {
    let t = target(path);
    templates(d).any(|tpl| matches!(fit(tpl, &t), Some(Fit::Exact | Fit::MissingQuery)))
}

/// `path` (written in dialect `from`) translated to `to`, when an equivalent exists.
fn translate(path: &str, from: Dialect, to: Dialect) -> Option<String> {
    let t = target(path);
    EQUIVALENTS.iter().find_map(|e| {
        let src = e.get(from)?;
        let dst = e.get(to)?;
        matches!(fit(src, &t), Some(Fit::Exact)).then(|| fill(dst, &captures(src, &t), &[]))
    })
}

fn warn(
    code: &'static Code,
    message: String,
    suggestion: Option<String>,
    span: Span,
) -> Diagnostic {
    let d = Diagnostic::new(code, "", message).with_span(span);
    match suggestion {
        Some(s) => d.suggest(s),
        None => d,
    }
}

/// At most one remark on the path's shape for the host.
fn structure(
    path: &str,
    span: Span,
    host: ApiHost,
    origin_prefix: Option<&'static str>,
) -> Option<Diagnostic> {
    let dialect = host_dialect(host)?;
    let doubled = origin_prefix.and_then(|p| strip_segments(path, p).map(|rest| (p, rest)));
    if let Some((prefix, rest)) = doubled {
        let fixed = if rest.is_empty() { "/" } else { rest };
        return Some(
            warn(
                &DOUBLED_PREFIX,
                format!(
                    "The origin already ends with {prefix}, so this path would call {prefix}{prefix}/...; drop the prefix from the path."
                ),
                Some(fixed.to_string()),
                span,
            )
            .param("prefix", prefix),
        );
    }
    if host.is_github() {
        github_structure(path, span, host)
    } else {
        gitlab_structure(path, span, host, dialect, origin_prefix)
    }
}

fn github_structure(path: &str, span: Span, host: ApiHost) -> Option<Diagnostic> {
    // A GitLab path: anything under /api/v4, or a GitLab v3 listing.
    let gitlab_like = strip_segments(path, "/api/v4").is_some()
        || fits_dialect(path, Dialect::GitLabV4)
        || fits_dialect(path, Dialect::GitLabV3);
    if gitlab_like {
        let suggestion = translate(path, Dialect::GitLabV4, Dialect::GitHub)
            .or_else(|| translate(path, Dialect::GitLabV3, Dialect::GitHub));
        return Some(
            warn(
                &WRONG_HOST,
                format!(
                    "This looks like a GitLab API path, but the integration is {}; GitHub paths look like /user/repos.",
                    host.label()
                ),
                suggestion,
                span,
            )
            .param("host", host.label()),
        );
    }
    let (prefix, rest) = match strip_segments(path, "/api/v3") {
        Some(rest) if host == ApiHost::GitHubCom => {
            let fixed = if rest.is_empty() { "/" } else { rest };
            return Some(warn(
                &NEAR_MISS,
                "GitHub.com's API has no /api/v3 prefix (GitHub Enterprise's has); drop it."
                    .to_string(),
                Some(fixed.to_string()),
                span,
            ));
        }
        Some(rest) => ("/api/v3", rest),
        None => ("", path),
    };
    let suggestion = near_miss(rest, Dialect::GitHub, false)?;
    Some(near_miss_warning(
        format!("{prefix}{suggestion}"),
        host,
        span,
    ))
}

fn near_miss_warning(suggestion: String, host: ApiHost, span: Span) -> Diagnostic {
    warn(
        &NEAR_MISS,
        format!(
            "The path is close to the known {} path '{}'; check for a typo.",
            host.label(),
            snippet(&suggestion)
        ),
        Some(suggestion),
        span,
    )
    .param("host", host.label())
}

fn gitlab_structure(
    path: &str,
    span: Span,
    host: ApiHost,
    dialect: Dialect,
    origin_prefix: Option<&'static str>,
) -> Option<Diagnostic> {
    let version = host.gitlab_version()?;
    // A GitHub path, possibly with GitHub Enterprise's /api/v3 prefix.
    let github_path = strip_segments(path, "/api/v3")
        .filter(|r| fits_dialect(r, Dialect::GitHub))
        .or_else(|| fits_dialect(path, Dialect::GitHub).then_some(path));
    if let Some(gh) = github_path {
        let suggestion =
            translate(gh, Dialect::GitHub, dialect).map(|s| undouble(s, origin_prefix));
        return Some(
            warn(
                &WRONG_HOST,
                format!(
                    "This looks like a GitHub API path, but the integration is {}; GitLab paths look like {version}/projects.",
                    host.label()
                ),
                suggestion,
                span,
            )
            .param("host", host.label()),
        );
    }
    let other = if version == "/api/v4" {
        ("/api/v3", Dialect::GitLabV3)
    } else {
        ("/api/v4", Dialect::GitLabV4)
    };
    if strip_segments(path, other.0).is_some() {
        let message = if host == ApiHost::GitLabLegacy {
            "The GitLab legacy integration (GitLab before 9.5) uses API v3, but this path uses /api/v4."
        } else {
            "GitLab.com and GitLab 9.5 and later support only API v4, but this path uses /api/v3."
        };
        let suggestion = translate(path, other.1, dialect).map(|s| undouble(s, origin_prefix));
        return Some(
            warn(&GITLAB_VERSION, message.to_string(), suggestion, span).param("expected", version),
        );
    }
    let (full, missing) = match origin_prefix {
        Some(p) => (format!("{p}{path}"), false),
        None if strip_segments(path, "/api").is_none() => (format!("{version}{path}"), true),
        None => (path.to_string(), false),
    };
    let strict = host == ApiHost::GitLabCom;
    let near = near_miss(&full, dialect, strict);
    if missing {
        let suggestion = near.unwrap_or(full);
        return Some(warn(
            &MISSING_API_PREFIX,
            format!(
                "GitLab API paths start with {version}, unless the origin already ends with it."
            ),
            Some(suggestion),
            span,
        ));
    }
    let suggestion = undouble(near?, origin_prefix);
    let t = target(&full);
    let bare_projects = strict && t.segs.len() == 3 && t.segs.last() == Some(&"projects");
    if bare_projects && !t.had_empty {
        return Some(warn(
            &NEAR_MISS,
            "On GitLab.com this lists every public project; add membership=true (or owned=true, starred=true) to list your own."
                .to_string(),
            Some(suggestion),
            span,
        ));
    }
    Some(near_miss_warning(suggestion, host, span))
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use ApiHost::*;

    const ALL: [ApiHost; 6] = [
        GitHubCom,
        GitHubServer,
        GitLabCom,
        GitLabServer,
        GitLabLegacy,
        Other,
    ];

    #[test]
    fn remembered_results_depend_on_host_and_origin_too() {
        let path = "/api/v4/projects";
        let origin = Some("https://gitlab.example.com/api/v4");
        for _ in 0..2 {
            let with_origin = check_api_path(path, GitLabServer, origin);
            assert_eq!(with_origin.len(), 1);
            assert_eq!(with_origin[0].code, DOUBLED_PREFIX.id);
            assert!(check_api_path(path, GitLabServer, None).is_empty());
            assert_eq!(codes(path, GitHubCom), vec![WRONG_HOST.id]);
        }
    }

    #[test]
    fn remembered_results_are_not_confused_by_separators_in_the_origin_or_path() {
        let origin = "https://gitlab.example.com/api/v4";
        let with_nul = format!("{origin}\u{0}");
        let pairs = [
            ("\u{0}/projects", Some(origin)),
            ("/projects", Some(with_nul.as_str())),
            ("/api/v4/projects", Some("\u{1}")),
            ("/api/v4/projects", None),
        ];
        for (path, origin) in pairs {
            assert_eq!(
                check_api_path(path, GitLabServer, origin),
                analyse(path, GitLabServer, origin),
                "{path:?} {origin:?}"
            );
        }
    }

    fn codes(path: &str, host: ApiHost) -> Vec<&'static str> {
        check_api_path(path, host, None)
            .iter()
            .map(|d| d.code.id)
            .collect()
    }

    fn only(path: &str, host: ApiHost, origin: Option<&str>, code: &Code) -> Diagnostic {
        let ds = check_api_path(path, host, origin);
        assert_eq!(ds.len(), 1, "{path:?} on {host:?}: {ds:#?}");
        assert_eq!(ds[0].code, code.id, "{path:?} on {host:?}: {ds:#?}");
        ds[0].clone()
    }

    fn suggestion(path: &str, host: ApiHost, origin: Option<&str>, code: &Code) -> String {
        only(path, host, origin, code)
            .suggestion
            .unwrap_or_default()
    }

    #[test]
    fn a6_examples_are_clean_for_their_hosts() {
        let github = [
            "/user/repos",
            "/users/johnsmith/repos",
            "/user/starred",
            "/users/johnsmith/starred",
            "/orgs/GitKraken/repos",
            "/orgs/BigBrassBand/repos",
        ];
        for p in github {
            for host in [GitHubCom, GitHubServer] {
                assert_eq!(check_api_path(p, host, None), vec![], "{p} on {host:?}");
            }
            let origin = Some("https://ghe.example.com/api/v3");
            assert_eq!(check_api_path(p, GitHubServer, origin), vec![], "{p}");
        }
        // The Cloud doc's GitHub Enterprise form (X9).
        for p in ["/api/v3/user/repos", "/api/v3/orgs/GitKraken/repos"] {
            assert_eq!(check_api_path(p, GitHubServer, None), vec![], "{p}");
            let origin = Some("https://ghe.example.com");
            assert_eq!(check_api_path(p, GitHubServer, origin), vec![], "{p}");
        }
        let gitlab = [
            "/api/v4/projects?membership=true",
            "/api/v4/users/42/projects",
            "/api/v4/projects?starred=true",
            "/api/v4/projects?owned=true",
            "/api/v4/groups/acme/projects",
            "/api/v4/groups/7/projects?include_subgroups=true",
        ];
        for p in gitlab {
            for host in [GitLabCom, GitLabServer] {
                assert_eq!(check_api_path(p, host, None), vec![], "{p} on {host:?}");
            }
        }
        // Reference example payloads.
        assert!(codes("/orgs/acme/repos", GitHubServer).is_empty());
        assert!(
            codes(
                "/api/v4/groups/acme/projects?include_subgroups=true",
                GitLabServer
            )
            .is_empty()
        );
    }

    #[test]
    fn known_paths_validate_apart_from_their_placeholders() {
        for host in ALL {
            for k in known_paths(host) {
                let ds = check_api_path(k.path, host, None);
                let expected = usize::from(k.path.contains('<'));
                assert_eq!(ds.len(), expected, "{} on {host:?}: {ds:#?}", k.path);
                assert!(ds.iter().all(|d| d.code == PLACEHOLDER.id));
            }
            let defaults = known_paths(host).iter().filter(|k| k.is_default).count();
            let expected = usize::from(!matches!(host, GitLabLegacy | Other));
            assert_eq!(defaults, expected, "{host:?}");
        }
        let legacy: Vec<&str> = known_paths(GitLabLegacy).iter().map(|k| k.path).collect();
        assert!(legacy.iter().all(|p| p.starts_with("/api/v3/")));
        let json = serde_json::to_value(known_paths(GitHubCom)[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "path": "/user/repos",
                "description": GITHUB_PATHS[0].description,
                "isDefault": true
            })
        );
    }

    #[test]
    fn empty_is_clean() {
        for host in ALL {
            assert!(codes("", host).is_empty());
        }
    }

    #[test]
    fn too_long() {
        let long = format!("/{}", "a".repeat(2000));
        let d = only(&long, GitHubCom, None, &TOO_LONG);
        assert_eq!(
            d.span,
            Some(Span {
                start: 2000,
                end: 2001
            })
        );
        assert!(codes(&long[..2000], Other).is_empty());
    }

    #[test]
    fn whitespace_around_and_inside() {
        let d = only(" /user/repos\n", GitHubCom, None, &WHITESPACE);
        assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
        assert_eq!(d.span, Some(Span { start: 0, end: 13 }));
        let d = only("/orgs/my org/repos", GitHubCom, None, &WHITESPACE);
        assert_eq!(d.span, Some(Span { start: 8, end: 9 }));
        assert_eq!(d.suggestion, None);
        assert_eq!(codes("  ", Other), vec![WHITESPACE.id]);
    }

    #[test]
    fn full_url_suggests_its_path() {
        let d = only(
            "https://ghe.example.com/api/v3/user/repos",
            GitHubServer,
            None,
            &FULL_URL,
        );
        assert_eq!(d.suggestion.as_deref(), Some("/api/v3/user/repos"));
        let origin = Some("https://ghe.example.com/api/v3/");
        let s = suggestion(
            "https://ghe.example.com/api/v3/user/repos",
            GitHubServer,
            origin,
            &FULL_URL,
        );
        assert_eq!(s, "/user/repos");
        let s = suggestion(
            "https://gitlab.com/api/v4/projects?membership=true",
            GitLabCom,
            None,
            &FULL_URL,
        );
        assert_eq!(s, "/api/v4/projects?membership=true");
    }

    #[test]
    fn network_path() {
        let s = suggestion(
            "//ghe.example.com/api/v3/user/repos",
            GitHubServer,
            None,
            &NETWORK_PATH,
        );
        assert_eq!(s, "/api/v3/user/repos");
        let d = only("//user/repos", GitHubCom, None, &NETWORK_PATH);
        assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
        assert!(d.message.contains("single '/'"));
    }

    /// Each case yields exactly one diagnostic with `code` and the given suggestion.
    fn expect(code: &Code, cases: &[(&str, ApiHost, Option<&str>, Option<&str>)]) {
        for (path, host, origin, want) in cases {
            let d = only(path, *host, *origin, code);
            assert_eq!(d.suggestion.as_deref(), *want, "{path:?} on {host:?}");
        }
    }

    #[test]
    fn missing_slash() {
        expect(
            &MISSING_SLASH,
            &[
                ("user/repos", GitHubCom, None, Some("/user/repos")),
                (
                    "api.github.com/user/repos",
                    GitHubCom,
                    None,
                    Some("/user/repos"),
                ),
                ("x", Other, None, Some("/x")),
            ],
        );
    }

    #[test]
    fn placeholders_are_errors() {
        let d = only("/orgs/<org>/repos", GitHubCom, None, &PLACEHOLDER);
        assert_eq!(d.span, Some(Span { start: 6, end: 11 }));
        assert!(d.message.contains("<org>"));
        let d = only(
            "/api/v4/groups/<groupId or groupName>/projects",
            GitLabServer,
            None,
            &PLACEHOLDER,
        );
        assert_eq!(d.span, Some(Span { start: 15, end: 37 }));
        let d = only("/orgs/<org/repos", GitHubCom, None, &PLACEHOLDER);
        assert_eq!(d.span, Some(Span { start: 6, end: 7 }));
        assert!(codes("/orgs/acme/repos", GitHubCom).is_empty());
    }

    #[test]
    fn doubled_prefix() {
        let ghe = Some("https://ghe.example.com/api/v3");
        let d = only("/api/v3/user/repos", GitHubServer, ghe, &DOUBLED_PREFIX);
        assert_eq!(d.suggestion.as_deref(), Some("/user/repos"));
        assert_eq!(d.severity, Severity::Warning);
        let gl = Some("https://gitlab.example.com/api/v4/");
        let s = suggestion(
            "/api/v4/projects?owned=true",
            GitLabServer,
            gl,
            &DOUBLED_PREFIX,
        );
        assert_eq!(s, "/projects?owned=true");
        // With the prefix in the origin, the short form is the right one.
        assert!(check_api_path("/projects?owned=true", GitLabServer, gl).is_empty());
        assert!(check_api_path("/user/repos", GitHubServer, ghe).is_empty());
    }

    #[test]
    fn wrong_host() {
        expect(
            &WRONG_HOST,
            &[
                (
                    "/orgs/acme/repos",
                    GitLabCom,
                    None,
                    Some("/api/v4/groups/acme/projects"),
                ),
                (
                    "/api/v3/user/repos",
                    GitLabServer,
                    None,
                    Some("/api/v4/projects?membership=true"),
                ),
                (
                    "/user/starred",
                    GitLabLegacy,
                    None,
                    Some("/api/v3/projects/starred"),
                ),
                (
                    "/api/v4/users/42/projects",
                    GitHubCom,
                    None,
                    Some("/users/42/repos"),
                ),
                ("/api/v4/projects?owned=true", GitHubServer, None, None),
                (
                    "/api/v3/groups/acme/projects",
                    GitHubServer,
                    None,
                    Some("/orgs/acme/repos"),
                ),
            ],
        );
        assert!(codes("/user/repos", Other).is_empty());
    }

    #[test]
    fn gitlab_version() {
        expect(
            &GITLAB_VERSION,
            &[
                (
                    "/api/v4/projects?membership=true",
                    GitLabLegacy,
                    None,
                    Some("/api/v3/projects"),
                ),
                (
                    "/api/v3/projects/owned",
                    GitLabCom,
                    None,
                    Some("/api/v4/projects?owned=true"),
                ),
                ("/api/v3/something/else", GitLabServer, None, None),
            ],
        );
        assert!(codes("/api/v3/projects", GitLabLegacy).is_empty());
    }

    #[test]
    fn missing_api_prefix() {
        expect(
            &MISSING_API_PREFIX,
            &[
                (
                    "/projects?membership=true",
                    GitLabCom,
                    None,
                    Some("/api/v4/projects?membership=true"),
                ),
                (
                    "/groups/acme/projetcs",
                    GitLabServer,
                    None,
                    Some("/api/v4/groups/acme/projects"),
                ),
                (
                    "/projects/starred",
                    GitLabLegacy,
                    None,
                    Some("/api/v3/projects/starred"),
                ),
                (
                    "/some/custom",
                    GitLabServer,
                    None,
                    Some("/api/v4/some/custom"),
                ),
            ],
        );
    }

    #[test]
    fn near_misses() {
        let gl = Some("https://gitlab.example.com/api/v4");
        expect(
            &NEAR_MISS,
            &[
                ("/user/repo", GitHubCom, None, Some("/user/repos")),
                ("/users/repos", GitHubCom, None, Some("/user/repos")),
                (
                    "/orgs/acme/repo",
                    GitHubServer,
                    None,
                    Some("/orgs/acme/repos"),
                ),
                (
                    "/api/v3/orgs/acme/repo",
                    GitHubServer,
                    None,
                    Some("/api/v3/orgs/acme/repos"),
                ),
                (
                    "/user/repos/?per_page=100",
                    GitHubCom,
                    None,
                    Some("/user/repos?per_page=100"),
                ),
                ("/orgs/acme", GitHubCom, None, Some("/orgs/acme/repos")),
                ("/User/Starred", GitHubCom, None, Some("/user/starred")),
                (
                    "/api/v4/projetcs?owned=true",
                    GitLabServer,
                    None,
                    Some("/api/v4/projects?owned=true"),
                ),
                (
                    "/group/acme/projects",
                    GitLabServer,
                    gl,
                    Some("/groups/acme/projects"),
                ),
                (
                    "/api/v4/projects?simple=true",
                    GitLabCom,
                    None,
                    Some("/api/v4/projects?simple=true&membership=true"),
                ),
                // GitHub.com's API has no /api/v3 prefix.
                ("/api/v3/user/repos", GitHubCom, None, Some("/user/repos")),
            ],
        );
        // Bare /projects on GitLab.com lists every public project.
        let d = only("/api/v4/projects", GitLabCom, None, &NEAR_MISS);
        assert_eq!(
            d.suggestion.as_deref(),
            Some("/api/v4/projects?membership=true")
        );
        assert!(d.message.contains("every public project"));
        assert!(codes("/api/v4/projects", GitLabServer).is_empty());
        // Real endpoints far from the examples are custom paths, not typos.
        for p in [
            "/user/orgs",
            "/installation/repositories",
            "/user/subscriptions",
        ] {
            assert!(codes(p, GitHubCom).is_empty(), "{p}");
        }
        assert!(codes("/api/v4/users/7/starred_projects", GitLabCom).is_empty());
    }

    #[test]
    fn host_from_integration_type() {
        assert_eq!(ApiHost::from_integration_type("GITHUB"), GitHubCom);
        assert_eq!(
            ApiHost::from_integration_type("GITHUB_SERVER"),
            GitHubServer
        );
        assert_eq!(ApiHost::from_integration_type("GITLAB"), GitLabCom);
        assert_eq!(
            ApiHost::from_integration_type("GITLAB_SERVER"),
            GitLabServer
        );
        assert_eq!(
            ApiHost::from_integration_type("GITLAB_SERVER_LEGACY"),
            GitLabLegacy
        );
        assert_eq!(ApiHost::from_integration_type("GERRIT"), Other);
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "/",
            "//",
            "///",
            "/?",
            "/#",
            "/<",
            "/>",
            "/<>",
            "<",
            "/api",
            "/api/",
            "/api/v3",
            "/api/v4/",
            "/api/v3?x",
            "http://",
            "https://x",
            "/\u{0}",
            "/é/ü/日本",
            "/😀<😀>",
            "?x",
            "#",
            "/a//b//",
            "/api/v4//projects",
        ];
        for p in odd {
            for host in ALL {
                for origin in [None, Some("https://h/api/v3"), Some("::"), Some("")] {
                    let _ = check_api_path(p, host, origin);
                }
            }
        }
    }

    #[test]
    fn codes_are_listed_once() {
        for (i, c) in CODES.iter().enumerate() {
            assert!(c.id.starts_with("api-path-"));
            assert!(CODES.iter().skip(i + 1).all(|o| o.id != c.id));
        }
    }
}
