//! PDirect's collect and status answers.
#![no_main]
mod common;
#[allow(dead_code)]
#[path = "../../tests/support/readers.rs"]
mod readers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        readers::pdirect_answers(status, body);
    }
});
