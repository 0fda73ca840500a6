//! The universal gateway's INIT and STATUS answers (status 8, action
//! fields and errors, OTP, payment page).
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::adapters::universal;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        let _ = universal::read(status, body);
    }
});
