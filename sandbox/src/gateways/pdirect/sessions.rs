//! Sessions minted by the merchant backend: bound to an amount, a currency
//! and a customer reference, valid for `ttl_seconds`.

use chrono::{DateTime, Duration, Utc};
use pay_checkout::core::money::{Currency, Money};
use serde_json::{json, Value};

use super::error::PdirectError;
use super::fields::{invalid, Fields};
use crate::ids;

pub const DEFAULT_TTL_SECONDS: u64 = 1800;
const MAX_TTL_SECONDS: u64 = 86_400;

#[derive(Clone, Debug)]
pub struct Session {
    pub id: String,
    pub token: String,
    /// As the merchant sent it (`"usd"`): echoed back as is.
    pub currency_text: String,
    pub amount: Money,
    pub customer_reference: String,
    pub issued_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

impl Session {
    /// Checks a create-session body and mints a session from it.
    pub fn mint(body: &Value, now: DateTime<Utc>) -> Result<Session, PdirectError> {
        let fields = Fields::of(body)?;
        let currency_text = fields.required("currency")?;
        let currency = Currency::from_code(&currency_text)
            .map_err(|error| invalid("currency", format!("currency: {error}")))?;
        let amount_text = fields.required("amount")?;
        let amount = Money::parse(&amount_text, currency)
            .map_err(|error| invalid("amount", format!("amount: {error}")))?;
        let customer_reference = fields.required("customer_reference")?;
        let ttl = fields
            .optional_u64("ttl_seconds")?
            .unwrap_or(DEFAULT_TTL_SECONDS);
        if !(1..=MAX_TTL_SECONDS).contains(&ttl) {
            return Err(invalid(
                "ttl_seconds",
                format!("ttl_seconds must be from 1 to {MAX_TTL_SECONDS}"),
            ));
        }
        Ok(Session {
            id: ids::hex(24),
            token: format!("sess_{}", ids::alphanumeric(36)),
            currency_text,
            amount,
            customer_reference,
            issued_at: now,
            expires_at: now + Duration::seconds(ttl as i64),
        })
    }

    /// The seed's example session, `sess_AbCdEf…`, bound to its example
    /// values and standing for good, so the seed's own collect request
    /// works verbatim against the sandbox.
    pub fn seed_example() -> Session {
        let issued_at = DateTime::parse_from_rfc3339("2026-05-05T10:15:00Z")
            .expect("a valid timestamp")
            .with_timezone(&Utc);
        let usd = Currency::from_code("usd").expect("USD is known");
        Session {
            id: "607f1f77bcf86cd799439011".into(),
            token: "sess_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789".into(),
            currency_text: "usd".into(),
            amount: Money::from_minor_units(1250, usd),
            customer_reference: "cust_abc123".into(),
            issued_at,
            expires_at: DateTime::<Utc>::MAX_UTC,
        }
    }

    pub fn is_expired(&self, now: DateTime<Utc>) -> bool {
        now >= self.expires_at
    }

    /// The answer to create-session, exactly the seed's four fields.
    pub fn created_body(&self) -> Value {
        json!({
            "session_id": self.id,
            "session_token": self.token,
            "issued_at": ids::timestamp(self.issued_at),
            "expires_at": ids::timestamp(self.expires_at),
        })
    }

    /// Bound values may be repeated in a collect body, but must not drift.
    pub fn check_binding(&self, fields: &Fields) -> Result<(), PdirectError> {
        if let Some(amount) = fields.optional("amount")? {
            let same = Money::parse(&amount, self.amount.currency())
                .is_ok_and(|amount| amount == self.amount);
            if !same {
                return Err(PdirectError::BindingDrift { field: "amount" });
            }
        }
        if let Some(currency) = fields.optional("currency")? {
            if !currency.eq_ignore_ascii_case(&self.currency_text) {
                return Err(PdirectError::BindingDrift { field: "currency" });
            }
        }
        if let Some(reference) = fields.optional("customer_reference")? {
            if reference != self.customer_reference {
                return Err(PdirectError::BindingDrift {
                    field: "customer_reference",
                });
            }
        }
        Ok(())
    }
}
