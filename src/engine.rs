//! The rule engine both APIs share: an [`Api`] names its options, its context and its rules, a
//! rule is a check with the codes it can emit, rules read the body through [`Body`], and
//! [`validate`] and [`validate_json`] (which adds positions) run them.

use crate::diagnostics::{Code, Diagnostic, Report, Severity};
use crate::json::view::{JsonRef, Shape};
use crate::json::{self, SCAN_MAX, same_key};
use crate::values::json_type_name;
use serde_json::Value;
use std::collections::HashMap;

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

    /// The context for a body under `options`.
    fn context<'a>(body: Body<'a>, options: &'a Self::Options) -> Self::Ctx<'a>;

    /// Every rule, in reporting order.
    fn rules<'a>() -> &'a [Rule<Check<Self::Ctx<'a>>>];
}

/// Validates a payload value for API `A`, collecting every problem in one pass.
pub fn validate<A: Api>(payload: &Value, options: &A::Options) -> Report {
    // A `Map` has no repeated key.
    Report::new(diagnostics::<A>(JsonRef::Value(payload), false, options))
}

/// Validates a JSON text for API `A`: read problems, then the rules over the text's arena, all
/// placed at their line and column (counted after a byte order mark, as editors count them).
pub fn validate_json<A: Api>(text: &str, options: &A::Options) -> Report {
    let mut doc = match json::borrowed::read(text) {
        Ok(doc) => doc,
        Err(d) => return Report::new(vec![d]),
    };
    // The reader's findings are the top-level object's repeated keys.
    let mut all = std::mem::take(&mut doc.diagnostics);
    let repeats = !all.is_empty();
    all.extend(diagnostics::<A>(
        JsonRef::Node(&doc, doc.root()),
        repeats,
        options,
    ));
    json::locate_in(&doc, &mut all);
    Report::new(all)
}

/// The rules' findings on `payload`; `repeats` when its members may repeat a key.
fn diagnostics<A: Api>(
    payload: JsonRef<'_>,
    repeats: bool,
    options: &A::Options,
) -> Vec<Diagnostic> {
    match Members::of(payload, repeats) {
        Some(members) => run(&A::context(Body::new(&members), options), A::rules()),
        None => vec![body_not_object(payload)],
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

/// The `body-not-object` diagnostic for `payload`.
fn body_not_object(payload: JsonRef<'_>) -> Diagnostic {
    let found = json_type_name(payload);
    Diagnostic::new(
        &BODY_NOT_OBJECT,
        "",
        format!("The body must be a JSON object, not {found}."),
    )
    .param("found", found)
}

/// A request body as rules read it: `null` counts as absent, and a value of the wrong JSON type
/// reads as absent from the typed accessors (the type rule reports it). The same for a body
/// read from a text (its arena) and for one given as a `Value`.
#[derive(Clone, Copy)]
pub struct Body<'a> {
    members: &'a Members<'a>,
}

/// A body's members as a plain list, each key once (in the place of its first occurrence, with
/// its last value, as the server and serde_json's map read a repeated key), made once per
/// validation: rules look fields up a hundred times or more, and scanning a slice of a few
/// short keys is cheaper than stepping a map's iterator or hashing.
pub struct Members<'a> {
    list: Vec<(&'a str, JsonRef<'a>)>,
    /// Each key's place in the list, for a body too large to scan ([`SCAN_MAX`]).
    index: Option<HashMap<&'a str, usize>>,
}

impl<'a> Members<'a> {
    /// The members of `body`, `None` if it is no object; `repeats` when a key may occur more
    /// than once (a text's object: the reader says).
    pub fn of(body: JsonRef<'a>, repeats: bool) -> Option<Members<'a>> {
        let list: Vec<(&'a str, JsonRef<'a>)> = match body {
            JsonRef::Node(doc, id) => {
                if !matches!(body.shape(), Shape::Object) {
                    return None;
                }
                let members = doc.members(id).iter();
                let pairs = members.map(|m| (&*m.key, JsonRef::Node(doc, m.value)));
                if repeats {
                    distinct(pairs)
                } else {
                    pairs.collect()
                }
            }
            JsonRef::Value(value) => value
                .as_object()?
                .iter()
                .map(|(k, v)| (k.as_str(), JsonRef::Value(v)))
                .collect(),
        };
        let index = (list.len() > SCAN_MAX).then(|| places(&list));
        Some(Members { list, index })
    }
}

/// Each key once, in its first place, with its last value.
fn distinct<'a>(
    pairs: impl Iterator<Item = (&'a str, JsonRef<'a>)>,
) -> Vec<(&'a str, JsonRef<'a>)> {
    let mut list: Vec<(&'a str, JsonRef<'a>)> = Vec::new();
    let mut first: HashMap<&'a str, usize> = HashMap::new();
    for (key, value) in pairs {
        match first.get(key).and_then(|&i| list.get_mut(i)) {
            Some(slot) => slot.1 = value,
            None => {
                first.insert(key, list.len());
                list.push((key, value));
            }
        }
    }
    list
}

