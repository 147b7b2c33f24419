//! What every rule sees: the body, the operation and, for an update, the connection name in the
//! URL.

use crate::engine::Body;
use std::cell::OnceCell;
use std::ops::Deref;
use url::Url;

/// Create (POST) or update (PUT): the two operations with a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Operation {
    /// POST `/xray/api/v1/ticketing/jira-integrations`.
    #[default]
    Create,
    /// PUT `/xray/api/v1/ticketing/jira-integrations/{connection_name}` (see X13).
    Update,
}

/// Validation options (the JS `options` argument), built from the default with the `with_`
/// methods.
///
/// ```
/// use jira_integration_payloads::xray::{Operation, Options};
///
/// let options = Options::default().with_operation(Operation::Update).with_connection_name("jira-prod");
/// assert_eq!(options.connection_name.as_deref(), Some("jira-prod"));
/// ```
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct Options {
    /// Create or update.
    pub operation: Operation,
    /// The connection name in the update URL, when known; the body's must equal it (R21).
    pub connection_name: Option<String>,
}

impl std::fmt::Debug for Options {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = self
            .connection_name
            .as_deref()
            .map(crate::redact::redact_text);
        f.debug_struct("Options")
            .field("operation", &self.operation)
            .field("connection_name", &name)
            .finish()
    }
}

impl Options {
    /// These options for `operation`.
    pub fn with_operation(mut self, operation: Operation) -> Options {
        self.operation = operation;
        self
    }

    /// These options with the connection name of the update URL.
    pub fn with_connection_name(mut self, name: impl Into<String>) -> Options {
        self.connection_name = Some(name.into());
        self
    }
}

/// The view of a payload that rules read.
pub struct Ctx<'a> {
    /// The request body.
    pub body: Body<'a>,
    /// Create or update.
    pub op: Operation,
    /// The update URL's connection name, as given.
    pub connection_name: Option<&'a str>,
    /// `jira_server_url` parsed once for the rules that read it (see `rules::jira_url`).
    pub jira_url: OnceCell<Option<Url>>,
}

impl<'a> Ctx<'a> {
    /// Builds the context.
    pub fn new(body: Body<'a>, options: &'a Options) -> Ctx<'a> {
        Ctx {
            body,
            op: options.operation,
            connection_name: options.connection_name.as_deref(),
            jira_url: OnceCell::new(),
        }
    }

    /// True when creating.
    pub fn creating(&self) -> bool {
        self.op == Operation::Create
    }
}

impl<'a> Deref for Ctx<'a> {
    type Target = Body<'a>;

    fn deref(&self) -> &Body<'a> {
        &self.body
    }
}
