//! Whether the checkout may send the customer to a gateway's payment page.
//!
//! A page outside the merchant's control only opens when it is `https:` and
//! its origin is on the gateway's allow-list: the origins its documentation
//! names, plus those the merchant lists in `configs.paymentPageOrigins`. The
//! page's own origin (the sandbox serves its payment pages there) is always
//! allowed. Anything else is `REDIRECT_BLOCKED`.
//!
//! The check errs on the side of refusing: an address that a browser could
//! read differently from this parser (tabs or backslashes it would drop or
//! turn into slashes, percent-escapes in the host, a user name before `@`)
//! is refused rather than interpreted.

use thiserror::Error;

use super::gateway::Gateway;

/// Longer addresses are refused: no payment page needs one, and they are a
/// common vehicle for smuggling a second URL past a naive check.
pub const MAX_PAYMENT_PAGE_URL_LEN: usize = 2048;

/// Why a payment page address was refused.
#[derive(Clone, Debug, Error, PartialEq, Eq)]
pub enum RedirectRefusal {
    #[error("the address is longer than {MAX_PAYMENT_PAGE_URL_LEN} characters")]
    TooLong,
    #[error("the address is not an absolute http(s) URL")]
    NotHttpUrl,
    #[error("the address holds characters a browser would read differently")]
    Ambiguous,
    #[error("the address carries a user name or password")]
    UserInfo,
    #[error("{origin} is not https")]
    NotHttps { origin: String },
    #[error("{origin} is not an allowed payment page origin")]
    NotListed { origin: String },
}

/// `scheme://host[:port]` of an absolute http(s) URL: lowercased, with the
/// scheme's default port left out, as browsers write `location.origin`.
pub fn origin_of(url: &str) -> Result<String, RedirectRefusal> {
    if url.len() > MAX_PAYMENT_PAGE_URL_LEN {
        return Err(RedirectRefusal::TooLong);
    }
    if url
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '\\')
    {
        return Err(RedirectRefusal::Ambiguous);
    }
    let (scheme, rest) = url.split_once("://").ok_or(RedirectRefusal::NotHttpUrl)?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return Err(RedirectRefusal::NotHttpUrl),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err(RedirectRefusal::UserInfo);
    }
    if authority.contains('%') {
        return Err(RedirectRefusal::Ambiguous);
    }
    let authority = authority.to_ascii_lowercase();
    let host = authority.strip_suffix(default_port).unwrap_or(&authority);
    if host.is_empty() || host.starts_with(':') {
        return Err(RedirectRefusal::NotHttpUrl);
    }
    Ok(format!("{scheme}://{host}"))
}

/// The origins a gateway's payment pages may be on: those its documentation
/// names, then the merchant's own list.
pub fn allowed_origins(gateway: Gateway, listed_by_merchant: &[String]) -> Vec<String> {
    let documented: &[&str] = match gateway {
        Gateway::Paygate => &["https://paygate.44.200.142.19.nip.io"],
        // Their payment pages are the merchant's or the acquirer's: only the
        // merchant can name them.
        Gateway::Universal | Gateway::Moment => &[],
        // These never send the customer anywhere.
        Gateway::Pdirect | Gateway::Invoice => &[],
    };
    documented
        .iter()
        .map(|origin| (*origin).to_owned())
        .chain(listed_by_merchant.iter().cloned())
        .collect()
}

/// `Ok` if the customer may be sent to `url` from a page on `own_origin`.
pub fn check_payment_page(
    url: &str,
    own_origin: &str,
    allowed: &[String],
) -> Result<(), RedirectRefusal> {
    let origin = origin_of(url)?;
    if origin_of(own_origin).is_ok_and(|own| own == origin) {
        return Ok(());
    }
    if !origin.starts_with("https://") {
        return Err(RedirectRefusal::NotHttps { origin });
    }
    let listed = allowed
        .iter()
        .filter_map(|allowed| origin_of(allowed.trim()).ok())
        .any(|allowed| allowed == origin);
    if listed {
        Ok(())
    } else {
        Err(RedirectRefusal::NotListed { origin })
    }
}

#[cfg(test)]
#[path = "redirect_tests.rs"]
mod tests;
