//! One read-only view of a JSON value, whether it was read from a text into a
//! [`Document`] (the validation of a JSON text) or given as a `serde_json::Value` (an object
//! passed from JavaScript, the `current` integration of an update): the rules read both through
//! it, with no conversion of either.

use super::borrowed::{Document, Kind, NodeId};
use serde_json::{Number, Value};

/// A JSON value: a node of a [`Document`] or a `Value`. No `Debug`: strings may be secrets.
#[derive(Clone, Copy)]
pub enum JsonRef<'a> {
    /// Node `id` of a document read from a text.
    Node(&'a Document<'a>, NodeId),
    /// A value given as such.
    Value(&'a Value),
}

/// What a [`JsonRef`] is, with a scalar's content: what the rules match on.
#[derive(Clone, Copy)]
pub enum Shape<'a> {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(&'a Number),
    /// A string.
    String(&'a str),
    /// An array.
    Array,
    /// An object.
    Object,
}

impl<'a> From<&'a Value> for JsonRef<'a> {
    fn from(value: &'a Value) -> JsonRef<'a> {
        JsonRef::Value(value)
    }
}

impl<'a> JsonRef<'a> {
    /// What the value is.
    #[inline(always)]
    pub fn shape(self) -> Shape<'a> {
        match self {
            JsonRef::Node(doc, id) => match doc.node(id).map(|n| &n.kind) {
                None | Some(Kind::Null) => Shape::Null,
                Some(Kind::Bool(b)) => Shape::Bool(*b),
                Some(Kind::Number(n)) => Shape::Number(n),
                Some(Kind::String(s)) => Shape::String(s),
                Some(Kind::Array(_)) => Shape::Array,
                Some(Kind::Object(_)) => Shape::Object,
            },
            JsonRef::Value(value) => match value {
                Value::Null => Shape::Null,
                Value::Bool(b) => Shape::Bool(*b),
                Value::Number(n) => Shape::Number(n),
                Value::String(s) => Shape::String(s),
                Value::Array(_) => Shape::Array,
                Value::Object(_) => Shape::Object,
            },
        }
    }

    /// True for `null`.
    #[inline(always)]
    pub fn is_null(self) -> bool {
        matches!(self.shape(), Shape::Null)
    }

    /// True for a string.
    pub fn is_string(self) -> bool {
        matches!(self.shape(), Shape::String(_))
    }

    /// The string, if it is one.
    #[inline(always)]
    pub fn as_str(self) -> Option<&'a str> {
        match self.shape() {
            Shape::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, if it is one.
    #[inline(always)]
    pub fn as_bool(self) -> Option<bool> {
        match self.shape() {
            Shape::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The number, if it is one.
    pub fn as_number(self) -> Option<&'a Number> {
        match self.shape() {
            Shape::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The items, if it is an array.
    pub fn as_array(self) -> Option<Items<'a>> {
        match self {
            JsonRef::Node(doc, id) => match doc.node(id).map(|n| &n.kind) {
                Some(Kind::Array(_)) => Some(Items::Nodes(doc, doc.items(id))),
                _ => None,
            },
            JsonRef::Value(value) => value.as_array().map(|items| Items::Values(items)),
        }
    }

    /// True when the value equals `other` as `serde_json` compares values (objects whatever
    /// their key order).
    pub fn equals(self, other: &Value) -> bool {
        match self {
            JsonRef::Value(value) => value == other,
            // Scalars directly; a container (rare: only `projectMappingIds` in an update
            // compared with the current integration) through its `Value`.
            JsonRef::Node(doc, id) => match (self.shape(), other) {
                (Shape::Null, Value::Null) => true,
                (Shape::Bool(a), Value::Bool(b)) => a == *b,
                (Shape::Number(a), Value::Number(b)) => a == b,
                (Shape::String(a), Value::String(b)) => a == b,
                (Shape::Array, Value::Array(_)) | (Shape::Object, Value::Object(_)) => {
                    doc.to_value(id) == *other
                }
                _ => false,
            },
        }
    }
}

/// The items of an array, from either source.
#[derive(Clone, Copy)]
pub enum Items<'a> {
    /// A document's array items.
    Nodes(&'a Document<'a>, &'a [NodeId]),
    /// A `Value`'s array.
    Values(&'a [Value]),
}

impl<'a> Items<'a> {
    /// How many items.
    pub fn len(self) -> usize {
        match self {
            Items::Nodes(_, ids) => ids.len(),
            Items::Values(values) => values.len(),
        }
    }

    /// True when there is none.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }

    /// The items in order.
    pub fn iter(self) -> impl Iterator<Item = JsonRef<'a>> {
        (0..self.len()).filter_map(move |i| match self {
            Items::Nodes(doc, ids) => ids.get(i).map(|&id| JsonRef::Node(doc, id)),
            Items::Values(values) => values.get(i).map(JsonRef::Value),
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every shape, read from a text and from its `Value`, reads alike and equals the `Value`.
    #[test]
    fn a_node_and_its_value_read_alike() {
        let text = r#"{"n": null, "b": true, "i": 7, "f": 1.5, "s": "a\u00e9", "a": [1, "x"],
            "o": {"k": [2], "j": 1}}"#;
        let doc = super::super::borrowed::read(text).unwrap();
        let value: Value = serde_json::from_str(text).unwrap();
        for m in doc.members(doc.root()) {
            let node = JsonRef::Node(&doc, m.value);
            let plain = JsonRef::from(&value[&*m.key]);
            assert_eq!(node.is_null(), plain.is_null());
            assert_eq!(node.as_bool(), plain.as_bool());
            assert_eq!(node.as_number(), plain.as_number());
            assert_eq!(node.as_str(), plain.as_str());
            assert_eq!(node.is_string(), plain.is_string());
            let items = |r: JsonRef<'_>| {
                r.as_array()
                    .map(|a| a.iter().map(|i| i.as_number().cloned()).collect::<Vec<_>>())
            };
            assert_eq!(items(node), items(plain));
            assert!(node.equals(&value[&*m.key]) && plain.equals(&value[&*m.key]));
        }
        let o = JsonRef::Node(&doc, doc.get(doc.root(), "o").unwrap());
        assert!(
            o.equals(&json!({"j": 1, "k": [2]})),
            "key order does not count"
        );
        assert!(!o.equals(&json!({"j": 1, "k": [3]})));
        let i = JsonRef::Node(&doc, doc.get(doc.root(), "i").unwrap());
        assert!(!i.equals(&json!(7.0)) && !i.equals(&json!("7")));
    }
}
