//! Tests of the Java-regex checker as a whole: acceptance, Java's error descriptions and
//! indexes, lints and previews, through `check` and the preview functions.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::*;

fn codes(p: &str) -> Vec<&'static str> {
    check(p).iter().map(|d| d.code.id).collect()
}

fn first(p: &str) -> Diagnostic {
    check(p).into_iter().next().unwrap()
}

fn tags(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The vendor's example patterns for `tagsFilter` and `prHideFilter` (§A8).
pub(super) const VENDOR_PATTERNS: &[&str] = &[
    ".*",
    "((^|, )(release-1))+$",
    "^((?!release-2).)*$",
    "^((?!((^|, )(release-2))+$).)*$",
    "((^|, )(release-[1-3]))+$",
    "^(version\\-1).*",
    "^(Release|release).*",
    "^.*master.*$",
    "^(Test|test).*",
];

/// The tags the vendor's §A8 table applies its examples to.
pub(super) const VENDOR_TAGS: &[&str] = &[
    "release-1",
    "release-2",
    "release-2.3",
    "release-3",
    "release-4",
];

#[test]
fn vendor_examples_are_clean() {
    for p in VENDOR_PATTERNS {
        assert!(check(p).is_empty(), "{p}: {:?}", check(p));
    }
}

#[test]
fn syntax_errors_carry_java_index_span_and_reason() {
    let d = first("release-(1|2");
    assert_eq!(d.code, SYNTAX.id);
    assert_eq!(d.severity, Severity::Error);
    assert_eq!(d.params.get("javaIndex"), Some(&serde_json::json!(12)));
    assert_eq!(d.span, Some(Span { start: 12, end: 12 }));
    assert!(d.message.contains("never closed"), "{}", d.message);

    let d = first("a**");
    assert_eq!(d.span, Some(Span { start: 2, end: 3 }));
    assert!(d.message.contains("nothing to repeat"));

    assert_eq!(codes("release-[0-9]+"), Vec::<&str>::new());
}

#[test]
fn rust_and_python_syntax_gets_a_pointed_suggestion() {
    let d = first("(?P<ver>\\d+)");
    assert_eq!(d.code, SYNTAX.id);
    assert_eq!(d.suggestion.as_deref(), Some("(?<ver>\\d+)"));
    assert!(first("(?<my_ver>a)").message.contains("'_'"));
    let d = first("\\p{Greek}");
    assert_eq!(d.suggestion.as_deref(), Some("\\p{IsGreek}"));
    assert!(first("[a--b]").message.contains("--"));
    assert!(codes("(?<ver>\\d+)\\k<ver>").is_empty());
}

#[test]
fn java_only_constructs_are_accepted() {
    for p in [
        "(?<=v)\\d+",
        "(?<!x)a",
        "(a)\\1",
        "a*+b",
        "(?>a|ab)c",
        "\\Qa.b\\E",
        "\\h\\R\\X\\G\\Z",
        "\\p{IsLatin}\\p{InGreek}\\p{javaLowerCase}\\p{Lower}",
        "[a-d[m-p]]",
        "[a-z&&[^bc]]",
        "\\0101",
        "(?<=a*)b",
    ] {
        assert!(!codes(p).contains(&SYNTAX.id), "{p}: {:?}", check(p));
    }
}

#[test]
fn length_limit() {
    let long = "a".repeat(MAX_PATTERN_CHARS + 1);
    let d = first(&long);
    assert_eq!(d.code, TOO_LONG.id);
    assert_eq!(d.params.get("limit"), Some(&serde_json::json!(2000)));
    assert!(check(&"a".repeat(MAX_PATTERN_CHARS)).is_empty());
}

#[test]
fn length_limit_counts_utf16_units() {
    // 1,001 characters outside the BMP are 2,002 UTF-16 units, as Java's String.length() counts.
    let long = "😀".repeat(MAX_PATTERN_CHARS / 2 + 1);
    let d = first(&long);
    assert_eq!(d.code, TOO_LONG.id);
    assert_eq!(d.params.get("length"), Some(&serde_json::json!(2002)));
    assert!(check(&"😀".repeat(MAX_PATTERN_CHARS / 2)).is_empty());
}

#[test]
fn nesting_limit_is_checked_without_overflowing_the_stack() {
    let run = |p: String| {
        std::thread::Builder::new()
            .stack_size(1 << 19)
            .spawn(move || check(&p))
            .unwrap()
            .join()
            .unwrap()
    };
    let deep = format!(
        "{}a{}",
        "(".repeat(MAX_NESTING + 1),
        ")".repeat(MAX_NESTING + 1)
    );
    assert_eq!(run(deep)[0].code, TOO_DEEP.id);
    let ok = format!("{}a{}", "(".repeat(MAX_NESTING), ")+".repeat(MAX_NESTING));
    assert!(!run(ok).iter().any(|d| d.code == TOO_DEEP.id));
    let classes = format!(
        "{}a{}",
        "[".repeat(MAX_NESTING + 1),
        "]".repeat(MAX_NESTING + 1)
    );
    assert_eq!(run(classes)[0].code, TOO_DEEP.id);
}

#[test]
fn catastrophic_backtracking() {
    for p in [
        "(a+)+$",
        "(a*)*b",
        "(.*)*x",
        "(\\w+\\s?)+$",
        "(a|a)*b",
        "(a|ab)*c",
        "(.*a){20}",
        "((a+)+)+b",
    ] {
        assert!(codes(p).contains(&CATASTROPHIC_BACKTRACKING.id), "{p}");
    }
    for p in [
        "(a++)+b",
        "(?>a+)+b",
        "(ab+c)*",
        "(\\d+\\.)+\\d+",
        "(a|b)*c",
        "a+b+",
        "^((?!x).)*$",
    ] {
        assert!(!codes(p).contains(&CATASTROPHIC_BACKTRACKING.id), "{p}");
    }
    let d = first("(a+)+$");
    assert_eq!(d.severity, Severity::Warning);
    assert_eq!(d.span, Some(Span { start: 0, end: 5 }));
    assert_eq!(d.suggestion.as_deref(), Some("(a++)+$"));
}

#[test]
fn unicode_flag_warning() {
    let d = first("(?U)release-\\d+");
    assert_eq!(d.code, UNICODE_FLAG.id);
    assert_eq!(d.span, Some(Span { start: 0, end: 4 }));
    assert!(codes("(?i)release").is_empty());
    assert!(codes("(?-U)a").is_empty());
}

#[test]
fn ascii_class_warning_only_for_non_ascii_patterns() {
    let d = first("café-\\w+");
    assert_eq!(d.code, ASCII_CLASS.id);
    assert_eq!(d.span, Some(Span { start: 5, end: 7 }));
    assert_eq!(d.suggestion.as_deref(), Some("(?U)café-\\w+"));
    assert!(codes("release-\\d+").is_empty());
    assert!(codes("(?U)café-\\w+").iter().all(|c| *c != ASCII_CLASS.id));
}

#[test]
fn class_operator_warning() {
    let d = first("[a~~b]");
    assert_eq!(d.code, CLASS_OPERATOR.id);
    assert_eq!(d.span, Some(Span { start: 2, end: 4 }));
    assert_eq!(codes("[a-z--x]"), vec![CLASS_OPERATOR.id]);
    assert!(codes("[a-z&&[^x]]").is_empty());
}

#[test]
fn unverified_character_name() {
    assert_eq!(
        codes("\\N{GREEK SMALL LETTER ALPHA}"),
        vec![UNVERIFIED_NAME.id]
    );
    assert!(codes("\\N{LATIN SMALL LETTER A}").is_empty());
    assert_eq!(codes("\\N{2}"), vec![SYNTAX.id]);
}

#[test]
fn preview_follows_the_vendor_table() {
    let t = tags(VENDOR_TAGS);
    let p = preview("^((?!release-2).)*$", &t, Mode::Show).unwrap();
    assert_eq!(p.shown, tags(&["release-1", "release-3", "release-4"]));
    assert_eq!(p.hidden, tags(&["release-2", "release-2.3"]));
    let p = preview("^((?!release-2).)*$", &t, Mode::Hide).unwrap();
    assert_eq!(p.shown, tags(&["release-2", "release-2.3"]));
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["mode"], "hide");
    assert!(json.get("ambiguous").is_some());
    let p = preview("release-2", &t, Mode::Show).unwrap();
    assert_eq!(p.shown, tags(&["release-2", "release-2.3"]));
    assert_eq!(p.ambiguous, tags(&["release-2.3"]));
}

