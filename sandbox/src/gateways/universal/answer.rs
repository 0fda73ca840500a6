//! The gateway's answer shape: `order_id`, `transaction_id`,
//! `transaction_ref`, `status`, `result{code,message}`,
//! `provider_result{code,message}`, `service_*`, `confirm_type`, `pp_url`.

use chrono::Utc;
use serde_json::{json, Value};

/// The status codes of the seed.
pub mod status {
    pub const UNDEFINED: i64 = -1;
    pub const INITIATED: i64 = 0;
    pub const IN_PROGRESS: i64 = 1;
    pub const SUCCESS: i64 = 2;
    pub const FAILED: i64 = 3;
    pub const CANCELLED: i64 = 4;
    pub const DATA_REQUIRED: i64 = 8;
}

pub const SERVICE_VERSION: &str = "5.7.3";

/// `result.code` values of the sandbox (0 is "OK", not "success": only
/// `status` says whether the payment succeeded). Documented in the README.
pub mod code {
    pub const OK: i64 = 0;
    pub const BAD_SIGNATURE: i64 = 1001;
    pub const UNKNOWN_MERCHANT: i64 = 1002;
    pub const BAD_ORDER_ID: i64 = 1003;
    pub const BAD_FIELD: i64 = 1004;
    pub const UNKNOWN_ORDER: i64 = 1005;
    pub const DECLINED: i64 = 2001;
    pub const INSUFFICIENT_FUNDS: i64 = 2002;
    pub const WRONG_OTP: i64 = 3001;
}

/// `service_date_time` as the samples write it.
pub fn service_date_time() -> String {
    Utc::now().format("%Y-%m-%d %H:%M:%S%.6f").to_string()
}

/// An answer about an order.
#[allow(clippy::too_many_arguments)]
pub fn order_answer(
    order_id: &str,
    transaction_id: &str,
    status: i64,
    result: (i64, &str),
    provider_message: &str,
    pp_url: Option<&str>,
) -> Value {
    let mut answer = json!({
        "order_id": order_id,
        "transaction_id": transaction_id,
        "transaction_ref": if transaction_id.is_empty() { String::new() } else { format!("SBX.{transaction_id}") },
        "status": status,
        "result": { "code": result.0, "message": result.1 },
        "provider_result": { "code": -8888, "message": provider_message },
        "service_id": 1,
        "service_version": SERVICE_VERSION,
        "service_date_time": service_date_time(),
        "confirm_type": 0,
    });
    if let Some(url) = pp_url {
        answer["pp_url"] = json!(url);
    }
    answer
}

/// A request refused before any order exists (bad signature, bad field).
pub fn refusal(order_id: &str, code: i64, message: &str) -> Value {
    order_answer(order_id, "", status::UNDEFINED, (code, message), "", None)
}
