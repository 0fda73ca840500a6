//! The universal gateway (through the merchant backend): INIT and STATUS
//! answers, read into what the checkout must do next.
//!
//! The seed's "common mistakes" are rules here: `result.code` 0 with status
//! 8 is not success; the INIT answer has no `action` block (ask STATUS for
//! it); `action.errors[field]` is an array (show its first message).

use super::Failure;
use crate::core::json::{parse, Value};
use crate::core::status::PaymentStatus;

/// A field the gateway asks for (`action.fields`), in the order it lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequiredField {
    pub name: String,
    /// The input type: `email`, `tel`, `text`, …
    pub kind: String,
    pub label: String,
    pub required: bool,
    pub pattern: Option<String>,
    /// `action.errors[name][0]`, if the gateway refused the last value.
    pub error: Option<String>,
}

/// What the checkout does after an answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Next {
    /// Status 8 without `action` (an INIT answer): ask STATUS what is missing.
    AskWhatIsMissing,
    /// Status 8 with `action.fields`: show a form for them.
    ProvideData(Vec<RequiredField>),
    /// `pp_url`: the customer continues on the gateway's payment page.
    PaymentPage(String),
    /// Status 1 with an OTP sent; `wrong` when the last code was refused.
    EnterOtp { message: String, wrong: bool },
    /// Status 0 or 1: wait, polling STATUS.
    Wait,
    /// 2, 3 or 4: the outcome, with the gateway's `result.code` if it failed.
    Finished {
        status: PaymentStatus,
        code: Option<String>,
        message: String,
    },
}

/// An answer's essentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub order_id: String,
    pub transaction_id: String,
    pub next: Next,
}

/// Reads an INIT or STATUS answer (HTTP status and body text).
pub fn read(http_status: u16, body: &str) -> Result<Answer, Failure> {
    if http_status >= 500 || http_status == 429 {
        return Err(Failure::Unreachable {
            detail: format!("the gateway answered HTTP {http_status}"),
        });
    }
    let answer = parse(body).map_err(|error| Failure::Malformed {
        detail: format!("unexpected answer from the gateway: {error}"),
    })?;
    let status = answer.get("status").and_then(Value::as_i64);
    let code = answer["result"]["code"].as_i64().unwrap_or_default();
    let message = answer["result"]["message"].as_str().unwrap_or_default().to_owned();
    let text = |name: &str| {
        answer
            .get(name)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if !(200..300).contains(&http_status) || status == Some(-1) || status.is_none() {
        return Err(Failure::Refused {
            code: code.to_string(),
            message: if message.is_empty() {
                format!("the gateway refused the request (HTTP {http_status})")
            } else {
                message
            },
            field: None,
            retryable: false,
        });
    }
    let provider_message = answer["provider_result"]["message"].as_str().unwrap_or_default();
    let pp_url = answer
        .get("pp_url")
        .and_then(Value::as_str)
        .filter(|url| !url.is_empty());
    let next = match (status.unwrap_or_default(), pp_url) {
        (2, _) => finished(PaymentStatus::Approved, None, message),
        (3, _) => finished(PaymentStatus::Failed, Some(code.to_string()), message),
        (4, _) => finished(PaymentStatus::Cancelled, None, message),
        (_, Some(url)) => Next::PaymentPage(url.to_owned()),
        (8, None) => match answer.get("action") {
            Some(action) => Next::ProvideData(required_fields(action)),
            None => Next::AskWhatIsMissing,
        },
        (1, None) if provider_message.eq_ignore_ascii_case("OTP sent") => Next::EnterOtp {
            message: if code == 0 {
                provider_message.to_owned()
            } else {
                message
            },
            wrong: code != 0,
        },
        _ => Next::Wait,
    };
    Ok(Answer {
        order_id: text("order_id"),
        transaction_id: text("transaction_id"),
        next,
    })
}

fn finished(status: PaymentStatus, code: Option<String>, message: String) -> Next {
    Next::Finished {
        status,
        code,
        message,
    }
}

/// `action.fields` in their order, each with `action.errors[name][0]`.
fn required_fields(action: &Value) -> Vec<RequiredField> {
    let Some(fields) = action.get("fields").and_then(Value::as_object) else {
        return Vec::new();
    };
    fields
        .iter()
        .map(|(name, spec)| {
            let text = |key: &str| spec.get(key).and_then(Value::as_str).map(str::to_owned);
            RequiredField {
                name: name.clone(),
                kind: text("type").unwrap_or_else(|| "text".into()),
                label: text("label").unwrap_or_else(|| name.replace('_', " ")),
                required: spec
                    .get("required")
                    .and_then(Value::as_bool)
                    .unwrap_or(true),
                pattern: text("pattern"),
                error: action["errors"][name.as_str()][0].as_str().map(str::to_owned),
            }
        })
        .collect()
}

#[cfg(test)]
#[path = "universal_tests.rs"]
mod tests;
