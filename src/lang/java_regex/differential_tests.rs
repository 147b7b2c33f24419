//! Differential test of `lang::java_regex` against the JDK's `java.util.regex.Pattern`.
//!
//! Generates a few thousand patterns (grammar-based, valid and invalid, plus random
//! mutations) and a curated list, runs `java tests/java/RegexOracle.java` once on all of them,
//! and compares: verdicts (valid/invalid), Java's error index on the curated list, find()/
//! matches() on (pattern, name) pairs wherever the preview answers, the vendor's §A8 table,
//! and the timing of patterns flagged for catastrophic backtracking.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::Command;

use super::tests::{VENDOR_PATTERNS, VENDOR_TAGS};
use super::{self as java_regex, Mode, check, java_match, java_verdict, preview, table_patterns};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LITERALS: &[&str] = &[
    "a", "b", "c", "x", "-", "1", "2", "_", " ", ",", "release", "r", "é", "A", "ab", "/", "'",
    "\"", "=", "<", ">", "!", ":", "#", "&", "~", "@", "%", "😀",
];
const META: &[&str] = &[
    ".", "^", "$", "\\b", "\\B", "\\A", "\\z", "\\Z", "\\G", "\\R", "\\X", "\\b{g}", "\\h", "\\H",
    "\\v", "\\V", "\\d", "\\D", "\\w", "\\W", "\\s", "\\S",
];
const ESCAPES: &[&str] = &[
    "\\t",
    "\\n",
    "\\x41",
    "\\x{1F600}",
    "\\x{61}",
    "\\u0041",
    "\\uD83D\\uDE00",
    "\\0101",
    "\\07",
    "\\0777",
    "\\cA",
    "\\c?",
    "\\e",
    "\\a",
    "\\f",
    "\\Q.*\\E",
    "\\Qab",
    "\\Q\\E",
    "\\Qa\\Eb",
    "\\N{LATIN SMALL LETTER A}",
    "\\N{space}",
    "\\.",
    "\\-",
    "\\\\",
    "\\[",
    "\\{",
    "\\}",
    "\\)",
    "\\(",
    "\\*",
    "\\é",
    "\\<",
    "\\#",
];
const BAD_ESCAPES: &[&str] = &[
    "\\y",
    "\\i",
    "\\E",
    "\\x",
    "\\xZ",
    "\\x{}",
    "\\x{110000}",
    "\\x{41",
    "\\u12",
    "\\0",
    "\\08",
    "\\c",
    "\\k",
    "\\k<x>",
    "\\k<g",
    "\\N{NOPE_X}",
    "\\N",
    "\\N{}",
    "\\N{A",
    "\\p{Foo}",
    "\\p{",
    "\\p{}",
    "\\pX",
    "\\K",
    "\\g",
    "\\C",
    "\\L",
    "\\U",
    "\\l",
    "\\u",
    "\\o",
    "\\q",
    "\\j",
];
const PROPS: &[&str] = &[
    "L",
    "Lu",
    "Ll",
    "Lt",
    "Nd",
    "N",
    "P",
    "Sc",
    "Zs",
    "LC",
    "LD",
    "L1",
    "all",
    "ASCII",
    "Alnum",
    "Alpha",
    "Blank",
    "Cntrl",
    "Digit",
    "Graph",
    "Lower",
    "Print",
    "Punct",
    "Space",
    "Upper",
    "XDigit",
    "lower",
    "upper",
    "alpha",
    "javaLowerCase",
    "javaUpperCase",
    "javaWhitespace",
    "javaMirrored",
    "javalowercase",
    "IsLatin",
    "Islatin",
    "IsLATN",
    "IsGreek",
    "IsCommon",
    "IsAlphabetic",
    "IsWhite_Space",
    "IsWhiteSpace",
    "Iswhite space",
    "IsEmoji",
    "IsLu",
    "Islu",
    "IsL",
    "IsLower",
    "IsPunctuation",
    "IsHex_Digit",
    "IsJoin_Control",
    "IsIdeographic",
    "IsjavaLowerCase",
    "InGreek",
    "Ingreek",
    "InBasicLatin",
    "InBasic_Latin",
    "InBasic Latin",
    "InBASIC LATIN",
    "InGreek_and_Coptic",
    "InGreekandCoptic",
    "InLatin-1 Supplement",
    "InLatin-1Supplement",
    "InLATIN_1_SUPPLEMENT",
    "InCyrillic Supplement",
    "InCyrillicSupplementary",
    "sc=Latin",
    "script=latn",
    "Script=Greek",
    "sc=Nope",
    "blk=greek",
    "block=Basic Latin",
    "gc=Lu",
    "general_category=L",
    "gc=lu",
    "Is=Lu",
    "foo=bar",
    "Greek",
    "Latin",
    "Han",
    "IsHan",
    "InCJK Unified Ideographs",
    "Cn",
    "Co",
    "Cs",
    "Mn",
    "Pc",
    "Pd",
    "Pi",
    "Pf",
    "So",
    "Sk",
    "Sm",
];
const QUANTS: &[&str] = &[
    "*",
    "+",
    "?",
    "*?",
    "+?",
    "??",
    "*+",
    "++",
    "?+",
    "{2}",
    "{0}",
    "{1,}",
    "{0,1}",
    "{2,3}",
    "{3,2}",
    "{,2}",
    "{2",
    "{2,",
    "{a}",
    "{99999999999}",
    "{1,99999999999}",
    "{2147483647}",
    "{2}?",
    "{2}+",
    "{1,3}?",
    "{1,3}+",
    "{0,}+",
];
const FLAGS: &[&str] = &[
    "i", "m", "s", "d", "u", "x", "U", "c", "is", "-i", "i-s", "", "-", "imsdux-U", "q", "P", "$",
    "@", "iU", "x-x", "iu", "md", "x i", "mi",
];
const NAMES: &[&str] = &["g", "n", "ab1", "A"];

