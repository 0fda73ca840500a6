//! PayGate Checkout Sessions as the element meets them: what the merchant
//! backend answers (the seed's session object, of which the element needs
//! the id and url), and what a return means.

use super::{CANCELLED_PARAM, SESSION_ID_PARAM};
use crate::core::adapters::Failure;
use crate::core::json::{parse, Object, Value};
use crate::core::return_url::{with_params, without_params};
use crate::core::status::PaymentStatus;

/// `POST {api-base}/checkout`'s answer: where to send the customer.
#[derive(Clone, Debug, PartialEq)]
pub struct Created {
    pub id: String,
    pub url: String,
}

impl Created {
    pub fn from_json(answer: Object<'_>) -> Result<Self, Failure> {
        Ok(Created {
            id: answer.text("id")?,
            url: answer.text("url")?,
        })
    }
}

/// `GET {api-base}/verify?session_id=`'s answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Verification {
    pub session_id: String,
    pub paid: bool,
    pub status: String,
}

impl Verification {
    pub fn from_json(answer: Object<'_>) -> Result<Self, Failure> {
        Ok(Verification {
            session_id: answer.text("session_id")?,
            paid: answer.flag("paid")?,
            status: answer.text("status")?,
        })
    }
}

/// The `success_url` and `cancel_url` for a checkout started on `page`:
/// the page itself, with the session id placeholder, and a mark on the
/// cancel one. Ids left from an earlier return are taken out first.
pub fn return_urls(page: &str) -> (String, String) {
    let page = without_params(page, &[SESSION_ID_PARAM, CANCELLED_PARAM]);
    let id = (SESSION_ID_PARAM, "{CHECKOUT_SESSION_ID}");
    (
        with_params(&page, &[id]),
        with_params(&page, &[id, (CANCELLED_PARAM, "1")]),
    )
}

/// What a verified return means; `None` while it is not known yet (the
/// customer came back through `success_url` before the payment settled).
/// A session still open after a return through `cancel_url` was cancelled.
pub fn outcome(verification: &Verification, via_cancel: bool) -> Option<PaymentStatus> {
    match (verification.paid, verification.status.as_str()) {
        (true, _) => Some(PaymentStatus::Approved),
        (false, "expired") => Some(PaymentStatus::Expired),
        (false, "open") if via_cancel => Some(PaymentStatus::Cancelled),
        (false, "open") => None,
        _ => Some(PaymentStatus::Failed),
    }
}

/// Reads a merchant backend answer of type `T`; a refusal keeps its message.
pub fn read<T>(
    status: u16,
    body: &str,
    from_json: fn(Object<'_>) -> Result<T, Failure>,
) -> Result<T, Failure> {
    match status {
        200..=299 => {
            let answer = parse(body).map_err(|_| unreadable("non-JSON"))?;
            from_json(Object::new(&answer, "checkout session", |refusal| unreadable(refusal.what))?)
        }
        500..=599 => Err(Failure::Unreachable {
            detail: format!("the merchant backend answered {status}"),
        }),
        _ => {
            let answer: Value = parse(body).unwrap_or_default();
            let message = answer["error"]
                .as_str()
                .or_else(|| answer["error"]["message"].as_str())
                .unwrap_or("the merchant backend refused the checkout")
                .to_owned();
            Err(Failure::Refused {
                code: crate::core::events::ErrorCode::ValidationError
                    .as_str()
                    .into(),
                message,
                field: answer["param"].as_str().map(str::to_owned),
                retryable: false,
            })
        }
    }
}

fn unreadable(what: &str) -> Failure {
    Failure::Malformed {
        detail: format!("the merchant backend sent an unreadable {what} answer"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The Checkout Session object exactly as the seed prints it.
    const SEED_SESSION: &str = r#"{
"id": "cs_abc123def456",
"object": "checkout.session",
"status": "open",
"url": "https://paygate.44.200.142.19.nip.io/checkout/cs_abc123def456",
"amount": 5000,
"currency": "GHS",
"payment": null,
"payment_status": "unpaid",
"customer": null,
"customer_email": "customer@example.com",
"success_url": "https://yoursite.com/success?session_id={CHECKOUT_SESSION_ID}",
"cancel_url": "https://yoursite.com/cancel",
"metadata": {
"order_id": "1234"
},
"expires_at": "2024-01-16T10:00:00Z",
"created_at": "2024-01-15T10:00:00Z"
}"#;

    #[test]
    fn the_seed_session_object_gives_its_id_and_url() {
        let created = read(200, SEED_SESSION, Created::from_json).unwrap();
        assert_eq!(created.id, "cs_abc123def456");
        assert_eq!(created.url, "https://paygate.44.200.142.19.nip.io/checkout/cs_abc123def456");
    }

    #[test]
    fn return_urls_carry_the_placeholder_and_the_cancel_mark() {
        let (success, cancel) = return_urls("https://shop.example/pay?cart=9&session_id=cs_old");
        assert_eq!(
            success,
            "https://shop.example/pay?cart=9&session_id={CHECKOUT_SESSION_ID}"
        );
        assert_eq!(
            cancel,
            "https://shop.example/pay?cart=9&session_id={CHECKOUT_SESSION_ID}&pay_checkout_cancelled=1"
        );
    }

    #[test]
    fn verified_returns_map_onto_the_normalised_status() {
        let verified = |paid, status: &str| Verification {
            session_id: "cs_1".into(),
            paid,
            status: status.into(),
        };
        use PaymentStatus::*;
        assert_eq!(outcome(&verified(true, "complete"), false), Some(Approved));
        assert_eq!(outcome(&verified(false, "expired"), false), Some(Expired));
        assert_eq!(outcome(&verified(false, "expired"), true), Some(Expired));
        assert_eq!(outcome(&verified(false, "open"), true), Some(Cancelled));
        assert_eq!(
            outcome(&verified(false, "open"), false),
            None,
            "not settled yet"
        );
        assert_eq!(outcome(&verified(false, "complete"), false), Some(Failed));
    }

    #[test]
    fn merchant_answers_are_read_or_refused_with_their_message() {
        let created = read(
            200,
            r#"{"id":"cs_1","url":"http://127.0.0.1:8080/paygate/checkout/cs_1","expires_at":"x"}"#,
            Created::from_json,
        )
        .unwrap();
        assert_eq!(created.id, "cs_1");
        let refused =
            read(400, r#"{"error":"is required","param":"amount"}"#, Created::from_json).unwrap_err();
        assert!(
            matches!(refused, Failure::Refused { ref message, ref field, .. }
            if message == "is required" && field.as_deref() == Some("amount"))
        );
        assert!(matches!(
            read(503, "", Created::from_json),
            Err(Failure::Unreachable { .. })
        ));
        for unreadable in ["<html>", r#"{"id":"cs_1"}"#, r#"{"id":1,"url":"u"}"#] {
            assert!(matches!(
                read(200, unreadable, Created::from_json),
                Err(Failure::Malformed { .. })
            ), "{unreadable}");
        }
        let verified = read(200, r#"{"session_id":"cs_1","paid":true,"status":"complete"}"#, Verification::from_json);
        assert_eq!(verified.map(|v| v.paid), Ok(true));
        assert!(read(200, r#"{"session_id":"cs_1","paid":"yes","status":"complete"}"#, Verification::from_json).is_err());
    }
}
