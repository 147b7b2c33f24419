//! Differential test: `lang::refspec::check_ref_name` against `git check-ref-format`.
//!
//! Mode: each name is checked with the same options on both sides. `allow_onelevel` maps to
//! `--allow-onelevel` (refspec sides in fetch config may be one-level names such as `HEAD`; the
//! refspec checker uses that mode and adds a warning for sides outside `refs/`) and
//! `refspec_pattern` to `--refspec-pattern` (used for most names that contain `*`).
//!
//! `git check-ref-format` takes one name per process and has no `--stdin`, so names are checked
//! in two threads. Names that git's command line cannot take are not generated: a NUL byte
//! cannot be passed in argv, and a name starting with `-` is parsed as an option (exit 129).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use super::{RefNameFlags, check_ref_name};
use std::process::{Command, Stdio};

const GENERATED: usize = 3000;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn bit(&mut self) -> bool {
        self.next() & 1 == 1
    }
}

#[derive(Clone)]
struct Case {
    name: String,
    flags: RefNameFlags,
}

fn flags(allow_onelevel: bool, refspec_pattern: bool) -> RefNameFlags {
    RefNameFlags {
        allow_onelevel,
        refspec_pattern,
    }
}

fn git_available() -> bool {
    Command::new("git")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// `Some(valid)` from git's exit status (0 or 1); `None` for anything else.
fn git_verdict(case: &Case) -> Option<bool> {
    let mut cmd = Command::new("git");
    cmd.arg("check-ref-format")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if case.flags.allow_onelevel {
        cmd.arg("--allow-onelevel");
    }
    if case.flags.refspec_pattern {
        cmd.arg("--refspec-pattern");
    }
    cmd.arg(&case.name);
    match cmd.status().ok()?.code()? {
        0 => Some(true),
        1 => Some(false),
        _ => None,
    }
}

/// Git's verdicts for all cases, computed in two threads.
fn git_verdicts(cases: &[Case]) -> Vec<Option<bool>> {
    let half = cases.len().div_ceil(2);
    std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(half.max(1))
            .map(|chunk| s.spawn(move || chunk.iter().map(git_verdict).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    })
}

struct Outcome {
    agree: usize,
    total: usize,
    skipped: usize,
    disagreements: Vec<String>,
}

fn compare(cases: &[Case]) -> Outcome {
    let verdicts = git_verdicts(cases);
    let mut out = Outcome {
        agree: 0,
        total: 0,
        skipped: 0,
        disagreements: Vec::new(),
    };
    for (case, git) in cases.iter().zip(verdicts) {
        let Some(git) = git else {
            out.skipped += 1;
            continue;
        };
        out.total += 1;
        let ours = check_ref_name(&case.name, case.flags);
        if ours.is_ok() == git {
            out.agree += 1;
        } else {
            out.disagreements.push(format!(
                "{:?} onelevel={} pattern={}: git {}, ours {:?}",
                case.name,
                case.flags.allow_onelevel,
                case.flags.refspec_pattern,
                if git { "valid" } else { "invalid" },
                ours.map_err(|e| e.kind)
            ));
        }
    }
    out
}

/// Names with a known verdict: (name, allow_onelevel, refspec_pattern, valid).
const CURATED: &[(&str, bool, bool, bool)] = &[
    ("refs/heads/main", false, false, true),
    ("refs/tags/v1.0.0", false, false, true),
    ("refs/meta/config", false, false, true),
    ("refs/changes/34/1234/2", false, false, true),
    ("refs/notes/commits", false, false, true),
    ("refs/pull/12/head", false, false, true),
    ("refs/heads/feature/x-y_z", false, false, true),
    ("refs/heads/ünïcødé", false, false, true),
    ("refs/heads/日本語", false, false, true),
    ("refs/heads/😀", false, false, true),
    ("refs/heads/a\u{85}b", false, false, true),
    ("refs/heads/a.b", false, false, true),
    ("refs/heads/a./b", false, false, true),
    ("refs/heads/@", false, false, true),
    ("refs/heads/a@b", false, false, true),
    ("refs/heads/a@/{b", false, false, true),
    ("refs/heads/{x}", false, false, true),
    ("refs/heads/a+b", false, false, true),
    ("refs/heads/a]b", false, false, true),
    ("refs/heads/a#b!%", false, false, true),
    ("refs/heads/lock", false, false, true),
    ("refs/heads/a.locks", false, false, true),
    ("refs/heads/.lockx", false, false, false),
    ("HEAD", false, false, false),
    ("HEAD", true, false, true),
    ("main", true, false, true),
    ("+refs/heads/x", false, false, true),
    (
        "0123456789abcdef0123456789abcdef01234567",
        true,
        false,
        true,
    ),
    ("", false, false, false),
    ("", true, false, false),
    ("@", true, false, false),
    ("@", false, false, false),
    ("/refs/heads/x", false, false, false),
    ("refs/heads/x/", false, false, false),
    ("refs//heads", false, false, false),
    ("refs/.heads", false, false, false),
    ("refs/heads/.x", false, false, false),
    ("refs/heads/x.lock", false, false, false),
    ("refs/heads/x.lock/y", false, false, false),
    ("refs/heads/a..b", false, false, false),
    ("refs/heads/..", false, false, false),
    ("refs/heads/.", false, false, false),
    ("refs/heads/x.", false, false, false),
    ("refs/heads/a@{b", false, false, false),
    ("refs/heads/@{", false, false, false),
    ("refs/heads/a b", false, false, false),
    ("refs/heads/a\tb", false, false, false),
    ("refs/heads/a\x01b", false, false, false),
    ("refs/heads/a\x1fb", false, false, false),
    ("refs/heads/a\x7fb", false, false, false),
    ("refs/heads/a\nb", false, false, false),
    ("refs/heads/a~1", false, false, false),
    ("refs/heads/a^", false, false, false),
    ("refs/heads/a:b", false, false, false),
    ("refs/heads/a?", false, false, false),
    ("refs/heads/a[b", false, false, false),
    ("refs/heads/a\\b", false, false, false),
    ("refs/heads/*", false, false, false),
    ("refs/heads/*", false, true, true),
    ("refs/*/heads", false, true, true),
    ("refs/heads/foo*", false, true, true),
    ("refs/heads/*bar", false, true, true),
    ("refs/heads/a*b", false, true, true),
    ("refs/*/*", false, true, false),
    ("refs/heads/**", false, true, false),
    ("*", false, true, false),
    ("*", true, true, true),
    ("*/x", false, true, true),
    ("refs/*.lock", false, true, false),
    ("refs/.*", false, true, false),
    ("refs/meta/*", false, true, true),
    ("refs/refname1/*", false, true, true),
    ("refs/refname2/*", false, true, true),
];

fn curated_cases() -> Vec<Case> {
    CURATED
        .iter()
        .map(|&(name, onelevel, pattern, _)| Case {
            name: name.to_string(),
            flags: flags(onelevel, pattern),
        })
        .collect()
}

const BASES: &[&str] = &[
    "refs/heads/main",
    "refs/tags/v1.2.3",
    "refs/meta/config",
    "refs/changes/12/3412/1",
    "refs/notes/commits",
    "refs/pull/7/head",
    "refs/heads/feature/a-b_c",
    "refs/heads/ünï/日本",
    "refs/remotes/origin/main",
    "refs/heads/*",
    "refs/meta/*",
    "refs/*/head",
    "refs/heads/rel*",
    "refs/heads/*-fix",
    "refs/refname1/*",
    "HEAD",
    "main",
    "a/b",
    "refs/x/a.b/c",
    "refs/x/a+b@c{d}",
];

/// Forbidden or borderline constructs to splice in.
const CONSTRUCTS: &[&str] = &[
    "..", "@{", ".lock", "/.", "//", "/", ".", " ", "~", "^", ":", "?", "[", "\\", "*", "**", "@",
    "\t", "\x01", "\x1f", "\x7f", "\n", "{", "}", "]", "é", "\u{80}", "\u{9f}", "\u{200b}", "😀",
    "./", "/*", "*/", ".lock/", "@/", "lock", "+",
];

const ALPHABET: &[char] = &[
    'a', 'b', 'z', '0', '-', '_', '.', '/', '@', '{', '}', '*', '~', '^', ':', '?', '[', ']', '\\',
    ' ', '\t', '\x01', '\x1f', '\x7f', 'é', '日', '\u{80}', '\u{9f}', '\u{200b}', '😀', '+', '#',
    '%', '!', 'l', 'o', 'c', 'k', '\n', 'r', 'e', 'f', 's',
];

const COMPONENTS: &[&str] = &[
    "refs", "heads", "tags", "a", ".a", "a.", "a.lock", "lock", ".lock", "@", "@{", "a@{b", "{",
    "*", "a*", "*b", "**", "", "..", ".", " ", "é", "日本", "x\u{7f}", "x\ty", "HEAD", "a..b",
    "a.b",
];

fn insert_at_char(s: &str, at: usize, piece: &str) -> String {
    let byte = s.char_indices().nth(at).map_or(s.len(), |(b, _)| b);
    format!("{}{}{}", &s[..byte], piece, &s[byte..])
}

fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..=rng.below(3) {
        let at = rng.below(chars.len() + 1);
        match rng.below(3) {
            0 => chars.insert(at, *rng.pick(ALPHABET)),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            _ if at < chars.len() => chars[at] = *rng.pick(ALPHABET),
            _ => chars.push(*rng.pick(ALPHABET)),
        }
    }
    chars.into_iter().collect()
}

