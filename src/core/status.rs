//! The normalised payment status every adapter maps onto.

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentStatus {
    Pending,
    Approved,
    Failed,
    Cancelled,
    Expired,
}

impl PaymentStatus {
    /// Whether the payment's outcome is known and will not change.
    pub fn is_final(self) -> bool {
        !matches!(self, PaymentStatus::Pending)
    }
}
