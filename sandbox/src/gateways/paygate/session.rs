//! The Checkout Session object, exactly as PayGate documents it.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::ids;

/// How long a session stays open when the merchant sets no `expires_at`.
pub const DEFAULT_LIFETIME_HOURS: i64 = 24;

#[derive(Clone, Debug, Serialize)]
pub struct CheckoutSession {
    pub id: String,
    pub object: &'static str,
    /// `open`, `complete` or `expired`.
    pub status: &'static str,
    pub url: String,
    /// In minor units (pesewas for GHS).
    pub amount: u64,
    pub currency: String,
    pub payment: Option<String>,
    /// `unpaid` or `paid`.
    pub payment_status: &'static str,
    pub customer: Option<String>,
    pub customer_email: Option<String>,
    pub success_url: String,
    pub cancel_url: String,
    pub metadata: Map<String, Value>,
    #[serde(serialize_with = "rfc3339")]
    pub expires_at: DateTime<Utc>,
    #[serde(serialize_with = "rfc3339")]
    pub created_at: DateTime<Utc>,
    #[serde(skip)]
    pub customer_phone: Option<String>,
}

fn rfc3339<S: serde::Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&ids::timestamp(*at))
}

/// Why a create request was refused, naming the parameter.
#[derive(Debug, PartialEq, Eq)]
pub struct InvalidParameter {
    pub param: &'static str,
    pub message: String,
}

fn invalid(param: &'static str, message: &str) -> InvalidParameter {
    InvalidParameter {
        param,
        message: message.to_owned(),
    }
}

fn http_url(value: Option<&Value>, param: &'static str) -> Result<String, InvalidParameter> {
    match value.and_then(Value::as_str) {
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            Ok(url.to_owned())
        }
        Some(_) => Err(invalid(param, "must be an http(s) URL")),
        None => Err(invalid(param, "is required")),
    }
}

impl CheckoutSession {
    /// Checks a create request and opens a session; `origin` is where the
    /// hosted page is served.
    pub fn create(
        body: &Value,
        origin: &str,
        now: DateTime<Utc>,
    ) -> Result<Self, InvalidParameter> {
        let text = |name: &str| body.get(name).and_then(Value::as_str).map(str::to_owned);
        let amount = body
            .get("amount")
            .and_then(Value::as_u64)
            .filter(|amount| *amount > 0);
        let amount = amount.ok_or_else(|| {
            invalid(
                "amount",
                "must be a positive integer in minor units (pesewas)",
            )
        })?;
        let currency = text("currency")
            .unwrap_or_else(|| "GHS".into())
            .to_ascii_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_alphabetic()) {
            return Err(invalid("currency", "must be a three-letter currency code"));
        }
        let success_url = http_url(body.get("success_url"), "success_url")?;
        let cancel_url = http_url(body.get("cancel_url"), "cancel_url")?;
        if let Some(types) = body.get("payment_method_types") {
            let strings = types
                .as_array()
                .is_some_and(|types| types.iter().all(Value::is_string));
            if !strings {
                return Err(invalid(
                    "payment_method_types",
                    "must be an array of strings",
                ));
            }
        }
        let metadata = match body.get("metadata") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(map)) => map.clone(),
            Some(_) => return Err(invalid("metadata", "must be an object")),
        };
        let expires_at = match text("expires_at") {
            None => now + Duration::hours(DEFAULT_LIFETIME_HOURS),
            Some(at) => DateTime::parse_from_rfc3339(&at)
                .map(|at| at.with_timezone(&Utc))
                .ok()
                .filter(|at| *at > now)
                .ok_or_else(|| invalid("expires_at", "must be a future RFC 3339 timestamp"))?,
        };
        let id = format!("cs_{}", ids::alphanumeric(24));
        Ok(CheckoutSession {
            url: format!("{origin}/paygate/checkout/{id}"),
            id,
            object: "checkout.session",
            status: "open",
            amount,
            currency,
            payment: None,
            payment_status: "unpaid",
            customer: text("customer"),
            customer_email: text("customer_email"),
            success_url,
            cancel_url,
            metadata,
            expires_at,
            created_at: now,
            customer_phone: text("customer_phone"),
        })
    }

    /// Expires an open session whose time has come; `true` if it just did.
    pub fn expire_if_due(&mut self, now: DateTime<Utc>) -> bool {
        if self.status == "open" && now >= self.expires_at {
            self.status = "expired";
            return true;
        }
        false
    }
}

/// `{CHECKOUT_SESSION_ID}` replaced with the session's id, as on redirect.
pub fn with_session_id(url: &str, id: &str) -> String {
    url.replace("{CHECKOUT_SESSION_ID}", id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_placeholder_is_replaced_wherever_it_stands() {
        let url = "https://yoursite.com/success?session_id={CHECKOUT_SESSION_ID}";
        assert_eq!(
            with_session_id(url, "cs_abc123def456"),
            "https://yoursite.com/success?session_id=cs_abc123def456"
        );
        assert_eq!(
            with_session_id("https://yoursite.com/cancel", "cs_1"),
            "https://yoursite.com/cancel"
        );
        assert_eq!(
            with_session_id(
                "https://x/{CHECKOUT_SESSION_ID}/{CHECKOUT_SESSION_ID}",
                "cs_1"
            ),
            "https://x/cs_1/cs_1"
        );
    }
}
