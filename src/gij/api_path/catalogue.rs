//! The catalogue of known `apiPath` values: the hosts, each host's example paths (reference §A6)
//! and the same listing written in each vendor's dialect.

use serde::Serialize;

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
    pub(super) fn is_github(self) -> bool {
        matches!(self, ApiHost::GitHubCom | ApiHost::GitHubServer)
    }

    pub(super) fn gitlab_version(self) -> Option<&'static str> {
        match self {
            ApiHost::GitLabCom | ApiHost::GitLabServer => Some("/api/v4"),
            ApiHost::GitLabLegacy => Some("/api/v3"),
            _ => None,
        }
    }

    pub(super) fn label(self) -> &'static str {
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

pub(super) const GITHUB_PATHS: &[KnownPath] = &[
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

pub(super) const GITLAB_PATHS: &[KnownPath] = &[
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

pub(super) const GITLAB_LEGACY_PATHS: &[KnownPath] = &[
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
pub(super) struct Equivalent {
    github: Option<&'static str>,
    gitlab_v4: Option<&'static str>,
    gitlab_v3: Option<&'static str>,
}

pub(super) const EQUIVALENTS: &[Equivalent] = &[
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
pub(super) enum Dialect {
    GitHub,
    GitLabV4,
    GitLabV3,
}

impl Equivalent {
    pub(super) fn get(&self, d: Dialect) -> Option<&'static str> {
        match d {
            Dialect::GitHub => self.github,
            Dialect::GitLabV4 => self.gitlab_v4,
            Dialect::GitLabV3 => self.gitlab_v3,
        }
    }
}

pub(super) fn host_dialect(host: ApiHost) -> Option<Dialect> {
    match host {
        ApiHost::GitHubCom | ApiHost::GitHubServer => Some(Dialect::GitHub),
        ApiHost::GitLabCom | ApiHost::GitLabServer => Some(Dialect::GitLabV4),
        ApiHost::GitLabLegacy => Some(Dialect::GitLabV3),
        ApiHost::Other => None,
    }
}

pub(super) fn templates(d: Dialect) -> impl Iterator<Item = &'static str> {
    let list = match d {
        Dialect::GitHub => GITHUB_PATHS,
        Dialect::GitLabV4 => GITLAB_PATHS,
        Dialect::GitLabV3 => GITLAB_LEGACY_PATHS,
    };
    list.iter().map(|k| k.path)
}
