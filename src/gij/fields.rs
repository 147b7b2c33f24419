//! The field table: every request field of the Git Integration for Jira API (reference §A1, §A3)
//! with its JSON name, kind, default and the types it applies to, plus the keys that are known
//! but not request fields (undocumented Java-model fields, response-only fields).

use super::types::{IntegrationType as T, TypeSet};
use crate::name_index::{NameIndex, name_index};
pub use crate::values::{Default, Kind};
use serde::Serialize;

/// What happens when a field is sent for a type it does not apply to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Misuse {
    /// The server ignores it: a warning.
    Ignored,
    /// It only makes sense for other types, so the type or the field is wrong: an error.
    WrongType,
}

/// One request field.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The exact JSON name.
    pub name: &'static str,
    /// A label for forms.
    pub label: &'static str,
    /// What it does, in one sentence.
    pub description: &'static str,
    /// The value's kind.
    #[serde(flatten)]
    pub kind: Kind,
    /// The documented default, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
    /// The types it applies to.
    #[serde(skip)]
    pub applies: TypeSet,
    /// Severity of sending it for another type.
    #[serde(skip)]
    pub misuse: Misuse,
    /// Deprecated: accepted, warned about.
    #[serde(skip)]
    pub deprecated: bool,
}

impl Field {
    /// True for credentials (never echoed, never trimmed).
    pub fn is_secret(&self) -> bool {
        self.kind == Kind::Secret
    }
}

/// Longest accepted text in a plain string field (and the documented limit of `apiPath`).
pub const MAX_TEXT_CHARS: usize = 2000;

/// AWS regions accepted since 2023-05 (reference §A1.1, with the `ap-outh-1` typo corrected).
pub const AWS_REGIONS: &[&str] = &[
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "af-south-1",
    "ap-east-1",
    "ap-south-1",
    "ap-south-2",
    "ap-northeast-3",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-3",
    "ap-southeast-2",
    "ap-northeast-1",
    "ca-central-1",
    "eu-central-1",
    "eu-central-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "eu-south-1",
    "eu-south-2",
    "eu-north-1",
    "me-central-1",
    "me-south-1",
    "sa-east-1",
];

/// The twelve type values, for the `type` field's enum.
pub const TYPE_VALUES: &[&str] = &[
    "GITHUB",
    "GITHUB_SERVER",
    "GITLAB",
    "GITLAB_SERVER",
    "GITLAB_SERVER_LEGACY",
    "FILESPACE",
    "AZURE_DEVOPS",
    "VSTS",
    "AZURE",
    "TFS_SERVER",
    "AWS",
    "GERRIT",
];

/// The types with a username/password credential set (reference §A2).
const USERNAME_PASSWORD: TypeSet = TypeSet::of(&[
    T::Github,
    T::GithubServer,
    T::GitlabServerLegacy,
    T::TfsServer,
    T::AzureDevops,
    T::Aws,
    T::Gerrit,
]);
const MICROSOFT: TypeSet = TypeSet::of(&[T::AzureDevops, T::Vsts, T::Azure, T::TfsServer]);
const TEXT: Kind = Kind::String {
    max_chars: MAX_TEXT_CHARS,
};

const fn field(
    name: &'static str,
    label: &'static str,
    kind: Kind,
    description: &'static str,
) -> Field {
    Field {
        name,
        label,
        description,
        kind,
        default: None,
        applies: TypeSet::ALL,
        misuse: Misuse::Ignored,
        deprecated: false,
    }
}

const fn with_default(mut f: Field, d: Default) -> Field {
    f.default = Some(d);
    f
}

const fn only(mut f: Field, applies: TypeSet, misuse: Misuse) -> Field {
    f.applies = applies;
    f.misuse = misuse;
    f
}

/// Every request field, in the canonical order of built bodies.
pub static FIELDS: &[Field] = TABLE;

/// How many fields [`FIELDS`] has.
pub const FIELD_COUNT: usize = TABLE.len();

/// Where each field's name is in [`FIELDS`].
static INDEX: NameIndex = name_index!(TABLE);

