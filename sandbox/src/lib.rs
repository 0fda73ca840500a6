//! `pay-sandbox`: the demo's web server, simulators of the five gateways and
//! a reference merchant backend, all on one loopback port.
//!
//! - [`static_files`]: the demo page (`dist/`) and the npm package (`pkg/`);
//! - [`gateways`]: one simulator per gateway, each under its own prefix;
//! - [`merchant`]: the merchant backend that holds the sandbox secrets;
//! - [`health`]: a readiness probe for scripts and tests.

pub mod gateways;
pub mod health;
pub mod merchant;
pub mod settings;
pub mod static_files;

use axum::Router;
use tower_http::trace::TraceLayer;

use settings::Settings;

/// The whole sandbox as one router, ready to serve or to test in-process.
pub fn app(settings: &Settings) -> Router {
    Router::new()
        .merge(health::routes())
        .merge(gateways::routes())
        .merge(merchant::routes())
        .merge(static_files::routes(settings))
        .layer(TraceLayer::new_for_http())
}
