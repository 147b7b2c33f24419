//! Tests of the text redaction.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::*;

fn r(s: &str) -> String {
    redact_text(s).into_owned()
}

#[test]
fn url_credentials_are_masked_in_place_and_the_rest_kept_as_written() {
    assert_eq!(
        r("see HTTPS://bob:pw@Git.Example.COM:443 now"),
        "see HTTPS://bob:[REDACTED]@Git.Example.COM:443 now"
    );
    assert_eq!(r("//bob:pw@host/x?y"), "//bob:[REDACTED]@host/x?y");
    assert_eq!(
        r("https://ghp_tok@github.com"),
        "https://[REDACTED]@github.com"
    );
    assert_eq!(
        r("ssh://git@github.com/a.git"),
        "ssh://git@github.com/a.git"
    );
    assert_eq!(r("https://github.com/a@b"), "https://github.com/a@b");
    assert_eq!(
        r("https://bob:p/?#\\@w@bücher.example/x@y"),
        "https://bob:[REDACTED]@bücher.example/x@y"
    );
    assert_eq!(r("https:\\\\bob:pw@host"), "https:\\\\bob:[REDACTED]@host");
    assert_eq!(r("https://[::1]:8080/x"), "https://[::1]:8080/x");
}

#[test]
fn secret_query_and_fragment_values_are_masked_by_key() {
    assert_eq!(
        r("/user/repos?access_token=abc&page=2"),
        "/user/repos?access_token=[REDACTED]&page=2"
    );
    assert_eq!(
        r("https://h/#ACCESS_TOKEN=abc&token_type=bearer"),
        "https://h/#ACCESS_TOKEN=[REDACTED]&token_type=[REDACTED]"
    );
    assert_eq!(
        r("x?X-Amz-Signature=f00&X-Amz-Date=1"),
        "x?X-Amz-Signature=[REDACTED]&X-Amz-Date=1"
    );
    assert_eq!(r("x?sort=name&monkey=1"), "x?sort=name&monkey=1");
    assert_eq!(r("a == b"), "a == b");
}

#[test]
fn scp_like_user_info_and_known_tokens_are_masked() {
    assert_eq!(
        r("deploy:pw@git.example.com:team/r.git"),
        "deploy:[REDACTED]@git.example.com:team/r.git"
    );
    assert_eq!(r("git@github.com:team/r.git"), "git@github.com:team/r.git");
    assert_eq!(
        r("/deploy:pw@git.example.com:8443:r"),
        "/deploy:[REDACTED]@git.example.com:8443:r"
    );
    assert_eq!(r("mail ops@example.com"), "mail ops@example.com");
    assert_eq!(
        r("pasted ghp_0123456789abcdef0123456789abcdefABCD here"),
        "pasted ghp_[REDACTED] here"
    );
    assert_eq!(r("the ghp_ prefix"), "the ghp_ prefix");
    let pem = "-----BEGIN RSA PRIVATE KEY-----\nMIIabc\n-----END RSA PRIVATE KEY-----";
    assert_eq!(
        r(pem),
        "-----BEGIN RSA PRIVATE KEY-----[REDACTED]-----END RSA PRIVATE KEY-----"
    );
}

/// A body of `format`'s shape: `min_len` characters of its alphabet.
fn body(format: &TokenFormat) -> String {
    "A1b2C3d4".repeat(40)[..format.min_len].to_ascii_uppercase()
}

#[test]
fn every_token_format_is_found_at_a_word_start_only() {
    let prefixes: Vec<&str> = TOKEN_FORMATS.iter().map(|f| f.prefix).collect();
    assert_eq!(prefixes, TOKEN_PREFIXES);
    for format in TOKEN_FORMATS {
        let prefix = format.prefix;
        assert!(
            matches!(prefix.as_bytes()[0], b'g' | b'x' | b'A'),
            "{prefix}"
        );
        let token = format!("{prefix}{}", body(format));
        assert_eq!(r(&format!("({token})")), format!("({prefix}[REDACTED])"));
        let inside = format!("a{token}");
        assert_eq!(r(&inside), inside);
        let short = format!("{prefix}{}", &body(format)[1..]);
        assert_eq!(r(&short), short, "too short for {prefix}");
    }
}

#[test]
fn gitlab_routable_tokens_are_masked_to_their_last_part() {
    let token = "glpat-AbCdEfGhIjKlMnOpQrStUvWxYz0123.01.0w1xyz9qk";
    assert_eq!(r(&format!("token {token}.")), "token glpat-[REDACTED].");
    assert_eq!(
        r("glpat-AbCdEfGhIjKlMnOpQrSt. Then"),
        "glpat-[REDACTED]. Then"
    );
}

#[test]
fn names_that_only_start_like_a_token_are_kept() {
    for name in [
        "ASIA-Pacific-Jira",
        "AKIA_mirror",
        "AKIAIOSFODNN7EXAMPLEX",
        "ghp_labels",
        "glpat-short",
        "xoxb-bot",
        "ATATTendance",
        "/rest/x/jira-integrations/ASIA-Pacific-Jira/status",
    ] {
        assert_eq!(r(name), name);
    }
    assert_eq!(r("id AKIAIOSFODNN7EXAMPLE."), "id AKIA[REDACTED].");
}

#[test]
fn a_url_password_is_masked_whatever_characters_it_holds() {
    for password in ["hun ter2", "a\"b", "a<b>c", "a`b", "p w@x y", "a'b", "x\ty"] {
        let url = format!("https://bob:{password}@h.example.com/x");
        assert_eq!(
            r(&url),
            "https://bob:[REDACTED]@h.example.com/x",
            "{password}"
        );
        let quoted = format!("cannot reach \"{url}\" now");
        assert!(!r(&quoted).contains(password), "{quoted}");
    }
}

/// The scan work for `unit` repeated `n` times.
fn steps(unit: &str, n: usize) -> u64 {
    let text = unit.repeat(n);
    let before = scan_steps();
    let _ = redact_text(&text);
    scan_steps() - before
}

#[test]
fn redaction_work_grows_linearly_with_hostile_text() {
    for unit in [
        "@", "ghp_", "//a:@", "a@b.c", "token=", "glpat-", "//a@", "a:b@c.d:",
    ] {
        let n = (1 << 20) / unit.len();
        let (once, twice) = (steps(unit, n / 2), steps(unit, n));
        assert!(
            twice <= once * 2 + 64 && twice <= 64 * (n * unit.len()) as u64,
            "{unit:?}: {once} steps at half a MiB, {twice} at 1 MiB"
        );
    }
}

#[test]
fn redacted_text_redacts_to_itself_and_clean_text_is_borrowed() {
    for s in [
        "https://bob:pw@h?token=x#sig=y",
        "u:p@a.b:c ghp_0123456789",
        "//a@b@c/d@e",
    ] {
        let once = r(s);
        assert_eq!(r(&once), once, "{s}");
    }
    assert!(matches!(redact_text("plain text"), Cow::Borrowed(_)));
}
