//! The sandbox test data: what the simulated wallet does with a payment.

/// The seed's sandbox wallet, which approves with its PIN.
pub const SANDBOX_PHONE: &str = "+243998857000";
pub const SANDBOX_PIN: &str = "048698";
/// A PIN every wallet declines.
pub const DECLINE_PIN: &str = "000000";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Approve,
    /// 2001: declined by the wallet (wrong PIN, or the decline PIN).
    Decline,
    /// 2002: not enough money in the wallet.
    InsufficientFunds,
    /// Stays pending for ever, and no webhook is sent.
    NeverResolve,
}

impl Outcome {
    /// The four-digit code of a failed payment.
    pub fn failure_code(self) -> Option<&'static str> {
        match self {
            Outcome::Decline => Some("2001"),
            Outcome::InsufficientFunds => Some("2002"),
            Outcome::Approve | Outcome::NeverResolve => None,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Outcome::Approve => "Payment approved",
            Outcome::Decline => "Payment declined by the wallet",
            Outcome::InsufficientFunds => "Insufficient funds in the wallet",
            Outcome::NeverResolve => "Payment request received",
        }
    }
}

/// Decides the outcome from the phone number and PIN, per the README's table.
pub fn outcome(phone: &str, pin: &str) -> Outcome {
    if pin == DECLINE_PIN || (phone == SANDBOX_PHONE && pin != SANDBOX_PIN) {
        Outcome::Decline
    } else if phone.ends_with("0002") {
        Outcome::InsufficientFunds
    } else if phone.ends_with("0003") {
        Outcome::NeverResolve
    } else {
        Outcome::Approve
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_test_data_table() {
        assert_eq!(outcome(SANDBOX_PHONE, SANDBOX_PIN), Outcome::Approve);
        assert_eq!(outcome(SANDBOX_PHONE, "123456"), Outcome::Decline);
        assert_eq!(outcome("+254700000001", DECLINE_PIN), Outcome::Decline);
        assert_eq!(
            outcome("+254700000002", "123456"),
            Outcome::InsufficientFunds
        );
        assert_eq!(outcome("+254700000003", "123456"), Outcome::NeverResolve);
        assert_eq!(outcome("+254700000009", "123456"), Outcome::Approve);
        assert_eq!(Outcome::InsufficientFunds.failure_code(), Some("2002"));
    }
}
