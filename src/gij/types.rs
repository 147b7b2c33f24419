//! The twelve integration types and their per-type facts (reference §A2), as data.
//!
//! Both the rules and `integrationTypes()` read this table, so the form and the validator can
//! never disagree about what a type requires.

use super::api_path::ApiHost;
use crate::lang::jmespath::HostShape;
use serde::Serialize;

/// An integration `type` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
// The server gains integration types from release to release.
#[non_exhaustive]
pub enum IntegrationType {
    /// GitHub.com and GitHub Enterprise Cloud.
    Github,
    /// GitHub Enterprise Server.
    GithubServer,
    /// GitLab.com.
    Gitlab,
    /// GitLab CE/EE, API v4.
    GitlabServer,
    /// GitLab CE/EE, API v3.
    GitlabServerLegacy,
    /// Tracked folder on the Jira server's file system.
    Filespace,
    /// Azure DevOps Server, self-hosted (see X3).
    AzureDevops,
    /// Visual Studio Team Services.
    Vsts,
    /// Azure DevOps Services, dev.azure.com (see X3).
    Azure,
    /// Team Foundation Server.
    TfsServer,
    /// AWS CodeCommit.
    Aws,
    /// Gerrit.
    Gerrit,
}

impl IntegrationType {
    /// All twelve, in the reference's order.
    pub const ALL: [IntegrationType; 12] = [
        IntegrationType::Github,
        IntegrationType::GithubServer,
        IntegrationType::Gitlab,
        IntegrationType::GitlabServer,
        IntegrationType::GitlabServerLegacy,
        IntegrationType::Filespace,
        IntegrationType::AzureDevops,
        IntegrationType::Vsts,
        IntegrationType::Azure,
        IntegrationType::TfsServer,
        IntegrationType::Aws,
        IntegrationType::Gerrit,
    ];

    /// The JSON value, e.g. `"GITHUB_SERVER"`.
    pub fn as_str(self) -> &'static str {
        self.info().id
    }

    /// Parses an exact JSON value.
    pub fn parse(s: &str) -> Option<IntegrationType> {
        IntegrationType::ALL.into_iter().find(|t| t.as_str() == s)
    }

    /// The per-type facts.
    #[allow(clippy::indexing_slicing)] // The discriminant is the index: one entry per variant.
    pub fn info(self) -> &'static TypeInfo {
        &TYPES[self as usize]
    }

    /// What the server hands to `apiFilter`: a GitHub App integration (`github_app`) of a GitHub
    /// type gets `{total_count, repositories}` instead of the type's listing.
    pub fn listing(self, github_app: bool) -> HostShape {
        let info = self.info();
        match info.family {
            Family::GitHub if github_app => HostShape::GitHubApp,
            _ => info.listing,
        }
    }

    const fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// A set of integration types (which types a field applies to).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeSet(u16);

impl TypeSet {
    /// Every type.
    pub const ALL: TypeSet = TypeSet(0x0FFF);

    /// The set of the given types.
    #[allow(clippy::indexing_slicing)] // `i < types.len()`; `for` is not allowed in const fn.
    pub const fn of(types: &[IntegrationType]) -> TypeSet {
        let mut bits = 0;
        let mut i = 0;
        while i < types.len() {
            bits |= types[i].bit();
            i += 1;
        }
        TypeSet(bits)
    }

    /// Every type except the given ones.
    pub const fn all_but(types: &[IntegrationType]) -> TypeSet {
        TypeSet(TypeSet::ALL.0 & !TypeSet::of(types).0)
    }

    /// True when `t` is in the set.
    pub fn contains(self, t: IntegrationType) -> bool {
        self.0 & t.bit() != 0
    }

    /// The members, in the reference's order.
    pub fn types(self) -> impl Iterator<Item = IntegrationType> {
        IntegrationType::ALL
            .into_iter()
            .filter(move |t| self.contains(*t))
    }
}

