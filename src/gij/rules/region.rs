//! `awsRegion`: one of the 26 regions of reference §A1.1 (X8: the docs' `ap-outh-1` typo is
//! corrected to `ap-south-1`).

use super::{Rule, ptr};
use crate::diagnostics::{Code, Diagnostic, Severity};
use crate::gij::context::Ctx;
use crate::gij::fields::AWS_REGIONS;
use crate::suggest::did_you_mean;
use crate::text::truncate;

/// Not a supported region.
pub const UNKNOWN_AWS_REGION: Code = Code::new(
    "unknown-aws-region",
    Severity::Error,
    "awsRegion is not one of the 26 supported AWS regions.",
);

pub(super) const RULE: Rule = Rule {
    codes: &[UNKNOWN_AWS_REGION],
    check,
};

fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let Some(region) = ctx.text("awsRegion") else {
        return;
    };
    if AWS_REGIONS.contains(&region) {
        return;
    }
    let shown = truncate(region, 40);
    let mut d = Diagnostic::new(
        &UNKNOWN_AWS_REGION,
        ptr("awsRegion"),
        format!("\"{shown}\" is not a supported AWS region."),
    )
    .param("value", shown.as_str())
    .param("allowed", AWS_REGIONS.to_vec());
    let guess = AWS_REGIONS
        .iter()
        .copied()
        .find(|r| r.eq_ignore_ascii_case(region.trim()))
        .or_else(|| did_you_mean(region.trim(), AWS_REGIONS.iter().copied()));
    if let Some(s) = guess {
        d.message = format!("\"{shown}\" is not a supported AWS region; did you mean {s}?");
        d = d.suggest(s);
    }
    out.push(d);
}
