//! `origin`: a well-formed http(s) URL without credentials for URL types, a path or glob for
//! FILESPACE; and transport security (`disableSslVerification`, plain http with credentials).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::types::OriginKind;
use crate::request::{NON_ASCII_HOST_FIX, UrlError, parse_url};
use url::Url;

/// Not a usable http(s) URL.
pub const INVALID_ORIGIN_URL: Code = Code::new(
    "invalid-origin-url",
    Severity::Error,
    "origin is not a well-formed http or https URL.",
);
/// User name or password inside the URL.
pub const ORIGIN_CREDENTIALS: Code = Code::new(
    "origin-credentials",
    Severity::Error,
    "origin embeds a user name or password; they would be stored and shown in clear. Use the credential fields.",
);
/// A URL where a tracked folder needs a path.
pub const FILESPACE_ORIGIN_URL: Code = Code::new(
    "filespace-origin-url",
    Severity::Error,
    "A FILESPACE origin must be a folder path or glob on the Jira server, not a URL.",
);
/// A relative tracked-folder path.
pub const FILESPACE_RELATIVE_PATH: Code = Code::new(
    "filespace-relative-path",
    Severity::Warning,
    "A FILESPACE origin should be an absolute path (/srv/git/*, D:\\\\git\\\\*); a relative one depends on the server's working directory.",
);
/// Plain http while credentials are sent.
pub const INSECURE_ORIGIN: Code = Code::new(
    "insecure-origin",
    Severity::Warning,
    "origin uses plain http while credentials are sent; they cross the network unencrypted.",
);
/// TLS certificates are not checked.
pub const SSL_VERIFICATION_DISABLED: Code = Code::new(
    "ssl-verification-disabled",
    Severity::Warning,
    "disableSslVerification is true: the host's TLS certificate is not checked.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        INVALID_ORIGIN_URL,
        ORIGIN_CREDENTIALS,
        FILESPACE_ORIGIN_URL,
        FILESPACE_RELATIVE_PATH,
        INSECURE_ORIGIN,
        SSL_VERIFICATION_DISABLED,
    ],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.bool("disableSslVerification") == Some(true) {
        out.push(
            Diagnostic::new(
                &SSL_VERIFICATION_DISABLED,
                ptr("disableSslVerification"),
                "disableSslVerification is true, so any certificate is accepted and traffic can be intercepted.",
            )
            .suggest("Install the host's CA certificate in Jira's Java trust store and set disableSslVerification to false."),
        );
    }
    let Some(origin) = ctx.text("origin") else {
        return;
    };
    let origin = origin.trim();
    // A literal: a pointer string is made only for a diagnostic.
    let path = "/origin";
    let kind = ctx.ty.map_or(OriginKind::Url, |t| t.info().origin);
    match kind {
        OriginKind::Path => check_path(origin, path, out),
        OriginKind::Url | OriginKind::None => check_url(ctx, origin, path, out),
    }
}

fn check_path(origin: &str, path: &str, out: &mut Vec<Diagnostic>) {
    let lower = origin.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.contains("://") {
        out.push(Diagnostic::new(
            &FILESPACE_ORIGIN_URL,
            path,
            "A tracked folder's origin is a path on the Jira server (like /srv/git/*), not a URL.",
        ));
        return;
    }
    let bytes = origin.as_bytes();
    let windows_drive =
        bytes.get(1) == Some(&b':') && bytes.first().is_some_and(u8::is_ascii_alphabetic);
    let absolute = origin.starts_with('/')
        || origin.starts_with('\\')
        || origin.starts_with('~')
        || windows_drive;
    if !absolute {
        out.push(Diagnostic::new(
            &FILESPACE_RELATIVE_PATH,
            path,
            "The tracked-folder path is relative; use an absolute path such as /srv/git/*.",
        ));
    }
}

fn check_url(ctx: &Ctx<'_>, origin: &str, path: &str, out: &mut Vec<Diagnostic>) {
    // Without "://", `gitlab.example.com:8443` (or `TOKEN:x@host`) would parse with the text
    // before the colon as its scheme.
    let parsed = if origin.contains("://") {
        parse_url(origin)
    } else {
        Err(UrlError::Parse(url::ParseError::RelativeUrlWithoutBase))
    };
    let url = match parsed {
        Ok(u)
            if matches!(u.scheme(), "http" | "https")
                && u.host_str().is_some_and(|h| !h.is_empty()) =>
        {
            u
        }
        Ok(u) => {
            let scheme = crate::text::truncate(u.scheme(), 20);
            let mut d = Diagnostic::new(
                &INVALID_ORIGIN_URL,
                path,
                format!("origin uses the {scheme} scheme; the API needs an http or https URL."),
            )
            .param("scheme", scheme);
            if matches!(u.scheme(), "ssh" | "git") {
                if let Some(host) = u.host_str() {
                    d = d.suggest(format!("https://{host}"));
                }
            }
            out.push(d);
            return;
        }
        Err(UrlError::NonAsciiHost) => {
            out.push(
                Diagnostic::new(
                    &INVALID_ORIGIN_URL,
                    path,
                    format!("origin {NON_ASCII_HOST_FIX}."),
                )
                .param("reason", "non-ascii-host"),
            );
            return;
        }
        Err(UrlError::Parse(url::ParseError::RelativeUrlWithoutBase)) => {
            let mut d = Diagnostic::new(
                &INVALID_ORIGIN_URL,
                path,
                "origin has no scheme; it must start with https:// or http://.",
            );
            // `git@host:org/repo.git` (scp-like ssh syntax) or a bare host name. Taken apart from
            // the redacted text: a cut through a credential would hide it from redaction.
            let origin = crate::redact::redact_url(origin);
            let origin = origin.as_str();
            let host_part = origin.rsplit_once('@').map_or(origin, |(_, h)| h);
            let host = host_part.split([':', '/']).next().unwrap_or("");
            if !host.is_empty() && !origin.contains(' ') {
                let candidate = if origin.contains('@') {
                    format!("https://{host}")
                } else {
                    format!("https://{origin}")
                };
                if parse_url(&candidate).is_ok() {
                    d = d.suggest(candidate);
                }
            }
            out.push(d);
            return;
        }
        Err(UrlError::Parse(e)) => {
            out.push(
                Diagnostic::new(
                    &INVALID_ORIGIN_URL,
                    path,
                    format!("origin is not a valid URL: {e}."),
                )
                .param("reason", e.to_string()),
            );
            return;
        }
    };
    if !url.username().is_empty() || url.password().is_some() {
        let clean = without_secrets(&url);
        out.push(
            Diagnostic::new(
                &ORIGIN_CREDENTIALS,
                path,
                "origin contains credentials (user:password@); they would be stored in clear text.",
            )
            .suggest(format!(
                "{clean} with the credentials in username/password or pat"
            )),
        );
    }
    let sends_credentials =
        ctx.text("password").is_some() || ctx.text("pat").is_some() || url.password().is_some();
    if url.scheme() == "http" && sends_credentials && !is_loopback(&url) {
        let mut secure = without_secrets(&url);
        let _ = secure.set_scheme("https");
        out.push(
            Diagnostic::new(
                &INSECURE_ORIGIN,
                path,
                "origin uses plain http while a password or token is sent; anyone on the network can read it.",
            )
            .suggest(secure.to_string()),
        );
    }
}

/// `url` without user info, query and fragment: safe to echo in a suggestion (a query can hold
/// a token, as in `?private_token=...`).
fn without_secrets(url: &Url) -> Url {
    let mut clean = url.clone();
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean.set_query(None);
    clean.set_fragment(None);
    clean
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}
