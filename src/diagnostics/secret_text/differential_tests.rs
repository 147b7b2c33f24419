//! The redaction held to the one it replaced: every matcher over the whole text, with no first
//! look and no starts ([`every_matcher`]), on generated texts mixing every secret shape the
//! module masks with near misses, and on every text of the fuzz seeds and fixtures.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::super::*;

/// The ranges as they were found before [`Starts`]: each matcher from the start of the text.
/// (The matchers for `@` and `=` found nothing in a text without one, so they ran ungated.)
fn every_matcher(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut found = Vec::new();
    url_user_info(b, &mut found);
    scp_user_info(b, &mut found);
    query_values(b, 0, &mut found);
    known_tokens(b, 0, &mut found);
    pem_bodies(s, 0, &mut found);
    merged(s, found)
}

fn assert_same(text: &str) {
    let expected = every_matcher(text);
    assert_eq!(secret_ranges(text), expected, "{text:?}");
    let redacted = redact_text(text);
    assert_eq!(
        matches!(redacted, Cow::Borrowed(_)),
        expected.is_empty(),
        "{text:?}"
    );
}

/// splitmix64: the same cases on every run.
struct Cases(u64);

impl Cases {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    /// `n` characters of `alphabet`.
    fn run(&mut self, alphabet: &str, n: usize) -> String {
        let chars: Vec<char> = alphabet.chars().collect();
        (0..n).map(|_| chars[self.below(chars.len())]).collect()
    }
}

const UPPER: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const ALNUM: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const DASHED: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-=";

/// A token of `format`, its body a character short, long or off its alphabet, or its prefix cut.
fn token(cases: &mut Cases, format: &TokenFormat) -> String {
    let alphabet = match format.alphabet {
        TokenAlphabet::UpperAlphanumeric => UPPER,
        TokenAlphabet::Alphanumeric => ALNUM,
        _ => DASHED,
    };
    let len = match cases.below(5) {
        0 => format.min_len - 1,
        1 => format.min_len + 1,
        2 => cases.below(format.min_len * 2),
        _ => format.min_len,
    };
    let prefix = match cases.below(6) {
        0 => &format.prefix[..format.prefix.len() - 1],
        1 => &format.prefix[1..],
        _ => format.prefix,
    };
    let mut body = cases.run(alphabet, len);
    if format.dotted && cases.below(3) == 0 {
        body = format!("{body}.{}.{}", cases.run(DASHED, 2), cases.run(ALNUM, 9));
    }
    format!("{prefix}{body}")
}

const KEYS: &[&str] = &[
    "access_token",
    "ACCESS_TOKEN",
    "Token",
    "tokn",
    "acess_token",
    "my_secret_x",
    "passwrod",
    "passwd",
    "PassWord",
    "x-amz-signature",
    "X-Goog-Credential",
    "sig",
    "key",
    "keys",
    "code",
    "pat",
    "patt",
    "api-key",
    "client_secret",
    "page",
    "sort",
    "monkey",
    "credentials",
    "a.b",
];

const FILLERS: &[&str] = &[
    "see",
    "the origin",
    "Consider requireUserPat: true",
    "bücher",
    "日本語",
    "😀",
    "\\n",
    "\\u0041",
    "~1",
    "~0",
    "%40",
    "%3D",
    "\"",
    "'",
    "`",
    "<",
    ">",
    "(",
    ")",
    ",",
    ";",
    "&",
    "?",
    "#",
    "/",
    "\\",
    ":",
    ".",
    "-",
    "--",
    "-----",
    "_",
    "=",
    "==",
    "@",
    "A",
    "g",
    "x",
    "\t",
    "\n",
    " ",
    "[REDACTED]",
    "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl",
    "QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=",
    "ASIA-Pacific-Jira",
    "ghp_labels",
    "git@github.com:team/r.git",
    "ops@example.com",
    "requireUserPatAndMoreWordsInOneRun",
    "0123456789012345678901234",
];

