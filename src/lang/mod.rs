//! The field languages: JMESPath (`apiFilter`), Java regular expressions (`tagsFilter`,
//! `prHideFilter`) and git refspecs (`refSpecCustom`).
//!
//! Each module knows nothing of payloads: it checks one string and returns [`Diagnostic`]s with an
//! empty `path` and a [`crate::diagnostics::Span`] inside the string. The payload rules place them
//! at the field's JSON Pointer with [`at_path`].

#[doc(hidden)]
pub mod api_path;
pub mod java_regex;
pub mod jmespath;
pub(crate) mod recent;
pub mod refspec;

use crate::diagnostics::{Code, Diagnostic};

/// Moves language diagnostics (path `""`) to the JSON Pointer of the field that holds the text.
pub fn at_path(diagnostics: Vec<Diagnostic>, path: &str) -> Vec<Diagnostic> {
    diagnostics
        .into_iter()
        .map(|mut d| {
            d.path = format!("{path}{}", d.path);
            d
        })
        .collect()
}

/// Places language diagnostics at the field's pointer and adds, for those with a span, an
/// `excerpt` param: the text's line with a caret line under the span.
pub fn place(diagnostics: Vec<Diagnostic>, path: &str, text: &str) -> Vec<Diagnostic> {
    at_path(diagnostics, path)
        .into_iter()
        .map(|d| match d.span {
            Some(span) if d.params.get("excerpt").is_none() => {
                d.param("excerpt", jmespath::caret_excerpt(text, span))
            }
            _ => d,
        })
        .collect()
}

/// Every code the field-language checkers can emit.
pub fn codes() -> Vec<&'static Code> {
    let mut codes = Vec::new();
    codes.extend(refspec::CODES);
    codes.extend(api_path::CODES);
    codes.extend(jmespath::CODES);
    codes.extend(java_regex::CODES.iter());
    codes
}
