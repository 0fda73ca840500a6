//! The PDirect simulator under `/pdirect`: sessions minted with the merchant
//! key (Auth-v3), wallet collections paid with the session token, status.

mod error;
mod fields;
mod ledger;
mod sessions;
mod transactions;
mod wallet;

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::Value;

pub use error::PdirectError;
pub use ledger::Simulator;
pub use wallet::{SANDBOX_PHONE, SANDBOX_PIN};

/// The merchant key of the seed document, accepted as the sandbox account.
pub const SANDBOX_MERCHANT_KEY: &str = "mch_3f9a2e1b:sk_test_x8a3pqr2zv9b1n4wmd6t7k0c8jh5y2u";

pub fn routes(simulator: Arc<Simulator>) -> Router {
    Router::new()
        .route(
            "/pdirect/api/v1/internal/sessions/create",
            post(create_session),
        )
        .route("/pdirect/api/v1/payments/collect", post(collect))
        .route(
            "/pdirect/api/v1/payments/status/{transaction_id}",
            get(status),
        )
        .route("/sandbox/pdirect/transactions", get(transactions))
        .with_state(simulator)
}

/// The value of `Authorization: Bearer <credential>`.
fn bearer(headers: &HeaderMap) -> Result<&str, PdirectError> {
    headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|credential| !credential.is_empty())
        .ok_or(PdirectError::MissingAuthorization)
}

/// 1 to 255 visible ASCII characters, as a UUID v4 is.
fn idempotency_key(headers: &HeaderMap) -> Result<&str, PdirectError> {
    headers
        .get("idempotency-key")
        .and_then(|value| value.to_str().ok())
        .filter(|key| (1..=255).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()))
        .ok_or(PdirectError::MissingIdempotencyKey)
}

fn json_body(bytes: &Bytes) -> Result<Value, PdirectError> {
    serde_json::from_slice(bytes).map_err(|error| PdirectError::Validation {
        field: "body",
        message: format!("the body is not valid JSON: {error}"),
    })
}

/// A stored answer, replayed as it was first sent.
fn reply((status, body): (StatusCode, Value)) -> Response {
    (status, Json(body)).into_response()
}

async fn create_session(
    State(simulator): State<Arc<Simulator>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PdirectError> {
    let merchant_key = bearer(&headers)?;
    let key = idempotency_key(&headers)?;
    let answer = simulator.create_session(merchant_key, key, &json_body(&body)?)?;
    Ok(reply(answer))
}

async fn collect(
    State(simulator): State<Arc<Simulator>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PdirectError> {
    let token = bearer(&headers)?;
    let key = idempotency_key(&headers)?;
    let fingerprint = headers
        .get("x-device-fingerprint")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let answer = simulator.collect(token, key, fingerprint, &json_body(&body)?)?;
    Ok(reply(answer))
}

async fn status(
    State(simulator): State<Arc<Simulator>>,
    headers: HeaderMap,
    Path(transaction_id): Path<String>,
) -> Result<Json<Value>, PdirectError> {
    let credential = bearer(&headers)?;
    let as_merchant = credential == SANDBOX_MERCHANT_KEY;
    simulator
        .status(&transaction_id, credential, as_merchant)
        .map(Json)
}

/// The simulator's ledger, for tests that count what the gateway saw.
async fn transactions(State(simulator): State<Arc<Simulator>>) -> Json<Value> {
    Json(simulator.ledger_summary())
}
