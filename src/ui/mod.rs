//! The Leptos views: one component per step of the checkout.

mod amount_summary;
mod checkout;
mod config_problem;

pub use checkout::Checkout;

/// The component's CSS, adopted into each element's shadow root.
pub const STYLES: &str = include_str!("checkout.css");
