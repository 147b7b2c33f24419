//! Arbitrary JSON values (objects keyed mostly by field names, at any depth) with the secret in
//! a credential field or a URL, through validation, both builders and redaction of both APIs.
#![no_main]

use fuzz_support::{checks, generate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::both_apis(data, |u| generate::value(u, 0));
});
