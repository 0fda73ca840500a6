//! What a panic does: instead of leaving a dead form, every checkout in the
//! page says it stopped (an `error` event with `INTERNAL_ERROR`), and the
//! console names where, never what: a panic's message may quote values
//! (a token, a PIN) that must not reach the console.
//!
//! This hook runs where panics run one: debug builds, and release builds
//! linked against the prebuilt `std`. A release module built with its own
//! `std` panics by trapping at once (`-Cpanic=immediate-abort`, in
//! `scripts/wasm-env.sh`), and the element's snippet stops the checkouts
//! on that trap instead (`element.js`).

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/browser/element.js")]
extern "C" {
    #[wasm_bindgen(js_name = reportInternalError)]
    fn report_internal_error();

    #[wasm_bindgen(js_name = rememberStoppedText)]
    fn remember_stopped_text(element: &web_sys::HtmlElement, text: &str, lang: &str);
}

/// What `element` says if the module stops, in its customer's language:
/// kept on the JavaScript side, which cannot ask the stopped module.
pub fn prepare_stopped_notice(element: &super::host::HostElement, text: &str, lang: &str) {
    remember_stopped_text(element.element(), text, lang);
}

/// Installs the hook; called once, when the module starts.
pub fn install_hook() {
    std::panic::set_hook(Box::new(on_panic));
}

fn on_panic(info: &PanicHookInfo<'_>) {
    // Release builds carry no panic locations (line 0): say nothing then.
    let place = info
        .location()
        .filter(|location| location.line() != 0)
        .map(|location| format!(" at {}:{}", location.file(), location.line()))
        .unwrap_or_default();
    web_sys::console::error_1(
        &format!("pay-checkout: internal error{place}; the checkout has stopped").into(),
    );
    report_internal_error();
}

/// For the wasm tests only: a panic in its own task, as a bug in an event
/// handler or a timer would cause, with a message that must not be logged.
#[cfg(feature = "test-hooks")]
pub fn panic_soon(message: String) {
    let closure = Closure::once_into_js(move || -> () { panic!("{message}") });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback(closure.unchecked_ref());
    }
}
