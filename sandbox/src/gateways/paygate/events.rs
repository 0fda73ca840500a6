//! PayGate's webhook events, signed so the merchant can check where they
//! came from: `PayGate-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
//! "<t>.<body>" with the endpoint secret>`.

use chrono::Utc;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::Sha256;

use crate::ids;

/// The sandbox endpoint's signing secret (documented in the README).
pub const WEBHOOK_SECRET: &str = "whsec_sandbox";

pub fn event(kind: &str, session: Value) -> Value {
    json!({
        "id": format!("evt_{}", ids::alphanumeric(24)),
        "object": "event",
        "type": kind,
        "created": Utc::now().timestamp(),
        "data": { "object": session },
    })
}

/// The `PayGate-Signature` header for `payload` sent at `timestamp`.
pub fn signature_header(payload: &str, timestamp: i64) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(WEBHOOK_SECRET.as_bytes())
        .expect("HMAC takes any key length");
    mac.update(format!("{timestamp}.{payload}").as_bytes());
    let hex: String = mac
        .finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("t={timestamp},v1={hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_is_hmac_sha256_of_timestamp_dot_payload() {
        // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac whsec_sandbox
        assert_eq!(
            signature_header("{}", 1_700_000_000),
            "t=1700000000,v1=e2ad7c8efc4f466b07d198eb3d3ddca6cb1c14eed72205ab16b9816c682df3e4"
        );
    }
}
