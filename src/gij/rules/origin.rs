//! `origin`: a well-formed http(s) URL without credentials for URL types, a path or glob for
//! FILESPACE; and transport security (`disableSslVerification`, plain http with credentials).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::types::OriginKind;
use crate::url::{
    NON_ASCII_HOST_FIX, NotHttpUrl, has_credentials, is_loopback, parse_http_url_field, parse_url,
    without_secrets,
};
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
    match parse_http_url_field(origin) {
        Ok(url) => {
            out.extend(credentials(&url, path));
            out.extend(insecure(ctx, &url, path));
        }
        Err(e) => out.push(not_http(origin, path, e)),
    }
}

/// The `invalid-origin-url` diagnostic for an origin that is no http(s) URL.
fn not_http(origin: &str, path: &str, e: NotHttpUrl) -> Diagnostic {
    match e {
        NotHttpUrl::OtherScheme(u) => {
            let scheme = crate::text::truncate(u.scheme(), 20);
            let d = Diagnostic::new(
                &INVALID_ORIGIN_URL,
                path,
                format!("origin uses the {scheme} scheme; the API needs an http or https URL."),
            )
            .param("scheme", scheme);
            match u.host_str() {
                Some(host) if matches!(u.scheme(), "ssh" | "git") => {
                    d.suggest(format!("https://{host}"))
                }
                _ => d,
            }
        }
        NotHttpUrl::NonAsciiHost => Diagnostic::new(
            &INVALID_ORIGIN_URL,
            path,
            format!("origin {NON_ASCII_HOST_FIX}."),
        )
        .param("reason", "non-ascii-host"),
        NotHttpUrl::NoScheme => no_scheme(origin, path),
        NotHttpUrl::Invalid(e) => Diagnostic::new(
            &INVALID_ORIGIN_URL,
            path,
            format!("origin is not a valid URL: {e}."),
        )
        .param("reason", e.to_string()),
    }
}

/// An origin without `scheme://`: `git@host:org/repo.git` (scp-like ssh syntax) or a bare host
/// name, with the https URL it likely means.
fn no_scheme(origin: &str, path: &str) -> Diagnostic {
    let d = Diagnostic::new(
        &INVALID_ORIGIN_URL,
        path,
        "origin has no scheme; it must start with https:// or http://.",
    );
    // Taken apart from the redacted text: a cut through a credential would hide it from
    // redaction.
    let origin = crate::redact::redact_url(origin);
    let origin = origin.as_str();
    let host_part = origin.rsplit_once('@').map_or(origin, |(_, h)| h);
    let host = host_part.split([':', '/']).next().unwrap_or("");
    if host.is_empty() || origin.contains(' ') {
        return d;
    }
    let candidate = if origin.contains('@') {
        format!("https://{host}")
    } else {
        format!("https://{origin}")
    };
    if parse_url(&candidate).is_ok() {
        d.suggest(candidate)
    } else {
        d
    }
}

/// User info in the origin.
fn credentials(url: &Url, path: &str) -> Option<Diagnostic> {
    has_credentials(url).then(|| {
        let clean = without_secrets(url);
        Diagnostic::new(
            &ORIGIN_CREDENTIALS,
            path,
            "origin contains credentials (user:password@); they would be stored in clear text.",
        )
        .suggest(format!(
            "{clean} with the credentials in username/password or pat"
        ))
    })
}

/// Plain http to a host off this machine while a password or token is sent.
fn insecure(ctx: &Ctx<'_>, url: &Url, path: &str) -> Option<Diagnostic> {
    let sends_credentials =
        ctx.text("password").is_some() || ctx.text("pat").is_some() || url.password().is_some();
    if url.scheme() != "http" || !sends_credentials || is_loopback(url) {
        return None;
    }
    let mut secure = without_secrets(url);
    let _ = secure.set_scheme("https");
    Some(
        Diagnostic::new(
            &INSECURE_ORIGIN,
            path,
            "origin uses plain http while a password or token is sent; anyone on the network can read it.",
        )
        .suggest(secure.to_string()),
    )
}
