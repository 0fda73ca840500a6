//! The universal gateway's request signature over the sandbox's
//! `serde_json` values: the element's `core::signature`, which works on
//! the element's own JSON tree. A value crosses as its text, keys in the
//! order they came (serde_json's `preserve_order`), which is what the
//! signature is computed in.

use pay_checkout::core::json;
use pay_checkout::core::signature::{self, SignatureError};
use serde_json::Value;

/// The lowercase hex signature of `request` (see `core::signature::sign`).
pub fn sign(request: &Value, secret: &str) -> Result<String, SignatureError> {
    signature::sign(&as_core(request), secret)
}

/// Whether `request` carries the signature `secret` gives.
pub fn verify(request: &Value, secret: &str) -> bool {
    signature::verify(&as_core(request), secret)
}

/// The same value in the element's tree; serde_json always writes JSON
/// the element's reader takes, so the fallback (`null`, refused by `sign`)
/// never shows.
fn as_core(value: &Value) -> json::Value {
    json::parse(&value.to_string()).unwrap_or_default()
}
