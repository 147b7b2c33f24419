//! Tests of the refspec list, its items and ref names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::*;

fn codes(text: &str) -> Vec<&'static str> {
    check_refspecs(text).iter().map(|d| d.code.id).collect()
}

fn only(text: &str, code: &Code) -> Diagnostic {
    let ds = check_refspecs(text);
    assert_eq!(ds.len(), 1, "{text:?}: {ds:#?}");
    assert_eq!(ds[0].code, code.id, "{text:?}: {ds:#?}");
    ds[0].clone()
}

fn span(start: usize, end: usize) -> Option<Span> {
    Some(Span { start, end })
}

const FULL: RefNameFlags = RefNameFlags {
    allow_onelevel: false,
    refspec_pattern: false,
};
const PATTERN: RefNameFlags = RefNameFlags {
    allow_onelevel: false,
    refspec_pattern: true,
};
const ONELEVEL: RefNameFlags = RefNameFlags {
    allow_onelevel: true,
    refspec_pattern: false,
};

#[test]
fn vendor_examples_are_clean() {
    for text in [
        "+refs/meta/*:refs/meta/*",
        "+refs/refname1/*:refs/refname1/*",
        "refs/refname2/*:refs/refname2/*",
        "+refs/refname1/*:refs/refname1/*, refs/refname2/*:refs/refname2/*",
        "+refs/refname1/*:refs/refname1/*,refs/refname2/*:refs/refname2/*",
        "",
        "   ",
    ] {
        assert_eq!(check_refspecs(text), vec![], "{text:?}");
    }
}

#[test]
fn split_trims_and_keeps_empty_items() {
    let items = split_refspecs(" a:b ,, c:d,");
    let got: Vec<(usize, usize, &str)> = items.iter().map(|(s, t)| (s.start, s.end, *t)).collect();
    assert_eq!(
        got,
        vec![(1, 4, "a:b"), (6, 6, ""), (8, 11, "c:d"), (12, 12, "")]
    );
}

#[test]
fn too_long_is_checked_first_and_alone() {
    let item = "refs/a/*:refs/a/*,";
    let text = item.repeat(2000 / item.len() + 1);
    let d = only(&text, &TOO_LONG);
    assert_eq!(d.span, span(2000, text.len()));
    assert!(
        check_refspecs(&text[..1998])
            .iter()
            .all(|d| d.code != TOO_LONG.id)
    );
    // Counted in UTF-16 units: 1000 astral characters are 2000 units and pass.
    let astral = format!("refs/a:refs/{}", "😀".repeat(994));
    assert_eq!(astral.encode_utf16().count(), 2000);
    assert!(codes(&astral).is_empty());
    assert_eq!(codes(&format!("{astral}x")), vec![TOO_LONG.id]);
}

#[test]
fn empty_items() {
    let d = only("refs/a:refs/a,,refs/b:refs/b", &EMPTY_ITEM);
    assert_eq!(d.span, span(14, 15));
    assert_eq!(only("refs/a:refs/a,", &EMPTY_ITEM).span, span(13, 14));
    assert_eq!(only(",refs/a:refs/a", &EMPTY_ITEM).span, span(0, 1));
    assert_eq!(
        only("refs/a:refs/a, ,refs/b:refs/b", &EMPTY_ITEM).span,
        span(14, 16)
    );
    assert_eq!(codes(","), vec![EMPTY_ITEM.id, EMPTY_ITEM.id]);
}

#[test]
fn missing_destination_suggests_src_src() {
    let d = only("refs/meta/*", &MISSING_DESTINATION);
    assert_eq!(d.suggestion.as_deref(), Some("refs/meta/*:refs/meta/*"));
    assert_eq!(d.span, span(0, 11));
    let d = only("refs/x:refs/x, +refs/meta/*:", &MISSING_DESTINATION);
    assert_eq!(d.suggestion.as_deref(), Some("+refs/meta/*:refs/meta/*"));
    assert_eq!(d.span, span(15, 28));
}

#[test]
fn missing_source() {
    let d = only(":refs/meta/x", &MISSING_SOURCE);
    assert_eq!(d.span, span(0, 12));
    assert_eq!(codes(":"), vec![MISSING_SOURCE.id]);
    assert!(codes("refs/a:refs/a").is_empty());
}

#[test]
fn invalid_ref_names_point_at_the_character() {
    let d = only("refs/a b:refs/ab", &INVALID_REF_NAME);
    assert_eq!(d.span, span(6, 7));
    assert_eq!(d.params.get("reason").unwrap(), "forbidden-character");
    assert_eq!(d.params.get("side").unwrap(), "source");
    let d = only("+refs/a:refs/x..y", &INVALID_REF_NAME);
    assert_eq!(d.span, span(14, 16));
    assert_eq!(d.params.get("side").unwrap(), "destination");
    let d = only("refs/a:refs/b:refs/c", &INVALID_REF_NAME);
    assert_eq!(d.span, span(13, 14));
    assert!(d.message.contains("single ':'"));
    let d = only("  refs/a/*:refs/b/**", &INVALID_REF_NAME);
    assert_eq!(d.params.get("reason").unwrap(), "second-asterisk");
    assert_eq!(d.span, span(19, 20));
}

#[test]
fn pattern_mismatch() {
    let d = only("refs/a/*:refs/b/x", &PATTERN_MISMATCH);
    assert_eq!(d.span, span(7, 8));
    let d = only("refs/a/x:refs/b/*", &PATTERN_MISMATCH);
    assert_eq!(d.span, span(16, 17));
    assert!(codes("refs/a/x*:refs/b/*y").is_empty());
}

