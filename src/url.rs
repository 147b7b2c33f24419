//! URLs: parsing (remembered per thread), the one check that a text is an absolute http(s) URL
//! with a host, and the parts of a URL the rules look at or leave out (user info, query,
//! fragment, loopback hosts).
//!
//! Parsing follows the WHATWG URL standard through the `url` crate, except that a host with
//! non-ASCII characters is refused first ([`UrlError::NonAsciiHost`]).

use crate::memo::{Recent, memo};
use ::url::{Host, ParseError, Url};
use std::cell::RefCell;

/// Why [`parse_url`] refused a URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum UrlError {
    /// The host of an http(s) URL has a character outside ASCII or a percent escape. The
    /// library reads host names as ASCII only (the `url` crate without Unicode IDNA tables, which
    /// would double the wasm): an internationalised name must be written in its `xn--` form,
    /// which is also what Java's `URI` (and so the server) needs.
    NonAsciiHost,
    /// The `url` crate's reason.
    Parse(ParseError),
}

/// How to fix a [`UrlError::NonAsciiHost`], for messages ("baseUrl ...", "origin's host ...").
pub const NON_ASCII_HOST_FIX: &str = "must have a plain ASCII host name (letters, digits, hyphens and dots): write an internationalised name in its xn-- form, as Java's URI needs";

/// Parses a URL as the WHATWG URL standard does, except that a host with non-ASCII characters or
/// percent escapes in a special scheme (http, https, ws, wss, ftp, file) is refused before the
/// `url` crate sees it (see [`UrlError::NonAsciiHost`]).
pub fn parse_url(s: &str) -> Result<Url, UrlError> {
    // A form revalidating on each keystroke, or rules reading the same URL, reuse a recent
    // result (a clone is one copy): parsing is a large share of validating a payload with a URL.
    thread_local! {
        static RECENT: RefCell<Recent<Result<Url, UrlError>>> =
            const { RefCell::new(Recent::new(8)) };
    }
    memo(&RECENT, s, || parse_url_uncached(s)).as_ref().clone()
}

fn parse_url_uncached(s: &str) -> Result<Url, UrlError> {
    #[cfg(test)]
    tests::URL_PARSES.with(|n| n.set(n.get() + 1));
    if has_non_ascii_host(s) {
        return Err(UrlError::NonAsciiHost);
    }
    Url::parse(s).map_err(UrlError::Parse)
}

/// True when `s` has a special scheme and its host part (between `//` and the path, after any
/// user info) holds a non-ASCII character or a `%`. Follows the URL parser's reading: leading C0
/// controls and spaces are skipped, tabs and newlines anywhere are ignored, `\\` is `/`.
fn has_non_ascii_host(s: &str) -> bool {
    if s.is_ascii() && !s.contains('%') {
        return false;
    }
    let s = s.trim_start_matches(|c: char| c <= ' ');
    let mut chars = s.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r'));
    let scheme: String = chars.by_ref().take_while(|&c| c != ':').take(8).collect();
    let special = ["http", "https", "ws", "wss", "ftp", "file"]
        .iter()
        .any(|k| scheme.eq_ignore_ascii_case(k));
    if !special {
        return false;
    }
    let authority = chars
        .skip_while(|&c| matches!(c, '/' | '\\'))
        .take_while(|&c| !matches!(c, '/' | '\\' | '?' | '#'));
    let mut non_ascii = false;
    for c in authority {
        if c == '@' {
            non_ascii = false; // user info, not the host
        } else if !c.is_ascii() || c == '%' {
            non_ascii = true;
        }
    }
    non_ascii
}

/// Why a text is not an absolute http(s) URL with a host ([`parse_http_url`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotHttpUrl {
    /// No scheme: a relative reference, or (for [`parse_http_url_field`]) no `://`.
    NoScheme,
    /// See [`UrlError::NonAsciiHost`].
    NonAsciiHost,
    /// Not a URL; the `url` crate's reason.
    Invalid(ParseError),
    /// A URL, but of another scheme (or without a host).
    OtherScheme(Url),
}

/// `s` as an absolute http or https URL with a host: the one check behind `baseUrl`, `origin`
/// and `jira_server_url`.
pub fn parse_http_url(s: &str) -> Result<Url, NotHttpUrl> {
    let url = parse_url(s).map_err(|e| match e {
        UrlError::NonAsciiHost => NotHttpUrl::NonAsciiHost,
        UrlError::Parse(ParseError::RelativeUrlWithoutBase) => NotHttpUrl::NoScheme,
        UrlError::Parse(e) => NotHttpUrl::Invalid(e),
    })?;
    if matches!(url.scheme(), "http" | "https") && url.host_str().is_some_and(|h| !h.is_empty()) {
        Ok(url)
    } else {
        Err(NotHttpUrl::OtherScheme(url))
    }
}

