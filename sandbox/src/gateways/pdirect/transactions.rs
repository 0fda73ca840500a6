//! Wallet collections: validated, priced, and settled by the test data.

use chrono::{DateTime, Utc};
use pay_checkout::core::money::Money;
use serde_json::{json, Value};

use super::error::PdirectError;
use super::fields::{invalid, is_e164, is_email, Fields};
use super::sessions::Session;
use super::wallet::{self, Outcome};
use crate::ids;

/// The sandbox's fee: 4 % of the amount, rounded half up (12.50 → 0.50).
const FEE_PERCENT: u64 = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Pending,
    Approved,
    Failed,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pending => "pending",
            Status::Approved => "approved",
            Status::Failed => "failed",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Transaction {
    pub id: String,
    pub idempotency_key: String,
    pub device_fingerprint: Option<String>,
    pub phone_number: String,
    pub notify_url: Option<String>,
    pub outcome: Outcome,
    pub status: Status,
    pub amount: Money,
    pub currency_text: String,
    pub customer_reference: String,
    pub fee: Money,
    pub total: Money,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the caller sent besides the body.
pub struct Submission<'a> {
    pub idempotency_key: &'a str,
    pub device_fingerprint: Option<String>,
}

impl Transaction {
    /// Validates a collect body against its session and opens a pending
    /// transaction. The wallet PIN decides the outcome and is not kept.
    pub fn open(
        session: &Session,
        body: &Value,
        submission: Submission,
        now: DateTime<Utc>,
    ) -> Result<Transaction, PdirectError> {
        let fields = Fields::of(body)?;
        session.check_binding(&fields)?;
        fields.one_of("payment_method", &["wallet"])?;
        let user_info = fields.one_of("user_info", &["full", "minimal"])?;
        fields.one_of("payment_method_info", &["full", "minimal"])?;
        let fee_covered_by = fields.one_of("fee_covered_by", &["buyer", "merchant"])?;
        fields.one_of(
            "delivery_behaviour",
            &["direct_delivery", "deferred_delivery"],
        )?;
        let notify_url = fields.optional("notify_url")?;
        if let Some(url) = &notify_url {
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(invalid(
                    "notify_url",
                    "notify_url must be an http(s) URL".into(),
                ));
            }
        }
        if user_info == "full" {
            fields.required("first_name")?;
            fields.required("last_name")?;
            let email = fields.required("email")?;
            if !is_email(&email) {
                return Err(invalid("email", "email is not a valid address".into()));
            }
        }
        let phone_number = fields.required("phone_number")?;
        if !is_e164(&phone_number) {
            return Err(invalid(
                "phone_number",
                "phone_number must be in E.164 form, like +243998857000".into(),
            ));
        }
        let wallet_number = fields.required("wallet_number")?;
        if !(8..=20).contains(&wallet_number.len())
            || !wallet_number.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(invalid(
                "wallet_number",
                "wallet_number must be 8 to 20 digits".into(),
            ));
        }
        let pin = fields.required("wallet_pin")?;
        if pin.len() != 6 || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid("wallet_pin", "wallet_pin must be 6 digits".into()));
        }

        let amount = session.amount;
        let fee_units = (amount.minor_units() * FEE_PERCENT + 50) / 100;
        let fee = Money::from_minor_units(fee_units, amount.currency());
        let total_units = match fee_covered_by.as_str() {
            "buyer" => amount.minor_units() + fee_units,
            _ => amount.minor_units(),
        };
        Ok(Transaction {
            id: format!("txn_{}", ids::hex(22)),
            idempotency_key: submission.idempotency_key.to_owned(),
            device_fingerprint: submission.device_fingerprint,
            outcome: wallet::outcome(&phone_number, &pin),
            phone_number,
            notify_url,
            status: Status::Pending,
            amount,
            currency_text: session.currency_text.clone(),
            customer_reference: session.customer_reference.clone(),
            fee,
            total: Money::from_minor_units(total_units, amount.currency()),
            created_at: now,
            updated_at: now,
        })
    }

    /// Applies the test data's outcome; `false` for one that never resolves.
    pub fn settle(&mut self, now: DateTime<Utc>) -> bool {
        self.status = match self.outcome {
            Outcome::Approve => Status::Approved,
            Outcome::Decline | Outcome::InsufficientFunds => Status::Failed,
            Outcome::NeverResolve => return false,
        };
        self.updated_at = now;
        true
    }

    /// The collect answer: the seed's fields, status pending.
    pub fn accepted_body(&self) -> Value {
        json!({
            "success": true,
            "transaction_id": self.id,
            "status": self.status.as_str(),
            "message": "Payment request received",
            "amount": self.amount.to_decimal_string(),
            "currency": self.currency_text,
            "fee_amount": self.fee.to_decimal_string(),
            "total_amount": self.total.to_decimal_string(),
            "created_at": ids::timestamp(self.created_at),
        })
    }

    /// The status answer and the webhook body: the collect fields, the
    /// current status, and the failure code once it failed.
    pub fn status_body(&self) -> Value {
        let mut body = self.accepted_body();
        body["message"] = json!(match self.status {
            Status::Pending => "Awaiting approval on the customer's phone",
            _ => self.outcome.message(),
        });
        body["customer_reference"] = json!(self.customer_reference);
        body["updated_at"] = json!(ids::timestamp(self.updated_at));
        if self.status == Status::Failed {
            body["error_code"] = json!(self.outcome.failure_code());
        }
        body
    }
}
