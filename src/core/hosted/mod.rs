//! The hosted checkouts (PayGate, Moment): the customer pays on the
//! gateway's page and comes back. What their answers mean, which keys the
//! browser may hold, and the record that makes a return count once.

pub mod finished;
pub mod keys;
pub mod moment;
pub mod paygate;

/// The query parameter both gateways return the session id in (the
/// merchant's `success_url` puts it there through the placeholder).
pub const SESSION_ID_PARAM: &str = "session_id";

/// The parameter the element adds to PayGate's `cancel_url`, so a return
/// from Cancel is told apart from a return from Pay.
pub const CANCELLED_PARAM: &str = "pay_checkout_cancelled";
