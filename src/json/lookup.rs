//! Finding a member of a JSON object by name, for the objects the crate reads most: a body's
//! fields (through [`crate::engine::Body`]) and the containers on a diagnostic's path. Keys are
//! compared, not hashed, up to [`SCAN_MAX`] members: hashing every key with SipHash took most of
//! the time of validating a typical payload (`make bench`), while comparing a few short keys is
//! nearly free, more so when length and last byte rule most keys out before a `memcmp` (field
//! names share prefixes such as `github`, rarely their length and last letter).

/// Up to this many members, a key is found by comparing keys rather than by hashing.
pub(crate) const SCAN_MAX: usize = 48;

/// `key == name`, rejecting most other keys by length and last byte before comparing.
#[inline(always)] // A call per member costs more than the comparison (callgrind).
pub(crate) fn same_key(key: &str, name: &str) -> bool {
    key.len() == name.len() && key.as_bytes().last() == name.as_bytes().last() && key == name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_the_same_only_when_equal() {
        assert!(same_key("origin", "origin"));
        assert!(!same_key("origin", "Origin") && !same_key("origim", "origin"));
        assert!(!same_key("originn", "origin") && !same_key("", "x"));
        assert!(same_key("", ""));
    }
}
