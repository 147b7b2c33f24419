//! The field table: every request field of the Xray Jira-integration API (reference §B1, §B2)
//! with its JSON name, kind, default and per-operation requirement (R18, R21), plus the names
//! people send by mistake for a field (the vendor's camelCase example, the path parameter's name,
//! a separate token field).

use crate::gij::fields::{Default, Kind};
use serde::Serialize;

/// One request field.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Field {
    /// The exact JSON name (snake_case).
    pub name: &'static str,
    /// A label for forms.
    pub label: &'static str,
    /// What it does, in one sentence.
    pub description: &'static str,
    /// The value's kind (`boolean`, `string` with `maxLength`, `secret`, `enum` with `values`).
    #[serde(flatten)]
    pub kind: Kind,
    /// The documented default, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<Default>,
    /// Mandatory in a create (POST) body (R18).
    pub required_on_create: bool,
    /// Mandatory in an update (PUT) body (R21).
    pub required_on_update: bool,
    /// A credential: mask the input, never log, trim or echo it.
    pub secret: bool,
    /// Values that responses may hold but requests may not (`auth_type`: oauth1, oauth2).
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub response_only_values: &'static [&'static str],
    /// An example value, for the input's placeholder.
    #[serde(skip_serializing_if = "str::is_empty")]
    pub example: &'static str,
}

/// The only `auth_type` value requests accept (R19).
pub const AUTH_TYPES: &[&str] = &["basic"];
/// `auth_type` values that GET details may report for integrations made in the UI (R19).
pub const RESPONSE_AUTH_TYPES: &[&str] = &["oauth1", "oauth2"];
/// The `installation_type` values (R20).
pub const INSTALLATION_TYPES: &[&str] = &["cloud", "server"];

/// Longest `connection_name` and `username` accepted. The vendor states no limit; 255 is the
/// common column size for names and no real name comes near it.
pub const MAX_NAME_CHARS: usize = 255;
/// Longest `jira_server_url` accepted (the same limit as the Git Integration's URLs).
pub const MAX_URL_CHARS: usize = 2000;
/// Longest password or API token accepted; real Atlassian API tokens are under 300 characters.
pub const MAX_SECRET_CHARS: usize = 10_000;

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
        secret: matches!(kind, Kind::Secret),
        kind,
        default: None,
        required_on_create: true,
        required_on_update: false,
        response_only_values: &[],
        example: "",
    }
}

const fn example(mut f: Field, example: &'static str) -> Field {
    f.example = example;
    f
}

/// Every request field, in the canonical order of built bodies.
pub static FIELDS: &[Field] = &[
    Field {
        required_on_update: true,
        ..example(
            field(
                "connection_name",
                "Connection name",
                Kind::String {
                    max_chars: MAX_NAME_CHARS,
                },
                "The unique name of the integration; it identifies it in the update, details, delete and status URLs and cannot be renamed.",
            ),
            "prod-jira-cloud",
        )
    },
    Field {
        response_only_values: RESPONSE_AUTH_TYPES,
        ..field(
            "auth_type",
            "Authentication",
            Kind::Enum { values: AUTH_TYPES },
            "How Xray signs in to Jira; the REST API accepts basic only (OAuth integrations are made in the Xray UI).",
        )
    },
    example(
        field(
            "username",
            "Jira username",
            Kind::String {
                max_chars: MAX_NAME_CHARS,
            },
            "The Jira account Xray uses; it must be allowed to create issues (for Jira Cloud, the account's e-mail address).",
        ),
        "bot@example.com",
    ),
    field(
        "password",
        "Password or API token",
        Kind::Secret,
        "The account's password; for Jira Cloud, an Atlassian API token (there is no separate token field).",
    ),
    field(
        "installation_type",
        "Jira installation",
        Kind::Enum {
            values: INSTALLATION_TYPES,
        },
        "cloud for Atlassian's hosted Jira (<site>.atlassian.net), server for Jira Server or Data Center.",
    ),
    example(
        field(
            "jira_server_url",
            "Jira URL",
            Kind::String {
                max_chars: MAX_URL_CHARS,
            },
            "Jira's base URL, reachable from Xray: https://<site>.atlassian.net, or your server's address with its context path.",
        ),
        "https://example.atlassian.net",
    ),
    Field {
        required_on_create: false,
        default: Some(Default::Bool(false)),
        ..field(
            "skip_proxy",
            "Skip proxy",
            Kind::Boolean,
            "True makes Xray connect to Jira directly instead of through its configured proxy.",
        )
    },
];

/// The field called `name`, if it is a request field.
pub fn field_named(name: &str) -> Option<&'static Field> {
    FIELDS.iter().find(|f| f.name == name)
}

/// Keys that are not fields but plainly mean one: the path and query parameter's name (X15),
/// a separate token field (there is none: Jira Cloud API tokens go in `password`), and common
/// names for the URL, the user and the type. Compared ignoring case, `_` and `-`.
pub const ALIASES: &[(&str, &str)] = &[
    ("integrationName", "connection_name"),
    ("name", "connection_name"),
    ("connection", "connection_name"),
    ("token", "password"),
    ("apiToken", "password"),
    ("accessToken", "password"),
    ("pat", "password"),
    ("secret", "password"),
    ("user", "username"),
    ("email", "username"),
    ("login", "username"),
    ("url", "jira_server_url"),
    ("jiraUrl", "jira_server_url"),
    ("serverUrl", "jira_server_url"),
    ("jiraServer", "jira_server_url"),
    ("baseUrl", "jira_server_url"),
    ("host", "jira_server_url"),
    ("type", "installation_type"),
    ("installation", "installation_type"),
    ("auth", "auth_type"),
    ("authentication", "auth_type"),
    ("proxy", "skip_proxy"),
];
