//! The Leptos views: one component per step of the checkout. Each
//! gateway's folder is in the build only with its Cargo feature; the shared
//! pieces a build without some gateways leaves unused are dropped by the
//! linker.
#![cfg_attr(
    not(all(feature = "pdirect", feature = "universal", feature = "invoice", feature = "moment", feature = "paygate")),
    allow(dead_code, unused_imports, unused_variables)
)]

mod amount_summary;
mod awaiting_approval;
mod checkout;
mod commands;
mod config_problem;
mod hooks;
mod hosted_screen;
mod i18n;
#[cfg(feature = "invoice")]
mod invoice;
#[cfg(feature = "moment")]
mod moment;
mod pay_button;
#[cfg(feature = "paygate")]
mod paygate;
mod payment_result;
#[cfg(feature = "pdirect")]
mod pdirect;
mod phone_input;
mod progress;
mod redirecting;
mod runtime;
mod sheet;
#[cfg(feature = "universal")]
mod universal;
mod wallet_form;

pub use checkout::Checkout;
pub use commands::{Command, Commands};

/// The component's CSS, adopted into each element's shadow root:
/// `checkout.css` as `build.rs` minified it.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/checkout.css"));

/// The base URL of the gateway or merchant routes a checkout calls:
/// `configs.apiBase`, else the `api-base` attribute, without a final `/`.
fn api_base(
    properties: &crate::core::payment_body::ElementProperties,
    config: Option<&crate::core::config::CheckoutConfig>,
) -> String {
    properties
        .configs
        .api_base
        .clone()
        .or_else(|| config.and_then(|config| config.api_base.clone()))
        .unwrap_or_default()
        .trim_end_matches('/')
        .to_owned()
}
