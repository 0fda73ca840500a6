//! Where the session token comes from: given by the page (`configs.token`)
//! or fetched from the merchant backend (`session-url`).

use web_sys::AbortController;

use super::http;
use crate::core::adapters::Failure;
use crate::core::events::ErrorCode;
use crate::core::json::parse;

#[derive(Clone, Debug, PartialEq)]
pub enum SessionSource {
    /// `configs.token`: minted by the merchant before the element opened.
    Token(String),
    /// `session-url` / `configs.sessionUrl`: POSTed the values to bind.
    Url { url: String, request_body: String },
    /// Neither: the page must be fixed.
    Missing,
}

/// The token, or why there is none. Nothing is charged on any failure here,
/// so the flow may retry freely.
pub async fn fetch_session_token(
    source: &SessionSource,
    abort: &AbortController,
) -> Result<String, Failure> {
    let (url, body) = match source {
        SessionSource::Token(token) => return Ok(token.clone()),
        SessionSource::Missing => {
            return Err(Failure::Refused {
                code: ErrorCode::ConfigError.as_str().into(),
                message: "no session: set configs.token, or the session-url attribute".into(),
                field: None,
                retryable: false,
            })
        }
        SessionSource::Url { url, request_body } => (url, request_body),
    };
    let headers = [("Content-Type", "application/json")];
    let answer = http::send("POST", url, &headers, Some(body), abort)
        .await
        .map_err(|error| http::unreachable(&error))?;
    if !(200..300).contains(&answer.status) {
        return Err(Failure::Refused {
            code: ErrorCode::GatewayError.as_str().into(),
            message: format!(
                "the merchant backend answered HTTP {} for a session",
                answer.status
            ),
            field: None,
            retryable: true,
        });
    }
    // `{"session_token": "..."}`
    parse(&answer.body)
        .ok()
        .and_then(|session| Some(session.get("session_token")?.as_str()?.to_owned()))
        .ok_or_else(|| Failure::Malformed {
            detail: "the merchant backend sent no session_token".into(),
        })
}
