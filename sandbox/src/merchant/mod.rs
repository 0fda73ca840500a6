//! The reference merchant backend under `/merchant/…`: the only place that
//! holds the sandbox merchant secrets, so the browser never sees them.

mod invoice;
mod moment;
mod paygate;
mod pdirect;
mod universal;
pub mod webhooks;

use axum::Router;

use crate::gateways::{cors, Simulators};

pub fn routes(simulators: &Simulators) -> Router {
    Router::new()
        .merge(pdirect::routes(simulators.pdirect.clone()))
        .merge(paygate::routes(simulators.paygate.clone()))
        .merge(moment::routes(simulators.moment.clone()))
        .merge(universal::routes(simulators.universal.clone()))
        .merge(invoice::routes(simulators.invoice.clone()))
        .layer(cors())
        .merge(webhooks::routes(webhooks::Receiver::default()))
}