#[test]
fn preview_reports_syntax_errors_and_unavailability() {
    let t = tags(&["é"]);
    assert_eq!(preview("(", &t, Mode::Show).unwrap_err()[0].code, SYNTAX.id);
    let e = preview("\\p{L}", &t, Mode::Show).unwrap_err();
    assert_eq!(e[0].code, PREVIEW_UNAVAILABLE.id);
    assert_eq!(e[0].severity, Severity::Info);
    assert!(preview("\\p{L}", &tags(&["a"]), Mode::Show).is_ok());
    assert_eq!(
        preview("\\X", &tags(&["a"]), Mode::Show).unwrap_err()[0].code,
        PREVIEW_UNAVAILABLE.id
    );
    let slow = format!("{}!", "a".repeat(40));
    let e = preview("((a+)+)+b", &tags(&[&slow]), Mode::Show).unwrap_err();
    assert!(e[0].message.contains("too complex"), "{}", e[0].message);
}

#[test]
fn preview_recursion_is_bounded_on_a_small_stack() {
    let long = "ab".repeat(1000);
    let r = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || preview("(a|b)*c", &[long], Mode::Show))
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(r.unwrap_err()[0].code, PREVIEW_UNAVAILABLE.id);
}

thread_local! {
    pub(super) static CHECKS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[test]
fn checks_are_remembered() {
    let checks = || CHECKS.with(std::cell::Cell::get);
    let before = checks();
    let first = check("m(a+)+$");
    assert_eq!(first[0].code, CATASTROPHIC_BACKTRACKING.id);
    assert_eq!(check("m(a+)+$"), first);
    assert_eq!(checks() - before, 1);
    for i in 0..8 {
        check(&format!("memo-test-{i}"));
    }
    assert_eq!(check("m(a+)+$"), first);
    assert_eq!(checks() - before, 10);
}

#[test]
fn cache_returns_the_same_result() {
    for _ in 0..3 {
        assert_eq!(codes("(a+)+$"), vec![CATASTROPHIC_BACKTRACKING.id]);
        assert_eq!(codes("("), vec![SYNTAX.id]);
    }
    for i in 0..20 {
        assert!(check(&format!("a{i}")).is_empty());
    }
}

#[test]
fn every_code_is_listed_once() {
    let mut ids: Vec<&str> = CODES.iter().map(|c| c.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), CODES.len());
}

#[test]
fn long_patterns_stay_within_a_small_stack() {
    let alts = "(a|b)".repeat(390);
    let behind = format!("(?<={})x", "(?:a|bc)".repeat(200));
    let r = std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(move || {
            let t = vec!["ab".repeat(200), "x".to_string()];
            (
                check(&alts),
                preview(&alts, &t, Mode::Show).is_ok(),
                check(&behind),
                preview(&behind, &t, Mode::Show).is_ok(),
            )
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(r.0.is_empty() && r.2.is_empty(), "{r:?}");
}

#[test]
fn blank_pattern_means_no_filtering() {
    let t = tags(&["release-1", "main"]);
    for mode in [Mode::Show, Mode::Hide] {
        let p = preview("  ", &t, mode).unwrap();
        assert_eq!(p.shown, t);
        assert!(p.hidden.is_empty());
    }
    assert!(check("").is_empty());
}
