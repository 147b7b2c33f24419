//! The rule engine both APIs share: a rule is a named check with the codes it can emit, rules
//! read the body through [`Body`], and JSON text validation adds positions.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::json;
use crate::values::json_type_name;
use serde_json::{Map, Value};
use std::ops::Deref;

/// A named check with the codes it can emit. `F` is the API's check signature, e.g.
/// `fn(&Ctx<'_>, &mut Vec<Diagnostic>)`.
pub struct Rule<F> {
    /// Short name, for debugging and docs.
    #[allow(
        dead_code,
        reason = "no code reads it: it names the rule in a debugger"
    )]
    pub name: &'static str,
    /// Every code the check can emit.
    pub codes: &'static [Code],
    /// The check: reads the context, pushes diagnostics.
    pub check: F,
}

/// The signature of a check over a context `C`.
pub type Check<C> = fn(&C, &mut Vec<Diagnostic>);

/// Runs every rule over a context, in order.
pub fn run<C>(ctx: &C, rules: &[Rule<Check<C>>]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules {
        (rule.check)(ctx, &mut out);
    }
    out
}

/// The key a payload file names its JSON Schema with, for editors. It is no field of either
/// API: the rules accept it and the builders leave it out of requests.
pub const SCHEMA_KEY: &str = "$schema";

/// The body is not a JSON object.
pub const BODY_NOT_OBJECT: Code = Code::new(
    "body-not-object",
    Severity::Error,
    "The request body must be a JSON object.",
);

/// The body as an object, or the `body-not-object` diagnostic.
#[allow(clippy::result_large_err)]
pub fn body_object(payload: &Value) -> Result<&Map<String, Value>, Diagnostic> {
    payload.as_object().ok_or_else(|| {
        let found = json_type_name(payload);
        Diagnostic::new(
            &BODY_NOT_OBJECT,
            "",
            format!("The body must be a JSON object, not {found}."),
        )
        .param("found", found)
    })
}

/// Validates a JSON text: parse problems, then `check` on the value, all placed at their line
/// and column (counted after a byte order mark, as editors count them).
pub fn validate_text(text: &str, check: impl FnOnce(&Value) -> Vec<Diagnostic>) -> Report {
    match json::parse(text) {
        Err(d) => Report::new(vec![d]),
        Ok(parsed) => {
            let mut all = parsed.diagnostics;
            all.extend(check(&parsed.value));
            // The text `parse` read: after the one byte order mark it dropped.
            json::locate_in(json::without_bom(text), &parsed.value, &mut all);
            Report::new(all)
        }
    }
}

/// A request body as rules read it: `null` counts as absent, and a value of the wrong JSON type
/// reads as absent from the typed accessors (the type rule reports it).
#[derive(Clone, Copy)]
pub struct Body<'a> {
    map: &'a Map<String, Value>,
    /// The map's members, listed once (see [`Members`]).
    members: &'a [(&'a str, &'a Value)],
}

/// Up to this many members, a key is found by comparing keys rather than by hashing.
const SCAN_MAX: usize = 48;

/// A body map with its members as a plain list, made once per validation: rules look fields up
/// a hundred times or more, and scanning a slice of a few short keys is cheaper than stepping
/// the map's own iterator (a call per member in the size-optimised wasm build).
pub struct Members<'a> {
    map: &'a Map<String, Value>,
    list: Vec<(&'a str, &'a Value)>,
}

impl<'a> Members<'a> {
    /// The members of `map`, in its order.
    pub fn of(map: &'a Map<String, Value>) -> Members<'a> {
        Members {
            map,
            list: map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        }
    }

    /// The map they were listed from.
    pub fn map(&self) -> &'a Map<String, Value> {
        self.map
    }
}

impl<'a> Body<'a> {
    /// The body whose members are listed in `members`.
    pub fn new(members: &'a Members<'a>) -> Body<'a> {
        Body {
            map: members.map,
            members: &members.list,
        }
    }

    /// The value for `name`, treating `null` as absent.
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        let found = if self.members.len() <= SCAN_MAX {
            self.members
                .iter()
                .find_map(|&(k, v)| same_key(k, name).then_some(v))
        } else {
            self.map.get(name)
        };
        found.filter(|v| !v.is_null())
    }

    /// The string value for `name`.
    pub fn str(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(Value::as_str)
    }

    /// The string for `name` when it has non-white-space content.
    pub fn text(&self, name: &str) -> Option<&'a str> {
        self.str(name).filter(|s| !crate::values::is_blank(s))
    }

    /// The boolean for `name`.
    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).and_then(Value::as_bool)
    }
}

/// `map.get(name)`, by a linear scan when the map is small, for maps read a few times (placing
/// diagnostics); [`Body`] lists its members once for the rules' hundred lookups and scans those
/// the same way. serde_json's map hashes every key with SipHash, which took 70 % of the time of
/// validating a typical payload (`make bench`), while comparing a few short keys is nearly free,
/// more so when length and last byte rule most keys out before a `memcmp` (field names share
/// prefixes such as `github`, rarely their length and last letter).
pub fn lookup<'m>(map: &'m Map<String, Value>, name: &str) -> Option<&'m Value> {
    if map.len() <= SCAN_MAX {
        map.iter().find_map(|(k, v)| same_key(k, name).then_some(v))
    } else {
        map.get(name)
    }
}

/// `key == name`, rejecting most other keys by length and last byte before comparing.
#[inline(always)] // A call per member costs more than the comparison (callgrind).
fn same_key(key: &str, name: &str) -> bool {
    key.len() == name.len() && key.as_bytes().last() == name.as_bytes().last() && key == name
}

impl Deref for Body<'_> {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        self.map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn body_reads_every_member_by_name_whatever_its_size() {
        for size in [0, 1, 5, SCAN_MAX, SCAN_MAX + 1, 200] {
            let mut map = Map::new();
            for i in 0..size {
                map.insert(format!("k{i}"), json!(i));
            }
            map.insert("gone".into(), Value::Null);
            let members = Members::of(&map);
            let body = Body::new(&members);
            for i in 0..size {
                assert_eq!(body.get(&format!("k{i}")), Some(&json!(i)), "{size}");
            }
            assert_eq!(body.get("gone"), None, "null reads as absent");
            assert_eq!(body.get(&format!("k{size}")), None);
            assert_eq!(body.get(""), None);
        }
    }
}
