//! Project association (R8, R9, R15, X5): ids are unique positive integers in JavaScript's safe
//! range, never sent with `global: true`, and a repository browser needs a project.
//!
//! X5 decision: the table says ids are "ignored" with `global: true`, the update example says they
//! are "not accepted". Either way the payload contradicts itself, so it is an error.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity, pointer_push};
use crate::gij::context::Ctx;
use crate::json::view::{Items, JsonRef, Shape};
use crate::text::truncate;

/// 2^53 - 1: larger ids lose precision in JavaScript clients.
pub const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;
/// Most project ids accepted in one payload.
pub const MAX_PROJECT_IDS: usize = 10_000;

/// An id that is not a positive integer.
pub const INVALID_PROJECT_ID: Code = Code::new(
    "invalid-project-id",
    Severity::Error,
    "A project id is not a positive whole number within JavaScript's safe range (strings and decimals included).",
);
/// A project key (`PROJ`) where a numeric id is needed.
pub const PROJECT_KEY_NOT_ID: Code = Code::new(
    "project-key-not-id",
    Severity::Error,
    "projectMappingIds holds numeric project ids (10000), not project keys (PROJ) (R15).",
);
/// The same id twice.
pub const DUPLICATE_PROJECT_ID: Code = Code::new(
    "duplicate-project-id",
    Severity::Warning,
    "A project id is listed more than once.",
);
/// More ids than the limit.
pub const TOO_MANY_PROJECT_IDS: Code = Code::new(
    "too-many-project-ids",
    Severity::Error,
    "projectMappingIds lists more than 10,000 ids.",
);
/// `global: true` with ids.
pub const GLOBAL_WITH_PROJECTS: Code = Code::new(
    "global-with-projects",
    Severity::Error,
    "global is true and projectMappingIds is not empty; the server ignores or rejects the ids (R8, X5).",
);
/// Repository browser on, not global, no project.
pub const VIEWER_WITHOUT_PROJECTS: Code = Code::new(
    "viewer-without-projects",
    Severity::Error,
    "global is false and no project is listed while gitViewerEnabled is on; at least one project is needed (R9).",
);
/// Not global and no project, browser off.
pub const NO_PROJECTS: Code = Code::new(
    "no-projects",
    Severity::Warning,
    "global is false and no project is listed, so the integration is associated with no project.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        INVALID_PROJECT_ID,
        PROJECT_KEY_NOT_ID,
        DUPLICATE_PROJECT_ID,
        TOO_MANY_PROJECT_IDS,
        GLOBAL_WITH_PROJECTS,
        VIEWER_WITHOUT_PROJECTS,
        NO_PROJECTS,
    ],
    check,
};

/// A project id read from JSON: `Ok(id)` or the diagnostic-worthy reason it is not one.
pub fn project_id(v: JsonRef<'_>) -> Result<u64, IdProblem> {
    match v.shape() {
        Shape::Number(n) => match crate::values::whole_number(n) {
            Some(id) if id < 1 => Err(IdProblem::NotPositive),
            Some(id) => u64::try_from(id)
                .ok()
                .filter(|&id| id <= MAX_SAFE_INTEGER)
                .ok_or(IdProblem::Unsafe),
            None => Err(IdProblem::Decimal(n.to_string())),
        },
        Shape::String(s) => match s.trim().parse::<u64>() {
            Ok(id) if (1..=MAX_SAFE_INTEGER).contains(&id) => Err(IdProblem::Quoted(id)),
            _ if looks_like_key(s.trim()) => Err(IdProblem::Key),
            _ => Err(IdProblem::Other),
        },
        _ => Err(IdProblem::Other),
    }
}

/// Why a value is not a project id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// Zero or negative.
    NotPositive,
    /// Above 2^53 - 1.
    Unsafe,
    /// A number with a fraction, as written.
    Decimal(String),
    /// Digits in a string.
    Quoted(u64),
    /// A project key.
    Key,
    /// Anything else.
    Other,
}

