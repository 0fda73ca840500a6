//! The gateway simulators, one module per gateway, each mounted under its
//! own prefix and following its specification document to the field.

pub mod invoice;
pub mod moment;
pub mod paygate;
pub mod pdirect;
mod secret_key;
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
    pub moment: Arc<moment::Simulator>,
    pub invoice: Arc<invoice::Simulator>,
}

/// Every simulator's routes. CORS lets a page on another origin call a
/// gateway with its session token, as it would the real host.
pub fn routes(simulators: &Simulators) -> Router {
    Router::new()
        .merge(pdirect::routes(simulators.pdirect.clone()))
        .merge(universal::routes(simulators.universal.clone()))
        .merge(paygate::routes(simulators.paygate.clone()))
        .merge(moment::routes(simulators.moment.clone()))
        .merge(invoice::routes(simulators.invoice.clone()))
        .layer(cors())
}

/// `http://host:port` of the sandbox as the caller reached it: hosted pages
/// (`pp_url`, a session's `url`) are served from there.
pub fn request_origin(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get("host")
        .and_then(|value| value.to_str().ok())
        .unwrap_or("127.0.0.1:8080");
    format!("http://{host}")
}

pub fn cors() -> CorsLayer {
    CorsLayer::new()
        .allow_origin(AllowOrigin::mirror_request())
        .allow_methods([Method::GET, Method::POST, Method::PUT])
        .allow_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT_LANGUAGE,
            HeaderName::from_static("idempotency-key"),
            HeaderName::from_static("x-device-fingerprint"),
        ])
}
