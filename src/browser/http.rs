//! `fetch`, with an `AbortController` so a request in flight is cancelled
//! when the view that started it is unmounted, and a time limit so that a
//! gateway that never answers is treated as an answer lost (the flow then
//! resends the same attempt) rather than a spinner forever.

use std::future::{poll_fn, Future};
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use js_sys::Promise;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, Headers, RequestInit, Response};

use super::error::BrowserError;
use super::timers::sleep;
use crate::core::adapters::Failure;

/// How long one request may take, answer body included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(15);

/// What came back: the HTTP status and the body text.
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// Sends a request; any failure to get a whole answer (offline, CORS,
/// connection dropped mid-body, aborted) is a [`BrowserError::Network`],
/// and no whole answer within [`REQUEST_TIMEOUT`] a
/// [`BrowserError::TimedOut`].
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    abort: &AbortController,
) -> Result<Answer, BrowserError> {
    let timed_out = || BrowserError::TimedOut {
        url: url.to_owned(),
        seconds: REQUEST_TIMEOUT.as_secs(),
    };
    within(REQUEST_TIMEOUT, fetch(method, url, headers, body, abort))
        .await
        .unwrap_or_else(|| Err(timed_out()))
}

/// The future's output, or `None` if `limit` passes first (the future is
/// dropped: a late answer is ignored).
async fn within<T>(limit: Duration, future: impl Future<Output = T>) -> Option<T> {
    let mut future = pin!(future);
    let mut timer = pin!(sleep(limit));
    poll_fn(|context| {
        if let Poll::Ready(output) = future.as_mut().poll(context) {
            return Poll::Ready(Some(output));
        }
        timer.as_mut().poll(context).map(|()| None)
    })
    .await
}

async fn fetch(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
    abort: &AbortController,
) -> Result<Answer, BrowserError> {
    let network = |cause: JsValue| BrowserError::Network {
        url: url.to_owned(),
        cause,
    };
    let init = RequestInit::new();
    init.set_method(method);
    init.set_signal(Some(&abort.signal()));
    let header_list = Headers::new().map_err(network)?;
    for (name, value) in headers {
        header_list.append(name, value).map_err(network)?;
    }
    init.set_headers(&header_list);
    if let Some(body) = body {
        init.set_body(&JsValue::from_str(body));
    }
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let promise: Promise = window.fetch_with_str_and_init(url, &init);
    let response: Response = JsFuture::from(promise)
        .await
        .map_err(network)?
        .unchecked_into();
    let status = response.status();
    let text = JsFuture::from(response.text().map_err(network)?)
        .await
        .map_err(network)?;
    Ok(Answer {
        status,
        body: text.as_string().unwrap_or_default(),
    })
}

/// A network-level failure as the flow sees it: the answer was lost.
pub fn unreachable(error: &BrowserError) -> Failure {
    Failure::Unreachable {
        detail: error.to_string(),
    }
}
