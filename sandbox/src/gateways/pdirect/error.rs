//! PDirect's four-digit error codes, as the simulator returns them.
//!
//! The table is documented in the README ("PDirect error codes") and the
//! widget maps the same codes; keep the three in step.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdirectError {
    /// 1001: no `Authorization: Bearer …` header.
    MissingAuthorization,
    /// 1002: the merchant key id or secret is wrong.
    BadMerchantKey,
    /// 1003: the session token is unknown.
    UnknownSession,
    /// 1004: the session token has expired.
    SessionExpired,
    /// 1101: the `Idempotency-Key` header is missing or malformed.
    MissingIdempotencyKey,
    /// 1102: the key was used before with a different body.
    IdempotencyConflict,
    /// 1201: a field is missing or malformed; names the field.
    Validation {
        field: &'static str,
        message: String,
    },
    /// 1202: amount, currency or customer_reference differ from the session.
    BindingDrift { field: &'static str },
    /// 1301: no such transaction for this caller.
    UnknownTransaction,
}

impl PdirectError {
    pub fn code(&self) -> &'static str {
        match self {
            PdirectError::MissingAuthorization => "1001",
            PdirectError::BadMerchantKey => "1002",
            PdirectError::UnknownSession => "1003",
            PdirectError::SessionExpired => "1004",
            PdirectError::MissingIdempotencyKey => "1101",
            PdirectError::IdempotencyConflict => "1102",
            PdirectError::Validation { .. } => "1201",
            PdirectError::BindingDrift { .. } => "1202",
            PdirectError::UnknownTransaction => "1301",
        }
    }

    pub fn status(&self) -> StatusCode {
        match self {
            PdirectError::MissingAuthorization
            | PdirectError::BadMerchantKey
            | PdirectError::UnknownSession
            | PdirectError::SessionExpired => StatusCode::UNAUTHORIZED,
            PdirectError::MissingIdempotencyKey
            | PdirectError::Validation { .. }
            | PdirectError::BindingDrift { .. } => StatusCode::BAD_REQUEST,
            PdirectError::IdempotencyConflict => StatusCode::CONFLICT,
            PdirectError::UnknownTransaction => StatusCode::NOT_FOUND,
        }
    }

    pub fn message(&self) -> String {
        match self {
            PdirectError::MissingAuthorization => "Authorization: Bearer header is required".into(),
            PdirectError::BadMerchantKey => "merchant key id or secret is not valid".into(),
            PdirectError::UnknownSession => "session token is not valid".into(),
            PdirectError::SessionExpired => "session token has expired".into(),
            PdirectError::MissingIdempotencyKey => {
                "Idempotency-Key header is required (1 to 255 visible characters)".into()
            }
            PdirectError::IdempotencyConflict => {
                "Idempotency-Key was already used with a different request body".into()
            }
            PdirectError::Validation { message, .. } => message.clone(),
            PdirectError::BindingDrift { field } => {
                format!("{field} differs from the value bound to the session")
            }
            PdirectError::UnknownTransaction => "transaction not found".into(),
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            PdirectError::Validation { field, .. } | PdirectError::BindingDrift { field } => {
                Some(field)
            }
            _ => None,
        }
    }

    /// The JSON body: `{success: false, error_code, message, field?}`.
    pub fn body(&self) -> serde_json::Value {
        let mut body = json!({
            "success": false,
            "error_code": self.code(),
            "message": self.message(),
        });
        if let Some(field) = self.field() {
            body["field"] = json!(field);
        }
        body
    }
}

impl IntoResponse for PdirectError {
    fn into_response(self) -> Response {
        (self.status(), Json(self.body())).into_response()
    }
}
