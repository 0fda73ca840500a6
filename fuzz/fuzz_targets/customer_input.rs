//! What the customer types and what the address bar or storage holds:
//! amounts, phone numbers in every market, payment-page and return
//! addresses, stored resume points.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::flow::ResumePoint;
use pay_checkout::core::money::{Currency, Money};
use pay_checkout::core::{phone, redirect, return_url};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for code in ["USD", "UGX", "CDF"] {
        let _ = Money::parse(text, Currency::from_code(code).unwrap());
    }
    for country in phone::COUNTRIES {
        let _ = phone::normalise(text, country);
    }
    let _ = phone::country_of(text);
    let _ = phone::masked(text);
    let _ = phone::operators::detect(text);
    let _ = redirect::check_payment_page(text, "http://127.0.0.1:8080", &[text.to_owned()]);
    let _ = return_url::session_id(text, "session_id");
    let _ = return_url::without_params(text, &["session_id"]);
    let _ = return_url::with_params(text, &[("session_id", text)]);
    if let Some(point) = ResumePoint::parse(text) {
        assert_eq!(point.stored(), text, "a resume point reads back as written");
    }
});
