//! The Leptos views: one component per step of the checkout.

mod amount_summary;
mod awaiting_approval;
mod checkout;
mod commands;
mod config_problem;
mod hooks;
mod i18n;
mod invoice;
mod moment;
mod pay_button;
mod paygate;
mod payment_result;
mod pdirect;
mod phone_input;
mod progress;
mod runtime;
mod sheet;
mod universal;
mod wallet_form;

pub use checkout::Checkout;
pub use commands::{Command, Commands};

/// The component's CSS, adopted into each element's shadow root.
pub const STYLES: &str = include_str!("checkout.css");

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
