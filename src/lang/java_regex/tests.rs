#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use super::*;

fn codes(p: &str) -> Vec<&'static str> {
    check(p).iter().map(|d| d.code).collect()
}

#[test]
fn smoke() {
    assert!(codes("^((?!release-2).)*$").is_empty());
}
