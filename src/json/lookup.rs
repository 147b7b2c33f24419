//! Finding a member of a JSON object by name, for the maps the crate reads most: a body's
//! fields (through [`crate::engine::Body`]) and the containers on a diagnostic's path.

use serde_json::{Map, Value};

/// Up to this many members, a key is found by comparing keys rather than by hashing.
pub(crate) const SCAN_MAX: usize = 48;

/// `map.get(name)`, by a linear scan when the map is small, for maps read a few times (placing
/// diagnostics); [`crate::engine::Body`] lists its members once for the rules' hundred lookups
/// and scans those the same way. serde_json's map hashes every key with SipHash, which took most
/// of the time of validating a typical payload (`make bench`), while comparing a few short keys
/// is nearly free, more so when length and last byte rule most keys out before a `memcmp` (field
/// names share prefixes such as `github`, rarely their length and last letter).
pub(crate) fn lookup<'m>(map: &'m Map<String, Value>, name: &str) -> Option<&'m Value> {
    if map.len() <= SCAN_MAX {
        map.iter().find_map(|(k, v)| same_key(k, name).then_some(v))
    } else {
        map.get(name)
    }
}

/// `key == name`, rejecting most other keys by length and last byte before comparing.
#[inline(always)] // A call per member costs more than the comparison (callgrind).
pub(crate) fn same_key(key: &str, name: &str) -> bool {
    key.len() == name.len() && key.as_bytes().last() == name.as_bytes().last() && key == name
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_member_is_found_by_name_whatever_the_map_size() {
        for size in [0, 1, 5, SCAN_MAX, SCAN_MAX + 1, 200] {
            let mut map = Map::new();
            for i in 0..size {
                map.insert(format!("k{i}"), json!(i));
            }
            for i in 0..size {
                assert_eq!(lookup(&map, &format!("k{i}")), Some(&json!(i)), "{size}");
            }
            assert_eq!(lookup(&map, &format!("k{size}")), None);
            assert_eq!(lookup(&map, "k"), None);
            assert_eq!(lookup(&map, ""), None);
        }
    }

    #[test]
    fn keys_are_the_same_only_when_equal() {
        assert!(same_key("origin", "origin"));
        assert!(!same_key("origin", "Origin") && !same_key("origim", "origin"));
        assert!(!same_key("originn", "origin") && !same_key("", "x"));
        assert!(same_key("", ""));
    }
}
