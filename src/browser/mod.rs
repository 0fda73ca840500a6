//! The thin browser edge: the custom element, its events and its errors.
//!
//! Everything here translates between the page and the pure core; decisions
//! are made in [`crate::core`]. A build without some gateways leaves parts
//! of it unused; the linker drops them.
#![cfg_attr(
    not(all(feature = "pdirect", feature = "universal", feature = "invoice", feature = "moment", feature = "paygate")),
    allow(dead_code, unused_imports)
)]

pub mod device;
mod element;
mod error;
pub mod events;
pub mod format;
pub mod frame;
pub mod host;
pub mod http;
pub mod navigation;
pub mod panic;
pub mod return_visit;
pub mod session;
pub mod storage;
pub mod timers;

use wasm_bindgen::prelude::*;

/// The element's name when the page does not choose one.
pub const DEFAULT_TAG_NAME: &str = "pay-checkout";

/// Runs when the module is instantiated: `<pay-checkout>` is ready to use.
#[wasm_bindgen(start)]
pub fn start() -> Result<(), JsValue> {
    panic::install_hook();
    define_element(DEFAULT_TAG_NAME)?;
    Ok(())
}

/// Defines the checkout element under `tag_name` (`defineElement` in JS).
///
/// Returns `false` when the name is already taken, so calling it twice is
/// safe; a name that is not a valid custom-element name is an error.
#[wasm_bindgen(js_name = defineElement)]
pub fn define_element(tag_name: &str) -> Result<bool, JsValue> {
    element::define(tag_name).map_err(JsValue::from)
}