/// The vendor family a type belongs to (drives host conventions of `apiPath` and `apiFilter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Family {
    /// GitHub.com or GitHub Enterprise.
    GitHub,
    /// GitLab.com or GitLab CE/EE.
    GitLab,
    /// Azure DevOps, VSTS, TFS.
    Microsoft,
    /// AWS CodeCommit.
    Aws,
    /// Gerrit.
    Gerrit,
    /// A tracked folder.
    Filespace,
}

/// What `origin` holds for a type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum OriginKind {
    /// An http(s) URL of the git host.
    Url,
    /// A file-system path or glob on the Jira server.
    Path,
    /// The type has no origin (the host is implied).
    None,
}

/// One way of supplying credentials: every listed field must be present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Credential {
    /// `username`.
    Username,
    /// `password`.
    Password,
    /// `pat`.
    Pat,
    /// `username` with the literal value `"all"` (TFS with a PAT).
    UsernameAll,
}

impl Credential {
    /// The JSON field the credential is read from.
    pub fn field(self) -> &'static str {
        match self {
            Credential::Username | Credential::UsernameAll => "username",
            Credential::Password => "password",
            Credential::Pat => "pat",
        }
    }
}

/// Per-type facts from reference §A2 and the field rules R2 to R13.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeInfo {
    /// The JSON value.
    #[serde(rename = "type")]
    pub id: &'static str,
    /// A label for forms.
    pub label: &'static str,
    /// The vendor family.
    pub family: Family,
    /// What `origin` holds.
    pub origin: OriginKind,
    /// `origin` must be sent when adding (R2).
    pub origin_required: bool,
    /// Placeholder for the origin input.
    pub origin_example: &'static str,
    /// Accepted credential sets; one of them must be complete when adding (R3). Empty: none needed.
    pub credentials: &'static [&'static [Credential]],
    /// The host whose catalogue `apiPath` is checked against.
    #[serde(skip)]
    pub api_host: ApiHost,
    /// What the server hands to the `apiFilter` of an integration that is not a GitHub App.
    #[serde(skip)]
    pub listing: HostShape,
}

use Credential::{Password, Pat, Username, UsernameAll};

const USER_PASSWORD: &[Credential] = &[Username, Password];
const PAT_ONLY: &[Credential] = &[Pat];

