//! Checks on what a merchant sends: who it is, the signature, the fields.

use axum::http::StatusCode;
use serde_json::Value;

use super::answer::code;
use crate::signature;

/// The seed's sample account, accepted as the sandbox merchant.
pub const SANDBOX_PUBLIC_ID: &str = "f54ec96649be11ebb3780242ac130002";
pub const SANDBOX_MERCHANT_ID: &str = "e0fecd91fcb24f348048193b3fb34875ba3722b4";
pub const SANDBOX_SECRET: &str = "cf11635572";

/// The seed's currencies, and the providers it lists per country.
const CURRENCIES: [&str; 5] = ["KES", "MWK", "UGX", "TZS", "ZMW"];
const SIMULATOR_PROVIDER: u64 = 14;
const PROVIDERS: [(&str, &[u64]); 3] = [
    ("MW", &[2087, 2088]),
    ("TZ", &[2107, 2108, 2109, 2110, 2111, 2112, 2113, 2114]),
    ("ZM", &[2118, 2119]),
];

type Refusal = (StatusCode, i64, String);

/// The merchant, its public id, the order_id rules and the signature.
pub fn authenticate(public_id: &str, request: &Value) -> Result<(), Refusal> {
    let merchant = request.get("merchant_id").and_then(Value::as_str);
    if public_id != SANDBOX_PUBLIC_ID || merchant != Some(SANDBOX_MERCHANT_ID) {
        return Err((
            StatusCode::UNAUTHORIZED,
            code::UNKNOWN_MERCHANT,
            "unknown merchant".into(),
        ));
    }
    if !signature::verify(request, SANDBOX_SECRET) {
        return Err((
            StatusCode::UNAUTHORIZED,
            code::BAD_SIGNATURE,
            "invalid signature".into(),
        ));
    }
    let order_id = request
        .get("order_id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let allowed = |c: char| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.');
    if order_id.is_empty() || order_id.len() > 128 || !order_id.chars().all(allowed) {
        let message = "order_id must be 1 to 128 of [a-zA-Z0-9_-:.]";
        return Err((StatusCode::BAD_REQUEST, code::BAD_ORDER_ID, message.into()));
    }
    Ok(())
}

/// What an INIT says about the payment, once checked.
pub struct Init {
    pub customer_id: String,
    pub customer_email: Option<String>,
    pub callback_url: Option<String>,
    pub return_url: Option<String>,
}

pub fn read_init(request: &Value) -> Result<Init, String> {
    let text = |name: &str| request.get(name).and_then(Value::as_str).map(str::to_owned);
    // The seed's samples send customer_id as a number.
    let customer_id = match request.get("customer_id") {
        Some(Value::String(id)) if !id.is_empty() => id.clone(),
        Some(Value::Number(id)) => id.to_string(),
        _ => return Err("customer_id is required".into()),
    };
    match text("customer_user_id") {
        Some(id) if !id.is_empty() && id.chars().count() <= 200 => {}
        _ => return Err("customer_user_id is required (at most 200 characters)".into()),
    }
    let amount = text("amount").unwrap_or_default();
    let two_decimals = amount.split_once('.').is_some_and(|(whole, cents)| {
        !whole.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && cents.len() == 2
            && cents.bytes().all(|b| b.is_ascii_digit())
    });
    if !two_decimals {
        return Err("amount must have two digits after the point, like 100.00".into());
    }
    let currency = text("currency").unwrap_or_default();
    if !CURRENCIES.contains(&currency.as_str()) {
        return Err(format!("currency must be one of {}", CURRENCIES.join(", ")));
    }
    let provider = request.get("provider_id").and_then(Value::as_u64);
    let country = text("country").unwrap_or_default();
    let listed = PROVIDERS
        .iter()
        .any(|(code, ids)| *code == country && provider.is_some_and(|id| ids.contains(&id)));
    if provider != Some(SIMULATOR_PROVIDER) && !listed {
        return Err("provider_id is not available for this country (14 is the simulator)".into());
    }
    let extra = request.get("extra");
    let extra_text = |name: &str| {
        extra
            .and_then(|extra| extra.get(name))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    Ok(Init {
        customer_id,
        customer_email: extra_text("customer_email"),
        callback_url: text("callback_url"),
        return_url: extra_text("return_url"),
    })
}
