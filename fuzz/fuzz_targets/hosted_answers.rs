//! The hosted checkouts: PayGate's session answers, Moment's checkout
//! messages, and the record of a session already reported.
#![no_main]
mod common;
#[allow(dead_code)]
#[path = "../../tests/support/readers.rs"]
mod readers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        readers::hosted_answers(status, body);
    }
});
