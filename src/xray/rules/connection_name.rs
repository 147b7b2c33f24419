//! `connection_name`: no white space around it (it identifies the integration in URLs, where a
//! stray space makes a different name), and characters that survive a URL path.

use super::Rule;
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::values::is_padded;
use crate::xray::context::Ctx;

/// White space at the start or end of the name.
pub const CONNECTION_NAME_WHITESPACE: Code = Code::new(
    "xray-connection-name-whitespace",
    Severity::Error,
    "connection_name starts or ends with white space; the name is an identifier in URLs, so \"jira \" and \"jira\" are different integrations.",
);
/// A slash, backslash or control character in the name.
pub const CONNECTION_NAME_PATH_UNSAFE: Code = Code::new(
    "xray-connection-name-path-unsafe",
    Severity::Warning,
    "connection_name contains / or \\ or a control character, or is . or ..; it is percent-encoded in the update, details and delete paths, but proxies and servers often refuse or decode such names.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[CONNECTION_NAME_WHITESPACE, CONNECTION_NAME_PATH_UNSAFE],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(name) = ctx.text("connection_name") else {
        return;
    };
    let path = "/connection_name";
    if is_padded(name) {
        out.push(
            Diagnostic::new(
                &CONNECTION_NAME_WHITESPACE,
                path,
                "connection_name has white space at its start or end.",
            )
            .param("field", "connection_name")
            .suggest("Remove the surrounding spaces."),
        );
    }
    if let Some(d) = path_unsafe(name, path) {
        out.push(d);
    }
}

/// The warning for a name that does not travel well in a URL path, if it is one.
pub fn path_unsafe(name: &str, path: &str) -> Option<Diagnostic> {
    let message = if matches!(name, "." | "..") {
        // Clients and proxies resolve dot segments: `/jira-integrations/..` leaves the collection.
        "The connection name is only dots, which URL normalisation removes from a path, so the integration may be unreachable by name.".to_string()
    } else {
        let shown = match name
            .chars()
            .find(|c| matches!(c, '/' | '\\') || c.is_control())?
        {
            '/' => "a slash (/)".to_string(),
            '\\' => "a backslash (\\)".to_string(),
            c => format!("the control character U+{:04X}", u32::from(c)),
        };
        format!(
            "The connection name contains {shown}; it is percent-encoded in URL paths, but many proxies and servers reject or decode it, so the integration may be unreachable by name."
        )
    };
    Some(
        Diagnostic::new(&CONNECTION_NAME_PATH_UNSAFE, path, message)
            .param("field", "connection_name")
            .suggest("Use letters, digits, '-', '_' and '.' in connection names."),
    )
}
