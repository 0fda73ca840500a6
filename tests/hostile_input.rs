//! Hostile and broken input for every parser that reads what a gateway, the
//! merchant backend or the page hands the element: each must answer `Ok` or
//! `Err`, never panic, whatever it is given. Property tests, seeded from the
//! real answers in `tests/fuzz-corpus/` and mutated: truncated, spliced,
//! values swapped for other JSON types, blown up past a megabyte. More cases
//! with `PAY_FUZZ_CASES=20000 cargo test --test hostile_input`; the same
//! readers are fuzzed by `make fuzz`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::fs;
use std::path::Path;

use pay_checkout::core::adapters::{pdirect, universal};
use pay_checkout::core::config::{CheckoutConfig, OBSERVED_ATTRIBUTES};
use pay_checkout::core::flow::ResumePoint;
use pay_checkout::core::hosted::moment::CheckoutMessage;
use pay_checkout::core::hosted::paygate::{self, Created};
use pay_checkout::core::invoice::wire;
use pay_checkout::core::money::{Currency, Money};
use pay_checkout::core::{phone, redirect, return_url};
use pay_checkout::core::json::{self, Map, Value};
use pay_checkout::json;
use proptest::prelude::*;

#[path = "support/readers.rs"]
mod readers;

const STATUSES: [u16; 12] = [0, 200, 201, 202, 204, 400, 401, 404, 409, 422, 500, 503];

fn cases() -> u32 {
    std::env::var("PAY_FUZZ_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(400)
}

/// The real answers the mutations start from.
fn corpus() -> Vec<String> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut seeds: Vec<String> = fs::read_dir(&folder)
        .expect("tests/fuzz-corpus")
        .map(|entry| fs::read_to_string(entry.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    seeds
}

/// Any JSON value: every kind of number, strings of any characters
/// (control characters and astral ones too), nested a few levels.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Value::from),
            proptest::collection::vec((any::<String>(), inner), 0..8)
                .prop_map(|fields| Value::from(fields.into_iter().collect::<Map>())),
        ]
    })
}

/// A JSON value of another type than the one it replaces.
fn other_type(pick: u8, text: &str) -> Value {
    match pick % 7 {
        0 => Value::Null,
        1 => Value::Bool(true),
        2 => json!(-1e308),
        3 => json!(u64::MAX),
        4 => Value::String(text.to_owned()),
        5 => json!([text, null, {"nested": [[[]]]}]),
        _ => json!({ "message": format!("<img src=x onerror=alert(1)>{text}") }),
    }
}

/// Replaces the `nth` leaf (in document order) of `value`.
fn replace_leaf(value: &mut Value, nth: &mut usize, with: &Value) -> bool {
    match value {
        Value::Object(map) => map.values_mut().any(|inner| replace_leaf(inner, nth, with)),
        Value::Array(items) => items.iter_mut().any(|inner| replace_leaf(inner, nth, with)),
        leaf => {
            if *nth == 0 {
                *leaf = with.clone();
                return true;
            }
            *nth -= 1;
            false
        }
    }
}

