//! Where a hosted checkout (PayGate's page, Moment's frame) stands, as its
//! view shows it: one type for both, which share every screen but Moment's
//! frame.

use crate::core::i18n::Notice;
use crate::core::status::PaymentStatus;

#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// Waiting for the customer to begin.
    Ready,
    /// Getting the gateway's session (Moment: its client token).
    Creating,
    /// Moment's checkout, showing in its frame.
    Checkout,
    /// On the way to the gateway's page.
    Leaving,
    /// Back from it: asking how it ended.
    Verifying,
    /// Something went wrong: what the customer is told, and what "Try
    /// again" does.
    Problem { notice: Notice, retry: Retry },
    Result { session_id: String, status: PaymentStatus },
}

/// What "Try again" does after a problem.
#[derive(Clone, Debug, PartialEq)]
pub enum Retry {
    /// Begin a new checkout at once.
    Again,
    /// Back to the start: the return address named no session to check,
    /// so the customer begins a new one when ready.
    Start,
    /// Ask again how this session ended; `bool`: it came back through
    /// cancel.
    Verify(String, bool),
}
