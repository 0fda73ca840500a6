//! `POST /merchant/pdirect/session`: mints a PDirect session server-side
//! with the merchant key and a fresh Idempotency-Key, and hands the browser
//! only what it needs: `{session_token, expires_at}`.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::gateways::pdirect::{Simulator, SANDBOX_MERCHANT_KEY};

pub fn routes(simulator: Arc<Simulator>) -> Router {
    Router::new()
        .route("/merchant/pdirect/session", post(session))
        .with_state(simulator)
}

/// What the checkout sends: the values to bind the session to.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionRequest {
    amount: String,
    currency: String,
    customer_reference: String,
}

async fn session(
    State(simulator): State<Arc<Simulator>>,
    Json(request): Json<SessionRequest>,
) -> (StatusCode, Json<Value>) {
    let body = json!({
        "amount": request.amount,
        "currency": request.currency,
        "customer_reference": request.customer_reference,
        "ttl_seconds": 1800,
    });
    let key = uuid::Uuid::new_v4().to_string();
    // The merchant key never leaves this backend.
    let (status, minted) = match simulator.create_session(SANDBOX_MERCHANT_KEY, &key, &body) {
        Ok(answer) => answer,
        Err(error) => (error.status(), error.body()),
    };
    if !status.is_success() {
        return (status, Json(minted));
    }
    let token_only = json!({
        "session_token": minted["session_token"],
        "expires_at": minted["expires_at"],
    });
    (status, Json(token_only))
}
