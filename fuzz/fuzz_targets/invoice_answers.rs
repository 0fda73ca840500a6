//! The invoice checkout's answers: checkout, operator, fees, collection,
//! status (polled or pushed), realtime key, receipt.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::invoice::wire;

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        let _ = wire::read_checkout(status, body);
        let _ = wire::read_operator(status, body);
        let _ = wire::read_fees(status, body);
        let _ = wire::read_collection(status, body);
        let _ = wire::read_status_body(body);
        let _ = wire::read_status(status, body);
        let _ = wire::read_realtime_key(status, body);
        let _ = wire::read_receipt(status, body);
    }
});
