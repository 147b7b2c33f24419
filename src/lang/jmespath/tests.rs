//! Tests of `check` as a whole: codes, hosts, limits, caches and excerpts.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)]

use super::*;
use crate::diagnostics::Span;
use std::cell::Cell;
use std::time::{Duration, Instant};

thread_local! {
    pub(crate) static COMPILES: Cell<usize> = const { Cell::new(0) };
    pub(crate) static CHECKS: Cell<usize> = const { Cell::new(0) };
}

/// Runs `f` on a thread with a `kib` KiB stack; fails if it overflows or panics.
pub(crate) fn on_stack(kib: usize, f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(kib * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

/// `(open, close)` units that nest one parser level each: `open^n a close^n`.
pub(crate) const NESTED: &[(&str, &str)] = &[
    ("(", ")"),
    ("[", "]"),
    ("[?", "]"),
    ("{a:", "}"),
    ("abs(", ")"),
    ("!", ""),
    ("& ", ""),
    ("!(", ")"),
    ("(a || ", ")"),
    ("[?a == ", "]"),
    ("map(&", ", a)"),
];

/// Units repeated after `a`: projections nest, the others are left-deep chains.
pub(crate) const CHAINS: &[&str] = &[
    "[*]", "[?a]", "[:]", "[*].a", ".*", "[].a[*]", "[?a].b", "[0]", ".a", "|a", "||a", "[]",
];

pub(crate) fn nested(open: &str, close: &str, n: usize) -> String {
    format!("{}a{}", open.repeat(n), close.repeat(n))
}

fn codes(expr: &str, host: HostShape) -> Vec<&'static str> {
    check(expr, host).iter().map(|d| d.code.id).collect()
}

/// The codes of the errors `check` finds in `expr` for `host`.
pub(super) fn error_codes(expr: &str, host: HostShape) -> Vec<&'static str> {
    check(expr, host)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.code.id)
        .collect()
}

#[test]
fn blank_means_no_filter() {
    assert!(check("", HostShape::GitHubApp).is_empty());
    assert!(check(" \n\t ", HostShape::MicrosoftValue).is_empty());
    assert_eq!(error_codes("\u{a0}", HostShape::Unknown), [SYNTAX.id]);
}

#[test]
fn each_code_fails_and_passes() {
    let long = format!("[?name == '{}']", "x".repeat(2000));
    let fits = format!("[?name == '{}']", "x".repeat(1985));
    let deep = format!("{}a{}", "(".repeat(40), ")".repeat(40));
    let ok_deep = format!("{}a{}", "(".repeat(20), ")".repeat(20));
    let cases: &[(&Code, &str, &str, HostShape)] = &[
        (&TOO_LONG, &long, &fits, HostShape::Array),
        (&TOO_DEEP, &deep, &ok_deep, HostShape::Unknown),
        (&SYNTAX, "[?name == 'x'", "[?name == 'x']", HostShape::Array),
        (
            &COMMUNITY_EXTENSION,
            "[?size + 1 > `2`]",
            "[?size > `2`]",
            HostShape::Array,
        ),
        (
            &UNKNOWN_FUNCTION,
            "[?startswith(name, 'a')]",
            "[?starts_with(name, 'a')]",
            HostShape::Array,
        ),
        (
            &FUNCTION_ARITY,
            "[?contains(name)]",
            "[?contains(name, 'a')]",
            HostShape::Array,
        ),
        (
            &FUNCTION_ARGUMENT,
            "sort_by(@, name)",
            "sort_by(@, &name)",
            HostShape::Array,
        ),
        (&SLICE_STEP_ZERO, "[0:5:0]", "[0:5:1]", HostShape::Array),
        (
            &UNPARENTHESISED_NOT,
            "[?!archived && private]",
            "[?(!archived) && private]",
            HostShape::Array,
        ),
        (
            &MICROSOFT_WRAPPER,
            "value[?!isDisabled]",
            "{value: value[?!isDisabled]}",
            HostShape::MicrosoftValue,
        ),
        (
            &GITHUB_APP_PREFIX,
            "[?name == 'x']",
            "repositories[] | [?name == 'x']",
            HostShape::GitHubApp,
        ),
        (
            &NOT_REPOSITORIES,
            "[?private].name",
            "[?private]",
            HostShape::Array,
        ),
    ];
    for (code, bad, good, host) in cases {
        assert!(
            codes(bad, *host).contains(&code.id),
            "{} not raised by {bad}: {:?}",
            code.id,
            check(bad, *host)
        );
        assert!(
            check(good, *host).is_empty(),
            "{good} raised {:?}",
            check(good, *host)
        );
    }
}

#[test]
fn too_long_counts_utf16_units() {
    let e = format!("'{}'", "😀".repeat(1000));
    let d = check(&e, HostShape::Unknown);
    assert_eq!(d[0].code, TOO_LONG.id);
    assert_eq!(d[0].params.get("length").unwrap(), 2002);
    assert_eq!(
        d[0].span,
        Some(Span {
            start: 1000,
            end: 1002
        })
    );
    // More bytes than the limit, fewer UTF-16 units: not too long.
    let fits = format!("'{}'", "é".repeat(MAX_LENGTH - 2));
    assert!(fits.len() > MAX_LENGTH);
    assert!(codes(&fits, HostShape::Unknown).is_empty());
}

#[test]
fn codes_are_unique_and_listed() {
    let mut ids: Vec<_> = CODES.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), CODES.len());
    assert!(ids.iter().all(|id| id.starts_with("jmespath-")));
}