fn looks_like_key(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        && s.len() <= 255
}

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let field = "projectMappingIds";
    let list = ctx.get(field).and_then(JsonRef::as_array);
    if let Some(list) = list {
        if list.len() > MAX_PROJECT_IDS {
            out.push(
                Diagnostic::new(
                    &TOO_MANY_PROJECT_IDS,
                    ptr(field),
                    format!(
                        "{} project ids are listed; the limit is {MAX_PROJECT_IDS}.",
                        list.len()
                    ),
                )
                .param("limit", MAX_PROJECT_IDS)
                .param("count", list.len()),
            );
        } else {
            check_ids(list, out);
        }
    }
    // R8 and R9 judge the state after the request (the body over the current integration on
    // update), when the body touches a field they depend on.
    let global = ctx.bool("global");
    let global_after = ctx.after("global").and_then(JsonRef::as_bool);
    let ids_after = ctx.effective_projects().is_some_and(|l| !l.is_empty());
    if global_after == Some(true) && ids_after && (global.is_some() || list.is_some()) {
        let message = if global.is_some() {
            "global is true, so the server ignores projectMappingIds (the update API rejects them)."
        } else {
            "The integration is global (global is true), so the server ignores projectMappingIds (the update API rejects them)."
        };
        out.push(
            Diagnostic::new(&GLOBAL_WITH_PROJECTS, ptr(field), message)
                .suggest("Set global to false to restrict the integration to these projects, or send projectMappingIds: []."),
        );
    }
    let known_empty = match ctx.effective_projects() {
        Some(ids) => ids.is_empty(),
        None => ctx.adding() || ctx.current.is_some(),
    };
    let touched = ctx.adding()
        || global.is_some()
        || list.is_some()
        || ctx.bool("gitViewerEnabled").is_some();
    if global_after == Some(false) && known_empty && touched {
        if ctx.effective_bool("gitViewerEnabled") == Some(true) {
            out.push(
                Diagnostic::new(
                    &VIEWER_WITHOUT_PROJECTS,
                    ptr(field),
                    "global is false and no project is listed, but the repository browser (gitViewerEnabled) needs at least one project.",
                )
                .suggest("Add a project id, set global to true, or set gitViewerEnabled to false."),
            );
        } else {
            out.push(
                Diagnostic::new(&NO_PROJECTS, ptr(field), "global is false and no project is listed; no Jira project will see this integration.")
                    .suggest("Add a project id, or set global to true."),
            );
        }
    }
}

fn check_ids(list: Items<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::BTreeSet::new();
    for (i, v) in list.iter().enumerate() {
        let path = pointer_push("/projectMappingIds", &i.to_string());
        match project_id(v) {
            Ok(id) => {
                if !seen.insert(id) {
                    out.push(
                        Diagnostic::new(
                            &DUPLICATE_PROJECT_ID,
                            path,
                            format!("Project id {id} is listed more than once."),
                        )
                        .param("id", id)
                        .suggest("Remove the repeated id."),
                    );
                }
            }
            Err(IdProblem::Key) => {
                let shown = truncate(v.as_str().unwrap_or(""), 40);
                out.push(
                    Diagnostic::new(
                        &PROJECT_KEY_NOT_ID,
                        path,
                        format!("\"{shown}\" looks like a project key; projectMappingIds needs the numeric project id."),
                    )
                    .param("value", shown)
                    .suggest("Use the project's numeric id (Jira shows it in Project settings or GET /rest/api/2/project/KEY)."),
                );
            }
            Err(problem) => out.push(invalid_id(path, &problem)),
        }
    }
}

fn invalid_id(path: String, problem: &IdProblem) -> Diagnostic {
    let (message, suggestion) = match problem {
        IdProblem::NotPositive => ("Project ids are positive whole numbers.".to_string(), None),
        IdProblem::Unsafe => ("The project id is larger than 2^53 - 1, beyond what JavaScript clients can represent exactly.".to_string(), None),
        IdProblem::Quoted(id) => (format!("Project ids are numbers, not strings: write {id} without quotes."), Some(id.to_string())),
        IdProblem::Decimal(text) => {
            // `10000.10001` is usually two ids typed with a dot instead of a comma.
            let suggestion = text
                .split_once('.')
                .filter(|(a, b)| !a.is_empty() && !b.is_empty() && b.bytes().all(|c| c.is_ascii_digit()))
                .map(|(a, b)| format!("{a}, {b}"));
            (format!("{text} is not a whole number; project ids have no decimals."), suggestion)
        }
        IdProblem::Key | IdProblem::Other => ("A project id must be a positive whole number.".to_string(), None),
    };
    let mut d = Diagnostic::new(&INVALID_PROJECT_ID, path, message);
    d.suggestion = suggestion;
    d
}
