//! The invoice checkout's answers: checkout, operator, fees, collection,
//! status (polled or pushed), realtime key, receipt.
#![no_main]
mod common;
#[allow(dead_code)]
#[path = "../../tests/support/readers.rs"]
mod readers;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        readers::invoice_answers(status, body);
    }
});
