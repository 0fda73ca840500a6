//! One adapter per gateway: wire types in, normalised answers out.

pub mod pdirect;
pub mod universal;

use super::status::PaymentStatus;

/// Why a request did not give an answer the flow can use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// No answer arrived (offline, connection dropped, 5xx): the gateway may
    /// have processed it, so the same attempt is retried with the same key.
    Unreachable { detail: String },
    /// The session token expired: a new one is needed before retrying.
    SessionExpired,
    /// The gateway refused the request with its own code; nothing was
    /// charged. `field` names the customer field at fault, if any.
    Refused {
        code: String,
        message: String,
        field: Option<String>,
        retryable: bool,
    },
    /// The answer could not be understood.
    Malformed { detail: String },
}

/// An accepted submission: the `response` event's fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub transaction_id: String,
    pub status: PaymentStatus,
    pub message: Option<String>,
    pub amount: Option<String>,
    pub currency: Option<String>,
    pub fee_amount: Option<String>,
    pub total_amount: Option<String>,
    pub created_at: Option<String>,
}

/// A status poll's answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusUpdate {
    pub status: PaymentStatus,
    /// The gateway's code for a failed payment (`2001`, `2002`).
    pub failure_code: Option<String>,
    pub message: Option<String>,
}
