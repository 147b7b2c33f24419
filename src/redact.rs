//! Redaction: a copy of a payload that is safe to log, print or show.

use crate::request::parse_url;
use serde_json::Value;

/// What a redacted secret reads as.
pub const REDACTED: &str = "[REDACTED]";

/// True for keys whose values are credentials: the documented secrets (`password`, `pat`) and
/// anything named like one (`githubAppClientSecret`, `githubAppPem`, `api_token`, ...).
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
}

/// A copy of `value` with every secret replaced by [`REDACTED`], at any depth, and the password
/// part of any URL with embedded credentials masked. Non-secret values are unchanged.
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
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redact).collect()),
        Value::String(s) => Value::String(redact_url(s)),
        other => other.clone(),
    }
}

/// `s` with the password of an embedded `user:password@` masked, when `s` is such a URL.
///
/// A pass can reveal what another pass would mask (masking a user-info part turns text into a
/// query key named like a secret; a re-encoded query no longer holds the `://`), so passes repeat
/// until nothing changes: a redacted string redacts to itself (found by fuzzing).
pub fn redact_url(s: &str) -> String {
    let mut current = redact_url_once(s);
    for _ in 0..4 {
        let next = redact_url_once(&current);
        if next == current {
            break;
        }
        current = next;
    }
    current
}

fn redact_url_once(s: &str) -> String {
    if !s.contains('@') && !s.contains('?') {
        return s.to_string();
    }
    if !s.contains("://") {
        return redact_scp_like(s);
    }
    match parse_url(s.trim()) {
        // Masked by position when the URL parser refuses it (a bad port, a non-ASCII host).
        Err(_) => redact_scp_like(&redact_unparsed_user_info(s)),
        // A URL without an authority: the `://` comes later, and what looked like a scheme may
        // be git's `user:password@host:path` (fuzzer finding).
        Ok(mut url) if url.cannot_be_a_base() => {
            mask_secret_query(&mut url);
            redact_scp_like(&redact_unparsed_user_info(url.as_str()))
        }
        Ok(mut url) => {
            if url.password().is_some() {
                let _ = url.set_password(Some(REDACTED));
            } else if !url.username().is_empty() && url.scheme() != "mailto" {
                // A lone user-info part is often a token (https://TOKEN@host).
                let _ = url.set_username(REDACTED);
            }
            mask_secret_query(&mut url);
            url.to_string()
        }
    }
}

/// Masks the values of query parameters named like secrets (`?private_token=...`).
fn mask_secret_query(url: &mut url::Url) {
    if !url.query_pairs().any(|(k, _)| is_secret_key(&k)) {
        return;
    }
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if is_secret_key(&k) {
                REDACTED.to_string()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
}

/// `scheme://user[:password]@host...` that the URL parser refused (a non-ASCII host): the
/// password, or a lone user part, masked by position.
fn redact_unparsed_user_info(s: &str) -> String {
    let Some(start) = s.find("://").map(|i| i + 3) else {
        return s.to_string();
    };
    let rest = s.get(start..).unwrap_or("");
    let authority_end = rest.find(['/', '\\', '?', '#']).unwrap_or(rest.len());
    let authority = rest.get(..authority_end).unwrap_or("");
    let Some(at) = authority.rfind('@') else {
        return s.to_string();
    };
    let user_info = authority.get(..at).unwrap_or("");
    let masked = match user_info.split_once(':') {
        Some((user, _)) => format!("{user}:{REDACTED}"),
        None => REDACTED.to_string(),
    };
    format!(
        "{}{masked}{}",
        s.get(..start).unwrap_or(""),
        rest.get(at..).unwrap_or("")
    )
}

/// `user[:password]@host.domain:path` (git's scp-like syntax) with the user part masked, except
/// the conventional `git` user. An e-mail address has no `:path`, and text like `ops@team:main`
/// no domain, so both are left alone.
fn redact_scp_like(s: &str) -> String {
    let Some((user, rest)) = s.trim().split_once('@') else {
        return s.to_string();
    };
    let host_then_path = rest.split_once(':').is_some_and(|(host, _)| {
        host.contains('.')
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
    });
    let user = user.trim();
    if host_then_path && !user.is_empty() && user != "git" && !user.contains(['/', ' ']) {
        format!("{REDACTED}@{rest}")
    } else {
        s.to_string()
    }
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
