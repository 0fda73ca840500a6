//! `GET /sandbox/ledger`: every payment the five simulators hold, in one
//! shape, so a test can compare what the gateways did with what the pages
//! reported (the chaos run counts double charges and unreported outcomes
//! from it).
//!
//! Each entry: `gateway`, `ids` (every id the gateway gave it: a page
//! reports one of them) and `status`, one of `pending`, `approved`,
//! `failed`, `cancelled` or `expired`; `approved` means money moved.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};

use crate::gateways::Simulators;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LedgerEntry {
    pub gateway: &'static str,
    pub ids: Vec<String>,
    pub status: &'static str,
}

impl LedgerEntry {
    pub fn new(gateway: &'static str, ids: Vec<String>, status: &'static str) -> Self {
        let ids = ids.into_iter().filter(|id| !id.is_empty()).collect();
        LedgerEntry {
            gateway,
            ids,
            status,
        }
    }
}

pub fn routes(simulators: Simulators) -> Router {
    Router::new()
        .route("/sandbox/ledger", get(ledger))
        .with_state(simulators)
}

async fn ledger(State(simulators): State<Simulators>) -> Json<Value> {
    Json(json!({ "entries": entries(&simulators) }))
}

/// Every gateway's payments, in gateway order, each in creation order.
pub fn entries(simulators: &Simulators) -> Vec<LedgerEntry> {
    let mut all = simulators.pdirect.ledger_entries();
    all.extend(simulators.universal.ledger_entries());
    all.extend(simulators.invoice.ledger_entries());
    all.extend(simulators.paygate.ledger_entries());
    all.extend(simulators.moment.ledger_entries());
    all
}
