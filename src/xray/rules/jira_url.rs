//! `jira_server_url`: an absolute http(s) URL with a host, without credentials, query or
//! fragment, that is Jira's base URL rather than a page in it. Messages never repeat the URL
//! (it may hold credentials); suggestions are rebuilt from its parts without them.

use super::Rule;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::text::truncate;
use crate::url::{
    NON_ASCII_HOST_FIX, NotHttpUrl, has_credentials, parse_http_url, parse_http_url_field,
    without_secrets,
};
use crate::xray::context::Ctx;
use url::Url;

/// Not an absolute http(s) URL with a host.
pub const INVALID_JIRA_URL: Code = Code::new(
    "xray-invalid-jira-url",
    Severity::Error,
    "jira_server_url is not an absolute http or https URL with a host.",
);
/// User name or password inside the URL.
pub const JIRA_URL_CREDENTIALS: Code = Code::new(
    "xray-jira-url-credentials",
    Severity::Error,
    "jira_server_url embeds a user name or password; put them in username and password.",
);
/// A query string or fragment.
pub const JIRA_URL_QUERY_OR_FRAGMENT: Code = Code::new(
    "xray-jira-url-query-or-fragment",
    Severity::Error,
    "jira_server_url has a query (?...) or fragment (#...); Xray appends REST paths to it, so it must be a plain base URL.",
);
/// A page or REST URL instead of the base URL.
pub const JIRA_URL_NOT_BASE: Code = Code::new(
    "xray-jira-url-not-base",
    Severity::Warning,
    "jira_server_url looks like a page or REST URL (/browse/, /rest/, a Cloud path), not Jira's base URL.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        INVALID_JIRA_URL,
        JIRA_URL_CREDENTIALS,
        JIRA_URL_QUERY_OR_FRAGMENT,
        JIRA_URL_NOT_BASE,
    ],
    check,
};

/// The body's `jira_server_url` when it is a usable http(s) URL (other rules build on it).
/// Parsed once per validation.
pub fn jira_url<'c>(ctx: &'c Ctx<'_>) -> Option<&'c Url> {
    ctx.jira_url
        .get_or_init(|| parse_http_url(ctx.text("jira_server_url")?.trim()).ok())
        .as_ref()
}

/// The URL without user info, query and fragment: safe to show.
pub fn clean(url: &Url) -> String {
    without_secrets(url).to_string()
}

/// True for the characters RFC 3986 allows in a URI: unreserved, reserved and `%`.
fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~:/?#[]@!$&'()*+,;=%".contains(c)
}

