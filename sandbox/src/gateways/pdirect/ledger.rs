//! The simulator's memory: sessions, transactions and idempotency records,
//! behind one lock so that concurrent retries are decided one at a time.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::http::StatusCode;
use chrono::Utc;
use serde_json::{json, Value};

use super::error::PdirectError;
use super::sessions::Session;
use super::transactions::{Submission, Transaction};
use super::SANDBOX_MERCHANT_KEY;
use crate::ledger::LedgerEntry;
use crate::webhooks::Webhooks;

/// How long the simulated wallet takes to answer ("within a few seconds").
pub const SETTLE_AFTER: Duration = Duration::from_secs(2);

type Answer = (StatusCode, Value);

/// A request already answered: replayed for the same body, refused for
/// another.
struct Replay {
    request: Value,
    answer: Answer,
}

#[derive(Default)]
struct Ledger {
    sessions: HashMap<String, Session>,
    session_replays: HashMap<String, Replay>,
    /// Keyed by Idempotency-Key across all the merchant's sessions (the
    /// sandbox has one merchant): an attempt resent under a fresh session,
    /// after the page reloaded, is still the same attempt.
    collect_replays: HashMap<String, Replay>,
    /// How many collect requests arrived per Idempotency-Key, retries too.
    collect_requests: HashMap<String, u32>,
    transactions: Vec<Transaction>,
}

pub struct Simulator {
    ledger: Mutex<Ledger>,
    webhooks: Arc<Webhooks>,
}

impl Simulator {
    pub fn new(webhooks: Arc<Webhooks>) -> Self {
        let mut ledger = Ledger::default();
        let standing = Session::seed_example();
        ledger.sessions.insert(standing.token.clone(), standing);
        Simulator {
            ledger: Mutex::new(ledger),
            webhooks,
        }
    }

    fn ledger(&self) -> std::sync::MutexGuard<'_, Ledger> {
        self.ledger.lock().expect("pdirect ledger")
    }

    /// Mints a session for the merchant holding `merchant_key`, exactly
    /// once per Idempotency-Key.
    pub fn create_session(
        &self,
        merchant_key: &str,
        key: &str,
        request: &Value,
    ) -> Result<Answer, PdirectError> {
        if merchant_key != SANDBOX_MERCHANT_KEY {
            return Err(PdirectError::BadMerchantKey);
        }
        let mut ledger = self.ledger();
        if let Some(previous) = ledger.session_replays.get(key) {
            return Ok(replayed(previous, request));
        }
        let answer = match Session::mint(request, Utc::now()) {
            Ok(session) => {
                let body = session.created_body();
                ledger.sessions.insert(session.token.clone(), session);
                (StatusCode::OK, body)
            }
            Err(error) => (error.status(), error.body()),
        };
        let record = Replay {
            request: request.clone(),
            answer: answer.clone(),
        };
        ledger.session_replays.insert(key.to_owned(), record);
        Ok(answer)
    }

    /// Opens a wallet collection, exactly once per token and key.
    pub fn collect(
        self: &Arc<Self>,
        token: &str,
        key: &str,
        device_fingerprint: Option<String>,
        request: &Value,
    ) -> Result<Answer, PdirectError> {
        let mut ledger = self.ledger();
        let session = ledger
            .sessions
            .get(token)
            .ok_or(PdirectError::UnknownSession)?
            .clone();
        *ledger.collect_requests.entry(key.to_owned()).or_default() += 1;
        if let Some(previous) = ledger.collect_replays.get(key) {
            return Ok(replayed(previous, request));
        }
        let now = Utc::now();
        if session.is_expired(now) {
            return Err(PdirectError::SessionExpired);
        }
        let submission = Submission {
            idempotency_key: key,
            device_fingerprint,
        };
        let answer = match Transaction::open(&session, request, submission, now) {
            Ok(transaction) => {
                self.settle_later(transaction.id.clone());
                let body = transaction.accepted_body();
                ledger.transactions.push(transaction);
                (StatusCode::OK, body)
            }
            Err(error) => (error.status(), error.body()),
        };
        let record = Replay {
            request: request.clone(),
            answer: answer.clone(),
        };
        ledger.collect_replays.insert(key.to_owned(), record);
        Ok(answer)
    }

    /// A transaction's status, for any live session of the merchant (a page
    /// that reloaded reads its payment with a fresh one) or the merchant.
    pub fn status(
        &self,
        id: &str,
        credential: &str,
        as_merchant: bool,
    ) -> Result<Value, PdirectError> {
        let ledger = self.ledger();
        if !as_merchant && !ledger.sessions.contains_key(credential) {
            return Err(PdirectError::UnknownSession);
        }
        ledger
            .transactions
            .iter()
            .find(|txn| txn.id == id)
            .map(Transaction::status_body)
            .ok_or(PdirectError::UnknownTransaction)
    }

    /// Settles after [`SETTLE_AFTER`] and sends the webhook of the outcome.
    fn settle_later(self: &Arc<Self>, id: String) {
        let simulator = Arc::clone(self);
        tokio::spawn(async move {
            tokio::time::sleep(SETTLE_AFTER).await;
            let settled = {
                let mut ledger = simulator.ledger();
                let Some(txn) = ledger.transactions.iter_mut().find(|txn| txn.id == id) else {
                    return;
                };
                txn.settle(Utc::now())
                    .then(|| (txn.notify_url.clone(), txn.status_body()))
            };
            if let Some((Some(url), body)) = settled {
                let mut webhook = body;
                webhook["event"] = json!(format!(
                    "payment.{}",
                    webhook["status"].as_str().unwrap_or("")
                ));
                simulator.webhooks.send("pdirect", &url, webhook).await;
            }
        });
    }

    /// Every transaction, for the sandbox's ledger.
    pub fn ledger_entries(&self) -> Vec<LedgerEntry> {
        self.ledger()
            .transactions
            .iter()
            .map(|txn| LedgerEntry::new("pdirect", vec![txn.id.clone()], txn.status.as_str()))
            .collect()
    }

    /// Every transaction, without anything secret, for tests to count.
    pub fn ledger_summary(&self) -> Value {
        let ledger = self.ledger();
        let rows: Vec<Value> = ledger
            .transactions
            .iter()
            .map(|txn| {
                json!({
                    "transaction_id": txn.id,
                    "idempotency_key": txn.idempotency_key,
                    "requests": ledger.collect_requests.get(&txn.idempotency_key),
                    "device_fingerprint": txn.device_fingerprint,
                    "phone_number": txn.phone_number,
                    "status": txn.status.as_str(),
                })
            })
            .collect();
        json!({ "transactions": rows })
    }
}

/// The first answer for the same body; a conflict for a different one.
fn replayed(previous: &Replay, request: &Value) -> Answer {
    if previous.request == *request {
        previous.answer.clone()
    } else {
        let conflict = PdirectError::IdempotencyConflict;
        (conflict.status(), conflict.body())
    }
}