/// Each key's place in `list` (its last, if it repeats).
fn places<'a>(list: &[(&'a str, JsonRef<'a>)]) -> HashMap<&'a str, usize> {
    list.iter().enumerate().map(|(i, &(k, _))| (k, i)).collect()
}

impl<'a> Body<'a> {
    /// The body whose members are listed in `members`.
    pub fn new(members: &'a Members<'a>) -> Body<'a> {
        Body { members }
    }

    /// The value for `name`, treating `null` as absent.
    pub fn get(&self, name: &str) -> Option<JsonRef<'a>> {
        let found = match &self.members.index {
            None => self
                .members
                .list
                .iter()
                .find_map(|&(k, v)| same_key(k, name).then_some(v)),
            Some(index) => index
                .get(name)
                .and_then(|&i| self.members.list.get(i))
                .map(|&(_, v)| v),
        };
        found.filter(|v| !v.is_null())
    }

    /// The string value for `name`.
    pub fn str(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(JsonRef::as_str)
    }

    /// The string for `name` when it has non-white-space content.
    pub fn text(&self, name: &str) -> Option<&'a str> {
        self.str(name).filter(|s| !crate::values::is_blank(s))
    }

    /// The boolean for `name`.
    pub fn bool(&self, name: &str) -> Option<bool> {
        self.get(name).and_then(JsonRef::as_bool)
    }

    /// Every key, once, in the body's order.
    pub fn keys(&self) -> impl Iterator<Item = &'a str> + 'a {
        self.members.list.iter().map(|&(k, _)| k)
    }

    /// Every member, each key once, in the body's order, `null`s included.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, JsonRef<'a>)> + 'a {
        self.members.list.iter().copied()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::{Map, json};

    #[test]
    fn body_reads_every_member_by_name_whatever_its_size() {
        for size in [0, 1, 5, SCAN_MAX, SCAN_MAX + 1, 200] {
            let mut map = Map::new();
            for i in 0..size {
                map.insert(format!("k{i}"), json!(i));
            }
            map.insert("gone".into(), Value::Null);
            let value = Value::Object(map);
            let text = value.to_string();
            let doc = json::borrowed::read(&text).unwrap();
            let from_text = Members::of(JsonRef::Node(&doc, doc.root()), false).unwrap();
            let from_value = Members::of(JsonRef::Value(&value), false).unwrap();
            for members in [&from_text, &from_value] {
                let body = Body::new(members);
                for i in 0..size {
                    let n = body.get(&format!("k{i}")).and_then(JsonRef::as_number);
                    assert_eq!(n, json!(i).as_number(), "{size}");
                }
                assert!(body.get("gone").is_none(), "null reads as absent");
                assert!(body.get(&format!("k{size}")).is_none());
                assert!(body.get("").is_none());
                assert_eq!(body.keys().count(), size + 1);
            }
        }
    }

    #[test]
    fn a_repeated_key_is_one_member_in_its_first_place_with_its_last_value() {
        let text = r#"{"a": 1, "b": 2, "a": null, "c": 3, "b": 4}"#;
        let doc = json::borrowed::read(text).unwrap();
        let members = Members::of(JsonRef::Node(&doc, doc.root()), true).unwrap();
        let body = Body::new(&members);
        assert_eq!(body.keys().collect::<Vec<_>>(), ["a", "b", "c"]);
        assert!(body.get("a").is_none(), "the last value, null, counts");
        assert_eq!(
            body.get("b").and_then(JsonRef::as_number),
            json!(4).as_number()
        );
    }
}
