//! The page the customer came back to from a hosted checkout: the session
//! id it carries, whether this tab already reported that session, and the
//! tidying once it is handled (the id leaves the address bar, so a reload
//! starts afresh; the stored record covers a replayed link).

use super::navigation::page_url;
use super::storage;
use crate::core::hosted::finished::{Finished, FINISHED_KEY};
use crate::core::hosted::{CANCELLED_PARAM, SESSION_ID_PARAM};
use crate::core::return_url::{has_param, session_id, without_params, ReturnUrlError};
use crate::core::status::PaymentStatus;

pub struct ReturnVisit {
    pub session_id: String,
    /// Came back through the cancel URL (PayGate).
    pub cancelled: bool,
    /// What this tab already reported for the session, if it did.
    pub reported: Option<PaymentStatus>,
}

/// `None` on an ordinary visit; an error for a return URL whose id cannot
/// be trusted.
pub fn read() -> Result<Option<ReturnVisit>, ReturnUrlError> {
    let url = page_url();
    if !has_param(&url, SESSION_ID_PARAM) {
        return Ok(None);
    }
    let id = session_id(&url, SESSION_ID_PARAM)?;
    // Blocked storage: nothing reported as far as we can tell; the URL is
    // still tidied, so a reload does not report twice.
    Ok(Some(ReturnVisit {
        reported: reported(&id),
        cancelled: has_param(&url, CANCELLED_PARAM),
        session_id: id,
    }))
}

/// What this tab already reported for a payment id, if anything.
pub fn reported(id: &str) -> Option<PaymentStatus> {
    let finished = storage::read(FINISHED_KEY).ok().flatten()?;
    Finished::parse(&finished).status_of(id)
}

/// Remembers that `session_id` was reported as `status`.
pub fn record(session_id: &str, status: PaymentStatus) {
    let finished = storage::read(FINISHED_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let text = Finished::parse(&finished).record(session_id, status);
    let _ = storage::write(FINISHED_KEY, &text);
}

/// Takes the return parameters out of the address bar.
pub fn tidy_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let url = page_url();
    let clean = without_params(&url, &[SESSION_ID_PARAM, CANCELLED_PARAM]);
    if clean != url {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(
                &history.state().unwrap_or_default(),
                "",
                Some(&clean),
            );
        }
    }
}
