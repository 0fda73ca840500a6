//! The gateway simulators, one module per gateway, each mounted under its
//! own prefix and following its specification document to the field.

pub mod paygate;
pub mod pdirect;
pub mod universal;

use std::sync::Arc;

use axum::http::{header, HeaderName, Method};
use axum::Router;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// The simulators every gateway route is served by.
#[derive(Clone)]
pub struct Simulators {
    pub pdirect: Arc<pdirect::Simulator>,
    pub universal: Arc<universal::Simulator>,
    pub paygate: Arc<paygate::Simulator>,
}

/// Every simulator's routes. CORS lets a page on another origin call a
/// gateway with its session token, as it would the real host.
pub fn routes(simulators: &Simulators) -> Router {
    Router::new()
        .merge(pdirect::routes(simulators.pdirect.clone()))
        .merge(universal::routes(simulators.universal.clone()))
        .merge(paygate::routes(simulators.paygate.clone()))
        .layer(cors())
}

pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-device-fingerprint"),
        ])
}
