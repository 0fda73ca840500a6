//! The element as the views see it: the functions the page set on it
//! (`fetchClientToken`, `fetchSessionStatus`) are read when they are
//! needed, so a page may set them at any time before.

use js_sys::{Function, Promise, Reflect};
use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlElement;

use super::error::BrowserError;

#[derive(Clone)]
pub struct HostElement(SendWrapper<HtmlElement>);

impl HostElement {
    pub fn new(host: &HtmlElement) -> Self {
        HostElement(SendWrapper::new(host.clone()))
    }

    pub fn element(&self) -> &HtmlElement {
        &self.0
    }

    /// Whether the page set a function under `name`.
    pub fn has_function(&self, name: &str) -> bool {
        Reflect::get(&self.0, &JsValue::from_str(name)).is_ok_and(|value| value.is_function())
    }

    /// Calls the page's function `name` with `args` and awaits what it
    /// returns (a promise or a plain value). A throw or a rejection is a
    /// [`BrowserError::Callback`] carrying the page's message.
    pub async fn call(
        &self,
        name: &'static str,
        args: &[JsValue],
    ) -> Result<JsValue, BrowserError> {
        let function: Function = Reflect::get(&self.0, &JsValue::from_str(name))
            .ok()
            .and_then(|value| value.dyn_into().ok())
            .ok_or(BrowserError::MissingCallback(name))?;
        let failed = |cause: JsValue| BrowserError::Callback {
            name,
            message: cause
                .dyn_ref::<js_sys::Error>()
                .map(|error| String::from(error.message()))
                .or_else(|| cause.as_string())
                .unwrap_or_else(|| "it threw".into()),
            cause,
        };
        let returned = match args {
            [] => function.call0(&JsValue::NULL),
            [first] => function.call1(&JsValue::NULL, first),
            [first, second, ..] => function.call2(&JsValue::NULL, first, second),
        }
        .map_err(failed)?;
        JsFuture::from(Promise::resolve(&returned))
            .await
            .map_err(failed)
    }
}
