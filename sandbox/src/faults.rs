//! `/sandbox/faults`: arm a fault for the next request(s) to a path, so tests
//! and the demo can show what the widget does when the network misbehaves.
//!
//! `POST /sandbox/faults` with `{path, method?, fault, delay_ms?, times?}`
//! where `fault` is `drop_after_processing` (the gateway processes the
//! request, then the connection breaks before the answer arrives),
//! `error_500`, `error_503` (answered without processing), `delay`
//! (`delay_ms`, then processed) or `duplicate` (delivered twice, as a sender
//! that retries does: armed on `/merchant/webhooks/`, it shows whether the
//! merchant fulfils an order once). `GET` lists what is armed; `DELETE`
//! disarms.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::json;

#[derive(Clone, Copy, Debug, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum FaultKind {
    DropAfterProcessing,
    #[serde(rename = "error_500")]
    Error500,
    #[serde(rename = "error_503")]
    Error503,
    Delay,
    Duplicate,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Fault {
    /// Matches request paths that start with it.
    pub path: String,
    /// Matches any method when absent.
    #[serde(default)]
    pub method: Option<String>,
    pub fault: FaultKind,
    #[serde(default)]
    pub delay_ms: u64,
    /// How many matching requests it applies to.
    #[serde(default = "one")]
    pub times: u32,
}

fn one() -> u32 {
    1
}

#[derive(Clone, Default)]
pub struct Faults(Arc<Mutex<Vec<Fault>>>);

impl Faults {
    pub fn arm(&self, fault: Fault) {
        self.0.lock().expect("faults").push(fault);
    }

    /// Takes one use of the first fault armed for this request.
    fn take(&self, method: &str, path: &str) -> Option<Fault> {
        let mut armed = self.0.lock().expect("faults");
        let index = armed.iter().position(|fault| {
            path.starts_with(&fault.path)
                && fault
                    .method
                    .as_deref()
                    .is_none_or(|m| m.eq_ignore_ascii_case(method))
        })?;
        armed[index].times -= 1;
        let fault = armed[index].clone();
        if armed[index].times == 0 {
            armed.remove(index);
        }
        Some(fault)
    }
}

pub fn routes(faults: Faults) -> Router {
    Router::new()
        .route("/sandbox/faults", get(list).post(arm).delete(disarm))
        .with_state(faults)
}

async fn list(State(faults): State<Faults>) -> Json<Vec<Fault>> {
    Json(faults.0.lock().expect("faults").clone())
}

async fn arm(State(faults): State<Faults>, Json(fault): Json<Fault>) -> impl IntoResponse {
    if fault.path.is_empty() || fault.path.starts_with("/sandbox") || fault.times == 0 {
        let message = "path must name a gateway or merchant route, and times be at least 1";
        return (StatusCode::BAD_REQUEST, Json(json!({ "error": message })));
    }
    faults.arm(fault.clone());
    (StatusCode::CREATED, Json(json!(fault)))
}

async fn disarm(State(faults): State<Faults>) -> StatusCode {
    faults.0.lock().expect("faults").clear();
    StatusCode::NO_CONTENT
}

/// The middleware that applies an armed fault to the request it matches.
pub async fn inject(State(faults): State<Faults>, request: Request, next: Next) -> Response {
    let Some(fault) = faults.take(request.method().as_str(), request.uri().path()) else {
        return next.run(request).await;
    };
    tracing::warn!("injecting {:?} into {}", fault.fault, request.uri().path());
    match fault.fault {
        FaultKind::Error500 => sandbox_error(StatusCode::INTERNAL_SERVER_ERROR, "5001"),
        FaultKind::Error503 => sandbox_error(StatusCode::SERVICE_UNAVAILABLE, "5003"),
        FaultKind::Delay => {
            tokio::time::sleep(Duration::from_millis(fault.delay_ms)).await;
            next.run(request).await
        }
        FaultKind::Duplicate => {
            let (parts, body) = request.into_parts();
            let Ok(bytes) = axum::body::to_bytes(body, DUPLICATED_BODY_LIMIT).await else {
                return sandbox_error(StatusCode::PAYLOAD_TOO_LARGE, "5013");
            };
            let copy = |parts: &axum::http::request::Parts| {
                let mut request = Request::new(Body::from(bytes.clone()));
                *request.method_mut() = parts.method.clone();
                *request.uri_mut() = parts.uri.clone();
                *request.headers_mut() = parts.headers.clone();
                // The matched route's path parameters live here.
                *request.extensions_mut() = parts.extensions.clone();
                request
            };
            let first = copy(&parts);
            let _ = next.clone().run(first).await;
            next.run(copy(&parts)).await
        }
        FaultKind::DropAfterProcessing => {
            let (parts, _) = next.run(request).await.into_parts();
            // Headers go out, then the body fails: the connection is cut
            // and the client never reads the answer.
            let broken = futures_util::stream::once(async {
                Err::<Vec<u8>, _>(std::io::Error::other("sandbox fault: connection dropped"))
            });
            Response::from_parts(parts, Body::from_stream(broken))
        }
    }
}

/// The largest body a `duplicate` fault copies.
const DUPLICATED_BODY_LIMIT: usize = 1 << 20;

fn sandbox_error(status: StatusCode, code: &str) -> Response {
    let body = json!({ "success": false, "error_code": code, "message": "sandbox fault" });
    (status, Json(body)).into_response()
}