fn gen_class(r: &mut Rng, depth: usize) -> String {
    let mut s = String::from("[");
    if r.chance(25) {
        s.push('^');
    }
    let n = 1 + r.below(4);
    for _ in 0..n {
        match r.below(14) {
            0 => s.push_str(r.pick(&[
                "a-z",
                "0-9",
                "A-F",
                "z-a",
                "a-\\d",
                "\\x41-\\x5a",
                "--x",
                "a-",
            ])),
            1 => s.push_str(r.pick(&[
                "\\d",
                "\\w",
                "\\s",
                "\\W",
                "\\h",
                "\\v",
                "\\v-\\x0d",
                "\\b",
                "\\1",
                "\\R",
                "\\Q-]\\E",
                "\\n",
                "\\]",
                "\\[",
            ])),
            2 => s.push_str(&format!("\\p{{{}}}", r.pick(PROPS))),
            3 if depth < 3 => s.push_str(&gen_class(r, depth + 1)),
            4 => s.push_str("&&"),
            5 if depth < 3 => {
                s.push_str("&&");
                s.push_str(&gen_class(r, depth + 1));
            }
            6 => s.push_str(r.pick(&["--", "~~", "-", "&", "^", "[:alpha:]", "||"])),
            7 => s.push_str(r.pick(&["é", "ß", "K", "k", "ÿ", "µ", "Å"])),
            _ => s.push_str(r.pick(&[
                "a", "b", "c", "x", "1", "_", ".", "*", "$", "(", ")", "{", "|",
            ])),
        }
    }
    if r.chance(93) {
        s.push(']');
    }
    s
}

fn gen_atom(r: &mut Rng, depth: usize, valid: bool) -> String {
    let choices = if valid { 10 } else { 13 };
    match r.below(choices) {
        0 | 1 => r.pick(LITERALS).to_string(),
        2 => r.pick(META).to_string(),
        3 => r.pick(ESCAPES).to_string(),
        4 => format!("\\p{{{}}}", r.pick(PROPS)),
        5 => gen_class(r, 0),
        6 | 7 if depth < 4 => {
            let body = gen_regex(r, depth + 1, valid);
            let open = match r.below(12) {
                0 => "(?:".to_string(),
                1 => "(?=".to_string(),
                2 => "(?!".to_string(),
                3 => "(?<=".to_string(),
                4 => "(?<!".to_string(),
                5 => "(?>".to_string(),
                6 => format!("(?<{}>", r.pick(NAMES)),
                7 => format!("(?{}:", r.pick(FLAGS)),
                _ => "(".to_string(),
            };
            format!("{open}{body})")
        }
        8 => format!("(?{})", r.pick(FLAGS)),
        9 => r
            .pick(&["\\1", "\\2", "\\12", "\\k<g>", "\\k<n>"])
            .to_string(),
        10 => r.pick(BAD_ESCAPES).to_string(),
        11 => r
            .pick(&[
                "(?P<n>a)",
                "(?<n_1>a)",
                "(?<1a>a)",
                "(?#c)",
                "(?<g>a)(?<g>b)",
            ])
            .to_string(),
        _ => r
            .pick(&[")", "]", "}", "{", "*", "?", "+", "|", "[", "(", "\\"])
            .to_string(),
    }
}

