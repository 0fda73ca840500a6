//! `POST /merchant/webhooks/{gateway}`: the reference merchant backend's
//! webhook receiver, for PDirect (`notify_url`), the universal gateway
//! (`callback_url`, set by this backend's INIT) and PayGate (the account's
//! endpoint). It checks where a message came from (the universal gateway's
//! HMAC-SHA512 signature, PayGate's `PayGate-Signature`) and fulfils an
//! order once however often the gateway delivers, as a sender that retries
//! may: the record is keyed by the payment's id.
//!
//! `GET /sandbox/merchant/webhooks` shows, per payment, how many deliveries
//! arrived and how many times the order was fulfilled (never more than one).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Serialize;
use serde_json::{json, Value};

use crate::gateways::paygate::signature_header;
use crate::gateways::universal::SANDBOX_SECRET;
use crate::signature;

/// Where a gateway's messages for this backend go, on the sandbox's origin.
pub fn receiver_url(origin: &str, gateway: &str) -> String {
    format!("{origin}/merchant/webhooks/{gateway}")
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct Fulfilment {
    pub gateway: String,
    pub id: String,
    /// Deliveries that reported the payment approved.
    pub deliveries: u32,
    /// How many times the order was fulfilled: 0 or 1.
    pub fulfilled: u32,
}

#[derive(Clone, Default)]
pub struct Receiver(Arc<Mutex<HashMap<(String, String), Fulfilment>>>);

pub fn routes(receiver: Receiver) -> Router {
    Router::new()
        .route("/merchant/webhooks/{gateway}", post(receive))
        .route("/sandbox/merchant/webhooks", get(fulfilments))
        .with_state(receiver)
}

async fn fulfilments(State(receiver): State<Receiver>) -> Json<Value> {
    let mut all: Vec<Fulfilment> = receiver
        .0
        .lock()
        .expect("fulfilments")
        .values()
        .cloned()
        .collect();
    all.sort_by(|a, b| (&a.gateway, &a.id).cmp(&(&b.gateway, &b.id)));
    Json(json!({ "fulfilments": all }))
}

async fn receive(
    State(receiver): State<Receiver>,
    Path(gateway): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, Json<Value>) {
    let Ok(message) = serde_json::from_slice::<Value>(&body) else {
        return refuse(StatusCode::BAD_REQUEST, "the body is not JSON");
    };
    let approved = match gateway.as_str() {
        "pdirect" => {
            (text(&message, "/status") == "approved").then(|| text(&message, "/transaction_id"))
        }
        "universal" if !signature::verify(&message, SANDBOX_SECRET) => {
            return refuse(StatusCode::UNAUTHORIZED, "bad signature")
        }
        "universal" => (message["status"] == json!(2)).then(|| text(&message, "/order_id")),
        "paygate" if !paygate_signed(&headers, &body) => {
            return refuse(StatusCode::UNAUTHORIZED, "bad PayGate-Signature")
        }
        "paygate" => (text(&message, "/type") == "checkout.session.completed"
            && text(&message, "/data/object/payment_status") == "paid")
            .then(|| text(&message, "/data/object/id")),
        _ => return refuse(StatusCode::NOT_FOUND, "no such gateway"),
    };
    if let Some(id) = approved.filter(|id| !id.is_empty()) {
        let mut all = receiver.0.lock().expect("fulfilments");
        let record = all
            .entry((gateway.clone(), id.clone()))
            .or_insert_with(|| Fulfilment {
                gateway,
                id,
                ..Fulfilment::default()
            });
        record.deliveries += 1;
        // The order ships once: a repeated delivery only counts.
        record.fulfilled = 1;
    }
    (StatusCode::OK, Json(json!({ "received": true })))
}

fn text(message: &Value, pointer: &str) -> String {
    message
        .pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// `t=<unix seconds>,v1=<hex>` recomputed from the body with the secret.
fn paygate_signed(headers: &HeaderMap, body: &[u8]) -> bool {
    let given = headers
        .get("paygate-signature")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default();
    let timestamp = given
        .split(',')
        .find_map(|part| part.strip_prefix("t="))
        .and_then(|t| t.parse::<i64>().ok());
    match (timestamp, std::str::from_utf8(body)) {
        (Some(timestamp), Ok(payload)) => signature_header(payload, timestamp) == given,
        _ => false,
    }
}

fn refuse(status: StatusCode, message: &str) -> (StatusCode, Json<Value>) {
    (status, Json(json!({ "error": message })))
}
