//! `POST /merchant/universal/init` and `/status`: the browser says what to
//! pay; this backend adds `merchant_id`, signs with the secret only it
//! holds, forwards to the gateway and hands back the gateway's answer.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::webhooks::receiver_url;
use crate::gateways::request_origin;
use crate::gateways::universal::{
    Simulator, SANDBOX_MERCHANT_ID, SANDBOX_PUBLIC_ID, SANDBOX_SECRET,
};
use crate::signature;

#[derive(Clone)]
struct Backend {
    gateway: Arc<Simulator>,
    /// The amount and currency each order was started with.
    started: Arc<Mutex<HashMap<String, (Value, Value)>>>,
}

pub fn routes(gateway: Arc<Simulator>) -> Router {
    let backend = Backend {
        gateway,
        started: Arc::default(),
    };
    Router::new()
        .route("/merchant/universal/init", post(init))
        .route("/merchant/universal/status", post(status))
        .with_state(backend)
}

type Reply = (StatusCode, Json<Value>);

fn refuse(status: StatusCode, message: &str) -> Reply {
    (status, Json(json!({ "error": message })))
}

/// Fields the browser may not choose: they are the merchant's.
fn browser_fields(body: &Value) -> Result<&Map<String, Value>, Reply> {
    let fields = body
        .as_object()
        .ok_or_else(|| refuse(StatusCode::BAD_REQUEST, "the body must be a JSON object"))?;
    for owned in ["merchant_id", "signature", "callback_url"] {
        if fields.contains_key(owned) {
            return Err(refuse(
                StatusCode::BAD_REQUEST,
                &format!("{owned} is set by the merchant backend"),
            ));
        }
    }
    Ok(fields)
}

fn sign(mut request: Value) -> Value {
    request["signature"] = json!(signature::sign(&request, SANDBOX_SECRET).unwrap_or_default());
    request
}

async fn init(
    State(backend): State<Backend>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Result<Reply, Reply> {
    let fields = browser_fields(&body)?;
    let field = |name: &str| fields.get(name).cloned().unwrap_or(Value::Null);
    let order_id = field("order_id").as_str().unwrap_or_default().to_owned();
    {
        let mut started = backend.started.lock().expect("started orders");
        let bound = (field("amount"), field("currency"));
        match started.get(&order_id) {
            Some(first) if *first != bound => {
                return Err(refuse(
                    StatusCode::CONFLICT,
                    "this order was started with another amount or currency",
                ))
            }
            _ => {
                started.insert(order_id.clone(), bound);
            }
        }
    }
    let customer_id = field("customer_id");
    let customer_user_id = match field("customer_user_id") {
        Value::Null => json!(format!("web-{}", customer_id.as_str().unwrap_or_default())),
        given => given,
    };
    // The seed's field order: the signature covers fields as sent.
    let mut request = json!({
        "merchant_id": SANDBOX_MERCHANT_ID,
        "customer_id": customer_id,
        "customer_user_id": customer_user_id,
        "order_id": order_id,
        "amount": field("amount"),
        "currency": field("currency"),
        "country": field("country"),
        "provider_id": fields.get("provider_id").cloned().unwrap_or(json!(14)),
    });
    if let Some(extra) = fields.get("extra") {
        request["extra"] = extra.clone();
    }
    let origin = request_origin(&headers);
    // Final statuses also come to this backend, signed, to fulfil the order.
    request["callback_url"] = json!(receiver_url(&origin, "universal"));
    let (status, answer) = backend
        .gateway
        .init(SANDBOX_PUBLIC_ID, &sign(request), &origin, false);
    Ok((status, Json(answer)))
}

async fn status(
    State(backend): State<Backend>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Result<Reply, Reply> {
    let fields = browser_fields(&body)?;
    let mut request = json!({
        "merchant_id": SANDBOX_MERCHANT_ID,
        "order_id": fields.get("order_id").cloned().unwrap_or(Value::Null),
    });
    if let Some(extra) = fields.get("extra") {
        request["extra"] = extra.clone();
    }
    let (status, answer) =
        backend
            .gateway
            .status(SANDBOX_PUBLIC_ID, &sign(request), &request_origin(&headers));
    Ok((status, Json(answer)))
}
