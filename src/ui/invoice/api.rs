//! The merchant backend's invoice routes, called with the checkout's
//! credential. An expired credential is replaced once (the same order gets
//! the same checkout again) and the call repeated: it is not a payment
//! attempt, so repeating it is always safe.

use web_sys::AbortController;

use crate::browser::http::{self, unreachable, Answer};
use crate::browser::session::SessionSource;
use crate::core::adapters::Failure;
use crate::core::events::ErrorCode;
use crate::core::invoice::wire::{read_checkout, Checkout};

/// Where one invoice checkout's calls go.
#[derive(Clone, Debug, PartialEq)]
pub struct InvoiceSetup {
    /// The merchant backend's invoice routes (`/merchant/invoice`).
    pub api_base: String,
    /// `configs.token` (a credential the page got itself), or the
    /// `session-url` to POST the order to (default `{api-base}/checkout`).
    pub session: SessionSource,
    pub status_timeout: std::time::Duration,
}

/// The checkout for this page's order.
pub async fn load_checkout(
    setup: &InvoiceSetup,
    abort: &AbortController,
) -> Result<Checkout, Failure> {
    let answer = match &setup.session {
        SessionSource::Url { url, request_body } => {
            let headers = [("Content-Type", "application/json")];
            http::send("POST", url, &headers, Some(request_body), abort).await
        }
        SessionSource::Token(token) => {
            let authorization = format!("Bearer {token}");
            let url = format!("{}/checkout", setup.api_base);
            http::send(
                "GET",
                &url,
                &[("Authorization", &authorization)],
                None,
                abort,
            )
            .await
        }
        SessionSource::Missing => {
            return Err(Failure::Refused {
                code: ErrorCode::ConfigError.as_str().into(),
                message: "set api-base (or session-url) to the merchant backend's invoice routes"
                    .into(),
                field: None,
                retryable: false,
            })
        }
    }
    .map_err(|error| unreachable(&error))?;
    let mut checkout = read_checkout(answer.status, &answer.body)?;
    if let SessionSource::Token(token) = &setup.session {
        checkout.credential = token.clone();
    }
    Ok(checkout)
}

/// One call to `{api-base}{path}` with the credential.
async fn send(
    setup: &InvoiceSetup,
    credential: &str,
    method: &str,
    path: &str,
    body: Option<&str>,
    abort: &AbortController,
) -> Result<Answer, Failure> {
    let authorization = format!("Bearer {credential}");
    let mut headers = vec![("Authorization", authorization.as_str())];
    if body.is_some() {
        headers.push(("Content-Type", "application/json"));
    }
    let url = format!("{}{path}", setup.api_base);
    http::send(method, &url, &headers, body, abort)
        .await
        .map_err(|error| unreachable(&error))
}

fn expired(answer: &Answer) -> bool {
    answer.status == 401 && answer.body.contains("SESSION_EXPIRED")
}

/// Calls a route; on an expired credential, loads the checkout again and
/// repeats the call with the new one, which `renewed` receives.
pub async fn call(
    setup: &InvoiceSetup,
    credential: &str,
    method: &str,
    path: &str,
    body: Option<&str>,
    abort: &AbortController,
    renewed: impl FnOnce(&Checkout),
) -> Result<Answer, Failure> {
    let answer = send(setup, credential, method, path, body, abort).await?;
    if !expired(&answer) || matches!(setup.session, SessionSource::Token(_)) {
        return Ok(answer);
    }
    let checkout = load_checkout(setup, abort).await?;
    renewed(&checkout);
    send(setup, &checkout.credential, method, path, body, abort).await
}

/// `+` and other reserved characters of a phone number, for a query.
pub fn query_value(value: &str) -> String {
    value
        .bytes()
        .map(|byte| match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => {
                (byte as char).to_string()
            }
            _ => format!("%{byte:02X}"),
        })
        .collect()
}
