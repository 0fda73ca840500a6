//! A Moment payment session: what `POST /collect/payment_sessions` opens
//! and `GET /collect/payment_sessions/{id}` shows.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::Value;

use crate::ids;

/// How long a session can be paid before it expires.
pub const LIFETIME_MINUTES: i64 = 30;

/// Declined attempts after which the session itself fails.
pub const MAX_ATTEMPTS: u32 = 3;

#[derive(Clone, Debug, Serialize)]
pub struct PaymentSession {
    pub id: String,
    pub object: &'static str,
    /// `open` until it ends `completed`, `failed`, `expired` or `cancelled`.
    pub status: &'static str,
    /// In cents.
    pub amount: u64,
    pub currency: String,
    #[serde(rename = "type")]
    pub kind: String,
    /// As the merchant sent them.
    pub options: Value,
    /// Declined attempts the customer retried from.
    pub failed_attempts: u32,
    #[serde(serialize_with = "rfc3339")]
    pub expires_at: DateTime<Utc>,
    #[serde(serialize_with = "rfc3339")]
    pub created_at: DateTime<Utc>,
    /// Only the create answer carries it: a session read later (and handed
    /// to the browser by a merchant backend) does not.
    #[serde(skip)]
    pub client_token: String,
    #[serde(skip)]
    pub success_url: Option<String>,
}

fn rfc3339<S: serde::Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&ids::timestamp(*at))
}

/// Why a create request was refused, naming the parameter.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidParameter {
    pub param: &'static str,
    pub message: &'static str,
}

fn invalid(param: &'static str, message: &'static str) -> InvalidParameter {
    InvalidParameter { param, message }
}

impl PaymentSession {
    pub fn create(body: &Value, now: DateTime<Utc>) -> Result<Self, InvalidParameter> {
        let amount = body
            .get("amount")
            .and_then(Value::as_u64)
            .filter(|amount| *amount > 0)
            .ok_or_else(|| invalid("amount", "must be a positive integer in cents"))?;
        let currency = body
            .get("currency")
            .and_then(Value::as_str)
            .filter(|code| code.len() == 3 && code.bytes().all(|b| b.is_ascii_alphabetic()))
            .ok_or_else(|| invalid("currency", "must be a three-letter currency code"))?
            .to_ascii_uppercase();
        let kind = body.get("type").and_then(Value::as_str);
        if kind != Some("one_time") {
            return Err(invalid("type", "must be one_time"));
        }
        let options = body.get("options").cloned().unwrap_or(Value::Null);
        let checkout = &options["checkout_options"];
        let mode = checkout["presentation_mode"]["mode"].as_str();
        if !matches!(mode, None | Some("embedded" | "redirect")) {
            return Err(invalid(
                "options.checkout_options.presentation_mode.mode",
                "must be embedded or redirect",
            ));
        }
        let success_url = match &checkout["success_url"] {
            Value::Null => None,
            Value::String(url) if url.contains("://") => Some(url.clone()),
            _ => {
                return Err(invalid(
                    "options.checkout_options.success_url",
                    "must be an absolute URL",
                ))
            }
        };
        Ok(PaymentSession {
            id: format!("ps_{}", ids::alphanumeric(24)),
            object: "payment_session",
            status: "open",
            amount,
            currency,
            kind: "one_time".into(),
            options,
            failed_attempts: 0,
            expires_at: now + Duration::minutes(LIFETIME_MINUTES),
            created_at: now,
            client_token: format!("ct_{}", ids::alphanumeric(40)),
            success_url,
        })
    }

    /// Expires an open session whose time has come.
    pub fn expire_if_due(&mut self, now: DateTime<Utc>) {
        if self.status == "open" && now >= self.expires_at {
            self.status = "expired";
        }
    }

    /// Where the customer goes back to after leaving to authenticate.
    pub fn return_url(&self) -> Option<String> {
        self.success_url
            .as_deref()
            .map(|url| with_session_id(url, &self.id))
    }
}

/// `{SESSION_ID}` replaced with the session's id, as on the way back.
pub fn with_session_id(url: &str, id: &str) -> String {
    url.replace("{SESSION_ID}", id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// The body every backend sample of the guide sends.
    fn seed_body() -> Value {
        json!({
            "amount": 10000, "currency": "ZAR", "type": "one_time",
            "options": { "checkout_options": {
                "presentation_mode": { "mode": "embedded" },
                "success_url": "yourapp://checkout?session_id={SESSION_ID}",
            } },
        })
    }

    #[test]
    fn the_guide_request_opens_a_session_with_a_client_token() {
        let session = PaymentSession::create(&seed_body(), Utc::now()).unwrap();
        assert_eq!((session.status, session.amount), ("open", 10000));
        assert!(session.client_token.starts_with("ct_"));
        assert_eq!(
            session.return_url().unwrap(),
            format!("yourapp://checkout?session_id={}", session.id)
        );
        let shown = serde_json::to_value(&session).unwrap();
        assert!(
            shown.get("client_token").is_none(),
            "read answers never carry the token"
        );
        assert_eq!(shown["type"], "one_time");
    }

    #[test]
    fn the_placeholder_is_replaced_wherever_it_stands() {
        assert_eq!(
            with_session_id("https://shop.example/pay?session_id={SESSION_ID}", "ps_1"),
            "https://shop.example/pay?session_id=ps_1"
        );
        assert_eq!(
            with_session_id("https://shop.example/", "ps_1"),
            "https://shop.example/"
        );
        assert_eq!(
            with_session_id("x/{SESSION_ID}/{SESSION_ID}", "ps_1"),
            "x/ps_1/ps_1"
        );
    }

    #[test]
    fn bad_requests_name_the_parameter() {
        let refused = |change: fn(&mut Value)| {
            let mut body = seed_body();
            change(&mut body);
            PaymentSession::create(&body, Utc::now()).unwrap_err().param
        };
        assert_eq!(refused(|b| b["amount"] = json!("100.00")), "amount");
        assert_eq!(refused(|b| b["amount"] = json!(0)), "amount");
        assert_eq!(refused(|b| b["currency"] = json!("RAND")), "currency");
        assert_eq!(refused(|b| b["type"] = json!("recurring")), "type");
        assert_eq!(
            refused(
                |b| b["options"]["checkout_options"]["presentation_mode"]["mode"] = json!("popup")
            ),
            "options.checkout_options.presentation_mode.mode"
        );
        assert_eq!(
            refused(|b| b["options"]["checkout_options"]["success_url"] = json!("/relative")),
            "options.checkout_options.success_url"
        );
    }

    #[test]
    fn sessions_expire_when_due() {
        let now = Utc::now();
        let mut session = PaymentSession::create(&seed_body(), now).unwrap();
        session.expire_if_due(now);
        assert_eq!(session.status, "open");
        session.expire_if_due(now + Duration::minutes(LIFETIME_MINUTES));
        assert_eq!(session.status, "expired");
    }
}
