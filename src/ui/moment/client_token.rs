//! The client token for one launch: from the page's `fetchClientToken`,
//! else from a POST to `session-url` answering `{client_token}`. A token
//! that looks like a secret key is refused.

use web_sys::AbortController;

use super::driver::problem;
use crate::browser::host::HostElement;
use crate::browser::{http, navigation};
use crate::core::events::{ErrorCode, ErrorDetail};
use crate::core::hosted::keys::refuse_secret;
use crate::core::hosted::SESSION_ID_PARAM;
use crate::core::json::{parse, to_text};
use crate::core::return_url::{with_params, without_params};
use crate::json;

pub async fn fetch_client_token(
    host: Option<HostElement>,
    session_url: Option<String>,
    abort: Option<AbortController>,
) -> Result<String, ErrorDetail> {
    let token = match host.filter(|host| host.has_function("fetchClientToken")) {
        Some(host) => host
            .call("fetchClientToken", &[])
            .await
            .map_err(|error| problem(ErrorCode::NetworkError, error.to_string(), true))?
            .as_string(),
        None => from_session_url(session_url, abort).await?,
    };
    let token = token
        .filter(|token| !token.trim().is_empty())
        .ok_or_else(|| {
            problem(
                ErrorCode::ConfigError,
                "fetchClientToken must resolve to the client token string",
                false,
            )
        })?;
    refuse_secret("the client token", &token)
        .map_err(|secret| problem(ErrorCode::ConfigError, secret.to_string(), false))?;
    Ok(token)
}

async fn from_session_url(
    session_url: Option<String>,
    abort: Option<AbortController>,
) -> Result<Option<String>, ErrorDetail> {
    let Some(url) = session_url else {
        return Err(problem(
            ErrorCode::ConfigError,
            "set fetchClientToken (or session-url) to open the checkout",
            false,
        ));
    };
    let abort = abort.ok_or_else(|| problem(ErrorCode::NetworkError, "closed", true))?;
    // Back to this page, where the status is asked for.
    let page = without_params(&navigation::page_url(), &[SESSION_ID_PARAM]);
    let success_url = with_params(&page, &[(SESSION_ID_PARAM, "{SESSION_ID}")]);
    let body = to_text(&json!({ "successUrl": success_url }));
    let headers = [("Content-Type", "application/json")];
    let answer = http::send("POST", &url, &headers, Some(&body), &abort)
        .await
        .map_err(|error| problem(ErrorCode::NetworkError, error.to_string(), true))?;
    let body = parse(&answer.body).unwrap_or_default();
    match (answer.status, body["client_token"].as_str()) {
        (200..=299, Some(token)) => Ok(Some(token.to_owned())),
        (status, _) => Err(problem(
            ErrorCode::GatewayError,
            format!("{url} answered {status} without a client_token"),
            status >= 500,
        )),
    }
}
