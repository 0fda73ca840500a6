//! The hosted checkouts: PayGate's session answers, Moment's checkout
//! messages, and the record of a session already reported.
#![no_main]
mod common;

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::hosted::finished::Finished;
use pay_checkout::core::hosted::moment::CheckoutMessage;
use pay_checkout::core::hosted::paygate::{self, CheckoutSession, Created, Verification};

fuzz_target!(|data: &[u8]| {
    if let Some((status, body)) = common::split(data) {
        let _ = paygate::read::<Created>(status, body);
        let _ = paygate::read::<Verification>(status, body);
        let _ = paygate::read::<CheckoutSession>(status, body);
        let _ = CheckoutMessage::parse(body);
        let _ = Finished::parse(body);
    }
});
