//! Steps 11–12: collections and payouts executed under the caller's
//! `reference_id`, and their status. The same reference again returns the
//! execution already made: a client whose answer was lost can ask again
//! without ever moving money twice.

use chrono::{DateTime, Utc};
use pay_checkout::core::invoice::is_reference;
use pay_checkout::core::money::Currency;
use serde::Deserialize;
use serde_json::{json, Value};

use super::error::ApiError;
use super::fees;
use super::ledger::Ledger;
use crate::ids;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Collection,
    Payout,
}

impl Kind {
    pub fn name(self) -> &'static str {
        match self {
            Kind::Collection => "collection",
            Kind::Payout => "payout",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Execution {
    pub kind: Kind,
    pub reference_id: String,
    pub session_id: String,
    pub payment_account_id: String,
    pub currency: String,
    /// What moves, in `currency`.
    pub amount: String,
    /// `PROCESSING`, then `COMPLETED` or `FAILED`.
    pub status: &'static str,
    pub failure_code: Option<&'static str>,
    pub phone_number: String,
    pub created_at: String,
    pub updated_at: String,
}

impl Execution {
    pub fn to_json(&self) -> Value {
        json!({
            "reference_id": self.reference_id,
            "type": self.kind.name().to_uppercase(),
            "status": self.status,
            "session_id": self.session_id,
            "payment_account_id": self.payment_account_id,
            "amount": self.amount,
            "currency": self.currency,
            "created_at": self.created_at,
        })
    }

    /// The status answer, also what the realtime channel pushes.
    pub fn status_json(&self) -> Value {
        json!({
            "reference_id": self.reference_id,
            "status": self.status,
            "failure_code": self.failure_code,
            "failure_message": self.failure_code.map(|_| "the wallet has insufficient funds"),
            "updated_at": self.updated_at,
        })
    }
}

#[derive(Deserialize)]
pub struct NewExecution {
    session_id: Option<String>,
    payment_account_id: Option<String>,
    currency: Option<String>,
    reference_id: Option<String>,
}

/// What `execute` did: created a new execution, or found the one already
/// made under this reference.
pub enum Executed {
    Created(Value),
    Again(Value),
}

impl Ledger {
    pub fn execute(
        &mut self,
        kind: Kind,
        body: NewExecution,
        now: DateTime<Utc>,
    ) -> Result<Executed, ApiError> {
        let reference_id = body.reference_id.unwrap_or_default();
        // Any case of the canonical text form: the same check the element
        // applies to what it stores.
        if !is_reference(&reference_id.to_ascii_lowercase()) {
            return Err(ApiError::invalid(
                "reference_id",
                "reference_id is a UUID v4 you generate and store first",
            ));
        }
        let session_id = body.session_id.unwrap_or_default();
        if let Some(done) = self
            .executions
            .iter()
            .find(|e| e.reference_id == reference_id)
        {
            return if done.kind == kind && done.session_id == session_id {
                Ok(Executed::Again(done.to_json()))
            } else {
                Err(ApiError::conflict(
                    "REFERENCE_ID_IN_USE",
                    "this reference_id belongs to another execution",
                ))
            };
        }
        let session = self
            .session(
                &session_id,
                if kind == Kind::Collection {
                    "CHECKOUT"
                } else {
                    "PAYOUT"
                },
            )?
            .clone();
        let account_id = match kind {
            Kind::Collection => body.payment_account_id.unwrap_or_default(),
            Kind::Payout => session["payment_account_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned(),
        };
        let operation = if kind == Kind::Collection {
            "COLLECTION"
        } else {
            "PAYOUT"
        };
        let phone_number = self.account(&account_id, operation)?["phone_number"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        for other in self
            .executions
            .iter()
            .filter(|e| e.session_id == session_id)
        {
            match other.status {
                "COMPLETED" => {
                    return Err(ApiError::conflict(
                        "SESSION_ALREADY_PAID",
                        "this session is already paid",
                    ))
                }
                "PROCESSING" => {
                    return Err(ApiError::conflict(
                        "EXECUTION_IN_PROGRESS",
                        format!("{} is still PROCESSING", other.reference_id),
                    ))
                }
                _ => {}
            }
        }
        let (amount, currency) = match kind {
            Kind::Collection => self.collection_amount(&session, body.currency.as_deref())?,
            Kind::Payout => (
                session["amount"].as_str().unwrap_or_default().to_owned(),
                session["currency"].as_str().unwrap_or_default().to_owned(),
            ),
        };
        let at = ids::timestamp(now);
        let execution = Execution {
            kind,
            reference_id,
            session_id,
            payment_account_id: account_id,
            currency,
            amount,
            status: "PROCESSING",
            failure_code: None,
            phone_number,
            created_at: at.clone(),
            updated_at: at,
        };
        let answer = execution.to_json();
        self.executions.push(execution);
        Ok(Executed::Created(answer))
    }

    /// What the customer pays for a checkout session in `currency`: the
    /// invoice's currency, or another with a rate (converted).
    fn collection_amount(
        &self,
        session: &Value,
        currency: Option<&str>,
    ) -> Result<(String, String), ApiError> {
        let invoice = self.invoice(session["source_id"].as_str().unwrap_or_default())?;
        let pay_in = match currency {
            None => invoice.currency,
            Some(code) => Currency::from_code(code)
                .ok()
                .filter(|currency| fees::has_rate(*currency))
                .ok_or_else(|| {
                    ApiError::invalid("currency", format!("{code} cannot be collected"))
                })?,
        };
        let breakdown = fees::breakdown(invoice.total(), invoice.fee_bearer, pay_in)
            .ok_or_else(|| ApiError::invalid("currency", "no rate for this currency"))?;
        let paid = breakdown
            .fx
            .map_or(breakdown.customer_pays, |(_, converted)| converted);
        Ok((paid.to_decimal_string(), pay_in.code().to_owned()))
    }

    pub fn execution(&self, kind: Kind, reference_id: &str) -> Result<&Execution, ApiError> {
        self.executions
            .iter()
            .find(|e| e.kind == kind && e.reference_id == reference_id)
            .ok_or_else(|| ApiError::not_found(kind.name(), reference_id))
    }

    /// Settles a PROCESSING execution; the paid invoice becomes `PAID`.
    /// Returns the new status answer, or `None` if it was settled already.
    pub fn settle(
        &mut self,
        reference_id: &str,
        status: &'static str,
        failure_code: Option<&'static str>,
        now: DateTime<Utc>,
    ) -> Option<Value> {
        let execution = self
            .executions
            .iter_mut()
            .find(|e| e.reference_id == reference_id && e.status == "PROCESSING")?;
        execution.status = status;
        execution.failure_code = failure_code;
        execution.updated_at = ids::timestamp(now);
        let answer = execution.status_json();
        let session_id = execution.session_id.clone();
        if status == "COMPLETED" {
            let invoice_id = self
                .sessions
                .iter()
                .find(|s| s["id"] == session_id.as_str())
                .and_then(|s| s["source_id"].as_str())
                .map(str::to_owned);
            if let Some(invoice) = self
                .invoices
                .iter_mut()
                .find(|i| Some(&i.id) == invoice_id.as_ref())
            {
                invoice.status = "PAID";
            }
        }
        Some(answer)
    }
}
