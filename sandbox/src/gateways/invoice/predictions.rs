//! Steps 7 and 8, answered before any money moves: what the customer will
//! pay (fees and FX) and which operator a number belongs to.

use pay_checkout::core::money::{Currency, Money};
use pay_checkout::core::phone::{country_of, normalise};
use serde_json::{json, Value};

use super::fees::{self, FeeBearer};
use super::operators::{self, MOBILE_MONEY};
use super::{ApiError, Ledger};

fn currency(code: &str, field: &'static str) -> Result<Currency, ApiError> {
    Currency::from_code(code).map_err(|error| ApiError::invalid(field, error.to_string()))
}

/// `amount-and-fees` for `amount` paid by `bearer`'s rule in `target`
/// (the amount's own currency when `None`).
pub fn amount_and_fees(
    amount: Money,
    bearer: FeeBearer,
    target: Option<&str>,
) -> Result<Value, ApiError> {
    let target = match target {
        Some(code) => currency(code, "target_currency")?,
        None => amount.currency(),
    };
    fees::breakdown(amount, bearer, target)
        .map(|breakdown| breakdown.to_json())
        .ok_or_else(|| ApiError::invalid("target_currency", "no exchange rate for this currency"))
}

/// `amount-and-fees` for an invoice's total and fee bearer.
pub fn invoice_fees(
    ledger: &Ledger,
    invoice_id: &str,
    target: Option<&str>,
) -> Result<Value, ApiError> {
    let invoice = ledger.invoice(invoice_id)?;
    amount_and_fees(invoice.total(), invoice.fee_bearer, target)
}

/// `amount-and-fees` for a plain amount (`"25.00"`, `"USD"`, `"CUSTOMER"`).
pub fn plain_fees(
    amount: &str,
    code: &str,
    bearer: &str,
    target: Option<&str>,
) -> Result<Value, ApiError> {
    let currency = currency(code, "currency")?;
    let amount = Money::parse(amount, currency)
        .map_err(|error| ApiError::invalid("amount", error.to_string()))?;
    let bearer = FeeBearer::parse(bearer)
        .ok_or_else(|| ApiError::invalid("fee_bearer", "fee_bearer is CUSTOMER or MERCHANT"))?;
    amount_and_fees(amount, bearer, target)
}

/// An E.164 number of a supported country, as typed by a server.
pub fn e164(phone: &str) -> Result<String, ApiError> {
    country_of(phone)
        .filter(|_| phone.starts_with('+'))
        .and_then(|country| normalise(phone, country).ok())
        .ok_or_else(|| {
            ApiError::invalid(
                "phone_number",
                "phone_number is an E.164 number of a supported country",
            )
        })
}

/// `mmo-provider-info`: the recommended operator, with the country's
/// others for the customer to choose from (numbers move between them).
pub fn mmo_provider_info(phone: &str) -> Result<Value, ApiError> {
    let phone = e164(phone)?;
    let detection = operators::detect(&phone)
        .ok_or_else(|| ApiError::invalid("phone_number", "unsupported country"))?;
    Ok(json!({
        "phone_number": phone,
        "country": detection.country.iso,
        "currency": detection.country.currency,
        "payment_method": detection.recommended.map(|_| MOBILE_MONEY),
        "gateway_provider": detection.recommended.map(|p| p.gateway_provider),
        "provider_name": detection.recommended.map(|p| p.provider_name),
        "providers": detection
            .providers
            .iter()
            .map(|p| json!({ "gateway_provider": p.gateway_provider, "provider_name": p.provider_name }))
            .collect::<Vec<_>>(),
    }))
}