fn gen_regex(r: &mut Rng, depth: usize, valid: bool) -> String {
    let alts = 1 + usize::from(r.chance(30)) + usize::from(r.chance(10));
    let mut s = String::new();
    for a in 0..alts {
        if a > 0 {
            s.push('|');
        }
        for _ in 0..1 + r.below(4) {
            s.push_str(&gen_atom(r, depth, valid));
            if r.chance(35) {
                s.push_str(r.pick(QUANTS));
            }
        }
    }
    s
}

fn mutate(r: &mut Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    for _ in 0..1 + r.below(2) {
        if c.is_empty() {
            break;
        }
        let i = r.below(c.len());
        match r.below(3) {
            0 => {
                c.remove(i);
            }
            1 => {
                let ins: Vec<char> = "()[]{}\\*+?|^$.-&,<>=!:#pPQEk0123aé ".chars().collect();
                c.insert(i, ins[r.below(ins.len())]);
            }
            _ => {
                if i + 1 < c.len() {
                    c.swap(i, i + 1);
                }
            }
        }
    }
    c.into_iter().collect()
}

fn hex(s: &str) -> String {
    s.bytes().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

/// Every construct of dialects.md's table, Rust-only syntax and edge cases whose error index
/// must equal Java's; [`curated`] adds the vendor's examples.
const CURATED: &[&str] = &[
    "(?=a)b",
    "(?!a)b",
    "(?<=a)b",
    "(?<!a)b",
    "(a)\\1",
    "(?<n>a)\\k<n>",
    "a*+",
    "a++",
    "a?+",
    "a{1,3}+",
    "(?>a|ab)c",
    "\\Qa.b\\E",
    "\\h",
    "\\R",
    "\\X",
    "\\G",
    "\\Z",
    "\\d\\w\\s\\b",
    "(?U)\\w",
    "(?d)a.",
    "(?u)a",
    "\\p{Lu}",
    "\\p{IsLatin}",
    "\\p{InGreek}",
    "\\p{javaLowerCase}",
    "\\p{Lower}",
    "[a-d[m-p]]",
    "[a-z&&[def]]",
    "[a-z&&[^bc]]",
    "[a--b]",
    "[a~~b]",
    "(?P<name>a)",
    "(?<my_name>a)",
    "\\0101",
    "\\x{41}",
    "\\u0041",
    "\\cA",
    "\\N{LATIN SMALL LETTER A}",
    "(a+)+$",
    "(a*)*b",
    "(.*)*x",
    "(\\w+\\s?)+$",
    "(a|a)*b",
    "(a|ab)*c",
    "(.*a){20}",
    "\\p{Greek}",
    "(?i)Release",
    "(?x) a b # comment",
    "(?<=a*)b",
    "(?<=(a)\\1)b",
    "(?<=(?:ab)+)c",
    "(?<=x(?:a)+)b",
    "(?<=(a|b){2})x",
    "(?<=(?>ab)+)c",
    "(?<=(?>a|b)+)c",
    "(?<=xa{1,})b",
    "(?<=a*a*)b",
    "a{2}{3}",
    "{2}",
    "{",
    "x{",
    "a**",
    "*",
    "a{2,1}",
    "a{99999999999}",
    "a{1,",
    "[]",
    "[^]",
    "[]a]",
    "\\",
    "a\\",
    "(",
    ")",
    "(?",
    "(?<",
    "(?<a",
    "(?<=a",
    "\\k<x>",
    "\\1",
    "(a)\\2",
    "(a)\\10",
    "\\p{IsEmoji}",
    "\\p{L",
    "\\p{}",
    "\\b{x}",
    "\\Qa\\E\\E",
    "\\E",
    "(?q)",
    "(?--i)a",
    "[a&&&&b]",
    "[&&a]",
    "[a&&]",
    "[&&]",
    "[a-\\d]",
    "[\\d-z]",
    "[\\v-\\x0d]",
    "[\\b]",
    "\\p{sc=Latin}",
    "\\p{gc=lu}",
    "\\N{FOO_BAR}",
    "\\N{2}",
    "\\N{}",
    "\\x{110000}",
    "\\uD800\\uDC00",
    "(?<n>a)(?<n>b)",
    "(?$)",
    "(?@)",
    "a{2147483647}",
    "a{2147483648}",
    "[z-a]",
    "(?c)[a]",
    "\\Q",
    "\\Qab\\",
    "\\Q\\Ea\\E",
    "\\Q(\\E)",
    "(?x)\\p{ L }",
    "(?x)[a b]",
    "(?x)a #c\n*",
    "[\\Q]\\E]",
    "[a-\\Q\\E]",
    "\\c",
    "[\\c]",
    "(?i)[\\x{17F}]",
    "(?iu)ÿ",
    "a||b",
    "[^~~&]",
    "[a&]",
    "[&]",
    "[a&b]",
    "[a&&b&&c]",
    "|",
    "()",
    "(|a)",
];

/// Patterns whose matching JDK 17 cannot finish quickly on "aaaa…a!" (no JDK 9+ memo).
/// The vendor's examples, then [`CURATED`].
fn curated() -> impl Iterator<Item = &'static str> + Clone {
    VENDOR_PATTERNS.iter().chain(CURATED).copied()
}

