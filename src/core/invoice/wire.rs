//! What the merchant backend's invoice routes answer, read into typed
//! values: amounts become [`Money`] in minor units at this boundary.

use crate::core::adapters::{pdirect::normalise, Accepted, Failure, StatusUpdate};
use crate::core::events::ErrorCode;
use crate::core::json::{parse, Object};
use crate::core::money::{Currency, Money};
use crate::core::status::PaymentStatus;

/// A line of the invoice or the receipt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineItem {
    pub name: String,
    pub qty: u64,
    pub total: Money,
}

/// The invoice the customer pays, as the checkout answer summarises it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceSummary {
    pub note: String,
    pub items: Vec<LineItem>,
    pub total: Money,
}

/// The checkout the merchant backend prepared (steps 1–9).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkout {
    pub session_id: String,
    /// Scoped to this checkout and short-lived; kept in memory only.
    pub credential: String,
    pub invoice: InvoiceSummary,
}

/// A mobile-money operator the customer can pay with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Provider {
    pub gateway_provider: String,
    pub provider_name: String,
}

/// `mmo-provider-info`: the recommended operator and the alternatives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperatorInfo {
    pub phone_number: String,
    pub currency: String,
    pub gateway_provider: Option<String>,
    pub providers: Vec<Provider>,
}

/// `amount-and-fees`, for the fee preview.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeePreview {
    pub amount: Money,
    pub fee: Money,
    /// `CUSTOMER` or `MERCHANT`.
    pub fee_bearer: String,
    pub customer_pays: Money,
    pub fx: Option<Conversion>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// Units of the wallet's currency per unit of the invoice's, as sent.
    pub rate: String,
    pub customer_pays: Money,
}

/// The receipt, once the collection is COMPLETED.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    pub reference_id: String,
    pub paid_at: String,
    pub items: Vec<LineItem>,
    pub amounts: FeePreview,
    pub provider_name: String,
    pub phone_number: String,
}

/// Why an answer could not be read: it names the answer, not the field.
fn malformed(what: &str) -> Failure {
    Failure::Malformed {
        detail: format!("the merchant backend sent an unreadable {what}"),
    }
}

