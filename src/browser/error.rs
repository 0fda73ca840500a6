//! Errors at the browser boundary; the JS cause is kept for the console.

use thiserror::Error;
use wasm_bindgen::JsValue;

use crate::core::json::JsonError;

#[derive(Debug, Error)]
pub enum BrowserError {
    #[error("could not define <{tag_name}>: {cause:?}")]
    Define { tag_name: String, cause: JsValue },
    #[error("no answer from {url}")]
    Network { url: String, cause: JsValue },
    #[error("no answer from {url} within {seconds} s")]
    TimedOut { url: String, seconds: u64 },
    #[error("{property}: {cause}")]
    Property {
        property: &'static str,
        cause: JsonError,
    },
    /// What `JSON.stringify` refuses (a cycle, a BigInt) or drops whole
    /// (a function, a symbol).
    #[error("{property} must be plain data (objects, arrays, strings, numbers, booleans)")]
    NotPlainData {
        property: &'static str,
        cause: JsValue,
    },
    #[error("{0} must be a function")]
    NotAFunction(&'static str),
    #[error("the page set no {0} function")]
    MissingCallback(&'static str),
    #[error("{name} failed: {message}")]
    Callback {
        name: &'static str,
        message: String,
        cause: JsValue,
    },
    #[error("could not open the checkout frame: {cause:?}")]
    Frame { cause: JsValue },
    #[error("sessionStorage is not available on this page")]
    StorageUnavailable,
    #[error("could not dispatch the {event} event: {cause:?}")]
    Dispatch { event: &'static str, cause: JsValue },
}

impl From<BrowserError> for JsValue {
    fn from(error: BrowserError) -> Self {
        js_sys::Error::new(&error.to_string()).into()
    }
}
