//! The pure core: everything that decides, nothing that touches the page.
//!
//! No `leptos`, `web_sys` or `wasm_bindgen` in here, so every rule is tested
//! natively with plain `#[test]`s beside the code.

pub mod adapters;
pub mod config;
pub mod events;
pub mod flow;
pub mod gateway;
pub mod hosted;
pub mod i18n;
pub mod ids;
pub mod invoice;
pub mod json;
pub mod money;
pub mod payment_body;
pub mod phone;
pub mod redirect;
pub mod return_url;
pub mod signature;
pub mod status;
pub mod universal_flow;
pub mod validation;
pub mod wire_amount;
