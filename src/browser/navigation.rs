//! The page's own address, and leaving it for a gateway's page.

use crate::core::redirect::{check_payment_page, RedirectRefusal};

/// The page's full URL (empty when there is no window).
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

/// `scheme://host[:port]` of the page.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|window| window.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the customer may be sent to `url`: the page's own origin, or an
/// https origin in `allowed_origins`; if not, why not.
pub fn check(url: &str, allowed_origins: &[String]) -> Result<(), RedirectRefusal> {
    check_payment_page(url, &own_origin(), allowed_origins)
}

/// Sends the customer to `url` (checked with [`check`] first).
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Sends the customer to `url` if it is allowed; `false`, and nothing
/// happens, otherwise.
pub fn leave_for_allowed(url: &str, allowed_origins: &[String]) -> bool {
    let allowed = check(url, allowed_origins).is_ok();
    if allowed {
        go_to(url);
    }
    allowed
}
