//! Credentials per type (R3, §A2): a complete set when adding, TFS's `username: "all"` with a
//! PAT, ambiguous combinations, and secrets pasted with surrounding white space.

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::types::{Credential, IntegrationType};
use crate::values::is_padded;

/// No complete credential set for the type.
pub const MISSING_CREDENTIALS: Code = Code::new(
    "missing-credentials",
    Severity::Error,
    "The type needs credentials that are missing (e.g. a pat for GITLAB, username and password for GERRIT).",
);
/// TFS with a PAT but `username` is not `"all"`.
pub const TFS_PAT_USERNAME: Code = Code::new(
    "tfs-pat-username",
    Severity::Error,
    "TFS_SERVER with a personal access token needs username set to the literal \"all\" (R3).",
);
/// A username is sent alongside a PAT.
pub const USERNAME_WITH_PAT: Code = Code::new(
    "username-with-pat",
    Severity::Warning,
    "A username is sent with a personal access token; the vendor says to leave it blank when a PAT is used.",
);
/// Both a password and a PAT.
pub const CREDENTIALS_AMBIGUOUS: Code = Code::new(
    "credentials-ambiguous",
    Severity::Warning,
    "Both a password and a personal access token are sent; send one kind of credential.",
);
/// A token with leading or trailing white space.
pub const TOKEN_WHITESPACE: Code = Code::new(
    "token-whitespace",
    Severity::Error,
    "The personal access token starts or ends with white space (a copy-paste slip); tokens never do.",
);
/// A password with leading or trailing white space.
pub const PASSWORD_WHITESPACE: Code = Code::new(
    "password-whitespace",
    Severity::Warning,
    "The password starts or ends with white space; it is sent as typed, so check it was not pasted by mistake.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[
        MISSING_CREDENTIALS,
        TFS_PAT_USERNAME,
        USERNAME_WITH_PAT,
        CREDENTIALS_AMBIGUOUS,
        TOKEN_WHITESPACE,
        PASSWORD_WHITESPACE,
    ],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    if ctx.str("pat").is_some_and(is_padded) {
        out.push(
            Diagnostic::new(
                &TOKEN_WHITESPACE,
                ptr("pat"),
                "The personal access token has white space at its start or end.",
            )
            .param("field", "pat")
            .suggest("Remove the spaces or line breaks around the token."),
        );
    }
    if ctx.str("password").is_some_and(is_padded) {
        out.push(
            Diagnostic::new(
                &PASSWORD_WHITESPACE,
                ptr("password"),
                "The password has white space at its start or end.",
            )
            .param("field", "password"),
        );
    }
    // What the body sends, and what the integration has after it (update: the current values of
    // fields the body leaves out; responses carry no secrets, so those are the body's).
    let has = |c: Credential| sends(ctx, c, false);
    let has_after = |c: Credential| sends(ctx, c, true);
    let pat = has(Credential::Pat);
    if pat && has(Credential::Password) {
        out.push(
            Diagnostic::new(
                &CREDENTIALS_AMBIGUOUS,
                ptr("password"),
                "Both password and pat are set; send either a personal access token or a username and password.",
            )
            .suggest("Remove password (a PAT is the safer choice)."),
        );
    }
    let Some(ty) = ctx.ty else { return };
    let tfs = ty == IntegrationType::TfsServer;
    let touched = ["username", "password", "pat"]
        .iter()
        .any(|name| ctx.touches(name));
    if tfs
        && touched
        && has_after(Credential::Pat)
        && !has_after(Credential::UsernameAll)
        && !has_after(Credential::Password)
    {
        out.push(
            Diagnostic::new(
                &TFS_PAT_USERNAME,
                ptr("username"),
                "With a personal access token, TFS_SERVER needs username set to \"all\".",
            )
            .suggest("\"username\": \"all\""),
        );
        return;
    }
    if !tfs && pat && has(Credential::Username) && !has(Credential::Password) {
        out.push(
            Diagnostic::new(
                &USERNAME_WITH_PAT,
                ptr("username"),
                "Leave username blank when a personal access token is used.",
            )
            .suggest("Remove username."),
        );
    }
    let alternatives = ty.info().credentials;
    if !ctx.adding()
        || alternatives.is_empty()
        || alternatives.iter().any(|set| set.iter().all(|c| has(*c)))
    {
        return;
    }
    let describe = |set: &[Credential]| -> String {
        let names: Vec<&str> = set
            .iter()
            .map(|c| match c {
                Credential::Username => "username",
                Credential::Password => "password",
                Credential::Pat => "a personal access token (pat)",
                Credential::UsernameAll => "username \"all\"",
            })
            .collect();
        names.join(" and ")
    };
    let options: Vec<String> = alternatives.iter().map(|s| describe(s)).collect();
    // Point at the first missing field of the most complete alternative.
    let closest = alternatives
        .iter()
        .max_by_key(|set| set.iter().filter(|c| has(**c)).count())
        .and_then(|set| set.iter().find(|c| !has(**c)))
        .map_or("pat", |c| c.field());
    out.push(
        Diagnostic::new(
            &MISSING_CREDENTIALS,
            ptr(closest),
            format!(
                "{} integrations need {}.",
                ty.as_str(),
                options.join(", or ")
            ),
        )
        .param("type", ty.as_str())
        .param("accepted", options),
    );
}

/// True when the credential is sent (`after` false) or set after the request (`after` true).
fn sends(ctx: &Ctx<'_>, c: Credential, after: bool) -> bool {
    let value = if after {
        ctx.after_str(c.field())
    } else {
        ctx.str(c.field())
    };
    match c {
        Credential::UsernameAll => value.is_some_and(|u| u.trim() == "all"),
        _ => value.is_some_and(|v| !crate::values::is_blank(v)),
    }
}
