//! `POST /merchant/moment/session` opens a Moment payment session with the
//! merchant's secret key and hands the browser only its `client_token`;
//! `GET /merchant/moment/session-status?session_id=` reads the session back
//! (`{status, ...session}`, as the guide's backend samples answer).

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::gateways::moment::Simulator;
use crate::gateways::request_origin;

pub fn routes(gateway: Arc<Simulator>) -> Router {
    Router::new()
        .route("/merchant/moment/session", post(session))
        .route("/merchant/moment/session-status", get(status))
        .with_state(gateway)
}

/// What the page may choose: the amount in cents, the currency and where
/// the customer comes back to; the guide's R100.00 when it says nothing.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct SessionRequest {
    amount: Option<u64>,
    currency: Option<String>,
    success_url: Option<String>,
}

async fn session(
    State(gateway): State<Arc<Simulator>>,
    headers: HeaderMap,
    body: Option<Json<SessionRequest>>,
) -> (StatusCode, Json<Value>) {
    let request = body.map(|Json(request)| request).unwrap_or_default();
    let origin = headers
        .get("origin")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
        .unwrap_or_else(|| request_origin(&headers));
    let success_url = request
        .success_url
        .unwrap_or_else(|| format!("{origin}/?session_id={{SESSION_ID}}"));
    let body = json!({
        "amount": request.amount.unwrap_or(10000),
        "currency": request.currency.unwrap_or_else(|| "ZAR".into()),
        "type": "one_time",
        "options": { "checkout_options": {
            "presentation_mode": { "mode": "embedded" },
            "success_url": success_url,
        } },
    });
    match gateway.create(&body) {
        Ok(session) => (
            StatusCode::OK,
            Json(json!({ "client_token": session.client_token })),
        ),
        Err(invalid) => (
            StatusCode::BAD_REQUEST,
            Json(json!({ "error": invalid.message, "param": invalid.param })),
        ),
    }
}

#[derive(Deserialize)]
struct StatusQuery {
    session_id: String,
}

async fn status(
    State(gateway): State<Arc<Simulator>>,
    Query(query): Query<StatusQuery>,
) -> (StatusCode, Json<Value>) {
    match gateway.with_session(&query.session_id, |session| json!(session)) {
        Some(session) => (StatusCode::OK, Json(session)),
        None => (
            StatusCode::NOT_FOUND,
            Json(json!({ "error": "no such payment session", "session_id": query.session_id })),
        ),
    }
}