fn generate_name(rng: &mut Rng) -> String {
    let base = *rng.pick(BASES);
    match rng.below(6) {
        0 => base.to_string(),
        1 | 2 => {
            let at = rng.below(base.chars().count() + 1);
            let piece = *rng.pick(CONSTRUCTS);
            insert_at_char(base, at, piece)
        }
        3 => mutate(rng, base),
        4 => (0..=rng.below(9)).map(|_| *rng.pick(ALPHABET)).collect(),
        _ => {
            let n = 1 + rng.below(4);
            let parts: Vec<&str> = (0..n).map(|_| *rng.pick(COMPONENTS)).collect();
            parts.join("/")
        }
    }
}

fn generated_cases() -> Vec<Case> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut cases = Vec::with_capacity(GENERATED);
    while cases.len() < GENERATED {
        let name = generate_name(&mut rng);
        if name.contains('\0') || name.starts_with('-') {
            continue;
        }
        let pattern = if name.contains('*') {
            rng.below(4) != 0
        } else {
            rng.bit()
        };
        let onelevel = rng.bit();
        cases.push(Case {
            name,
            flags: flags(onelevel, pattern),
        });
    }
    cases
}

fn report(label: &str, outcome: &Outcome) {
    println!(
        "refspec git differential ({label}): {}/{} agree ({} skipped)",
        outcome.agree, outcome.total, outcome.skipped
    );
    for d in outcome.disagreements.iter().take(50) {
        println!("  disagreement: {d}");
    }
}

