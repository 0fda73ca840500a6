//! The universal gateway's INIT and STATUS answers (status 8, action
//! fields and errors, OTP, payment page).
#![no_main]
mod common;
#[allow(dead_code)]
#[path = "../../tests/support/readers.rs"]
mod readers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        readers::universal_answers(status, body);
    }
});
