use crate::core::json::{parse, Value};
use crate::json;

use super::*;

#[test]
fn the_body_amount_shows_in_its_own_currency_or_the_attribute_one() {
    let body = |amount: Option<&str>, currency: Option<&str>| PaymentBody {
        amount: amount.map(str::to_owned),
        currency: currency.map(str::to_owned),
        ..PaymentBody::default()
    };
    let usd = Currency::from_code("USD").ok();
    let kes = Currency::from_code("KES").ok();
    let shown =
        |body: PaymentBody, fallback| body.money(fallback).map(|money| money.to_string());
    assert_eq!(
        shown(body(Some("12.50"), Some("USD")), None).as_deref(),
        Some("12.50 USD")
    );
    assert_eq!(
        shown(body(Some(" 7.25 "), None), kes).as_deref(),
        Some("7.25 KES")
    );
    assert_eq!(
        shown(body(Some("12.50"), Some("USD")), kes).as_deref(),
        Some("12.50 USD")
    );
    assert_eq!(shown(body(Some("12.50"), None), None), None);
    assert_eq!(shown(body(None, Some("USD")), usd), None);
    assert_eq!(shown(body(Some("12.505"), Some("USD")), None), None);
    assert_eq!(shown(body(Some("lots"), Some("USD")), None), None);
    assert_eq!(shown(body(Some("12.50"), Some("XYZ")), None), None);
}

fn seed_body() -> PaymentBody {
    // The seed's Angular `paymentBody`, camelCase as the page sets it.
    PaymentBody::from_json(&json!({
        "paymentMethod": "wallet", "userInfo": "full", "paymentMethodInfo": "full",
        "feeCoveredBy": "buyer", "deliveryBehaviour": "direct_delivery",
        "notifyUrl": "https://merchant.example.com/pdirect/webhook",
        "firstName": "John", "lastName": "Doe", "email": "john.doe@example.com",
        "phoneNumber": "+243998857000", "walletNumber": "3005710720108954", "walletPin": "048698",
    }))
    .unwrap()
}

#[test]
fn camel_case_in_snake_case_out_without_session_bound_fields() {
    let wire = |body: &PaymentBody| parse(&body.to_wire_json()).unwrap();
    assert_eq!(
        wire(&seed_body()),
        json!({
            "payment_method": "wallet", "user_info": "full", "payment_method_info": "full",
            "fee_covered_by": "buyer", "delivery_behaviour": "direct_delivery",
            "notify_url": "https://merchant.example.com/pdirect/webhook",
            "first_name": "John", "last_name": "Doe", "email": "john.doe@example.com",
            "phone_number": "+243998857000", "wallet_number": "3005710720108954",
            "wallet_pin": "048698",
        })
    );
    let mut bound = seed_body();
    bound.amount = Some("12.50".into());
    assert_eq!(wire(&bound)["amount"], "12.50");
}

#[test]
fn the_form_asks_only_for_what_the_body_lacks() {
    assert!(seed_body().missing_fields().is_empty());
    let mut body = seed_body();
    body.wallet_pin = None;
    body.email = Some("  ".into());
    assert_eq!(
        body.missing_fields(),
        [CustomerField::WalletPin, CustomerField::Email]
    );
    let empty = PaymentBody::default().with_wallet_defaults();
    assert_eq!(empty.missing_fields(), CUSTOMER_FIELDS);
    let minimal = PaymentBody {
        user_info: Some("minimal".into()),
        ..PaymentBody::default()
    };
    assert_eq!(minimal.missing_fields().len(), 3);
}

#[test]
fn configs_read_the_angular_sdk_shape() {
    let config = PayConfig::from_json(&json!({
        "token": "sess_1", "isProduction": false, "acceptLanguage": "en"
    }))
    .unwrap();
    assert_eq!(config.token.as_deref(), Some("sess_1"));
    assert_eq!(config.accept_language.as_deref(), Some("en"));
    assert_eq!(config.session_url, None);
}

#[test]
fn the_sdk_options_go_out_as_null_when_unset_and_the_rest_only_when_set() {
    let wire = PaymentBody::default().to_wire_json();
    assert_eq!(
        wire,
        r#"{"payment_method":null,"user_info":null,"payment_method_info":null,"fee_covered_by":null,"delivery_behaviour":null}"#
    );
    // The order the gateway's own SDK writes them in.
    let keys: Vec<String> = match parse(&seed_body().to_wire_json()).unwrap() {
        Value::Object(fields) => fields.keys().cloned().collect(),
        other => panic!("not an object: {other}"),
    };
    assert_eq!(keys[..3], ["payment_method", "user_info", "payment_method_info"]);
    assert_eq!(keys.last().map(String::as_str), Some("wallet_pin"));
}

#[test]
fn a_value_of_the_wrong_type_is_refused_in_serdes_words() {
    let refused = |value: Value| PaymentBody::from_json(&value).unwrap_err().to_string();
    assert_eq!(refused(json!({"walletPin": 48698})), "invalid type: integer `48698`, expected a string");
    assert_eq!(refused(json!({"amount": 12.5})), "invalid type: floating point `12.5`, expected a string");
    assert_eq!(refused(json!({"email": -1})), "invalid type: integer `-1`, expected a string");
    assert_eq!(refused(json!({"firstName": true})), "invalid type: boolean `true`, expected a string");
    assert_eq!(refused(json!({"lastName": ["Doe"]})), "invalid type: sequence, expected a string");
    assert_eq!(refused(json!("wallet")), r#"invalid type: string "wallet", expected an object"#);
    assert_eq!(refused(json!([1])), "invalid type: sequence, expected an object");
    let configs = |value: Value| PayConfig::from_json(&value).unwrap_err().to_string();
    assert_eq!(configs(json!({"isProduction": "yes"})), r#"invalid type: string "yes", expected a boolean"#);
    assert_eq!(configs(json!({"paymentPageOrigins": "https://pay.example"})), r#"invalid type: string "https://pay.example", expected a sequence"#);
    assert_eq!(configs(json!({"paymentPageOrigins": [null]})), "invalid type: null, expected a string");
    assert_eq!(configs(json!({"token": {}})), "invalid type: map, expected a string");
}

#[test]
fn null_is_absent_and_unknown_fields_are_ignored() {
    let body = PaymentBody::from_json(&json!({"walletPin": null, "tip": 5, "email": "a@b.example"})).unwrap();
    assert_eq!(body.wallet_pin, None);
    assert_eq!(body.email.as_deref(), Some("a@b.example"));
    let config = PayConfig::from_json(&json!({
        "isProduction": null, "paymentPageOrigins": ["https://pay.example"], "theme": "dark",
        "clientKey": "pk_test_1", "apiBase": "/api", "sessionUrl": "/session",
    }))
    .unwrap();
    assert_eq!(
        config,
        PayConfig {
            client_key: Some("pk_test_1".into()),
            api_base: Some("/api".into()),
            session_url: Some("/session".into()),
            payment_page_origins: vec!["https://pay.example".into()],
            ..PayConfig::default()
        }
    );
}
