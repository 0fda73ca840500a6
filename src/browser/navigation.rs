//! The page's own address, and leaving it for a gateway's page.

use crate::core::redirect::payment_page_allowed;

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
/// https origin in `allowed_origins`.
pub fn is_allowed(url: &str, allowed_origins: &[String]) -> bool {
    payment_page_allowed(url, &own_origin(), allowed_origins)
}

/// Sends the customer to `url` (checked with [`is_allowed`] first).
pub fn go_to(url: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(url);
    }
}

/// Sends the customer to `url` if it is allowed; `false`, and nothing
/// happens, otherwise.
pub fn leave_for_allowed(url: &str, allowed_origins: &[String]) -> bool {
    let allowed = is_allowed(url, allowed_origins);
    if allowed {
        go_to(url);
    }
    allowed
}
