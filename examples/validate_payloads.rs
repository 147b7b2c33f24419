//! Validates Git Integration for Jira payload files and prints their errors with line and
//! column, as a CI step would: `cargo run --example validate_payloads -- payloads/*.json`.
//! Exits with 1 when a file cannot be read or has an error.

use jira_integration_payloads::{Severity, gij};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        let report = gij::validate_json(&text, &gij::Options::default());
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
        {
            let (line, column) = (d.line.unwrap_or(0), d.column.unwrap_or(0));
            eprintln!(
                "{path}:{line}:{column}: {} {}: {}",
                d.code, d.path, d.message
            );
        }
        failed |= !report.ok;
    }
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
