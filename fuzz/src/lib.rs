//! What the fuzz targets share: input framing, a JSON value generator that speaks the API's
//! vocabulary, a secret marker, and the invariants every entry point must keep.
//!
//! The invariants are the laws of tests/properties.rs, checked here on whatever libFuzzer finds:
//! no output but the request body carries a secret, the JSON-text path agrees with the value path,
//! a built request validates without errors, and positions stay inside the text they point into.

pub mod checks;
pub mod generate;

/// A secret the fuzzer places in credential fields; no rule could produce it by itself.
pub const SECRET: &str = "Zq9xWfz7-s3cr3t-Kp2mLr4T";
/// Parts of [`SECRET`] that must not appear either (a truncated echo is a leak too).
const SECRET_PARTS: [&str; 2] = ["Zq9xWfz7", "Kp2mLr4T"];

/// True when `text` holds the secret or a recognisable part of it.
pub fn has_secret(text: &str) -> bool {
    SECRET_PARTS.iter().any(|p| text.contains(p))
}

/// Panics (a fuzzer finding) when `text`, described by `what`, leaks the secret.
pub fn assert_no_secret(what: &str, text: &str) {
    assert!(!has_secret(text), "secret leaked in {what}: {text}");
}

/// Splits a raw input into a selector byte and up to `n` UTF-8 parts separated by NUL bytes (the
/// last part keeps any further NULs). `None` for an empty or non-UTF-8 input.
pub fn framed(data: &[u8], n: usize) -> Option<(u8, Vec<&str>)> {
    let (&selector, rest) = data.split_first()?;
    let text = std::str::from_utf8(rest).ok()?;
    Some((selector, text.splitn(n, '\0').collect()))
}