/// [`parse_http_url`] for a payload field: text without `://` has no scheme, where the URL
/// parser would read `gitlab.example.com:8443` (or `TOKEN:x@host`) with the text before the
/// colon as its scheme.
pub fn parse_http_url_field(s: &str) -> Result<Url, NotHttpUrl> {
    if s.contains("://") {
        parse_http_url(s)
    } else {
        Err(NotHttpUrl::NoScheme)
    }
}

/// True when the URL has a user name or a password.
pub fn has_credentials(url: &Url) -> bool {
    !url.username().is_empty() || url.password().is_some()
}

/// `url` without user info, query and fragment: safe to echo in a suggestion (a query can hold
/// a token, as in `?private_token=...`).
pub fn without_secrets(url: &Url) -> Url {
    let mut clean = url.clone();
    let _ = clean.set_username("");
    let _ = clean.set_password(None);
    clean.set_query(None);
    clean.set_fragment(None);
    clean
}

/// True when the URL's host is `localhost` or a loopback address: plain http there does not
/// cross a network.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(d)) => d == "localhost",
        Some(Host::Ipv4(ip)) => ip.is_loopback(),
        Some(Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        pub(super) static URL_PARSES: Cell<usize> = const { Cell::new(0) };
    }

    #[test]
    fn url_parses_are_remembered_and_answer_as_uncached() {
        let parses = || URL_PARSES.with(Cell::get);
        let inputs = [
            "https://memo.example.com/a?b#c",
            "http://memo.example.com:8080/tfs",
            "not a url",
            "https://m\u{e9}mo.example.com/",
        ];
        let before = parses();
        let first: Vec<_> = inputs.iter().map(|s| parse_url(s)).collect();
        assert_eq!(parses() - before, inputs.len());
        for _ in 0..3 {
            let again: Vec<_> = inputs.iter().map(|s| parse_url(s)).collect();
            assert_eq!(again, first);
        }
        assert_eq!(parses() - before, inputs.len());
        assert_eq!(
            first[2],
            Err(UrlError::Parse(ParseError::RelativeUrlWithoutBase))
        );
        assert_eq!(first[3], Err(UrlError::NonAsciiHost));
        assert_eq!(first[1].as_ref().map(|u| u.port()), Ok(Some(8080)));
    }

    #[test]
    fn non_ascii_hosts_are_refused_before_the_url_parser() {
        for bad in [
            "https://bücher.example",
            "https://BÜCHER.example/x",
            "HTTPS://user:pässword@BÜCHER.example",
            " \thttps:\\\\bücher.example",
            "ht\ttps://BÜCHER.example",
            "https://E%C3%A4.com/",
            "https://%41.com",
            "https://ｅｘａｍｐｌｅ.com",
        ] {
            assert_eq!(parse_url(bad).unwrap_err(), UrlError::NonAsciiHost, "{bad}");
        }
        for good in [
            "https://xn--bcher-kva.example/bücher?q=ä#ü",
            "https://EXAMPLE.com",
            "https://user:pässword@example.com",
            "ssh://BÜCHER/x",
        ] {
            assert!(parse_url(good).is_ok(), "{good}");
        }
        assert_eq!(
            parse_url("no scheme").unwrap_err(),
            UrlError::Parse(ParseError::RelativeUrlWithoutBase)
        );
    }

    #[test]
    fn http_urls_need_an_http_scheme_and_fields_need_a_double_slash() {
        let other = |s: &str| matches!(parse_http_url(s), Err(NotHttpUrl::OtherScheme(_)));
        assert!(parse_http_url("HTTPS://Jira.Example.com:8443/x").is_ok());
        assert!(parse_http_url("http:jira.example.com").is_ok());
        assert!(other("ssh://git@host/x") && other("jira.example.com:8080"));
        assert_eq!(
            parse_http_url("jira.example.com"),
            Err(NotHttpUrl::NoScheme)
        );
        assert_eq!(
            parse_http_url("https://bücher.example"),
            Err(NotHttpUrl::NonAsciiHost)
        );
        assert_eq!(
            parse_http_url("https://"),
            Err(NotHttpUrl::Invalid(ParseError::EmptyHost))
        );
        for no_slashes in [
            "http:jira.example.com",
            "jira.example.com:8080",
            "TOKEN:x@host",
        ] {
            assert_eq!(parse_http_url_field(no_slashes), Err(NotHttpUrl::NoScheme));
        }
        assert!(parse_http_url_field("https://jira.example.com").is_ok());
    }

    #[test]
    fn secrets_are_left_out_and_loopback_hosts_known() {
        let url = Url::parse("http://u:p@[::1]:8080/a?private_token=t#f").unwrap();
        assert!(has_credentials(&url) && is_loopback(&url));
        let clean = without_secrets(&url);
        assert_eq!(clean.as_str(), "http://[::1]:8080/a");
        assert!(!has_credentials(&clean));
        for (host, loopback) in [
            ("localhost", true),
            ("127.0.0.2", true),
            ("example.com", false),
        ] {
            let url = Url::parse(&format!("http://{host}/")).unwrap();
            assert_eq!(is_loopback(&url), loopback, "{host}");
        }
    }
}
