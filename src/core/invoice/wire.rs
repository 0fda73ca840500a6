//! What the merchant backend's invoice routes answer, read into typed
//! values: amounts become [`Money`] in minor units at this boundary.

use serde::de::DeserializeOwned;
use serde::Deserialize;

use crate::core::adapters::{pdirect::normalise, Accepted, Failure, StatusUpdate};
use crate::core::events::ErrorCode;
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
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Provider {
    pub gateway_provider: String,
    pub provider_name: String,
}

/// `mmo-provider-info`: the recommended operator and the alternatives.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
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

fn malformed(what: &str) -> Failure {
    Failure::Malformed {
        detail: format!("the merchant backend sent an unreadable {what}"),
    }
}

#[derive(Deserialize)]
struct ErrorWire {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct ErrorBody {
    code: String,
    message: String,
    field: Option<String>,
}

/// A 2xx body as `T`; anything else as the failure it means.
fn read<T: DeserializeOwned>(status: u16, body: &str, what: &str) -> Result<T, Failure> {
    if (200..300).contains(&status) {
        return serde_json::from_str(body).map_err(|_| malformed(what));
    }
    let error = serde_json::from_str::<ErrorWire>(body)
        .ok()
        .map(|wire| wire.error);
    match (status, error) {
        (401, Some(error)) if error.code == "SESSION_EXPIRED" => Err(Failure::SessionExpired),
        (500.., _) | (408 | 429, _) => Err(Failure::Unreachable {
            detail: format!("the merchant backend answered HTTP {status}"),
        }),
        (_, Some(error)) => Err(Failure::Refused {
            retryable: status != 401,
            code: error.code,
            message: error.message,
            field: error.field,
        }),
        (_, None) => Err(malformed(what)),
    }
}

#[derive(Deserialize)]
struct ItemWire {
    name: String,
    qty: u64,
    total: String,
}

fn money(value: &str, currency: Currency, what: &str) -> Result<Money, Failure> {
    match Money::parse(value, currency) {
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

fn items(wire: Vec<ItemWire>, currency: Currency) -> Result<Vec<LineItem>, Failure> {
    wire.into_iter()
        .map(|item| {
            Ok(LineItem {
                total: money(&item.total, currency, "line item")?,
                name: item.name,
                qty: item.qty,
            })
        })
        .collect()
}

#[derive(Deserialize)]
struct CheckoutWire {
    checkout_session_id: String,
    /// Absent when the page already holds the credential (`configs.token`).
    #[serde(default)]
    credential: String,
    invoice: InvoiceWire,
}

#[derive(Deserialize)]
struct InvoiceWire {
    currency: String,
    #[serde(default)]
    note: String,
    items: Vec<ItemWire>,
    total: String,
}

pub fn read_checkout(status: u16, body: &str) -> Result<Checkout, Failure> {
    let wire: CheckoutWire = read(status, body, "checkout")?;
    let code = currency(&wire.invoice.currency, "checkout")?;
    Ok(Checkout {
        session_id: wire.checkout_session_id,
        credential: wire.credential,
        invoice: InvoiceSummary {
            note: wire.invoice.note,
            items: items(wire.invoice.items, code)?,
            total: money(&wire.invoice.total, code, "checkout")?,
        },
    })
}

pub fn read_operator(status: u16, body: &str) -> Result<OperatorInfo, Failure> {
    read(status, body, "operator")
}

#[derive(Deserialize)]
struct FeesWire {
    currency: String,
    amount: String,
    fee: String,
    fee_bearer: String,
    customer_pays: String,
    fx: Option<FxWire>,
}

#[derive(Deserialize)]
struct FxWire {
    to_currency: String,
    rate: String,
    customer_pays: String,
}

fn fees(wire: FeesWire) -> Result<FeePreview, Failure> {
    let code = currency(&wire.currency, "fee preview")?;
    let fx = match wire.fx {
        Some(fx) => Some(Conversion {
            customer_pays: money(
                &fx.customer_pays,
                currency(&fx.to_currency, "fee preview")?,
                "fee preview",
            )?,
            rate: fx.rate,
        }),
        None => None,
    };
    Ok(FeePreview {
        amount: money(&wire.amount, code, "fee preview")?,
        fee: money(&wire.fee, code, "fee preview")?,
        fee_bearer: wire.fee_bearer,
        customer_pays: money(&wire.customer_pays, code, "fee preview")?,
        fx,
    })
}

pub fn read_fees(status: u16, body: &str) -> Result<FeePreview, Failure> {
    fees(read(status, body, "fee preview")?)
}

#[derive(Deserialize)]
struct ExecutionWire {
    reference_id: String,
    status: String,
    amount: Option<String>,
    currency: Option<String>,
    created_at: Option<String>,
}

/// The collection answer (step 11): accepted, usually still PROCESSING.
pub fn read_collection(status: u16, body: &str) -> Result<Accepted, Failure> {
    let wire: ExecutionWire = read(status, body, "collection")?;
    Ok(Accepted {
        transaction_id: wire.reference_id,
        status: normalise(&wire.status),
        message: None,
        amount: wire.amount,
        currency: wire.currency,
        fee_amount: None,
        total_amount: None,
        created_at: wire.created_at,
    })
}

#[derive(Deserialize)]
struct StatusWire {
    status: String,
    failure_code: Option<String>,
    failure_message: Option<String>,
}

/// One status (polled, or pushed through the channel as the same JSON).
pub fn read_status_body(body: &str) -> Result<StatusUpdate, Failure> {
    let wire: StatusWire = serde_json::from_str(body).map_err(|_| malformed("status"))?;
    let status = normalise(&wire.status);
    Ok(StatusUpdate {
        failure_code: wire.failure_code.or_else(|| {
            (status == PaymentStatus::Failed).then(|| ErrorCode::GatewayError.as_str().to_owned())
        }),
        message: wire.failure_message,
        status,
    })
}

/// A polled status; `None` when the reference is unknown (404): the
/// collection never reached the gateway, so sending it again is safe.
pub fn read_status(status: u16, body: &str) -> Result<Option<StatusUpdate>, Failure> {
    if status == 404 {
        return Ok(None);
    }
    read::<serde_json::Value>(status, body, "status")?;
    read_status_body(body).map(Some)
}

#[derive(Deserialize)]
struct RealtimeWire {
    realtime_key: RealtimeKeyWire,
}

#[derive(Deserialize)]
struct RealtimeKeyWire {
    stream_url: String,
}

/// The push channel's address (it carries the scoped, read-only key).
pub fn read_realtime_key(status: u16, body: &str) -> Result<String, Failure> {
    read::<RealtimeWire>(status, body, "realtime key").map(|wire| wire.realtime_key.stream_url)
}

#[derive(Deserialize)]
struct ReceiptWire {
    receipt: ReceiptBody,
}

#[derive(Deserialize)]
struct ReceiptBody {
    reference_id: String,
    paid_at: String,
    items: Vec<ItemWire>,
    provider: ProviderWire,
    #[serde(flatten)]
    amounts: FeesWire,
}

#[derive(Deserialize)]
struct ProviderWire {
    provider_name: String,
    phone_number: String,
}

pub fn read_receipt(status: u16, body: &str) -> Result<Receipt, Failure> {
    let wire: ReceiptWire = read(status, body, "receipt")?;
    let receipt = wire.receipt;
    let amounts = fees(receipt.amounts)?;
    Ok(Receipt {
        items: items(receipt.items, amounts.amount.currency())?,
        reference_id: receipt.reference_id,
        paid_at: receipt.paid_at,
        amounts,
        provider_name: receipt.provider.provider_name,
        phone_number: receipt.provider.phone_number,
    })
}

#[cfg(test)]
#[path = "wire_tests.rs"]
mod tests;
