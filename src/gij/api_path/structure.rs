//! The path's shape for its host: a doubled API prefix, a path written for the other vendor, the
//! wrong GitLab API version, a missing `/api` prefix, or a near miss of a known path.

use super::catalogue::{ApiHost, Dialect, host_dialect};
use super::matching::{fits_dialect, near_miss, target, translate};
use super::{
    DOUBLED_PREFIX, GITLAB_VERSION, MISSING_API_PREFIX, NEAR_MISS, WRONG_HOST, strip_segments,
    undouble,
};
use crate::diagnostics::{Code, Diagnostic, Span};
use crate::text::snippet;

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
pub(super) fn structure(
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

/// A path checked for a GitLab host: the host, its dialect and API prefix, and what the origin
/// already ends with.
struct GitLab {
    host: ApiHost,
    dialect: Dialect,
    /// `/api/v4`, or `/api/v3` for the legacy host.
    version: &'static str,
    origin_prefix: Option<&'static str>,
    span: Span,
}

fn gitlab_structure(
    path: &str,
    span: Span,
    host: ApiHost,
    dialect: Dialect,
    origin_prefix: Option<&'static str>,
) -> Option<Diagnostic> {
    let gitlab = GitLab {
        host,
        dialect,
        version: host.gitlab_version()?,
        origin_prefix,
        span,
    };
    gitlab
        .github_path(path)
        .or_else(|| gitlab.other_version(path))
        .or_else(|| gitlab.prefix_or_near_miss(path))
}

impl GitLab {
    /// A GitHub path, possibly with GitHub Enterprise's /api/v3 prefix.
    fn github_path(&self, path: &str) -> Option<Diagnostic> {
        let gh = strip_segments(path, "/api/v3")
            .filter(|r| fits_dialect(r, Dialect::GitHub))
            .or_else(|| fits_dialect(path, Dialect::GitHub).then_some(path))?;
        let suggestion =
            translate(gh, Dialect::GitHub, self.dialect).map(|s| undouble(s, self.origin_prefix));
        Some(
            warn(
                &WRONG_HOST,
                format!(
                    "This looks like a GitHub API path, but the integration is {}; GitLab paths look like {}/projects.",
                    self.host.label(),
                    self.version
                ),
                suggestion,
                self.span,
            )
            .param("host", self.host.label()),
        )
    }

    /// A path under the other GitLab API version.
    fn other_version(&self, path: &str) -> Option<Diagnostic> {
        let other = if self.version == "/api/v4" {
            ("/api/v3", Dialect::GitLabV3)
        } else {
            ("/api/v4", Dialect::GitLabV4)
        };
        strip_segments(path, other.0)?;
        let message = if self.host == ApiHost::GitLabLegacy {
            "The GitLab legacy integration (GitLab before 9.5) uses API v3, but this path uses /api/v4."
        } else {
            "GitLab.com and GitLab 9.5 and later support only API v4, but this path uses /api/v3."
        };
        let suggestion =
            translate(path, other.1, self.dialect).map(|s| undouble(s, self.origin_prefix));
        Some(
            warn(&GITLAB_VERSION, message.to_string(), suggestion, self.span)
                .param("expected", self.version),
        )
    }

    /// A missing `/api` prefix, GitLab.com's bare `/api/v4/projects`, or a near miss.
    fn prefix_or_near_miss(&self, path: &str) -> Option<Diagnostic> {
        let (span, version) = (self.span, self.version);
        let (full, missing) = match self.origin_prefix {
            Some(p) => (format!("{p}{path}"), false),
            None if strip_segments(path, "/api").is_none() => (format!("{version}{path}"), true),
            None => (path.to_string(), false),
        };
        let strict = self.host == ApiHost::GitLabCom;
        let near = near_miss(&full, self.dialect, strict);
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
        let suggestion = undouble(near?, self.origin_prefix);
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
        Some(near_miss_warning(suggestion, self.host, span))
    }
}