const BLOWS_UP_ON_JDK17: &[&str] = &["((a+)+)+b", "(\\1?a+)+b", "(a+)+(b)\\2", "(.*a){25}!"];
/// Flagged too, but defused by JDK 9+'s memo at top level (still exponential on Java 8).
const DEFUSED_ON_JDK17: &[&str] = &[
    "(a+)+b",
    "(a*)*b",
    "(.*)*x",
    "(a|a)*b",
    "(a|aa)*b",
    "(\\w+\\s?)+$",
];
const MUST_NOT_WARN: &[&str] = &[
    "^((?!release-2).)*$",
    "^((?!((^|, )(release-2))+$).)*$",
    "((^|, )(release-1))+$",
    "((^|, )(release-[1-3]))+$",
    ".*",
    "^(version\\-1).*",
    "^(Release|release).*",
    "^.*master.*$",
    "(ab+c)*",
    "(\\d+\\.)+\\d+",
    "(a++)+b",
    "(?>a+)+b",
    "(a|b)*c",
];

fn preview_tags(r: &mut Rng) -> String {
    let alphabet: Vec<char> = "aabbc-1.2_ AB\néxr".chars().collect();
    let n = r.below(8);
    (0..n).map(|_| alphabet[r.below(alphabet.len())]).collect()
}

/// The major version `java -version` reports (`openjdk version "17.0.15"` → 17,
/// `java version "1.8.0_401"` → 8).
fn java_major(version_output: &str) -> Option<u32> {
    let quoted = version_output.split('"').nth(1)?;
    let mut parts = quoted.split(['.', '-', '+', '_']);
    let first: u32 = parts.next()?.parse().ok()?;
    if first == 1 {
        return parts.next()?.parse().ok();
    }
    Some(first)
}

/// `Ok` when `java` on PATH is JDK 17 or later, else why the JDK comparison cannot run.
fn jdk17() -> Result<(), String> {
    let out = Command::new("java")
        .arg("-version")
        .output()
        .map_err(|e| format!("`java` is not on PATH ({e}); install JDK 17 or later to compare"))?;
    let text = String::from_utf8_lossy(&out.stderr);
    match java_major(&text) {
        Some(v) if v >= 17 => Ok(()),
        Some(v) => Err(format!(
            "`java -version` reports Java {v}; the oracle is JDK 17 or later"
        )),
        None => Err(format!(
            "cannot read the version from `java -version`: {text:?}"
        )),
    }
}

#[test]
fn java_version_is_read_from_both_formats() {
    assert_eq!(
        java_major("openjdk version \"17.0.15\" 2025-04-15"),
        Some(17)
    );
    assert_eq!(java_major("java version \"1.8.0_401\""), Some(8));
    assert_eq!(java_major("openjdk version \"21\" 2023-09-19"), Some(21));
    assert_eq!(java_major("no version here"), None);
}