#[test]
fn caret_excerpt_marks_the_span() {
    assert_eq!(
        caret_excerpt("[?name = 'x']", Span { start: 7, end: 8 }),
        "[?name = 'x']\n       ^"
    );
    assert_eq!(caret_excerpt("a.", Span { start: 2, end: 2 }), "a.\n  ^");
    assert_eq!(
        caret_excerpt("a |\n b[?c\n]", Span { start: 6, end: 8 }),
        " b[?c\n  ^^"
    );
    let long = format!("{}XY{}", "a".repeat(100), "b".repeat(100));
    let e = caret_excerpt(
        &long,
        Span {
            start: 100,
            end: 102,
        },
    );
    let lines: Vec<&str> = e.lines().collect();
    assert!(lines[0].chars().count() <= 42, "{e}");
    let col = lines[1].find('^').unwrap();
    assert_eq!(lines[0].chars().nth(col), Some('X'));
    assert!(lines[1].ends_with("^^"));
}

#[test]
fn cache_reuses_compiled_expressions() {
    let e = "[?contains(name, 'cache-test')]";
    let before = COMPILES.with(Cell::get);
    for host in [HostShape::Array, HostShape::GitHubApp, HostShape::Array] {
        check(e, host);
    }
    assert_eq!(COMPILES.with(Cell::get) - before, 1);
    for i in 0..CACHE_SIZE {
        check(&format!("[?a == `{i}`]"), HostShape::Array);
    }
    check(e, HostShape::Array);
    assert_eq!(COMPILES.with(Cell::get) - before, CACHE_SIZE + 2);
}

#[test]
fn results_are_remembered_per_host() {
    let e = "[?name == 'per-host-memo']";
    let checks = || CHECKS.with(Cell::get);
    let before = checks();
    let array = check(e, HostShape::Array);
    let app = check(e, HostShape::GitHubApp);
    assert!(array.is_empty(), "{array:?}");
    assert_eq!(codes(e, HostShape::GitHubApp), vec![GITHUB_APP_PREFIX.id]);
    assert_eq!(checks() - before, 2);
    // Alternating hosts: each answer is the one computed for that host, not the other's.
    for _ in 0..3 {
        assert_eq!(check(e, HostShape::Array), array);
        assert_eq!(check(e, HostShape::GitHubApp), app);
    }
    assert_eq!(checks() - before, 2);
}

/// Inputs of every nesting shape, from the brief: 1e3, 1e4 and 1e5 characters.
/// With each: whether it must be refused (nesting shapes are; chains only when too long).
fn nesting_shapes(chars: usize) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = NESTED
        .iter()
        .chain(&[("[", ""), ("(", "")])
        .map(|(open, close)| {
            let e = nested(open, close, chars / (open.len() + close.len()));
            (e, true)
        })
        .collect();
    out.extend(CHAINS.iter().map(|c| {
        let e = format!("a{}", c.repeat(chars / c.len()));
        let refuse = e.len() > MAX_LENGTH;
        (e, refuse)
    }));
    out
}

#[test]
fn deep_inputs_get_a_diagnostic_quickly() {
    on_stack(512, || {
        for chars in [1_000, 10_000, 100_000] {
            for (e, refuse) in nesting_shapes(chars) {
                let t = Instant::now();
                let d = check(&e, HostShape::Array);
                let elapsed = t.elapsed();
                assert!(
                    elapsed < Duration::from_secs(1),
                    "{} chars: {elapsed:?}",
                    e.len()
                );
                if refuse {
                    let code = d.first().map(|d| d.code.id);
                    assert!(
                        matches!(code, Some(c) if c == TOO_DEEP.id || c == TOO_LONG.id),
                        "{}…: {d:?}",
                        &e[..20]
                    );
                }
            }
        }
    });
}

/// The worst input the guard lets through, for every recursive shape, parses and is checked
/// in a debug build on a 512 KiB stack (debug frames are ~8 KiB per level; wasm release
/// frames ~0.7 KiB against a 1 MiB stack).
#[test]
fn deepest_allowed_inputs_parse_on_a_small_stack() {
    on_stack(512, || {
        let mut shapes: Vec<Box<dyn Fn(usize) -> String>> = Vec::new();
        for (open, close) in NESTED {
            shapes.push(Box::new(move |n| nested(open, close, n)));
        }
        for chain in CHAINS {
            shapes.push(Box::new(move |n| format!("a{}", chain.repeat(n))));
        }
        for shape in shapes {
            // The largest n that passes the guard and the length limit (left-deep
            // shapes such as `a[].a[*]…` never nest and stop at the length limit).
            let mut n = 1;
            while shape(n + 1).len() <= MAX_LENGTH
                && guard::nesting(&lexer::lex(&shape(n + 1)).toks, MAX_NESTING)
                    .exceeded_at
                    .is_none()
            {
                n += 1;
            }
            let e = shape(n);
            let d = check(&e, HostShape::Array);
            assert!(
                d.iter()
                    .all(|d| d.code != TOO_DEEP.id && d.code != SYNTAX.id),
                "{e}: {d:?}"
            );
            assert!(jmespath::parse(&e).is_ok());
        }
    });
}

/// Random token soups never crash the checker (deterministic LCG, no dependency).
#[test]
fn random_inputs_never_crash() {
    on_stack(512, || {
        let pieces = [
            "(", ")", "[", "]", "[?", "{a:", "}", "!", "&", "a", "'s'", "`1`", ".", "*", "[*]",
            "[]", "|", "||", "&&", "==", ",", ":", "@", "abs(", "1", " ",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize
        };
        for _ in 0..3000 {
            let len = next() % 400;
            let e: String = (0..len).map(|_| pieces[next() % pieces.len()]).collect();
            let _ = check(&e, HostShape::Array);
        }
    });
}
