//! The reference merchant backend under `/merchant/…`: the only place that
//! holds the sandbox merchant secrets, so the browser never sees them.

mod pdirect;
mod universal;

use axum::Router;

use crate::gateways::{cors, Simulators};

pub fn routes(simulators: &Simulators) -> Router {
    Router::new()
        .merge(pdirect::routes(simulators.pdirect.clone()))
        .merge(universal::routes(simulators.universal.clone()))
        .layer(cors())
}
