//! PDirect: `POST /api/v1/payments/collect` and
//! `GET /api/v1/payments/status/{transaction_id}`, as the seed documents.

use super::{Accepted, Failure, StatusUpdate};
use crate::core::events::ErrorCode;
use crate::core::json::{parse, Object, Refusal, Value};
use crate::core::status::PaymentStatus;

pub const COLLECT_PATH: &str = "/api/v1/payments/collect";

/// The gateway's code for a transaction id it does not know.
pub const UNKNOWN_TRANSACTION: &str = "1301";

pub fn status_path(transaction_id: &str) -> String {
    let safe: String = transaction_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    format!("/api/v1/payments/status/{safe}")
}

/// The gateway's word for a status, normalised; unknown words stay pending
/// so that polling goes on rather than a payment being declared lost.
pub fn normalise(status: &str) -> PaymentStatus {
    match status.to_ascii_lowercase().as_str() {
        "approved" | "success" | "succeeded" | "completed" | "paid" => PaymentStatus::Approved,
        "failed" | "declined" | "rejected" => PaymentStatus::Failed,
        "cancelled" | "canceled" => PaymentStatus::Cancelled,
        "expired" => PaymentStatus::Expired,
        _ => PaymentStatus::Pending,
    }
}

/// Reads a collect answer: `http_status` and the body text.
pub fn read_collect(http_status: u16, body: &str) -> Result<Accepted, Failure> {
    let json = read_success(http_status, body)?;
    let wire = Object::new(&json, "collect", unexpected_part)?;
    Ok(Accepted {
        transaction_id: wire.text("transaction_id")?,
        status: normalise(&wire.text("status")?),
        message: wire.optional_text("message")?,
        amount: wire.optional_text("amount")?,
        currency: wire.optional_text("currency")?,
        fee_amount: wire.optional_text("fee_amount")?,
        total_amount: wire.optional_text("total_amount")?,
        created_at: wire.optional_text("created_at")?,
    })
}

/// Reads a status answer.
pub fn read_status(http_status: u16, body: &str) -> Result<StatusUpdate, Failure> {
    let json = read_success(http_status, body)?;
    let wire = Object::new(&json, "status", unexpected_part)?;
    let status = normalise(&wire.text("status")?);
    Ok(StatusUpdate {
        failure_code: wire.optional_text("error_code")?.filter(|_| status == PaymentStatus::Failed),
        status,
        message: wire.optional_text("message")?,
    })
}

/// A part of an answer that does not read as the seed says.
fn unexpected_part(refusal: Refusal<'_>) -> Failure {
    unexpected(refusal.what)
}

fn unexpected(what: &str) -> Failure {
    Failure::Malformed {
        detail: format!("unexpected {what} answer from the gateway"),
    }
}

/// The JSON of a 2xx answer; the failure any other answer means.
fn read_success(http_status: u16, body: &str) -> Result<Value, Failure> {
    if http_status >= 500 || http_status == 429 {
        return Err(Failure::Unreachable {
            detail: format!("the gateway answered HTTP {http_status}"),
        });
    }
    if !(200..300).contains(&http_status) {
        return Err(read_refusal(http_status, body));
    }
    parse(body).map_err(|_| unexpected("non-JSON"))
}