/// The table, in [`IntegrationType::ALL`] order.
pub static TYPES: [TypeInfo; 12] = [
    TypeInfo {
        id: "GITHUB",
        label: "GitHub.com / GitHub Enterprise Cloud",
        family: Family::GitHub,
        origin: OriginKind::Url,
        origin_required: false,
        origin_example: "https://github.com",
        credentials: &[USER_PASSWORD, PAT_ONLY],
        api_host: ApiHost::GitHubCom,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "GITHUB_SERVER",
        label: "GitHub Enterprise Server",
        family: Family::GitHub,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "https://ghe.example.com",
        credentials: &[PAT_ONLY, USER_PASSWORD],
        api_host: ApiHost::GitHubServer,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "GITLAB",
        label: "GitLab.com",
        family: Family::GitLab,
        origin: OriginKind::Url,
        origin_required: false,
        origin_example: "https://gitlab.com",
        credentials: &[PAT_ONLY],
        api_host: ApiHost::GitLabCom,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "GITLAB_SERVER",
        label: "GitLab CE/EE (API v4)",
        family: Family::GitLab,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "https://gitlab.example.com",
        credentials: &[PAT_ONLY],
        api_host: ApiHost::GitLabServer,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "GITLAB_SERVER_LEGACY",
        label: "GitLab CE/EE Legacy (API v3)",
        family: Family::GitLab,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "http://gitlab-old.example.com/",
        credentials: &[USER_PASSWORD],
        api_host: ApiHost::GitLabLegacy,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "FILESPACE",
        label: "Tracked folder",
        family: Family::Filespace,
        origin: OriginKind::Path,
        origin_required: true,
        origin_example: "/srv/git/*",
        credentials: &[],
        api_host: ApiHost::Other,
        listing: HostShape::Array,
    },
    TypeInfo {
        id: "AZURE_DEVOPS",
        label: "Azure DevOps Server",
        family: Family::Microsoft,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "https://ado.example.com/",
        credentials: &[USER_PASSWORD, PAT_ONLY],
        api_host: ApiHost::Other,
        listing: HostShape::MicrosoftValue,
    },
    TypeInfo {
        id: "VSTS",
        label: "Visual Studio Team Services",
        family: Family::Microsoft,
        origin: OriginKind::Url,
        origin_required: false,
        origin_example: "https://example.visualstudio.com",
        credentials: &[PAT_ONLY],
        api_host: ApiHost::Other,
        listing: HostShape::MicrosoftValue,
    },
    TypeInfo {
        id: "AZURE",
        label: "Azure DevOps Services (dev.azure.com)",
        family: Family::Microsoft,
        origin: OriginKind::Url,
        origin_required: false,
        origin_example: "https://dev.azure.com/example",
        credentials: &[PAT_ONLY],
        api_host: ApiHost::Other,
        listing: HostShape::MicrosoftValue,
    },
    TypeInfo {
        id: "TFS_SERVER",
        label: "Team Foundation Server",
        family: Family::Microsoft,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "http://tfs.example.com:8080/tfs",
        credentials: &[USER_PASSWORD, &[UsernameAll, Pat]],
        api_host: ApiHost::Other,
        listing: HostShape::MicrosoftValue,
    },
    TypeInfo {
        id: "AWS",
        label: "AWS CodeCommit",
        family: Family::Aws,
        origin: OriginKind::None,
        origin_required: false,
        origin_example: "",
        credentials: &[USER_PASSWORD],
        api_host: ApiHost::Other,
        listing: HostShape::Unknown,
    },
    TypeInfo {
        id: "GERRIT",
        label: "Gerrit",
        family: Family::Gerrit,
        origin: OriginKind::Url,
        origin_required: true,
        origin_example: "http://gerrit.example.com:8080",
        credentials: &[USER_PASSWORD],
        api_host: ApiHost::Other,
        listing: HostShape::Array,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listing_shapes_by_integration_type() {
        use HostShape::*;
        use IntegrationType as T;
        for (t, app, shape) in [
            (T::Github, false, Array),
            (T::GithubServer, true, GitHubApp),
            (T::GitlabServerLegacy, false, Array),
            (T::Gitlab, true, Array),
            (T::Filespace, false, Array),
            (T::Gerrit, false, Array),
            (T::TfsServer, false, MicrosoftValue),
            (T::Vsts, false, MicrosoftValue),
            (T::Aws, false, Unknown),
        ] {
            assert_eq!(t.listing(app), shape, "{t:?}");
        }
    }

    #[test]
    fn api_hosts_by_integration_type() {
        use ApiHost::*;
        let host = |t: IntegrationType| t.info().api_host;
        assert_eq!(host(IntegrationType::Github), GitHubCom);
        assert_eq!(host(IntegrationType::GithubServer), GitHubServer);
        assert_eq!(host(IntegrationType::Gitlab), GitLabCom);
        assert_eq!(host(IntegrationType::GitlabServer), GitLabServer);
        assert_eq!(host(IntegrationType::GitlabServerLegacy), GitLabLegacy);
        assert_eq!(host(IntegrationType::Gerrit), Other);
    }

    #[test]
    fn table_order_matches_enum_order() {
        for t in IntegrationType::ALL {
            assert_eq!(IntegrationType::parse(t.as_str()), Some(t));
        }
    }

    #[test]
    fn origin_required_set_is_r2() {
        let required: Vec<_> = IntegrationType::ALL
            .into_iter()
            .filter(|t| t.info().origin_required)
            .map(IntegrationType::as_str)
            .collect();
        assert_eq!(
            required,
            [
                "GITHUB_SERVER",
                "GITLAB_SERVER",
                "GITLAB_SERVER_LEGACY",
                "FILESPACE",
                "AZURE_DEVOPS",
                "TFS_SERVER",
                "GERRIT"
            ]
        );
    }
}
