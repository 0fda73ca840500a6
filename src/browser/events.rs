//! Turns core events into DOM `CustomEvent`s on the host element.

use send_wrapper::SendWrapper;
use wasm_bindgen_futures::spawn_local;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use super::error::BrowserError;
use crate::core::events::CheckoutEvent;
use crate::core::json::to_text;

/// Where the views send events: the host element, given to them as a
/// context so they never hold the element themselves.
#[derive(Clone)]
pub struct EventSink(SendWrapper<HtmlElement>);

impl EventSink {
    pub fn new(host: &HtmlElement) -> Self {
        EventSink(SendWrapper::new(host.clone()))
    }

    pub fn emit(&self, event: CheckoutEvent) {
        dispatch_soon(&self.0, event);
    }
}

/// Dispatches `event` on `host` once the current task's synchronous work is
/// done: a listener added right after `append()` still hears it, and a
/// listener that touches the element cannot re-enter the handle mid-update.
pub fn dispatch_soon(host: &HtmlElement, event: CheckoutEvent) {
    let host = host.clone();
    spawn_local(async move {
        if let Err(error) = dispatch(&host, &event) {
            leptos::logging::error!("pay-checkout: {error}");
        }
    });
}

/// `bubbles` and `composed`, so a listener on `document` hears it even from
/// inside another component's shadow root.
fn dispatch(host: &HtmlElement, event: &CheckoutEvent) -> Result<(), BrowserError> {
    let name = event.name();
    // Written by the JSON writer that writes the gateways' requests, read by
    // the browser's own JSON.parse: no second serializer in the wasm.
    let detail = js_sys::JSON::parse(&to_text(&event.detail()))
        .map_err(|cause| BrowserError::Dispatch { event: name, cause })?;
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    let dom_event = CustomEvent::new_with_event_init_dict(name, &init)
        .map_err(|cause| BrowserError::Dispatch { event: name, cause })?;
    host.dispatch_event(&dom_event)
        .map_err(|cause| BrowserError::Dispatch { event: name, cause })?;
    Ok(())
}