#[test]
fn curated_names_agree_with_git_and_expectations() {
    for &(name, onelevel, pattern, valid) in CURATED {
        let ours = check_ref_name(name, flags(onelevel, pattern));
        assert_eq!(ours.is_ok(), valid, "{name:?}: {ours:?}");
    }
    if !git_available() {
        eprintln!("refspec git differential: git not found, comparison skipped");
        return;
    }
    let outcome = compare(&curated_cases());
    report("curated", &outcome);
    assert_eq!(outcome.skipped, 0, "git could not check some curated names");
    assert_eq!(outcome.agree, outcome.total, "{:#?}", outcome.disagreements);
}

#[test]
fn generated_names_agree_with_git() {
    if !git_available() {
        eprintln!("refspec git differential: git not found, comparison skipped");
        return;
    }
    let started = std::time::Instant::now();
    let cases = generated_cases();
    let invalid = cases
        .iter()
        .filter(|c| check_ref_name(&c.name, c.flags).is_err())
        .count();
    let outcome = compare(&cases);
    report("generated", &outcome);
    println!(
        "  {} names, {invalid} invalid by our verdict, {:.1} s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    // The mix must exercise both verdicts heavily.
    assert!(
        invalid > GENERATED / 4 && invalid < GENERATED * 3 / 4,
        "{invalid}"
    );
    assert!(outcome.total >= GENERATED * 99 / 100);
    assert!(
        outcome.agree * 1000 >= outcome.total * 995,
        "agreement below 99.5%"
    );
}
