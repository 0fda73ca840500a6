//! Secret-key authentication and the error body shared by the hosted
//! checkout APIs (PayGate and Moment): any `sk_test_…` key is a sandbox
//! account, as both documents' examples use.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use serde_json::{json, Value};

pub type Reply = (StatusCode, Json<Value>);

/// `{"error": {"type", "message", "param"?}}`.
pub fn api_error(status: StatusCode, kind: &str, message: &str, param: Option<&str>) -> Reply {
    let mut body = json!({ "error": { "type": kind, "message": message } });
    if let Some(param) = param {
        body["error"]["param"] = json!(param);
    }
    (status, Json(body))
}

fn authenticate(headers: &HeaderMap) -> Result<(), Reply> {
    let key = headers
        .get("authorization")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    match key {
        Some(key) if key.starts_with("sk_test_") && key.len() > "sk_test_".len() => Ok(()),
        _ => Err(api_error(
            StatusCode::UNAUTHORIZED,
            "authentication_error",
            "a secret key sk_test_… is required",
            None,
        )),
    }
}

/// A request made with a sandbox secret key: the API handlers take one, so
/// none of them can forget to check.
pub struct SecretKey;

impl<S: Send + Sync> FromRequestParts<S> for SecretKey {
    type Rejection = Reply;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        authenticate(&parts.headers).map(|()| SecretKey)
    }
}