#[test]
fn java_regex_agrees_with_the_jdk() {
    if let Err(why) = jdk17() {
        // Written to the process's stderr file, past the harness's capture, so the skip shows.
        let line = format!("SKIPPED java_regex_agrees_with_the_jdk: {why}");
        match std::fs::OpenOptions::new().append(true).open("/dev/stderr") {
            Ok(mut f) => {
                let _ = writeln!(f, "{line}");
            }
            Err(_) => eprintln!("{line}"),
        }
        return;
    }
    // JAVA_REGEX_SEED explores other corpora; the default keeps CI deterministic.
    let seed = std::env::var("JAVA_REGEX_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15u64);
    let mut r = Rng(seed.max(1));
    let mut generated = Vec::new();
    while generated.len() < 5000 {
        let valid = r.chance(50);
        let mut p = gen_regex(&mut r, 0, valid);
        if r.chance(30) {
            p = mutate(&mut r, &p);
        }
        generated.push(p);
    }
    let tables = table_patterns();
    let mut preview_pairs: Vec<(String, String)> = Vec::new();
    while preview_pairs.len() < 3500 {
        let p = gen_regex(&mut r, 1, true);
        // Java spins through huge counts of empty matches without reading input, which the
        // oracle's deadline cannot interrupt.
        if p.contains("2147483647") || p.contains("99999") {
            continue;
        }
        for _ in 0..5 {
            preview_pairs.push((p.clone(), preview_tags(&mut r)));
        }
    }
    for p in curated() {
        for t in VENDOR_TAGS
            .iter()
            .chain(&["", "aaa", "a\n", "Release-1\r\n", "xAbé"])
        {
            preview_pairs.push((p.to_string(), (*t).to_string()));
        }
    }
    let ascii: String = (0u8..128).map(char::from).collect();
    for p in &tables {
        for c in ascii.chars().step_by(3) {
            preview_pairs.push((p.clone(), c.to_string()));
        }
    }

    let mut input = String::new();
    for p in generated
        .iter()
        .chain(curated().map(str::to_string).collect::<Vec<_>>().iter())
        .chain(&tables)
    {
        let _ = writeln!(input, "C {}", hex(p));
    }
    for (p, t) in &preview_pairs {
        let _ = writeln!(input, "M {} {}", hex(p), hex(t));
    }
    let adversarial = format!("{}!", "a".repeat(30));
    for p in BLOWS_UP_ON_JDK17.iter().chain(DEFUSED_ON_JDK17) {
        let _ = writeln!(input, "T {} {} 1500", hex(p), hex(&adversarial));
    }
    let dir = std::env::temp_dir().join(format!("java-regex-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("input.txt");
    std::fs::write(&file, input).unwrap();
    let oracle = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/java/RegexOracle.java");
    let java_started = std::time::Instant::now();
    let out = Command::new("java")
        .arg(oracle)
        .arg(&file)
        .output()
        .expect("run java");
    println!(
        "java oracle run took {:.1}s",
        java_started.elapsed().as_secs_f64()
    );
    if std::env::var_os("JAVA_REGEX_KEEP").is_some() {
        println!("oracle input kept in {}", file.display());
    } else {
        let _ = std::fs::remove_dir_all(&dir);
    }
    assert!(
        out.status.success(),
        "java failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();

    // 1. Verdicts on generated patterns.
    let verdict = |line: &str| -> Result<(), i64> {
        if line == "ok" {
            Ok(())
        } else {
            Err(line
                .split(' ')
                .nth(1)
                .and_then(|i| i.parse().ok())
                .unwrap_or(-3))
        }
    };
    let mut agree = 0;
    let mut unverifiable = 0;
    let mut disagreements = Vec::new();
    for p in &generated {
        let line = lines.next().unwrap();
        let java = verdict(line);
        let ours = java_verdict(p);
        if java.is_ok() == ours.is_ok() {
            agree += 1;
        } else {
            if check(p)
                .iter()
                .any(|d| d.code == java_regex::UNVERIFIED_NAME.id)
            {
                unverifiable += 1;
            }
            disagreements.push(format!("{p:?}: java {line:?}, ours {ours:?}"));
        }
    }
    let rate = 100.0 * agree as f64 / generated.len() as f64;
    println!(
        "java regex differential: {agree}/{} agree ({rate:.1}%); {unverifiable} of the {} others use a \\N{{…}} name that cannot be verified without Unicode's name list",
        generated.len(),
        disagreements.len()
    );
    for d in disagreements.iter().take(40) {
        println!("  disagree: {d}");
    }

    // 2. Curated: verdict and index must match exactly.
    let mut curated_bad = Vec::new();
    for p in curated() {
        let line = lines.next().unwrap();
        let java = verdict(line);
        let ours = java_verdict(p);
        if java != ours {
            curated_bad.push(format!("{p:?}: java {line:?}, ours {ours:?}"));
        }
    }
    println!(
        "java regex curated: {}/{} agree",
        curated().count() - curated_bad.len(),
        curated().count()
    );
    for d in &curated_bad {
        println!("  curated disagree: {d}");
    }
    let mut table_bad = Vec::new();
    for p in &tables {
        let line = lines.next().unwrap();
        if line != "ok" || java_verdict(p).is_err() {
            table_bad.push(format!("{p:?}: java {line:?}, ours {:?}", java_verdict(p)));
        }
    }
    for d in &table_bad {
        println!("  table disagree: {d}");
    }

    // 3. Matching.
    let started = std::time::Instant::now();
    let mut compared = 0;
    let mut skipped = 0;
    let mut match_bad = Vec::new();
    for (p, t) in &preview_pairs {
        let line = lines.next().unwrap();
        let Some(rest) = line.strip_prefix("m ") else {
            continue;
        };
        let java = (rest.starts_with('1'), rest.ends_with('1'));
        match java_match(p, t) {
            None => skipped += 1,
            Some(ours) => {
                compared += 1;
                if ours != java {
                    match_bad.push(format!("{p:?} on {t:?}: java {java:?}, ours {ours:?}"));
                }
            }
        }
    }
    println!(
        "java regex preview: {}/{compared} pairs agree ({skipped} not previewable)",
        compared - match_bad.len()
    );
    println!(
        "preview comparison took {:.1}s",
        started.elapsed().as_secs_f64()
    );
    for d in match_bad.iter().take(40) {
        println!("  match disagree: {d}");
    }

    // 4. Timing of flagged patterns.
    let mut timing_bad = Vec::new();
    for p in BLOWS_UP_ON_JDK17.iter().chain(DEFUSED_ON_JDK17) {
        let line = lines.next().unwrap();
        let warned = check(p)
            .iter()
            .any(|d| d.code == java_regex::CATASTROPHIC_BACKTRACKING.id);
        println!("  timing {p:?}: java {line}, warned {warned}");
        if !warned {
            timing_bad.push(format!("{p:?} not warned"));
        }
        let slow = line == "t timeout"
            || line
                .strip_prefix("t ")
                .and_then(|m| m.parse::<u64>().ok())
                .is_some_and(|ms| ms >= 100);
        if BLOWS_UP_ON_JDK17.contains(p) && !slow {
            timing_bad.push(format!("{p:?} expected to be slow on the JDK: {line}"));
        }
    }
    for p in MUST_NOT_WARN {
        if check(p)
            .iter()
            .any(|d| d.code == java_regex::CATASTROPHIC_BACKTRACKING.id)
        {
            timing_bad.push(format!("{p:?} warned"));
        }
    }

    assert!(rate >= 99.5, "generated agreement {rate:.2}% < 99.5%");
    assert!(
        curated_bad.is_empty(),
        "curated disagreements: {curated_bad:#?}"
    );
    assert!(table_bad.is_empty(), "table disagreements: {table_bad:#?}");
    assert!(match_bad.is_empty(), "match disagreements: {match_bad:#?}");
    assert!(compared > 2000, "too few previewable pairs: {compared}");
    assert!(timing_bad.is_empty(), "{timing_bad:#?}");
}

#[test]
fn vendor_examples_give_the_documented_results() {
    let tags: Vec<String> = VENDOR_TAGS.iter().map(|s| s.to_string()).collect();
    let table: &[(&str, &[&str])] = &[
        (
            ".*",
            &[
                "release-1",
                "release-2",
                "release-2.3",
                "release-3",
                "release-4",
            ],
        ),
        ("((^|, )(release-1))+$", &["release-1"]),
        (
            "^((?!release-2).)*$",
            &["release-1", "release-3", "release-4"],
        ),
        (
            "^((?!((^|, )(release-2))+$).)*$",
            &["release-1", "release-2.3", "release-3", "release-4"],
        ),
        (
            "((^|, )(release-[1-3]))+$",
            &["release-1", "release-2", "release-3"],
        ),
        ("^(version\\-1).*", &[]),
    ];
    for (pattern, expected) in table {
        let p = preview(pattern, &tags, Mode::Show).unwrap();
        assert_eq!(p.shown, *expected, "{pattern}");
        assert!(
            p.ambiguous.is_empty(),
            "{pattern}: find() and matches() differ on {:?}",
            p.ambiguous
        );
        assert!(check(pattern).is_empty(), "{pattern}: {:?}", check(pattern));
    }
}
