//! Sandbox controls for tests and the demo, outside the gateway's API:
//! - `GET /sandbox/invoice/executions`: every collection and payout made;
//! - `POST /sandbox/invoice/executions/{reference_id}/settle` with
//!   `{"status": "COMPLETED" | "FAILED"}`: the wallet answers now;
//! - `GET /sandbox/invoice/realtime`: how many push streams are open;
//! - `POST /sandbox/invoice/realtime/drop`: every push stream ends now;
//! - `POST /sandbox/invoice/tokens/expire`: every access token expires now.

use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use super::realtime::Change;
use super::{ApiError, Simulator};

pub fn routes() -> Router<Arc<Simulator>> {
    Router::new()
        .route("/sandbox/invoice/executions", get(executions))
        .route(
            "/sandbox/invoice/executions/{reference_id}/settle",
            post(settle),
        )
        .route("/sandbox/invoice/realtime", get(open_streams))
        .route("/sandbox/invoice/realtime/drop", post(drop_streams))
        .route("/sandbox/invoice/tokens/expire", post(expire_tokens))
}

async fn executions(State(s): State<Arc<Simulator>>) -> Json<Value> {
    let all = s.with_ledger(|l| {
        l.executions
            .iter()
            .map(|e| {
                let mut entry = e.to_json();
                entry["status"] = json!(e.status);
                entry
            })
            .collect::<Vec<_>>()
    });
    Json(json!(all))
}

#[derive(Deserialize)]
struct Settlement {
    status: String,
}

async fn settle(
    State(s): State<Arc<Simulator>>,
    Path(reference): Path<String>,
    Json(body): Json<Settlement>,
) -> Result<StatusCode, ApiError> {
    let (status, failure) = match body.status.as_str() {
        "COMPLETED" => ("COMPLETED", None),
        "FAILED" => ("FAILED", Some("INSUFFICIENT_FUNDS")),
        _ => return Err(ApiError::invalid("status", "status is COMPLETED or FAILED")),
    };
    if s.settle(&reference, status, failure) {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::conflict(
            "NOT_PROCESSING",
            format!("{reference} is unknown or already settled"),
        ))
    }
}

async fn open_streams(State(s): State<Arc<Simulator>>) -> Json<Value> {
    Json(json!({ "open_streams": s.realtime.open_streams() }))
}

async fn drop_streams(State(s): State<Arc<Simulator>>) -> StatusCode {
    s.realtime.publish(Change::DropAll);
    StatusCode::NO_CONTENT
}

async fn expire_tokens(State(s): State<Arc<Simulator>>) -> StatusCode {
    s.expire_tokens();
    StatusCode::NO_CONTENT
}