/// The JSON of a 2xx answer, read by `read`; anything else as the failure
/// it means.
fn answer<T>(
    status: u16,
    body: &str,
    what: &str,
    read: impl FnOnce(Object<'_>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    let json = parse(body).ok();
    let object = json.as_ref().map(|json| Object::new(json, what, |refusal| malformed(refusal.what)));
    if (200..300).contains(&status) {
        return read(object.ok_or_else(|| malformed(what))??);
    }
    let error = object.and_then(Result::ok).and_then(|object| object.object("error").ok());
    let code = error.and_then(|error| error.text("code").ok());
    match (status, code) {
        (401, Some(code)) if code == "SESSION_EXPIRED" => Err(Failure::SessionExpired),
        (500.., _) | (408 | 429, _) => Err(Failure::Unreachable {
            detail: format!("the merchant backend answered HTTP {status}"),
        }),
        (_, Some(code)) => Err(Failure::Refused {
            retryable: status != 401,
            code,
            message: error.and_then(|error| error.text("message").ok()).unwrap_or_default(),
            field: error.and_then(|error| error.optional_text("field").ok().flatten()),
        }),
        (_, None) => Err(malformed(what)),
    }
}

/// The amount in the string field `key`, in `currency`.
fn money(wire: Object<'_>, key: &str, currency: Currency, what: &str) -> Result<Money, Failure> {
    let value = wire.text(key)?;
    match Money::parse(&value, currency) {
        Ok(money) => Ok(money),
        // A zero fee is an amount too, if not a payable one.
        Err(_)
            if value
                .trim_start_matches('0')
                .trim_start_matches('.')
                .trim_matches('0')
                .is_empty() =>
        {
            Ok(Money::from_minor_units(0, currency))
        }
        Err(_) => Err(malformed(what)),
    }
}

fn currency(code: &str, what: &str) -> Result<Currency, Failure> {
    Currency::from_code(code).map_err(|_| malformed(what))
}

/// `[{name, qty, total}]`, the totals in `currency`.
fn items(wire: Object<'_>, currency: Currency, what: &str) -> Result<Vec<LineItem>, Failure> {
    wire.objects("items")?
        .into_iter()
        .map(|item| {
            Ok(LineItem {
                total: money(item, "total", currency, what)?,
                name: item.text("name")?,
                qty: item.count("qty")?,
            })
        })
        .collect()
}

/// `{checkout_session_id, credential?, invoice: {currency, note?, items, total}}`;
/// the credential is absent when the page already holds it (`configs.token`).
pub fn read_checkout(status: u16, body: &str) -> Result<Checkout, Failure> {
    answer(status, body, "checkout", |wire| {
        let invoice = wire.object("invoice")?;
        let code = currency(&invoice.text("currency")?, "checkout")?;
        Ok(Checkout {
            session_id: wire.text("checkout_session_id")?,
            credential: wire.optional_text("credential")?.unwrap_or_default(),
            invoice: InvoiceSummary {
                note: invoice.optional_text("note")?.unwrap_or_default(),
                items: items(invoice, code, "checkout")?,
                total: money(invoice, "total", code, "checkout")?,
            },
        })
    })
}

pub fn read_operator(status: u16, body: &str) -> Result<OperatorInfo, Failure> {
    answer(status, body, "operator", |wire| {
        Ok(OperatorInfo {
            phone_number: wire.text("phone_number")?,
            currency: wire.text("currency")?,
            gateway_provider: wire.optional_text("gateway_provider")?,
            providers: wire
                .objects("providers")?
                .into_iter()
                .map(|provider| {
                    Ok(Provider {
                        gateway_provider: provider.text("gateway_provider")?,
                        provider_name: provider.text("provider_name")?,
                    })
                })
                .collect::<Result<_, Failure>>()?,
        })
    })
}

/// `{currency, amount, fee, fee_bearer, customer_pays, fx?: {to_currency,
/// rate, customer_pays}}`: the fee preview, and the receipt's amounts.
fn fees(wire: Object<'_>) -> Result<FeePreview, Failure> {
    const WHAT: &str = "fee preview";
    let code = currency(&wire.text("currency")?, WHAT)?;
    let fx = match wire.optional_object("fx")? {
        Some(fx) => Some(Conversion {
            customer_pays: money(fx, "customer_pays", currency(&fx.text("to_currency")?, WHAT)?, WHAT)?,
            rate: fx.text("rate")?,
        }),
        None => None,
    };
    Ok(FeePreview {
        amount: money(wire, "amount", code, WHAT)?,
        fee: money(wire, "fee", code, WHAT)?,
        fee_bearer: wire.text("fee_bearer")?,
        customer_pays: money(wire, "customer_pays", code, WHAT)?,
        fx,
    })
}

pub fn read_fees(status: u16, body: &str) -> Result<FeePreview, Failure> {
    answer(status, body, "fee preview", fees)
}

/// The collection answer (step 11): accepted, usually still PROCESSING.
pub fn read_collection(status: u16, body: &str) -> Result<Accepted, Failure> {
    answer(status, body, "collection", |wire| {
        Ok(Accepted {
            transaction_id: wire.text("reference_id")?,
            status: normalise(&wire.text("status")?),
            message: None,
            amount: wire.optional_text("amount")?,
            currency: wire.optional_text("currency")?,
            fee_amount: None,
            total_amount: None,
            created_at: wire.optional_text("created_at")?,
        })
    })
}

/// One status (polled, or pushed through the channel as the same JSON):
/// `{status, failure_code?, failure_message?}`.
pub fn read_status_body(body: &str) -> Result<StatusUpdate, Failure> {
    answer(200, body, "status", status_update)
}

fn status_update(wire: Object<'_>) -> Result<StatusUpdate, Failure> {
    let status = normalise(&wire.text("status")?);
    Ok(StatusUpdate {
        failure_code: wire.optional_text("failure_code")?.or_else(|| {
            (status == PaymentStatus::Failed).then(|| ErrorCode::GatewayError.as_str().to_owned())
        }),
        message: wire.optional_text("failure_message")?,
        status,
    })
}

/// A polled status; `None` when the reference is unknown (404): the
/// collection never reached the gateway, so sending it again is safe.
pub fn read_status(status: u16, body: &str) -> Result<Option<StatusUpdate>, Failure> {
    if status == 404 {
        return Ok(None);
    }
    answer(status, body, "status", status_update).map(Some)
}

/// The push channel's address (it carries the scoped, read-only key):
/// `{realtime_key: {stream_url}}`.
pub fn read_realtime_key(status: u16, body: &str) -> Result<String, Failure> {
    answer(status, body, "realtime key", |wire| {
        wire.object("realtime_key")?.text("stream_url")
    })
}

/// `{receipt: {reference_id, paid_at, items, provider: {provider_name,
/// phone_number}, ...the fee preview's fields}}`.
pub fn read_receipt(status: u16, body: &str) -> Result<Receipt, Failure> {
    answer(status, body, "receipt", |wire| {
        let receipt = wire.object("receipt")?;
        let provider = receipt.object("provider")?;
        let amounts = fees(receipt)?;
        Ok(Receipt {
            items: items(receipt, amounts.amount.currency(), "receipt")?,
            reference_id: receipt.text("reference_id")?,
            paid_at: receipt.text("paid_at")?,
            amounts,
            provider_name: provider.text("provider_name")?,
            phone_number: provider.text("phone_number")?,
        })
    })
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
