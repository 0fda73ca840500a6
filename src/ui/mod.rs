//! The Leptos views: one component per step of the checkout.

mod amount_summary;
mod awaiting_approval;
mod checkout;
mod config_problem;
mod payment_result;
mod pdirect;
mod runtime;
mod universal;
mod wallet_form;

pub use checkout::Checkout;

/// The component's CSS, adopted into each element's shadow root.
pub const STYLES: &str = include_str!("checkout.css");
