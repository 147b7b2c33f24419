//! What every rule sees: the body, the operation and, for an update, the connection name in the
//! URL.

use serde_json::{Map, Value};

/// Create (POST) or update (PUT): the two operations with a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Operation {
    /// POST `/xray/api/v1/ticketing/jira-integrations`.
    #[default]
    Create,
    /// PUT `/xray/api/v1/ticketing/jira-integrations/{connection_name}` (see X13).
    Update,
}

/// Validation options (the JS `options` argument).
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Create or update.
    pub operation: Operation,
    /// The connection name in the update URL, when known; the body's must equal it (R21).
    pub connection_name: Option<String>,
}

/// The view of a payload that rules read.
pub struct Ctx<'a> {
    /// The request body.
    pub body: &'a Map<String, Value>,
    /// Create or update.
    pub op: Operation,
    /// The update URL's connection name, as given.
    pub connection_name: Option<&'a str>,
}

impl<'a> Ctx<'a> {
    /// Builds the context.
    pub fn new(body: &'a Map<String, Value>, options: &'a Options) -> Ctx<'a> {
        Ctx {
            body,
            op: options.operation,
            connection_name: options.connection_name.as_deref(),
        }
    }

    /// The body's value for `name`, treating `null` as absent.
    pub fn get(&self, name: &str) -> Option<&'a Value> {
        self.body.get(name).filter(|v| !v.is_null())
    }

    /// The body's string value for `name` (wrong types read as absent: another rule reports them).
    pub fn str(&self, name: &str) -> Option<&'a str> {
        self.get(name).and_then(Value::as_str)
    }

    /// The body's string for `name` when it has non-whitespace content.
    pub fn text(&self, name: &str) -> Option<&'a str> {
        self.str(name).filter(|s| !s.trim().is_empty())
    }

    /// True when creating.
    pub fn creating(&self) -> bool {
        self.op == Operation::Create
    }
}
