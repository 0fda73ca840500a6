//! `pay-sandbox`: the demo's web server, simulators of the five gateways and
//! a reference merchant backend, all on one loopback port.
//!
//! - [`static_files`]: the demo page (`dist/`) and the npm package (`pkg/`);
//! - [`gateways`]: one simulator per gateway, each under its own prefix;
//! - [`merchant`]: the merchant backend that holds the sandbox secrets;
//! - [`faults`], [`webhooks`], [`ledger`]: sandbox controls, the log of what
//!   was sent, and every payment the simulators hold;
//! - [`health`]: a readiness probe for scripts and tests.

pub mod faults;
pub mod gateways;
pub mod health;
mod ids;
pub mod ledger;
pub mod merchant;
pub mod settings;
pub mod signature;
pub mod static_files;
pub mod webhooks;

use std::sync::Arc;

use axum::routing::get;
use axum::{middleware, Json, Router};
use tower_http::trace::TraceLayer;

use faults::Faults;
use gateways::Simulators;
use settings::Settings;
use webhooks::{WebhookRecord, Webhooks};

/// The whole sandbox as one router, ready to serve or to test in-process.
pub fn app(settings: &Settings) -> Router {
    let webhooks = Arc::new(Webhooks::default());
    let simulators = Simulators {
        pdirect: Arc::new(gateways::pdirect::Simulator::new(webhooks.clone())),
        universal: Arc::new(gateways::universal::Simulator::new(webhooks.clone())),
        paygate: Arc::new(gateways::paygate::Simulator::new(webhooks.clone())),
        moment: Arc::default(),
        invoice: Arc::default(),
    };
    let faults = Faults::default();
    let sent = move || {
        let webhooks = webhooks.clone();
        async move { Json::<Vec<WebhookRecord>>(webhooks.sent()) }
    };
    Router::new()
        .merge(gateways::routes(&simulators))
        .merge(merchant::routes(&simulators))
        .merge(ledger::routes(simulators.clone()))
        .layer(middleware::from_fn_with_state(
            faults.clone(),
            faults::inject,
        ))
        .merge(faults::routes(faults))
        .route("/sandbox/webhooks", get(sent))
        .merge(health::routes())
        .merge(static_files::routes(settings))
        .layer(TraceLayer::new_for_http())
}
