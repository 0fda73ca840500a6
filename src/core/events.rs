//! The DOM events of the public contract, as plain data.
//!
//! The browser edge turns these into `CustomEvent`s; keeping names and
//! detail shapes here lets native tests pin the contract.

use serde::Serialize;

use super::adapters::Failure;

use super::adapters::Accepted;
use super::config::ConfigError;
use super::gateway::Gateway;
use super::status::PaymentStatus;

/// An event the element dispatches, with its `detail`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CheckoutEvent {
    Ready(ReadyDetail),
    Step(StepDetail),
    Response(ResponseDetail),
    Error(ErrorDetail),
    Complete(CompleteDetail),
}

impl CheckoutEvent {
    /// The DOM event type.
    pub fn name(&self) -> &'static str {
        match self {
            CheckoutEvent::Ready(_) => "ready",
            CheckoutEvent::Step(_) => "step",
            CheckoutEvent::Response(_) => "response",
            CheckoutEvent::Error(_) => "error",
            CheckoutEvent::Complete(_) => "complete",
        }
    }
}

/// `ready`: the form is interactive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReadyDetail {
    pub gateway: Gateway,
}

/// The steps the element shows, as `step` events name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Step {
    Form,
    DataRequired,
    Otp,
    Redirect,
    Awaiting,
    Result,
}

/// `step`: the element shows a new step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepDetail {
    pub gateway: Gateway,
    pub step: Step,
}

/// `response`: once per accepted submission (the Angular SDK's `(response)`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseDetail {
    pub gateway: Gateway,
    pub transaction_id: String,
    pub payment_status: PaymentStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fee_amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_amount: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<String>,
}

impl ResponseDetail {
    pub fn from_accepted(gateway: Gateway, accepted: &Accepted) -> Self {
        ResponseDetail {
            gateway,
            transaction_id: accepted.transaction_id.clone(),
            payment_status: accepted.status,
            message: accepted.message.clone(),
            amount: accepted.amount.clone(),
            currency: accepted.currency.clone(),
            fee_amount: accepted.fee_amount.clone(),
            total_amount: accepted.total_amount.clone(),
            created_at: accepted.created_at.clone(),
        }
    }
}

/// `complete`: exactly once per payment.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CompleteDetail {
    pub gateway: Gateway,
    pub transaction_id: String,
    pub payment_status: PaymentStatus,
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
    pub fn new(
        gateway: Gateway,
        code: impl Into<String>,
        message: impl Into<String>,
        retryable: bool,
    ) -> Self {
        ErrorDetail {
            gateway,
            error_code: code.into(),
            message: message.into(),
            retryable,
        }
    }

    /// A request that gave no usable answer, as the page is told of it.
    pub fn from_failure(gateway: Gateway, failure: &Failure) -> Self {
        match failure {
            Failure::Refused {
                code,
                message,
                retryable,
                ..
            } => ErrorDetail::new(gateway, code.clone(), message.clone(), *retryable),
            Failure::SessionExpired => ErrorDetail::new(
                gateway,
                ErrorCode::SessionExpired.as_str(),
                "The session expired.",
                true,
            ),
            Failure::Unreachable { detail } | Failure::Malformed { detail } => ErrorDetail::new(
                gateway,
                ErrorCode::NetworkError.as_str(),
                format!("No usable answer: {detail}."),
                true,
            ),
        }
    }

    /// A misconfigured element: the merchant must fix the page, so retrying
    /// the same attempt cannot help.
    pub fn from_config_error(gateway: Gateway, error: &ConfigError) -> Self {
        ErrorDetail::new(
            gateway,
            ErrorCode::ConfigError.as_str(),
            error.to_string(),
            false,
        )
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