const TABLE: &[Field] = &[
    field(
        "type",
        "Integration type",
        Kind::Enum {
            values: TYPE_VALUES,
        },
        "The git host kind; required when adding and fixed afterwards.",
    ),
    field(
        "displayName",
        "Display name",
        TEXT,
        "The name shown in Jira; generated when omitted.",
    ),
    only(
        field(
            "origin",
            "Host URL",
            TEXT,
            "The git host's URL, or for a tracked folder the path or glob on the Jira server.",
        ),
        TypeSet::all_but(&[T::Aws]),
        Misuse::Ignored,
    ),
    only(
        field(
            "username",
            "Username",
            TEXT,
            "The account name; leave blank when a personal access token is used (TFS with a PAT: \"all\").",
        ),
        USERNAME_PASSWORD,
        Misuse::Ignored,
    ),
    only(
        field(
            "password",
            "Password",
            Kind::Secret,
            "The account's password; leave blank when a personal access token is used.",
        ),
        USERNAME_PASSWORD,
        Misuse::Ignored,
    ),
    only(
        field(
            "pat",
            "Personal access token",
            Kind::Secret,
            "A personal access token for the host.",
        ),
        TypeSet::of(&[
            T::Github,
            T::GithubServer,
            T::Gitlab,
            T::GitlabServer,
            T::TfsServer,
            T::AzureDevops,
            T::Vsts,
            T::Azure,
        ]),
        Misuse::Ignored,
    ),
    only(
        field(
            "awsRegion",
            "AWS region",
            Kind::Enum {
                values: AWS_REGIONS,
            },
            "The CodeCommit region; required for AWS.",
        ),
        TypeSet::of(&[T::Aws]),
        Misuse::WrongType,
    ),
    only(
        field(
            "tfsCollection",
            "Collection",
            TEXT,
            "One Microsoft collection to scan; blank scans all collections.",
        ),
        MICROSOFT,
        Misuse::WrongType,
    ),
    only(
        with_default(
            field(
                "folderDepth",
                "Folder depth",
                Kind::Integer { min: 1, max: 5 },
                "How many folder levels below the origin are searched for repositories (1 to 5).",
            ),
            Default::Int(1),
        ),
        TypeSet::of(&[T::Filespace]),
        Misuse::WrongType,
    ),
    only(
        field(
            "apiPath",
            "Custom API path",
            TEXT,
            "A relative REST path that lists the repositories to connect, starting with /.",
        ),
        TypeSet::of(&[
            T::Github,
            T::GithubServer,
            T::Gitlab,
            T::GitlabServer,
            T::GitlabServerLegacy,
        ]),
        Misuse::Ignored,
    ),
    only(
        field(
            "apiFilter",
            "JMESPath filter",
            TEXT,
            "A JMESPath expression that selects repositories from the host's repository list.",
        ),
        TypeSet::all_but(&[T::Aws]),
        Misuse::Ignored,
    ),
    with_default(
        field(
            "global",
            "Associate with all projects",
            Kind::Boolean,
            "True associates the integration with every Jira project; false uses projectMappingIds.",
        ),
        Default::Bool(true),
    ),
    with_default(
        field(
            "projectMappingIds",
            "Project ids",
            Kind::ProjectIds,
            "Numeric ids of the Jira projects to associate (with global false).",
        ),
        Default::EmptyList([]),
    ),
    with_default(
        field(
            "disabled",
            "Disabled",
            Kind::Boolean,
            "True adds the integration in the disabled state.",
        ),
        Default::Bool(false),
    ),
    with_default(
        field(
            "gitViewerEnabled",
            "Repository browser",
            Kind::Boolean,
            "Shows the repository browser to users with the View Development Tools permission.",
        ),
        Default::Bool(true),
    ),
    with_default(
        field(
            "smartCommitsEnabled",
            "Smart commits",
            Kind::Boolean,
            "Processes smart-commit commands in commit messages.",
        ),
        Default::Bool(true),
    ),
    field(
        "sourcesDiffViewEnabled",
        "Diff view",
        Kind::Boolean,
        "Shows file diffs of commits.",
    ),
    field(
        "revisionIndexing",
        "Revision indexing",
        Kind::Boolean,
        "Indexes revisions for search.",
    ),
    only(
        with_default(
            field(
                "requireUserPat",
                "Require user PAT",
                Kind::Boolean,
                "Users must supply their own PAT to create branches and pull or merge requests.",
            ),
            Default::Bool(false),
        ),
        TypeSet::all_but(&[T::Filespace, T::Gerrit]),
        Misuse::Ignored,
    ),
    with_default(
        field(
            "sendCommitEmails",
            "Send commit e-mails",
            Kind::Boolean,
            "E-mails commit notifications.",
        ),
        Default::Bool(false),
    ),
    with_default(
        field(
            "maxMinsToCommitEmail",
            "Max commit age for e-mails (minutes)",
            Kind::Integer {
                min: 0,
                max: i32::MAX as i64,
            },
            "Commits older than this many minutes are not e-mailed.",
        ),
        Default::Int(1440),
    ),
    only(
        with_default(
            field(
                "disableSslVerification",
                "Skip SSL verification",
                Kind::Boolean,
                "True accepts any TLS certificate from the host (insecure).",
            ),
            Default::Bool(false),
        ),
        TypeSet::all_but(&[T::Filespace]),
        Misuse::Ignored,
    ),
    field(
        "tagsFilter",
        "Tags pattern",
        TEXT,
        "A Java regular expression; only matching tags are shown. Blank shows all.",
    ),
    only(
        field(
            "prHideFilter",
            "Hide pull requests matching",
            TEXT,
            "A Java regular expression; matching pull requests and branches are hidden.",
        ),
        TypeSet::all_but(&[T::Filespace]),
        Misuse::Ignored,
    ),
    with_default(
        field(
            "refSpecNotes",
            "Fetch refs/notes/*",
            Kind::Boolean,
            "Fetches git notes.",
        ),
        Default::Bool(true),
    ),
    with_default(
        field(
            "refSpecChanges",
            "Fetch refs/changes/*",
            Kind::Boolean,
            "Fetches Gerrit change refs.",
        ),
        Default::Bool(false),
    ),
    field(
        "refSpecCustom",
        "Other refspecs",
        TEXT,
        "Comma-separated refspecs to clone and index, like +refs/meta/*:refs/meta/*.",
    ),
    with_default(
        field(
            "trustFolderStat",
            "Trust folder stat",
            Kind::Boolean,
            "Skips re-scanning unchanged folders; keep false for network shares.",
        ),
        Default::Bool(false),
    ),
    Field {
        deprecated: true,
        ..field(
            "limitGitData",
            "Limit git data",
            Kind::Boolean,
            "Deprecated since 2021-01-01; the server ignores it.",
        )
    },
];

