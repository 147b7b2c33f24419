//! The rule engine both APIs share: an [`Api`] names its options, its context and its rules, a
//! rule is a check with the codes it can emit, rules read the body through [`Body`], and
//! [`validate`] and [`validate_json`] (which adds positions) run them.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::json::{self, SCAN_MAX, same_key};
use crate::values::json_type_name;
use serde_json::{Map, Value};
use std::ops::Deref;

/// A check with the codes it can emit. `F` is the API's check signature, e.g.
/// `fn(&Ctx<'_>, &mut Vec<Diagnostic>)`.
pub struct Rule<F> {
    /// Every code the check can emit.
    pub codes: &'static [Code],
    /// The check: reads the context, pushes diagnostics.
    pub check: F,
}

/// The signature of a check over a context `C`.
pub type Check<C> = fn(&C, &mut Vec<Diagnostic>);

/// One of the APIs this crate validates: the options its caller gives, the context its rules
/// read, and the rules. [`validate`] and [`validate_json`] are written once over it.
pub trait Api {
    /// What the caller says about the request (operation, the URL's id or name, ...).
    type Options;
    /// What the rules read: the body and what the options imply.
    type Ctx<'a>;

    /// The context for a body's members under `options`.
    fn context<'a>(members: &'a Members<'a>, options: &'a Self::Options) -> Self::Ctx<'a>;

    /// Every rule, in reporting order.
    fn rules<'a>() -> &'a [Rule<Check<Self::Ctx<'a>>>];
}

/// Validates a payload value for API `A`, collecting every problem in one pass.
pub fn validate<A: Api>(payload: &Value, options: &A::Options) -> Report {
    Report::new(diagnostics::<A>(payload, options))
}

/// Validates a JSON text for API `A`; diagnostics carry `line` and `column`.
pub fn validate_json<A: Api>(text: &str, options: &A::Options) -> Report {
    validate_text(text, |value| diagnostics::<A>(value, options))
}

fn diagnostics<A: Api>(payload: &Value, options: &A::Options) -> Vec<Diagnostic> {
    match body_object(payload) {
        Ok(body) => run(&A::context(&Members::of(body), options), A::rules()),
        Err(d) => vec![d],
    }
}

/// Runs every rule over a context, in order.
fn run<C>(ctx: &C, rules: &[Rule<Check<C>>]) -> Vec<Diagnostic> {
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
fn body_object(payload: &Value) -> Result<&Map<String, Value>, Diagnostic> {
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
fn validate_text(text: &str, check: impl FnOnce(&Value) -> Vec<Diagnostic>) -> Report {
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
