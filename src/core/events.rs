//! The DOM events of the public contract, as plain data.
//!
//! The browser edge turns these into `CustomEvent`s; keeping names and
//! detail shapes here lets native tests pin the contract.

use serde::Serialize;

use super::config::ConfigError;
use super::gateway::Gateway;

/// An event the element dispatches, with its `detail`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CheckoutEvent {
    Ready(ReadyDetail),
    Error(ErrorDetail),
}

impl CheckoutEvent {
    /// The DOM event type.
    pub fn name(&self) -> &'static str {
        match self {
            CheckoutEvent::Ready(_) => "ready",
            CheckoutEvent::Error(_) => "error",
        }
    }
}

/// `ready`: the form is interactive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadyDetail {
    pub gateway: Gateway,
}

/// `error`: an attempt failed (mirrors the Angular SDK's `(error)`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorDetail {
    pub gateway: Gateway,
    pub error_code: String,
    pub message: String,
    pub retryable: bool,
}

/// The element's own error codes, used where the gateway gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorCode {
    NetworkError,
    ValidationError,
    SessionExpired,
    ConfigError,
    Cancelled,
    Timeout,
    GatewayError,
    RedirectBlocked,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NetworkError => "NETWORK_ERROR",
            ErrorCode::ValidationError => "VALIDATION_ERROR",
            ErrorCode::SessionExpired => "SESSION_EXPIRED",
            ErrorCode::ConfigError => "CONFIG_ERROR",
            ErrorCode::Cancelled => "CANCELLED",
            ErrorCode::Timeout => "TIMEOUT",
            ErrorCode::GatewayError => "GATEWAY_ERROR",
            ErrorCode::RedirectBlocked => "REDIRECT_BLOCKED",
        }
    }
}

impl ErrorDetail {
    /// A misconfigured element: the merchant must fix the page, so retrying
    /// the same attempt cannot help.
    pub fn from_config_error(gateway: Gateway, error: &ConfigError) -> Self {
        ErrorDetail {
            gateway,
            error_code: ErrorCode::ConfigError.as_str().to_owned(),
            message: error.to_string(),
            retryable: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn details_serialise_with_the_contract_field_names() {
        let ready = CheckoutEvent::Ready(ReadyDetail {
            gateway: Gateway::Moment,
        });
        assert_eq!(ready.name(), "ready");
        assert_eq!(
            serde_json::to_value(&ready).unwrap(),
            serde_json::json!({ "gateway": "moment" })
        );

        let error = ErrorDetail::from_config_error(
            Gateway::Pdirect,
            &ConfigError::UnknownGateway("stripe".into()),
        );
        assert_eq!(
            serde_json::to_value(CheckoutEvent::Error(error)).unwrap(),
            serde_json::json!({
                "gateway": "pdirect",
                "errorCode": "CONFIG_ERROR",
                "message": "gateway \"stripe\" is not one of pdirect, universal, invoice, moment, paygate",
                "retryable": false,
            })
        );
    }
}
