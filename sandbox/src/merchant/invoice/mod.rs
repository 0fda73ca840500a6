//! The merchant backend for the invoice gateway.
//!
//! `POST /merchant/invoice/checkout` runs the guide's steps 1–6 and 9 for a
//! cart (token, party, counterparty, invoice, items, publish, checkout
//! session) and gives the browser only the checkout session id, the
//! invoice's summary and a credential scoped to this checkout. The
//! customer-facing steps go through [`customer`] routes that check that
//! credential and call the gateway with the backend's own token.

mod checkout;
mod client;
mod credential;
mod customer;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use chrono::Utc;

use crate::gateways::invoice::{ApiError, Simulator};
use client::GatewayClient;

/// One customer's checkout, as the backend remembers it.
#[derive(Clone, Debug)]
struct Checkout {
    session_id: String,
    invoice_id: String,
    counterparty_id: String,
    /// What the browser is shown (`invoice` in the checkout answer).
    summary: serde_json::Value,
    /// Every reference the browser executed a collection under.
    references: Vec<String>,
    /// Payment accounts already registered, by `phone|provider`.
    accounts: HashMap<String, String>,
}

pub struct Backend {
    gateway: GatewayClient,
    /// By checkout session id.
    checkouts: Mutex<HashMap<String, Checkout>>,
    /// Cart (order) id → checkout session id: the same order reuses its
    /// checkout, so a reloaded page finds its payment again.
    carts: Mutex<HashMap<String, String>>,
}

pub fn routes(gateway: Arc<Simulator>) -> Router {
    let backend = Arc::new(Backend {
        gateway: GatewayClient::new(gateway),
        checkouts: Mutex::default(),
        carts: Mutex::default(),
    });
    Router::new()
        .route(
            "/merchant/invoice/checkout",
            post(checkout::create).get(checkout::summary),
        )
        .route("/merchant/invoice/operator", get(customer::operator))
        .route("/merchant/invoice/fees", get(customer::fees))
        .route("/merchant/invoice/collect", post(customer::collect))
        .route(
            "/merchant/invoice/status/{reference_id}",
            get(customer::status),
        )
        .route(
            "/merchant/invoice/realtime-key",
            post(customer::realtime_key),
        )
        .route(
            "/merchant/invoice/receipt/{reference_id}",
            get(customer::receipt),
        )
        .with_state(backend)
}

impl Backend {
    /// The checkout the request's credential opens.
    fn checkout_for(&self, headers: &HeaderMap) -> Result<Checkout, ApiError> {
        let presented = headers
            .get("authorization")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .unwrap_or_default();
        let session_id =
            credential::verify(presented, Utc::now()).map_err(|refused| match refused {
                credential::Refused::Expired => ApiError::unauthorized(
                    "SESSION_EXPIRED",
                    "the checkout credential expired; fetch a new one",
                ),
                credential::Refused::Invalid => ApiError::unauthorized(
                    "INVALID_CREDENTIAL",
                    "a checkout credential is required",
                ),
            })?;
        self.checkouts
            .lock()
            .expect("checkouts")
            .get(&session_id)
            .cloned()
            .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "no such checkout"))
    }

    fn update(&self, session_id: &str, change: impl FnOnce(&mut Checkout)) {
        if let Some(checkout) = self
            .checkouts
            .lock()
            .expect("checkouts")
            .get_mut(session_id)
        {
            change(checkout);
        }
    }
}
