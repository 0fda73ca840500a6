//! Every reader of what a gateway or the merchant backend answers, grouped
//! by adapter, each fed one body with its HTTP status. Shared by the
//! property tests (`tests/hostile_input.rs`) and the cargo fuzz targets
//! (`fuzz/`), so that a new reader is added to both in one place. What they
//! return does not matter here: only that none of them panics.

use pay_checkout::core::adapters::{pdirect, universal};
use pay_checkout::core::hosted::finished::Finished;
use pay_checkout::core::hosted::moment::CheckoutMessage;
use pay_checkout::core::hosted::paygate::{self, Created, Verification};
use pay_checkout::core::invoice::wire;
use pay_checkout::core::json;
use pay_checkout::core::payment_body::{PayConfig, PaymentBody};

/// PDirect's collect and status answers.
pub fn pdirect_answers(status: u16, body: &str) {
    let _ = pdirect::read_collect(status, body);
    let _ = pdirect::read_status(status, body);
}

/// The universal gateway's INIT and STATUS answers.
pub fn universal_answers(status: u16, body: &str) {
    let _ = universal::read(status, body);
}

/// The invoice checkout's answers: checkout, operator, fees, collection,
/// status (polled or pushed), realtime key, receipt.
pub fn invoice_answers(status: u16, body: &str) {
    let _ = wire::read_checkout(status, body);
    let _ = wire::read_operator(status, body);
    let _ = wire::read_fees(status, body);
    let _ = wire::read_collection(status, body);
    let _ = wire::read_status_body(body);
    let _ = wire::read_status(status, body);
    let _ = wire::read_realtime_key(status, body);
    let _ = wire::read_receipt(status, body);
}

/// PayGate's session answers, Moment's checkout messages, and the record
/// of a session already reported.
pub fn hosted_answers(status: u16, body: &str) {
    let _ = paygate::read(status, body, Created::from_json);
    let _ = paygate::read(status, body, Verification::from_json);
    let _ = CheckoutMessage::parse(body);
    let _ = Finished::parse(body);
}

/// `configs` and `paymentBody` as the page may set them.
pub fn page_properties(body: &str) {
    if let Ok(json) = json::parse(body) {
        let _ = PayConfig::from_json(&json);
        let _ = PaymentBody::from_json(&json).map(|body| body.to_wire_json());
    }
}

/// All of the above.
pub fn every_reader(status: u16, body: &str) {
    pdirect_answers(status, body);
    universal_answers(status, body);
    invoice_answers(status, body);
    hosted_answers(status, body);
    page_properties(body);
}
