//! Form state (flat objects of field names to what inputs hold: padded strings, check-box
//! values, number lists) with the secret in a credential field or a URL, through both builders
//! and validators; a built request must validate cleanly.
#![no_main]

use fuzz_support::{checks, generate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    checks::both_apis(data, generate::form);
});