const SCHEMES: &[&str] = &[
    "https://",
    "HTTP://",
    "ssh://",
    "//",
    "https:\\\\",
    "git+ssh://",
    "",
];
const HOSTS: &[&str] = &[
    "git.example.com",
    "h",
    "BÜCHER.example:443",
    "[::1]:8080",
    "a.b",
];

/// One piece of a text: a secret of some shape, a near miss or filler.
fn piece(cases: &mut Cases) -> String {
    let scheme = cases.pick(SCHEMES);
    let host = cases.pick(HOSTS);
    match cases.below(12) {
        0 | 1 => {
            let format = &TOKEN_FORMATS[cases.below(TOKEN_FORMATS.len())];
            token(cases, format)
        }
        2 => format!(
            "{scheme}{}:{}@{host}/x",
            cases.pick(&["bob", "git", ""]),
            cases.pick(FILLERS)
        ),
        3 => format!(
            "{scheme}{}@{host}",
            cases.pick(&["git", "TOKEN", "u", "a@b", ""])
        ),
        4 => format!(
            "{}:{}@{host}:{}",
            cases.pick(&["deploy", "git", "u"]),
            cases.run(ALNUM, 3),
            cases.pick(&["r.git", "8443:r", ""])
        ),
        5 | 6 => {
            let sep = cases.pick(&["?", "&", "#", ";", " ", "", "x"]);
            format!("{sep}{}={}", cases.pick(KEYS), cases.pick(FILLERS))
        }
        7 => {
            let kind = cases.pick(&[
                "RSA PRIVATE KEY",
                "PRIVATE KEY",
                "CERTIFICATE",
                "EC PRIVATE KEY",
            ]);
            let begin = cases.pick(&[
                "-----BEGIN ",
                "----BEGIN ",
                "-----BEGIN",
                "-----BEGIN -----BEGIN ",
            ]);
            let end = cases.pick(&["\n-----END ", "", "-----"]);
            format!(
                "{begin}{kind}-----\nMII{}{end}{kind}-----",
                cases.run(DASHED, 12)
            )
        }
        8 => {
            let len = cases.below(40);
            cases.run(DASHED, len)
        }
        _ => cases.pick(FILLERS).to_string(),
    }
}

/// A text of up to eight pieces, joined by separators or by nothing, sometimes cut short.
fn text(cases: &mut Cases) -> String {
    let mut out = String::new();
    for _ in 0..=cases.below(8) {
        out.push_str(&piece(cases));
        out.push_str(cases.pick(&["", " ", "", "/", "\n", "&", "x"]));
    }
    if cases.below(4) == 0 {
        let cut = cases.below(out.len() + 1);
        let cut = (0..=cut)
            .rev()
            .find(|&i| out.is_char_boundary(i))
            .unwrap_or(0);
        out.truncate(cut);
    }
    out
}

#[test]
fn generated_texts_redact_as_with_every_matcher_on_the_whole_text() {
    let mut cases = Cases(16);
    let mut masked = 0;
    for _ in 0..120_000 {
        let text = text(&mut cases);
        assert_same(&text);
        masked += usize::from(!every_matcher(&text).is_empty());
    }
    // The cases hold secrets and texts without any, in both kinds plenty.
    assert!((30_000..90_000).contains(&masked), "{masked} masked");
}

/// Every file under `dir`, at any depth.
fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            strings(v, out);
        }),
        _ => {}
    }
}

#[test]
fn corpus_texts_redact_as_with_every_matcher_on_the_whole_text() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    for dir in ["fuzz/seeds", "fuzz/corpus", "tests/fixtures"] {
        files(&root.join(dir), &mut paths);
    }
    assert!(paths.len() > 100, "{} files", paths.len());
    let mut texts = 0;
    for path in paths {
        let text = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        let mut all = vec![text.clone()];
        all.extend(text.lines().map(str::to_string));
        if let Ok(value) = serde_json::from_str(&text) {
            strings(&value, &mut all);
        }
        texts += all.len();
        all.iter().for_each(|t| assert_same(t));
    }
    assert!(texts > 1_000, "{texts} texts");
}
