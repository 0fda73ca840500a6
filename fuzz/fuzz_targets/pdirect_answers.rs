//! PDirect's collect and status answers.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::adapters::pdirect;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        let _ = pdirect::read_collect(status, body);
        let _ = pdirect::read_status(status, body);
    }
});
