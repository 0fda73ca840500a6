//! The normalised payment status every adapter maps onto.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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

    /// The wire text, as in event details.
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Approved => "approved",
            PaymentStatus::Failed => "failed",
            PaymentStatus::Cancelled => "cancelled",
            PaymentStatus::Expired => "expired",
        }
    }
}