fn byte_index(text: &str, at: usize) -> usize {
    let mut at = at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[test]
fn every_seed_is_read_by_some_reader() {
    // The corpus is what it says: real answers the readers accept.
    let seeds = corpus();
    assert!(seeds.len() >= 10);
    for seed in &seeds {
        let accepted = pdirect::read_collect(200, seed).is_ok()
            || pdirect::read_status(200, seed).is_ok()
            || universal::read(200, seed).is_ok()
            || wire::read_checkout(200, seed).is_ok()
            || wire::read_fees(200, seed).is_ok()
            || wire::read_status(200, seed).is_ok_and(|update| update.is_some())
            || wire::read_operator(422, seed)
                .is_err_and(|failure| format!("{failure:?}").contains("VALIDATION_ERROR"))
            || paygate::read(200, seed, Created::from_json).is_ok()
            || CheckoutMessage::parse(seed).is_some()
            || pdirect::read_collect(422, seed)
                .is_err_and(|failure| format!("{failure:?}").contains("1201"));
        assert!(accepted, "no reader takes {seed}");
    }
}

#[test]
fn a_body_over_a_megabyte_is_refused_or_read_without_trouble() {
    let huge_string = format!(
        r#"{{"success":true,"transaction_id":"{}","status":"pending"}}"#,
        "x".repeat(1_200_000)
    );
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let wide = format!("[{}0]", "0,".repeat(600_000));
    for body in [huge_string, deep, wide] {
        for status in STATUSES {
            readers::every_reader(status, &body);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_text_is_read_without_panic(body in "\\PC{0,300}", status in proptest::sample::select(STATUSES.to_vec())) {
        readers::every_reader(status, &body);
    }

    #[test]
    fn json_that_reads_writes_back_to_the_same_value(body in "[ -~\\t\\n]{0,200}") {
        if let Ok(value) = json::parse(&body) {
            prop_assert_eq!(json::parse(&json::to_text(&value)), Ok(value));
        }
    }

    #[test]
    fn any_value_written_reads_back_as_it_was(value in any_json()) {
        let text = json::to_text(&value);
        prop_assert_eq!(json::parse(&text), Ok(value), "{}", text);
    }

    #[test]
    fn mutated_real_answers_are_read_without_panic(
        seed in proptest::sample::select(corpus()),
        how in 0u8..4,
        at in any::<usize>(),
        pick in any::<u8>(),
        text in "\\PC{0,40}",
        status in proptest::sample::select(STATUSES.to_vec()),
    ) {
        let body = match how {
            // Cut off mid-answer, as a dropped connection leaves it.
            0 => seed[..byte_index(&seed, at)].to_owned(),
            // Something else spliced in.
            1 => {
                let at = byte_index(&seed, at);
                format!("{}{}{}", &seed[..at], text, &seed[at..])
            }
            // A value of the wrong type, or markup where text belongs.
            _ => {
                let mut value = json::parse(&seed).unwrap();
                let mut nth = at % 16;
                replace_leaf(&mut value, &mut nth, &other_type(pick, &text));
                value.to_string()
            }
        };
        readers::every_reader(status, &body);
    }

    #[test]
    fn any_attributes_parse_or_are_refused(values in proptest::collection::vec(proptest::option::of("\\PC{0,40}"), OBSERVED_ATTRIBUTES.len())) {
        let attributes: HashMap<&str, String> = OBSERVED_ATTRIBUTES
            .iter()
            .zip(values)
            .filter_map(|(name, value)| value.map(|value| (*name, value)))
            .collect();
        let _ = CheckoutConfig::from_attributes(|name| attributes.get(name).cloned());
    }

    #[test]
    fn amounts_phone_numbers_and_addresses_never_panic(text in "\\PC{0,80}", code in "[A-Z]{3}") {
        if let Ok(currency) = Currency::from_code(&code) {
            let _ = Money::parse(&text, currency);
        }
        for country in phone::COUNTRIES {
            let _ = phone::normalise(&text, country);
        }
        let _ = phone::country_of(&text);
        let _ = phone::masked(&text);
        let _ = redirect::check_payment_page(&text, "http://127.0.0.1:8080", std::slice::from_ref(&text));
        let _ = return_url::session_id(&text, "session_id");
        let _ = return_url::without_params(&text, &["session_id"]);
        let _ = return_url::with_params(&text, &[("session_id", &text)]);
    }

    #[test]
    fn stored_resume_points_are_read_back_exactly_or_refused(text in "\\PC{0,80}", prefix in proptest::sample::select(vec!["sent:", "accepted:", "accepted:txn_", ""])) {
        let stored = format!("{prefix}{text}");
        // Whatever sessionStorage holds: only what the element itself
        // writes is read, and it writes back the same text.
        if let Some(point) = ResumePoint::parse(&stored) {
            prop_assert_eq!(point.stored(), stored);
        }
    }
}
