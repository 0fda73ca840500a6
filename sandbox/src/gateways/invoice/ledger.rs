//! Everything the invoice gateway has recorded, and steps 9–10 (checkout
//! and payout sessions, payment accounts) plus step 13 (the receipt).

use chrono::{DateTime, Utc};
use pay_checkout::core::money::{Currency, Money};
use pay_checkout::core::phone::masked;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::ApiError;
use super::executions::Execution;
use super::fees;
use super::operators::{self, MOBILE_MONEY};
use super::predictions;
use super::records::Invoice;
use crate::ids;

#[derive(Default)]
pub struct Ledger {
    pub parties: Vec<Value>,
    pub counterparties: Vec<Value>,
    pub invoices: Vec<Invoice>,
    /// Checkout sessions (`source_type: INVOICE`) and payout sessions.
    pub sessions: Vec<Value>,
    pub payment_accounts: Vec<Value>,
    pub executions: Vec<Execution>,
}

#[derive(Deserialize)]
pub struct NewCheckoutSession {
    source_id: Option<String>,
    source_type: Option<String>,
}

#[derive(Deserialize)]
pub struct NewPayoutSession {
    wallet_id: Option<String>,
    payment_account_id: Option<String>,
    amount: Option<String>,
    currency: Option<String>,
    expires_at: Option<String>,
}

#[derive(Deserialize)]
pub struct NewPaymentAccount {
    phone_number: Option<String>,
    gateway_provider: Option<String>,
    counterparty_id: Option<String>,
}

impl Ledger {
    pub fn create_checkout_session(
        &mut self,
        body: NewCheckoutSession,
        now: DateTime<Utc>,
    ) -> Result<Value, ApiError> {
        if body.source_type.as_deref() != Some("INVOICE") {
            return Err(ApiError::invalid("source_type", "source_type is INVOICE"));
        }
        let source_id = body.source_id.unwrap_or_default();
        let invoice = self
            .invoice(&source_id)
            .map_err(|_| ApiError::invalid("source_id", format!("no invoice {source_id}")))?;
        if invoice.status != "ACTIVE" {
            return Err(ApiError::conflict(
                "INVOICE_NOT_ACTIVE",
                "publish the invoice before opening a checkout",
            ));
        }
        let session = json!({
            "id": format!("cs_{}", ids::hex(20)),
            "type": "CHECKOUT",
            "source_id": source_id,
            "source_type": "INVOICE",
            "amount": invoice.total().to_decimal_string(),
            "currency": invoice.currency.code(),
            "status": "OPEN",
            "created_at": ids::timestamp(now),
        });
        self.sessions.push(session.clone());
        Ok(json!({ "session": session }))
    }

    pub fn create_payout_session(&mut self, body: NewPayoutSession) -> Result<Value, ApiError> {
        let wallet_id = body
            .wallet_id
            .filter(|id| !id.is_empty())
            .ok_or_else(|| ApiError::invalid("wallet_id", "wallet_id is required"))?;
        let account_id = body.payment_account_id.unwrap_or_default();
        self.account(&account_id, "PAYOUT")?;
        let currency = Currency::from_code(body.currency.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::invalid("currency", e.to_string()))?;
        let amount = Money::parse(body.amount.as_deref().unwrap_or_default(), currency)
            .map_err(|e| ApiError::invalid("amount", e.to_string()))?;
        let expires_at = body
            .expires_at
            .filter(|at| DateTime::parse_from_rfc3339(at).is_ok())
            .ok_or_else(|| ApiError::invalid("expires_at", "expires_at is an RFC 3339 time"))?;
        let session = json!({
            "id": format!("ps_{}", ids::hex(20)),
            "type": "PAYOUT",
            "wallet_id": wallet_id,
            "payment_account_id": account_id,
            "amount": amount.to_decimal_string(),
            "currency": currency.code(),
            "expires_at": expires_at,
            "status": "OPEN",
        });
        self.sessions.push(session.clone());
        Ok(json!({ "session": session }))
    }