#[test]
fn outside_refs_is_a_warning_per_side() {
    let ds = check_refspecs("HEAD:refs/x/head");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].code, OUTSIDE_REFS.id);
    assert_eq!(ds[0].severity, Severity::Warning);
    assert_eq!(ds[0].span, span(0, 4));
    let ds = check_refspecs("refs/x:x");
    assert_eq!(ds.len(), 1);
    assert_eq!(ds[0].span, span(7, 8));
    assert_eq!(codes("x:x"), vec![OUTSIDE_REFS.id, OUTSIDE_REFS.id]);
}

#[test]
fn heads_and_tags_are_always_fetched() {
    let d = only("+refs/heads/*:refs/heads/*", &ALWAYS_FETCHED);
    assert_eq!(d.params.get("namespace").unwrap(), "refs/heads/");
    let d = only(
        "refs/meta/*:refs/meta/*, refs/tags/*:refs/tags/*",
        &ALWAYS_FETCHED,
    );
    assert_eq!(d.span, span(25, 48));
    assert!(codes("refs/meta/heads/*:refs/meta/heads/*").is_empty());
}

#[test]
fn notes_and_changes_use_their_flags() {
    let d = only("refs/notes/*:refs/notes/*", &USE_FLAG);
    assert_eq!(d.params.get("flag").unwrap(), "refSpecNotes");
    let d = only("+refs/changes/*:refs/changes/*", &USE_FLAG);
    assert_eq!(d.params.get("flag").unwrap(), "refSpecChanges");
    assert!(codes("refs/notesx/*:refs/notesx/*").is_empty());
}

#[test]
fn duplicates_ignore_force_and_spacing() {
    let d = only("refs/a:refs/a, +refs/a:refs/a", &DUPLICATE);
    assert_eq!(d.span, span(15, 29));
    assert!(codes("refs/a:refs/a, refs/a:refs/b").is_empty());
}

#[test]
fn ref_name_rules() {
    use RefNameErrorKind as K;
    let kind = |name: &str, flags| check_ref_name(name, flags).err().map(|e| e.kind);
    assert_eq!(kind("refs/heads/main", FULL), None);
    assert_eq!(kind("refs/heads/ünï/日本", FULL), None);
    assert_eq!(kind("", FULL), Some(K::Empty));
    assert_eq!(kind("@", ONELEVEL), Some(K::SingleAt));
    assert_eq!(kind("refs/@", FULL), None);
    assert_eq!(kind("main", FULL), Some(K::OneLevel));
    assert_eq!(kind("main", ONELEVEL), None);
    assert_eq!(kind("/refs/a", FULL), Some(K::LeadingSlash));
    assert_eq!(kind("refs/a/", FULL), Some(K::TrailingSlash));
    assert_eq!(kind("refs//a", FULL), Some(K::DoubleSlash));
    assert_eq!(kind("refs/.a", FULL), Some(K::LeadingDot));
    assert_eq!(kind("refs/a.lock", FULL), Some(K::LockSuffix));
    assert_eq!(kind("refs/a.lock/b", FULL), Some(K::LockSuffix));
    assert_eq!(kind("refs/a..b", FULL), Some(K::DoubleDot));
    assert_eq!(kind("refs/a@{b", FULL), Some(K::AtBrace));
    assert_eq!(kind("refs/a@/{b", FULL), None);
    assert_eq!(kind("refs/a\tb", FULL), Some(K::ControlCharacter('\t')));
    assert_eq!(kind("refs/a\x7fb", FULL), Some(K::ControlCharacter('\x7f')));
    assert_eq!(kind("refs/a\u{85}b", FULL), None);
    for c in [' ', '~', '^', ':', '?', '[', '\\'] {
        let name = format!("refs/a{c}b");
        assert_eq!(kind(&name, FULL), Some(K::ForbiddenCharacter(c)), "{name}");
    }
    assert_eq!(kind("refs/a]b", FULL), None);
    assert_eq!(kind("refs/*", FULL), Some(K::Asterisk));
    assert_eq!(kind("refs/*", PATTERN), None);
    assert_eq!(kind("refs/a*b/c", PATTERN), None);
    assert_eq!(kind("refs/*/*", PATTERN), Some(K::SecondAsterisk));
    assert_eq!(kind("refs/a.", FULL), Some(K::TrailingDot));
    assert_eq!(kind("refs/a./b", FULL), None);
}

#[test]
fn ref_name_error_spans() {
    let e = check_ref_name("refs/ab.lock", FULL).unwrap_err();
    assert_eq!(e.span, Span { start: 7, end: 12 });
    let e = check_ref_name("refs//a", FULL).unwrap_err();
    assert_eq!(e.span, Span { start: 4, end: 6 });
    let e = check_ref_name("refs/a/", FULL).unwrap_err();
    assert_eq!(e.span, Span { start: 6, end: 7 });
    let e = check_ref_name("rëfs/a..", FULL).unwrap_err();
    assert_eq!(e.span, Span { start: 6, end: 8 });
    assert_eq!(e.to_string(), "a ref name cannot contain '..'");
}

#[test]
fn spans_count_characters_not_bytes() {
    let d = only("refs/é/x:refs/é/ x", &INVALID_REF_NAME);
    assert_eq!(d.span, span(16, 17));
}

#[test]
fn long_items_are_truncated_in_messages() {
    let long = format!("refs/{}", "a".repeat(200));
    let d = only(&long, &MISSING_DESTINATION);
    assert!(d.message.chars().count() < 120, "{}", d.message);
}

#[test]
fn codes_are_listed_once() {
    for (i, c) in CODES.iter().enumerate() {
        assert!(c.id.starts_with("refspec-"));
        assert!(CODES.iter().skip(i + 1).all(|o| o.id != c.id));
    }
}
