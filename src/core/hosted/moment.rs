//! Moment's hosted checkout as the element meets it: the messages the
//! embedded checkout posts, and the session statuses `fetchSessionStatus`
//! returns, each routed to one of the SDK's callbacks.

use crate::core::json::parse;
use crate::core::status::PaymentStatus;

/// What the embedded checkout tells the page (`postMessage` data).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckoutMessage {
    /// The checkout is showing this session.
    Opened { session_id: String },
    /// A payment attempt was declined; the customer can try again.
    AttemptFailed {
        session_id: String,
        reason: String,
        message: String,
    },
    /// The customer must leave for `url` (bank authentication) and will
    /// come back to `success_url` with `?session_id=`.
    Redirect { session_id: String, url: String },
    /// The session ended with this status.
    Ended {
        session_id: String,
        status: PaymentStatus,
    },
}

impl CheckoutMessage {
    /// Reads a message's data (as JSON); anything else on the channel
    /// (another script's messages, odd shapes) is `None` and ignored.
    pub fn parse(json: &str) -> Option<Self> {
        let json = parse(json).ok()?;
        let text = |key: &str| json.get(key)?.as_str().map(str::to_owned);
        let session_id = text("session_id")?;
        let kind = text("type")?;
        let kind = kind.strip_prefix("moment.")?;
        Some(match kind {
            "opened" => CheckoutMessage::Opened { session_id },
            "attempt_failed" => CheckoutMessage::AttemptFailed {
                session_id,
                reason: text("reason").unwrap_or_else(|| "declined".into()),
                message: text("message")
                    .unwrap_or_else(|| "The payment was declined. Try again.".into()),
            },
            "redirect" => CheckoutMessage::Redirect {
                session_id,
                url: text("url")?,
            },
            status => CheckoutMessage::Ended {
                session_id,
                status: session_status(status)?,
            },
        })
    }
}

/// A session status (`fetchSessionStatus(...).status`), normalised:
/// completed → approved (`onSuccess`), failed → `onFailure`, expired →
/// `onExpired`, cancelled → `onCancel`. Anything else is not an ending.
pub fn session_status(status: &str) -> Option<PaymentStatus> {
    match status {
        "completed" => Some(PaymentStatus::Approved),
        "failed" => Some(PaymentStatus::Failed),
        "expired" => Some(PaymentStatus::Expired),
        "cancelled" | "canceled" => Some(PaymentStatus::Cancelled),
        _ => None,
    }
}

/// What `fetchSessionStatus` said about a session the customer returned
/// from: a session without a `status` (the backend knows no such session,
/// or answered something else) is no payment, never `pending`.
pub fn returned_status(status: Option<&str>) -> Option<PaymentStatus> {
    status.map(|status| session_status(status).unwrap_or(PaymentStatus::Pending))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_returned_session_without_a_status_is_no_payment() {
        assert_eq!(
            returned_status(Some("completed")),
            Some(PaymentStatus::Approved)
        );
        assert_eq!(returned_status(Some("open")), Some(PaymentStatus::Pending));
        assert_eq!(returned_status(None), None);
    }

    #[test]
    fn checkout_messages_are_read_and_strangers_ignored() {
        assert_eq!(
            CheckoutMessage::parse(r#"{"type":"moment.completed","session_id":"ps_1"}"#),
            Some(CheckoutMessage::Ended {
                session_id: "ps_1".into(),
                status: PaymentStatus::Approved
            })
        );
        assert_eq!(
            CheckoutMessage::parse(
                r#"{"type":"moment.attempt_failed","session_id":"ps_1","reason":"insufficient_funds","message":"Declined"}"#
            ),
            Some(CheckoutMessage::AttemptFailed {
                session_id: "ps_1".into(),
                reason: "insufficient_funds".into(),
                message: "Declined".into()
            })
        );
        assert_eq!(
            CheckoutMessage::parse(
                r#"{"type":"moment.redirect","session_id":"ps_1","url":"http://127.0.0.1:8080/moment/authenticate/ps_1"}"#
            ),
            Some(CheckoutMessage::Redirect {
                session_id: "ps_1".into(),
                url: "http://127.0.0.1:8080/moment/authenticate/ps_1".into()
            })
        );
        for stranger in [
            r#"{"type":"moment.redirect","session_id":"ps_1"}"#,
            r#"{"type":"moment.open","session_id":"ps_1"}"#,
            r#"{"type":"webpackOk"}"#,
            r#""hello""#,
            "not json",
        ] {
            assert_eq!(CheckoutMessage::parse(stranger), None, "{stranger}");
        }
    }

    #[test]
    fn the_four_documented_statuses_route_to_the_four_callbacks() {
        assert_eq!(session_status("completed"), Some(PaymentStatus::Approved));
        assert_eq!(session_status("failed"), Some(PaymentStatus::Failed));
        assert_eq!(session_status("expired"), Some(PaymentStatus::Expired));
        assert_eq!(session_status("cancelled"), Some(PaymentStatus::Cancelled));
        assert_eq!(session_status("open"), None);
    }
}
