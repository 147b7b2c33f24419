//! Redaction: a copy of a payload that is safe to log, print or show.
//!
//! The text rules (URL credentials, secret query and fragment parameters, tokens in a known
//! format) are [`redact_text`]'s, the one redaction every diagnostic, request URL and parsed
//! response goes through; this module adds the keys whose whole value is secret.

use crate::diagnostics::secret_text::{self, MASK};
use serde_json::Value;

pub use crate::diagnostics::secret_text::{SECRET_QUERY_KEYS, TOKEN_PREFIXES, redact_text};

/// What a redacted secret reads as.
pub const REDACTED: &str = MASK;

/// Names of credentials: the two APIs' secret fields and the names people give them (the Xray
/// validator's aliases). A key that the validators would read as a misspelling of one of these
/// (`patt`, `passwrd`, `Password_`) is a credential too: see [`is_secret_key`].
pub const CREDENTIAL_NAMES: &[&str] = &[
    "pat",
    "password",
    "passwd",
    "pass",
    "pwd",
    "githubAppPem",
    "githubAppClientSecret",
    "token",
    "apiToken",
    "accessToken",
    "secret",
];

/// Ordinary names within a misspelling of a credential name: the GitHub App identifiers (near
/// `githubAppPem`) and `path`, `part` (near `pat`). A key is a misspelt credential only when it is
/// nearer a [`CREDENTIAL_NAMES`] entry than these, so field names and their own misspellings
/// stay readable in safe-to-log output.
pub const ORDINARY_NAMES: &[&str] = &[
    "githubAppId",
    "githubAppName",
    "githubAppOrg",
    "path",
    "part",
];

/// True for keys whose values are credentials: the documented secrets (`password`, `pat`),
/// anything named like one (`githubAppClientSecret`, `githubAppPem`, `api_token`, ...), and any
/// key close enough to a [`CREDENTIAL_NAMES`] entry for the validators' "did you mean" to take
/// it for one (a superset: the validators compare with every field name, this with these and
/// [`ORDINARY_NAMES`], a tie going to the credential).
pub fn is_secret_key(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower == "pat"
        || [
            "password",
            "passwd",
            "secret",
            "token",
            "pem",
            "privatekey",
            "private_key",
            "apikey",
            "api_key",
        ]
        .iter()
        .any(|s| lower.contains(s))
        || crate::suggest::did_you_mean(
            name,
            CREDENTIAL_NAMES.iter().chain(ORDINARY_NAMES).copied(),
        )
        .is_some_and(|meant| CREDENTIAL_NAMES.contains(&meant))
}

/// A copy of `value` with every secret replaced by [`REDACTED`], at any depth: the whole value of
/// a secret key ([`is_secret_key`]), and the secrets inside any other string
/// ([`redact_text`]). Everything else is unchanged.
///
/// ```
/// use jira_integration_payloads::redact;
/// use serde_json::json;
///
/// let payload = json!({"type": "GITLAB", "pat": "glpat-secret", "origin": "https://u:pw@gitlab.example.com"});
/// let safe = redact(&payload);
/// assert_eq!(safe["pat"], "[REDACTED]");
/// assert!(!safe.to_string().contains("pw@"));
/// ```
pub fn redact(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if is_secret_key(k) && !v.is_null() && v.as_str() != Some("") {
                        Value::from(REDACTED)
                    } else {
                        redact(v)
                    };
                    (secret_text::redact_text(k).into_owned(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        Value::String(s) => Value::String(redact_url(s)),
        other => other.clone(),
    }
}

/// `s` with the credentials it shows masked in place ([`redact_text`]); kept for callers that
/// redact one URL.
pub fn redact_url(s: &str) -> String {
    secret_text::redact_text(s).into_owned()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn secrets_are_masked_at_any_depth_and_others_kept() {
        let v = json!({"type": "GITHUB", "pat": "ghp_abc", "password": "", "nested": [{"githubAppPem": "-----BEGIN"}],
                       "origin": "https://bob:hunter2@git.example.com/x"});
        let r = redact(&v);
        assert_eq!(r["pat"], REDACTED);
        assert_eq!(r["password"], "");
        assert_eq!(r["nested"][0]["githubAppPem"], REDACTED);
        assert_eq!(r["type"], "GITHUB");
        let text = r.to_string();
        assert!(!text.contains("ghp_abc") && !text.contains("hunter2") && !text.contains("BEGIN"));
        assert!(r["origin"].as_str().unwrap().starts_with("https://bob:"));
    }

    #[test]
    fn token_as_url_user_is_masked() {
        assert!(!redact_url("https://ghp_tok@github.com").contains("ghp_tok"));
        assert_eq!(
            redact_url("https://github.com/a@b"),
            "https://github.com/a@b"
        );
    }

    #[test]
    fn credentials_before_a_non_ascii_host_are_masked_without_the_url_parser() {
        assert_eq!(
            redact_url("https://bob:hunter2@bücher.example/x@y"),
            "https://bob:[REDACTED]@bücher.example/x@y"
        );
        assert_eq!(
            redact_url("https://ghp_tok@BÜCHER.example"),
            "https://[REDACTED]@BÜCHER.example"
        );
    }
}