/// The field called `name`, if it is a request field.
pub fn field_named(name: &str) -> Option<&'static Field> {
    field_index(name).and_then(|i| FIELDS.get(i))
}

/// The position of the field called `name` in [`FIELDS`].
pub fn field_index(name: &str) -> Option<usize> {
    INDEX.position(name, |i| FIELDS.get(i).map(|f| f.name))
}

/// Fields of the Java request model with no REST documentation (reference §A1).
pub const UNDOCUMENTED: &[&str] = &[
    "group",
    "githubAppId",
    "githubAppInstallationId",
    "githubAppName",
    "githubAppSlug",
    "githubAppOrg",
    "githubAppHtmlUrl",
    "githubAppClientId",
    "githubAppClientSecret",
    "githubAppPem",
    "githubAppSecret",
    "githubAppWebhookSecret",
    "githubAppSuspended",
];

/// Fields that appear only in responses (reference §A1, §A4).
pub const READ_ONLY: &[&str] = &[
    "id",
    "initDate",
    "lastIndexedDate",
    "integrationType",
    "showAllTags",
    "root",
    "realRoot",
    "absoluteRoot",
];

/// True for keys whose values are credentials, documented or not.
pub fn is_secret_key(name: &str) -> bool {
    field_named(name).is_some_and(Field::is_secret) || crate::redact::is_secret_key(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gij::types::{Credential, IntegrationType};

    #[test]
    fn every_field_is_found_at_its_position_and_other_keys_are_not() {
        for (i, f) in FIELDS.iter().enumerate() {
            assert_eq!(field_index(f.name), Some(i), "{}", f.name);
        }
        for key in UNDOCUMENTED.iter().chain(READ_ONLY) {
            assert_eq!(field_index(key), None, "{key}");
        }
        for key in ["", "Type", "origin ", "orgin", "projectMappingId"] {
            assert_eq!(field_index(key), None, "{key:?}");
        }
    }

    #[test]
    fn credential_fields_apply_exactly_where_the_type_table_accepts_them() {
        for t in IntegrationType::ALL {
            let sets = t.info().credentials;
            for name in ["username", "password", "pat"] {
                let accepted = sets
                    .iter()
                    .any(|set| set.iter().any(|c: &Credential| c.field() == name));
                let applies = field_named(name).is_some_and(|f| f.applies.contains(t));
                assert_eq!(accepted, applies, "{name} for {}", t.as_str());
            }
        }
    }

    #[test]
    fn type_values_are_the_type_table_ids() {
        let ids: Vec<&str> = IntegrationType::ALL.iter().map(|t| t.as_str()).collect();
        assert_eq!(ids, TYPE_VALUES);
    }
}
