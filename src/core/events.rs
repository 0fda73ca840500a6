//! The DOM events of the public contract, as plain data.
//!
//! The browser edge turns these into `CustomEvent`s; keeping names and
//! detail shapes here lets native tests pin the contract.

use super::adapters::Failure;

use super::adapters::Accepted;
use super::config::ConfigError;
use super::gateway::Gateway;
use super::json::{Map, Value};
use super::status::PaymentStatus;

/// An event the element dispatches, with its `detail`.
#[derive(Clone, Debug, PartialEq)]
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

    /// The event's `detail`, with the contract's field names; an absent
    /// optional field is left out rather than `null`.
    pub fn detail(&self) -> Value {
        let mut detail = Map::new();
        let mut put = |key: &str, value: Value| {
            if !value.is_null() {
                detail.insert(key, value);
            }
        };
        match self {
            CheckoutEvent::Ready(ready) => put("gateway", ready.gateway.id().into()),
            CheckoutEvent::Step(step) => {
                put("gateway", step.gateway.id().into());
                put("step", step.step.as_str().into());
            }
            CheckoutEvent::Response(response) => {
                put("gateway", response.gateway.id().into());
                put("transactionId", (&response.transaction_id).into());
                put("paymentStatus", response.payment_status.as_str().into());
                put("message", response.message.clone().into());
                put("amount", response.amount.clone().into());
                put("currency", response.currency.clone().into());
                put("feeAmount", response.fee_amount.clone().into());
                put("totalAmount", response.total_amount.clone().into());
                put("createdAt", response.created_at.clone().into());
            }
            CheckoutEvent::Error(error) => {
                put("gateway", error.gateway.id().into());
                put("errorCode", (&error.error_code).into());
                put("message", (&error.message).into());
                put("retryable", error.retryable.into());
            }
            CheckoutEvent::Complete(complete) => {
                put("gateway", complete.gateway.id().into());
                put("transactionId", (&complete.transaction_id).into());
                put("paymentStatus", complete.payment_status.as_str().into());
            }
        }
        Value::Object(detail)
    }
}

/// `ready`: the form is interactive.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadyDetail {
    pub gateway: Gateway,
}

/// The steps the element shows, as `step` events name them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Form,
    DataRequired,
    Otp,
    Redirect,
    Awaiting,
    Result,
}

impl Step {
    /// The `step` field's text.
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Form => "form",
            Step::DataRequired => "data-required",
            Step::Otp => "otp",
            Step::Redirect => "redirect",
            Step::Awaiting => "awaiting",
            Step::Result => "result",
        }
    }
}

/// `step`: the element shows a new step.
#[derive(Clone, Debug, PartialEq)]
pub struct StepDetail {
    pub gateway: Gateway,
    pub step: Step,
}

/// `response`: once per accepted submission (the Angular SDK's `(response)`).
#[derive(Clone, Debug, PartialEq)]
pub struct ResponseDetail {
    pub gateway: Gateway,
    pub transaction_id: String,
    pub payment_status: PaymentStatus,
    pub message: Option<String>,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub fee_amount: Option<String>,
    pub total_amount: Option<String>,
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
#[derive(Clone, Debug, PartialEq)]
pub struct CompleteDetail {
    pub gateway: Gateway,
    pub transaction_id: String,
    pub payment_status: PaymentStatus,
}

/// `error`: an attempt failed (mirrors the Angular SDK's `(error)`).
#[derive(Clone, Debug, PartialEq)]
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
        assert_eq!(ready.detail(), crate::json!({ "gateway": "moment" }));

        let error = ErrorDetail::from_config_error(
            Gateway::Pdirect,
            &ConfigError::UnknownGateway("stripe".into()),
        );
        assert_eq!(
            CheckoutEvent::Error(error).detail().to_string(),
            crate::json!({
                "gateway": "pdirect",
                "errorCode": "CONFIG_ERROR",
                "message": "gateway \"stripe\" is not one of pdirect, universal, invoice, moment, paygate",
                "retryable": false,
            })
            .to_string(),
            "written in the contract's order"
        );
    }

    #[test]
    fn absent_optional_fields_are_left_out_and_steps_are_kebab_case() {
        let response = CheckoutEvent::Response(ResponseDetail {
            gateway: Gateway::Invoice,
            transaction_id: "tx_1".into(),
            payment_status: PaymentStatus::Pending,
            message: None,
            amount: Some("5000".into()),
            currency: Some("UGX".into()),
            fee_amount: None,
            total_amount: Some("5100".into()),
            created_at: None,
        });
        assert_eq!(
            response.detail().to_string(),
            r#"{"gateway":"invoice","transactionId":"tx_1","paymentStatus":"pending","amount":"5000","currency":"UGX","totalAmount":"5100"}"#
        );
        let step = |step| CheckoutEvent::Step(StepDetail { gateway: Gateway::Moment, step }).detail();
        assert_eq!(step(Step::DataRequired), crate::json!({ "gateway": "moment", "step": "data-required" }));
        let names = [Step::Form, Step::Otp, Step::Redirect, Step::Awaiting, Step::Result].map(Step::as_str);
        assert_eq!(names, ["form", "otp", "redirect", "awaiting", "result"]);
    }
}