/// A 4xx answer: the seed's four-digit code, mapped per the sandbox table.
fn read_refusal(http_status: u16, body: &str) -> Failure {
    let json = parse(body).ok();
    let wire = json.as_ref().map(|json| Object::new(json, "error", unexpected_part));
    let Some(Ok(wire)) = wire else {
        return Failure::Malformed {
            detail: format!("the gateway answered HTTP {http_status}"),
        };
    };
    // Fields of another type count as absent: the refusal is what matters.
    let text = |key| wire.optional_text(key).ok().flatten();
    let Some(code) = text("error_code") else {
        // No code of the gateway's own: say so with ours, not the HTTP
        // status. It refused, so nothing was charged and the customer may
        // try again.
        return Failure::Refused {
            code: ErrorCode::GatewayError.as_str().into(),
            message: text("message")
                .unwrap_or_else(|| format!("the gateway answered HTTP {http_status}")),
            field: text("field"),
            retryable: true,
        };
    };
    if code == "1004" {
        return Failure::SessionExpired;
    }
    // A field the customer can correct, or a conflict the next attempt
    // clears; the others need the merchant to fix the integration.
    let retryable = matches!(code.as_str(), "1201" | "1102");
    Failure::Refused {
        message: text("message")
            .unwrap_or_else(|| format!("the gateway refused the payment ({code})")),
        code,
        field: text("field"),
        retryable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The seed's collect answer, verbatim.
    const SEED_COLLECT_ANSWER: &str = r#"{ "success": true, "transaction_id": "txn_8f3a4c2e9b1d7a6f5c0e8d", "status": "pending", "message": "Payment request received", "amount": "12.50", "currency": "usd", "fee_amount": "0.50", "total_amount": "13.00", "created_at": "2026-05-05T10:15:00Z"}"#;

    #[test]
    fn reads_the_seed_answer() {
        let accepted = read_collect(200, SEED_COLLECT_ANSWER).unwrap();
        assert_eq!(accepted.transaction_id, "txn_8f3a4c2e9b1d7a6f5c0e8d");
        assert_eq!(accepted.status, PaymentStatus::Pending);
        assert_eq!(
            accepted.message.as_deref(),
            Some("Payment request received")
        );
        assert_eq!(accepted.amount.as_deref(), Some("12.50"));
        assert_eq!(accepted.currency.as_deref(), Some("usd"));
        assert_eq!(accepted.fee_amount.as_deref(), Some("0.50"));
        assert_eq!(accepted.total_amount.as_deref(), Some("13.00"));
        assert_eq!(accepted.created_at.as_deref(), Some("2026-05-05T10:15:00Z"));
    }

    #[test]
    fn maps_failures() {
        assert!(matches!(
            read_collect(503, ""),
            Err(Failure::Unreachable { .. })
        ));
        assert_eq!(
            read_collect(
                401,
                r#"{"success":false,"error_code":"1004","message":"expired"}"#
            ),
            Err(Failure::SessionExpired)
        );
        let refused = read_collect(
            400,
            r#"{"success":false,"error_code":"1201","message":"bad phone","field":"phone_number"}"#,
        );
        assert_eq!(
            refused,
            Err(Failure::Refused {
                code: "1201".into(),
                message: "bad phone".into(),
                field: Some("phone_number".into()),
                retryable: true
            })
        );
        assert!(matches!(
            read_collect(400, r#"{"error_code":"1202"}"#),
            Err(Failure::Refused {
                retryable: false,
                ..
            })
        ));
        assert!(matches!(
            read_collect(200, "<html>"),
            Err(Failure::Malformed { .. })
        ));
        assert!(matches!(
            read_collect(404, "not json"),
            Err(Failure::Malformed { .. })
        ));
        assert_eq!(
            read_collect(418, "{}"),
            Err(Failure::Refused {
                code: "GATEWAY_ERROR".into(),
                message: "the gateway answered HTTP 418".into(),
                field: None,
                retryable: true
            })
        );
    }

    #[test]
    fn reads_statuses_and_failure_codes() {
        let failed = read_status(
            200,
            r#"{"status":"failed","error_code":"2002","message":"Insufficient funds"}"#,
        )
        .unwrap();
        assert_eq!(
            (failed.status, failed.failure_code.as_deref()),
            (PaymentStatus::Failed, Some("2002"))
        );
        assert_eq!(
            read_status(200, r#"{"status":"approved"}"#).unwrap().status,
            PaymentStatus::Approved
        );
        assert_eq!(
            read_status(200, r#"{"status":"weird"}"#).unwrap().status,
            PaymentStatus::Pending
        );
        assert_eq!(status_path("txn_1/../x"), "/api/v1/payments/status/txn_1x");
    }
}
