//! The README's rule catalogue is exactly the crate's catalogue: every code the code can emit,
//! and none it cannot. `UPDATE_README=1 cargo test --test catalogue` rewrites the block.

use jira_integration_payloads::catalogue;
use std::collections::BTreeSet;

const START: &str = "<!-- catalogue:start -->";
const END: &str = "<!-- catalogue:end -->";

fn rendered() -> String {
    let mut out = String::from("| code | severity | meaning |\n|---|---|---|\n");
    for c in catalogue() {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            c.id,
            c.severity.as_str(),
            c.summary.replace('|', "\\|")
        ));
    }
    out
}

#[test]
fn codes_are_unique_and_kebab_case() {
    let mut seen = BTreeSet::new();
    for c in catalogue() {
        assert!(seen.insert(c.id), "duplicate code {}", c.id);
        assert!(
            c.id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                && !c.id.starts_with('-'),
            "not kebab-case: {}",
            c.id
        );
        assert!(
            c.summary.ends_with('.'),
            "summary of {} should be a sentence",
            c.id
        );
    }
}

#[test]
fn readme_catalogue_matches_the_code() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(path).unwrap();
    let (Some(start), Some(end)) = (readme.find(START), readme.find(END)) else {
        panic!("README.md has no {START} ... {END} block");
    };
    let current = &readme[start + START.len()..end];
    let expected = format!("\n{}", rendered());
    if current != expected {
        if std::env::var_os("UPDATE_README").is_some() {
            let updated = format!("{}{START}{expected}{}", &readme[..start], &readme[end..]);
            std::fs::write(path, updated).unwrap();
        } else {
            panic!(
                "README catalogue is out of date; run UPDATE_README=1 cargo test --test catalogue"
            );
        }
    }
}
