//! The reference merchant backend under `/merchant/…`: the only place that
//! holds the sandbox merchant secrets, so the browser never sees them.

use axum::Router;

/// The merchant backend's routes; one module per gateway nests here.
pub fn routes() -> Router {
    Router::new()
}