/// True when the URL's host is an Atlassian Cloud site, `<site>.atlassian.net`.
pub fn is_cloud_host(url: &Url) -> bool {
    url.host_str().is_some_and(|h| {
        h.strip_suffix(".atlassian.net")
            .is_some_and(|site| !site.is_empty())
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(raw) = ctx.text("jira_server_url") else {
        return;
    };
    let path = "/jira_server_url";
    let raw = raw.trim();
    let url = match parse_http_url_field(raw) {
        Ok(url) => url,
        Err(e) => return out.push(not_http(raw, path, e)),
    };
    out.extend(not_a_uri(raw, &url, path));
    if has_credentials(&url) {
        out.push(
            Diagnostic::new(
                &JIRA_URL_CREDENTIALS,
                path,
                "jira_server_url contains credentials (user:password@); Xray would store and show them in clear text.",
            )
            .suggest(format!(
                "{} with the credentials in username and password",
                clean(&url)
            )),
        );
    }
    if url.query().is_some() || url.fragment().is_some() {
        out.push(
            Diagnostic::new(
                &JIRA_URL_QUERY_OR_FRAGMENT,
                path,
                "jira_server_url has a query or fragment; give Jira's base URL only.",
            )
            .suggest(clean(&url)),
        );
    }
    if let Some(base) = base_of(&url) {
        out.push(
            Diagnostic::new(
                &JIRA_URL_NOT_BASE,
                path,
                "jira_server_url points at a page or REST endpoint inside Jira; Xray needs Jira's base URL.",
            )
            .suggest(base),
        );
    }
}

/// A character the URL parser accepts (and percent-encodes) but a URI (RFC 3986, the schema's
/// `format: "uri"`, Java's `URI`) must not contain.
fn not_a_uri(raw: &str, url: &Url, path: &str) -> Option<Diagnostic> {
    let c = raw.chars().find(|c| !is_uri_char(*c))?;
    let what = if c == ' ' {
        "a space".to_string()
    } else if c.is_ascii_graphic() {
        format!("the character {c}")
    } else {
        format!("the character U+{:04X}", u32::from(c))
    };
    Some(
        invalid(
            path,
            format!(
                "jira_server_url contains {what}, which a URI does not allow; percent-encode it."
            ),
        )
        .param("reason", "not-a-uri")
        .suggest(clean(url)),
    )
}

/// The `xray-invalid-jira-url` diagnostic for a text that is no http(s) URL.
fn not_http(raw: &str, path: &str, e: NotHttpUrl) -> Diagnostic {
    match e {
        NotHttpUrl::OtherScheme(u) => invalid(
            path,
            format!(
                "jira_server_url uses the {} scheme; Xray needs an http or https URL.",
                truncate(u.scheme(), 20)
            ),
        )
        .param("scheme", truncate(u.scheme(), 20)),
        NotHttpUrl::NonAsciiHost => invalid(path, format!("jira_server_url {NON_ASCII_HOST_FIX}."))
            .param("reason", "non-ascii-host"),
        NotHttpUrl::NoScheme => {
            let d = invalid(
                path,
                "jira_server_url has no scheme; it must start with https:// or http://.".into(),
            );
            // A bare host, possibly with user info: suggest it with https:// and nothing secret.
            let bare = (!raw.contains(char::is_whitespace))
                .then(|| parse_http_url(&format!("https://{raw}")));
            match bare {
                Some(Ok(u)) => d.suggest(clean(&u)),
                _ => d,
            }
        }
        NotHttpUrl::Invalid(e) => {
            invalid(path, format!("jira_server_url is not a valid URL: {e}."))
                .param("reason", e.to_string())
        }
    }
}

fn invalid(path: &str, message: String) -> Diagnostic {
    Diagnostic::new(&INVALID_JIRA_URL, path, message)
}

/// Path prefixes of pages and APIs inside Jira; the base URL is what comes before them.
const PAGE_MARKERS: &[&str] = &[
    "/browse/",
    "/secure/",
    "/projects/",
    "/issues/",
    "/rest/",
    "/plugins/servlet/",
    "/servicedesk/",
    "/login.jsp",
];

/// The base URL to suggest when `url` is a page inside Jira rather than its base.
fn base_of(url: &Url) -> Option<String> {
    let path = url.path();
    let cut = if is_cloud_host(url) {
        // Cloud sites live at the root; anything below it (/jira/software/..., /wiki) is a page.
        (path != "/").then_some(0)
    } else {
        // Every marker starts with `/`: try them where the path has one, leftmost first
        // (a `str::find` per marker prepares a searcher each time, most of this rule's cost).
        let lower = path.to_ascii_lowercase();
        lower.match_indices('/').map(|(i, _)| i).find(|&i| {
            let rest = lower.get(i..).unwrap_or_default();
            PAGE_MARKERS.iter().any(|m| rest.starts_with(m))
        })
    }?;
    let mut base = url.clone();
    base.set_path(path.get(..cut).unwrap_or(""));
    Some(clean(&base))
}

#[cfg(test)]
mod tests {
    use super::PAGE_MARKERS;

    /// `base_of` looks for markers only where the path has a `/`.
    #[test]
    fn every_page_marker_starts_with_a_slash() {
        assert!(PAGE_MARKERS.iter().all(|m| m.starts_with('/')));
    }
}
