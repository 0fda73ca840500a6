//! `<pay-checkout>`: a payment checkout web component.
//!
//! - [`core`]: the pure rules (config, money, events), tested natively;
//! - `browser`: the thin edge to the page (custom element, events, styles);
//! - `ui`: the Leptos views, one component per step.

pub mod core;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod ui;

/// The stylesheet minifier `build.rs` runs, compiled here too so that its
/// tests run with the library's.
#[cfg(test)]
#[path = "../build/minify_css.rs"]
mod minify_css;

/// Hooks the wasm tests use to reach what no page input should (a panic).
#[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
pub use browser::panic::{install_hook as install_panic_hook, panic_soon};
#[cfg(target_arch = "wasm32")]
pub use browser::{define_element, DEFAULT_TAG_NAME};