    pub fn session(&self, id: &str, kind: &str) -> Result<&Value, ApiError> {
        self.sessions
            .iter()
            .find(|session| session["id"] == id && session["type"] == kind)
            .ok_or_else(|| {
                ApiError::invalid(
                    "session_id",
                    format!("no {} session {id}", kind.to_lowercase()),
                )
            })
    }

    pub fn create_payment_account(
        &mut self,
        operation_type: &str,
        body: NewPaymentAccount,
    ) -> Result<Value, ApiError> {
        if !matches!(operation_type, "COLLECTION" | "PAYOUT") {
            return Err(ApiError::invalid(
                "operation_type",
                "operation_type is COLLECTION or PAYOUT",
            ));
        }
        let phone = predictions::e164(body.phone_number.as_deref().unwrap_or_default())?;
        let provider = operators::find(body.gateway_provider.as_deref().unwrap_or_default())
            .filter(|provider| operators::serves(*provider, &phone))
            .ok_or_else(|| {
                ApiError::invalid(
                    "gateway_provider",
                    "gateway_provider does not serve this number's country",
                )
            })?;
        let account = json!({
            "id": format!("pa_{}", ids::hex(16)),
            "operation_type": operation_type,
            "payment_method": MOBILE_MONEY,
            "phone_number": phone,
            "gateway_provider": provider.gateway_provider,
            "provider_name": provider.provider_name,
            "counterparty_id": body.counterparty_id,
        });
        self.payment_accounts.push(account.clone());
        Ok(json!({ "payment_account": account }))
    }

    pub fn account(&self, id: &str, operation_type: &str) -> Result<&Value, ApiError> {
        self.payment_accounts
            .iter()
            .find(|account| account["id"] == id && account["operation_type"] == operation_type)
            .ok_or_else(|| {
                ApiError::invalid(
                    "payment_account_id",
                    format!("no {} payment account {id}", operation_type.to_lowercase()),
                )
            })
    }

    /// Step 13: only once a collection for the invoice is COMPLETED.
    pub fn receipt(&self, invoice_id: &str) -> Result<Value, ApiError> {
        let invoice = self.invoice(invoice_id)?;
        let paid = self.executions.iter().find(|execution| {
            execution.status == "COMPLETED"
                && self.sessions.iter().any(|s| {
                    s["id"] == execution.session_id.as_str() && s["source_id"] == invoice_id
                })
        });
        let Some(paid) = paid else {
            return Err(ApiError::conflict(
                "RECEIPT_NOT_AVAILABLE",
                "the receipt exists once a collection is COMPLETED",
            ));
        };
        let account = self.account(&paid.payment_account_id, "COLLECTION")?;
        let pay_in = Currency::from_code(&paid.currency).unwrap_or(invoice.currency);
        let breakdown = fees::breakdown(invoice.total(), invoice.fee_bearer, pay_in)
            .ok_or_else(|| ApiError::conflict("FX_UNAVAILABLE", "no rate for this currency"))?;
        let mut receipt = json!({
            "invoice_id": invoice.id,
            "reference_id": paid.reference_id,
            "status": paid.status,
            "paid_at": paid.updated_at,
            "note": invoice.note,
            "items": invoice.items.iter().map(|item| item.to_json()).collect::<Vec<_>>(),
            "provider": {
                "payment_method": MOBILE_MONEY,
                "gateway_provider": account["gateway_provider"],
                "provider_name": account["provider_name"],
                "phone_number": masked(account["phone_number"].as_str().unwrap_or_default()),
            },
        });
        if let (Value::Object(receipt), Value::Object(amounts)) =
            (&mut receipt, breakdown.to_json())
        {
            receipt.extend(amounts);
        }
        Ok(json!({ "receipt": receipt }))
    }
}
