//! What the page hands the element: its attributes (the input split into
//! one value per observed attribute at each NUL), and `configs`,
//! `paymentBody` and `strings` as JSON; the strings are then rendered.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use pay_checkout::core::config::{CheckoutConfig, OBSERVED_ATTRIBUTES};
use pay_checkout::core::i18n::{Key, Overrides, Strings};
use pay_checkout::core::json;

#[allow(dead_code)]
#[path = "../../tests/support/readers.rs"]
mod readers;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let values: Vec<&str> = text.split('\0').collect();
    let _ = CheckoutConfig::from_attributes(|name| {
        let index = OBSERVED_ATTRIBUTES.iter().position(|known| *known == name)?;
        values.get(index).map(|value| value.to_string())
    });
    readers::page_properties(text);
    if let Ok(value) = json::parse(text) {
        let (overrides, _) = Overrides::parse(&value);
        let strings = Strings::new(&values, Arc::new(overrides));
        for &key in Key::ALL {
            let _ = strings.count(key, u64::from(data.len() as u32), &[("amount", text.to_owned())]);
        }
    }
});
