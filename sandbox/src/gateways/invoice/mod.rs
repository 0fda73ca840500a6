//! The invoice gateway simulator under `/invoice/v1`: client-credential
//! tokens, parties, counterparties, invoices and line items, fee and
//! operator predictions, checkout and payout sessions, payment accounts,
//! collections and payouts keyed by the caller's `reference_id`, their
//! status (polled or pushed) and the receipt.
//!
//! Test data: a collection from a number ending `0002` fails with
//! `INSUFFICIENT_FUNDS`, one ending `0003` stays PROCESSING; any other
//! completes a few seconds after it is executed.

mod api;
mod controls;
mod error;
mod executions;
mod fees;
mod ledger;
pub mod operators;
pub mod predictions;
mod realtime;
mod records;
mod tokens;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::Router;

use crate::ledger::LedgerEntry;
use chrono::Utc;

pub use error::ApiError;
pub use executions::{Executed, Kind};
pub use fees::FeeBearer;
pub use ledger::Ledger;
pub use realtime::Change;
pub use tokens::{CLIENT_ID, CLIENT_SECRET, LIFETIME_SECONDS};

#[derive(Default)]
pub struct Simulator {
    tokens: Mutex<tokens::Tokens>,
    ledger: Mutex<Ledger>,
    realtime: realtime::Realtime,
}

pub fn routes(simulator: Arc<Simulator>) -> Router {
    api::routes()
        .merge(controls::routes())
        .with_state(simulator)
}

impl Simulator {
    /// Step 1.
    pub fn obtain_token(
        &self,
        client_id: &str,
        client_secret: &str,
    ) -> Result<serde_json::Value, ApiError> {
        self.tokens
            .lock()
            .expect("tokens")
            .obtain(client_id, client_secret, Utc::now())
    }

    pub fn check_token(&self, token: &str) -> Result<(), ApiError> {
        self.tokens.lock().expect("tokens").check(token, Utc::now())
    }

    /// A sandbox control: every token issued so far stops working.
    pub fn expire_tokens(&self) {
        self.tokens.lock().expect("tokens").expire_all(Utc::now());
    }

    /// Every collection, for the sandbox's ledger, by `reference_id`.
    pub fn ledger_entries(&self) -> Vec<LedgerEntry> {
        self.with_ledger(|ledger| {
            ledger
                .executions
                .iter()
                .filter(|execution| execution.kind == Kind::Collection)
                .map(|execution| {
                    let status = match execution.status {
                        "COMPLETED" => "approved",
                        "FAILED" => "failed",
                        _ => "pending",
                    };
                    LedgerEntry::new("invoice", vec![execution.reference_id.clone()], status)
                })
                .collect()
        })
    }

    /// Runs `change` on the records (the caller checked the token).
    pub fn with_ledger<T>(&self, change: impl FnOnce(&mut Ledger) -> T) -> T {
        change(&mut self.ledger.lock().expect("invoice ledger"))
    }

    /// Step 11 (or a payout): a new execution settles by itself later, as
    /// the customer's wallet answers.
    pub fn execute(
        self: &Arc<Self>,
        kind: Kind,
        body: executions::NewExecution,
    ) -> Result<Executed, ApiError> {
        let executed = self.with_ledger(|ledger| ledger.execute(kind, body, Utc::now()))?;
        if let Executed::Created(execution) = &executed {
            let reference = execution["reference_id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            let phone = self.with_ledger(|ledger| {
                ledger
                    .execution(kind, &reference)
                    .map(|e| e.phone_number.clone())
            })?;
            let outcome = match (kind, phone.get(phone.len().saturating_sub(4)..)) {
                (Kind::Collection, Some("0002")) => Some(("FAILED", Some("INSUFFICIENT_FUNDS"), 2)),
                (Kind::Collection, Some("0003")) => None,
                (Kind::Collection, _) => Some(("COMPLETED", None, 3)),
                (Kind::Payout, _) => Some(("COMPLETED", None, 2)),
            };
            if let Some((status, failure, seconds)) = outcome {
                let simulator = self.clone();
                tokio::spawn(async move {
                    tokio::time::sleep(Duration::from_secs(seconds)).await;
                    simulator.settle(&reference, status, failure);
                });
            }
        }
        Ok(executed)
    }

    /// Settles an execution still PROCESSING and pushes the change.
    pub fn settle(
        &self,
        reference: &str,
        status: &'static str,
        failure: Option<&'static str>,
    ) -> bool {
        let settled =
            self.with_ledger(|ledger| ledger.settle(reference, status, failure, Utc::now()));
        if let Some(answer) = &settled {
            self.realtime
                .publish(Change::Status(reference.to_owned(), answer.clone()));
        }
        settled.is_some()
    }

    /// The reference a realtime key may watch.
    fn realtime_reference(&self, key: &str) -> Result<String, ApiError> {
        self.realtime.reference_for(key, Utc::now())
    }

    /// A realtime key for a collection the caller made.
    pub fn realtime_key(
        &self,
        reference: &str,
        origin: &str,
    ) -> Result<serde_json::Value, ApiError> {
        self.with_ledger(|ledger| ledger.execution(Kind::Collection, reference).map(|_| ()))?;
        Ok(self.realtime.issue(reference, origin, Utc::now()))
    }
}

/// A request carrying a valid Bearer access token: every API handler but
/// the token endpoint takes one, so none can forget to check.
pub struct Bearer;

impl FromRequestParts<Arc<Simulator>> for Bearer {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        simulator: &Arc<Simulator>,
    ) -> Result<Self, ApiError> {
        let token = parts
            .headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or_default();
        simulator.check_token(token).map(|()| Bearer)
    }
}
