//! `POST /merchant/paygate/checkout` creates a PayGate checkout session with
//! the merchant's secret key and hands the browser its `id` and `url`;
//! `GET /merchant/paygate/verify?session_id=` says whether it was paid
//! (`complete` and `paid`), as the merchant must check before fulfilling.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::webhooks::receiver_url;
use crate::gateways::paygate::Simulator;
use crate::gateways::request_origin;

pub fn routes(gateway: Arc<Simulator>) -> Router {
    Router::new()
        .route("/merchant/paygate/checkout", post(checkout))
        .route("/merchant/paygate/verify", get(verify))
        .with_state(gateway)
}

/// What the checkout sends: the amount in minor units and where to return.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct CheckoutRequest {
    amount: u64,
    currency: Option<String>,
    success_url: String,
    cancel_url: String,
    customer_email: Option<String>,
}

async fn checkout(
    State(gateway): State<Arc<Simulator>>,
    headers: HeaderMap,
    Json(request): Json<CheckoutRequest>,
) -> (StatusCode, Json<Value>) {
    let body = json!({
        "amount": request.amount,
        "currency": request.currency.unwrap_or_else(|| "GHS".into()),
        "success_url": request.success_url,
        "cancel_url": request.cancel_url,
        "customer_email": request.customer_email,
    });
    let origin = request_origin(&headers);
    // The account's events come to this backend's receiver (unless a test
    // set its own endpoint), which fulfils each paid session once.
    gateway.default_endpoint(receiver_url(&origin, "paygate"));
    match gateway.create(&body, &origin) {
        Ok(session) => {
            let answer = json!({ "id": session.id, "url": session.url, "expires_at": session.expires_at.to_rfc3339() });
            (StatusCode::OK, Json(answer))
        }
        Err(invalid) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": invalid.message, "param": invalid.param })),
        ),
    }
}

#[derive(Deserialize)]
struct VerifyQuery {
    session_id: String,
}

async fn verify(
    State(gateway): State<Arc<Simulator>>,
    Query(query): Query<VerifyQuery>,
) -> (StatusCode, Json<Value>) {
    let found = gateway.with_session(&query.session_id, |session| {
        json!({
            "session_id": session.id,
            "paid": session.status == "complete" && session.payment_status == "paid",
            "status": session.status,
            "payment_status": session.payment_status,
        })
    });
    match found {
        Some(answer) => (StatusCode::OK, Json(answer)),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({
                "session_id": query.session_id,
                "paid": false,
                "error": "no such checkout session; start a new checkout",
            })),
        ),
    }
}
